"""Two tiny chapters for the rendering tests: one that renders, one that fails."""
import os

from manim import Circle, Create, MathTex

from scenes.components import ChapterScene


class TinyCircle(ChapterScene):
    def construct(self) -> None:
        self.add(MathTex("x^2"))
        self.play(Create(Circle()), run_time=0.5)
        # what the chapter's process was given, for the test to read back
        (self.renderer.file_writer.movie_file_path.parent / "seen.txt").write_text(
            f"{os.getcwd()}\n{os.environ.get('TINY_MARK', '')}")


class Broken(ChapterScene):
    def construct(self) -> None:
        raise ValueError("this chapter is broken on purpose")

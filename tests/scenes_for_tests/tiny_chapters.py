"""Tiny chapters for the rendering tests: one that renders, one that fails, one that speaks."""
import os

from manim import Circle, Create, FadeIn, MathTex, Square

from scenes.content.narration import BeatScript, ChapterScript
from scenes.pipeline.chapter_scene import ChapterScene


class TinyCircle(ChapterScene):
    def construct(self) -> None:
        self.add(MathTex("x^2"))
        self.play(Create(Circle()), run_time=0.5)
        # what the chapter's process was given, for the test to read back
        (self.renderer.file_writer.movie_file_path.parent / "seen.txt").write_text(
            f"{os.getcwd()}\n{os.environ.get('TINY_MARK', '')}")


class EditedWhileRendering(ChapterScene):
    """Imports the module named by TINY_EDITED and edits its file mid-render (as a person might)."""

    def construct(self) -> None:
        import importlib

        module = importlib.import_module(os.environ["TINY_EDITED"])
        self.play(Create(Circle()), run_time=0.2)
        with open(module.__file__, "a") as source:
            source.write("# edited while the chapter rendered\n")


class Broken(ChapterScene):
    def construct(self) -> None:
        raise ValueError("this chapter is broken on purpose")


TINY_SCRIPT = ChapterScript("t00", "Tiny", (
    BeatScript("t00", "one", "A circle", "A tiny chapter speaks. Here is a circle."),
    BeatScript("t00", "two", "A square: {n}", "Now a square, number {n}."),
))


class TinyNarrated(ChapterScene):
    """Two narrated beats (its own script), each with an animation timed to a sentence."""

    @classmethod
    def script(cls) -> ChapterScript:
        return TINY_SCRIPT

    def construct(self) -> None:
        with self.beat("one") as beat:
            beat.wait_until(1)
            self.play(Create(Circle()), run_time=beat.time_to(2))
        with self.beat("two", n=7):
            self.play(FadeIn(Square()), run_time=0.5)

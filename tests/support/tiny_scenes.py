"""Tiny scenes for the rendering tests: one that renders, one that fails, one that speaks, one that
shows the chosen input, one that takes its time (to be interrupted)."""
import os
import time

from manim import WHITE, Circle, Create, FadeIn, MathTex, Rectangle, Square

from scenes.components import DigitImage, Reveal
from scenes.content.digit_input import chosen_input
from scenes.runtime.narrated_scene import NarratedScene

TINY_SCRIPT = {"title": "A tiny scene", "beats": [
    {"id": "one", "caption": "A circle", "say": "A tiny chapter speaks. Here is a circle."},
    {"id": "two", "caption": "A square: {n}", "say": "Now a square, number {n}."},
]}


class TinyCircle(NarratedScene):
    def construct(self) -> None:
        self.add(MathTex("x^2"))
        self.play(Create(Circle()), run_time=0.5)
        # what the scene's process was given, for the test to read back
        (self.renderer.file_writer.movie_file_path.parent / "seen.txt").write_text(
            f"{os.getcwd()}\n{os.environ.get('TINY_MARK', '')}")


class EditedWhileRendering(NarratedScene):
    """Imports the module named by TINY_EDITED and edits its file mid-render (as a person might)."""

    def construct(self) -> None:
        import importlib

        module = importlib.import_module(os.environ["TINY_EDITED"])
        self.play(Create(Circle()), run_time=0.2)
        with open(module.__file__, "a") as source:
            source.write("# edited while the chapter rendered\n")


class Broken(NarratedScene):
    def construct(self) -> None:
        raise ValueError("this chapter is broken on purpose")


class TinyNarrated(NarratedScene):
    """Two narrated beats (its own script), each with an animation timed to a sentence."""

    narration = TINY_SCRIPT

    def construct(self) -> None:
        if os.environ.get("TINY_FAIL"):
            raise RuntimeError("asked to fail (TINY_FAIL)")
        with self.beat("one") as beat:
            beat.wait_until(1)
            self.play(Create(Circle()), run_time=beat.time_to(2))
        with self.beat("two", n=7):
            self.play(FadeIn(Square()), run_time=0.5)


class TinyInput(NarratedScene):
    """Shows the chosen input digit."""

    def construct(self) -> None:
        self.add(DigitImage(chosen_input(0).pixels, side=2))
        self.wait(0.2)


class Sleeper(NarratedScene):
    """Takes ``TINY_SLEEP`` seconds of wall time (default 30): something to interrupt. When its sleep
    begins it writes its process id to the file ``TINY_ASLEEP`` names (if any)."""

    def construct(self) -> None:
        self.add(Circle())
        if marker := os.environ.get("TINY_ASLEEP"):
            with open(marker, "w") as file:
                file.write(str(os.getpid()))
        time.sleep(float(os.environ.get("TINY_SLEEP", "30")))
        self.wait(0.2)


class TinySlowStart(NarratedScene):
    """Its first play is long: the title, leaving with it, must still leave in its own short time."""

    narration = TINY_SCRIPT

    def construct(self) -> None:
        with self.beat("one"):
            self.play(Create(Circle()), run_time=3)
        with self.beat("two", n=7):
            self.play(FadeIn(Square()), run_time=0.5)


class TinyRevealUnderTitle(NarratedScene):
    """Its first play reveals a white panel where the title stood: the leaving title must hide none of it."""

    narration = TINY_SCRIPT

    def construct(self) -> None:
        panel = Rectangle(width=8, height=3).set_fill(WHITE, 1).set_stroke(width=0)
        with self.beat("one"):
            self.play(Reveal(panel), run_time=3)
        with self.beat("two", n=7):
            self.wait(0.5)

"""A tiny chapter with TinyCircle's formula, in a module (so a media folder) of its own."""
from manim import MathTex

from scenes.pipeline.chapter_scene import ChapterScene


class TinyFormula(ChapterScene):
    def construct(self) -> None:
        self.add(MathTex("x^2"))
        self.wait(0.2)

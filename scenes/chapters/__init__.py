"""The film's chapters in order: the one list used by render.sh, the film assembly and the slides.

Each chapter is one module here (``chNN_name.py``) with one scene class; its words (title,
captions, narration) are in the script, ``scenes/content/scripts/LANG.toml``, under ``chNN``.
"""
from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module

from manim import Scene

from scenes.content.narration import DEFAULT_LANGUAGE, load_script


@dataclass(frozen=True)
class Chapter:
    number: int
    start: str  # where the chapter starts in the original film's narration
    module: str  # python module, e.g. scenes.chapters.ch04_layers
    scene: str  # Scene class name

    @property
    def key(self) -> str:
        """The chapter's key in the narration script, e.g. "ch04"."""
        return self.module.rsplit(".", 1)[1].split("_")[0]

    @property
    def path(self) -> str:
        """The scene file, relative to the repository root."""
        return self.module.replace(".", "/") + ".py"

    @property
    def title(self) -> str:
        """The chapter's title (English; ``title_in`` for another language)."""
        return self.title_in(DEFAULT_LANGUAGE)

    def title_in(self, language: str) -> str:
        """The title in ``language``'s script (the scene's name for a chapter the script lacks)."""
        script = load_script(language)
        return script.chapters[self.key].title if self.key in script.chapters else self.scene

    def scene_class(self) -> type[Scene]:
        return getattr(import_module(self.module), self.scene)


CHAPTERS: tuple[Chapter, ...] = (
    Chapter(1, "0:00", "scenes.chapters.ch01_introduction", "IntroductionExample"),
    Chapter(2, "1:07", "scenes.chapters.ch02_series_preview", "SeriesPreview"),
    Chapter(3, "2:42", "scenes.chapters.ch03_neurons", "WhatAreNeurons"),
    Chapter(4, "3:35", "scenes.chapters.ch04_layers", "IntroducingLayers"),
    Chapter(5, "5:31", "scenes.chapters.ch05_why_layers", "WhyLayers"),
    Chapter(6, "8:38", "scenes.chapters.ch06_edge_detection", "EdgeDetection"),
    Chapter(7, "11:34", "scenes.chapters.ch07_counting", "CountingParameters"),
    Chapter(8, "12:30", "scenes.chapters.ch08_learning", "HowLearningRelates"),
    Chapter(9, "13:26", "scenes.chapters.ch09_notation", "LinearAlgebraNotation"),
    Chapter(10, "15:17", "scenes.chapters.ch10_recap", "Recap"),
    Chapter(11, "16:27", "scenes.chapters.ch11_learned_weights", "WhatItLearned"),
    Chapter(12, "17:03", "scenes.chapters.ch12_relu", "ReluVsSigmoid"),
)

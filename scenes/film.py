"""The film's chapters in order: the one list used by render.sh, the film assembly and the slides."""
from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module

from manim import Scene


@dataclass(frozen=True)
class Chapter:
    number: int
    title: str  # as in the narration's chapter list
    start: str  # narration timestamp
    module: str  # python module under scenes/
    scene: str  # Scene class name

    @property
    def path(self) -> str:
        """The scene file, relative to the repository root."""
        return self.module.replace(".", "/") + ".py"

    def scene_class(self) -> type[Scene]:
        return getattr(import_module(self.module), self.scene)


CHAPTERS: tuple[Chapter, ...] = (
    Chapter(1, "Introduction example", "0:00", "scenes.ch01_introduction", "IntroductionExample"),
    Chapter(2, "Series preview", "1:07", "scenes.ch02_series_preview", "SeriesPreview"),
    Chapter(3, "What are neurons?", "2:42", "scenes.ch03_neurons", "WhatAreNeurons"),
    Chapter(4, "Introducing layers", "3:35", "scenes.ch04_layers", "IntroducingLayers"),
    Chapter(5, "Why layers?", "5:31", "scenes.ch05_why_layers", "WhyLayers"),
    Chapter(6, "Edge detection example", "8:38", "scenes.ch06_edge_detection", "EdgeDetection"),
    Chapter(7, "Counting weights and biases", "11:34", "scenes.ch07_counting", "CountingParameters"),
    Chapter(8, "How learning relates", "12:30", "scenes.ch08_learning", "HowLearningRelates"),
    Chapter(9, "Notation and linear algebra", "13:26", "scenes.ch09_notation", "LinearAlgebraNotation"),
    Chapter(10, "Recap", "15:17", "scenes.ch10_recap", "Recap"),
    Chapter(11, "Some final words", "16:27", "scenes.ch11_learned_weights", "WhatItLearned"),
    Chapter(12, "ReLU vs Sigmoid", "17:03", "scenes.ch12_relu", "ReluVsSigmoid"),
)

"""What the film is made of: its chapters in order, and scenes of your own named on the command line.

A chapter is one file of ``scenes/chapters/`` (``chNN_name.py``) with one scene class; its words
(title, captions, narration) are in the script, ``scenes/content/scripts/LANG.toml``, under
``chNN``. No manim here: the command line lists and finds chapters without loading it.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from scenes.content.narration import DEFAULT_LANGUAGE, load_script

from .paths import ROOT

CHAPTERS_DIR = ROOT / "scenes" / "chapters"
#: each chapter's length and render time as last measured (tools/benchmark.py writes it)
MEASURED = Path(__file__).with_name("measured.json")


@dataclass(frozen=True)
class Chapter:
    """A scene to render: a chapter of the film (``number`` 1…12), or a scene file of your own (0)."""

    number: int
    file: Path  # the scene's file
    scene: str  # its class

    @property
    def key(self) -> str:
        """The chapter's key in the narration script ("ch04"), or the file's name for your own scene."""
        return self.file.stem.split("_")[0] if self.number else self.file.stem

    @property
    def name(self) -> str:
        """The name its outputs are kept under: the file's stem ("ch04_layers")."""
        return self.file.stem

    @property
    def title(self) -> str:
        """The chapter's title in English (``title_in`` for another language)."""
        return self.title_in(DEFAULT_LANGUAGE)

    def title_in(self, language: str) -> str:
        """The title in ``language``'s script (the scene's class name for a scene of your own)."""
        script = load_script(language)
        return script.chapters[self.key].title if self.number and self.key in script.chapters else self.scene

    def shown(self) -> str:
        """The file as a person would type it: relative to the project when inside it."""
        return str(self.file.relative_to(ROOT)) if self.file.is_relative_to(ROOT) else str(self.file)


def _chapter(number: int, stem: str, scene: str) -> Chapter:
    return Chapter(number, CHAPTERS_DIR / f"{stem}.py", scene)


CHAPTERS: tuple[Chapter, ...] = (
    _chapter(1, "ch01_introduction", "IntroductionExample"),
    _chapter(2, "ch02_series_preview", "SeriesPreview"),
    _chapter(3, "ch03_neurons", "WhatAreNeurons"),
    _chapter(4, "ch04_layers", "IntroducingLayers"),
    _chapter(5, "ch05_why_layers", "WhyLayers"),
    _chapter(6, "ch06_edge_detection", "EdgeDetection"),
    _chapter(7, "ch07_counting", "CountingParameters"),
    _chapter(8, "ch08_learning", "HowLearningRelates"),
    _chapter(9, "ch09_notation", "LinearAlgebraNotation"),
    _chapter(10, "ch10_recap", "Recap"),
    _chapter(11, "ch11_learned_weights", "WhatItLearned"),
    _chapter(12, "ch12_relu", "ReluVsSigmoid"),
)


def measured() -> dict[str, dict[str, float]]:
    """{"length": {chapter number: seconds}, "render": {…}} as last measured (480p15, English, Piper)."""
    data = json.loads(MEASURED.read_text(encoding="utf-8"))
    return {kind: {k: float(v) for k, v in values.items()} for kind, values in data.items() if isinstance(values, dict)}


def start_times() -> dict[int, float]:
    """Where each chapter starts in the film (seconds), from the measured lengths."""
    lengths = measured()["length"]
    starts, at = {}, 0.0
    for chapter in CHAPTERS:
        starts[chapter.number] = at
        at += lengths.get(str(chapter.number), 0.0)
    return starts


def clock(seconds: float) -> str:
    """93.4 → "1:33"."""
    minutes, secs = divmod(int(seconds), 60)
    return f"{minutes}:{secs:02d}"

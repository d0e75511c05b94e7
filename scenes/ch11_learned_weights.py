"""Chapter 11 (16:27) Some final words: what the trained network's first layer really learned.

Learning itself is the next video's subject. Here the hope of chapter 5 (first-layer neurons
that pick up neat little edges) is shown as a hope: four edge detectors made by hand, labelled
so. Beside them, the truth: the 16 weight rows of the shipped network's first hidden layer
(``nn.load_pretrained().weights[0]``), each as a green/red 28×28 grid. They are loose blobs,
not clean edges, and yet the network reads most test digits correctly: the accuracy shown is
computed here from ``nn`` on the 10,000 test images.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np
from manim import (
    DOWN, LEFT, RIGHT, UP, Create, FadeIn, FadeOut, ReplacementTransform, SurroundingRectangle, Text,
    Group, TransformFromCopy,
)

import nn
from scenes.components import ChapterScene, WeightGrid, caption, heading, style

# --- the hope: hand-made edge detectors ((row, col) end points of a short stroke) ------------
HOPED_STROKES: tuple[tuple[tuple[float, float], tuple[float, float]], ...] = (
    ((8, 9), (8, 19)),  # a horizontal edge, upper half
    ((7, 19), (19, 19)),  # a vertical edge on the right
    ((19, 8), (11, 16)),  # a rising diagonal
    ((9, 8), (17, 14)),  # a falling diagonal
)
STROKE_HALF_WIDTH = 1.0  # pixels within this distance of the stroke weigh +1 ...
SURROUND_WIDTH = 2.5  # ... and those up to this much further weigh −1

# --- layout (manim units) ------------------------------------------------------------------
HOPE_SIDE = 1.35
HOPE_GAP = 0.25
HOPE_CENTER = LEFT * 4.3 + DOWN * 0.35
REAL_SIDE = 1.12
REAL_GAP = 0.12
REAL_COLUMNS = 4
REAL_CENTER = RIGHT * 2.4 + DOWN * 0.45
LABEL_BUFF = 0.2
CLOSE_NEURON = 0  # the first hidden neuron, shown large
CLOSE_SIDE = 3.2
APPEAR_TIME = 0.2  # one real grid appearing (16 of them, one after another)


def hoped_edge(stroke: tuple[tuple[float, float], tuple[float, float]]) -> np.ndarray:
    """A made-up edge detector (784,): +1 along a short stroke, −1 in a band around it, 0 elsewhere."""
    (r0, c0), (r1, c1) = stroke
    rows, cols = np.mgrid[0:28, 0:28].astype(float)
    d = np.array([r1 - r0, c1 - c0])
    t = np.clip(((rows - r0) * d[0] + (cols - c0) * d[1]) / float(d @ d), 0.0, 1.0)
    dist = np.hypot(rows - (r0 + t * d[0]), cols - (c0 + t * d[1]))
    w = np.where(dist <= STROKE_HALF_WIDTH, 1.0, np.where(dist <= STROKE_HALF_WIDTH + SURROUND_WIDTH, -1.0, 0.0))
    return w.reshape(-1)


def hoped_edges() -> np.ndarray:
    """(4, 784): the hand-made hopes, one row per stroke of ``HOPED_STROKES``."""
    return np.stack([hoped_edge(s) for s in HOPED_STROKES])


def learned_rows() -> np.ndarray:
    """(16, 784): the shipped network's first-layer weights, one row per hidden neuron."""
    return nn.load_pretrained().weights[0]


@lru_cache(maxsize=1)
def test_accuracy() -> float:
    """The shipped network's accuracy on the 10,000 MNIST test images (computed once per process)."""
    images, labels = nn.load_split("test")
    return nn.load_pretrained().accuracy(images, labels)


def accuracy_text(accuracy: float) -> str:
    return f"{100 * accuracy:.1f} %"


class WhatItLearned(ChapterScene):
    """The hope of neat edges next to the 16 real first-layer weight grids, and the accuracy."""

    def construct(self) -> None:
        self.next_time()
        self.the_hope()
        self.the_real_weights()
        self.closer_look()
        self.still_works()
        self.play(FadeOut(*self.mobjects), run_time=style.RUN_TIME)

    # --- steps ---------------------------------------------------------------------------
    def next_time(self) -> None:
        self.title = heading("What did our network learn?")
        self.caption = caption("Next video: how it learns weights from data")
        self.play(FadeIn(self.title), FadeIn(self.caption), run_time=style.RUN_TIME)
        self.wait(style.LONG_PAUSE + style.PAUSE)
        self.beat("next: learning")

    def the_hope(self) -> None:
        grids = Group(*(WeightGrid(row, side=HOPE_SIDE, frame=True) for row in hoped_edges()))
        grids.arrange_in_grid(2, 2, buff=HOPE_GAP).move_to(HOPE_CENTER)
        label = Text("The hope (made by hand)", font_size=style.FONT_SIZE_SMALL, color=style.SECONDARY)
        label.next_to(grids, UP, buff=LABEL_BUFF)
        self.hope = Group(grids, label)
        self.play(FadeIn(label), self._swap_caption("We hoped for neurons that find neat edges"),
                  run_time=style.RUN_TIME)
        for grid in grids:
            self.play(FadeIn(grid), run_time=style.SHORT_RUN_TIME)
        self.wait(style.LONG_PAUSE + style.PAUSE)
        self.beat("the hope")

    def the_real_weights(self) -> None:
        rows = learned_rows()
        grids = Group(*(WeightGrid(row, side=REAL_SIDE, frame=True) for row in rows))
        grids.arrange_in_grid(cols=REAL_COLUMNS, buff=REAL_GAP).move_to(REAL_CENTER)
        label = Text(f"What it learned: its {len(rows)} first-layer neurons",
                     font_size=style.FONT_SIZE_SMALL, color=style.TEXT_COLOR)
        label.next_to(grids, UP, buff=LABEL_BUFF)
        self.real = Group(grids, label)
        self.play(FadeIn(label), self._swap_caption("Here are the trained network's real weights"),
                  run_time=style.RUN_TIME)
        for grid in grids:
            self.play(FadeIn(grid), run_time=APPEAR_TIME)
        self.wait(style.LONG_PAUSE + style.PAUSE)
        self.wait(style.LONG_PAUSE)
        self.beat("the real weights")

    def closer_look(self) -> None:
        """One real neuron's grid, large where the hope was: a blob, not an edge."""
        grids = self.real[0]
        small = grids[CLOSE_NEURON]
        big = WeightGrid(learned_rows()[CLOSE_NEURON], side=CLOSE_SIDE, frame=True).move_to(HOPE_CENTER)
        label = Text(f"Neuron {CLOSE_NEURON}, up close", font_size=style.FONT_SIZE_SMALL, color=style.TEXT_COLOR)
        label.next_to(big, UP, buff=LABEL_BUFF)
        box = SurroundingRectangle(small, color=style.HIGHLIGHT_COLOR, buff=style.HIGHLIGHT_BUFF / 2,
                                   stroke_width=style.HIGHLIGHT_WIDTH)
        self.play(FadeOut(self.hope), Create(box), run_time=style.RUN_TIME)
        self.play(TransformFromCopy(small, big), FadeIn(label),
                  self._swap_caption("Loosely structured blobs, not clean edges"), run_time=style.RUN_TIME)
        self.wait(style.LONG_PAUSE + style.PAUSE)
        self.beat("a closer look")

    def still_works(self) -> None:
        n = len(nn.load_split("test")[1])
        self.play(
            self._swap_caption(f"Still, it gets {accuracy_text(test_accuracy())} of {n:,} test digits right"),
            run_time=style.RUN_TIME,
        )
        self.wait(style.LONG_PAUSE + style.PAUSE)
        self.beat("yet it works")

    # --- helpers -------------------------------------------------------------------------
    def _swap_caption(self, text: str):
        new = caption(text)
        old, self.caption = self.caption, new
        return ReplacementTransform(old, new)

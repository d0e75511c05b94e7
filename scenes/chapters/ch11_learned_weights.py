"""Chapter 11 (16:27) Some final words: what our trained network really learned, in both hidden layers.

Learning itself is the next film's subject. Here the hopes of chapter 5 meet the data:

- First hidden layer: the hope of neat edge detectors (four made by hand, labelled so) beside the
  real weights of all 16 neurons (``nn.load_pretrained().weights[0]``), large enough to read,
  eight at a time. They are loose blobs, not clean edges.
- Second hidden layer: the hope of part detectors tested on the 10,000 test images: each neuron's
  mean activation on digits that have a loop (0, 6, 8, 9) against digits that usually have none
  (1, 4, 7); the most loop-preferring neuron and the test images that excite it most.
- And yet the accuracy, computed here from ``nn`` on the 10,000 test images.
"""
from __future__ import annotations

import numpy as np
from manim import DOWN, LEFT, RIGHT, UP, Create, Group, MathTex, Rectangle, Text, VGroup

import nn
from scenes.components import DigitImage, NetworkDiagram, WeightGrid, highlight_box, label, label_next_to, style
from scenes.components.transitions import Conceal, FadeToBlack, Reveal
from scenes.content.examples import accuracy_on_test_set, percent
from scenes.pipeline.chapter_scene import ChapterScene

# --- the hope: hand-made edge detectors ((row, col) end points of a short stroke) ------------
HOPED_STROKES: tuple[tuple[tuple[float, float], tuple[float, float]], ...] = (
    ((8, 9), (8, 19)),  # a horizontal edge, upper half
    ((7, 19), (19, 19)),  # a vertical edge on the right
    ((19, 8), (11, 16)),  # a rising diagonal
    ((9, 8), (17, 14)),  # a falling diagonal
)
STROKE_HALF_WIDTH = 1.0  # pixels within this distance of the stroke weigh +1 ...
SURROUND_WIDTH = 2.5  # ... and those up to this much further weigh −1
#: digits with a loop, and digits that usually have none (the second layer's test)
LOOPY_DIGITS = (0, 6, 8, 9)
PLAIN_DIGITS = (1, 4, 7)
N_TOP_IMAGES = 6

# --- layout (manim units) ------------------------------------------------------------------
HOPE_SIDE = 1.5
HOPE_GAP = 0.3
HOPE_CENTER = LEFT * 5.0 + DOWN * 0.2
REAL_SIDE = 1.8
REAL_GAP = 0.28
REAL_PER_PAGE = 8
REAL_CENTER = RIGHT * 2.3 + DOWN * 0.2
BAR_WIDTH = 0.28
BAR_HEIGHT = 3.0  # an activation of 1
CHART_BOTTOM = -1.6
TOP_IMAGE_SIDE = 1.0


def hoped_edge(stroke: tuple[tuple[float, float], tuple[float, float]]) -> np.ndarray:
    """A made-up edge detector (784,): +1 along a short stroke, −1 in a band around it, 0 elsewhere."""
    (r0, c0), (r1, c1) = stroke
    rows, cols = np.mgrid[0:nn.IMAGE_SIDE, 0:nn.IMAGE_SIDE].astype(float)
    d = np.array([r1 - r0, c1 - c0])
    t = np.clip(((rows - r0) * d[0] + (cols - c0) * d[1]) / float(d @ d), 0.0, 1.0)
    dist = np.hypot(rows - (r0 + t * d[0]), cols - (c0 + t * d[1]))
    w = np.where(dist <= STROKE_HALF_WIDTH, 1.0, np.where(dist <= STROKE_HALF_WIDTH + SURROUND_WIDTH, -1.0, 0.0))
    return w.reshape(-1)


def hoped_edges() -> np.ndarray:
    """(4, 784): the hand-made hopes, one row per stroke of ``HOPED_STROKES``."""
    return np.stack([hoped_edge(s) for s in HOPED_STROKES])


def loop_preference(net: nn.Network) -> tuple[np.ndarray, np.ndarray]:
    """Each second-hidden-layer neuron's mean activation on test digits with a loop, and without."""
    test = nn.load_split("test")
    a2 = net.activations(test.images)[-2]
    return a2[np.isin(test.labels, LOOPY_DIGITS)].mean(axis=0), a2[np.isin(test.labels, PLAIN_DIGITS)].mean(axis=0)


def top_images(net: nn.Network, neuron: int, n: int = N_TOP_IMAGES) -> list[int]:
    """The test images that excite second-hidden-layer ``neuron`` most, most first."""
    a2 = net.activations(nn.load_split("test").images)[-2][:, neuron]
    return [int(i) for i in np.argsort(-a2, kind="stable")[:n]]


def paired_bars(first: np.ndarray, second: np.ndarray, colors: tuple, width: float = BAR_WIDTH,
                height: float = BAR_HEIGHT) -> VGroup:
    """For each index, two bars side by side (heights ∝ values in [0, 1]) on one baseline, numbered below:
    VGroup(bars of ``first``, bars of ``second``, index labels)."""
    left_bars, right_bars, names = VGroup(), VGroup(), VGroup()
    for k, (a, b) in enumerate(zip(first, second)):
        x = k * width * 2.9
        for value, color, group, dx in ((a, colors[0], left_bars, 0.0), (b, colors[1], right_bars, width)):
            bar = Rectangle(width=width, height=max(float(value) * height, 0.01))
            bar.set_stroke(width=0).set_fill(color, opacity=0.9).move_to([x + dx, 0, 0], aligned_edge=DOWN)
            group.add(bar)
        names.add(MathTex(str(k), font_size=style.FONT_SIZE_LABEL).move_to([x + width / 2, -0.3, 0]))
    return VGroup(left_bars, right_bars, names)


class WhatItLearned(ChapterScene):
    """The hopes for both hidden layers against the trained network's real weights and activations."""

    def construct(self) -> None:
        self.net = nn.load_pretrained()
        self.next_learning()
        self.first_layer_hope()
        self.first_layer_real()
        self.first_layer_verdict()
        self.second_layer_test()
        self.it_works_anyway()
        self.play(FadeToBlack(run_time=style.RUN_TIME))

    # --- beats ---------------------------------------------------------------------------
    def next_learning(self) -> None:
        with self.beat("next-learning"):
            self.show_title()
            self.diagram = NetworkDiagram(self.net).color_edges_by_weights()
            self.play(Reveal(self.diagram), run_time=style.RUN_TIME)

    def first_layer_hope(self) -> None:
        with self.beat("first-layer-hope") as beat:
            self.play(Conceal(self.diagram), run_time=style.RUN_TIME)
            grids = Group(*(WeightGrid(row, side=HOPE_SIDE, frame=True) for row in hoped_edges()))
            grids.arrange_in_grid(2, 2, buff=HOPE_GAP).move_to(HOPE_CENTER)
            title = label_next_to(grids, "our hope, made by hand", UP, color=style.ALT_ACCENT)
            beat.wait_until(1)
            self.play(Reveal(title, grids), run_time=style.RUN_TIME)
            self.hope = Group(grids, title)

    def first_layer_real(self) -> None:
        rows = self.net.weights[0]
        with self.beat("first-layer-real") as beat:
            pages = [range(start, min(start + REAL_PER_PAGE, len(rows))) for start in range(0, len(rows), REAL_PER_PAGE)]
            self.page = None
            for k, page in enumerate(pages):
                grids = Group(*(WeightGrid(rows[i], side=REAL_SIDE, frame=True) for i in page))
                grids.arrange_in_grid(cols=REAL_PER_PAGE // 2, buff=(REAL_GAP, REAL_GAP * 2)).move_to(REAL_CENTER)
                names = VGroup(*(label_next_to(g, f"neuron {i}", UP, buff=0.06) for g, i in zip(grids, page)))
                new = Group(grids, names)
                if self.page is not None:
                    beat.wait_until(1)
                    self.play(Conceal(self.page), run_time=style.SHORT_RUN_TIME)
                self.play(Reveal(new), run_time=style.RUN_TIME)
                self.page = new

    def first_layer_verdict(self) -> None:
        with self.beat("first-layer-verdict"):
            box = highlight_box(self.page[0][0])
            self.play(Create(box), run_time=style.RUN_TIME)
            self.page.add(box)

    def second_layer_test(self) -> None:
        loopy, plain = loop_preference(self.net)
        best = int(np.argmax(loopy - plain))
        values = {"loopy_neuron": best, "loop_mean": f"{loopy[best]:.2f}", "plain_mean": f"{plain[best]:.2f}"}
        with self.beat("second-layer-test", **values) as beat:
            self.play(Conceal(self.hope, self.page), run_time=style.RUN_TIME)
            chart = paired_bars(loopy, plain, (style.B_COLOR, style.SECONDARY))
            chart.move_to([0, CHART_BOTTOM, 0], aligned_edge=DOWN).shift(UP * 0.3)
            key = VGroup(label("digits with a loop: 0, 6, 8, 9", style.B_COLOR),
                         label("digits usually without: 1, 4, 7", style.SECONDARY)).arrange(RIGHT, buff=0.8)
            key.to_edge(UP, buff=style.FRAME_MARGIN)
            axis = label_next_to(chart, "mean activation of each neuron of the second hidden layer", DOWN)
            beat.wait_until(2)
            self.play(Reveal(chart[2], axis, key[0]), Create(chart[0]), run_time=style.RUN_TIME)
            beat.wait_until(3)
            self.play(Reveal(key[1]), Create(chart[1]), run_time=style.RUN_TIME)
            beat.wait_until(4)
            mark = highlight_box(VGroup(chart[0][best], chart[1][best], chart[2][best]))
            self.play(Create(mark), run_time=style.RUN_TIME)
            beat.wait_until(5)
            images = Group(*(DigitImage(i, side=TOP_IMAGE_SIDE) for i in top_images(self.net, best)))
            images.arrange(RIGHT, buff=0.2).next_to(key, DOWN, buff=0.35)
            self.play(Reveal(images), run_time=style.RUN_TIME)
            self.test_group = Group(chart, key, axis, mark, images)

    def it_works_anyway(self) -> None:
        accuracy = percent(accuracy_on_test_set())
        with self.beat("it-works-anyway", accuracy=accuracy):
            self.play(Conceal(self.test_group), run_time=style.RUN_TIME)
            big = Text(accuracy, font_size=style.FONT_SIZE_TITLE * 2, color=style.ACCENT).shift(UP * 0.6)
            of = label_next_to(big, f"of {len(nn.load_split('test').labels):,} test digits read correctly",
                               font_size=style.FONT_SIZE_BODY)
            self.play(Reveal(big, of), run_time=style.RUN_TIME)

"""Chapter 11 (16:27) Some final words: what our trained network really learned, in both hidden layers.

Learning itself is the next film's subject; its two ideas are shown on real numbers: the cost of
the network on real test digits along the straight path from random weights to ours, falling in
small steps. Then the hopes of chapter 5 meet the data:

- First hidden layer: the hope of neat edge detectors (four made by hand, labelled so) beside the
  real weights of all 16 neurons (``nn.load_pretrained().weights[0]``). They are loose blobs, not
  clean edges; the one most like a pen stroke (most concentrated weights) is boxed.
- Second hidden layer: the hope of part detectors tested on the 10,000 test images: each neuron's
  mean activation on digits that have a loop (0, 6, 8, 9) against digits that usually have none
  (1, 4, 7), on a labelled axis; the most loop-preferring neuron with its two values (the neuron
  chapter 5 ringed "loop?": one measure, ``scenes.content.examples.part_neuron``), and the test
  images that excite it most, each with its label; the neurons that favour loopy digits at all.

Two layers are in play, so every neuron is named with its layer (on screen and in the narration).
A weight picture being read is at least a third of the frame high: the four hopes side by side,
one real neuron's weights enlarged while the grids are explained and judged.
- And yet the accuracy, computed here from ``nn`` on the 10,000 test images, with real test digits
  (misread ones marked); then the tidy hope beside the solution it found.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    AnimationGroup,
    Axes,
    Create,
    Dot,
    Group,
    Indicate,
    LaggedStart,
    Line,
    MathTex,
    Rectangle,
    Text,
    VGroup,
)

import nn
from nn.train import Recipe, cost, one_hot
from scenes.components import (
    DigitImage,
    NetworkDiagram,
    WeightGrid,
    highlight_box,
    label,
    label_next_to,
    layer_name,
    style,
    wrapped_label,
)
from scenes.components.edge_marks import edge_flash, lit_edges
from scenes.components.transitions import Conceal, FadeToBlack, Reveal, Swap, fade_in, fade_out
from scenes.content.examples import (
    LOOP_DIGITS,
    NO_LOOP_DIGITS,
    accuracy_on_test_set,
    activations_on_test_set,
    part_means,
    part_neuron,
)
from scenes.runtime.narrated_scene import NarratedScene

# --- the hope: hand-made edge detectors ((row, col) end points of a short stroke) ------------
HOPED_STROKES: tuple[tuple[tuple[float, float], tuple[float, float]], ...] = (
    ((8, 9), (8, 19)),  # a horizontal edge, upper half
    ((7, 19), (19, 19)),  # a vertical edge on the right
    ((19, 8), (11, 16)),  # a rising diagonal
    ((9, 8), (17, 14)),  # a falling diagonal
)
STROKE_HALF_WIDTH = 1.0  # pixels within this distance of the stroke weigh +1 ...
SURROUND_WIDTH = 2.5  # ... and those up to this much further weigh −1
#: digits with a loop, and digits that usually have none (the second layer's test, shared with chapter 5)
FAVOUR = 0.2  # a neuron "favours loopy digits" when its mean on them exceeds its mean on the others by this
N_TOP_IMAGES = 6
STRONGEST_SHARE = 0.05  # a pen stroke: most of a neuron's Σw² in its strongest 5 % of weights
#: the cost shown while learning is announced: on these test digits, at these points of the path
N_COST_IMAGES = 2000
COST_STEPS = 11

# --- layout (manim units) ------------------------------------------------------------------
LABEL_SIZE = max(style.FONT_SIZE_SMALL, 27)  # small words: lowercase letters at least 9 px tall at 480p
COST_CENTER = LEFT * 4.55 + UP * 0.2  # the training images, left of the network
COST_BIG = (7.5, 4.2)  # the cost, drawn large once the network gives way to it
COST_BIG_CENTER = UP * 0.45
HOPE_READ_SIDE = 2.75  # the four hopes side by side while they are read: over a third of the frame high
HOPE_READ_GAP = 0.35
HOPE_SIDE = 1.3  # ... then two by two beside the real grids
HOPE_GAP = 0.25
HOPE_CENTER = LEFT * 4.4 + DOWN * 0.1
PEN_WIDTH = 12  # "we drew them by hand": a pen along each hoped stroke
REAL_SIDE = 1.25
ENLARGED_SIDE = 2.9  # one neuron's weights where the hope was: over a third of the frame high
QUICK = 0.6  # the changes a sentence brings (each frame animated costs, most at 1080p60)
BLOB_TIME = 0.5  # seconds each blob is shown enlarged while "loose, smudgy blobs" is said
N_BLOBS = 3
DIM_OPACITY = 0.25  # the other bars, while one neuron's pair is read
REAL_GAPS = (0.62, 0.12)  # room on the left of each grid for its number
REAL_CENTER = RIGHT * 2.45 + UP * 0.55
BAR_WIDTH = 0.28
BAR_HEIGHT = 2.6  # an activation of 1
CHART_BOTTOM = -2.2
TOP_IMAGE_SIDE = 0.85
MOSAIC_ROWS, MOSAIC_COLS = 3, 20
MOSAIC_SIDE = 0.56
MOSAIC_PAD = 2  # dark pixels round each digit, so neighbours do not touch
SMALL_SIDE = 0.72
EXAMPLE_SIDE = 1.0
FOUND_ZOOM = 1.35  # "dig deeper": the weights it found, closer
FOUND_Y = 0.55
N_EXAMPLES = 9


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


def stroke_like_neuron(net: nn.Network) -> int:
    """The first-hidden-layer neuron whose weights are most concentrated: the largest share of its Σw²
    held by its strongest ``STRONGEST_SHARE`` of weights (a short stroke, not a spread-out blob)."""
    w2 = np.sort(net.weights[0] ** 2, axis=1)[:, ::-1]
    k = max(1, int(round(STRONGEST_SHARE * w2.shape[1])))
    return int(np.argmax(w2[:, :k].sum(axis=1) / w2.sum(axis=1)))


def loop_preference(net: nn.Network) -> tuple[np.ndarray, np.ndarray]:
    """Each second-hidden-layer neuron's mean activation on test digits with a loop, and without
    (``scenes.content.examples.part_means``: the measure chapter 5 rings its "loop?" neuron by)."""
    return part_means(net, "loop")


def loop_favourers(net: nn.Network) -> list[int]:
    """The second-hidden-layer neurons that favour loopy digits: mean on them ≥ mean on the others + FAVOUR."""
    loopy, plain = loop_preference(net)
    return [int(j) for j in np.flatnonzero(loopy - plain >= FAVOUR)]


def pen_stroke(grid: WeightGrid, stroke: tuple[tuple[float, float], tuple[float, float]]) -> Line:
    """A pen line along a hoped ``stroke`` ((row, col) end points) over ``grid``, where its pixels are drawn."""
    (r0, c0), (r1, c1) = stroke
    cell = grid.pixel_side
    corner = grid.image.get_corner(UP + LEFT)
    point = lambda r, c: corner + np.array([(c + 0.5) * cell, -(r + 0.5) * cell, 0.0])  # noqa: E731
    return Line(point(r0, c0), point(r1, c1)).set_stroke(style.ALT_ACCENT, PEN_WIDTH)


def top_images(net: nn.Network, neuron: int, n: int = N_TOP_IMAGES) -> list[int]:
    """The test images that excite second-hidden-layer ``neuron`` most, most first."""
    a2 = activations_on_test_set(net)[:, neuron]
    return [int(i) for i in np.argsort(-a2, kind="stable")[:n]]


def random_start(net: nn.Network) -> nn.Network:
    """A network of the same shape with random weights, as the training recipe draws them."""
    recipe = Recipe()
    return nn.Network(list(net.sizes), seed=recipe.seed, init=recipe.init, hidden=recipe.hidden)


@lru_cache(maxsize=1)
def cost_path(steps: int = COST_STEPS, n_images: int = N_COST_IMAGES) -> tuple[np.ndarray, np.ndarray]:
    """(t, C): the quadratic cost on the first ``n_images`` test digits of the network whose weights and
    biases are (1 − t)·random + t·trained, for ``steps`` values of t from 0 to 1."""
    net = nn.load_pretrained()
    start = random_start(net)
    test = nn.load_split("test")
    x, y = test.images[:n_images], one_hot(test.labels[:n_images])
    ts = np.linspace(0.0, 1.0, steps)
    costs = []
    for t in ts:
        mix = nn.Network.from_arrays([(1 - t) * a + t * b for a, b in zip(start.weights, net.weights)],
                                     [(1 - t) * a + t * b for a, b in zip(start.biases, net.biases)])
        costs.append(cost(mix, x, y, "quadratic"))
    return ts, np.array(costs)


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


def value_axis(chart: VGroup, height: float = BAR_HEIGHT, ticks: tuple[float, ...] = (0.0, 0.5, 1.0)) -> VGroup:
    """A vertical axis left of ``paired_bars``' bars, from 0 to the top tick, with its numbers."""
    baseline = chart[0][0].get_bottom()[1]
    x = chart[0][0].get_left()[0] - 0.3
    right = chart[1][-1].get_right()[0] + 0.15
    axis = VGroup(Line([x, baseline, 0], [x, baseline + ticks[-1] * height, 0]).set_stroke(style.SECONDARY, 2),
                  Line([x, baseline, 0], [right, baseline, 0]).set_stroke(style.SECONDARY, 2))
    for t in ticks:
        y = baseline + t * height
        axis.add(Line([x - 0.08, y, 0], [x + 0.08, y, 0]).set_stroke(style.SECONDARY, 2))
        axis.add(MathTex(f"{t:g}", font_size=style.FONT_SIZE_LABEL).next_to([x - 0.08, y, 0], LEFT, buff=0.1))
    return axis


def mosaic(indices: list[int], rows: int, cols: int, pad: int = MOSAIC_PAD) -> np.ndarray:
    """The test images ``indices`` side by side (row-major), each with ``pad`` black pixels round it."""
    side = nn.IMAGE_SIDE + 2 * pad
    out = np.zeros((rows * side, cols * side))
    for k, index in enumerate(indices[:rows * cols]):
        r, c = divmod(k, cols)
        out[r * side + pad:r * side + pad + nn.IMAGE_SIDE, c * side + pad:c * side + pad + nn.IMAGE_SIDE] = \
            nn.test_image(index)[0].reshape(nn.IMAGE_SIDE, nn.IMAGE_SIDE)
    return out


class WhatItLearned(NarratedScene):
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
        with self.beat("next-learning") as beat:
            self.diagram = NetworkDiagram(self.net)
            self.play(Reveal(self.diagram), run_time=QUICK)
            # "from example images alone": real training images
            train = nn.load_split("train")
            examples = Group(*(DigitImage(train.images[i], side=EXAMPLE_SIDE) for i in range(N_EXAMPLES)))
            examples.arrange_in_grid(3, N_EXAMPLES // 3, buff=0.15).move_to(COST_CENTER)
            examples_name = label_next_to(examples, self.text("training_images"), UP, font_size=LABEL_SIZE)
            self.play(Reveal(examples, examples_name), run_time=QUICK)
            beat.wait_until(1)  # "that is learning": the network takes in the examples
            inputs = self.diagram.neurons[0]
            self.play(LaggedStart(*(e.animate.scale(0.12).move_to(inputs) for e in examples), lag_ratio=0.12),
                      *fade_out(examples_name), run_time=style.SAID_RUN_TIME)
            self.remove(*examples)
            beat.wait_until(2)  # "it needs new ideas: a cost ...": the network gives way to the cost, drawn large
            ts, costs = cost_path()
            self.costs = costs
            top = float(np.ceil(costs.max() * 2) / 2)
            axes = Axes(x_range=[0, 1, 1], y_range=[0, top, 0.5], x_length=COST_BIG[0], y_length=COST_BIG[1],
                        tips=False, axis_config={"color": style.SECONDARY})
            axes.y_axis.add_numbers([v for v in np.arange(0.5, top + 0.01, 0.5)], font_size=style.FONT_SIZE_LABEL,
                                    num_decimal_places=1)
            axes.move_to(COST_BIG_CENTER)
            curve = axes.plot_line_graph(ts, costs, line_color=style.ACCENT, add_vertex_dots=False, stroke_width=5)
            name = label(self.text("cost"), style.ACCENT, style.FONT_SIZE_BODY).next_to(axes.y_axis, UP, buff=0.15)
            ends = VGroup(*(VGroup(*(label(line, font_size=LABEL_SIZE) for line in self.text(key).split("\n")))
                            .arrange(DOWN, buff=0.06).next_to(axes.c2p(x, 0), DOWN, buff=0.15)
                            for key, x in (("random_weights", 0), ("trained", 1))))
            ends[0].align_to(axes.c2p(0, 0), LEFT)
            ends[1].align_to(axes.c2p(1, 0), RIGHT)
            self.play(Conceal(self.diagram), *fade_in(axes, name, ends), run_time=QUICK)
            self.play(Create(curve), run_time=QUICK)
            dot = Dot(axes.c2p(ts[0], costs[0]), color=style.TEXT_COLOR, radius=0.13)
            self.play(*fade_in(dot), run_time=style.SHORT_RUN_TIME)
            step = max(0.2, min(0.3, beat.remaining / (len(ts) - 1)))
            for t, c in zip(ts[1:], costs[1:]):  # small steps downhill
                self.play(dot.animate.move_to(axes.c2p(t, c)), run_time=step)
            self.cost_picture = VGroup(axes, curve, name, ends, dot)

    def first_layer_hope(self) -> None:
        with self.beat("first-layer-hope") as beat:
            first = lit_edges(self.diagram.edges[0])
            self.play(Conceal(self.cost_picture), run_time=style.SHORT_RUN_TIME)
            self.play(Reveal(self.diagram, first), edge_flash(self.diagram.edges[0]), run_time=QUICK)
            # read side by side, each over a third of the frame high
            grids = Group(*(WeightGrid(row, side=HOPE_READ_SIDE, frame=True) for row in hoped_edges()))
            grids.arrange(RIGHT, buff=HOPE_READ_GAP).move_to(UP * 0.15)
            title = label_next_to(grids, self.text("hope_by_hand"), UP, color=style.ALT_ACCENT, font_size=LABEL_SIZE)
            beat.wait_until(1)  # "we hoped it would find edges": four empty grids, one per hoped edge detector
            self.play(Conceal(self.diagram, first), *fade_in(*(g.frame for g in grids)), run_time=QUICK)
            beat.wait_until(2)  # "we drew them by hand": a pen goes along each stroke, and its weights appear
            pens = VGroup(*(pen_stroke(g, stroke) for g, stroke in zip(grids, HOPED_STROKES)))
            self.play(Reveal(title), LaggedStart(*(AnimationGroup(Create(p), *fade_in(g.image))
                                                   for p, g in zip(pens, grids)), lag_ratio=0.6),
                      run_time=style.RUN_TIME * 1.2)
            self.play(*fade_out(pens), run_time=QUICK / 2)
            self.hope = Group(grids, title)

    def first_layer_real(self) -> None:
        rows = self.net.weights[0]
        with self.beat("first-layer-real") as beat:
            grids = Group(*(WeightGrid(row, side=REAL_SIDE, frame=True) for row in rows))
            grids.arrange_in_grid(cols=4, buff=REAL_GAPS).move_to(REAL_CENTER)
            names = VGroup(*(MathTex(str(i), font_size=style.FONT_SIZE_LABEL, color=style.SECONDARY)
                             .next_to(g, LEFT, buff=0.12) for i, g in enumerate(grids)))
            page_name = label_next_to(grids, layer_name(1, len(self.net.sizes)), UP, font_size=LABEL_SIZE,
                                      buff=0.12)
            # the hopes step aside, two by two, where they can be compared with the real grids
            small = self.hope[0].copy()
            for g in small:
                g.scale(HOPE_SIDE / HOPE_READ_SIDE)
            small.arrange_in_grid(2, 2, buff=HOPE_GAP).move_to(HOPE_CENTER)
            title = wrapped_label(self.text("hope_by_hand"), small.width + 0.6, style.ALT_ACCENT, LABEL_SIZE)
            title.arrange(DOWN, buff=0.05).next_to(small, UP, buff=style.LABEL_BUFF)
            self.play(*(g.animate.move_to(t).scale(HOPE_SIDE / HOPE_READ_SIDE) for g, t in zip(self.hope[0], small)),
                      Swap(self.hope[1], title), run_time=QUICK)
            self.hope = Group(self.hope[0], title)
            self.play(Reveal(grids, names, page_name, lag_ratio=0), run_time=QUICK)
            self.page = Group(grids, names, page_name)
            beat.wait_until(1)  # "each grid shows one neuron's 784 weights": one of them, enlarged where the hope was
            self.enlarged = self.enlarge(0)
            box = highlight_box(grids[0])
            self.play(Swap(self.hope, self.enlarged), Create(box), run_time=QUICK)
            self.page.add(box)
            self.page_box = box
            self.hope = self.enlarged

    def first_layer_verdict(self) -> None:
        self.stroke_neuron = stroke_like_neuron(self.net)
        shown = [j for j in range(1, len(self.net.weights[0])) if j != self.stroke_neuron][:N_BLOBS]
        with self.beat("first-layer-verdict", stroke_neuron=self.stroke_neuron) as beat:
            for j in shown:  # "loose, smudgy blobs": one after another, enlarged
                self.show_enlarged(j, BLOB_TIME)
                self.wait(BLOB_TIME / 2)
            beat.wait_until(1)  # "... like neuron N of the first hidden layer": that one, enlarged
            self.show_enlarged(self.stroke_neuron, QUICK)

    def second_layer_test(self) -> None:
        loopy, plain = loop_preference(self.net)
        best = part_neuron(self.net, "loop")  # the neuron chapter 5 ringed "loop?"
        top = top_images(self.net, best)
        labels = nn.load_split("test").labels
        n_loopy = int(np.isin(labels[top], LOOP_DIGITS).sum())
        line = part_neuron(self.net, "line")  # the neuron chapter 5 ringed "line?", and how much it prefers lines
        with_line, no_line = (float(means[line]) for means in part_means(self.net, "line"))
        values = {"loopy_neuron": best, "loop_mean": float(loopy[best]), "plain_mean": float(plain[best]),
                  "n_top": len(top), "n_top_loopy": n_loopy, "line_neuron": line, "line_mean": with_line,
                  "no_line_mean": no_line}
        with self.beat("second-layer-test", **values) as beat:
            self.play(Conceal(self.hope, self.page), run_time=QUICK)
            chart = paired_bars(loopy, plain, (style.B_COLOR, style.SECONDARY))
            chart.move_to([0.25, CHART_BOTTOM, 0], aligned_edge=DOWN).shift(UP * 0.3)
            axis = value_axis(chart)
            VGroup(chart, axis).set_x(0)
            counts = [int(np.isin(labels, digits).sum()) for digits in (LOOP_DIGITS, NO_LOOP_DIGITS)]
            key = VGroup(label(self.text("with_loop", n=counts[0]), style.B_COLOR, LABEL_SIZE),
                         label(self.text("without_loop", n=counts[1]), style.SECONDARY, LABEL_SIZE))
            key.arrange(RIGHT, buff=0.6).to_edge(UP, buff=style.FRAME_MARGIN)
            x_name = label_next_to(chart, self.text("mean_activation_axis"), DOWN, font_size=LABEL_SIZE, buff=0.1)
            self.play(Reveal(chart[2], axis, x_name), run_time=QUICK)
            beat.wait_until(1)
            self.play(Reveal(key), run_time=QUICK)
            beat.wait_until(2)
            self.play(Create(chart[0]), run_time=QUICK)
            beat.wait_until(3)
            self.play(Create(chart[1]), run_time=QUICK)
            beat.wait_until(4)  # "neuron N of the second hidden layer, the one chapter 5 ringed": the others dim
            pair = VGroup(chart[0][best], chart[1][best], chart[2][best])
            others = VGroup(*(bar for j in range(len(loopy)) if j != best for bar in (chart[0][j], chart[1][j])))
            mark = highlight_box(pair)
            numbers = VGroup(label(self.text("value", value=float(loopy[best])), style.B_COLOR, LABEL_SIZE),
                             label(self.text("value", value=float(plain[best])), style.SECONDARY, LABEL_SIZE))
            numbers.arrange(RIGHT, buff=0.25).next_to(VGroup(*chart[0], *chart[1]), UP, buff=0.2).set_x(pair.get_x())
            ringed = label(self.text("ringed_in_ch05", n=best), style.ALT_ACCENT, LABEL_SIZE)
            ringed.next_to(numbers, UP, buff=0.15).align_to(mark, RIGHT)
            self.play(others.animate.set_opacity(DIM_OPACITY), Create(mark), *fade_in(ringed), run_time=style.SAID_RUN_TIME)
            self.wait(max(0.0, beat.until(5) * 0.45))  # "... 0.72 on loopy digits, against 0.19 on the rest"
            self.play(*fade_in(numbers), Indicate(VGroup(chart[0][best], chart[1][best]), color=style.ACCENT,
                                                  scale_factor=1.15), run_time=QUICK)
            beat.wait_until(5)
            images = Group(*(DigitImage(i, side=TOP_IMAGE_SIDE) for i in top)).arrange(RIGHT, buff=0.45)
            images.next_to(key, DOWN, buff=0.3).align_to(mark, RIGHT)
            digits = VGroup(*(MathTex(str(labels[i]), font_size=style.FONT_SIZE_LABEL,
                                      color=style.B_COLOR if labels[i] in LOOP_DIGITS else style.TEXT_COLOR)
                              .next_to(image, LEFT, buff=0.1).align_to(image, DOWN) for i, image in zip(top, images)))
            link = Line(ringed.get_top() + UP * 0.05, [ringed.get_x(), images.get_bottom()[1] - 0.05, 0])
            link.set_stroke(style.ACCENT, 2)
            self.play(Create(link), LaggedStart(*(Reveal(image) for image in images), lag_ratio=0.3),
                      run_time=style.SAID_RUN_TIME)  # the six images, one after another as they are counted ...
            self.play(*fade_in(digits), run_time=style.SAID_RUN_TIME)  # ... and which digit each is
            beat.wait_until(6)  # "chapter five's line neuron ... leans the other way here": lit, boxed, its line means
            line_pair = VGroup(chart[0][line], chart[1][line], chart[2][line])
            line_mark = highlight_box(line_pair, color=style.ALT_ACCENT)
            line_words = VGroup(label(self.text("line_in_ch05", n=line), style.ALT_ACCENT, LABEL_SIZE),
                                label(self.text("line_means", a=with_line, b=no_line), style.TEXT_COLOR, LABEL_SIZE))
            line_words.arrange(DOWN, aligned_edge=LEFT, buff=0.08).next_to(key, DOWN, buff=0.3)
            line_words.align_to(line_mark, LEFT)  # where neuron N's top images were: they have been counted
            self.play(Conceal(images, digits, link), run_time=style.SHORT_RUN_TIME)
            self.play(chart[0][line].animate.set_opacity(1.0), chart[1][line].animate.set_opacity(1.0), Create(line_mark),
                      *fade_in(line_words[0]), run_time=style.SAID_RUN_TIME)
            self.wait(beat.until(7) * 0.35)
            self.play(*fade_in(line_words[1]), Indicate(VGroup(chart[0][line], chart[1][line]), color=style.ALT_ACCENT,
                                                      scale_factor=1.15), run_time=style.SAID_RUN_TIME)
            beat.wait_until(7)  # "some neurons do favour loopy digits": all of those, boxed and lit again
            self.favourers = loop_favourers(self.net)
            boxes = VGroup(*(highlight_box(VGroup(chart[0][j], chart[1][j], chart[2][j]), color=style.B_COLOR)
                             for j in self.favourers if j != best))
            self.play(*(bar.animate.set_opacity(1.0) for j in self.favourers for bar in (chart[0][j], chart[1][j])),
                      Create(boxes), run_time=style.SAID_RUN_TIME)
            self.test_group = Group(chart, axis, key, x_name, mark, numbers, ringed, boxes, line_mark, line_words)

    # --- helpers -------------------------------------------------------------------------
    def enlarge(self, neuron: int) -> Group:
        """First-hidden-layer ``neuron``'s 784 weights where the hope was, named with its layer."""
        grid = WeightGrid(self.net.weights[0][neuron], side=ENLARGED_SIDE, frame=True).move_to(HOPE_CENTER)
        name = wrapped_label(self.text("enlarged", n=neuron), ENLARGED_SIDE + 0.8, font_size=LABEL_SIZE)
        name.arrange(DOWN, buff=0.05).next_to(grid, UP, buff=style.LABEL_BUFF)
        return Group(grid, name)

    def show_enlarged(self, neuron: int, run_time: float) -> None:
        """The enlarged grid becomes ``neuron``'s, and the box on the page moves to it."""
        new = self.enlarge(neuron)
        self.play(Swap(self.enlarged, new), self.page_box.animate.move_to(self.page[0][neuron]), run_time=run_time)
        self.enlarged = self.hope = new

    def it_works_anyway(self) -> None:
        test = nn.load_split("test")
        with self.beat("it-works-anyway", accuracy=accuracy_on_test_set()) as beat:
            self.play(Conceal(self.test_group), run_time=QUICK)
            big = Text(self.text("accuracy", accuracy=accuracy_on_test_set()), font_size=style.FONT_SIZE_TITLE * 1.6,
                       color=style.ACCENT)
            big.to_edge(UP, buff=style.FRAME_MARGIN * 1.5)
            of = label_next_to(big, self.text("of_test_digits", n=len(test.labels)), font_size=style.FONT_SIZE_BODY,
                               buff=0.3)
            self.play(Reveal(big, of), run_time=QUICK)
            # the first test digits, each one the network misreads framed in red
            shown = list(range(MOSAIC_ROWS * MOSAIC_COLS))
            wall = DigitImage(mosaic(shown, MOSAIC_ROWS, MOSAIC_COLS), side=MOSAIC_COLS * MOSAIC_SIDE, frame=False)
            wall.next_to(of, DOWN, buff=0.45)
            wrong = [i for i in shown if int(self.net.predict(test.images[i])) != int(test.labels[i])]
            cell = MOSAIC_SIDE
            frames = VGroup(*(Rectangle(width=cell, height=cell).set_stroke(style.WRONG_COLOR, 3).move_to(
                wall.get_corner(UP + LEFT) + np.array([(i % MOSAIC_COLS + 0.5) * cell, -(i // MOSAIC_COLS + 0.5) * cell, 0]))
                for i in wrong))
            legend = label_next_to(wall, self.text("wall_legend", n=len(shown), wrong=len(wrong)), font_size=LABEL_SIZE)
            self.play(Reveal(wall), run_time=QUICK)
            self.play(Create(frames), *fade_in(legend), run_time=QUICK)
            self.misread_shown = wrong
            # its own solution, not the tidy one we imagined
            beat.wait_until(1)
            hope = Group(*(WeightGrid(row, side=SMALL_SIDE, frame=True) for row in hoped_edges()))
            hope.arrange_in_grid(2, 2, buff=0.12)
            found = Group(*(WeightGrid(row, side=SMALL_SIDE, frame=True) for row in self.net.weights[0]))
            found.arrange_in_grid(4, 4, buff=0.12)
            names = VGroup(label(self.text("tidy_one"), style.ALT_ACCENT, LABEL_SIZE),
                           label(self.text("one_it_found"), font_size=LABEL_SIZE))
            columns = Group(Group(names[0], hope).arrange(DOWN, buff=0.2),
                            Group(names[1], found).arrange(DOWN, buff=0.2))
            columns.arrange(RIGHT, buff=1.6, aligned_edge=UP).next_to(of, DOWN, buff=0.45)
            self.play(Conceal(wall, frames, legend), run_time=style.SHORT_RUN_TIME)
            self.play(Reveal(columns), run_time=QUICK)
            beat.wait_until(2)  # "short of our hopes ... dig deeper": the hope dims, what it found comes up close
            tidy, found_column = columns
            self.play(Conceal(big, of), Conceal(tidy), run_time=QUICK)
            self.play(found_column.animate.scale(FOUND_ZOOM).move_to([found_column.get_x(), FOUND_Y, 0]),
                      run_time=QUICK)

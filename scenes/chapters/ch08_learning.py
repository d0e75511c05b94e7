"""Chapter 8 (12:30) How learning relates: learning = setting 13,002 dials; and a real mistake.

Beats (storyboard): dials showing real parameters of the shipped network, one row per hidden
layer (five weights into its neuron 0 and that neuron's bias), all on one scale with a zero mark,
and how many more there are (``net.n_parameters``); setting them by hand: the needles go back to
zero and are turned one by one, the first layer's row tied to edges, the second's to parts (pieces
cut from a real MNIST 9); a real MNIST test image the trained network gets wrong (by default the
first one: lowest index whose prediction differs from its label; the user's own MNIST digit
instead when the network misreads that too), marked wrong; where to start looking: each
second-hidden-layer neuron's real push on the wrong output (its activation on this image times its
weight into that output), and for the strongest pushers what makes them fire (the average of the
test images on which they exceed ``FIRING``); digging in: the strongest pusher's firing images by
digit and its weights into the outputs; a sealed black box, by contrast, shows nothing.
"""
from __future__ import annotations

import math
from collections.abc import Callable
from functools import cache

import numpy as np
from manim import (
    DOWN,
    LEFT,
    PI,
    RIGHT,
    UP,
    Arc,
    Arrow,
    BarChart,
    Create,
    DecimalNumber,
    Dot,
    FadeIn,
    Group,
    Line,
    MathTex,
    Mobject,
    Rectangle,
    UpdateFromAlphaFunc,
    VGroup,
    smooth,
)

import nn
from scenes.components import (
    DigitImage,
    NetworkDiagram,
    PartImage,
    highlight_box,
    label,
    label_next_to,
    layer_name,
    style,
)
from scenes.components.transitions import Conceal, FadeToBlack, Reveal, Swap, fade_in
from scenes.content.digit_input import DigitInput, chosen_input, mnist_input, user_chose_input
from scenes.content.digit_parts import first_clean_example, hole_centre, loop_edges
from scenes.content.examples import accuracy_on_test_set, first_misread
from scenes.runtime.narrated_scene import NarratedScene

# --- the dials ----------------------------------------------------------------------------------
DIAL_LAYERS = (1, 2)  # one row of dials per hidden layer: weights into its neuron 0, and its bias
N_WEIGHT_DIALS = 5
CENTRE_COLUMN = 14  # first-layer dials: weights from the pixels down the image's centre column ...
FIRST_ROW = 10  # ... from this row on
DIAL_RADIUS = 0.42
DIAL_ARC = 1.5 * PI  # the face: 270°, zero straight up, the scale's ends at the bottom left and right
DIAL_GAP = 0.22  # between neighbouring weight dials
BIAS_GAP = 0.6  # between the weight dials and the bias dial
DIAL_ROW_GAP = 0.5
ROW_LABEL_BUFF = 0.35
ZERO_TICK_WIDTH = 4.0
NEEDLE_WIDTH = 4.5
KEY_Y = 2.95  # the key dial (the scale) above the rows
ROWS_TOP = 1.95
ONE_DIAL_TURN = 0.3  # seconds a needle takes, turned by hand
BACK_TO_ZERO_TIME = 1.5
SWAP_TIME = 0.35  # the dials go in the breath before the mistake, which comes as its sentence starts
THUMB_SIDE = 1.2  # an edge or part (pieces of a real 9) beside a row ...
THUMB_BUFF = 0.4
AIM_SPACE = THUMB_BUFF + THUMB_SIDE + 1.05  # ... with its word: the board leaves room for them

# --- the mistake and where to look ------------------------------------------------------------
DIAGRAM_CENTER = style.DIAGRAM_CENTER + LEFT * 1.0  # room for the marks right of the outputs
CHART_SIZE = (7.2, 2.5)  # the bar chart of pushes (width, height)
CHART_CENTER = RIGHT * 2.75 + UP * 1.6
N_SUSPECTS = 3  # the longest bars
BAR_BOX_BUFF = 0.03  # a box round one bar stays clear of its neighbours' boxes
FIRING = 0.9  # a neuron "fires" on an image when its activation exceeds this
MIN_FIRING_IMAGES = 20  # a neuron that rarely fires: the average of its most exciting test images instead
PANEL_SIDE = 1.3  # the average image of what makes a suspect fire
PANEL_GAP = 1.4
PANELS_TOP = -0.75
FOCUS_SIDE = 2.3  # the strongest pusher's average image, in the last beat
SMALL_CHART_SIZE = (6.4, 1.75)
COUNTS_CENTER = RIGHT * 2.9 + UP * 1.95
OUTGOING_CENTER = RIGHT * 2.9 + DOWN * 1.35
BOX_SIZE = (2.6, 1.8)  # the sealed black box


# --- the numbers, all read from the network ---------------------------------------------------
def dial_parameters(net: nn.Network) -> list[tuple[int, str, float]]:
    """(layer, "w" or "b", value) of each dial: per hidden layer of ``DIAL_LAYERS``, the weights into
    its neuron 0 from its first ``N_WEIGHT_DIALS`` sources (in the first layer: the pixels down the
    centre column from row ``FIRST_ROW``), then that neuron's bias."""
    params: list[tuple[int, str, float]] = []
    for layer in DIAL_LAYERS:
        if layer == 1:
            sources = [(FIRST_ROW + k) * nn.IMAGE_SIDE + CENTRE_COLUMN for k in range(N_WEIGHT_DIALS)]
        else:
            sources = list(range(N_WEIGHT_DIALS))
        params += [(layer, "w", float(net.weights[layer - 1][0, s])) for s in sources]
        params.append((layer, "b", float(net.biases[layer - 1][0])))
    return params


def dial_scale(params: list[tuple[int, str, float]]) -> int:
    """The one scale of every dial: a needle turned all the way means ± this (a whole number)."""
    return max(1, math.ceil(max(abs(v) for _, _, v in params)))


def wrong_example(net: nn.Network) -> DigitInput:
    """The user's MNIST digit if the network misreads it, else the first misread MNIST test image."""
    if user_chose_input():
        digit = chosen_input(0)
        if digit.label is not None and net.predict(digit.pixels) != digit.label:
            return digit
    return mnist_input(first_misread(net))


def pushes(net: nn.Network, pixels: np.ndarray, output: int) -> np.ndarray:
    """Each second-hidden-layer neuron's push on ``output``: its activation times its weight into it."""
    return net.activations(pixels)[-2] * net.weights[-1][output]


def suspects(values: np.ndarray, n: int = N_SUSPECTS) -> list[int]:
    """The ``n`` neurons with the longest upward pushes, in neuron order."""
    return sorted(int(j) for j in np.argsort(-values)[:n])


@cache
def _test_activations(net: nn.Network) -> np.ndarray:
    """Activations of the last hidden layer on every test image, (10000, n)."""
    return net.activations(nn.load_split("test").images)[-2]


def firing_images(net: nn.Network, neuron: int) -> np.ndarray:
    """Test indices on which last-hidden-layer ``neuron`` fires (activation > ``FIRING``); if fewer
    than ``MIN_FIRING_IMAGES`` do, the ``MIN_FIRING_IMAGES`` that excite it most."""
    acts = _test_activations(net)[:, neuron]
    firing = np.flatnonzero(acts > FIRING)
    if firing.size >= MIN_FIRING_IMAGES:
        return firing
    return np.sort(np.argsort(-acts)[:MIN_FIRING_IMAGES])


def firing_average(net: nn.Network, neuron: int) -> np.ndarray:
    """The average of the test images ``neuron`` fires on (784,), scaled so its brightest pixel is 1."""
    mean = nn.load_split("test").images[firing_images(net, neuron)].mean(axis=0)
    return mean / max(float(mean.max()), 1e-9)


def firing_counts(net: nn.Network, neuron: int) -> np.ndarray:
    """How many of the test images ``neuron`` fires on show each digit 0–9."""
    return np.bincount(nn.load_split("test").labels[firing_images(net, neuron)], minlength=10)


# --- pictures -------------------------------------------------------------------------------------
class Dial(VGroup):
    """One real parameter on a dial: zero straight up, ± ``scale`` at the ends of the 270° face;
    the needle and the number below follow :meth:`set_value`."""

    def __init__(self, value: float, scale: float, color, radius: float = DIAL_RADIUS) -> None:
        super().__init__()
        self.scale_value, self.radius = float(scale), radius
        self.face = Arc(radius=radius, start_angle=PI / 2 - DIAL_ARC / 2, angle=DIAL_ARC)
        self.face.set_stroke(style.SECONDARY, style.NEURON_STROKE_WIDTH)
        self.ticks = VGroup(*(self._tick(t, 0.25 if t else 0.35) for t in (-1.0, 0.0, 1.0)))
        self.ticks[1].set_stroke(style.TEXT_COLOR, ZERO_TICK_WIDTH)
        self.needle = Line(ORIGIN3, UP * radius * 0.85).set_stroke(color, NEEDLE_WIDTH)
        self.hub = Dot(radius=0.045, color=color)
        self.number = DecimalNumber(value, num_decimal_places=2, include_sign=True, font_size=style.FONT_SIZE_LABEL,
                                    color=color)
        self.number.next_to(self.face, DOWN, buff=style.LABEL_BUFF * 0.6)
        self.add(self.face, self.ticks, self.needle, self.hub, self.number)
        self.value = 0.0
        self.set_value(value)

    def centre(self) -> np.ndarray:
        return self.hub.get_center()

    def _direction(self, turn: float) -> np.ndarray:
        """Unit vector of a needle at ``turn`` of the scale (−1 … 1), clockwise from straight up."""
        angle = turn * DIAL_ARC / 2
        return np.array([np.sin(angle), np.cos(angle), 0.0])

    def _tick(self, turn: float, length: float) -> Line:
        d = self._direction(turn) * self.radius
        return Line(d * (1 - length), d * 1.12).set_stroke(style.SECONDARY, style.NEURON_STROKE_WIDTH)

    def set_value(self, value: float) -> Dial:
        self.value = float(value)
        turn = float(np.clip(value / self.scale_value, -1.0, 1.0))
        centre = self.centre()
        self.needle.put_start_and_end_on(centre, centre + self._direction(turn) * self.radius * 0.85)
        if round(value, 2) != round(self.number.get_value(), 2):  # rebuilding the number costs ~30 ms
            self.number.set_value(value)
        return self

    def turn_to(self, value: float, **kwargs) -> UpdateFromAlphaFunc:
        """Turn the needle (and count the number) from where it is to ``value``."""
        start: list[float] = []

        def update(dial: Mobject, alpha: float) -> None:
            if not start:
                start.append(self.value)
            self.set_value(start[0] + (value - start[0]) * smooth(alpha))

        return UpdateFromAlphaFunc(self, update, **kwargs)


ORIGIN3 = np.zeros(3)


def dial_key(scale: int, words: tuple[str, str]) -> VGroup:
    """The scale, once for all dials: an empty face with 0 at the top and −scale, +scale at its ends."""
    face = Dial(0.0, scale, style.SECONDARY)
    face.remove(face.needle, face.hub, face.number)
    marks = VGroup(*(MathTex(text, font_size=style.FONT_SIZE_LABEL).move_to(
        face.centre() + face._direction(turn) * face.radius * 1.75 + (DOWN * 0.08 if turn else ORIGIN3))
        for text, turn in ((f"-{scale}", -1.0), ("0", 0.0), (f"+{scale}", 1.0))))
    lines = VGroup(*(label(line, style.TEXT_COLOR) for line in words)).arrange(DOWN, aligned_edge=LEFT, buff=0.12)
    lines.next_to(face, RIGHT, buff=0.9)
    return VGroup(face, marks, lines)


def small_chart(values, names: list[str], size: tuple[float, float], colors: list, step: float,
                axis_numbers: bool = True) -> VGroup:
    """A bar chart of ``values`` (± ``step`` × a whole number high) with ``names`` under the bars:
    VGroup(chart, names). Without ``axis_numbers`` every bar of at least a tenth of the highest is
    labelled with its value instead (a count)."""
    top = step * max(1, math.ceil(float(np.max(np.abs(values))) / step))
    bottom = -top if np.min(values) < 0 else 0
    chart = BarChart(list(values), y_range=[bottom, top, step], x_length=size[0], y_length=size[1],
                     bar_colors=colors, x_axis_config={"font_size": style.FONT_SIZE_LABEL},
                     y_axis_config={"font_size": style.FONT_SIZE_LABEL,
                                    "decimal_number_config": {"num_decimal_places": 0}})
    below = chart.get_bottom()[1] - 0.28
    texts = VGroup(*(MathTex(n, font_size=style.FONT_SIZE_LABEL).move_to([bar.get_x(), below, 0])
                     for n, bar in zip(names, chart.bars)))
    group = VGroup(chart, texts)
    if not axis_numbers:
        chart.y_axis.remove(chart.y_axis.numbers)
        highest = float(np.max(values))
        group.add(VGroup(*(MathTex(f"{int(v):,}".replace(",", "{,}"), font_size=style.FONT_SIZE_LABEL)
                           .next_to(bar, UP, buff=0.08)
                           for v, bar in zip(values, chart.bars) if v >= highest / 10)))
    return group


def push_table(neuron: int, activation: float, weight: float, output: int, text: Callable[..., str]) -> VGroup:
    """One bar worked out: neuron's activation, times its weight into ``output``, is its push (its words
    from ``text``, the scene's labels)."""
    rows = [(label(text("activation")), rf"{activation:.3f}"),
            (label(text("times_weight_into", output=output)), rf"{weight:.2f}"),
            (label(text("equals_push")), rf"\approx {activation * weight:.2f}")]
    table = VGroup(*(VGroup(words, MathTex(value, font_size=style.FONT_SIZE_BODY)) for words, value in rows))
    table.arrange(DOWN, aligned_edge=LEFT, buff=0.12)
    right = max(words.get_right()[0] for words, _ in table) + 0.3 + max(value.width for _, value in table)
    for words, value in table:
        value.move_to([right, words.get_y(), 0], aligned_edge=RIGHT)
    return VGroup(label(text("neuron_colon", n=neuron), style.ACCENT), table).arrange(DOWN, aligned_edge=LEFT, buff=0.15)


def signed_colors(values) -> list:
    return [style.POSITIVE_WEIGHT_COLOR if v >= 0 else style.NEGATIVE_WEIGHT_COLOR for v in values]


class HowLearningRelates(NarratedScene):
    """Learning means finding 13,002 good values; a real mistake shows why knowing them helps."""

    def construct(self) -> None:
        self.net = nn.load_pretrained()
        self.digit = wrong_example(self.net)
        self.answer = int(self.net.predict(self.digit.pixels))
        self.dials()
        self.by_hand()
        self.a_mistake()
        self.place_to_start()
        self.challenge_assumptions()
        self.play(FadeToBlack(run_time=style.RUN_TIME))

    # --- beats ---------------------------------------------------------------------------------
    def dials(self) -> None:
        with self.beat("dials") as beat:
            params = dial_parameters(self.net)
            scale = dial_scale(params)
            self.rows = VGroup()
            self.dial_rows: list[VGroup] = []
            for layer in DIAL_LAYERS:
                weights = VGroup(*(Dial(v, scale, style.W_COLOR) for la, k, v in params if la == layer and k == "w"))
                weights.arrange(RIGHT, buff=DIAL_GAP)
                bias = VGroup(*(Dial(v, scale, style.B_COLOR) for la, k, v in params if la == layer and k == "b"))
                bias.next_to(weights, RIGHT, buff=BIAS_GAP)
                dials = VGroup(*weights, *bias)
                name = VGroup(label(layer_name(layer, len(self.net.sizes)), style.TEXT_COLOR),
                              label(self.text("its_neuron_0")))
                name.arrange(DOWN, aligned_edge=LEFT, buff=0.1)
                name.next_to(dials[0].face, LEFT, buff=ROW_LABEL_BUFF)
                self.rows.add(VGroup(name, dials))
                self.dial_rows.append(dials)
            self.rows.arrange(DOWN, buff=DIAL_ROW_GAP, aligned_edge=LEFT)
            first = self.dial_rows[0]
            heads = VGroup(label(self.text("weights"), style.W_COLOR).next_to(VGroup(*first[:N_WEIGHT_DIALS]), UP, buff=0.2),
                           label(self.text("bias"), style.B_COLOR).next_to(first[N_WEIGHT_DIALS], UP, buff=0.2))
            heads[1].align_to(heads[0], UP)
            self.rows.add(heads)
            left = -(self.rows.width + AIM_SPACE) / 2  # rows and the room for the aims, centred
            self.rows.move_to([left, ROWS_TOP, 0], aligned_edge=UP + LEFT)
            self.key = dial_key(scale, (self.text("needle_up"), self.text("one_scale")))
            self.key.move_to([left, KEY_Y, 0], aligned_edge=LEFT)
            more = label(self.text("and_more", n=self.net.n_parameters - len(params)), font_size=style.FONT_SIZE_BODY)
            self.more = more.next_to(self.rows, DOWN, buff=DIAL_ROW_GAP).align_to(self.rows, LEFT)
            self.play(Reveal(self.rows), run_time=style.RUN_TIME)
            beat.wait_until(1)  # "straight up is zero, and all dials share one scale"
            self.play(Reveal(self.key), run_time=style.RUN_TIME)
            beat.wait_until(2)
            self.play(Reveal(self.more), run_time=style.RUN_TIME)

    def by_hand(self) -> None:
        with self.beat("by-hand") as beat:
            dials = [d for row in self.dial_rows for d in row]
            self.note = label(self.text("imagine_zero"), style.ACCENT)
            self.note.next_to(self.more, RIGHT, buff=0.8).align_to(self.more, DOWN)
            self.play(*(d.turn_to(0.0) for d in dials), FadeIn(self.note), run_time=BACK_TO_ZERO_TIME)
            beat.wait_until(1)  # "picture setting every one of these numbers yourself, by hand"
            values = [v for _, _, v in dial_parameters(self.net)]
            hand = label(self.text("turn_them"), style.ACCENT).move_to(self.note, aligned_edge=LEFT)
            self.play(Swap(self.note, hand), run_time=style.SHORT_RUN_TIME)
            self.note = hand
            for d, v in zip(dials, values):
                self.play(d.turn_to(v), run_time=ONE_DIAL_TURN)
            nine = first_clean_example(9)
            edge = loop_edges(nine.masks[0], hole_centre(nine.pixels))[0]
            aims = [(edge, self.text("edges"), style.ACCENT), (nine.masks[0], self.text("parts"), style.ALT_ACCENT)]
            self.aim_marks = Group()
            for k, (mask, word, color) in enumerate(aims):  # "the first hidden layer to find edges" ...
                beat.wait_until(2 + k)
                row = self.rows[k]
                thumb = PartImage(nine.pixels, mask, color, side=THUMB_SIDE, frame=True)
                thumb.next_to(self.dial_rows[k], RIGHT, buff=THUMB_BUFF).set_y(self.dial_rows[k][0].face.get_y())
                words = label(word, color).next_to(thumb, RIGHT, buff=0.15)
                box = highlight_box(row, color=color)
                self.play(Create(box), *fade_in(thumb, words), run_time=style.RUN_TIME)
                self.aim_marks.add(box, thumb, words)
            self.wait(beat.remaining)  # the dials go in the breath after the beat, not over the next words
            self.play(Conceal(self.rows, self.key, self.more, self.note, self.aim_marks), run_time=SWAP_TIME)

    def a_mistake(self) -> None:
        with self.beat("a-mistake", index=self.digit.index, label=self.digit.label,
                       answer=self.answer) as beat:
            self.image = DigitImage(self.digit.pixels).to_corner(style.IMAGE_CORNER, buff=style.FRAME_MARGIN)
            self.tag = label_next_to(self.image, self.digit.tag)
            self.diagram = NetworkDiagram(self.net, center=DIAGRAM_CENTER)
            self.play(Reveal(self.image, self.tag, self.diagram), run_time=SWAP_TIME * 2)
            self.bring_to_back(self.image, self.tag)
            self.play(self.diagram.forward_pass(self.digit.pixels, quick=True, box=False))
            beat.wait_until(1)  # "it shows the digit 5, but our network reads it as 6"
            self.verdict = VGroup(label(self.text("network_says", answer=self.answer), style.WRONG_COLOR,
                                        style.FONT_SIZE_BODY),
                                  label(self.text("true_label", label=self.digit.label), style.RIGHT_COLOR,
                                        style.FONT_SIZE_BODY))
            self.verdict.arrange(DOWN, aligned_edge=LEFT, buff=0.2).next_to(self.tag, DOWN, buff=0.5)
            self.verdict.align_to(self.image, LEFT)
            self.marks = VGroup()
            for digit, color, word in ((self.answer, style.WRONG_COLOR, self.text("answer_mark")),
                                       (self.digit.label, style.RIGHT_COLOR, self.text("true_mark"))):
                output = self.diagram.output_label(digit)
                self.marks.add(label(word, color).next_to(output, RIGHT, buff=0.15))
            self.play(self.diagram.output_label(self.answer).animate.set_color(style.WRONG_COLOR),
                      FadeIn(self.verdict[0], self.marks[0]), run_time=style.RUN_TIME)
            self.play(self.diagram.output_label(self.digit.label).animate.set_color(style.RIGHT_COLOR),
                      FadeIn(self.verdict[1], self.marks[1]), run_time=style.RUN_TIME)

    def place_to_start(self) -> None:
        values = pushes(self.net, self.digit.pixels, self.answer)
        with self.beat("place-to-start") as beat:
            beat.wait_until(1)  # the network and its wrong answer stay while the question is asked
            self.play(Conceal(self.diagram, self.marks), Conceal(self.verdict), run_time=style.SHORT_RUN_TIME)
            top = float(np.ceil(np.abs(values).max()))
            chart = BarChart(list(values), y_range=[-top, top, 1], x_length=CHART_SIZE[0], y_length=CHART_SIZE[1],
                             bar_colors=signed_colors(values), x_axis_config={"font_size": style.FONT_SIZE_LABEL},
                             y_axis_config={"font_size": style.FONT_SIZE_LABEL})
            chart.move_to(CHART_CENTER)
            below = chart.get_bottom()[1] - 0.28
            names = VGroup(*(MathTex(str(j), font_size=style.FONT_SIZE_LABEL).move_to([bar.get_x(), below, 0])
                             for j, bar in enumerate(chart.bars)))
            title = label_next_to(chart, self.text("push_on_output", answer=self.answer), UP)
            axis_name = label_next_to(names, self.text("second_layer_neurons"), DOWN, buff=0.1)
            self.play(Reveal(chart, names, title, axis_name), run_time=style.RUN_TIME)
            self.chart_group = VGroup(chart, names, title, axis_name)
            beat.wait_until(2)  # "its length is that neuron's real activation ... times its weight"
            strongest = int(np.argmax(values))
            activation = float(self.net.activations(self.digit.pixels)[-2][strongest])
            weight = float(self.net.weights[-1][self.answer, strongest])
            self.example = push_table(strongest, activation, weight, self.answer, self.text)
            self.example.next_to(self.tag, DOWN, buff=0.45).align_to(self.image, LEFT)
            example_box = highlight_box(chart.bars[strongest], buff=BAR_BOX_BUFF)
            self.play(FadeIn(self.example), Create(example_box), run_time=style.RUN_TIME)
            beat.wait_until(3)  # "the longest bars pushed the wrong answer up the most"
            self.suspects = suspects(values)
            self.boxes = VGroup(*(highlight_box(chart.bars[j], buff=BAR_BOX_BUFF) for j in self.suspects))
            self.play(Create(self.boxes), run_time=style.RUN_TIME)
            self.remove(example_box)  # under its twin in ``boxes``
            beat.wait_until(4)  # "below, the average of the test images that make each one fire"
            self.panels = Group()
            for j in self.suspects:
                image = DigitImage(firing_average(self.net, j), side=PANEL_SIDE)
                self.panels.add(Group(image, MathTex(str(j), font_size=style.FONT_SIZE_LABEL, color=style.ACCENT)
                                      .next_to(image, DOWN, buff=0.1)))
            self.panels.arrange(RIGHT, buff=PANEL_GAP).move_to([chart.get_x(), PANELS_TOP, 0], aligned_edge=UP)
            panel_title = VGroup(*(label(line) for line in self.text("what_fires", firing=FIRING).split("\n")))
            panel_title.arrange(DOWN, aligned_edge=LEFT, buff=0.08)
            panel_title.next_to(self.panels, LEFT, buff=0.5).align_to(self.image, LEFT)
            self.play(Conceal(self.example), run_time=style.SHORT_RUN_TIME)
            self.play(Reveal(self.panels, panel_title), run_time=style.RUN_TIME)
            self.panel_title = panel_title

    def challenge_assumptions(self) -> None:
        values = pushes(self.net, self.digit.pixels, self.answer)
        focus = int(np.argmax(values))
        with self.beat("challenge-assumptions") as beat:
            self.play(Conceal(self.chart_group, self.boxes, self.panels, self.panel_title, self.image, self.tag),
                      run_time=style.SHORT_RUN_TIME)
            average = DigitImage(firing_average(self.net, focus), side=FOCUS_SIDE)
            average.to_corner(UP + LEFT, buff=style.FRAME_MARGIN)
            caption = VGroup(label(self.text("focus_neuron", n=focus), style.ACCENT),
                             label(self.text("average_fires_on"))).arrange(DOWN, aligned_edge=LEFT, buff=0.08)
            caption.next_to(average, DOWN, buff=0.15).align_to(average, LEFT)
            accuracy = VGroup(*(label(line, style.TEXT_COLOR) for line in
                                self.text("whole_network_reads", accuracy=accuracy_on_test_set()).split("\n")))
            accuracy.arrange(DOWN, aligned_edge=LEFT, buff=0.08).next_to(caption, DOWN, buff=0.6)
            accuracy.align_to(average, LEFT)
            counts = firing_counts(self.net, focus)
            count_chart = small_chart(counts, [str(d) for d in range(10)], SMALL_CHART_SIZE,
                                      [style.ACCENT] * 10, float(counts.max()), axis_numbers=False)
            count_chart.shift(COUNTS_CENTER - count_chart[0].get_center())
            fires = (_test_activations(self.net)[firing_images(self.net, focus), focus] > FIRING).all()
            count_title = label_next_to(count_chart, self.text("images_it_fires_on" if fires else "images_exciting_most",
                                                               n=int(counts.sum())),
                                        UP, buff=0.1)
            self.play(Reveal(accuracy, average, caption, count_chart, count_title), run_time=style.RUN_TIME)
            beat.wait_until(1)  # "digging into its weights then tests your assumptions ..."
            outgoing = self.net.weights[-1][:, focus]
            out_chart = small_chart(outgoing, [str(d) for d in range(10)], SMALL_CHART_SIZE, signed_colors(outgoing),
                                    math.ceil(np.abs(outgoing).max()))
            out_chart.shift(OUTGOING_CENTER - out_chart[0].get_center())
            pair = (self.answer, self.digit.label)
            values_shown = label(self.text("into_two", a=pair[0], wa=outgoing[pair[0]], b=pair[1],
                                           wb=outgoing[pair[1]]).replace("-", "−"),
                                 style.ACCENT).next_to(out_chart, UP, buff=0.1)
            out_title = label_next_to(values_shown, self.text("weights_into_outputs"), UP, buff=0.08)
            marks = VGroup(*(highlight_box(out_chart[0].bars[d], buff=BAR_BOX_BUFF) for d in pair))
            self.play(Reveal(out_chart, out_title), run_time=style.RUN_TIME)
            self.play(Create(marks), FadeIn(values_shown), run_time=style.RUN_TIME)
            beat.wait_until(2)  # "treat it as a sealed black box, and you learn nothing"
            self.play(Conceal(accuracy, average, caption, count_chart, count_title, out_chart, out_title, marks,
                              values_shown), run_time=style.SHORT_RUN_TIME)
            image = DigitImage(self.digit.pixels, side=style.IMAGE_SIDE * 0.8)
            box = Rectangle(width=BOX_SIZE[0], height=BOX_SIZE[1]).set_fill(style.SECONDARY, 0.35)
            box.set_stroke(style.SECONDARY, style.NEURON_STROKE_WIDTH)
            question = MathTex("?", font_size=style.FONT_SIZE_TITLE)
            answer = MathTex(str(self.answer), font_size=style.FONT_SIZE_TITLE, color=style.WRONG_COLOR)
            row = Group(image, Group(box, question), answer).arrange(RIGHT, buff=1.6).move_to(UP * 0.4)
            question.move_to(box)
            arrows = VGroup(Arrow(image.get_right(), box.get_left(), buff=0.2),
                            Arrow(box.get_right(), answer.get_left(), buff=0.2)).set_color(style.SECONDARY)
            name = label_next_to(box, self.text("sealed"))
            self.play(Reveal(row, arrows, name), run_time=style.RUN_TIME)

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
digit and its weights into the outputs, and what that means for this mistake (a shape two digits
share, pushed towards one of them), with real test images it fires on; a sealed black box, by
contrast, shows nothing.

Colours: a weight is green when positive and red when negative wherever it or its value appears
(``style.weight_color``: dial numbers, needles and faces, the worked bar, the values into the outputs);
a bias is blue.
"""
from __future__ import annotations

import math
from collections.abc import Callable

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
    Circle,
    Create,
    DecimalNumber,
    Dot,
    FadeIn,
    Group,
    GrowArrow,
    Indicate,
    LaggedStart,
    Line,
    ManimColor,
    MathTex,
    Mobject,
    Rectangle,
    UpdateFromAlphaFunc,
    VGroup,
    smooth,
)

import nn
from nn.train import Recipe
from scenes.components import (
    DigitImage,
    NetworkDiagram,
    PartImage,
    highlight_box,
    label,
    label_next_to,
    layer_name,
    style,
    wrapped_label,
)
from scenes.components.transitions import Conceal, FadeToBlack, Reveal, Swap, fade_in, fade_out
from scenes.content.digit_input import DigitInput, chosen_input, mnist_input, user_chose_input
from scenes.content.digit_parts import first_clean_example, hole_centre, loop_edges
from scenes.content.examples import activations_on_test_set, first_misread
from scenes.runtime.narrated_scene import NarratedScene

QUICK = 0.6  # the changes a sentence brings (every animated frame costs, most at 1080p60)
LABEL_SIZE = max(style.FONT_SIZE_SMALL, 27)  # small words: lowercase letters at least 9 px tall at 480p
# --- the dials ----------------------------------------------------------------------------------
DIAL_LAYERS = (1, 2)  # one row of dials per hidden layer: weights into its neuron 0, and its bias
N_WEIGHT_DIALS = 5
CENTRE_COLUMN = 14  # first-layer dials: weights from the pixels down the image's centre column ...
FIRST_ROW = 10  # ... from this row on
DIAL_RADIUS = 0.5
FACE_OPACITY = 0.45  # a dial's face is tinted by its value's colour, this strong at the end of the scale
DIAL_ARC = 1.5 * PI  # the face: 270°, zero straight up, the scale's ends at the bottom left and right
DIAL_GAP = 0.12  # between neighbouring weight dials
BIAS_GAP = 0.45  # between the weight dials and the bias dial
DIAL_ROW_GAP = 0.35
ROW_LABEL_BUFF = 0.35
ROW_NAME_WIDTH = 3.85  # a row's name, in as many lines as it takes
LEFT_COLUMN_WIDTH = 6.2  # words under the focus neuron's picture, left of the charts
ZERO_TICK_WIDTH = 4.0
NEEDLE_WIDTH = 4.5
KEY_Y = 2.95  # the key dial (the scale) above the rows
ROWS_TOP = 2.05
ONE_DIAL_TURN = 0.3  # seconds a needle takes, turned by hand
NUMBER_STEP = 0.08  # a turning dial rewrites its number each time its value moves this share of the scale
RANDOM_TURN = 0.6  # learning: the needles from where training started (random) ...
LEARN_TURN = 1.2  # ... to the trained values
BACK_TO_ZERO_TIME = 1.5
SWAP_TIME = 0.35  # the dials go in the breath before the mistake, which comes as its sentence starts
THUMB_SIDE = 1.2  # an edge or part (pieces of a real 9) beside a row ...
THUMB_BUFF = 0.3
AIM_SPACE = THUMB_BUFF + THUMB_SIDE + 1.1  # ... with its word: the board leaves room for them

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
SMALL_CHART_SIZE = (6.4, 1.4)
COUNTS_CENTER = RIGHT * 2.9 + UP * 1.85
OUTGOING_CENTER = RIGHT * 2.9 + DOWN * 1.55
COUNT_TITLE_WIDTH = 7.8  # the count chart's title may reach over the left column's top (the picture is lower)
MISTAKE_SIDE = 3.0  # "... even on a 5 like this one": the mistake, big, pushed towards its wrong answer ...
PUSHED_ANSWER_SIZE = 140  # ... the wrong answer it is pushed to
PUSH_ARROW_LENGTH = 2.2
PUSH_CENTER = RIGHT * 2.9 + DOWN * 0.3
PUSH_VALUE_SCALE = 1.6  # the weight doing the pushing, over them
N_FIRING_SHOWN = 6  # real test images the neuron fires on, of each of its two digits
FIRING_SIDE = 0.95
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


def firing_images(net: nn.Network, neuron: int) -> np.ndarray:
    """Test indices on which last-hidden-layer ``neuron`` fires (activation > ``FIRING``); if fewer
    than ``MIN_FIRING_IMAGES`` do, the ``MIN_FIRING_IMAGES`` that excite it most."""
    acts = activations_on_test_set(net)[:, neuron]
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
    the needle, the tint of the face and the number below follow :meth:`set_value`. A weight's dial
    (``color`` None) takes its value's colour, ``style.weight_color`` (green +, red −); any other
    dial (a bias) keeps ``color``."""

    def __init__(self, value: float, scale: float, color=None, radius: float = DIAL_RADIUS) -> None:  # noqa: ANN001
        super().__init__()
        self.scale_value, self.radius, self.fixed_color = float(scale), radius, color
        self.disc = Circle(radius=radius).set_stroke(width=0).set_fill(style.SECONDARY, 0.0)
        self.face = Arc(radius=radius, start_angle=PI / 2 - DIAL_ARC / 2, angle=DIAL_ARC)
        self.face.set_stroke(style.SECONDARY, style.NEURON_STROKE_WIDTH)
        self.ticks = VGroup(*(self._tick(t, 0.25 if t else 0.35) for t in (-1.0, 0.0, 1.0)))
        self.ticks[1].set_stroke(style.TEXT_COLOR, ZERO_TICK_WIDTH)
        first = self.color_of(value)
        self.needle = Line(ORIGIN3, UP * radius * 0.85).set_stroke(first, NEEDLE_WIDTH)
        self.hub = Dot(radius=0.05, color=first)
        self.number = DecimalNumber(value, num_decimal_places=2, include_sign=True, font_size=style.FONT_SIZE_LABEL,
                                    color=first)
        self.number.next_to(self.face, DOWN, buff=style.LABEL_BUFF * 0.6)
        self.add(self.disc, self.face, self.ticks, self.needle, self.hub, self.number)
        self.value = 0.0
        self.set_value(value)

    def color_of(self, value: float) -> ManimColor:
        """The dial's colour at ``value``: its fixed colour, or the weight colour of the value's sign."""
        return ManimColor(self.fixed_color) if self.fixed_color is not None else style.weight_color(value)

    def centre(self) -> np.ndarray:
        return self.hub.get_center()

    def _direction(self, turn: float) -> np.ndarray:
        """Unit vector of a needle at ``turn`` of the scale (−1 … 1), clockwise from straight up."""
        angle = turn * DIAL_ARC / 2
        return np.array([np.sin(angle), np.cos(angle), 0.0])

    def _tick(self, turn: float, length: float) -> Line:
        d = self._direction(turn) * self.radius
        return Line(d * (1 - length), d * 1.12).set_stroke(style.SECONDARY, style.NEURON_STROKE_WIDTH)

    def set_value(self, value: float, exact: bool = True) -> Dial:
        """Show ``value``. Not ``exact`` (a needle on its way): the number is rewritten only once the value
        has moved ``NUMBER_STEP`` of the scale from the number shown (rewriting it costs ~30 ms)."""
        self.value = float(value)
        turn = float(np.clip(value / self.scale_value, -1.0, 1.0))
        centre = self.centre()
        self.needle.put_start_and_end_on(centre, centre + self._direction(turn) * self.radius * 0.85)
        color = self.color_of(round(value, 2))  # the colour of the number as written (−0.00 is 0)
        self.disc.set_fill(color, FACE_OPACITY * abs(turn))
        shown = self.number.get_value()
        if round(value, 2) != round(shown, 2) and (exact or abs(value - shown) >= NUMBER_STEP * self.scale_value):
            self.number.set_value(value)
        if self.number.get_color() != color:
            for part in (self.number, self.needle, self.hub):
                part.set_color(color)
        return self

    def turn_to(self, value: float, **kwargs) -> UpdateFromAlphaFunc:
        """Turn the needle (and count the number) from where it is to ``value``."""
        start: list[float] = []

        def update(dial: Mobject, alpha: float) -> None:
            if not start:
                start.append(self.value)
            self.set_value(start[0] + (value - start[0]) * smooth(alpha), exact=alpha >= 1.0)

        return UpdateFromAlphaFunc(self, update, **kwargs)


ORIGIN3 = np.zeros(3)


def dial_key(scale: int, words: tuple[str, str]) -> VGroup:
    """The scale, once for all dials: an empty face with 0 at the top and −scale, +scale at its ends."""
    face = Dial(0.0, scale, style.SECONDARY)
    face.remove(face.needle, face.hub, face.number, face.disc)
    marks = VGroup(*(MathTex(text, font_size=style.FONT_SIZE_LABEL, color=color).move_to(
        face.centre() + face._direction(turn) * face.radius * 1.75 + (DOWN * 0.08 if turn else ORIGIN3))
        for text, turn, color in ((f"-{scale}", -1.0, style.weight_color(-scale)), ("0", 0.0, style.TEXT_COLOR),
                                  (f"+{scale}", 1.0, style.weight_color(scale)))))
    lines = VGroup(*(label(line, style.TEXT_COLOR, LABEL_SIZE) for line in words)).arrange(DOWN, aligned_edge=LEFT,
                                                                                         buff=0.12)
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
    push = activation * weight
    rows = [(label(text("activation"), font_size=LABEL_SIZE), rf"{activation:.3f}", style.TEXT_COLOR),
            (label(text("times_weight_into", output=output), font_size=LABEL_SIZE), rf"{weight:.2f}",
             style.weight_color(weight)),
            (label(text("equals_push"), font_size=LABEL_SIZE), rf"\approx {push:.2f}", style.weight_color(push))]
    table = VGroup(*(VGroup(words, MathTex(value, font_size=style.FONT_SIZE_BODY, color=color))
                     for words, value, color in rows))
    table.arrange(DOWN, aligned_edge=LEFT, buff=0.12)
    right = max(words.get_right()[0] for words, _ in table) + 0.3 + max(value.width for _, value in table)
    for words, value in table:
        value.move_to([right, words.get_y(), 0], aligned_edge=RIGHT)
    return VGroup(label(text("neuron_colon", n=neuron), style.ACCENT, LABEL_SIZE), table).arrange(DOWN, aligned_edge=LEFT,
                                                                                              buff=0.15)


def signed_colors(values) -> list:  # noqa: ANN001
    """Each value's colour by its sign: ``style.weight_color``."""
    return [style.weight_color(float(v)) for v in values]


def random_start_parameters(net: nn.Network) -> list[float]:
    """The dials' parameters (``dial_parameters``) in the network training started from: random weights,
    drawn as the training recipe draws them (its seed, initialisation and activation)."""
    recipe = Recipe()
    start = nn.Network(list(net.sizes), seed=recipe.seed, init=recipe.init, hidden=recipe.hidden)
    return [v for _, _, v in dial_parameters(start)]


def firing_examples(net: nn.Network, neuron: int, digit: int, n: int = N_FIRING_SHOWN) -> list[int]:
    """The first ``n`` test images of ``digit`` (lowest index first) among those ``neuron`` fires on."""
    labels = nn.load_split("test").labels
    return [int(i) for i in firing_images(net, neuron) if labels[i] == digit][:n]


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
                weights = VGroup(*(Dial(v, scale) for la, k, v in params if la == layer and k == "w"))
                weights.arrange(RIGHT, buff=DIAL_GAP)
                bias = VGroup(*(Dial(v, scale, style.B_COLOR) for la, k, v in params if la == layer and k == "b"))
                bias.next_to(weights, RIGHT, buff=BIAS_GAP)
                dials = VGroup(*weights, *bias)
                name = VGroup(wrapped_label(layer_name(layer, len(self.net.sizes)), ROW_NAME_WIDTH, style.TEXT_COLOR,
                                            LABEL_SIZE),
                              wrapped_label(self.text("its_neuron_0"), ROW_NAME_WIDTH, font_size=LABEL_SIZE))
                name.arrange(DOWN, aligned_edge=LEFT, buff=0.08)
                name.next_to(dials[0].face, LEFT, buff=ROW_LABEL_BUFF)
                self.rows.add(VGroup(name, dials))
                self.dial_rows.append(dials)
            self.rows.arrange(DOWN, buff=DIAL_ROW_GAP, aligned_edge=LEFT)
            first = self.dial_rows[0]
            heads = VGroup(label(self.text("weights"), style.TEXT_COLOR, LABEL_SIZE)
                           .next_to(VGroup(*first[:N_WEIGHT_DIALS]), UP, buff=0.2),
                           label(self.text("bias"), style.B_COLOR, LABEL_SIZE).next_to(first[N_WEIGHT_DIALS], UP, buff=0.2))
            heads[1].align_to(heads[0], UP)
            self.rows.add(heads)
            left = -(self.rows.width + AIM_SPACE) / 2  # rows and the room for the aims, centred
            self.rows.move_to([left, ROWS_TOP, 0], aligned_edge=UP + LEFT)
            self.key = dial_key(scale, (self.text("needle_up"), self.text("one_scale")))
            self.key.move_to([left, KEY_Y, 0], aligned_edge=LEFT)
            more = label(self.text("and_more", n=self.net.n_parameters - len(params)), font_size=style.FONT_SIZE_BODY)
            self.more = more.next_to(self.rows, DOWN, buff=DIAL_ROW_GAP).align_to(self.rows, LEFT)
            self.play(Reveal(self.rows), run_time=QUICK)
            beat.wait_until(1)  # "straight up is zero, and all dials share one scale"
            self.play(Reveal(self.key), run_time=QUICK)
            beat.wait_until(2)  # "twelve thousand nine hundred ninety more stand behind them": said, then written
            self.wait(beat.until(3) * 0.3)
            self.play(Reveal(self.more), run_time=style.SAID_RUN_TIME)
            beat.wait_until(3)  # "learning means letting the computer find good settings": from its random start
            dials = [d for row in self.dial_rows for d in row]
            start = random_start_parameters(self.net)
            self.learn_note = label(self.text("learning_from_random"), style.ACCENT, LABEL_SIZE)
            self.learn_note.next_to(self.more, RIGHT, buff=0.8).align_to(self.more, DOWN)
            self.play(*(d.turn_to(v) for d, v in zip(dials, start)), FadeIn(self.learn_note), run_time=RANDOM_TURN)
            self.play(*(d.turn_to(v) for d, (_, _, v) in zip(dials, params)), run_time=LEARN_TURN)

    def by_hand(self) -> None:
        with self.beat("by-hand") as beat:
            dials = [d for row in self.dial_rows for d in row]
            self.note = label(self.text("imagine_zero"), style.ACCENT, LABEL_SIZE)
            self.note.next_to(self.more, RIGHT, buff=0.8).align_to(self.more, DOWN)
            self.play(*(d.turn_to(0.0) for d in dials), Swap(self.learn_note, self.note), run_time=BACK_TO_ZERO_TIME)
            beat.wait_until(1)  # "picture setting every one of these numbers yourself, by hand": one at a time
            values = [v for _, _, v in dial_parameters(self.net)]
            hand = label(self.text("turn_them"), style.ACCENT, LABEL_SIZE).move_to(self.note, aligned_edge=LEFT)
            self.play(Swap(self.note, hand), run_time=style.SHORT_RUN_TIME)
            self.note = hand
            finger = highlight_box(dials[0].face, buff=0.12).set_fill(style.ACCENT, 0.25)  # the dial being turned
            self.play(Create(finger), run_time=ONE_DIAL_TURN)
            for d, v in zip(dials, values):
                self.play(finger.animate.move_to(d.face), d.turn_to(v), run_time=ONE_DIAL_TURN)
            self.play(*fade_out(finger), run_time=ONE_DIAL_TURN)
            nine = first_clean_example(9)
            edge = loop_edges(nine.masks[0], hole_centre(nine.pixels))[0]
            aims = [(edge, self.text("edges"), style.ACCENT), (nine.masks[0], self.text("parts"), style.ALT_ACCENT)]
            self.aim_marks = Group()
            for k, (mask, word, color) in enumerate(aims):  # "the first hidden layer to find edges" ...
                beat.wait_until(2 + k)
                row = self.rows[k]
                thumb = PartImage(nine.pixels, mask, color, side=THUMB_SIDE, frame=True)
                thumb.next_to(self.dial_rows[k], RIGHT, buff=THUMB_BUFF).set_y(self.dial_rows[k][0].face.get_y())
                words = label(word, color, LABEL_SIZE).next_to(thumb, RIGHT, buff=0.15)
                box = highlight_box(row, color=color)
                self.play(Create(box), *fade_in(thumb, words), run_time=QUICK)
                self.aim_marks.add(box, thumb, words)
            self.wait(beat.remaining)  # the dials go in the breath after the beat, not over the next words
            self.play(Conceal(self.rows, self.key, self.more, self.note, self.aim_marks), run_time=SWAP_TIME)

    def a_mistake(self) -> None:
        with self.beat("a-mistake", index=self.digit.index, label=self.digit.label,
                       answer=self.answer) as beat:
            self.image = DigitImage(self.digit.pixels).to_corner(style.IMAGE_CORNER, buff=style.FRAME_MARGIN)
            self.tag = label_next_to(self.image, self.digit.tag, font_size=LABEL_SIZE)
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
                self.marks.add(label(word, color, LABEL_SIZE).next_to(output, RIGHT, buff=0.15))
            self.play(self.diagram.output_label(self.answer).animate.set_color(style.WRONG_COLOR),
                      FadeIn(self.verdict[0], self.marks[0]), run_time=QUICK)
            self.play(self.diagram.output_label(self.digit.label).animate.set_color(style.RIGHT_COLOR),
                      FadeIn(self.verdict[1], self.marks[1]), run_time=QUICK)

    def place_to_start(self) -> None:
        values = pushes(self.net, self.digit.pixels, self.answer)
        self.focus = int(np.argmax(values))  # the longest bar: where to start looking
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
            title = label_next_to(chart, self.text("push_on_output", answer=self.answer), UP, font_size=LABEL_SIZE)
            axis_name = label_next_to(names, self.text("second_layer_neurons"), DOWN, buff=0.1, font_size=LABEL_SIZE)
            self.play(Reveal(chart, names, title, axis_name), run_time=QUICK)
            self.chart_group = VGroup(chart, names, title, axis_name)
            beat.wait_until(2)  # "its length is that neuron's real activation ... times its weight"
            strongest = self.focus
            activation = float(self.net.activations(self.digit.pixels)[-2][strongest])
            weight = float(self.net.weights[-1][self.answer, strongest])
            self.example = push_table(strongest, activation, weight, self.answer, self.text)
            self.example.next_to(self.tag, DOWN, buff=0.45).align_to(self.image, LEFT)
            example_box = highlight_box(chart.bars[strongest], buff=BAR_BOX_BUFF)
            name, (activation_row, weight_row, push_row) = self.example
            self.play(Create(example_box), FadeIn(name, activation_row), run_time=QUICK)  # "... real activation here"
            self.wait(beat.until(3) * 0.4)
            self.play(FadeIn(weight_row), run_time=QUICK)  # "times its weight into the wrong output"
            self.play(FadeIn(push_row), run_time=QUICK)
            beat.wait_until(3)  # "the longest bars pushed the wrong answer up the most": the others dim
            self.suspects = suspects(values)
            self.boxes = VGroup(*(highlight_box(chart.bars[j], buff=BAR_BOX_BUFF) for j in self.suspects))
            others = VGroup(*(bar for j, bar in enumerate(chart.bars) if j not in self.suspects))
            self.play(LaggedStart(*(Create(b) for b in self.boxes), lag_ratio=0.5), others.animate.set_opacity(0.3),
                      run_time=style.SAID_RUN_TIME)
            self.remove(example_box)  # under its twin in ``boxes``
            beat.wait_until(4)  # "below, the average of the test images that make each one fire"
            self.panels = Group()
            for j in self.suspects:
                image = DigitImage(firing_average(self.net, j), side=PANEL_SIDE)
                self.panels.add(Group(image, MathTex(str(j), font_size=style.FONT_SIZE_LABEL, color=style.ACCENT)
                                      .next_to(image, DOWN, buff=0.1)))
            self.panels.arrange(RIGHT, buff=PANEL_GAP).move_to([chart.get_x(), PANELS_TOP, 0], aligned_edge=UP)
            panel_title = VGroup(*(label(line, font_size=LABEL_SIZE)
                                   for line in self.text("what_fires", firing=FIRING).split("\n")))
            panel_title.arrange(DOWN, aligned_edge=LEFT, buff=0.08)
            panel_title.next_to(self.panels, LEFT, buff=0.5).align_to(self.image, LEFT)
            self.play(Conceal(self.example), run_time=style.SHORT_RUN_TIME)
            self.play(Reveal(self.panels, panel_title), run_time=QUICK)
            self.panel_title = panel_title
            beat.wait_until(5)  # "... shows where to start": the longest bar's picture comes forward, big
            chosen = self.panels[self.suspects.index(self.focus)]
            self.average = chosen[0]
            self.play(Conceal(self.chart_group, self.boxes, self.image, self.tag, self.panel_title,
                              *(p for p in self.panels if p is not chosen), chosen[1]), run_time=style.SHORT_RUN_TIME)
            self.play(self.average.animate.scale(FOCUS_SIDE / PANEL_SIDE)
                      .to_corner(UP + LEFT, buff=style.FRAME_MARGIN), run_time=QUICK)

    def challenge_assumptions(self) -> None:
        focus = self.focus
        counts = firing_counts(self.net, focus)
        first, second = (int(d) for d in np.argsort(-counts, kind="stable")[:2])  # the digits it fires on most
        outgoing = self.net.weights[-1][:, focus]
        label_digit = self.digit.label
        values = {"focus": focus, "n_fires": int(counts.sum()), "first": first, "second": second,
                  "n_first": int(counts[first]), "n_second": int(counts[second]), "answer": self.answer,
                  "label": label_digit, "w_answer": float(outgoing[self.answer]),
                  "w_label": float(outgoing[label_digit])}
        self.finding = values
        with self.beat("challenge-assumptions", **values) as beat:
            average = self.average
            caption = VGroup(wrapped_label(self.text("focus_neuron", n=focus), LEFT_COLUMN_WIDTH, style.ACCENT, LABEL_SIZE),
                             wrapped_label(self.text("average_fires_on"), LEFT_COLUMN_WIDTH, font_size=LABEL_SIZE))
            caption.arrange(DOWN, aligned_edge=LEFT, buff=0.08).next_to(average, DOWN, buff=0.15).align_to(average, LEFT)
            count_chart = small_chart(counts, [str(d) for d in range(10)], SMALL_CHART_SIZE,
                                      [style.ACCENT] * 10, float(counts.max()), axis_numbers=False)
            count_chart.shift(COUNTS_CENTER - count_chart[0].get_center())
            fires = (activations_on_test_set(self.net)[firing_images(self.net, focus), focus] > FIRING).all()
            count_title = wrapped_label(self.text("images_it_fires_on" if fires else "images_exciting_most",
                                                  n=int(counts.sum())), COUNT_TITLE_WIDTH, font_size=LABEL_SIZE)
            count_title.next_to(count_chart, UP, buff=0.1)
            self.play(Reveal(caption), Indicate(average, color=style.ACCENT, scale_factor=1.1), run_time=QUICK)
            # "of the 703 test images it fires on, 402 are sixes, 284 fives": counted by digit, those two boxed
            self.wait(max(0.0, beat.until(1) * 0.3))
            self.play(Reveal(count_chart, count_title), run_time=QUICK)
            top_two = VGroup(*(highlight_box(count_chart[0].bars[d], buff=BAR_BOX_BUFF) for d in (first, second)))
            self.play(Create(top_two), run_time=QUICK)
            beat.wait_until(1)  # "a shape they share, yet its weight into 6 is ..., into 5 only ..."
            out_chart = small_chart(outgoing, [str(d) for d in range(10)], SMALL_CHART_SIZE, signed_colors(outgoing),
                                    math.ceil(np.abs(outgoing).max()))
            out_chart.shift(OUTGOING_CENTER - out_chart[0].get_center())
            pair = (self.answer, label_digit)
            values_shown = VGroup(*(label(self.text("into_one", a=d, wa=outgoing[d]).replace("-", "−"),
                                          style.weight_color(float(outgoing[d])), LABEL_SIZE) for d in pair))
            values_shown.arrange(RIGHT, buff=0.5).next_to(out_chart, UP, buff=0.1)
            out_title = label_next_to(values_shown, self.text("weights_into_outputs"), UP, buff=0.08,
                                      font_size=LABEL_SIZE)
            marks = VGroup(*(highlight_box(out_chart[0].bars[d], buff=BAR_BOX_BUFF) for d in pair))
            self.play(Reveal(out_chart, out_title), run_time=QUICK)
            self.wait(max(0.0, beat.until(2) * 0.35))
            self.play(Create(marks), FadeIn(values_shown),
                      *(Indicate(out_chart[0].bars[d], scale_factor=1.15) for d in pair), run_time=QUICK)
            beat.wait_until(2)  # "so when that shape appears, it pushes hard towards 6, even on a 5 like this one"
            self.play(Conceal(count_chart, count_title, out_chart, out_title, marks, top_two),
                      values_shown[0].animate.scale(PUSH_VALUE_SCALE).move_to(PUSH_CENTER + UP * 2.1),
                      *fade_out(values_shown[1]), run_time=style.SHORT_RUN_TIME)
            mistake = DigitImage(self.digit.pixels, side=MISTAKE_SIDE)
            wrong = MathTex(str(self.answer), font_size=PUSHED_ANSWER_SIZE, color=style.WRONG_COLOR)
            Group(mistake, wrong).arrange(RIGHT, buff=PUSH_ARROW_LENGTH).move_to(PUSH_CENTER)
            push = Arrow(mistake.get_right(), wrong.get_left(), buff=0.15, color=style.weight_color(outgoing[self.answer]),
                         stroke_width=12, max_tip_length_to_length_ratio=0.15)
            self.play(Reveal(mistake), run_time=QUICK)  # "when that shape appears": on the mistake
            self.wait(beat.until(3) * 0.35)
            self.play(GrowArrow(push), FadeIn(wrong), run_time=style.SAID_RUN_TIME)  # "... pushes hard towards six"
            beat.wait_until(3)  # "digging into the weights ... reveals what you had not imagined": real images it fires on
            self.play(Conceal(values_shown[0], mistake, wrong, push), run_time=style.SHORT_RUN_TIME)
            rows = Group()
            for d in (first, second):
                tiles = Group(*(DigitImage(i, side=FIRING_SIDE) for i in firing_examples(self.net, focus, d)))
                tiles.arrange(RIGHT, buff=0.12)
                rows.add(tiles)
            rows.arrange(DOWN, buff=0.3, aligned_edge=LEFT).move_to([COUNTS_CENTER[0], 0.6, 0])
            rows_title = wrapped_label(self.text("some_it_fires_on"), rows.width + 1.5, font_size=LABEL_SIZE)
            rows_title.next_to(rows, UP, buff=0.15)
            self.play(LaggedStart(*(Reveal(t) for row in rows for t in row), lag_ratio=0.08), Reveal(rows_title),
                      run_time=QUICK)
            self.firing_shown = [list(firing_examples(self.net, focus, d)) for d in (first, second)]
            beat.wait_until(4)  # "treat it as a sealed black box, and you learn nothing"
            self.play(Conceal(average, caption, rows, rows_title), run_time=style.SHORT_RUN_TIME)
            image = DigitImage(self.digit.pixels, side=style.IMAGE_SIDE * 0.8)
            box = Rectangle(width=BOX_SIZE[0], height=BOX_SIZE[1]).set_fill(style.SECONDARY, 0.35)
            box.set_stroke(style.SECONDARY, style.NEURON_STROKE_WIDTH)
            question = MathTex("?", font_size=style.FONT_SIZE_TITLE)
            answer = MathTex(str(self.answer), font_size=style.FONT_SIZE_TITLE, color=style.WRONG_COLOR)
            row = Group(image, Group(box, question), answer).arrange(RIGHT, buff=1.6).move_to(UP * 0.4)
            question.move_to(box)
            arrows = VGroup(Arrow(image.get_right(), box.get_left(), buff=0.2),
                            Arrow(box.get_right(), answer.get_left(), buff=0.2)).set_color(style.SECONDARY)
            name = label_next_to(box, self.text("sealed"), font_size=LABEL_SIZE)
            self.play(Reveal(row, arrows, name), run_time=QUICK)

"""Chapter 8 (12:30) How learning relates: learning = setting 13,002 dials; and a real mistake.

Beats (storyboard): dials showing real parameters of the shipped network (needle and number), and
how many more there are (``net.n_parameters``); setting them by hand; a real MNIST test image the
trained network gets wrong (by default the first one: lowest index whose prediction differs from
its label; the user's own MNIST digit instead when the network misreads that too), marked wrong;
where to start looking: each second-hidden-layer neuron's real push on the wrong output (its
activation on this image times its weight into that output); digging into weights tests
assumptions.
"""
from __future__ import annotations

import numpy as np
from manim import DOWN, LEFT, PI, RIGHT, UP, BarChart, Circle, Create, DecimalNumber, FadeIn, Line, MathTex, VGroup

import nn
from scenes.components import (
    INPUT_PIXELS_SHOWN,
    DigitImage,
    NetworkDiagram,
    highlight_box,
    label,
    label_next_to,
    style,
)
from scenes.components.transitions import Conceal, FadeToBlack, Reveal
from scenes.content.digit_input import DigitInput, chosen_input, mnist_input, user_chose_input
from scenes.content.examples import first_misread
from scenes.pipeline.chapter_scene import ChapterScene

N_WEIGHT_DIALS = 6  # weights into the first hidden neuron, from the input pixels the diagram draws
N_BIAS_DIALS = 6  # biases of the first hidden layer's first neurons
DIAL_RADIUS = 0.5
DIAL_GAP = 0.55  # between neighbouring dials
DIAL_ROW_GAP = 0.55
ROW_LABEL_BUFF = 0.5
DIAL_MAX_ANGLE = 0.75 * PI  # needle turn (from straight up) of the largest value shown of its kind
CHART_SIZE = (7.6, 3.6)  # the bar chart of pushes (width, height)
CHART_CENTER = RIGHT * 2.6 + UP * 0.3


def dial_parameters(net: nn.Network) -> list[tuple[str, float]]:
    """("w" or "b", value) of each dial: weights into hidden neuron 0 from the drawn pixels, then biases."""
    weights = [("w", float(net.weights[0][0, p])) for p in INPUT_PIXELS_SHOWN[:N_WEIGHT_DIALS]]
    biases = [("b", float(v)) for v in net.biases[0][:N_BIAS_DIALS]]
    return weights + biases


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


def dial(kind: str, value: float, largest: float) -> VGroup:
    """A dial for one real parameter: needle turned by value / largest, the value written below."""
    color = style.W_COLOR if kind == "w" else style.B_COLOR
    face = Circle(radius=DIAL_RADIUS).set_stroke(style.SECONDARY, style.NEURON_STROKE_WIDTH)
    turn = DIAL_MAX_ANGLE * value / largest  # from straight up; positive values turn clockwise
    tip = DIAL_RADIUS * 0.85 * np.array([np.sin(turn), np.cos(turn), 0.0])
    needle = Line(face.get_center(), face.get_center() + tip).set_stroke(color, style.HIGHLIGHT_WIDTH)
    number = DecimalNumber(value, num_decimal_places=2, include_sign=True, font_size=style.FONT_SIZE_LABEL, color=color)
    number.next_to(face, DOWN, buff=style.LABEL_BUFF)
    return VGroup(face, needle, number)


class HowLearningRelates(ChapterScene):
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
            self.show_title()
            params = dial_parameters(self.net)
            largest = {k: max(abs(v) for kk, v in params if kk == k) for k in ("w", "b")}
            rows = VGroup()
            for kind, word, color in (("w", "weights", style.W_COLOR), ("b", "biases", style.B_COLOR)):
                dials = VGroup(*(dial(k, v, largest[k]) for k, v in params if k == kind)).arrange(RIGHT, buff=DIAL_GAP)
                rows.add(VGroup(label(word, color, style.FONT_SIZE_BODY).next_to(dials[0][0], LEFT, buff=ROW_LABEL_BUFF),
                                dials))
            rows.arrange(DOWN, buff=DIAL_ROW_GAP, aligned_edge=RIGHT)
            more = label(f"… and {self.net.n_parameters - len(params):,} more", font_size=style.FONT_SIZE_BODY)
            self.dial_board = VGroup(rows, more.next_to(rows, DOWN, buff=DIAL_ROW_GAP)).move_to(DOWN * 0.1)
            self.play(Reveal(rows), run_time=style.RUN_TIME)
            beat.wait_until(1)
            self.play(Reveal(more), run_time=style.RUN_TIME)

    def by_hand(self) -> None:
        with self.beat("by-hand"):
            pass  # the dials stay: the thought experiment is about them

    def a_mistake(self) -> None:
        with self.beat("a-mistake", index=self.digit.source.rsplit("#", 1)[-1], label=self.digit.label,
                       answer=self.answer):
            self.play(Conceal(self.dial_board), run_time=style.SHORT_RUN_TIME)
            self.image = DigitImage(self.digit.pixels).to_corner(style.IMAGE_CORNER, buff=style.FRAME_MARGIN)
            self.tag = label_next_to(self.image, self.digit.tag)
            self.diagram = NetworkDiagram(self.net)
            self.play(Reveal(self.image, self.tag, self.diagram), run_time=style.RUN_TIME)
            self.bring_to_back(self.image, self.tag)
            self.play(self.diagram.forward_pass(self.digit.pixels, layer_time=0.6, input_time=0.4, box_time=0.4))
            box = self.diagram.highlight
            truth = highlight_box(VGroup(self.diagram.neuron(3, self.digit.label),
                                         self.diagram.output_label(self.digit.label)), color=style.RIGHT_COLOR)
            self.verdict = VGroup(label("network says " + str(self.answer), style.WRONG_COLOR, style.FONT_SIZE_BODY),
                                  label(f"true label {self.digit.label}", style.RIGHT_COLOR, style.FONT_SIZE_BODY))
            self.verdict.arrange(DOWN, aligned_edge=LEFT, buff=0.2).next_to(self.tag, DOWN, buff=0.5).align_to(self.image, LEFT)
            self.play(box.animate.set_stroke(style.WRONG_COLOR), FadeIn(self.verdict[0]), run_time=style.RUN_TIME)
            self.play(Create(truth), FadeIn(self.verdict[1]), run_time=style.RUN_TIME)
            self.truth = truth

    def place_to_start(self) -> None:
        values = pushes(self.net, self.digit.pixels, self.answer)
        with self.beat("place-to-start") as beat:
            self.play(Conceal(self.diagram, self.truth, self.verdict), run_time=style.RUN_TIME)
            top = float(np.ceil(np.abs(values).max()))
            chart = BarChart(list(values), y_range=[-top, top, 1],
                             x_length=CHART_SIZE[0], y_length=CHART_SIZE[1],
                             bar_colors=[style.POSITIVE_WEIGHT_COLOR if v >= 0 else style.NEGATIVE_WEIGHT_COLOR
                                         for v in values],
                             x_axis_config={"font_size": style.FONT_SIZE_LABEL},
                             y_axis_config={"font_size": style.FONT_SIZE_LABEL})
            chart.move_to(CHART_CENTER)
            names = VGroup(*(MathTex(str(j), font_size=style.FONT_SIZE_LABEL).move_to([bar.get_x(), chart.get_bottom()[1] - 0.3, 0])
                             for j, bar in enumerate(chart.bars)))
            title = label_next_to(chart, f"each neuron's push on the output {self.answer}", UP)
            axis_name = label_next_to(names, "neurons of the second hidden layer", DOWN)
            beat.wait_until(1)
            self.play(Reveal(chart, names, title, axis_name), run_time=style.RUN_TIME)
            beat.wait_until(3)
            strongest = np.argsort(-values)[:3]
            boxes = VGroup(*(highlight_box(chart.bars[int(j)]) for j in strongest))
            self.play(Create(boxes), run_time=style.RUN_TIME)

    def challenge_assumptions(self) -> None:
        with self.beat("challenge-assumptions"):
            pass  # the chart of real pushes stays: it is what digging into the weights looks like

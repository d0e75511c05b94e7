"""Chapter 12 (17:03) ReLU vs sigmoid: the old squashing function, the one used today, and why.

Beats (storyboard): the sigmoid, used first because a neuron is roughly off or on; crossed out as
old school; ReLU(a) = max(0, a), a rectified linear unit, drawn in two pieces (inactive: 0 for
negative inputs; the identity for positive ones); why it trains better: the slopes of both curves
(σ' flattens to almost 0 away from 0, ReLU' is 1 for every positive input); the end. Every curve
is computed by ``nn`` (``sigmoid``, ``relu`` and their derivatives).
"""
from __future__ import annotations

import numpy as np
from manim import DOWN, LEFT, RIGHT, UP, Create, Cross, FadeIn, MathTex, Text, VGroup, Write

import nn
from nn.network import relu_prime, sigmoid_prime
from scenes.components import NetworkDiagram, label, label_next_to, style
from scenes.components.equations import sigma_formula
from scenes.components.sigmoid_plot import FunctionPlot
from scenes.components.transitions import Conceal, FadeToBlack, Reveal
from scenes.pipeline.chapter_scene import ChapterScene

X_RANGE = (-4, 4, 1)
Y_RANGE = (0, 4, 1)
SLOPE_Y_RANGE = (0, 1.2, 0.5)
AXES_X_LENGTH = 7.5
AXES_Y_LENGTH = 4.0
AXES_CENTER = LEFT * 2.6 + DOWN * 0.2
FORMULA_X = 4.3  # centre of the formula column on the right
SIGMOID_FORMULA_Y = 1.4
RELU_FORMULA_Y = -0.6
STAMP_ANGLE = 0.25  # radians, the "old school" stamp's tilt
DIM_OPACITY = 0.35
INACTIVE_COLOR = style.NEGATIVE_WEIGHT_COLOR
IDENTITY_COLOR = style.POSITIVE_WEIGHT_COLOR
GRAPH_WIDTH = 6.0  # ReLU a little thicker than σ, so its flat part shows on the x-axis
RELU_LABEL_X = {"inactive": -2.0, "identity": 2.0}  # where (in x units) each piece is labelled


def relu_pieces(plot: FunctionPlot) -> tuple:
    """ReLU from ``nn.relu`` as two graphs on ``plot``'s axes: x ≤ 0 (inactive) and x ≥ 0 (identity)."""
    lo, hi = X_RANGE[0], X_RANGE[1]
    f = lambda x: float(nn.relu(np.float64(x)))  # noqa: E731
    inactive = plot.axes.plot(f, x_range=[lo, 0], color=INACTIVE_COLOR, stroke_width=GRAPH_WIDTH)
    identity = plot.axes.plot(f, x_range=[0, hi], color=IDENTITY_COLOR, stroke_width=GRAPH_WIDTH)
    return inactive, identity


class ReluVsSigmoid(ChapterScene):
    """σ is crossed out as old school; ReLU(a) = max(0, a) beside it; their slopes; the end."""

    def construct(self) -> None:
        self.why_sigmoid()
        self.old_school()
        self.relu()
        self.two_regimes()
        self.why_relu_trains()
        self.the_end()
        self.play(FadeToBlack(run_time=style.RUN_TIME))

    # --- beats ---------------------------------------------------------------------------
    def why_sigmoid(self) -> None:
        with self.beat("why-sigmoid") as beat:
            self.show_title()
            self.plot = FunctionPlot(nn.sigmoid, X_RANGE, Y_RANGE, x_length=AXES_X_LENGTH, y_length=AXES_Y_LENGTH)
            self.plot.move_to(AXES_CENTER)
            self.sigmoid_formula = sigma_formula("a").move_to([FORMULA_X, SIGMOID_FORMULA_Y, 0])
            self.play(Reveal(self.plot.axes), run_time=style.RUN_TIME)
            beat.wait_until(1)
            self.play(Create(self.plot.graph), Write(self.sigmoid_formula), run_time=style.LONG_PAUSE)

    def old_school(self) -> None:
        with self.beat("old-school"):
            cross = Cross(self.sigmoid_formula, stroke_color=style.WRONG_COLOR)
            stamp = Text("old school", font_size=style.FONT_SIZE_BODY, color=style.WRONG_COLOR)
            stamp.rotate(STAMP_ANGLE).next_to(self.sigmoid_formula, UP, buff=style.LABEL_BUFF * 2)
            self.play(Create(cross), FadeIn(stamp, scale=1.5), self.plot.graph.animate.set_stroke(opacity=DIM_OPACITY),
                      run_time=style.RUN_TIME)

    def relu(self) -> None:
        with self.beat("relu") as beat:
            formula = MathTex(r"\mathrm{ReLU}(a)", "=", r"\max(0,\, a)", font_size=style.FONT_SIZE_BODY)
            self.relu_formula = VGroup(formula, label("rectified linear unit")).arrange(DOWN, buff=style.LABEL_BUFF)
            self.relu_formula.move_to([FORMULA_X, RELU_FORMULA_Y, 0])
            self.play(Write(self.relu_formula), run_time=style.RUN_TIME * 1.5)

    def two_regimes(self) -> None:
        with self.beat("two-regimes") as beat:
            self.inactive, self.identity = relu_pieces(self.plot)
            axes = self.plot.axes
            inactive_label = label("off: 0", INACTIVE_COLOR).next_to(axes.c2p(RELU_LABEL_X["inactive"], 0), UP,
                                                                      buff=style.LABEL_BUFF * 3)
            identity_label = label("passes a on", IDENTITY_COLOR)
            identity_label.next_to(axes.c2p(RELU_LABEL_X["identity"], RELU_LABEL_X["identity"]), RIGHT,
                                   buff=style.LABEL_BUFF * 2).shift(DOWN * style.LABEL_BUFF * 2)
            self.play(Create(self.inactive), FadeIn(inactive_label), run_time=style.RUN_TIME * 1.5)
            beat.wait_until(1)
            self.play(Create(self.identity), FadeIn(identity_label), run_time=style.RUN_TIME * 1.5)
            self.relu_labels = VGroup(inactive_label, identity_label)

    def why_relu_trains(self) -> None:
        with self.beat("why-relu-trains") as beat:
            beat.wait_until(1)
            self.play(Conceal(self.plot, self.inactive, self.identity, self.relu_labels), run_time=style.RUN_TIME)
            slopes = FunctionPlot(sigmoid_prime, X_RANGE, SLOPE_Y_RANGE, x_length=AXES_X_LENGTH, y_length=AXES_Y_LENGTH,
                                  y_numbers=[0.5, 1.0]).move_to(AXES_CENTER)
            relu_slope = slopes.axes.plot(lambda x: float(relu_prime(np.float64(x))), x_range=[0.02, X_RANGE[1]],
                                          color=IDENTITY_COLOR, stroke_width=GRAPH_WIDTH)
            relu_off = slopes.axes.plot(lambda x: 0.0, x_range=[X_RANGE[0], -0.02], color=INACTIVE_COLOR,
                                        stroke_width=GRAPH_WIDTH)
            title = label_next_to(slopes.axes, "slopes", UP)
            names = VGroup(MathTex(r"\sigma'", color=style.SIGMA_COLOR, font_size=style.FONT_SIZE_BODY)
                           .next_to(slopes.point(0.0), UP, buff=0.1),
                           MathTex(r"\mathrm{ReLU}'", color=IDENTITY_COLOR, font_size=style.FONT_SIZE_BODY)
                           .next_to(slopes.axes.c2p(X_RANGE[1], 1.0), UP + LEFT, buff=0.1))
            self.play(Reveal(slopes.axes, title), run_time=style.SHORT_RUN_TIME)
            beat.wait_until(2)
            self.play(Create(slopes.graph), FadeIn(names[0]), run_time=style.RUN_TIME * 1.5)
            beat.wait_until(4)
            self.play(Create(relu_off), Create(relu_slope), FadeIn(names[1]), run_time=style.RUN_TIME * 1.5)
            self.slopes = VGroup(slopes, relu_slope, relu_off, title, names)

    def the_end(self) -> None:
        with self.beat("the-end"):
            self.play(Conceal(*(m for m in self.mobjects if m is not self.captions.current)), run_time=style.RUN_TIME)
            self.play(Reveal(NetworkDiagram(nn.load_pretrained())), run_time=style.RUN_TIME)

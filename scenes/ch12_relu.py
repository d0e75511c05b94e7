"""Chapter 12 (17:03) ReLU vs sigmoid: the old squashing function, and the one used today.

Both curves are computed by ``nn`` (``nn.sigmoid``, ``nn.relu``) and drawn on the same axes.
ReLU is drawn in two pieces so its two regimes can be named: inactive (0) for negative
inputs, the identity for positive ones.
"""
from __future__ import annotations

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Create,
    Dot,
    ValueTracker,
    Cross,
    FadeIn,
    FadeOut,
    MathTex,
    ReplacementTransform,
    Text,
    VGroup,
    Write,
)

import nn
from scenes.components import ChapterScene, caption, heading, style
from scenes.components.equations import sigma_formula
from scenes.components.sigmoid_plot import FunctionPlot

# --- layout (manim units) and plot ranges ---------------------------------------------------
X_RANGE = (-4, 4, 1)
Y_RANGE = (0, 4, 1)
AXES_X_LENGTH = 7.5
AXES_Y_LENGTH = 4.2
AXES_CENTER = LEFT * 2.6 + DOWN * 0.35
FORMULA_X = 4.3  # centre of the formula column on the right
SIGMOID_FORMULA_Y = 1.1
RELU_FORMULA_Y = -0.9
STAMP_ANGLE = 0.25  # radians, the "old school" stamp's tilt
DIM_OPACITY = 0.35
INACTIVE_COLOR = style.NEGATIVE_WEIGHT_COLOR
IDENTITY_COLOR = style.POSITIVE_WEIGHT_COLOR
GRAPH_WIDTH = 6.0  # ReLU a little thicker than σ, so its flat part shows on the x-axis
SWEEP = (-3.5, 3.5)  # the input a runs between these ...
SWEEP_TIME = 3.0  # ... in this many seconds each way
DOT_RADIUS = 0.09
RELU_LABEL_X = {"inactive": -2.0, "identity": 2.0}  # where (in x units) each piece is labelled


def relu_pieces(plot: FunctionPlot) -> tuple:
    """ReLU from ``nn.relu`` as two graphs on ``plot``'s axes: x ≤ 0 (inactive) and x ≥ 0 (identity)."""
    lo, hi = X_RANGE[0], X_RANGE[1]
    f = lambda x: float(nn.relu(np.float64(x)))  # noqa: E731
    inactive = plot.axes.plot(f, x_range=[lo, 0], color=INACTIVE_COLOR, stroke_width=GRAPH_WIDTH)
    identity = plot.axes.plot(f, x_range=[0, hi], color=IDENTITY_COLOR, stroke_width=GRAPH_WIDTH)
    return inactive, identity



class ReluVsSigmoid(ChapterScene):
    """σ is crossed out as old school; ReLU(a) = max(0, a) is plotted beside it, both from nn."""

    def construct(self) -> None:
        self.show_sigmoid()
        self.cross_out_sigmoid()
        self.show_relu()
        self.compare()
        self.play(FadeOut(*self.mobjects), run_time=style.RUN_TIME)

    # --- steps ---------------------------------------------------------------------------
    def show_sigmoid(self) -> None:
        self.title = heading("Sigmoid or ReLU?")
        self.plot = FunctionPlot(nn.sigmoid, X_RANGE, Y_RANGE, x_length=AXES_X_LENGTH, y_length=AXES_Y_LENGTH)
        self.plot.move_to(AXES_CENTER)
        self.sigmoid_formula = sigma_formula("a").move_to([FORMULA_X, SIGMOID_FORMULA_Y, 0])
        self.caption = caption("Our network squashes its sums with σ")
        self.play(FadeIn(self.title), FadeIn(self.plot.axes), FadeIn(self.caption), run_time=style.RUN_TIME)
        self.play(Create(self.plot.graph), Write(self.sigmoid_formula), run_time=style.LONG_PAUSE)
        self.wait(style.LONG_PAUSE + style.PAUSE)
        self.beat("sigmoid")

    def cross_out_sigmoid(self) -> None:
        cross = Cross(self.sigmoid_formula, stroke_color=style.WRONG_COLOR)
        stamp = Text("old school", font_size=style.FONT_SIZE_BODY, color=style.WRONG_COLOR)
        stamp.rotate(STAMP_ANGLE).next_to(self.sigmoid_formula, UP, buff=style.LABEL_BUFF * 2)
        self.play(
            Create(cross), FadeIn(stamp, scale=1.5),
            self.plot.graph.animate.set_stroke(opacity=DIM_OPACITY),
            self._swap_caption("The early favourite, now rarely used"),
            run_time=style.RUN_TIME,
        )
        self.sigmoid_out = VGroup(cross, stamp)
        self.wait(style.LONG_PAUSE + style.PAUSE)
        self.beat("old school")

    def show_relu(self) -> None:
        formula = MathTex(r"\mathrm{ReLU}(a)", "=", r"\max(0,\, a)", font_size=style.FONT_SIZE_BODY)
        name = Text("rectified linear unit", font_size=style.FONT_SIZE_SMALL, color=style.SECONDARY)
        self.relu_formula = VGroup(formula, name).arrange(DOWN, buff=style.LABEL_BUFF)
        self.relu_formula.move_to([FORMULA_X, RELU_FORMULA_Y, 0])
        self.play(Write(self.relu_formula), self._swap_caption("Its replacement: ReLU, a rectified linear unit"),
                  run_time=style.RUN_TIME * 1.5)
        self.wait(style.PAUSE)

        self.inactive, self.identity = relu_pieces(self.plot)
        axes = self.plot.axes
        x_in, x_id = RELU_LABEL_X["inactive"], RELU_LABEL_X["identity"]
        inactive_label = Text("inactive: 0", font_size=style.FONT_SIZE_SMALL, color=INACTIVE_COLOR)
        inactive_label.next_to(axes.c2p(x_in, 0), UP, buff=style.LABEL_BUFF * 3)
        identity_label = Text("identity: a", font_size=style.FONT_SIZE_SMALL, color=IDENTITY_COLOR)
        identity_label.next_to(axes.c2p(x_id, float(nn.relu(np.float64(x_id)))), RIGHT, buff=style.LABEL_BUFF * 2)
        identity_label.shift(DOWN * style.LABEL_BUFF * 2)
        self.play(Create(self.inactive), FadeIn(inactive_label),
                  self._swap_caption("Negative input: the neuron is off, output 0"),
                  run_time=style.RUN_TIME * 1.5)
        self.wait(style.LONG_PAUSE)
        self.play(Create(self.identity), FadeIn(identity_label),
                  self._swap_caption("Positive input: passed through unchanged"),
                  run_time=style.RUN_TIME * 1.5)
        self.relu_labels = VGroup(inactive_label, identity_label)
        self.wait(style.LONG_PAUSE + style.PAUSE)
        self.beat("relu")

    def compare(self) -> None:
        axes = self.plot.axes
        top = X_RANGE[1]
        sigma_tag = MathTex(r"\sigma", color=style.SIGMA_COLOR, font_size=style.FONT_SIZE_BODY)
        sigma_tag.next_to(axes.c2p(top, float(nn.sigmoid(np.float64(top)))), RIGHT, buff=style.LABEL_BUFF)
        relu_tag = MathTex(r"\mathrm{ReLU}", color=IDENTITY_COLOR, font_size=style.FONT_SIZE_BODY)
        relu_tag.next_to(axes.c2p(top, float(nn.relu(np.float64(top)))), RIGHT, buff=style.LABEL_BUFF)
        self.play(
            self.plot.graph.animate.set_stroke(opacity=1.0), FadeIn(sigma_tag), FadeIn(relu_tag),
            self._swap_caption("σ flattens out near 0 and 1; ReLU keeps rising"),
            run_time=style.RUN_TIME,
        )
        self.wait(style.PAUSE)
        self.sweep_input()
        self.beat("compare")
        self.play(self._swap_caption("Deep networks train far more easily with ReLU"), run_time=style.RUN_TIME)
        self.wait(style.LONG_PAUSE + style.PAUSE)
        self.beat("trains more easily")

    def sweep_input(self) -> None:
        """One input a runs along the axis; a dot on each curve shows σ(a) and ReLU(a) (from nn)."""
        axes = self.plot.axes
        a = ValueTracker(SWEEP[0])
        dots = VGroup()
        for fn, color in ((nn.sigmoid, style.SIGMA_COLOR), (nn.relu, IDENTITY_COLOR)):
            dot = Dot(radius=DOT_RADIUS, color=color)
            dot.add_updater(lambda d, fn=fn: d.move_to(axes.c2p(a.get_value(), float(fn(np.float64(a.get_value()))))))
            dots.add(dot)
        self.add(dots)
        self.play(a.animate.set_value(SWEEP[1]), run_time=SWEEP_TIME)
        self.play(a.animate.set_value(SWEEP[0]), run_time=SWEEP_TIME)
        self.wait(style.PAUSE)
        self.play(FadeOut(dots), run_time=style.SHORT_RUN_TIME)

    # --- helpers -------------------------------------------------------------------------
    def _swap_caption(self, text: str):
        new = caption(text)
        old, self.caption = self.caption, new
        return ReplacementTransform(old, new)

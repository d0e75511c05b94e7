"""Chapter 12 (17:03) ReLU vs sigmoid: the old squashing function, the one used today, and why.

Beats (storyboard): the sigmoid on its own 0-to-1 axes, used first because a neuron is roughly off
or on (a resting and a firing neuron at the curve's two ends); crossed out as old school;
ReLU(a) = max(0, a), a rectified linear unit, drawn on its own axes, then in two pieces (inactive: 0
for negative inputs; the identity for positive ones), and a neuron that stays dark until its input
passes 0; why it trains better: the sigmoid's slope (tangent lines) flattens away from 0, and slopes
multiply layer after layer (0.25 × 0.25 × 0.25, computed), while ReLU's slope is 1 for every positive
input (1 × 1 × 1); the end: the structure, and the line of algebra that runs it. Every curve and slope
is computed by ``nn`` (``sigmoid``, ``relu`` and their derivatives).
"""
from __future__ import annotations

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Create,
    Cross,
    DecimalNumber,
    FadeIn,
    MathTex,
    Text,
    ValueTracker,
    VGroup,
    Write,
    always_redraw,
)

import nn
from nn.network import relu_prime, sigmoid_prime
from scenes.components import NetworkDiagram, label, label_next_to, neuron, style
from scenes.components.edge_marks import edge_flash
from scenes.components.equations import colored_tex, sigma_formula
from scenes.components.sigmoid_plot import FunctionPlot
from scenes.components.transitions import Conceal, FadeToBlack, Reveal, fade_in, fade_out
from scenes.content.digit_input import chosen_input
from scenes.content.examples import HERO_INDEX
from scenes.runtime.narrated_scene import NarratedScene

X_RANGE = (-4, 4, 1)  # ReLU's axes
Y_RANGE = (0, 4, 1)
SIGMOID_X_RANGE = (-6, 6, 2)  # the sigmoid's own axes: y from 0 to 1
SIGMOID_Y_RANGE = (0, 1, 0.5)
AXES_X_LENGTH = 7.0
AXES_Y_LENGTH = 3.6
AXES_CENTER = LEFT * 2.7 + UP * 0.1
FORMULA_X = 4.3  # centre of the formula column on the right
SIGMOID_FORMULA_Y = 1.6
RELU_FORMULA_Y = -0.2
THRESHOLD_NEURON_Y = -1.75
STAMP_ANGLE = 0.25  # radians, the "old school" stamp's tilt
DIM_OPACITY = 0.35
INACTIVE_COLOR = style.NEGATIVE_WEIGHT_COLOR
IDENTITY_COLOR = style.POSITIVE_WEIGHT_COLOR
RELU_COLOR = style.TEXT_COLOR
GRAPH_WIDTH = 6.0  # ReLU a little thicker than σ, so its flat part shows on the x-axis
RELU_LABEL_X = {"inactive": -2.0, "identity": 2.0}  # where (in x units) each piece is labelled
REST_FIRE_X = 4.5  # the resting and firing neurons sit at σ(−4.5) and σ(4.5)
STATE_NEURON_RADIUS = 0.3
THRESHOLD_NEURON_RADIUS = 0.35
SWEEP = (-3.0, 3.0)  # the input a swept along ReLU
# --- the slopes: two small plots side by side, each with its product below --------------------
SLOPE_PLOT_Y = 0.8
SLOPE_X_LENGTH, SLOPE_Y_LENGTH = 5.8, 2.8
SIGMOID_PLOT_X, RELU_PLOT_X = -3.3, 3.7
SLOPE_RELU_RANGE = (-3, 3, 1)
SLOPE_RELU_Y = (0, 3, 1)
TANGENT_XS = (0.0, 4.0)  # where the sigmoid's slope is shown: steepest, and far out
RELU_TANGENT_X = 1.5
LAYERS = 3  # a product of slopes over this many layers
PRODUCT_Y = -1.95
END_LIST_X = -4.9


def relu_pieces(plot: FunctionPlot, x_range: tuple = X_RANGE) -> tuple:
    """ReLU from ``nn.relu`` as two graphs on ``plot``'s axes: x ≤ 0 (inactive) and x ≥ 0 (identity)."""
    lo, hi = x_range[0], x_range[1]
    f = lambda x: float(nn.relu(np.float64(x)))  # noqa: E731
    inactive = plot.axes.plot(f, x_range=[lo, 0], color=INACTIVE_COLOR, stroke_width=GRAPH_WIDTH)
    identity = plot.axes.plot(f, x_range=[0, hi], color=IDENTITY_COLOR, stroke_width=GRAPH_WIDTH)
    return inactive, identity


def slope_product(slope: float, layers: int = LAYERS) -> tuple[str, float]:
    """The TeX of slope × slope × … (``layers`` times) = its value, and the value (computed)."""
    value = float(slope) ** layers
    factors = r" \times ".join([_number(slope)] * layers)
    return rf"{factors} = {_number(value)}", value


def _number(value: float) -> str:
    """1 → "1", 0.25 → "0.25", 0.015625 → "0.016": enough digits to show a small number."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.3f}".rstrip("0") if value < 0.1 else f"{value:.2f}"


class ReluVsSigmoid(NarratedScene):
    """σ is crossed out as old school; ReLU(a) = max(0, a) beside it; their slopes; the end."""

    def construct(self) -> None:
        self.why_sigmoid()
        self.old_school()
        self.relu()
        self.two_regimes()
        self.slopes()
        self.relu_slope()
        self.the_end()
        self.play(FadeToBlack(run_time=style.RUN_TIME))

    # --- beats ---------------------------------------------------------------------------
    def why_sigmoid(self) -> None:
        with self.beat("why-sigmoid") as beat:
            self.sigmoid = FunctionPlot(nn.sigmoid, SIGMOID_X_RANGE, SIGMOID_Y_RANGE, x_length=AXES_X_LENGTH,
                                        y_length=AXES_Y_LENGTH).move_to(AXES_CENTER)
            self.sigmoid_formula = sigma_formula("a").move_to([FORMULA_X, SIGMOID_FORMULA_Y, 0])
            self.play(Write(self.sigmoid_formula), Reveal(self.sigmoid.axes), run_time=style.RUN_TIME)
            beat.wait_until(1)
            self.play(Create(self.sigmoid.graph), run_time=style.RUN_TIME * 1.5)
            # resting or firing: a neuron at each end of the curve, filled with σ there
            beat.wait_until(2)
            states = VGroup()
            for x, word, side in ((-REST_FIRE_X, self.text("resting"), UP), (REST_FIRE_X, self.text("firing"), DOWN)):
                cell = neuron(self.sigmoid.value(x), STATE_NEURON_RADIUS).next_to(self.sigmoid.point(x), side, buff=0.25)
                states.add(VGroup(self.sigmoid.dot(x), cell, label_next_to(cell, word, side, buff=0.1)))
            self.play(*fade_in(states[0]), run_time=style.RUN_TIME)
            self.play(*fade_in(states[1]), run_time=style.RUN_TIME)
            self.states = states

    def old_school(self) -> None:
        with self.beat("old-school"):
            cross = Cross(self.sigmoid_formula, stroke_color=style.WRONG_COLOR)
            stamp = Text(self.text("old_school"), font_size=style.FONT_SIZE_BODY, color=style.WRONG_COLOR)
            stamp.rotate(STAMP_ANGLE).next_to(self.sigmoid_formula, UP, buff=style.LABEL_BUFF * 2)
            self.play(Create(cross), FadeIn(stamp, scale=1.5), *fade_out(self.states),
                      self.sigmoid.graph.animate.set_stroke(opacity=DIM_OPACITY), run_time=style.RUN_TIME)

    def relu(self) -> None:
        with self.beat("relu") as beat:
            self.plot = FunctionPlot(nn.relu, X_RANGE, Y_RANGE, x_length=AXES_X_LENGTH, y_length=AXES_Y_LENGTH,
                                     color=RELU_COLOR).move_to(AXES_CENTER)
            self.plot.graph.set_stroke(width=GRAPH_WIDTH)
            formula = MathTex(r"\mathrm{ReLU}(a)", "=", r"\max(0,\, a)", font_size=style.FONT_SIZE_BODY)
            self.relu_formula = VGroup(formula, label(self.text("rectified"))).arrange(DOWN, buff=style.LABEL_BUFF)
            self.relu_formula.move_to([FORMULA_X, RELU_FORMULA_Y, 0])
            self.play(Write(self.relu_formula), run_time=style.RUN_TIME * 1.5)
            beat.wait_until(1)
            self.play(Conceal(self.sigmoid), run_time=style.SHORT_RUN_TIME)
            self.play(Reveal(self.plot.axes), run_time=style.SHORT_RUN_TIME)
            self.play(Create(self.plot.graph), run_time=style.RUN_TIME * 1.5)

    def two_regimes(self) -> None:
        with self.beat("two-regimes") as beat:
            self.inactive, self.identity = relu_pieces(self.plot)
            axes = self.plot.axes
            inactive_label = label(self.text("off_zero"), INACTIVE_COLOR).next_to(axes.c2p(RELU_LABEL_X["inactive"], 0), UP,
                                                                      buff=style.LABEL_BUFF * 3)
            identity_label = label(self.text("passes_on"), IDENTITY_COLOR)
            identity_label.next_to(axes.c2p(RELU_LABEL_X["identity"], RELU_LABEL_X["identity"]), RIGHT,
                                   buff=style.LABEL_BUFF * 2).shift(DOWN * style.LABEL_BUFF * 2)
            self.play(Create(self.inactive), FadeIn(inactive_label), run_time=style.RUN_TIME * 1.5)
            beat.wait_until(1)
            self.play(Create(self.identity), FadeIn(identity_label), *fade_out(self.plot.graph),
                      run_time=style.RUN_TIME * 1.5)
            self.relu_labels = VGroup(inactive_label, identity_label)
            # silent until pushed past a threshold: sweep the input, the neuron lights only past 0
            beat.wait_until(2)
            a = ValueTracker(SWEEP[0])
            top = float(nn.relu(np.float64(SWEEP[1])))
            dot = always_redraw(lambda: self.plot.dot(a.get_value(), radius=0.1))
            cell = always_redraw(lambda: neuron(float(nn.relu(np.float64(a.get_value()))) / top,
                                                THRESHOLD_NEURON_RADIUS).move_to([FORMULA_X - 0.9, THRESHOLD_NEURON_Y, 0]))
            reading = always_redraw(lambda: VGroup(
                MathTex("a =", font_size=style.FONT_SIZE_LABEL),
                DecimalNumber(a.get_value(), num_decimal_places=1, include_sign=True, font_size=style.FONT_SIZE_LABEL),
            ).arrange(RIGHT, buff=0.12).move_to([FORMULA_X + 0.6, THRESHOLD_NEURON_Y, 0]))
            self.play(*fade_in(dot, cell, reading), run_time=style.SHORT_RUN_TIME)
            self.play(a.animate.set_value(SWEEP[1]), run_time=max(style.RUN_TIME, beat.remaining - style.SHORT_RUN_TIME))
            self.threshold = VGroup(dot, cell, reading)

    def slopes(self) -> None:
        with self.beat("slopes") as beat:
            self.play(Conceal(*(m for m in self.mobjects if m is not self.captions.current)), run_time=style.RUN_TIME)
            sig = FunctionPlot(nn.sigmoid, SIGMOID_X_RANGE, SIGMOID_Y_RANGE, x_length=SLOPE_X_LENGTH,
                               y_length=SLOPE_Y_LENGTH).move_to([SIGMOID_PLOT_X, SLOPE_PLOT_Y, 0])
            name = MathTex(r"\sigma", color=style.SIGMA_COLOR, font_size=style.FONT_SIZE_BODY)
            name.next_to(sig.axes.c2p(SIGMOID_X_RANGE[0], 1), RIGHT, buff=0.2).shift(DOWN * 0.1)
            self.play(Reveal(sig, name), run_time=style.RUN_TIME)
            # learning follows slopes: the tangent where the sigmoid is steepest ...
            tangents, slope_labels = VGroup(), VGroup()
            for x in TANGENT_XS:
                slope = float(sigmoid_prime(np.float64(x)))
                line = sig.tangent(x, slope, color=style.TEXT_COLOR)
                word = label(self.text("slope", value=_number(slope)), style.TEXT_COLOR)
                if slope > 0.2:  # steep: the label in the empty space left of the tangent's lower end
                    word.next_to(line.get_start(), LEFT, buff=0.15)
                else:  # flat: under the curve
                    word.next_to(line, DOWN, buff=0.35)
                tangents.add(VGroup(line, sig.dot(x)))
                slope_labels.add(word)
            beat.wait_until(1)
            self.play(Create(tangents[0]), FadeIn(slope_labels[0]), run_time=style.RUN_TIME)
            # ... and far from zero, where it is flat
            beat.wait_until(2)
            self.play(Create(tangents[1]), FadeIn(slope_labels[1]), run_time=style.RUN_TIME)
            # slopes multiply, layer after layer: even the steepest, 0.25, three times over
            beat.wait_until(3)
            steepest = float(sigmoid_prime(np.float64(0.0)))
            tex, self.sigmoid_product = slope_product(steepest)
            product = MathTex(tex, font_size=style.FONT_SIZE_BODY).move_to([SIGMOID_PLOT_X, PRODUCT_Y, 0])
            note = label_next_to(product, self.text("layers_steepest", n=LAYERS), UP, buff=0.15)
            self.play(FadeIn(note), Write(product), run_time=style.RUN_TIME * 2)
            self.sigmoid_side = VGroup(sig, name, tangents, slope_labels, product, note)

    def relu_slope(self) -> None:
        with self.beat("relu-slope"):
            plot = FunctionPlot(nn.relu, SLOPE_RELU_RANGE, SLOPE_RELU_Y, x_length=SLOPE_X_LENGTH * 0.8,
                                y_length=SLOPE_Y_LENGTH, color=RELU_COLOR).move_to([RELU_PLOT_X, SLOPE_PLOT_Y, 0])
            inactive, identity = relu_pieces(plot, SLOPE_RELU_RANGE)
            name = MathTex(r"\mathrm{ReLU}", color=IDENTITY_COLOR, font_size=style.FONT_SIZE_BODY)
            name.next_to(plot.axes.c2p(SLOPE_RELU_RANGE[0], SLOPE_RELU_Y[1]), RIGHT, buff=0.2).shift(DOWN * 0.1)
            slope = float(relu_prime(np.float64(RELU_TANGENT_X)))
            tangent = VGroup(plot.tangent(RELU_TANGENT_X, slope, length=2.2), plot.dot(RELU_TANGENT_X))
            word = label(self.text("slope", value=_number(slope))).next_to(tangent[0].get_end(), LEFT, buff=0.25)
            tex, self.relu_product = slope_product(slope)
            product = MathTex(tex, font_size=style.FONT_SIZE_BODY).move_to([RELU_PLOT_X, PRODUCT_Y, 0])
            self.play(Reveal(plot.axes, inactive, identity, name), run_time=style.RUN_TIME)
            self.play(Create(tangent), FadeIn(word), run_time=style.RUN_TIME)
            self.play(Write(product), run_time=style.RUN_TIME * 1.5)
            self.relu_side = VGroup(plot, inactive, identity, name, tangent, word, product)

    def the_end(self) -> None:
        net = nn.load_pretrained()
        with self.beat("the-end") as beat:
            self.play(Conceal(*(m for m in self.mobjects if m is not self.captions.current)), run_time=style.RUN_TIME)
            diagram = NetworkDiagram(net)
            self.play(Reveal(diagram), run_time=style.RUN_TIME)
            beat.wait_until(1)
            words = VGroup(*(Text(self.text(w), font_size=style.FONT_SIZE_BODY, color=c) for w, c in (
                ("neurons", style.TEXT_COLOR), ("in_layers", style.TEXT_COLOR), ("weights", style.W_COLOR),
                ("biases", style.B_COLOR))))
            words.arrange(DOWN, aligned_edge=LEFT, buff=0.3).move_to([END_LIST_X, 1.3, 0])
            step = max(0.4, beat.until(2) / len(words))
            for k, word in enumerate(words):
                extra = [edge_flash(diagram.edges[g]) for g in range(len(diagram.edges))] if k == 2 else []
                self.play(*fade_in(word), *extra, run_time=step)
            beat.wait_until(2)
            line = colored_tex("a^{(l)}", "=", r"\sigma", "(", "W^{(l)}", "a^{(l-1)}", "+", "b^{(l)}", ")",
                               font_size=style.FONT_SIZE_BODY)
            line.next_to(words, DOWN, buff=0.6).set_x(END_LIST_X)
            self.play(Write(line), run_time=style.RUN_TIME)
            beat.wait_until(3)
            self.play(diagram.forward_pass(chosen_input(HERO_INDEX).pixels, quick=True))

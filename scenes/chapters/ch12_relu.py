"""Chapter 12 (17:03) ReLU vs sigmoid: the old squashing function, the one used today, and why.

Beats (storyboard): the sigmoid's formula, then its curve on its own 0-to-1 axes, used first because a
neuron is roughly off or on (a resting and a firing neuron at the curve's two ends); crossed out as old
school; ReLU(a) = max(0, a), a rectified linear unit, drawn on its own axes, then in two pieces (the
negative inputs shaded, inactive: 0; the positive ones shaded, the identity), and a neuron that stays
dark until its input passes 0; why it trains better: the sigmoid's slope (a tangent with its rise over
run) is steep at 0 and, carried out along the curve, flattens away from 0; slopes multiply layer after
layer (three copies of the slope become 0.25 × 0.25 × 0.25, computed), while ReLU's slope is 1 for every
positive input (1 × 1 × 1); over ten layers 0.25¹⁰ against 1¹⁰; the end: the structure, and the line of
algebra that runs it. Every curve and slope is computed by ``nn`` (``sigmoid``, ``relu`` and their
derivatives).
"""
from __future__ import annotations

import re

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
    FadeOut,
    MathTex,
    Polygon,
    ReplacementTransform,
    Text,
    ValueTracker,
    VGroup,
    Write,
    always_redraw,
    config,
)

import nn
from nn.network import relu_prime, sigmoid_prime
from scenes.components import NetworkDiagram, label, label_next_to, neuron, style
from scenes.components.edge_marks import edge_flash
from scenes.components.equations import colored_tex, sigma_formula
from scenes.components.sigmoid_plot import FunctionPlot
from scenes.components.transitions import Conceal, FadeToBlack, Reveal, Swap, fade_in, fade_out
from scenes.content.digit_input import chosen_input
from scenes.content.examples import HERO_INDEX
from scenes.runtime.narrated_scene import NarratedScene

X_RANGE = (-4, 4, 1)  # ReLU's axes
Y_RANGE = (0, 4, 1)
SIGMOID_X_RANGE = (-6, 6, 2)  # the sigmoid's own axes: y from 0 to 1
SIGMOID_Y_RANGE = (0, 1, 0.5)
AXES_X_LENGTH = 7.2
AXES_Y_LENGTH = 3.8
AXES_CENTER = LEFT * 2.9 + UP * 0.3
FORMULA_X = 4.1  # centre of the formula column on the right
FORMULA_SIZE = 50  # every glyph of σ(a) = 1/(1 + e^−a) and ReLU(a) = max(0, a) at least 9 px at 480p
INTRO_FORMULA_SIZE = 80  # σ's formula alone, first
INTRO_FORMULA_CENTER = UP * 1.7  # above the title, which leaves as it is written
SIGMOID_FORMULA_Y = 1.75
RELU_FORMULA_Y = -0.15
LABEL_SIZE = 28  # words beside things (the film's 24 draws lowercase letters under 9 px)
THRESHOLD_NEURON_Y = -1.75
STAMP_ANGLE = 0.25  # radians, the "old school" stamp's tilt
DIM_OPACITY = 0.35
INACTIVE_COLOR = style.NEGATIVE_WEIGHT_COLOR
IDENTITY_COLOR = style.POSITIVE_WEIGHT_COLOR
RELU_COLOR = style.TEXT_COLOR
GRAPH_WIDTH = 6.0  # ReLU a little thicker than σ, so its flat part shows on the x-axis
REGION_OPACITY = 0.18  # the shading of the inputs a sentence speaks of (negative, positive)
RELU_LABEL_X = {"inactive": -2.0}  # where (in x units) the flat piece is labelled ...
RELU_LABEL_AT = {"identity": (0.25, 3.55)}  # ... and where (x, y) the rising piece's label starts
REST_FIRE_X = 4.5  # the resting and firing neurons sit at σ(−4.5) and σ(4.5)
STATE_NEURON_RADIUS = 0.45
THRESHOLD_NEURON_RADIUS = 0.55
SWEEP = (-3.0, 3.0)  # the input a swept along ReLU
SWEEP_TIME = 3.0
READING_SIZE = 36
# --- the slopes: two plots side by side, each with its product below ------------------------------
SLOPE_PLOT_Y = 0.85
SLOPE_X_LENGTH, SLOPE_Y_LENGTH = 6.2, 3.2
SIGMOID_PLOT_X, RELU_PLOT_X = -3.5, 3.75
SLOPE_RELU_RANGE = (-3, 3, 1)
SLOPE_RELU_Y = (0, 3, 1)
TANGENT_XS = (0.0, 4.0)  # where the sigmoid's slope is shown: steepest, and far out
RELU_TANGENT_X = 1.5
SLOPE_RUN = 3.0  # x units the rise-over-run triangle of a slope spans (centred on its point)
RELU_SLOPE_RUN = 1.5
TANGENT_STROKE = 5.0
TRIANGLE_OPACITY = 0.45
SLIDE_TIME = 2.0
LAYERS = 3  # a product of slopes over this many layers
DEEP_LAYERS = 10  # ... and over a deep network's
PRODUCT_Y = -1.95
PRODUCT_SIZE = 40
NAME_SIZE = 44
END_LIST_X = -4.9
END_LINE_SIZE = 40
END_LINE_X = -4.3


def relu_pieces(plot: FunctionPlot, x_range: tuple = X_RANGE) -> tuple:
    """ReLU from ``nn.relu`` as two graphs on ``plot``'s axes: x ≤ 0 (inactive) and x ≥ 0 (identity)."""
    lo, hi = x_range[0], x_range[1]
    f = lambda x: float(nn.relu(np.float64(x)))  # noqa: E731
    inactive = plot.axes.plot(f, x_range=[lo, 0], color=INACTIVE_COLOR, stroke_width=GRAPH_WIDTH)
    identity = plot.axes.plot(f, x_range=[0, hi], color=IDENTITY_COLOR, stroke_width=GRAPH_WIDTH)
    return inactive, identity


def region(plot: FunctionPlot, x_from: float, x_to: float, color) -> Polygon:  # noqa: ANN001
    """The band of the plot over inputs ``x_from`` … ``x_to``, lightly shaded: the inputs being spoken of."""
    y0, y1 = plot.axes.y_range[0], plot.axes.y_range[1]
    corners = [plot.axes.c2p(x, y) for x, y in ((x_from, y0), (x_to, y0), (x_to, y1), (x_from, y1))]
    return Polygon(*corners, stroke_width=0).set_fill(color, opacity=REGION_OPACITY)


def slope_mark(plot: FunctionPlot, x: float, slope: float, run: float = SLOPE_RUN) -> VGroup:
    """The slope at x as the tangent (``slope`` computed by the caller from ``nn``) over ``run`` x units,
    centred on the curve, with its rise-over-run triangle filled below it, and a dot on the curve."""
    y = plot.value(x)
    a, b = x - run / 2, x + run / 2
    ya, yb = y - slope * run / 2, y + slope * run / 2
    corner = plot.axes.c2p(b, ya)
    triangle = Polygon(plot.axes.c2p(a, ya), corner, plot.axes.c2p(b, yb), stroke_width=0)
    triangle.set_fill(style.ACCENT, opacity=TRIANGLE_OPACITY)
    line = plot.tangent(x, slope, length=float(np.linalg.norm(plot.axes.c2p(b, yb) - plot.axes.c2p(a, ya))),
                        color=style.TEXT_COLOR).set_stroke(width=TANGENT_STROKE)
    return VGroup(triangle, line, plot.dot(x))


def fitted_label(words: str, room: float, font_size: float = LABEL_SIZE) -> Text:
    """``label(words)``, set on two lines (broken at the space nearest its middle) when wider than ``room``."""
    one = label(words, font_size=font_size)
    spaces = [m.start() for m in re.finditer(" ", words)]
    if one.width <= room or not spaces:
        return one
    cut = min(spaces, key=lambda k: abs(k - len(words) / 2))
    return label(words[:cut] + "\n" + words[cut + 1:], font_size=font_size)


def slope_product(slope: float, layers: int = LAYERS) -> tuple[str, float]:
    """The TeX of slope × slope × … (``layers`` times) = its value, and the value (computed)."""
    value = float(slope) ** layers
    factors = r" \times ".join([_number(slope)] * layers)
    return rf"{factors} = {_number(value)}", value


def slope_power(slope: float, layers: int = DEEP_LAYERS) -> tuple[str, float]:
    """The TeX of slope to the power ``layers`` = (or ≈) its value, and the value (computed)."""
    value = float(slope) ** layers
    if value == 0 or value >= 0.001:
        return rf"{_number(slope)}^{{{layers}}} = {_number(value)}", value
    exponent = int(np.floor(np.log10(value)))
    return rf"{_number(slope)}^{{{layers}}} \approx {value / 10.0 ** exponent:.1f} \times 10^{{{exponent}}}", value


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
            # the squishing function, alone and large; then it steps aside for its curve
            self.sigmoid_formula = sigma_formula("a", font_size=FORMULA_SIZE)
            self.sigmoid_formula.move_to([FORMULA_X, SIGMOID_FORMULA_Y, 0])
            intro = self.sigmoid_formula.copy().scale(INTRO_FORMULA_SIZE / FORMULA_SIZE).move_to(INTRO_FORMULA_CENTER)
            self.play(Write(intro), run_time=style.RUN_TIME * 1.5)
            self.sigmoid = FunctionPlot(nn.sigmoid, SIGMOID_X_RANGE, SIGMOID_Y_RANGE, x_length=AXES_X_LENGTH,
                                        y_length=AXES_Y_LENGTH).move_to(AXES_CENTER)
            beat.wait_until(1)
            self.play(ReplacementTransform(intro, self.sigmoid_formula), run_time=style.RUN_TIME)
            self.play(Reveal(self.sigmoid.axes), run_time=style.SHORT_RUN_TIME)
            self.play(Create(self.sigmoid.graph), run_time=style.RUN_TIME * 1.5)
            # resting or firing: a neuron at each end of the curve, filled with σ there
            beat.wait_until(2)
            states = VGroup()
            for x, word, side in ((-REST_FIRE_X, self.text("resting"), UP), (REST_FIRE_X, self.text("firing"), DOWN)):
                cell = neuron(self.sigmoid.value(x), STATE_NEURON_RADIUS).next_to(self.sigmoid.point(x), side, buff=0.25)
                states.add(VGroup(self.sigmoid.dot(x), cell,
                                  label_next_to(cell, word, side, font_size=LABEL_SIZE, buff=0.1)))
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
            formula = MathTex(r"\mathrm{ReLU}(a)", "=", r"\max(0,\, a)", font_size=FORMULA_SIZE)
            name = fitted_label(self.text("rectified"), config.frame_width / 2 - style.FRAME_MARGIN
                                - (self.plot.axes.get_right()[0] + 0.3))
            self.relu_formula = VGroup(formula, name).arrange(DOWN, buff=style.LABEL_BUFF)
            self.relu_formula.move_to([FORMULA_X, RELU_FORMULA_Y, 0])
            # the new function is named while the old curve leaves
            self.play(Write(formula), run_time=style.RUN_TIME * 1.5)
            self.play(FadeIn(name), Conceal(self.sigmoid), run_time=style.RUN_TIME)
            beat.wait_until(1)
            self.play(Reveal(self.plot.axes), run_time=style.SHORT_RUN_TIME)
            self.play(Create(self.plot.graph), run_time=style.RUN_TIME * 1.5)

    def two_regimes(self) -> None:
        with self.beat("two-regimes") as beat:
            self.inactive, self.identity = relu_pieces(self.plot)
            axes = self.plot.axes
            negative = region(self.plot, X_RANGE[0], 0, INACTIVE_COLOR)
            positive = region(self.plot, 0, X_RANGE[1], IDENTITY_COLOR)
            inactive_label = label(self.text("off_zero"), INACTIVE_COLOR, font_size=LABEL_SIZE)
            inactive_label.next_to(axes.c2p(RELU_LABEL_X["inactive"], 0), UP, buff=style.LABEL_BUFF * 3)
            identity_label = label(self.text("passes_on"), IDENTITY_COLOR, font_size=LABEL_SIZE)
            # above the line, in its own band, clear of the formulas on the right
            identity_label.move_to(axes.c2p(*RELU_LABEL_AT["identity"]), aligned_edge=LEFT)
            # the negative inputs: shaded, and the curve there is 0
            self.play(FadeIn(negative), Create(self.inactive), FadeIn(inactive_label), run_time=style.RUN_TIME * 1.5)
            beat.wait_until(1)
            # the positive inputs: passed on unchanged
            self.play(FadeOut(negative), FadeIn(positive), Create(self.identity), FadeIn(identity_label),
                      *fade_out(self.plot.graph), run_time=style.RUN_TIME * 1.5)
            self.relu_labels = VGroup(inactive_label, identity_label)
            # silent until pushed past a threshold: sweep the input, the neuron lights only past 0
            beat.wait_until(2)
            a = ValueTracker(SWEEP[0])
            top = float(nn.relu(np.float64(SWEEP[1])))
            dot = always_redraw(lambda: self.plot.dot(a.get_value(), radius=0.12))
            # the neuron's fill is ReLU(a), scaled to its largest; the reading follows a (updated, not rebuilt)
            cell = neuron(0.0, THRESHOLD_NEURON_RADIUS).move_to([FORMULA_X - 1.0, THRESHOLD_NEURON_Y, 0])
            cell.add_updater(lambda m: m.set_fill(opacity=float(nn.relu(np.float64(a.get_value()))) / top))
            number = DecimalNumber(a.get_value(), num_decimal_places=1, include_sign=True, font_size=READING_SIZE)
            reading = VGroup(MathTex("a =", font_size=READING_SIZE), number).arrange(RIGHT, buff=0.12)
            reading.move_to([FORMULA_X + 0.7, THRESHOLD_NEURON_Y, 0])
            number.add_updater(lambda m: m.set_value(a.get_value()))
            self.play(*fade_in(dot, cell, reading), FadeOut(positive), run_time=style.SHORT_RUN_TIME)
            self.play(a.animate.set_value(SWEEP[1]), run_time=SWEEP_TIME)
            self.threshold = VGroup(dot, cell, reading)

    def slopes(self) -> None:
        with self.beat("slopes") as beat:
            self.play(Conceal(*(m for m in self.mobjects if m is not self.captions.current)), run_time=style.RUN_TIME)
            sig = FunctionPlot(nn.sigmoid, SIGMOID_X_RANGE, SIGMOID_Y_RANGE, x_length=SLOPE_X_LENGTH,
                               y_length=SLOPE_Y_LENGTH, y_numbers=[1]).move_to([SIGMOID_PLOT_X, SLOPE_PLOT_Y, 0])
            name = MathTex(r"\sigma", color=style.SIGMA_COLOR, font_size=NAME_SIZE)
            name.next_to(sig.axes.c2p(SIGMOID_X_RANGE[0], 1), RIGHT, buff=0.2).shift(DOWN * 0.1)
            self.play(Reveal(sig, name), run_time=style.RUN_TIME)
            # learning follows slopes: the tangent where the sigmoid is steepest, its rise over its run ...
            steep, flat = (float(sigmoid_prime(np.float64(x))) for x in TANGENT_XS)
            marks = VGroup(slope_mark(sig, TANGENT_XS[0], steep))
            words = VGroup(label(self.text("slope", value=_number(steep)), font_size=LABEL_SIZE)
                           .next_to(marks[0][0], LEFT, buff=0.15).shift(DOWN * 0.2))
            beat.wait_until(1)
            self.play(FadeIn(marks[0]), FadeIn(words[0]), run_time=style.RUN_TIME)
            # ... carried out along the curve, away from zero, where it goes flat
            beat.wait_until(2)
            x = ValueTracker(TANGENT_XS[0])
            moving = always_redraw(lambda: slope_mark(sig, x.get_value(), float(sigmoid_prime(np.float64(x.get_value())))))
            self.add(moving)
            self.play(x.animate.set_value(TANGENT_XS[1]), run_time=SLIDE_TIME)
            moving.clear_updaters()
            marks.add(moving)
            flat_word = label(self.text("slope", value=_number(flat)), font_size=LABEL_SIZE)
            words.add(flat_word.next_to(sig.point(TANGENT_XS[1]), DOWN, buff=0.45))
            self.play(FadeIn(words[1]), run_time=style.SHORT_RUN_TIME)
            # slopes multiply, layer after layer: even the steepest, 0.25, three times over
            beat.wait_until(3)
            tex, self.sigmoid_product = slope_product(steep)
            self.sigmoid_product_tex = self.multiply(marks[0], tex, SIGMOID_PLOT_X)
            note = label_next_to(self.sigmoid_product_tex, self.text("layers_steepest", n=LAYERS), UP, buff=0.15,
                                 font_size=LABEL_SIZE)
            self.play(FadeIn(note), run_time=style.SHORT_RUN_TIME)
            self.sigmoid_note = note
            self.sigmoid_side = VGroup(sig, name, marks, words)

    def relu_slope(self) -> None:
        with self.beat("relu-slope") as beat:
            plot = FunctionPlot(nn.relu, SLOPE_RELU_RANGE, SLOPE_RELU_Y, x_length=SLOPE_X_LENGTH * 0.8,
                                y_length=SLOPE_Y_LENGTH, color=RELU_COLOR).move_to([RELU_PLOT_X, SLOPE_PLOT_Y, 0])
            inactive, identity = relu_pieces(plot, SLOPE_RELU_RANGE)
            name = MathTex(r"\mathrm{ReLU}", color=IDENTITY_COLOR, font_size=NAME_SIZE)
            name.next_to(plot.axes.c2p(SLOPE_RELU_RANGE[0], SLOPE_RELU_Y[1]), RIGHT, buff=0.2).shift(DOWN * 0.1)
            slope = float(relu_prime(np.float64(RELU_TANGENT_X)))
            mark = slope_mark(plot, RELU_TANGENT_X, slope, RELU_SLOPE_RUN)
            word = label(self.text("slope", value=_number(slope)), font_size=LABEL_SIZE)
            word.next_to(mark[1].get_end(), LEFT, buff=0.2).shift(UP * 0.15)  # above the line, clear of the frame's edge
            self.play(Reveal(plot.axes, inactive, identity, name), run_time=style.RUN_TIME)
            self.play(FadeIn(mark), FadeIn(word), run_time=style.RUN_TIME)
            tex, self.relu_product = slope_product(slope)
            product = self.multiply(mark, tex, RELU_PLOT_X)
            # very deep networks: the same slopes over ten layers
            beat.wait_until(1)
            deep_sigmoid, _ = slope_power(float(sigmoid_prime(np.float64(TANGENT_XS[0]))))
            deep_relu, _ = slope_power(slope)
            new_products = [MathTex(t, font_size=PRODUCT_SIZE).move_to(old) for t, old in
                            ((deep_sigmoid, self.sigmoid_product_tex), (deep_relu, product))]
            new_note = label(self.text("layers_steepest", n=DEEP_LAYERS), font_size=LABEL_SIZE).move_to(self.sigmoid_note)
            self.play(Swap(self.sigmoid_product_tex, new_products[0]), Swap(product, new_products[1]),
                      Swap(self.sigmoid_note, new_note), run_time=style.RUN_TIME * 1.5)
            self.relu_side = VGroup(plot, inactive, identity, name, mark, word, new_products[1])

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
                               font_size=END_LINE_SIZE)
            line.next_to(words, DOWN, buff=0.6).set_x(END_LINE_X)
            self.play(Write(line), run_time=style.RUN_TIME)
            beat.wait_until(3)
            self.play(diagram.forward_pass(chosen_input(HERO_INDEX).pixels, quick=True))

    # --- helpers -------------------------------------------------------------------------
    def multiply(self, mark: VGroup, tex: str, x: float) -> MathTex:
        """Copies of a slope's triangle (one per layer) drop under the plot at ``x`` and become the factors
        of their product (``tex``, computed, as from ``slope_product``); returns the product."""
        parts = tex.split(" ")  # factor, \times, factor, …, =, value
        product = MathTex(*parts, font_size=PRODUCT_SIZE).move_to([x, PRODUCT_Y, 0])
        factors = [product[k] for k in range(0, len(parts) - 2, 2)]
        copies = [mark[0].copy() for _ in factors]
        self.play(*(c.animate.scale(0.45).move_to(f) for c, f in zip(copies, factors)), run_time=style.RUN_TIME)
        rest = [p for k, p in enumerate(product) if p not in factors]
        self.play(*(ReplacementTransform(c, f) for c, f in zip(copies, factors)), FadeIn(VGroup(*rest)),
                  run_time=style.RUN_TIME)
        return product

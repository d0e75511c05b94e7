"""Chapter 9 (13:26) Notation and linear algebra: one layer's step as a = σ(W a + b).

A small real network (8 inputs, 6 neurons, ``nn.Network``) is fed 8 pixels of the chosen
image. The first neuron's weighted sum is written out, then regrouped: activations into a
column vector, weights into the rows of a matrix W, biases into a vector b, σ applied to
every component. The compact formula ends as the NumPy line our ``nn/network.py`` runs; the
numbers written under it are the small network's genuine outputs, the ones its fills show.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Create,
    FadeIn,
    FadeOut,
    Matrix,
    MathTex,
    MobjectMatrix,
    ReplacementTransform,
    ShowPassingFlash,
    SurroundingRectangle,
    Text,
    Transform,
    TransformFromCopy,
    VGroup,
    Wait,
    Write,
)

import nn
from scenes.components import (
    INPUT_PIXELS_SHOWN,
    ChapterScene,
    NetworkDiagram,
    caption,
    chosen_input,
    style,
)
from scenes.components.equations import WeightedSum
from scenes.components.fades import fade_out, fade_out_all, swap_caption

# --- the example ------------------------------------------------------------------------
DEFAULT_INDEX = 6  # MNIST test image 6 (a 4): most of the 8 pixels below are lit
SMALL_SIZES = (8, 6)
SMALL_SEED = 1  # gaussian init: non-zero biases, so b is worth showing
#: the small network reads 8 of the 16 pixels the big diagram's input column draws
SMALL_INPUT_PIXELS: tuple[int, ...] = INPUT_PIXELS_SHOWN[::2]
CODE_LINE = "a1 = sigmoid(W @ a0 + b)"  # nn/network.py's step for one image (it runs a @ w.T + b)
MATRIX_ROWS_SHOWN = (0, 1, None, -1)  # rows 0, 1, ⋮, k (None = the dots row)

# --- layout (manim units) ------------------------------------------------------------------
DIAGRAM_CENTER = LEFT * 4.7 + DOWN * 0.1
DIAGRAM_LAYER_GAP = 2.0
DIAGRAM_NEURON_GAP = 0.25
ALGEBRA_CENTER_X = 2.4  # centre of the right-hand region
MATRIX_Y = 0.7
MATRIX_SCALE = 0.6
EXAMPLE_Y = -1.9
EXAMPLE_SCALE = 0.7
EXAMPLE_BUFF = 0.2
COMPACT_SCALE = 1.6
CODE_FONT = "Monospace"


@lru_cache(maxsize=1)
def small_network() -> nn.Network:
    """The chapter's real 8 → 6 network (fixed seed, gaussian weights and biases)."""
    return nn.Network(list(SMALL_SIZES), seed=SMALL_SEED, init="gaussian")


def small_input(default_index: int = DEFAULT_INDEX) -> np.ndarray:
    """a⁽⁰⁾: the chosen image's pixels at ``SMALL_INPUT_PIXELS`` (8 values in [0, 1])."""
    return np.asarray(chosen_input(default_index).pixels, dtype=float)[list(SMALL_INPUT_PIXELS)]


def run_code_line(weights: np.ndarray, a0: np.ndarray, biases: np.ndarray) -> np.ndarray:
    """Evaluate the very line shown on screen (``CODE_LINE``) with NumPy."""
    scope = {"sigmoid": nn.sigmoid, "W": weights, "a0": a0, "b": biases}
    exec(CODE_LINE, {}, scope)  # noqa: S102 - our own constant, so the screen cannot drift from the code
    return scope["a1"]


def values_line(values: np.ndarray) -> str:
    """The printed result under the code: every activation to two decimals."""
    return "# a1 = [" + " ".join(f"{v:.2f}" for v in values) + "]"


# --- colour-coded algebra ------------------------------------------------------------------
def algebra_color(part: str):
    """w green, b blue, σ and big parentheses yellow, everything else plain."""
    if part.startswith("w") or part == "W":
        return style.W_COLOR
    if part.startswith("b"):
        return style.B_COLOR
    if part.startswith(r"\sigma") or part in (r"\Big(", r"\Big)", "(", ")"):
        return style.SIGMA_COLOR
    return style.TEXT_COLOR


def colored_tex(*parts: str, **kwargs) -> MathTex:
    tex = MathTex(*parts, **kwargs)
    for part, mob in zip(parts, tex):
        mob.set_color(algebra_color(part))
    return tex


def big_paren(side: str, height: float) -> MathTex:
    """A yellow parenthesis (``side`` "(" or ")") drawn by LaTeX at ``height``."""
    tall = r"\vphantom{\begin{matrix}1\\1\\1\\1\end{matrix}}"
    tex = MathTex(rf"\left(\right.{tall}" if side == "(" else rf"\left.{tall}\right)")
    return tex.set_color(style.SIGMA_COLOR).stretch_to_fit_height(height)


def weight_matrix() -> Matrix:
    """W with rows 0, 1, ⋮, k and columns 0, 1, …, n (symbols, weights green)."""
    rows = []
    for r in ("0", "1", None, "k"):
        if r is None:
            rows.append([r"\vdots", r"\vdots", r"\ddots", r"\vdots"])
        else:
            rows.append([f"w_{{{r},0}}", f"w_{{{r},1}}", r"\cdots", f"w_{{{r},n}}"])
    m = Matrix(rows, h_buff=1.25)
    for entry in m.get_entries():
        entry.set_color(style.W_COLOR)
    return m


def column(entries: list[str], color=style.TEXT_COLOR) -> Matrix:
    m = Matrix([[e] for e in entries])
    m.get_entries().set_color(color)
    return m


class LinearAlgebraNotation(ChapterScene):
    """One layer's step, from a written-out sum to a = σ(W a + b) and one line of NumPy."""

    def construct(self) -> None:
        self.net = small_network()
        self.x = small_input()
        self.show_small_network()
        self.write_first_sum()
        self.gather_into_matrix()
        self.rows_are_weighted_sums()
        self.add_bias_and_sigma()
        self.sigma_on_each_component()
        self.compact_form_and_code()
        fade_out_all(self, run_time=style.RUN_TIME)

    # --- steps ---------------------------------------------------------------------------
    def show_small_network(self) -> None:
        net = self.net
        outputs = [f"a_{{{j}}}^{{(1)}}" for j in range(net.sizes[1])]
        self.diagram = NetworkDiagram(
            net, layer_gap=DIAGRAM_LAYER_GAP, neuron_gap=DIAGRAM_NEURON_GAP, output_labels=outputs,
            center=DIAGRAM_CENTER,
        )
        self.diagram.color_edges_by_weights(style.POSITIVE_WEIGHT_COLOR, style.NEGATIVE_WEIGHT_COLOR)
        self.input_labels = VGroup(*(
            MathTex(f"a_{{{i}}}^{{(0)}}", font_size=style.FONT_SIZE_LABEL).next_to(
                self.diagram.neuron(0, i), LEFT, buff=style.LABEL_BUFF)
            for i in range(net.sizes[0])
        ))
        self.caption = caption("A small network: 8 pixels feed 6 neurons")
        self.play(FadeIn(self.diagram), FadeIn(self.input_labels), FadeIn(self.caption), run_time=style.RUN_TIME)
        self.play(self.diagram.forward_pass(self.x, box=False))
        self.wait(style.LONG_PAUSE)
        self.beat("small network")

    def write_first_sum(self) -> None:
        terms = (("w_{0,0}", "a_0^{(0)}"), ("w_{0,1}", "a_1^{(0)}"), None, ("w_{0,n}", "a_n^{(0)}"))
        self.sum_tex = WeightedSum(terms, bias="b_0", sigma=True, lhs="a_0^{(1)}", font_size=style.FONT_SIZE_BODY)
        self.sum_tex.to_edge(UP, buff=style.FRAME_MARGIN)
        self.sum_parts = dict(zip(self.sum_tex.tex_strings, self.sum_tex))
        sigma, opening, closing = self.sum_tex.sigma
        self.sum_parts.update({r"\sigma": sigma, r"\Big(": opening, r"\Big)": closing})
        edges = self.diagram.incoming_edges(1, 0)
        self.play(
            Write(self.sum_tex),
            self._flash(edges),
            self._swap_caption("Neuron 0 of layer 1: σ of weighted sum + bias"),
            run_time=style.LONG_PAUSE,
        )
        self.wait(style.LONG_PAUSE)
        self.beat("first weighted sum")

    def gather_into_matrix(self) -> None:
        self.W = weight_matrix()
        self.a0 = column(["a_0^{(0)}", "a_1^{(0)}", r"\vdots", "a_n^{(0)}"])
        self.plus = MathTex("+")
        self.b = column(["b_0", "b_1", r"\vdots", "b_k"], style.B_COLOR)
        product = VGroup(self.W, self.a0, self.plus, self.b).arrange(RIGHT, buff=0.2).scale(MATRIX_SCALE)
        height = product.height * 1.1
        self.lparen, self.rparen = big_paren("(", height), big_paren(")", height)
        self.sigma = MathTex(r"\sigma", color=style.SIGMA_COLOR).scale(MATRIX_SCALE * 1.6)
        self.lhs = MathTex("a^{(1)}", "=").scale(MATRIX_SCALE * 1.6)
        self.full = VGroup(self.lhs, self.sigma, self.lparen, product, self.rparen).arrange(RIGHT, buff=0.12)
        self.full.move_to([ALGEBRA_CENTER_X, MATRIX_Y, 0])

        s = self.sum_parts
        w_row = self.W.get_rows()[0]
        labels, entries = self.input_labels, self.a0.get_entries()
        self.play(
            TransformFromCopy(labels[0], entries[0]), TransformFromCopy(labels[1], entries[1]),
            TransformFromCopy(labels[2:-1], entries[2]), TransformFromCopy(labels[-1], entries[3]),
            FadeIn(self.a0.get_brackets()),
            self._swap_caption("The activations stack into a vector a⁽⁰⁾"),
            run_time=style.RUN_TIME * 2,
        )
        self.wait(style.PAUSE)
        self.play(
            TransformFromCopy(VGroup(s["w_{0,0}"], s["w_{0,1}"], s[r"\cdots"], s["w_{0,n}"]), w_row),
            self._swap_caption("Neuron 0's weights become row 0 of W"),
            run_time=style.RUN_TIME * 2,
        )
        self.wait(style.PAUSE)
        rest = VGroup(*self.W.get_rows()[1:])
        self.play(
            FadeIn(rest, lag_ratio=style.LAG_RATIO), FadeIn(self.W.get_brackets()),
            self._swap_caption("One row per neuron: rows 0 to k"),
            run_time=style.RUN_TIME * 2,
        )
        self.wait(style.PAUSE)
        k, n = self.net.weights[0].shape[0] - 1, self.net.weights[0].shape[1] - 1
        self.shape_note = MathTex(
            rf"k = {k},\ n = {n}:\ W \text{{ is }} {k + 1} \times {n + 1}", font_size=style.FONT_SIZE_BODY,
        ).move_to([ALGEBRA_CENTER_X, EXAMPLE_Y, 0])
        self.play(FadeIn(self.shape_note), self._swap_caption("Here 6 neurons read 8 inputs: 48 weights"),
                  run_time=style.RUN_TIME)
        self.wait(style.LONG_PAUSE)
        self.beat("matrix and vector")

    def rows_are_weighted_sums(self) -> None:
        """Box one row at a time while the matching neuron's incoming edges flash."""
        k = self.net.sizes[1] - 1
        rows = self.W.get_rows()
        self.play(self._swap_caption("Row × vector = one neuron's weighted sum"),
                  run_time=style.SHORT_RUN_TIME)
        row_box = neuron_box = vec_box = None
        for shown, neuron in zip((0, 1, 3), (0, 1, k)):
            new_row = self._box(rows[shown])
            new_neuron = self._box(VGroup(self.diagram.neuron(1, neuron), self.diagram.output_labels[neuron]))
            if row_box is None:
                row_box, neuron_box, vec_box = new_row, new_neuron, self._box(self.a0)
                boxes = (Create(row_box), Create(neuron_box), Create(vec_box))
            else:
                boxes = (Transform(row_box, new_row), Transform(neuron_box, new_neuron))
            self.play(*boxes, run_time=style.SHORT_RUN_TIME)
            self.play(self._flash(self.diagram.incoming_edges(1, neuron)), run_time=style.LAYER_PASS_TIME)
            self.wait(style.PAUSE)
        self.beat("rows are weighted sums")
        self.play(FadeOut(row_box, neuron_box, vec_box, self.shape_note), run_time=style.SHORT_RUN_TIME)

    def add_bias_and_sigma(self) -> None:
        s = self.sum_parts
        self.play(
            FadeIn(self.plus), FadeIn(self.b.get_brackets()),
            TransformFromCopy(s["b_0"], self.b.get_entries()[0]),
            FadeIn(self.b.get_entries()[1:], lag_ratio=style.LAG_RATIO),
            self._swap_caption("Add the biases as one vector, b₀ to bₖ"),
            run_time=style.RUN_TIME * 2,
        )
        self.wait(style.PAUSE)
        self.play(
            TransformFromCopy(s[r"\sigma"], self.sigma),
            TransformFromCopy(s[r"\Big("], self.lparen),
            TransformFromCopy(s[r"\Big)"], self.rparen),
            FadeIn(self.lhs),
            self._swap_caption("and wrap the whole thing in σ"),
            run_time=style.RUN_TIME * 2,
        )
        self.wait(style.LONG_PAUSE)
        self.beat("bias and sigma")

    def sigma_on_each_component(self) -> None:
        def sig(v: str) -> MathTex:
            return colored_tex(r"\sigma", "(", v, ")")

        inner = MobjectMatrix([[MathTex(v)] for v in "xyz"])
        out = MobjectMatrix([[sig(v)] for v in "xyz"])
        h = inner.height * 1.05
        example = VGroup(
            MathTex(r"\sigma", color=style.SIGMA_COLOR), big_paren("(", h), inner, big_paren(")", h),
            MathTex("="), out,
        ).arrange(RIGHT, buff=EXAMPLE_BUFF).scale(EXAMPLE_SCALE)
        example.move_to([ALGEBRA_CENTER_X, EXAMPLE_Y, 0])
        self.example = example
        self.play(FadeIn(example, shift=UP * 0.3),
                  self._swap_caption("σ acts on each component separately"),
                  run_time=style.RUN_TIME)
        self.wait(style.LONG_PAUSE + style.PAUSE)
        self.beat("sigma on each component")

    def compact_form_and_code(self) -> None:
        compact = colored_tex("a^{(1)}", "=", r"\sigma", "(", "W", "a^{(0)}", "+", "b", ")")
        compact.scale(COMPACT_SCALE).move_to([ALGEBRA_CENTER_X, MATRIX_Y + 0.4, 0])
        lhs, eq, sigma, lp, W, a0, plus, b, rp = compact
        self._consolidate(self.full)
        self.play(
            *fade_out(self.example, self.sum_tex),
            ReplacementTransform(self.lhs[0], lhs), ReplacementTransform(self.lhs[1], eq),
            ReplacementTransform(self.sigma, sigma),
            ReplacementTransform(self.lparen, lp), ReplacementTransform(self.rparen, rp),
            ReplacementTransform(self.W, W), ReplacementTransform(self.a0, a0),
            ReplacementTransform(self.plus, plus), ReplacementTransform(self.b, b),
            self._swap_caption("The whole layer in one line"),
            run_time=style.RUN_TIME * 2,
        )
        box = self._box(compact)
        self.play(Create(box), run_time=style.BOX_TIME)
        self.wait(style.LONG_PAUSE)
        self.beat("compact formula")

        a1 = run_code_line(self.net.weights[0], self.x, self.net.biases[0])
        code = Text(CODE_LINE, font=CODE_FONT, font_size=style.FONT_SIZE_BODY,
                    t2c={"sigmoid": style.SIGMA_COLOR, "W": style.W_COLOR, "b": style.B_COLOR})
        printed = Text(values_line(a1), font=CODE_FONT, font_size=style.FONT_SIZE_SMALL, color=style.SECONDARY)
        self.code = VGroup(code, printed).arrange(DOWN, aligned_edge=LEFT, buff=0.25)
        self.code.next_to(box, DOWN, buff=0.7).set_x(ALGEBRA_CENTER_X)
        self.play(Write(code), self._swap_caption("The same line as code: shorter to write"),
                  run_time=style.RUN_TIME * 2)
        self.wait(style.PAUSE)
        self.play(self._swap_caption("and fast: matrix products are heavily optimised"), run_time=style.SHORT_RUN_TIME)
        self.wait(style.LONG_PAUSE)
        self.beat("as code")
        outputs = VGroup(self.diagram.neurons[1], self.diagram.output_labels)
        self.play(FadeIn(printed), self._flash(self.diagram.edges[0]),
                  self._swap_caption("On this image: the six fills on the right"),
                  run_time=style.LAYER_PASS_TIME)
        self.play(Create(self._box(outputs)), Create(self._box(printed)), run_time=style.BOX_TIME)
        self.wait(style.LONG_PAUSE)
        self.beat("real values")

    # --- helpers -------------------------------------------------------------------------
    def _swap_caption(self, text: str):
        """Swap the caption now (a short play of its own); returns a no-op for the caller's play."""
        self.caption = swap_caption(self, self.caption, text)
        return Wait(0)

    def _consolidate(self, group: VGroup) -> None:
        """Pieces added one by one become the single ``group`` (so transforming it moves them all)."""
        family = set(group.get_family())
        self.mobjects = [m for m in self.mobjects if m not in family]
        self.add(group)

    @staticmethod
    def _box(mob) -> SurroundingRectangle:
        return SurroundingRectangle(mob, color=style.HIGHLIGHT_COLOR, buff=style.HIGHLIGHT_BUFF,
                                    stroke_width=style.HIGHLIGHT_WIDTH)

    @staticmethod
    def _flash(edges: VGroup) -> ShowPassingFlash:
        flash = edges.copy().set_stroke(style.FLASH_COLOR, style.FLASH_WIDTH, opacity=1.0)
        return ShowPassingFlash(flash, time_width=style.FLASH_TIME_WIDTH)

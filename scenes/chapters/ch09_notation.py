"""Chapter 9 (13:26) Notation and linear algebra: one layer's step as a = σ(W a + b), then ours.

Beats (storyboard): a small real network (8 inputs, 6 neurons, random weights, ``nn.Network``) is
fed 8 pixels of the chosen image; the first neuron's weighted sum is written out, then regrouped:
activations into a column vector, weights into the rows of a matrix W (one row boxed at a time
while its neuron's edges flash), biases into a vector b, σ applied to every component; the compact
formula; the same line as NumPy code with the values it really prints. Then our trained network:
W is 16 × 784, a⁽⁰⁾ is our image, b its 16 real biases, and the line gives the real first hidden
layer; the network is this line three times.
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
    MathTex,
    Matrix,
    MobjectMatrix,
    ReplacementTransform,
    ShowPassingFlash,
    Text,
    Transform,
    TransformFromCopy,
    VGroup,
    Write,
)

import nn
from scenes.components import (
    INPUT_PIXELS_SHOWN,
    DigitImage,
    NetworkDiagram,
    highlight_box,
    label_next_to,
    neuron,
    style,
)
from scenes.components.equations import WeightedSum, colored_tex, layer_steps
from scenes.components.transitions import Conceal, FadeToBlack, Reveal, fade_out
from scenes.content.digit_input import chosen_input
from scenes.content.examples import HERO_INDEX
from scenes.pipeline.chapter_scene import ChapterScene

# --- the example ------------------------------------------------------------------------
SMALL_SIZES = (8, 6)
SMALL_SEED = 1  # gaussian init: non-zero biases, so b is worth showing
#: the small network reads 8 of the 16 pixels the big diagram's input column draws
SMALL_INPUT_PIXELS: tuple[int, ...] = INPUT_PIXELS_SHOWN[::2]
CODE_LINE = "a1 = sigmoid(W @ a0 + b)"  # nn/network.py's step for one image (it runs a @ w.T + b)

# --- layout (manim units) ------------------------------------------------------------------
DIAGRAM_CENTER = LEFT * 4.7 + DOWN * 0.1
DIAGRAM_LAYER_GAP = 2.0
DIAGRAM_NEURON_GAP = 0.25
ALGEBRA_CENTER_X = 2.4  # centre of the right-hand region
MATRIX_Y = 0.6
MATRIX_SCALE = 0.7
EXAMPLE_Y = -2.0
EXAMPLE_SCALE = 0.7
COMPACT_SCALE = 1.6
CODE_FONT = "Monospace"
OURS_IMAGE_SIDE = 2.2
OURS_NEURON_RADIUS = 0.12


@lru_cache(maxsize=1)
def small_network() -> nn.Network:
    """The chapter's real 8 → 6 network (fixed seed, gaussian weights and biases)."""
    return nn.Network(list(SMALL_SIZES), seed=SMALL_SEED, init="gaussian")


def run_code_line(weights: np.ndarray, a0: np.ndarray, biases: np.ndarray) -> np.ndarray:
    """Evaluate the very line shown on screen (``CODE_LINE``) with NumPy."""
    scope = {"sigmoid": nn.sigmoid, "W": weights, "a0": a0, "b": biases}
    exec(CODE_LINE, {}, scope)  # noqa: S102 - our own constant, so the screen cannot drift from the code
    return scope["a1"]


def values_line(values: np.ndarray) -> str:
    """The printed result under the code: every activation to two decimals."""
    return "# a1 = [" + " ".join(f"{v:.2f}" for v in values) + "]"


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
    m.get_entries().set_color(style.W_COLOR)
    return m


def column(entries: list[str], color=style.TEXT_COLOR) -> Matrix:  # noqa: ANN001
    m = Matrix([[e] for e in entries])
    m.get_entries().set_color(color)
    return m


class LinearAlgebraNotation(ChapterScene):
    """One layer's step, from a written-out sum to a = σ(W a + b) and one line of NumPy; then ours."""

    def construct(self) -> None:
        self.net = small_network()
        self.digit = chosen_input(HERO_INDEX)
        self.x = np.asarray(self.digit.pixels, dtype=float)[list(SMALL_INPUT_PIXELS)]
        self.small_network()
        self.one_neuron()
        self.vector()
        self.matrix()
        self.row_times_vector()
        self.bias_vector()
        self.sigma_each()
        self.compact()
        self.code()
        self.our_network()
        self.three_times()
        self.play(FadeToBlack(run_time=style.RUN_TIME))

    # --- beats ---------------------------------------------------------------------------------
    def small_network(self) -> None:
        with self.beat("small-network") as beat:
            self.show_title()
            net = self.net
            outputs = [f"a_{{{j}}}^{{(1)}}" for j in range(net.sizes[1])]
            self.diagram = NetworkDiagram(net, layer_gap=DIAGRAM_LAYER_GAP, neuron_gap=DIAGRAM_NEURON_GAP,
                                          output_labels=outputs, center=DIAGRAM_CENTER).color_edges_by_weights()
            self.input_labels = VGroup(*(
                MathTex(f"a_{{{i}}}^{{(0)}}", font_size=style.FONT_SIZE_LABEL).next_to(
                    self.diagram.neuron(0, i), LEFT, buff=style.LABEL_BUFF)
                for i in range(net.sizes[0])))
            self.play(Reveal(self.diagram, self.input_labels), run_time=style.RUN_TIME)
            beat.wait_until(2)
            self.play(self.diagram.forward_pass(self.x, box=False))

    def one_neuron(self) -> None:
        with self.beat("one-neuron"):
            terms = (("w_{0,0}", "a_0^{(0)}"), ("w_{0,1}", "a_1^{(0)}"), None, ("w_{0,n}", "a_n^{(0)}"))
            self.sum_tex = WeightedSum(terms, bias="b_0", sigma=True, lhs="a_0^{(1)}", font_size=style.FONT_SIZE_BODY)
            self.sum_tex.to_edge(UP, buff=style.FRAME_MARGIN).set_x(ALGEBRA_CENTER_X)
            self.sum_parts = dict(zip(self.sum_tex.tex_strings, self.sum_tex))
            sigma, opening, closing = self.sum_tex.sigma
            self.sum_parts.update({r"\sigma": sigma, r"\Big(": opening, r"\Big)": closing})
            self.play(Write(self.sum_tex), self.flash(self.diagram.incoming_edges(1, 0)), run_time=style.LONG_PAUSE)

    def vector(self) -> None:
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
        with self.beat("vector"):
            labels, entries = self.input_labels, self.a0.get_entries()
            self.play(TransformFromCopy(labels[0], entries[0]), TransformFromCopy(labels[1], entries[1]),
                      TransformFromCopy(labels[2:-1], entries[2]), TransformFromCopy(labels[-1], entries[3]),
                      FadeIn(self.a0.get_brackets()), run_time=style.RUN_TIME * 2)

    def matrix(self) -> None:
        with self.beat("matrix") as beat:
            s = self.sum_parts
            self.play(TransformFromCopy(VGroup(s["w_{0,0}"], s["w_{0,1}"], s[r"\cdots"], s["w_{0,n}"]),
                                        self.W.get_rows()[0]), run_time=style.RUN_TIME * 2)
            beat.wait_until(1)
            self.play(FadeIn(VGroup(*self.W.get_rows()[1:]), lag_ratio=style.LAG_RATIO), FadeIn(self.W.get_brackets()),
                      run_time=style.RUN_TIME * 2)

    def row_times_vector(self) -> None:
        """Box one row at a time while the matching neuron's incoming edges flash."""
        with self.beat("row-times-vector"):
            k = self.net.sizes[1] - 1
            rows = self.W.get_rows()
            row_box = neuron_box = vec_box = None
            for shown, index in zip((0, 1, 3), (0, 1, k)):
                new_row = highlight_box(rows[shown])
                new_neuron = highlight_box(VGroup(self.diagram.neuron(1, index), self.diagram.output_labels[index]))
                if row_box is None:
                    row_box, neuron_box, vec_box = new_row, new_neuron, highlight_box(self.a0)
                    boxes = (Create(row_box), Create(neuron_box), Create(vec_box))
                else:
                    boxes = (Transform(row_box, new_row), Transform(neuron_box, new_neuron))
                self.play(*boxes, run_time=style.SHORT_RUN_TIME)
                self.play(self.flash(self.diagram.incoming_edges(1, index)), run_time=style.LAYER_PASS_TIME)
            self.play(FadeOut(row_box, neuron_box, vec_box), run_time=style.SHORT_RUN_TIME)

    def bias_vector(self) -> None:
        with self.beat("bias-vector"):
            s = self.sum_parts
            self.play(FadeIn(self.plus), FadeIn(self.b.get_brackets()), TransformFromCopy(s["b_0"], self.b.get_entries()[0]),
                      FadeIn(self.b.get_entries()[1:], lag_ratio=style.LAG_RATIO), run_time=style.RUN_TIME * 2)

    def sigma_each(self) -> None:
        with self.beat("sigma-each") as beat:
            s = self.sum_parts
            self.play(TransformFromCopy(s[r"\sigma"], self.sigma), TransformFromCopy(s[r"\Big("], self.lparen),
                      TransformFromCopy(s[r"\Big)"], self.rparen), FadeIn(self.lhs), run_time=style.RUN_TIME * 2)
            inner = MobjectMatrix([[MathTex(v)] for v in "xyz"])
            out = MobjectMatrix([[colored_tex(r"\sigma", "(", v, ")")] for v in "xyz"])
            h = inner.height * 1.05
            self.example = VGroup(MathTex(r"\sigma", color=style.SIGMA_COLOR), big_paren("(", h), inner,
                                  big_paren(")", h), MathTex("="), out).arrange(RIGHT, buff=0.2).scale(EXAMPLE_SCALE)
            self.example.move_to([ALGEBRA_CENTER_X, EXAMPLE_Y, 0])
            beat.wait_until(0)
            self.play(FadeIn(self.example, shift=UP * 0.3), run_time=style.RUN_TIME)

    def compact(self) -> None:
        with self.beat("compact"):
            compact = colored_tex("a^{(1)}", "=", r"\sigma", "(", "W", "a^{(0)}", "+", "b", ")")
            compact.scale(COMPACT_SCALE).move_to([ALGEBRA_CENTER_X, MATRIX_Y + 0.6, 0])
            lhs, eq, sigma, lp, W, a0, plus, b, rp = compact
            self.consolidate(self.full)
            self.play(*fade_out(self.example, self.sum_tex),
                      ReplacementTransform(self.lhs[0], lhs), ReplacementTransform(self.lhs[1], eq),
                      ReplacementTransform(self.sigma, sigma), ReplacementTransform(self.lparen, lp),
                      ReplacementTransform(self.rparen, rp), ReplacementTransform(self.W, W),
                      ReplacementTransform(self.a0, a0), ReplacementTransform(self.plus, plus),
                      ReplacementTransform(self.b, b), run_time=style.RUN_TIME * 2)
            self.compact_box = highlight_box(compact)
            self.play(Create(self.compact_box), run_time=style.BOX_TIME)
            self.compact_tex = compact

    def code(self) -> None:
        with self.beat("code") as beat:
            a1 = run_code_line(self.net.weights[0], self.x, self.net.biases[0])
            code = Text(CODE_LINE, font=CODE_FONT, font_size=style.FONT_SIZE_BODY,
                        t2c={"sigmoid": style.SIGMA_COLOR, "W": style.W_COLOR, "b": style.B_COLOR})
            printed = Text(values_line(a1), font=CODE_FONT, font_size=style.FONT_SIZE_SMALL, color=style.SECONDARY)
            self.code_lines = VGroup(code, printed).arrange(DOWN, aligned_edge=LEFT, buff=0.25)
            self.code_lines.next_to(self.compact_box, DOWN, buff=0.7).set_x(ALGEBRA_CENTER_X)
            self.play(Write(code), run_time=style.RUN_TIME * 2)
            beat.wait_until(0)
            self.play(FadeIn(printed), self.flash(self.diagram.edges[0]), run_time=style.LAYER_PASS_TIME)
            self.printed = printed

    def our_network(self) -> None:
        big = nn.load_pretrained()
        w, b = big.weights[0], big.biases[0]
        a1 = run_code_line(w, self.digit.pixels, b)
        with self.beat("our-network") as beat:
            self.play(Conceal(*(m for m in self.mobjects if m is not self.captions.current)), run_time=style.RUN_TIME)
            line = colored_tex("a^{(1)}", "=", r"\sigma", "(", "W", "a^{(0)}", "+", "b", ")").scale(COMPACT_SCALE)
            line.to_edge(UP, buff=style.FRAME_MARGIN * 2).shift(LEFT * 1.5)
            _, _, _, _, W, a0, _, bias, _ = line
            shape = label_next_to(line, f"{w.shape[0]} × {w.shape[1]}, trained", DOWN, color=style.W_COLOR).set_x(W.get_x())
            image = DigitImage(self.digit.pixels, side=OURS_IMAGE_SIDE).next_to(a0, DOWN, buff=0.9)
            image_tag = label_next_to(image, self.digit.tag)
            biases = label_next_to(line, f"{b.size} real biases", DOWN, color=style.B_COLOR).set_x(bias.get_x() + 0.6)
            column_ = VGroup(*(neuron(v, OURS_NEURON_RADIUS) for v in a1)).arrange(DOWN, buff=0.06)
            column_.move_to(RIGHT * 4.8 + DOWN * 0.9)
            result = label_next_to(column_, "first hidden layer", UP)
            self.play(Reveal(line), run_time=style.RUN_TIME)
            self.play(Reveal(shape), run_time=style.SHORT_RUN_TIME)
            beat.wait_until(2)
            self.play(Reveal(image, image_tag, biases), run_time=style.RUN_TIME)
            beat.wait_until(3)
            self.play(Reveal(column_, result), run_time=style.RUN_TIME)
            self.ours = VGroup(line, shape, biases, column_, result)
            self.ours_image = (image, image_tag)
            self.first_layer_fills = np.array([c.get_fill_opacity() for c in column_])

    def three_times(self) -> None:
        with self.beat("three-times"):
            steps = layer_steps([w.shape for w in nn.load_pretrained().weights])
            steps.move_to(DOWN * 0.2)
            self.play(Conceal(self.ours, *self.ours_image), run_time=style.RUN_TIME)
            for row in steps:
                self.play(Reveal(row), run_time=style.RUN_TIME)

    # --- helpers -------------------------------------------------------------------------
    def consolidate(self, group: VGroup) -> None:
        """Pieces added one by one become the single ``group`` (so transforming it moves them all)."""
        family = set(group.get_family())
        self.mobjects = [m for m in self.mobjects if m not in family]
        self.add(group)

    @staticmethod
    def flash(edges: VGroup) -> ShowPassingFlash:
        flash = edges.copy().set_stroke(style.FLASH_COLOR, style.FLASH_WIDTH, opacity=1.0)
        return ShowPassingFlash(flash, time_width=style.FLASH_TIME_WIDTH)

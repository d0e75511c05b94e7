"""Chapter 9 (13:26) Notation and linear algebra: one layer's step as a = σ(W a + b), then ours.

Beats (storyboard): a small real network (8 inputs, 6 neurons, random weights, ``nn.Network``); the
compact shorthand it leads to is shown first, then the network is fed 8 pixels of the chosen image
(outlined on the image); the first neuron (ringed, its edges lit) and its weighted sum written out,
large, across the top; one weight's two indices named on the diagram's edge they stand for; then
regrouped, every entry large: activations into a column vector, weights into the rows of a matrix W
(one row boxed at a time while its neuron's edges light; the entries paired; the real sums W a of the
toy network come out as a column), biases into a vector b, σ applied to every component (the diagram
gives way to the whole line); the compact formula, with the toy network's real matrix and vectors drawn
under it; the same line as NumPy code with the values it really prints. Then our trained network: W⁽¹⁾
drawn large as its real 16 × 784 weights (a row is a hidden neuron, a column a pixel), a⁽⁰⁾ our image,
b its 16 real biases, and the line gives the real first hidden layer, drawn large; the network is this
line three times, each step shown on the diagram's edges.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Brace,
    Create,
    FadeIn,
    FadeOut,
    Group,
    Line,
    MathTex,
    Matrix,
    MobjectMatrix,
    ReplacementTransform,
    Transform,
    UpdateFromAlphaFunc,
    VGroup,
    Write,
    config,
    smooth,
)

import nn
from scenes.components import (
    INPUT_PIXELS_SHOWN,
    DigitImage,
    NetworkDiagram,
    PixelGrid,
    highlight_box,
    label,
    label_next_to,
    neuron,
    ring,
    style,
)
from scenes.components.edge_marks import bundle_label, edge_flash, lit_edges
from scenes.components.equations import WeightedSum, colored_tex, layer_steps
from scenes.components.pixel_grid import rgba_image
from scenes.components.pixel_views import square_outlines
from scenes.components.transitions import Conceal, FadeToBlack, Reveal, Swap, fade_in, fade_out
from scenes.content.digit_input import chosen_input
from scenes.content.examples import HERO_INDEX
from scenes.runtime.narrated_scene import NarratedScene

# --- the example ------------------------------------------------------------------------
SMALL_SIZES = (8, 6)
SMALL_SEED = 1  # gaussian init: non-zero biases, so b is worth showing
#: the small network reads 8 of the 16 pixels the big diagram's input column draws
SMALL_INPUT_PIXELS: tuple[int, ...] = INPUT_PIXELS_SHOWN[::2]
CODE_LINE = "a1 = sigmoid(W @ a0 + b)"  # nn/network.py's step for one image (it runs a @ w.T + b)
NAMED_WEIGHT = (0, 1)  # w_{0,1}: the weight whose two indices are explained
SHOWN_ROWS = (0, 1, None, -1)  # the rows of W drawn: 0, 1, ⋮, k (None: the ⋮ row)

# --- layout (manim units) ------------------------------------------------------------------
# Every glyph at least 9 px at 480p: a lowercase sub- or superscript (w_{k,n}) needs a font size of
# about 46, a digit one about 32; so the matrices are drawn at their full size (entries at 48), the
# written-out sum at 48 across the top, and the labels of the diagram at 36.
DIAGRAM_CENTER = LEFT * 4.9 + DOWN * 0.15
DIAGRAM_LAYER_GAP = 1.3
DIAGRAM_NEURON_RADIUS = 0.15
DIAGRAM_NEURON_GAP = 0.25
DIAGRAM_LABEL_SIZE = 36  # a_i^{(0)} beside the inputs, a_j^{(1)} beside the outputs
LABEL_SIZE = 28  # words beside things (the film's 24 draws lowercase letters under 9 px)
SUM_FONT_SIZE = 48
SUM_Y = 3.4  # the written-out sum, across the top
ALGEBRA_CENTER_X = 1.25  # centre of W a + b right of the diagram (room for W a = … before b comes)
PREVIEW_SCALE = 1.6  # the compact line, shown first
MATRIX_SCALE = 1.0
MATRIX_V_BUFF = 0.7
MATRIX_Y = 0.35
NAME_SIZE = 44  # W, a^{(0)}, b over their blocks
NOTE_SIZE = 36  # n = 7, k = 5
FULL_Y = 1.05  # the whole line σ(W a + b), once the diagram and the sum have made room
EXAMPLE_SCALE = 0.75
COMPACT_SCALE = 1.6
COMPACT_Y = 1.9
COMPACT_X = 1.9
KIND_PICTURE_HEIGHT = 1.5  # the toy W, a⁽⁰⁾ and b drawn as cells under the compact line
CODE_SIZE = 40
PRINTED_SIZE = 36
CODE_ZOOM = 1.2
SMALL_IMAGE_SIDE = 3.0
SMALL_IMAGE_CENTER = RIGHT * 1.9 + UP * 0.35
ZOOM_FONT_SIZE = 110
ZOOM_CENTER = RIGHT * 1.3 + UP * 1.15
OURS_SCALE = 1.3  # the spread formula's operators
OURS_Y = -0.1  # centre line of the row of real objects
OURS_SYMBOL_Y = 2.35  # the symbols over them
OURS_TOP_Y = 3.3  # the compact line, on top
OURS_NEURON_RADIUS = 0.085
OURS_NEURON_GAP = 0.05
OURS_W_WIDTH, OURS_W_HEIGHT = 3.2, 2.2
W_ALONE_WIDTH, W_ALONE_HEIGHT = 7.6, 3.8  # W⁽¹⁾ first, alone: one row is ~0.24 units
W_ALONE_CENTER = DOWN * 0.0
ALONE_NEURON_SHARE = 0.4  # beside W alone, each hidden neuron's radius as a share of its row's height
ALONE_IMAGE_SIDE = 2.2
OURS_IMAGE_SIDE = 2.2
OURS_GAP = 0.35
BIAS_SCALE = 0.8
COLUMN_MARK_WIDTH = 0.06  # the box round one column of W (a column is far thinner than a pixel)
RESULT_NEURON_RADIUS, RESULT_NEURON_GAP = 0.14, 0.035  # the first hidden layer, large, when it comes out
RESULT_X = -5.6
STEP_NEURON_RADIUS, STEP_NEURON_GAP, STEP_LAYER_GAP = 0.1, 0.05, 1.4
STEP_DIAGRAM_CENTER = LEFT * 4.1 + UP * 0.3
STEPS_LEFT = -1.1
STEP_FONT_SIZE = 36
STEP_ROW_YS = (1.5, 0.3, -0.9)


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


def code_pieces(code: str, words: tuple[str, ...]) -> list[str]:
    """``code`` cut into runs of text around each occurrence of ``words`` (in order; joined, ``code``)."""
    pieces, rest = [], code
    while rest:
        hits = [(rest.find(word), word) for word in words if rest.find(word) >= 0]
        if not hits:
            pieces.append(rest)
            break
        at, word = min(hits)
        if at:
            pieces.append(rest[:at])
        pieces.append(word)
        rest = rest[at + len(word):]
    return pieces


def typewriter(code: str, font_size: float, colors: dict[str, object] | None = None) -> MathTex:
    """``code`` in TeX's typewriter face, one part per piece (``code_pieces`` around the keys of ``colors``),
    each key's pieces in its colour (None: plain). TeX draws its full stop and plus smaller than a screen
    font's monospace does, so the letters are what must be legible."""
    colors = colors or {}
    pieces = code_pieces(code, tuple(colors))
    escape = str.maketrans({"#": r"\#", " ": r"\ ", "_": r"\_"})
    tex = MathTex(*(rf"\texttt{{{p.translate(escape)}}}" for p in pieces), font_size=font_size)
    for piece, part in zip(pieces, tex):
        if colors.get(piece) is not None:
            part.set_color(colors[piece])
    tex.pieces = pieces
    return tex


def shown_entries(values: np.ndarray) -> list[str]:
    """Entries 0, 1, ⋮, last of a column of real numbers (two decimals), as the matrices show rows."""
    return [r"\vdots" if r is None else f"{values[r]:.2f}" for r in SHOWN_ROWS]


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
    m = Matrix(rows, h_buff=1.25, v_buff=MATRIX_V_BUFF)
    m.get_entries().set_color(style.W_COLOR)
    return m


def column(entries: list[str], color=style.TEXT_COLOR) -> Matrix:  # noqa: ANN001
    m = Matrix([[e] for e in entries], v_buff=MATRIX_V_BUFF)
    m.get_entries().set_color(color)
    return m


def weight_picture(weights: np.ndarray, width: float, height: float) -> PixelGrid:
    """A weight matrix as it really is: one coloured cell per weight (green positive, red negative,
    opacity |w| / the 99th percentile of |w|), ``weights.shape`` cells, stretched to width × height."""
    w = np.asarray(weights, dtype=float)
    scale = float(np.percentile(np.abs(w), 99)) or 1.0
    colours = np.where((w >= 0).reshape(-1, 1), style.POSITIVE_WEIGHT_COLOR.to_rgb(),
                       style.NEGATIVE_WEIGHT_COLOR.to_rgb())
    grid = PixelGrid(rgba_image(colours, np.minimum(np.abs(w) / scale, 1.0).reshape(-1), w.shape), side=width)
    grid.image.stretch_to_fit_height(height)
    return grid


def activation_picture(values: np.ndarray, height: float) -> PixelGrid:
    """A column of activations as cells: white at the opacity of each value (as a neuron's fill), framed."""
    v = np.asarray(values, dtype=float).reshape(-1)
    grid = PixelGrid(rgba_image(np.ones(3), np.clip(v, 0.0, 1.0), (v.size, 1)), side=height / v.size, frame=True,
                     frame_color=style.SECONDARY)
    return grid


def slide(mobject, vector: np.ndarray, factor: float = 1.0, **kwargs) -> UpdateFromAlphaFunc:  # noqa: ANN001
    """Move ``mobject`` (a Group or VGroup, any size) by ``vector`` and scale it by ``factor`` about its centre,
    in place: without the copies and point interpolation of ``.animate``, at the cost of moving it."""
    done = {"t": 0.0}

    def step(m, alpha: float) -> None:  # noqa: ANN001
        t, before = smooth(alpha), done["t"]
        m.scale((1 + (factor - 1) * t) / (1 + (factor - 1) * before))
        m.shift(np.asarray(vector) * (t - before))
        done["t"] = t

    return UpdateFromAlphaFunc(mobject, step, **kwargs)


def central_bright_pixel(pixels: np.ndarray) -> int:
    """The bright pixel (≥ 90 % of the brightest) nearest the image's centre of mass (the column marked in W)."""
    p = np.asarray(pixels, dtype=float).reshape(nn.IMAGE_SIDE, nn.IMAGE_SIDE)
    rows, cols = np.mgrid[0:nn.IMAGE_SIDE, 0:nn.IMAGE_SIDE]
    centre = np.array([(rows * p).sum(), (cols * p).sum()]) / max(p.sum(), 1e-9)
    distance = np.hypot(rows - centre[0], cols - centre[1])
    score = np.where(p >= 0.9 * p.max(), -distance, -np.inf)
    return int(np.argmax(score))


def mark_row(picture: PixelGrid, row: int, rows: int, color=style.HIGHLIGHT_COLOR):  # noqa: ANN001, ANN201
    """A box round one row of a weight picture."""
    side = picture.image.height / rows
    box = highlight_box(picture.image, color, buff=0.0).stretch_to_fit_height(side + 0.06)
    return box.move_to(picture.image.get_top() + DOWN * (row + 0.5) * side)


def mark_column(picture: PixelGrid, col: int, cols: int, color=style.ALT_ACCENT):  # noqa: ANN001, ANN201
    """A box round one column of a weight picture (at least ``COLUMN_MARK_WIDTH`` wide)."""
    box = highlight_box(picture.image, color, buff=0.0).stretch_to_fit_width(COLUMN_MARK_WIDTH)
    box.stretch_to_fit_height(picture.image.height + 0.12)
    return box.set_x(picture.image.get_left()[0] + (col + 0.5) * picture.image.width / cols)


class LinearAlgebraNotation(NarratedScene):
    """One layer's step, from a written-out sum to a = σ(W a + b) and one line of NumPy; then ours."""

    def construct(self) -> None:
        self.net = small_network()
        self.digit = chosen_input(HERO_INDEX)
        self.x = np.asarray(self.digit.pixels, dtype=float)[list(SMALL_INPUT_PIXELS)]
        self.sums = self.net.weights[0] @ self.x  # the toy network's real weighted sums (no bias yet)
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
        self.wait(style.PAUSE)  # the three steps stay a moment after the voice
        self.play(FadeToBlack(run_time=style.RUN_TIME))

    # --- beats ---------------------------------------------------------------------------------
    def small_network(self) -> None:
        with self.beat("small-network") as beat:
            net = self.net
            outputs = [f"a_{{{j}}}^{{(1)}}" for j in range(net.sizes[1])]
            self.diagram = NetworkDiagram(net, layer_gap=DIAGRAM_LAYER_GAP, neuron_gap=DIAGRAM_NEURON_GAP,
                                          neuron_radius=DIAGRAM_NEURON_RADIUS, output_labels=outputs,
                                          center=DIAGRAM_CENTER).color_edges_by_weights()
            for part, circle in zip(self.diagram.output_labels, self.diagram.neurons[-1]):
                part.scale(DIAGRAM_LABEL_SIZE / style.FONT_SIZE_LABEL).next_to(circle, RIGHT, buff=style.LABEL_BUFF)
            self.input_labels = VGroup(*(
                MathTex(f"a_{{{i}}}^{{(0)}}", font_size=DIAGRAM_LABEL_SIZE).next_to(
                    self.diagram.neuron(0, i), LEFT, buff=style.LABEL_BUFF)
                for i in range(net.sizes[0])))
            self.play(Reveal(self.diagram, self.input_labels), run_time=style.RUN_TIME)
            # the compact shorthand this chapter arrives at, named before it is built
            beat.wait_until(1)
            preview = colored_tex("a^{(1)}", "=", r"\sigma", "(", "W", "a^{(0)}", "+", "b", ")")
            preview.scale(PREVIEW_SCALE).move_to(SMALL_IMAGE_CENTER)
            self.play(Write(preview), run_time=style.RUN_TIME * 1.5)
            image = DigitImage(self.digit.pixels, side=SMALL_IMAGE_SIDE).move_to(SMALL_IMAGE_CENTER)
            mask = np.zeros(nn.N_PIXELS, dtype=bool)
            mask[list(SMALL_INPUT_PIXELS)] = True
            marks = square_outlines(image, mask, stroke_width=style.HIGHLIGHT_WIDTH)
            tag = label_next_to(image, self.text("pixels_of", n=len(SMALL_INPUT_PIXELS), tag=self.digit.tag),
                                font_size=LABEL_SIZE)
            beat.wait_until(2)
            self.play(*fade_out(preview), run_time=style.SHORT_RUN_TIME)
            self.play(Reveal(image, tag), Create(marks), run_time=style.RUN_TIME)
            self.play(self.diagram.forward_pass(self.x, box=False))
            self.small_image_parts = (image, marks, tag)

    def one_neuron(self) -> None:
        with self.beat("one-neuron") as beat:
            # the first neuron of the next layer, and the edges into it
            first = VGroup(ring(self.diagram.neuron(1, 0)),
                           lit_edges(self.diagram.incoming_edges(1, 0), width=style.FLASH_WIDTH, opacity=1.0))
            self.play(Conceal(*self.small_image_parts), Create(first), run_time=style.RUN_TIME)
            # its activation written out: σ of the weighted sum of its inputs, plus its bias
            beat.wait_until(1)
            terms = (("w_{0,0}", "a_0^{(0)}"), ("w_{0,1}", "a_1^{(0)}"), None, ("w_{0,n}", "a_n^{(0)}"))
            self.sum_tex = WeightedSum(terms, bias="b_0", sigma=True, lhs="a_0^{(1)}", font_size=SUM_FONT_SIZE)
            self.sum_tex.move_to([0, SUM_Y, 0])
            self.sum_parts = dict(zip(self.sum_tex.tex_strings, self.sum_tex))
            sigma, opening, closing = self.sum_tex.sigma
            self.sum_parts.update({r"\sigma": sigma, r"\Big(": opening, r"\Big)": closing})
            self.play(Write(self.sum_tex), edge_flash(self.diagram.incoming_edges(1, 0)), run_time=style.LONG_PAUSE)
            beat.wait_until(2)
            self.name_weight_indices(first)

    def name_weight_indices(self, first: VGroup) -> None:
        """w_{j,i}: j the neuron it feeds, i the input it comes from, shown on that very edge."""
        j, i = NAMED_WEIGHT
        zoom = MathTex(f"w_{{{j},{i}}}", font_size=ZOOM_FONT_SIZE, color=style.W_COLOR).move_to(ZOOM_CENTER)
        letter, first_index, _, second = zoom[0]
        first_index.set_color(style.ACCENT)
        second.set_color(style.ALT_ACCENT)
        # each index gets its meaning on a line of its own, straight below it: the neuron's to the left,
        # the input's to the right, so the two pointers never cross
        feeds = label(self.text("neuron_it_feeds", j=j), style.ACCENT, LABEL_SIZE)
        comes = label(self.text("input_it_comes_from", i=i), style.ALT_ACCENT, LABEL_SIZE)
        feeds.next_to(zoom, DOWN, buff=0.45).align_to([first_index.get_x() + 0.15, 0, 0], RIGHT)
        comes.next_to(feeds, DOWN, buff=0.3).align_to([second.get_x() - 0.15, 0, 0], LEFT)
        # longer words (another language) stay clear of the diagram and inside the frame
        feeds.shift(RIGHT * max(0.0, self.diagram.get_right()[0] + 0.45 - feeds.get_left()[0]))
        comes.shift(LEFT * max(0.0, comes.get_right()[0] - (config.frame_width / 2 - style.FRAME_MARGIN)))
        arrows = VGroup(
            Line(first_index.get_bottom() + DOWN * 0.06, [first_index.get_x(), feeds.get_top()[1] + 0.06, 0])
            .set_stroke(style.ACCENT, 2),
            Line(second.get_bottom() + DOWN * 0.06, [second.get_x(), comes.get_top()[1] + 0.06, 0])
            .set_stroke(style.ALT_ACCENT, 2))
        edge = next(e for e, (t, s) in zip(self.diagram.edges[0], self.diagram.edge_pairs(0)) if (t, s) == (j, i))
        on_edge = lit_edges(VGroup(edge), width=style.FLASH_WIDTH * 1.5, opacity=1.0)
        rings = VGroup(ring(self.diagram.neuron(1, j), style.ACCENT), ring(self.diagram.neuron(0, i), style.ALT_ACCENT))
        term = self.sum_parts[f"w_{{{j},{i}}}"]
        term_box = highlight_box(term, style.W_COLOR)
        # the term of the sum grows into the big w_{0,1}; the other edges of the neuron step back
        self.play(Create(term_box), ReplacementTransform(term.copy(), zoom), *fade_out(first),
                  run_time=style.RUN_TIME)
        self.play(FadeIn(feeds, comes), Create(arrows), Create(rings), Create(on_edge), run_time=style.RUN_TIME)
        self.weight_names = VGroup(zoom, feeds, comes, arrows, rings, on_edge, term_box)

    def vector(self) -> None:
        self.W = weight_matrix()
        self.a0 = column(["a_0^{(0)}", "a_1^{(0)}", r"\vdots", "a_n^{(0)}"])
        self.plus = MathTex("+")
        self.b = column(["b_0", "b_1", r"\vdots", "b_k"], style.B_COLOR)
        self.product = VGroup(self.W, self.a0, self.plus, self.b).arrange(RIGHT, buff=0.2).scale(MATRIX_SCALE)
        height = self.product.height * 1.04
        self.lparen, self.rparen = big_paren("(", height), big_paren(")", height)
        self.sigma = MathTex(r"\sigma", color=style.SIGMA_COLOR).scale(MATRIX_SCALE * 1.6)
        self.lhs = MathTex("a^{(1)}", "=").scale(MATRIX_SCALE * 1.6)
        self.full = VGroup(self.lhs, self.sigma, self.lparen, self.product, self.rparen).arrange(RIGHT, buff=0.12)
        self.lhs.shift(LEFT * 0.15)  # a little air between "=" and σ
        # built right of the diagram; σ, its parentheses and a⁽¹⁾ join when the diagram makes room
        self.full.shift([ALGEBRA_CENTER_X - self.product.get_x(), MATRIX_Y - self.product.get_y(), 0])
        names_y = self.product.get_top()[1] + 0.35
        self.names = {
            "a0": MathTex("a^{(0)}", font_size=NAME_SIZE).move_to([self.a0.get_x(), names_y, 0]),
            "W": MathTex("W", font_size=NAME_SIZE, color=style.W_COLOR).move_to([self.W.get_x(), names_y, 0]),
            "b": MathTex("b", font_size=NAME_SIZE, color=style.B_COLOR).move_to([self.b.get_x(), names_y, 0]),
        }
        for name in self.names.values():
            name.align_to(self.names["a0"], DOWN)
        with self.beat("vector"):
            entries = self.a0.get_entries()
            self.play(*fade_out(self.weight_names), run_time=style.SHORT_RUN_TIME)
            # the input neurons themselves fly into one column: 0, 1, the middle ones into ⋮, the last
            n = self.net.sizes[0]
            slots = [0, 1] + [2] * (n - 3) + [3]
            flying = VGroup(*(self.diagram.neuron(0, i).copy() for i in range(n)))
            self.play(*(c.animate.move_to(entries[k]) for c, k in zip(flying, slots)), FadeIn(self.a0.get_brackets()),
                      run_time=style.RUN_TIME * 1.5)
            self.play(FadeOut(flying), FadeIn(entries), run_time=style.RUN_TIME)
            n = MathTex(f"n = {self.net.sizes[0] - 1}", font_size=NOTE_SIZE, color=style.SECONDARY)
            self.n_note = n.next_to(self.product, DOWN, buff=0.25).set_x(self.a0.get_x())
            self.play(*fade_in(self.names["a0"], self.n_note), run_time=style.SHORT_RUN_TIME)

    def matrix(self) -> None:
        with self.beat("matrix") as beat:
            s = self.sum_parts
            rows = self.W.get_rows()
            # the first neuron's weights, marked in its sum, become the first row; the others go beneath
            marks = VGroup(*(highlight_box(s[key], style.W_COLOR) for key in ("w_{0,0}", "w_{0,1}", "w_{0,n}")))
            row_mark = highlight_box(rows[0], style.W_COLOR)
            self.play(Create(marks), run_time=style.RUN_TIME)
            self.play(*fade_in(rows[0]), Create(row_mark), run_time=style.RUN_TIME)
            self.play(FadeOut(marks, row_mark), *fade_in(*rows[1:]), run_time=style.RUN_TIME * 1.5)
            # the table: a matrix called W, one row per neuron (its edges lit with it), rows 0 to k
            beat.wait_until(1)
            k = MathTex(f"k = {self.net.sizes[1] - 1}", font_size=NOTE_SIZE, color=style.SECONDARY)
            self.k_note = k.next_to(self.product, DOWN, buff=0.25).set_x(self.W.get_x())
            self.play(FadeIn(self.W.get_brackets()), *fade_in(self.names["W"]), run_time=style.SHORT_RUN_TIME)
            box, lit = None, None
            for shown, index in ((0, 0), (1, 1), (3, self.net.sizes[1] - 1)):
                new_box = highlight_box(rows[shown])
                new_lit = lit_edges(self.diagram.incoming_edges(1, index), width=style.FLASH_WIDTH, opacity=1.0)
                self.play(Create(new_box) if box is None else Transform(box, new_box), *fade_in(new_lit),
                          *(fade_out(lit) if lit is not None else ()), run_time=style.SHORT_RUN_TIME * 1.4)
                if box is None:
                    box = new_box
                lit = new_lit
            self.play(FadeOut(box), *fade_out(lit), *fade_in(self.k_note), run_time=style.SHORT_RUN_TIME)

    def row_times_vector(self) -> None:
        """Row 0 times the vector, entry by entry; then every row gives its neuron's real sum."""
        with self.beat("row-times-vector") as beat:
            rows, entries = self.W.get_rows(), self.a0.get_entries()
            equals = MathTex("=").scale(MATRIX_SCALE * 1.2)
            result = column(shown_entries(self.sums)).scale(MATRIX_SCALE)
            VGroup(equals, result).arrange(RIGHT, buff=0.15).next_to(self.a0, RIGHT, buff=0.2)
            for entry, row in zip(result.get_entries(), rows):
                entry.set_y(row.get_y())
            self.result = VGroup(equals, result)
            row_box = highlight_box(rows[0])
            neuron_box = highlight_box(VGroup(self.diagram.neuron(1, 0), self.diagram.output_labels[0]))
            self.play(Create(row_box), Create(neuron_box), run_time=style.SHORT_RUN_TIME)
            # pair the entries: w_{0,i} with a_i, one pair at a time
            pair = VGroup(highlight_box(rows[0][0], style.ALT_ACCENT), highlight_box(entries[0], style.ALT_ACCENT))
            self.play(Create(pair), run_time=style.SHORT_RUN_TIME)
            for m in range(1, len(entries)):
                target = VGroup(highlight_box(rows[0][m], style.ALT_ACCENT), highlight_box(entries[m], style.ALT_ACCENT))
                self.play(Transform(pair, target), run_time=style.SHORT_RUN_TIME * 1.4)
            entry_0 = result.get_entries()[0]
            self.play(FadeOut(pair), FadeIn(equals), FadeIn(result.get_brackets()), FadeIn(entry_0),
                      edge_flash(self.diagram.incoming_edges(1, 0)), run_time=style.RUN_TIME)
            beat.wait_until(1)
            k = self.net.sizes[1] - 1
            for shown, index in ((1, 1), (3, k)):
                neuron_mark = highlight_box(VGroup(self.diagram.neuron(1, index), self.diagram.output_labels[index]))
                self.play(Transform(row_box, highlight_box(rows[shown])), Transform(neuron_box, neuron_mark),
                          FadeIn(result.get_entries()[shown]), edge_flash(self.diagram.incoming_edges(1, index)),
                          run_time=style.RUN_TIME)
            self.play(FadeOut(row_box, neuron_box), FadeIn(result.get_entries()[2]), edge_flash(self.diagram.edges[0]),
                      run_time=style.RUN_TIME)

    def bias_vector(self) -> None:
        with self.beat("bias-vector"):
            s = self.sum_parts
            self.play(*fade_out(self.result), run_time=style.SHORT_RUN_TIME)
            mark = highlight_box(s["b_0"], style.B_COLOR)
            self.play(Create(mark), run_time=style.SHORT_RUN_TIME)
            self.play(FadeIn(self.plus), FadeIn(self.b.get_brackets()),
                      FadeIn(self.b.get_entries(), lag_ratio=style.LAG_RATIO), *fade_in(self.names["b"]),
                      run_time=style.RUN_TIME * 1.5)
            self.play(FadeOut(mark), run_time=style.SHORT_RUN_TIME)

    def sigma_each(self) -> None:
        with self.beat("sigma-each"):
            s = self.sum_parts
            mark = highlight_box(s[r"\sigma"], style.ACCENT)
            # the diagram gives way to the whole line: σ( … ) round everything, a⁽¹⁾ on the left
            self.play(Create(mark), Conceal(self.diagram, self.input_labels), *fade_out(self.n_note, self.k_note),
                      run_time=style.RUN_TIME)
            shift = np.array([-self.full.get_x(), FULL_Y - self.product.get_y(), 0])
            for part in (self.lhs, self.sigma, self.lparen, self.rparen):
                part.shift(shift)
            self.play(slide(VGroup(self.product, *self.names.values()), shift), *fade_out(self.sum_tex, mark),
                      run_time=style.RUN_TIME)
            self.play(FadeIn(self.sigma), FadeIn(self.lparen), FadeIn(self.rparen), FadeIn(self.lhs),
                      run_time=style.RUN_TIME)
            inner = MobjectMatrix([[MathTex(v)] for v in "xyz"], v_buff=MATRIX_V_BUFF)
            out = MobjectMatrix([[colored_tex(r"\sigma", "(", v, ")")] for v in "xyz"], v_buff=MATRIX_V_BUFF)
            h = inner.height * 1.05
            self.example = VGroup(MathTex(r"\sigma", color=style.SIGMA_COLOR), big_paren("(", h), inner,
                                  big_paren(")", h), MathTex("="), out).arrange(RIGHT, buff=0.2).scale(EXAMPLE_SCALE)
            self.example.next_to(self.full, DOWN, buff=0.2).set_x(0)
            self.play(FadeIn(self.example, shift=UP * 0.3), run_time=style.RUN_TIME)

    def compact(self) -> None:
        with self.beat("compact") as beat:
            compact = colored_tex("a^{(1)}", "=", r"\sigma", "(", "W", "a^{(0)}", "+", "b", ")")
            compact.scale(COMPACT_SCALE).move_to([COMPACT_X, COMPACT_Y, 0])
            lhs, eq, sigma, lp, W, a0, plus, b, rp = compact
            self.consolidate(self.full)
            # the three blocks go, the rest closes up, and each block's letter takes its place
            # (no text ever slides over other text)
            self.play(*fade_out(self.example, *self.names.values(), self.W, self.a0, self.b), run_time=style.RUN_TIME)
            self.play(ReplacementTransform(self.lhs[0], lhs), ReplacementTransform(self.lhs[1], eq),
                      ReplacementTransform(self.sigma, sigma), ReplacementTransform(self.lparen, lp),
                      ReplacementTransform(self.rparen, rp), ReplacementTransform(self.plus, plus),
                      *fade_in(W, a0, b), run_time=style.RUN_TIME * 1.5)
            self.compact_box = highlight_box(compact, buff=0.25)
            self.play(Create(self.compact_box), run_time=style.BOX_TIME)
            self.compact_tex = compact
            # one short line takes a layer to the next: the toy network comes back and runs it
            beat.wait_until(1)
            self.play(Reveal(self.diagram, self.input_labels), run_time=style.SHORT_RUN_TIME)
            self.play(self.diagram.forward_pass(self.x, box=False, from_layer=1))
            # the maths of matrices and vectors: the toy network's real W, a⁽⁰⁾ and b as tables of cells
            beat.wait_until(2)
            below = self.compact_box.get_bottom()[1] - 0.3
            w = self.net.weights[0]
            pictures = {
                "W": weight_picture(w, KIND_PICTURE_HEIGHT * w.shape[1] / w.shape[0], KIND_PICTURE_HEIGHT),
                "a0": activation_picture(self.x, KIND_PICTURE_HEIGHT * len(self.x) / w.shape[0]),
                "b": weight_picture(self.net.biases[0].reshape(-1, 1), KIND_PICTURE_HEIGHT / w.shape[0],
                                    KIND_PICTURE_HEIGHT),
            }
            vectors = Group(pictures["a0"], pictures["b"]).arrange(RIGHT, buff=0.5)
            row = Group(pictures["W"], vectors).arrange(RIGHT, buff=1.2)
            row.move_to([COMPACT_X, 0, 0]).align_to([0, below, 0], UP)
            matrix_word = label(self.text("matrix"), style.W_COLOR, LABEL_SIZE)
            vector_word = label(self.text("vectors"), style.SECONDARY, LABEL_SIZE)
            words_top = row.get_bottom()[1] - 0.15
            matrix_word.move_to([pictures["W"].get_x(), 0, 0]).align_to([0, words_top, 0], UP)
            vector_word.move_to([vectors.get_x(), 0, 0]).align_to([0, words_top, 0], UP)
            self.play(Reveal(row), FadeIn(matrix_word, vector_word), run_time=style.RUN_TIME)
            self.kinds = Group(row, matrix_word, vector_word)

    def code(self) -> None:
        with self.beat("code") as beat:
            a1 = run_code_line(self.net.weights[0], self.x, self.net.biases[0])
            code = typewriter(CODE_LINE, CODE_SIZE, {"sigmoid": style.SIGMA_COLOR, "W": style.W_COLOR,
                                                     " @ a0": None, "b": style.B_COLOR})
            printed = typewriter(values_line(a1), PRINTED_SIZE).set_color(style.SECONDARY)
            self.code_lines = VGroup(code, printed).arrange(DOWN, aligned_edge=LEFT, buff=0.3)
            self.code_lines.next_to(self.compact_box, DOWN, buff=0.6).set_x(COMPACT_X)
            self.play(*fade_out(*self.kinds), run_time=style.SHORT_RUN_TIME)
            self.play(Write(code), run_time=style.RUN_TIME * 1.5)
            self.play(FadeIn(printed), edge_flash(self.diagram.edges[0]), run_time=style.LAYER_PASS_TIME)
            # simpler, and fast: the line alone, large, its matrix product marked
            beat.wait_until(1)
            product = VGroup(*(part for piece, part in zip(code.pieces, code) if piece in ("W", " @ a0")))
            self.play(slide(self.code_lines, np.array([COMPACT_X, -0.6, 0]) - self.code_lines.get_center(), CODE_ZOOM),
                      run_time=style.RUN_TIME)
            box = highlight_box(product)
            self.play(Create(box), run_time=style.RUN_TIME)
            self.code_box = box
            self.printed = printed

    def our_network(self) -> None:
        big = nn.load_pretrained()
        w, b = big.weights[0], big.biases[0]
        a1 = run_code_line(w, self.digit.pixels, b)
        with self.beat("our-network") as beat:
            # the compact line stays on top; first W⁽¹⁾ alone, large: its sixteen rows, its 784 columns
            line = self.compact_tex
            self.consolidate(line)
            self.play(Conceal(self.diagram, self.input_labels), *fade_out(self.compact_box, self.code_lines, self.code_box),
                      line.animate.scale(OURS_SCALE / COMPACT_SCALE).move_to([0, OURS_TOP_Y, 0]),
                      run_time=style.RUN_TIME)
            matrix = weight_picture(w, W_ALONE_WIDTH, W_ALONE_HEIGHT).move_to(W_ALONE_CENTER)
            braces = self.w_braces(matrix, w.shape)
            w_symbol = colored_tex("W").scale(OURS_SCALE).next_to(matrix, UP, buff=0.25)
            self.play(Reveal(matrix, braces, w_symbol), run_time=style.RUN_TIME)
            # one row is one hidden neuron (each level with its row), one column one pixel of the image
            beat.wait_until(1)
            row_side = W_ALONE_HEIGHT / w.shape[0]
            wide_layer = VGroup(*(neuron(0.0, row_side * ALONE_NEURON_SHARE) for _ in a1))
            wide_layer.arrange(DOWN, buff=row_side * (1 - 2 * ALONE_NEURON_SHARE))
            wide_layer.next_to(braces, LEFT, buff=0.45).set_y(matrix.get_y())
            wide_image = DigitImage(self.digit.pixels, side=ALONE_IMAGE_SIDE).next_to(matrix, RIGHT, buff=0.5)
            wide_symbols = {key: colored_tex(tex).scale(OURS_SCALE).move_to([obj.get_x(), w_symbol.get_y(), 0])
                            for key, tex, obj in (("lhs", "a^{(1)}", wide_layer), ("a0", "a^{(0)}", wide_image))}
            self.play(Reveal(wide_layer, wide_symbols["lhs"]), Reveal(wide_image, wide_symbols["a0"]),
                      run_time=style.RUN_TIME)
            r, pixel = 0, central_bright_pixel(self.digit.pixels)
            mask = np.zeros(nn.N_PIXELS, dtype=bool)
            mask[pixel] = True
            marks = [mark_row(matrix, r, w.shape[0]), ring(wide_layer[r], style.ACCENT),
                     mark_column(matrix, pixel, w.shape[1]),
                     square_outlines(wide_image, mask, style.ALT_ACCENT, stroke_width=style.HIGHLIGHT_WIDTH)]
            self.play(Create(marks[0]), Create(marks[1]), run_time=style.RUN_TIME)
            self.play(Create(marks[2]), Create(marks[3]), run_time=style.RUN_TIME)
            # the line spread out with the real objects in place of its symbols: b's sixteen real biases join
            beat.wait_until(2)
            layer = VGroup(*(neuron(0.0, OURS_NEURON_RADIUS) for _ in a1)).arrange(DOWN, buff=OURS_NEURON_GAP)
            small = weight_picture(w, OURS_W_WIDTH, OURS_W_HEIGHT)
            image = DigitImage(self.digit.pixels, side=OURS_IMAGE_SIDE)
            bias_column = column(shown_entries(b), style.B_COLOR).scale(BIAS_SCALE)
            height = max(layer.height, OURS_W_HEIGHT) + 0.3
            big_eq = MathTex("=").scale(OURS_SCALE)
            big_sigma = MathTex(r"\sigma", color=style.SIGMA_COLOR).scale(OURS_SCALE * 1.2)
            big_lp, big_rp, big_plus = big_paren("(", height), big_paren(")", height), MathTex("+").scale(OURS_SCALE)
            spacer = MathTex(str(w.shape[0]), font_size=style.FONT_SIZE_LABEL)  # room for the rows' brace and number
            row = [layer, big_eq, big_sigma, big_lp, spacer, small, image, big_plus, bias_column, big_rp]
            Group(*row).arrange(RIGHT, buff=OURS_GAP).move_to([0, OURS_Y, 0])
            for m in row:
                m.set_y(OURS_Y)
            small_braces = self.w_braces(small, w.shape)
            symbols = {"lhs": ("a^{(1)}", layer), "W": ("W", small), "a0": ("a^{(0)}", image), "b": ("b", bias_column)}
            targets = {key: colored_tex(tex).scale(OURS_SCALE).move_to([obj.get_x(), OURS_SYMBOL_Y, 0])
                       for key, (tex, obj) in symbols.items()}
            for target in targets.values():
                target.align_to(targets["W"], DOWN)
            self.play(*fade_out(*marks), run_time=style.SHORT_RUN_TIME)
            # (the symbols slide as they are; the braces, redrawn for the smaller picture, give way: the
            # big ones fade out, then the small ones in, never two "784"s at once)
            moves = [(w_symbol, targets["W"]), (wide_symbols["lhs"], targets["lhs"]), (wide_symbols["a0"], targets["a0"])]
            self.play(ReplacementTransform(matrix, small), ReplacementTransform(wide_layer, layer),
                      ReplacementTransform(wide_image, image), Swap(braces, small_braces),
                      *(slide(old, new.get_center() - old.get_center()) for old, new in moves), run_time=style.RUN_TIME)
            self.remove(*(old for old, _ in moves))
            self.add(*(new for _, new in moves))
            self.play(Reveal(targets["b"], bias_column), *fade_in(big_eq, big_sigma, big_lp, big_rp, big_plus),
                      run_time=style.RUN_TIME)
            # out comes the real first hidden layer: drawn large, filled with its real activations
            beat.wait_until(3)
            result = VGroup(*(neuron(0.0, RESULT_NEURON_RADIUS) for _ in a1)).arrange(DOWN, buff=RESULT_NEURON_GAP)
            result.move_to([RESULT_X, OURS_Y, 0])
            rest = Group(big_eq, big_sigma, big_lp, small, small_braces, image, big_plus, bias_column, big_rp,
                         *(targets[k] for k in ("W", "a0", "b")))
            result_symbol = targets["lhs"].copy().next_to(result, UP, buff=0.2)
            self.play(ReplacementTransform(layer, result), Transform(targets["lhs"], result_symbol),
                      slide(rest, RIGHT * (RESULT_X + result.width / 2 + OURS_GAP - big_eq.get_left()[0])),
                      run_time=style.RUN_TIME)
            self.play(*(c.animate.set_fill(opacity=float(v)) for c, v in zip(result, a1)), run_time=style.RUN_TIME)
            self.first_layer_fills = np.array([c.get_fill_opacity() for c in result])
            self.bias_column = bias_column

    def three_times(self) -> None:
        big = nn.load_pretrained()
        with self.beat("three-times") as beat:
            self.play(Conceal(*(m for m in self.mobjects if m is not self.captions.current)), run_time=style.RUN_TIME)
            diagram = NetworkDiagram(big, neuron_radius=STEP_NEURON_RADIUS, neuron_gap=STEP_NEURON_GAP,
                                     layer_gap=STEP_LAYER_GAP, output_labels=False, center=STEP_DIAGRAM_CENTER)
            names = VGroup(*(bundle_label(diagram, g, MathTex(f"W^{{({g + 1})}}", font_size=style.FONT_SIZE_BODY,
                                                              color=style.W_COLOR)) for g in range(len(big.weights))))
            steps = layer_steps([w.shape for w in big.weights], font_size=STEP_FONT_SIZE)
            for row, y in zip(steps, STEP_ROW_YS):
                row.set_y(y)
            steps.align_to([STEPS_LEFT, 0, 0], LEFT)
            self.play(Reveal(diagram), run_time=style.RUN_TIME)
            lit = None
            for g, row in enumerate(steps):
                beat.wait_until(g + 1)
                new = lit_edges(diagram.edges[g])
                # two covers: one cover over both would hide the diagram between them
                self.play(Reveal(row), Reveal(names[g]), *fade_in(new), *(fade_out(lit) if lit is not None else ()),
                          edge_flash(diagram.edges[g]), run_time=style.RUN_TIME)
                lit = new
            self.steps = steps

    # --- helpers -------------------------------------------------------------------------
    def w_braces(self, picture: PixelGrid, shape: tuple[int, int]) -> VGroup:
        """Braces on the left (rows) and under (columns) a weight picture, with their real counts."""
        rows_brace = Brace(picture.image, LEFT, buff=0.08)
        rows_n = MathTex(str(shape[0]), font_size=style.FONT_SIZE_LABEL).next_to(rows_brace, LEFT, buff=0.08)
        cols_brace = Brace(picture.image, DOWN, buff=0.08)
        cols_n = MathTex(str(shape[1]), font_size=style.FONT_SIZE_LABEL).next_to(cols_brace, DOWN, buff=0.08)
        return VGroup(rows_n, rows_brace, cols_brace, cols_n)

    def consolidate(self, group: VGroup) -> None:
        """Pieces added one by one become the single ``group`` (so transforming it moves them all)."""
        family = set(group.get_family())
        self.mobjects = [m for m in self.mobjects if m not in family]
        self.add(group)


"""Chapter 6 (narration 8:38), "Edge detection example": one neuron's weighted sum, σ and bias.

Beats (storyboard), in four parts, each with its own small state object:

- One neuron (``Wiring``): the question (what knobs would a neuron need to detect an edge in
  this region of our 7?); everything fades but neuron 0 of the first hidden layer and its incoming
  connections; each gets a weight, drawn with its real sign (green +, red −); the weighted sum
  w₁a₁ + ⋯ + wₙaₙ; the weights as a 28×28 grid (first the neuron's real trained weights).
- A made-up pattern (``Bench``): a positive bar laid over our 7, the sum of the bar's pixels;
  negative weights around it: an edge detector; the same weights on a 1 and a 9.
- Squishing (``Curve``): a line of sums squeezed into [0, 1]; the sigmoid.
- The bias: σ(sum − 10), boxed and named; our 7 and the weak 9 with and without it; what
  weights and bias each decide; then our network's real neuron 0 on our 7, and every neuron.

The bar and its surround are ILLUSTRATIVE weights the scene builds (and says so on screen);
every other number is the trained network's or a genuine computation on a real digit.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    FadeOut,
    Group,
    LaggedStart,
    MathTex,
    NumberLine,
    Rectangle,
    Text,
    Transform,
    TransformFromCopy,
    VGroup,
    VMobject,
    config,
)

import nn
from scenes.components import DigitImage, NetworkDiagram, WeightGrid, label, label_next_to, neuron, ring, style
from scenes.components.equations import WeightedSum, tag
from scenes.components.sigmoid_plot import FunctionPlot, sigmoid_plot
from scenes.components.transitions import Conceal, FadeToBlack, Reveal, Swap, fade_out
from scenes.content.digit_input import DigitInput, chosen_input, mnist_input
from scenes.content.examples import digit_name, with_article
from scenes.pipeline.chapter_scene import ChapterScene

SIDE = nn.IMAGE_SIDE
# --- what the chapter shows ----------------------------------------------------------------
#: MNIST test image 0 is a 7 whose top stroke runs across rows 7–9, columns 6–21: it passes
#: right through the bar below, so the made-up edge detector has something to find.
EXAMPLE_INDEX = 0
#: the neuron of the first hidden layer we zoom in on (its real weights and bias are shown)
NEURON = 0
#: the made-up bar: rows 8–9, columns 10–17 (stops excluded), weight +1 ...
BAR_ROWS = (8, 10)
BAR_COLS = (10, 18)
BAR_WEIGHT = 1.0
#: ... and for the edge detector, weight −1 on the two rows above and the two rows below it
SURROUND_ROWS = 2
SURROUND_WEIGHT = -1.0
#: "only light up when the sum is above 10"
BIAS_EXAMPLE = -10.0
#: other real digits the edge detector is tried on: a 1 (test #2) and a 9 (test #9, whose loop's
#: top only grazes the bar: a positive but small sum, the weak match of the bias beat)
ONE_INDEX, WEAK_INDEX = 2, 9
#: the trained weights are drawn with this percentile of |w| as full brightness (a few of the
#: largest saturate), so the structure of the many smaller weights stays visible
REAL_GRID_PERCENTILE = 98
#: sums placed on the number line that is squeezed through σ
SQUISH_SUMS = np.arange(-12, 13, 1.0)

# --- layout (manim units) --------------------------------------------------------------------
W_LABEL_AT = 0.25  # where along an edge (from the input end) its weight label sits
LABELLED_INPUTS = (0, 1, 2, 15)  # drawn positions of the input neurons whose edges get labels
EQUATION_DROP = 0.75  # the sum sits right of the neuron, this much lower (clear of its connections)
GRID_SIDE = 3.0
GRID_CENTER = LEFT * 4.3 + DOWN * 0.3
IMAGE_CENTER = DOWN * 0.3
READOUT_CENTER = RIGHT * 4.4 + DOWN * 0.3
NUMBER_LINE_LENGTH = 11.0
SUMS_LINE_Y = 1.2
ACTIVATION_LINE_Y = -1.4
SQUISH_DOT_RADIUS = 0.06
SQUISH_DASH_LENGTH = 0.12  # the sum → activation paths: fewer, longer dashes draw faster
PLOT_CENTER = LEFT * 3.4 + DOWN * 0.45
PLOT_X_LENGTH = 6.5
PLOT_Y_LENGTH = 3.6
PLOT_MARGIN = 4  # the sigmoid reaches this far past the bias's threshold (and 1 past every sum shown)
TABLE_CENTER = RIGHT * 3.7 + DOWN * 0.3
TABLE_BUFF = (0.35, 0.35)  # between columns, rows
THUMB_SIDE = 0.8  # digits as row labels
SIDE_NEURON_RADIUS = 0.22  # the little neurons that show an activation as fill
NOTE_X = 0.45  # the curve's notes are centred this share of the x-range either side of 0 ...
NOTE_Y_LOW, NOTE_Y_HIGH = 0.35, 0.6  # ... at these heights (above the curve left, below it right)


# --- the numbers (pure functions: the tests check them) ------------------------------------
def bar_weights() -> np.ndarray:
    """The made-up weight row (784,): +1 on the bar, 0 everywhere else."""
    w = np.zeros((SIDE, SIDE))
    w[BAR_ROWS[0]:BAR_ROWS[1], BAR_COLS[0]:BAR_COLS[1]] = BAR_WEIGHT
    return w.reshape(-1)


def edge_weights() -> np.ndarray:
    """The made-up edge detector (784,): +1 on the bar, −1 on the rows just above and below it."""
    w = np.zeros((SIDE, SIDE))
    top, bottom = BAR_ROWS[0] - SURROUND_ROWS, BAR_ROWS[1] + SURROUND_ROWS
    w[top:bottom, BAR_COLS[0]:BAR_COLS[1]] = SURROUND_WEIGHT
    w[BAR_ROWS[0]:BAR_ROWS[1], BAR_COLS[0]:BAR_COLS[1]] = BAR_WEIGHT
    return w.reshape(-1)


def weighted_sum(weights: np.ndarray, pixels: np.ndarray) -> float:
    """w₁a₁ + w₂a₂ + ⋯ + w₇₈₄a₇₈₄."""
    return float(np.dot(np.asarray(weights, dtype=float), np.asarray(pixels, dtype=float)))


def fmt(value: float) -> str:
    """How every number is written on screen and said (two decimals)."""
    return f"{value:.2f}"


def plot_x_range(values: list[float]) -> tuple[float, float, float]:
    """A symmetric x-range (start, stop, tick step) for the sigmoid that shows every value."""
    half = max([abs(BIAS_EXAMPLE) + PLOT_MARGIN] + [abs(v) + 1 for v in values])
    step = 2 * int(np.ceil(half / 14))
    half = step * int(np.ceil(half / step))
    return (-half, half, step)


# --- the state of each part ------------------------------------------------------------------
@dataclass
class Wiring:
    """Part one: the diagram reduced to one neuron, its connections and the labels on them."""

    diagram: NetworkDiagram
    neuron: VMobject
    incoming: VGroup
    marker: VMobject  # the ring round the neuron
    labels: VGroup = VGroup()


@dataclass
class Bench:
    """Part two: a weight grid, a real digit with the weights laid over it, and their sum."""

    grid: WeightGrid
    grid_label: Text
    made_up: Text
    example: DigitImage
    example_label: Text
    overlay: WeightGrid
    readout: VGroup  # (title, number)


@dataclass
class Curve:
    """Parts three and four: the sigmoid's plot, its notes and the slid curve of the bias."""

    plot: FunctionPlot
    notes: VGroup
    shifted: VMobject | None = None
    shifted_label: MathTex | None = None


class EdgeDetection(ChapterScene):
    """One neuron's weighted sum, a made-up edge detector on a real digit, σ and the bias."""

    def construct(self) -> None:
        self.net = nn.load_pretrained()
        self.digit = chosen_input(EXAMPLE_INDEX)
        self.pixels = np.asarray(self.digit.pixels, dtype=float)
        self.edge_sum = weighted_sum(edge_weights(), self.pixels)
        self.weak_pixels = np.asarray(nn.test_image(WEAK_INDEX)[0], dtype=float)
        self.weak_sum = weighted_sum(edge_weights(), self.weak_pixels)
        #: every number put on screen, by name (the tests read what is drawn)
        self.shown: dict[str, MathTex] = {}
        self.a_digit = with_article(digit_name(self.digit.label)) if self.digit.label is not None else "your digit"

        wiring = self.the_question()
        self.one_neuron(wiring)
        self.weights(wiring)
        self.weighted_sum(wiring)
        bench = self.weights_as_grid(wiring)
        self.bar(bench)
        self.edge_detector(bench)
        self.other_digits(bench)
        self.squish(bench)
        curve = self.sigmoid()
        self.bias(curve)
        table = self.with_and_without(curve)
        self.pattern_and_threshold()
        self.real_neuron(curve, table)
        self.every_neuron()
        self.play(FadeToBlack(run_time=style.RUN_TIME))

    # --- part one: one neuron ------------------------------------------------------------------
    def the_question(self) -> Wiring:
        with self.beat("the-question", a_digit=self.a_digit) as beat:
            self.show_title()
            self.image = DigitImage(self.pixels).to_corner(style.IMAGE_CORNER, buff=style.FRAME_MARGIN)
            self.image_label = label_next_to(self.image, self.digit.tag)
            diagram = NetworkDiagram(self.net)
            self.play(Reveal(self.image, self.image_label, diagram), run_time=style.RUN_TIME)
            self.bring_to_back(self.image, self.image_label)
            wiring = Wiring(diagram, diagram.neuron(1, NEURON), diagram.incoming_edges(1, NEURON),
                            ring(diagram.neuron(1, NEURON)))
            beat.wait_until(2)
            region = self.bar_region(self.image)
            self.play(Create(wiring.marker), Create(region), run_time=style.RUN_TIME)
            self.region = region
        return wiring

    def one_neuron(self, wiring: Wiring) -> None:
        with self.beat("one-neuron"):
            d = wiring.diagram
            kept = {id(e) for e in wiring.incoming}
            rest = VGroup(*(e for e in d.edges[0] if id(e) not in kept), d.edges[1], d.edges[2],
                          *(c for c in d.neurons[1] if c is not wiring.neuron), d.neurons[2], d.neurons[3],
                          d.output_labels)
            lights = [circle.animate.set_fill(opacity=float(self.pixels[i]))
                      for circle, i in zip(d.neurons[0], d.drawn_indices(0))]
            self.play(*fade_out(rest), *lights, run_time=style.RUN_TIME)

    def weights(self, wiring: Wiring) -> None:
        with self.beat("weights") as beat:
            d = wiring.diagram
            inputs = d.neurons[0]
            w_labels, a_labels = VGroup(), VGroup()
            for n, k in enumerate(LABELLED_INPUTS):
                sub = "n" if n == len(LABELLED_INPUTS) - 1 else str(n + 1)
                w = MathTex(f"w_{sub}", font_size=style.FONT_SIZE_LABEL, color=style.W_COLOR)
                w.add_background_rectangle(color=style.BACKGROUND, opacity=1.0)
                w.move_to(wiring.incoming[k].point_from_proportion(W_LABEL_AT))
                a = MathTex(f"a_{sub}", font_size=style.FONT_SIZE_LABEL).next_to(inputs[k], LEFT, buff=style.LABEL_BUFF)
                w_labels.add(w)
                a_labels.add(a)
            self.play(FadeOut(d.braces[0]), LaggedStart(*(FadeIn(m) for m in a_labels), lag_ratio=style.LAG_RATIO),
                      run_time=style.RUN_TIME)
            beat.wait_until(1)
            self.play(*d.weighted_edges(0, wiring.incoming),
                      LaggedStart(*(FadeIn(m) for m in w_labels), lag_ratio=style.LAG_RATIO), run_time=style.RUN_TIME)
            wiring.labels = VGroup(w_labels, a_labels)

    def weighted_sum(self, wiring: Wiring) -> None:
        with self.beat("weighted-sum"):
            w_labels, a_labels = wiring.labels
            terms: list = [(f"w_{s}", f"a_{s}") for s in ("1", "2", "3")] + [None, ("w_n", "a_n")]
            self.equation = WeightedSum(terms)
            right = config.frame_width / 2 - style.FRAME_MARGIN  # right-aligned, just under the neuron's row
            self.equation.move_to([right - self.equation.width / 2, wiring.neuron.get_y() - EQUATION_DROP, 0])
            eq = self.equation
            self.play(*(TransformFromCopy(src[1], dst) for src, dst in zip(w_labels, eq.weights)),  # [1]: not the backdrop
                      *(TransformFromCopy(src, dst) for src, dst in zip(a_labels, eq.activations)),
                      FadeIn(VGroup(*eq.plus_signs, *eq.dots)), run_time=style.RUN_TIME * 1.5)

    def weights_as_grid(self, wiring: Wiring) -> Bench:
        with self.beat("weights-as-grid") as beat:
            d = wiring.diagram
            remnant = VGroup(d.neurons[0], d.ellipses[0], wiring.incoming, wiring.neuron, wiring.labels, wiring.marker)
            self.play(Conceal(self.image, self.image_label, self.region), FadeOut(remnant),
                      self.equation.animate.to_edge(UP, buff=style.FRAME_MARGIN).set_x(0), run_time=style.RUN_TIME)
            self.remove(d)
            real = self.net.weights[0][NEURON]
            grid = WeightGrid(real, side=GRID_SIDE, frame=True,
                              scale=float(np.percentile(np.abs(real), REAL_GRID_PERCENTILE))).move_to(GRID_CENTER)
            grid_label = label_next_to(grid, "its 784 trained weights")
            beat.wait_until(2)
            self.play(Reveal(grid, grid_label), run_time=style.RUN_TIME)
        example = DigitImage(self.pixels, side=GRID_SIDE).move_to(IMAGE_CENTER)
        made_up = label_next_to(grid, "a made-up weight pattern", UP, color=style.ALT_ACCENT)
        readout = VGroup(label("weighted sum"), VMobject())
        return Bench(grid, grid_label, made_up, example, label_next_to(example, self.digit.tag),
                     WeightGrid(bar_weights(), side=GRID_SIDE).move_to(grid), readout)

    # --- part two: a made-up pattern on a real digit --------------------------------------------
    def bar(self, bench: Bench) -> None:
        bar_sum = weighted_sum(bar_weights(), self.pixels)
        with self.beat("bar", bar_sum=fmt(bar_sum)) as beat:
            label = label_next_to(bench.grid, "bar +1, rest 0")
            self.play(Transform(bench.grid, bench.grid.copy().set_weights(bar_weights())), Reveal(bench.made_up),
                      Swap(bench.grid_label, label), run_time=style.RUN_TIME)
            bench.grid_label = label
            beat.wait_until(1)
            self.play(Reveal(bench.example, bench.example_label), run_time=style.RUN_TIME)
            self.play(bench.overlay.animate.overlay_on(bench.example), run_time=style.RUN_TIME)
            beat.wait_until(2)
            number = self.show_number("bar sum", bar_sum, style.FONT_SIZE_HEADING)
            bench.readout = VGroup(bench.readout[0], number).arrange(DOWN, buff=style.LABEL_BUFF).move_to(READOUT_CENTER)
            self.play(Reveal(bench.readout), run_time=style.RUN_TIME)

    def edge_detector(self, bench: Bench) -> None:
        with self.beat("edge-detector", edge_sum=fmt(self.edge_sum)) as beat:
            label = label_next_to(bench.grid, "bar +1, above and below −1")
            self.play(Transform(bench.grid, bench.grid.copy().set_weights(edge_weights())),
                      Transform(bench.overlay, bench.overlay.copy().set_weights(edge_weights(),
                                                                               max_opacity=style.OVERLAY_OPACITY)),
                      Swap(bench.grid_label, label), run_time=style.RUN_TIME)
            bench.grid_label = label
            beat.wait_until(2)
            self.swap_number(bench, "edge sum", self.edge_sum)

    def other_digits(self, bench: Bench) -> None:
        sums = {index: weighted_sum(edge_weights(), nn.test_image(index)[0]) for index in (ONE_INDEX, WEAK_INDEX)}
        with self.beat("other-digits", one_sum=fmt(sums[ONE_INDEX]), nine_sum=fmt(sums[WEAK_INDEX])) as beat:
            for sentence, index in enumerate((ONE_INDEX, WEAK_INDEX), start=1):
                beat.wait_until(sentence)
                self.show_digit(bench, mnist_input(index))
                self.swap_number(bench, f"edge sum #{index}", sums[index])
            beat.wait_until(3)
            self.show_digit(bench, self.digit)
            self.swap_number(bench, "edge sum again", self.edge_sum)

    def squish(self, bench: Bench) -> None:
        with self.beat("squish") as beat:
            self.play(Conceal(bench.grid, bench.grid_label, bench.made_up, bench.example, bench.example_label,
                              bench.overlay, bench.readout), run_time=style.RUN_TIME)
            lo, hi = float(SQUISH_SUMS[0]), float(SQUISH_SUMS[-1])
            sums_line = NumberLine(x_range=[lo, hi, 2], length=NUMBER_LINE_LENGTH, include_numbers=True,
                                   font_size=style.FONT_SIZE_LABEL, color=style.SECONDARY).move_to(UP * SUMS_LINE_Y)
            unit_line = NumberLine(x_range=[0, 1, 0.1], length=NUMBER_LINE_LENGTH, color=style.SECONDARY)
            unit_line.add_numbers([0, 0.5, 1], font_size=style.FONT_SIZE_LABEL, num_decimal_places=1)
            unit_line.move_to(UP * ACTIVATION_LINE_Y)
            sums_title = label_next_to(sums_line, "possible weighted sums", UP).align_to(sums_line, LEFT)
            unit_title = label_next_to(unit_line, "activations: only between 0 and 1", DOWN,
                                       buff=style.LABEL_BUFF * 4).align_to(unit_line, LEFT)
            dots = VGroup(*(Dot(sums_line.n2p(s), radius=SQUISH_DOT_RADIUS, color=style.TEXT_COLOR) for s in SQUISH_SUMS))
            self.play(Create(sums_line), FadeIn(sums_title), FadeIn(dots), run_time=style.RUN_TIME)
            beat.wait_until(1)
            self.play(Create(unit_line), FadeIn(unit_title), run_time=style.RUN_TIME)
            beat.wait_until(2)
            squeezed = VGroup(*(Dot(unit_line.n2p(float(nn.sigmoid(s))), radius=SQUISH_DOT_RADIUS,
                                    color=style.SIGMA_COLOR) for s in SQUISH_SUMS))
            paths = VGroup(*(DashedLine(a.get_center(), b.get_center(), stroke_width=style.EDGE_WIDTH,
                                        color=style.SECONDARY, dash_length=SQUISH_DASH_LENGTH)
                             for a, b in zip(dots, squeezed)))
            self.play(TransformFromCopy(dots, squeezed), Create(paths), run_time=style.RUN_TIME * 2)
            self.number_lines = VGroup(sums_line, unit_line, sums_title, unit_title, dots, squeezed, paths)

    # --- part three: the sigmoid ----------------------------------------------------------------
    def sigmoid(self) -> Curve:
        with self.beat("sigmoid") as beat:
            x_range = plot_x_range([self.edge_sum, self.weak_sum])
            plot = sigmoid_plot(x_range, x_length=PLOT_X_LENGTH, y_length=PLOT_Y_LENGTH,
                                x_numbers=[x for x in np.arange(x_range[0], x_range[1] + 1, x_range[2])
                                           if x % (2 * x_range[2]) == 0]).move_to(PLOT_CENTER)
            wrapped = WeightedSum(self.equation.terms, sigma=True)
            self.play(Conceal(self.number_lines), run_time=style.SHORT_RUN_TIME)
            self.play(FadeIn(plot.axes), FadeIn(plot.label), self.equation.morph_into(wrapped), run_time=style.RUN_TIME)
            self.equation = wrapped
            self.play(Create(plot.graph), run_time=style.RUN_TIME * 1.5)
            axes = plot.axes
            low = Text("very negative\n→ near 0", font_size=style.FONT_SIZE_SMALL, color=style.SECONDARY)
            low.move_to(axes.c2p(axes.x_range[0] * NOTE_X, NOTE_Y_LOW))
            high = Text("very positive\n→ near 1", font_size=style.FONT_SIZE_SMALL, color=style.SECONDARY)
            high.move_to(axes.c2p(axes.x_range[1] * NOTE_X, NOTE_Y_HIGH))
            beat.wait_until(1)
            self.play(FadeIn(low), FadeIn(high), run_time=style.RUN_TIME)
        return Curve(plot, VGroup(low, high))

    def bias(self, curve: Curve) -> None:
        with self.beat("bias") as beat:
            self.play(FadeOut(curve.notes), run_time=style.SHORT_RUN_TIME)
            biased = WeightedSum(self.equation.terms, sigma=True, bias=f"{BIAS_EXAMPLE:g}")
            beat.wait_until(1)
            self.play(self.equation.morph_into(biased), run_time=style.RUN_TIME)
            self.equation = biased
            axes = curve.plot.axes
            curve.shifted = axes.plot(lambda x: float(nn.sigmoid(x + BIAS_EXAMPLE)), color=style.B_COLOR,
                                      stroke_width=curve.plot.graph.get_stroke_width())
            curve.shifted_label = MathTex(r"\sigma", rf"(x - {abs(BIAS_EXAMPLE):g})", font_size=style.FONT_SIZE_BODY)
            curve.shifted_label.set_color(style.B_COLOR)
            curve.shifted_label[0].set_color(style.SIGMA_COLOR)
            curve.shifted_label.next_to(curve.plot.label, DOWN, buff=style.LABEL_BUFF, aligned_edge=LEFT)  # a legend
            self.play(TransformFromCopy(curve.plot.graph, curve.shifted), FadeIn(curve.shifted_label),
                      run_time=style.RUN_TIME * 1.5)
            beat.wait_until(2)
            self.bias_tag = tag(self.equation.bias, "bias", style.B_COLOR)
            self.play(Create(self.bias_tag[0]), FadeIn(self.bias_tag[1]), run_time=style.RUN_TIME)

    def with_and_without(self, curve: Curve) -> Group:
        plain, biased = float(nn.sigmoid(self.edge_sum)), float(nn.sigmoid(self.edge_sum + BIAS_EXAMPLE))
        weak_plain, weak_biased = float(nn.sigmoid(self.weak_sum)), float(nn.sigmoid(self.weak_sum + BIAS_EXAMPLE))
        values = {"edge_sum": fmt(self.edge_sum), "plain": fmt(plain), "biased": fmt(biased),
                  "weak_sum": fmt(self.weak_sum), "weak_plain": fmt(weak_plain), "weak_biased": fmt(weak_biased)}
        with self.beat("with-and-without", **values) as beat:
            header = [VGroup(), label("sum"), label("no bias"),
                      label(f"bias {BIAS_EXAMPLE:g}".replace("-", "−"), color=style.B_COLOR)]
            rows, marks = [], []
            for key, pixels, s in (("", self.pixels, self.edge_sum), (" weak", self.weak_pixels, self.weak_sum)):
                no_bias, with_bias = float(nn.sigmoid(s)), float(nn.sigmoid(s + BIAS_EXAMPLE))
                cells = [DigitImage(pixels, side=THUMB_SIDE), self.show_number(f"sum{key}", s),
                         VGroup(neuron(no_bias, SIDE_NEURON_RADIUS), self.show_number(f"no bias{key}", no_bias)),
                         VGroup(neuron(with_bias, SIDE_NEURON_RADIUS), self.show_number(f"with bias{key}", with_bias))]
                for cell in cells[2:]:
                    cell.arrange(RIGHT, buff=style.LABEL_BUFF)
                rows.append(cells)
                axes = curve.plot.axes
                marks.append(VGroup(
                    DashedLine(axes.c2p(s, 0), axes.c2p(s, 1), stroke_width=style.EDGE_WIDTH, color=style.SECONDARY),
                    Dot(curve.plot.point(s), radius=SQUISH_DOT_RADIUS * 1.5, color=style.SIGMA_COLOR),
                    Dot(axes.c2p(s, with_bias), radius=SQUISH_DOT_RADIUS * 1.5, color=style.B_COLOR)))
            table = Group(*header, *rows[0], *rows[1]).arrange_in_grid(rows=3, cols=4, buff=TABLE_BUFF)
            table.move_to(TABLE_CENTER)
            self.play(Reveal(VGroup(*header[1:]), Group(*rows[0])), Create(marks[0]), run_time=style.RUN_TIME)
            beat.wait_until(1)
            self.play(Reveal(Group(*rows[1])), Create(marks[1]), run_time=style.RUN_TIME)
        self.marks = VGroup(*marks)
        return table

    def pattern_and_threshold(self) -> None:
        with self.beat("pattern-and-threshold") as beat:
            pattern = tag(VGroup(*self.equation.body()), "which pattern", style.W_COLOR)
            threshold = tag(self.equation.bias, "how big the sum must be", style.B_COLOR)
            threshold[1].align_to(threshold[0], LEFT)  # clear of the label under the weights
            self.play(FadeOut(self.bias_tag), Create(pattern[0]), FadeIn(pattern[1]), run_time=style.RUN_TIME)
            beat.wait_until(1)
            self.play(Create(threshold[0]), FadeIn(threshold[1]), run_time=style.RUN_TIME)
            self.bias_tag = VGroup(pattern, threshold)

    # --- part four: the real neuron ---------------------------------------------------------------
    def real_neuron(self, curve: Curve, table: Group) -> None:
        w, b = self.net.weights[0][NEURON], float(self.net.biases[0][NEURON])
        dot = weighted_sum(w, self.pixels)
        activation = float(self.net.activations(self.pixels)[1][NEURON])
        with self.beat("real-neuron", bias=fmt(b), activation=fmt(activation)) as beat:
            self.play(Conceal(curve.plot, curve.shifted, curve.shifted_label, table, self.marks, self.bias_tag),
                      self.equation.morph_into(WeightedSum(self.equation.terms, sigma=True, bias="+ b")),
                      run_time=style.RUN_TIME)
            grid = WeightGrid(w, side=GRID_SIDE, frame=True, scale=float(np.percentile(np.abs(w), REAL_GRID_PERCENTILE)))
            grid_label = label_next_to(grid, "its 784 trained weights")
            title = label_next_to(grid, f"our network's neuron {NEURON}", UP)
            image = DigitImage(self.pixels, side=GRID_SIDE)
            image_label = label_next_to(image, self.digit.tag)
            bias_line = VGroup(MathTex("b", "=", font_size=style.FONT_SIZE_BODY), self.show_number("real bias", b))
            bias_line[0][0].set_color(style.B_COLOR)
            sign = "+" if b >= 0 else "-"
            formula = MathTex(r"\sigma", rf"({fmt(dot)} {sign} {fmt(abs(b))}) =", font_size=style.FONT_SIZE_BODY)
            formula[0].set_color(style.SIGMA_COLOR)
            self.shown["real weighted sum"] = formula
            act_line = VGroup(formula, self.show_number("real activation", activation), neuron(activation, SIDE_NEURON_RADIUS))
            for line in (bias_line, act_line):
                line.arrange(RIGHT, buff=style.LABEL_BUFF)
            panel = VGroup(bias_line, act_line).arrange(DOWN, buff=style.LABEL_BUFF * 3, aligned_edge=LEFT)
            layout = Group(Group(grid, grid_label, title), Group(image, image_label), panel).arrange(RIGHT, buff=0.6)
            layout.move_to(DOWN * 0.3)
            self.play(Reveal(grid, grid_label, title), run_time=style.RUN_TIME)
            beat.wait_until(1)
            self.play(Reveal(bias_line), run_time=style.SHORT_RUN_TIME)
            beat.wait_until(2)
            self.play(Reveal(image, image_label, act_line), run_time=style.RUN_TIME)

    def every_neuron(self) -> None:
        with self.beat("every-neuron"):
            diagram = NetworkDiagram(self.net).color_edges_by_weights(groups=[0])
            self.play(Conceal(*(m for m in self.mobjects if m is not self.captions.current)), run_time=style.RUN_TIME)
            self.play(Reveal(diagram), run_time=style.RUN_TIME)

    # --- helpers -------------------------------------------------------------------------------
    def show_number(self, name: str, value: float, font_size: float = style.FONT_SIZE_BODY) -> MathTex:
        """A number as it appears on screen, remembered by name for the tests."""
        mob = MathTex(fmt(value), font_size=font_size)
        self.shown[name] = mob
        return mob

    def swap_number(self, bench: Bench, name: str, value: float) -> None:
        """The readout's number becomes ``value``: the old one fades out before the new one fades in."""
        number = self.show_number(name, value, style.FONT_SIZE_HEADING).move_to(bench.readout[1])
        self.play(Swap(bench.readout[1], number), run_time=style.RUN_TIME)
        bench.readout = VGroup(bench.readout[0], number)

    def show_digit(self, bench: Bench, digit: DigitInput) -> None:
        """The bench's digit becomes ``digit`` (pixels blended, its label swapped)."""
        label = label_next_to(bench.example, digit.tag)
        self.play(bench.example.animate.set_pixels(digit.pixels), Swap(bench.example_label, label),
                  run_time=style.RUN_TIME)
        bench.example_label = label

    @staticmethod
    def bar_region(image: DigitImage) -> Rectangle:
        """A yellow outline on ``image`` round the bar the made-up weights will look at."""
        (r0, r1), (c0, c1) = BAR_ROWS, BAR_COLS
        side = image.pixel_side
        corner = image.cell_center(r0, c0) + np.array([-side / 2, side / 2, 0])
        box = Rectangle(width=(c1 - c0) * side, height=(r1 - r0) * side)
        box.move_to(corner + np.array([(c1 - c0) * side / 2, -(r1 - r0) * side / 2, 0]))
        return box.set_stroke(style.HIGHLIGHT_COLOR, style.HIGHLIGHT_WIDTH).set_fill(opacity=0)


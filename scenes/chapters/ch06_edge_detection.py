"""Chapter 6 (narration 8:38), "Edge detection example": one neuron's weighted sum, σ and bias.

Beats (storyboard), in four parts, each with its own small state object:

- One neuron (``Wiring``): the question (what knobs would a neuron need to detect an edge in
  this region of our 7?); everything fades but neuron 0 of the first hidden layer and its incoming
  connections, which fan out as it slides right; the inputs light with our digit's pixels; each
  connection gets a weight, drawn with its real sign (green +, red −, width |w|) and labelled in
  that colour; the weighted sum w₁a₁ + ⋯ + wₙaₙ; the weights as a 28×28 grid beside our digit
  (the neuron's real trained weights), a colour legend, the weights laid over the digit and the
  products pixel × weight.
- A made-up pattern (``Bench``): a positive bar laid over our 7, the sum of the bar's pixels;
  negative weights around it: an edge detector, its sum shown as the bar's share plus the rim's;
  the same weights on a 1 and a 9 (both shares and the total change with the digit).
- Squishing (``Curve``): a line of sums squeezed into [0, 1]; the squeezed dots rise onto the
  sigmoid.
- The bias: σ(sum − 10), the curve sliding right, boxed and named; our 7 and the weak 9 with and
  without it; what weights and bias each decide; then our network's real neuron 0 on our 7, and
  every neuron.

The bar and its surround are ILLUSTRATIVE weights the scene builds (and says so on screen);
every other number is the trained network's or a genuine computation on a real digit.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from manim import (
    DOWN,
    DR,
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
    Line,
    ManimColor,
    MathTex,
    NumberLine,
    Rectangle,
    ReplacementTransform,
    Text,
    Transform,
    TransformFromCopy,
    UpdateFromAlphaFunc,
    VGroup,
    VMobject,
    config,
    interpolate_color,
    smooth,
)

import nn
from scenes.components import (
    DigitImage,
    NetworkDiagram,
    PixelGrid,
    WeightGrid,
    highlight_box,
    label,
    label_next_to,
    neuron,
    ring,
    style,
)
from scenes.components.equations import WeightedSum, tag
from scenes.components.pixel_grid import rgba_image
from scenes.components.sigmoid_plot import FunctionPlot, sigmoid_plot
from scenes.components.transitions import Conceal, FadeToBlack, Reveal, Swap, fade_out
from scenes.content.digit_input import chosen_input, mnist_input
from scenes.runtime.narrated_scene import NarratedScene

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
#: ... and the products pixel × weight with this percentile of the |products| under the digit's ink
PRODUCT_PERCENTILE = 90
#: sums placed on the number line that is squeezed through σ
SQUISH_SUMS = np.arange(-12, 13, 1.0)

# --- layout (manim units) --------------------------------------------------------------------
NEURON_X = 3.4  # the one neuron slides right, so its connections fan out and their labels have room
W_LABEL_AT = (0.15, 0.27, 0.39)  # where along the edges of w₁, w₂, w₃ (from the input end): staggered
WN_LABEL_AT = 0.3  # ... and of wₙ, which sits just below the lowest edge
LABELLED_INPUTS = (0, 1, 2, 15)  # drawn positions of the input neurons whose edges get labels
SIGNED_EDGE_WIDTHS = (1.2, 5.0)  # the neuron's connections: width from w = 0 to its largest |w|
EQUATION_Y = -0.7  # the weighted sum first appears here, right-aligned, below the connections
GRID_SIDE = 3.0
GRID_CENTER = LEFT * 4.3 + DOWN * 0.3
IMAGE_CENTER = DOWN * 0.3
RIGHT_CENTER = RIGHT * 4.4 + DOWN * 0.3  # the legend, then pixel × weight, then the sums
LEGEND_STEPS = 15  # squares in the colour legend, from the most negative weight to the most positive
LEGEND_HEIGHT = 0.45
READOUT_LEFT, READOUT_RIGHT = 2.1, 6.6  # the sums: labels start here, numbers end here
READOUT_YS = (0.9, 0.2, -0.95)  # rows: bar, above-and-below, weighted sum
NUMBER_LINE_LENGTH = 11.0
UNIT_LINE_LENGTH = 3.0  # the narrow band [0, 1]
SUMS_LINE_Y = 1.2
ACTIVATION_LINE_Y = -1.4
SQUISH_DOT_RADIUS = 0.06
SQUISH_DASH_LENGTH = 0.12  # the sum → activation paths: fewer, longer dashes draw faster
PLOT_CENTER = LEFT * 3.4 + DOWN * 0.45
PLOT_X_LENGTH = 6.5
PLOT_Y_LENGTH = 3.6
PLOT_MARGIN = 4  # the sigmoid reaches this far past the bias's threshold (and 1 past every sum shown)
BOX_ROOM = 0.12  # extra space either side of the bias in the equation, so its box and the sum's box stay apart
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


def rim_weights() -> np.ndarray:
    """Only the negative rows of the edge detector (784,): its weights above and below the bar."""
    return edge_weights() - bar_weights()


def weighted_sum(weights: np.ndarray, pixels: np.ndarray) -> float:
    """w₁a₁ + w₂a₂ + ⋯ + w₇₈₄a₇₈₄."""
    return float(np.dot(np.asarray(weights, dtype=float), np.asarray(pixels, dtype=float)))


def edge_parts(pixels: np.ndarray) -> dict[str, float]:
    """The edge detector's sum on ``pixels`` and its two shares: from the bar and from the rows around it."""
    bar, rim = weighted_sum(bar_weights(), pixels), weighted_sum(rim_weights(), pixels)
    return {"bar": bar, "rim": rim, "sum": weighted_sum(edge_weights(), pixels)}


def fmt(value: float) -> str:
    """How every number is written on screen and said (two decimals)."""
    return f"{value:.2f}"


def plot_x_range(values: list[float]) -> tuple[float, float, float]:
    """A symmetric x-range (start, stop, tick step) for the sigmoid that shows every value."""
    half = max([abs(BIAS_EXAMPLE) + PLOT_MARGIN] + [abs(v) + 1 for v in values])
    step = 2 * int(np.ceil(half / 14))
    half = step * int(np.ceil(half / step))
    return (-half, half, step)


def signed_stroke(weight: float, largest: float) -> tuple[ManimColor, float]:
    """(colour, width) of a connection drawn by its real weight: the sign picks the colour, |w| the width."""
    return style.weight_stroke(weight, largest, *SIGNED_EDGE_WIDTHS)


def weight_legend(scale: float, words: tuple[str, str, str], width: float = GRID_SIDE) -> Group:
    """A strip of squares from the most negative weight (bright red) through 0 (black) to the most
    positive (bright green), as a ``WeightGrid`` draws them at ``scale``, named below by ``words``
    (negative, positive, its title)."""
    values = np.linspace(-scale, scale, LEGEND_STEPS)
    rgba = style.weight_rgba(values, scale)
    colours, alpha = rgba[:, :3], rgba[:, 3]
    rows = round(LEGEND_HEIGHT / (width / LEGEND_STEPS))
    strip = PixelGrid(rgba_image(np.tile(colours, (rows, 1)), np.tile(alpha, rows), shape=(rows, LEGEND_STEPS)),
                      side=width, frame=True)
    names = VGroup(label(words[0], color=style.NEGATIVE_WEIGHT_COLOR),
                   label(words[1], color=style.POSITIVE_WEIGHT_COLOR))
    for name, edge in zip(names, (LEFT, RIGHT)):
        name.next_to(strip, DOWN, buff=style.LABEL_BUFF).align_to(strip, edge)
    title = label_next_to(strip, words[2], UP)
    return Group(strip, names, title)


def spaced(equation: WeightedSum) -> WeightedSum:
    """The equation with a little more room round its bias, so a box round the sum and one round the
    bias (and σ's parentheses) do not touch."""
    for part, role in zip(equation.submobjects, equation.roles):
        if role in ("bias_sign", "bias"):
            part.shift(RIGHT * BOX_ROOM)
        elif role == "close":
            part.shift(RIGHT * 2 * BOX_ROOM)
        elif role in ("sigma", "open"):
            part.shift(LEFT * BOX_ROOM)
    return equation


# --- the state of each part ------------------------------------------------------------------
@dataclass
class Wiring:
    """Part one: the diagram reduced to one neuron, its connections and the labels on them."""

    diagram: NetworkDiagram
    neuron: VMobject
    incoming: VGroup
    marker: VMobject  # the ring round the neuron
    labels: VGroup = field(default_factory=VGroup)


@dataclass
class Bench:
    """Part two: a weight grid, a real digit with the weights laid over it, and their sum."""

    grid: WeightGrid
    grid_label: Text
    title: Text
    example: DigitImage
    example_label: Text
    overlay: WeightGrid
    aside: Group  # right of the digit: pixel × weight, before the sums come
    words: dict[str, Text] = field(default_factory=dict)  # the sums' names, by row: "bar", "rim", "sum"
    numbers: dict[str, MathTex] = field(default_factory=dict)  # ... and their values
    rule: VMobject = field(default_factory=VMobject)  # the line above the total (and any box on a row)


@dataclass
class Curve:
    """Parts three and four: the sigmoid's plot, its notes and the slid curve of the bias."""

    plot: FunctionPlot
    notes: VGroup
    shifted: VMobject | None = None
    shifted_label: MathTex | None = None


class EdgeDetection(NarratedScene):
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
        with self.beat("the-question", digit=self.digit.label) as beat:
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
        with self.beat("one-neuron") as beat:
            d = wiring.diagram
            kept = {id(e) for e in wiring.incoming}
            rest = VGroup(*(e for e in d.edges[0] if id(e) not in kept), d.edges[1], d.edges[2],
                          *(c for c in d.neurons[1] if c is not wiring.neuron), d.neurons[2], d.neurons[3],
                          d.output_labels)
            self.play(*fade_out(rest), run_time=style.RUN_TIME)
            # the neuron slides right: its connections fan out, with room for their labels
            target = np.array([NEURON_X, wiring.neuron.get_y(), 0.0])
            fanned = [Line(source.get_center(), target, buff=d.neuron_radius).match_style(edge)
                      for source, edge in zip(d.neurons[0], wiring.incoming)]
            self.play(wiring.neuron.animate.move_to(target), wiring.marker.animate.move_to(target),
                      *(Transform(edge, line) for edge, line in zip(wiring.incoming, fanned)), run_time=style.RUN_TIME)
            beat.wait_until(2)  # "each of them holds one pixel of our digit"
            lights = [circle.animate.set_fill(opacity=float(self.pixels[i]))
                      for circle, i in zip(d.neurons[0], d.drawn_indices(0))]
            self.play(*lights, run_time=style.RUN_TIME)

    def weights(self, wiring: Wiring) -> None:
        with self.beat("weights") as beat:
            d = wiring.diagram
            inputs = d.neurons[0]
            real = self.net.weights[0][NEURON][d.drawn_indices(0)]  # the weight on each drawn connection
            largest = float(np.max(np.abs(real)))
            w_labels, a_labels = VGroup(), VGroup()
            for n, k in enumerate(LABELLED_INPUTS):
                last = n == len(LABELLED_INPUTS) - 1
                sub = "n" if last else str(n + 1)
                color, _ = signed_stroke(float(real[k]), largest)  # the label shows its weight's sign too
                w = MathTex(f"w_{sub}", font_size=style.FONT_SIZE_BODY, color=color)
                w.add_background_rectangle(color=style.BACKGROUND, opacity=1.0)
                edge = wiring.incoming[k]
                if last:  # below the lowest connection, clear of the bundle
                    w.next_to(edge.point_from_proportion(WN_LABEL_AT), DR, buff=0.04)
                else:
                    w.move_to(edge.point_from_proportion(W_LABEL_AT[n]))
                a = MathTex(f"a_{sub}", font_size=style.FONT_SIZE_LABEL).next_to(inputs[k], LEFT, buff=style.LABEL_BUFF)
                w_labels.add(w)
                a_labels.add(a)
            self.play(FadeOut(d.braces[0]), LaggedStart(*(FadeIn(m) for m in a_labels), lag_ratio=style.LAG_RATIO),
                      run_time=style.RUN_TIME)
            beat.wait_until(1)
            strokes = [signed_stroke(float(w), largest) for w in real]
            self.play(*(edge.animate.set_stroke(color, width, opacity=1.0)
                        for edge, (color, width) in zip(wiring.incoming, strokes)),
                      LaggedStart(*(FadeIn(m) for m in w_labels), lag_ratio=style.LAG_RATIO), run_time=style.RUN_TIME)
            wiring.labels = VGroup(w_labels, a_labels)

    def weighted_sum(self, wiring: Wiring) -> None:
        with self.beat("weighted-sum"):
            w_labels, a_labels = wiring.labels
            terms: list = [(f"w_{s}", f"a_{s}") for s in ("1", "2", "3")] + [None, ("w_n", "a_n")]
            self.equation = WeightedSum(terms)
            right = config.frame_width / 2 - style.FRAME_MARGIN  # right-aligned, below the fanned connections
            self.equation.move_to([right - self.equation.width / 2, EQUATION_Y, 0])
            eq = self.equation
            self.play(*(TransformFromCopy(src[1], dst) for src, dst in zip(w_labels, eq.weights)),  # [1]: not the backdrop
                      *(TransformFromCopy(src, dst) for src, dst in zip(a_labels, eq.activations)),
                      FadeIn(VGroup(*eq.plus_signs, *eq.dots)), run_time=style.RUN_TIME * 1.5)

    def weights_as_grid(self, wiring: Wiring) -> Bench:
        with self.beat("weights-as-grid") as beat:
            d = wiring.diagram
            remnant = VGroup(d.neurons[0], d.ellipses[0], wiring.incoming, wiring.neuron, wiring.labels, wiring.marker)
            real = self.net.weights[0][NEURON]
            scale = float(np.percentile(np.abs(real), REAL_GRID_PERCENTILE))
            example = DigitImage(self.pixels, side=GRID_SIDE).move_to(IMAGE_CENTER)
            example_label = label_next_to(example, self.digit.tag)
            # our digit comes to the middle, big; its neuron's weights appear beside it, as a picture too
            self.play(Conceal(self.region), FadeOut(remnant), self.equation.animate.to_edge(UP, buff=style.FRAME_MARGIN)
                      .set_x(0), self.image.animate.scale(GRID_SIDE / self.image.side_length).move_to(example),
                      self.image_label.animate.move_to(example_label), run_time=style.RUN_TIME)
            self.remove(d)
            example = self.image
            grid = WeightGrid(real, side=GRID_SIDE, frame=True, scale=scale).move_to(GRID_CENTER)
            grid_label = label_next_to(grid, self.text("weights_per_pixel"))
            self.play(Reveal(grid, grid_label), run_time=style.RUN_TIME)
            beat.wait_until(1)  # green positive, red negative, brighter bigger
            words = (self.text("negative"), self.text("positive"), self.text("one_square"))
            legend = weight_legend(scale, words).move_to(RIGHT_CENTER)
            self.play(Reveal(legend), run_time=style.RUN_TIME)
            beat.wait_until(2)  # the real weights of this neuron
            title = label_next_to(grid, self.text("our_neuron", n=NEURON), UP)
            trained = label_next_to(grid, self.text("trained_weights"))
            self.play(Reveal(title), Swap(grid_label, trained), run_time=style.RUN_TIME)
            beat.wait_until(3)  # bright pixels on green push the sum up, on red down
            overlay = WeightGrid(real, side=GRID_SIDE, scale=scale).move_to(grid)
            product = real * self.pixels  # drawn brighter than the weights: most of them are small under the ink
            products = WeightGrid(product, side=GRID_SIDE, frame=True,
                                  scale=float(np.percentile(np.abs(product[self.pixels > 0]), PRODUCT_PERCENTILE)))
            products.move_to(RIGHT_CENTER)
            products_label = label_next_to(products, self.text("pixel_times_weight"))
            self.play(overlay.animate.overlay_on(example), run_time=style.RUN_TIME)
            self.play(Conceal(legend), run_time=style.SHORT_RUN_TIME)
            self.play(Reveal(products, products_label), run_time=style.RUN_TIME)
        return Bench(grid, trained, title, example, self.image_label, overlay, Group(products, products_label))

    # --- part two: a made-up pattern on a real digit --------------------------------------------
    def bar(self, bench: Bench) -> None:
        bar_sum = weighted_sum(bar_weights(), self.pixels)
        with self.beat("bar", bar_sum=bar_sum) as beat:
            title = label_next_to(bench.grid, self.text("made_up_pattern"), UP, color=style.ALT_ACCENT)
            self.play(Conceal(bench.aside), Swap(bench.title, title), run_time=style.RUN_TIME)
            bench.title = title
            beat.wait_until(1)
            grid_label = label_next_to(bench.grid, self.text("bar_rest"))
            self.play(Transform(bench.grid, bench.grid.copy().set_weights(bar_weights())),
                      Transform(bench.overlay, bench.overlay.copy().set_weights(bar_weights())),
                      Swap(bench.grid_label, grid_label), run_time=style.RUN_TIME)
            bench.grid_label = grid_label
            beat.wait_until(2)
            bench.words["sum"] = self.readout_words(2, self.text("weighted_sum"))
            bench.numbers["sum"] = self.readout_number(2, "bar sum", bar_sum)
            self.play(Reveal(bench.words["sum"], bench.numbers["sum"]), run_time=style.RUN_TIME)

    def edge_detector(self, bench: Bench) -> None:
        parts = edge_parts(self.pixels)
        with self.beat("edge-detector", edge_sum=parts["sum"]) as beat:
            grid_label = label_next_to(bench.grid, self.text("bar_rim"))
            # the sum so far is now only the bar's share: it moves up to the bar's row
            bench.words["bar"] = self.readout_words(0, self.text("bar_part"))
            bar_number = self.readout_number(0, "bar part", parts["bar"])
            self.play(Transform(bench.grid, bench.grid.copy().set_weights(edge_weights())),
                      Transform(bench.overlay, bench.overlay.copy().set_weights(edge_weights())),
                      Swap(bench.grid_label, grid_label), Swap(bench.words["sum"], bench.words["bar"]),
                      ReplacementTransform(bench.numbers["sum"], bar_number), run_time=style.RUN_TIME)
            bench.grid_label, bench.numbers["bar"] = grid_label, bar_number
            beat.wait_until(1)  # the total peaks when the bar is bright and its neighbours dark
            bench.words["rim"] = self.readout_words(1, self.text("rim_part"))
            bench.numbers["rim"] = self.readout_number(1, "rim part", parts["rim"])
            self.play(Reveal(bench.words["rim"], bench.numbers["rim"]), run_time=style.RUN_TIME)
            beat.wait_until(2)
            bench.words["sum"] = self.readout_words(2, self.text("weighted_sum"))
            bench.numbers["sum"] = self.readout_number(2, "edge sum", parts["sum"])
            y = (READOUT_YS[1] + READOUT_YS[2]) / 2
            bench.rule = Line([READOUT_LEFT, y, 0], [READOUT_RIGHT, y, 0]).set_stroke(style.SECONDARY, style.EDGE_WIDTH)
            self.play(Reveal(bench.rule, bench.words["sum"], bench.numbers["sum"]), run_time=style.RUN_TIME)

    def other_digits(self, bench: Bench) -> None:
        parts = {index: edge_parts(nn.test_image(index)[0]) for index in (ONE_INDEX, WEAK_INDEX)}
        with self.beat("other-digits", one_sum=parts[ONE_INDEX]["sum"], nine_sum=parts[WEAK_INDEX]["sum"]) as beat:
            for sentence, index in enumerate((ONE_INDEX, WEAK_INDEX), start=1):
                beat.wait_until(sentence)
                self.show_digit(bench, index, parts[index])
            beat.wait_until(3)  # their strokes also cover the rows above and below: those pull the sum down
            bench.rule = VGroup(bench.rule, highlight_box(VGroup(bench.words["rim"], bench.numbers["rim"])))
            self.play(Create(bench.rule[1]), run_time=style.RUN_TIME)

    def squish(self, bench: Bench) -> None:
        with self.beat("squish") as beat:
            self.play(Conceal(bench.grid, bench.grid_label, bench.title, bench.example, bench.example_label,
                              bench.overlay, bench.rule, *bench.words.values(), *bench.numbers.values()),
                      run_time=style.RUN_TIME)
            lo, hi = float(SQUISH_SUMS[0]), float(SQUISH_SUMS[-1])
            # numbers above the line of sums: the dots leave it downwards without crossing them
            sums_line = NumberLine(x_range=[lo, hi, 2], length=NUMBER_LINE_LENGTH, include_numbers=True,
                                   label_direction=UP, font_size=style.FONT_SIZE_LABEL, color=style.SECONDARY)
            sums_line.move_to(UP * SUMS_LINE_Y)
            unit_line = NumberLine(x_range=[0, 1, 0.1], length=UNIT_LINE_LENGTH, color=style.SECONDARY)
            unit_line.add_numbers([0, 0.5, 1], font_size=style.FONT_SIZE_LABEL, num_decimal_places=1)
            unit_line.move_to(UP * ACTIVATION_LINE_Y)
            sums_title = label_next_to(sums_line, self.text("possible_sums"), UP, buff=style.LABEL_BUFF * 2)
            sums_title.align_to(sums_line, LEFT)
            unit_title = label_next_to(unit_line, self.text("only_0_to_1"), DOWN, buff=style.LABEL_BUFF * 4)
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
            self.number_lines = VGroup(sums_line, unit_line, sums_title, unit_title, squeezed, paths)
            self.sum_dots = dots

    # --- part three: the sigmoid ----------------------------------------------------------------
    def sigmoid(self) -> Curve:
        with self.beat("sigmoid") as beat:
            x_range = plot_x_range([self.edge_sum, self.weak_sum])
            plot = sigmoid_plot(x_range, x_length=PLOT_X_LENGTH, y_length=PLOT_Y_LENGTH,
                                x_numbers=[x for x in np.arange(x_range[0], x_range[1] + 1, x_range[2])
                                           if x % (2 * x_range[2]) == 0]).move_to(PLOT_CENTER)
            wrapped = WeightedSum(self.equation.terms, sigma=True)
            # the squeeze as a curve: each sum keeps its place across, and rises to its squeezed value
            self.play(*fade_out(self.number_lines), self.equation.morph_into(wrapped), run_time=style.RUN_TIME)
            self.play(FadeIn(plot.axes), *(dot.animate.move_to(plot.point(float(s))).set_color(style.SIGMA_COLOR)
                                           for dot, s in zip(self.sum_dots, SQUISH_SUMS)), run_time=style.RUN_TIME * 1.5)
            self.equation = wrapped
            self.play(Create(plot.graph), FadeIn(plot.label), run_time=style.RUN_TIME * 1.5)
            self.play(*fade_out(self.sum_dots), run_time=style.SHORT_RUN_TIME)
            axes = plot.axes
            low = Text(self.text("very_negative"), font_size=style.FONT_SIZE_SMALL, color=style.SECONDARY)
            low.move_to(axes.c2p(axes.x_range[0] * NOTE_X, NOTE_Y_LOW))
            high = Text(self.text("very_positive"), font_size=style.FONT_SIZE_SMALL, color=style.SECONDARY)
            high.move_to(axes.c2p(axes.x_range[1] * NOTE_X, NOTE_Y_HIGH))
            beat.wait_until(1)
            self.play(FadeIn(low), FadeIn(high), run_time=style.RUN_TIME)
        return Curve(plot, VGroup(low, high))

    def bias(self, curve: Curve) -> None:
        with self.beat("bias") as beat:
            self.play(FadeOut(curve.notes), run_time=style.SHORT_RUN_TIME)
            biased = spaced(WeightedSum(self.equation.terms, sigma=True, bias=f"{BIAS_EXAMPLE:g}"))
            beat.wait_until(1)
            self.play(self.equation.morph_into(biased), run_time=style.RUN_TIME)
            self.equation = biased
            axes = curve.plot.axes
            width = curve.plot.graph.get_stroke_width()

            def slid(t: float) -> VMobject:  # t from 0 (the plain curve, yellow) to 1 (moved by the bias, blue)
                return axes.plot(lambda x: float(nn.sigmoid(x + BIAS_EXAMPLE * t)), stroke_width=width,
                                 color=interpolate_color(style.SIGMA_COLOR, style.B_COLOR, t))

            curve.shifted = slid(0.0)
            curve.shifted_label = MathTex(r"\sigma", rf"(x - {abs(BIAS_EXAMPLE):g})", font_size=style.FONT_SIZE_BODY)
            curve.shifted_label.set_color(style.B_COLOR)
            curve.shifted_label[0].set_color(style.SIGMA_COLOR)
            curve.shifted_label.next_to(curve.plot.label, DOWN, buff=style.LABEL_BUFF, aligned_edge=LEFT)  # a legend
            self.add(curve.shifted)
            # a copy of the curve slides right by the bias, staying a sigmoid all the way
            self.play(UpdateFromAlphaFunc(curve.shifted, lambda m, a: m.become(slid(smooth(a)))),
                      FadeIn(curve.shifted_label), run_time=style.RUN_TIME * 1.5)
            beat.wait_until(2)
            self.bias_tag = tag(self.equation.bias, self.text("bias"), style.B_COLOR)
            self.play(Create(self.bias_tag[0]), FadeIn(self.bias_tag[1]), run_time=style.RUN_TIME)

    def with_and_without(self, curve: Curve) -> Group:
        plain, biased = float(nn.sigmoid(self.edge_sum)), float(nn.sigmoid(self.edge_sum + BIAS_EXAMPLE))
        weak_plain, weak_biased = float(nn.sigmoid(self.weak_sum)), float(nn.sigmoid(self.weak_sum + BIAS_EXAMPLE))
        values = {"edge_sum": self.edge_sum, "plain": plain, "biased": biased,
                  "weak_sum": self.weak_sum, "weak_plain": weak_plain, "weak_biased": weak_biased}
        with self.beat("with-and-without", **values) as beat:
            header = [VGroup(), label(self.text("sum")), label(self.text("no_bias")),
                      label(self.text("bias_of", bias=BIAS_EXAMPLE).replace("-", "−"), color=style.B_COLOR)]
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
            pattern = tag(VGroup(*self.equation.body()), self.text("which_pattern"), style.W_COLOR)
            pattern[1].align_to(pattern[0], LEFT)  # clear of the bias's words, centred under the bias's box
            bias_box, bias_word = self.bias_tag
            self.play(Create(pattern[0]), FadeIn(pattern[1]), run_time=style.RUN_TIME)
            beat.wait_until(1)
            threshold = label_next_to(bias_box, self.text("how_big"), color=style.B_COLOR)
            self.play(Swap(bias_word, threshold), run_time=style.RUN_TIME)
            self.bias_tag = VGroup(pattern, bias_box, threshold)

    # --- part four: the real neuron ---------------------------------------------------------------
    def real_neuron(self, curve: Curve, table: Group) -> None:
        w, b = self.net.weights[0][NEURON], float(self.net.biases[0][NEURON])
        dot = weighted_sum(w, self.pixels)
        activation = float(self.net.activations(self.pixels)[1][NEURON])
        with self.beat("real-neuron", bias=b, activation=activation) as beat:
            self.play(Conceal(curve.plot, curve.shifted, curve.shifted_label, table, self.marks, self.bias_tag),
                      self.equation.morph_into(WeightedSum(self.equation.terms, sigma=True, bias="+ b")),
                      run_time=style.RUN_TIME)
            grid = WeightGrid(w, side=GRID_SIDE, frame=True, scale=float(np.percentile(np.abs(w), REAL_GRID_PERCENTILE)))
            grid_label = label_next_to(grid, self.text("trained_weights"))
            title = label_next_to(grid, self.text("our_neuron", n=NEURON), UP)
            image = DigitImage(self.pixels, side=GRID_SIDE)
            image_label = label_next_to(image, self.digit.tag)
            bias_line = VGroup(MathTex("b", "=", font_size=style.FONT_SIZE_BODY), self.show_number("real bias", b))
            bias_line[0][0].set_color(style.B_COLOR)
            sign = "+" if b >= 0 else "-"
            formula = MathTex(r"\sigma", rf"({fmt(dot)} {sign} {fmt(abs(b))}) =", font_size=style.FONT_SIZE_BODY)
            formula[0].set_color(style.SIGMA_COLOR)
            self.shown["real weighted sum"] = formula
            act_line = VGroup(formula, self.show_number("real activation", activation),
                              neuron(activation, SIDE_NEURON_RADIUS))
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

    def readout_number(self, row: int, name: str, value: float) -> MathTex:
        """A sum right of the digit, right-aligned in its row (0 bar, 1 above and below, 2 the total)."""
        number = self.show_number(name, value, style.FONT_SIZE_HEADING if row == 2 else style.FONT_SIZE_BODY)
        return number.move_to([READOUT_RIGHT - number.width / 2, READOUT_YS[row], 0])

    @staticmethod
    def readout_words(row: int, words: str) -> Text:
        """The name of a sum, left-aligned in its row."""
        text = label(words, color=style.TEXT_COLOR if row == 2 else style.SECONDARY)
        return text.move_to([READOUT_LEFT + text.width / 2, READOUT_YS[row], 0])

    def show_digit(self, bench: Bench, index: int, parts: dict[str, float]) -> None:
        """The bench's digit becomes MNIST test image ``index`` (pixels blended, its label swapped) and,
        in the same moment, the sums become its own: never one digit with another's numbers."""
        digit = mnist_input(index)
        label = label_next_to(bench.example, digit.tag)
        names = {"bar": f"bar part #{index}", "rim": f"rim part #{index}", "sum": f"edge sum #{index}"}
        numbers = {key: self.readout_number(row, names[key], parts[key]) for row, key in enumerate(names)}
        self.play(bench.example.animate.set_pixels(digit.pixels), Swap(bench.example_label, label),
                  *(Swap(bench.numbers[key], numbers[key]) for key in numbers), run_time=style.RUN_TIME)
        bench.example_label = label
        bench.numbers.update(numbers)

    @staticmethod
    def bar_region(image: DigitImage) -> Rectangle:
        """A yellow outline on ``image`` round the bar the made-up weights will look at."""
        (r0, r1), (c0, c1) = BAR_ROWS, BAR_COLS
        side = image.pixel_side
        corner = image.cell_center(r0, c0) + np.array([-side / 2, side / 2, 0])
        box = Rectangle(width=(c1 - c0) * side, height=(r1 - r0) * side)
        box.move_to(corner + np.array([(c1 - c0) * side / 2, -(r1 - r0) * side / 2, 0]))
        return box.set_stroke(style.HIGHLIGHT_COLOR, style.HIGHLIGHT_WIDTH).set_fill(opacity=0)

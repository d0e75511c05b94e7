"""Chapter 6 (narration 8:38), "Edge detection example": one neuron's weighted sum, σ and bias.

Beats (storyboard), in four parts, each with its own small state object:

- One neuron (``Wiring``): the question: a flash from the inputs to the first hidden layer, our
  digit, neuron 0 ringed and the region of the 7 in question (the rest of the digit dims), its
  connections lit as the knobs; everything fades but that neuron and its incoming connections,
  which fan out as it slides right; a flash runs along all of them (784 in all); the drawn
  pixels fly from the digit into their input neurons. The picture zooms to four connections
  (a₁, a₂, a₃, ⋮, a₇₈₄), each named wᵢ clear of its line; each takes its real weight's sign and
  size (green +, red −, width |w|), its name that colour, and its value is written beside the
  neuron. The weighted sum w₁a₁ + ⋯ + w₇₈₄a₇₈₄ is BUILT from them (``build_weighted_sum``: the
  names of each weight and activation move into their term as it is said), then shown big and
  named. The weights as a 28×28 grid beside our digit (the neuron's real trained weights), a
  colour legend, the weights laid over the digit and the products pixel × weight.
- A made-up pattern (``Bench``): a positive bar laid over our 7; the bar and the rows around it
  are cut out of the digit and zoomed beside it, and the bar's pixels fly into their sum; negative
  weights on the rows above and below (boxed red on the zoom): their pixels fly into the rim's
  share, and every weighted pixel into the total; the same weights on a 1 and a 9 (both shares
  and the total worked out again, the 9's rim pulling its sum down).
- Squishing (``Curve``): a line of sums; the stretch [0, 1] of it grows into the band of
  activations; the sums squeezed into it rise onto the sigmoid, drawn big, whose tails and middle
  are pointed at as they are read.
- The bias: the threshold line moves from 0 to 10, σ(sum − 10), the curve sliding right and the
  −10 that moved it, boxed and named; the curves step aside for a table of our 7 and the weak 9
  with and without it, each value a point on its curve; the formula big and alone, with what the
  weights decide (a template) and what the bias decides (the threshold); then our network's real
  neuron 0 on our 7 (its weights first big, alone), and every neuron's own weights and bias.

Every weight wᵢ, in the formula as on its connection, is drawn in the colour of its sign.
The bar and its surround are ILLUSTRATIVE weights the scene builds (and says so on screen);
every other number is the trained network's or a genuine computation on a real digit.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from manim import (
    BLACK,
    DOWN,
    LEFT,
    RIGHT,
    UL,
    UP,
    WHITE,
    Animation,
    AnimationGroup,
    Arrow,
    Brace,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    Group,
    GrowArrow,
    LaggedStart,
    Line,
    ManimColor,
    MathTex,
    Mobject,
    NumberLine,
    Rectangle,
    ReplacementTransform,
    Square,
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
    FunctionPlot,
    NetworkDiagram,
    PixelGrid,
    WeightedSum,
    WeightGrid,
    build_weighted_sum,
    edge_flash,
    function_plot,
    highlight_box,
    label,
    label_next_to,
    lit_edges,
    neuron,
    ring,
    sigma_formula,
    style,
    tag,
    wrapped_label,
)
from scenes.components.pixel_grid import rgba_image
from scenes.components.transitions import (
    Conceal,
    Cover,
    FadeToBlack,
    Reveal,
    Swap,
    fade_in,
    fade_out,
    remove_with_parts,
)
from scenes.content.digit_input import chosen_input, mnist_input
from scenes.runtime.narrated_scene import BeatClock, NarratedScene

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
MOVE = 0.6  # seconds most moves of this chapter take (short: every animated frame costs render time) ...
FADE = 0.4  # ... and a fade, a reveal or a box
INTO = 0.4  # a sentence's picture comes this long after the sentence begins
FLASH_TIME = 0.8  # a flash along connections
BUILD_TIME = 1.5  # the weighted sum built term by term, at most this long
NEURON_X = 3.4  # the one neuron slides right, so its connections fan out
DIM = 0.15  # the digit outside the region in question is dimmed to this share of its brightness
REGION_AT = 0.7  # "... in this small region": this far into the sentence
OTHER_PATTERN_AT = 0.5  # "... any other pattern": this far into the sentence
PULL_DOWN_AT = 0.6  # "... and those negative weights pull the sum down": this far into the sentence
#: the connections that get names, by drawn position (w₁, w₂, w₃ … w₇₈₄), and where they move when the
#: picture zooms to them: their input neurons spread out, the ⋮ between, the neuron to the right
LABELLED_INPUTS = (0, 1, 2, 15)
TERM_NAMES = ("1", "2", "3", "784")
FOCUS_INPUT_YS = (3.2, 2.1, 1.0, -1.2)
FOCUS_DOTS_Y = -0.1
FOCUS_NEURON = RIGHT * 3.6 + UP * 1.0
W_LABEL_AT = 0.3  # a weight's name sits this far along its connection, above it (wₙ: below it)
W_LABEL_BUFF = 0.12
VALUES_BUFF, VALUES_GAP = 0.6, 0.3  # the weights' values, in a column right of the neuron
SIGNED_EDGE_WIDTHS = (1.2, 5.0)  # the neuron's connections: width from w = 0 to its largest |w|
EQUATION_FONT = 40
EQUATION_BUILT_AT = DOWN * 1.95  # the weighted sum is built here, big, under the connections ...
EQUATION_ZOOM = 1.3  # ... this much bigger than where it stays (at the top) ...
GRID_SIDE = 3.0
GRID_CENTER = LEFT * 4.3 + DOWN * 0.3
IMAGE_CENTER = DOWN * 0.3
RIGHT_CENTER = RIGHT * 4.4 + DOWN * 0.3  # the legend, then pixel × weight
LEGEND_STEPS = 15  # squares in the colour legend, from the most negative weight to the most positive
LEGEND_HEIGHT = 0.45
#: the bar and the rows around it, cut out of the digit and shown big (a zoom) right of it
CROP_WIDTH = 4.0
CROP_CENTER = RIGHT * 4.45 + UP * 1.3
CELL_FLIGHT_SCALE = 0.3  # pixels flying into a sum shrink to this ...
GATHER_LAG = 0.5  # ... and the last sets off this share of the flight after the first; the sum shows
GATHER_SHOWN_FROM = 0.75  # from this share of the flight on
READOUT_LEFT, READOUT_RIGHT = 2.1, 6.75  # the sums, under the zoom: labels start here, numbers end here
READOUT_YS = (-0.6, -1.25, -2.15)  # rows: bar, above-and-below, weighted sum
NUMBER_LINE_LENGTH = 11.0
UNIT_LINE_LENGTH = 3.0  # the narrow band [0, 1]
UNIT_BAND_HEIGHT = 0.5
SUMS_LINE_Y = 1.2
ACTIVATION_LINE_Y = -1.2
SQUISH_DOT_RADIUS = 0.06
PATH_OPACITY = 0.5  # the sum → activation paths
PLOT_CENTER = RIGHT * 0.3 + UP * 0.05  # the sigmoid, big, while it is read ...
PLOT_X_LENGTH = 10.5
PLOT_Y_LENGTH = 4.0
PLOT_NUMBER_FONT = 44  # (tick numbers stay legible when the plot shrinks)
PLOT_SIDE_SCALE = 0.66  # ... and smaller, on the left, beside the table of the bias
PLOT_SIDE_LEFT = -6.7
SIGMA_LABEL_FONT = 48  # σ(x) = 1 / (1 + e^(−x)), its superscript legible
PLOT_MARGIN = 4  # the sigmoid reaches this far past the bias's threshold (and 1 past every sum shown)
TAIL = 4  # the tails of the curve read in the sigmoid beat: |x| beyond this
ZONE_OPACITY = 0.16
BOX_ROOM = 0.12  # extra space either side of the bias in the equation, so its box and the sum's box stay apart
TABLE_CENTER = RIGHT * 3.75 + DOWN * 0.2
TABLE_BUFF = (0.25, 0.4)  # between columns, rows
HEADER_WIDTH = 1.8  # a column's heading wraps past this ("без смещения"), so the table keeps its size
THUMB_SIDE = 1.1  # digits as row labels
SIDE_NEURON_RADIUS = 0.28  # the little neurons that show an activation as fill
EQUATION_READ_AT = UP * 1.6  # the sum and its bias, big and alone, when what each decides is said
EQUATION_READ_ZOOM = 1.3
TEMPLATE_SIDE = 2.0
THRESHOLD_PLOT = (3.6, 1.5)  # the little picture of the threshold under the bias (x length, y length)
REAL_GRID_BIG = 4.0  # our neuron's trained weights, when they are named
BIAS_STROKE_WIDTH = 4.0  # a neuron outlined blue: its own bias


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


CROP_ROWS = (BAR_ROWS[0] - SURROUND_ROWS, BAR_ROWS[1] + SURROUND_ROWS)  # the bar and the rows around it ...
CROP_COLS = BAR_COLS  # ... across the bar's columns
CROP_SHAPE = (CROP_ROWS[1] - CROP_ROWS[0], CROP_COLS[1] - CROP_COLS[0])


def crop(values: np.ndarray) -> np.ndarray:
    """The block of a 784-vector (pixels or weights) under the bar and its rows above and below, (6, 8)."""
    (r0, r1), (c0, c1) = CROP_ROWS, CROP_COLS
    return np.asarray(values, dtype=float).reshape(SIDE, SIDE)[r0:r1, c0:c1]


def crop_cells(weights: np.ndarray, sign: float) -> list[tuple[int, int]]:
    """(row, col) in the crop of every square whose weight has this sign (+1: the bar, −1: the rim)."""
    rows, cols = np.nonzero(np.sign(crop(weights)) == sign)
    return list(zip(rows.tolist(), cols.tolist()))


def beside_line(mob: VMobject, line: Line, at: float, side: float = 1.0, buff: float = W_LABEL_BUFF) -> VMobject:
    """Put ``mob`` next to ``line``, ``at`` this share of the way along it, on its upper (``side`` = 1) or
    lower (−1) side, its bounding box clear of the line by ``buff``."""
    start, end = line.get_start(), line.get_end()
    direction = (end - start) / np.linalg.norm(end - start)
    normal = np.array([-direction[1], direction[0], 0.0]) * side
    if normal[1] * side < 0:
        normal = -normal
    reach = mob.height / 2 * abs(normal[1]) + mob.width / 2 * abs(normal[0]) + buff
    return mob.move_to(line.point_from_proportion(at) + normal * reach)


def wait_into(beat: BeatClock, sentence: int, share: float) -> None:
    """Hold until ``share`` of sentence ``sentence`` has been spoken (for a word said mid-sentence)."""
    spans = beat.speech.spans
    if not spans:
        return
    start, end = spans[min(sentence, len(spans) - 1)]
    left = start + share * (end - start) - beat.elapsed
    if left >= 1 / config.frame_rate:
        beat.scene.wait(left)


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
    """Part one: the diagram reduced to one neuron, its connections and the names on them."""

    diagram: NetworkDiagram
    neuron: VMobject
    incoming: VGroup
    marker: VMobject  # the ring round the neuron
    knobs: VMobject = field(default_factory=VMobject)  # its connections lit, as the question is asked
    labels: VGroup = field(default_factory=VGroup)  # VGroup(w names, a names)
    kept: VGroup = field(default_factory=VGroup)  # what is left of the diagram once the picture zooms in


@dataclass
class Bench:
    """Part two: a weight grid, a real digit with the weights laid over it, the zoom on the bar, and the sums."""

    grid: WeightGrid
    grid_label: Text
    title: Text
    example: DigitImage
    example_label: Text
    overlay: WeightGrid
    aside: Group  # right of the digit: pixel × weight, before the sums come
    zoom: DigitImage | None = None  # the bar and its rows, cut out of the digit and shown big
    marks: VGroup = field(default_factory=VGroup)  # boxes on the zoom: the bar, the rows around it
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
    extras: VGroup = field(default_factory=VGroup)  # the threshold line and the bias's arrow


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
        #: the real weight behind each written term w₁, w₂, w₃, w₇₈₄ (their colours follow their signs)
        self.term_weights: list[float] = []

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
        self.pattern_and_threshold(curve, table)
        self.real_neuron()
        self.every_neuron()
        self.play(FadeToBlack(run_time=style.RUN_TIME))

    # --- part one: one neuron ------------------------------------------------------------------
    def the_question(self) -> Wiring:
        with self.beat("the-question", digit=self.digit.label) as beat:
            diagram = NetworkDiagram(self.net)
            self.play(Reveal(diagram), run_time=MOVE)
            # "how do one layer's activations decide those of the next?": from the inputs to the first hidden layer
            self.play(edge_flash(diagram.edges[0]), run_time=FADE * 1.5)
            self.into(beat, 1)  # "... with a seven as our example"
            self.image = DigitImage(self.pixels).to_corner(style.IMAGE_CORNER, buff=style.FRAME_MARGIN)
            self.image_label = label_next_to(self.image, self.digit.tag)
            self.play(Reveal(self.image, self.image_label), run_time=FADE)
            wiring = Wiring(diagram, diagram.neuron(1, NEURON), diagram.incoming_edges(1, NEURON),
                            ring(diagram.neuron(1, NEURON)))
            self.into(beat, 2)  # "this neuron ..."
            self.play(Create(wiring.marker), run_time=FADE)
            wait_into(beat, 2, REGION_AT)  # "... in this small region": the rest of the digit dims
            self.region = self.bar_region(self.image)
            self.play(Create(self.region), self.image.animate.set_pixels(self.pixels * self.region_mask()),
                      run_time=MOVE)
            self.into(beat, 3)  # "what knobs and dials would it need": its connections
            wiring.knobs = lit_edges(wiring.incoming, width=style.HIGHLIGHT_WIDTH)
            self.play(*fade_in(wiring.knobs), run_time=FADE)
            wait_into(beat, 3, OTHER_PATTERN_AT)  # "... any other pattern": the whole digit again
            self.play(self.image.animate.set_pixels(self.pixels), run_time=FADE)
        return wiring

    def one_neuron(self, wiring: Wiring) -> None:
        with self.beat("one-neuron") as beat:
            d = wiring.diagram
            kept = {id(e) for e in wiring.incoming}
            rest = VGroup(*(e for e in d.edges[0] if id(e) not in kept), d.edges[1], d.edges[2],
                          *(c for c in d.neurons[1] if c is not wiring.neuron), d.neurons[2], d.neurons[3],
                          d.output_labels)
            self.cover_all_but(VGroup(rest, wiring.knobs), [*wiring.incoming, *d.neurons[0], d.braces[0],
                                                             d.ellipses[0], wiring.neuron, wiring.marker])
            # the neuron slides right: its connections fan out
            target = np.array([NEURON_X, wiring.neuron.get_y(), 0.0])
            fanned = [Line(source.get_center(), target, buff=d.neuron_radius).match_style(edge)
                      for source, edge in zip(d.neurons[0], wiring.incoming)]
            self.play(wiring.neuron.animate.move_to(target), wiring.marker.animate.move_to(target),
                      *(Transform(edge, line) for edge, line in zip(wiring.incoming, fanned)), run_time=MOVE)
            self.into(beat, 1)  # "it connects to every neuron of the input layer, 784 in all"
            brace, count = d.braces[0]
            self.play(edge_flash(wiring.incoming), brace.animate.set_color(style.HIGHLIGHT_COLOR),
                      count.animate.set_color(style.HIGHLIGHT_COLOR), run_time=FLASH_TIME)
            self.into(beat, 2)  # "each of them holds one pixel of our digit": the pixels fly into their neurons
            inputs = d.neurons[0]
            side = self.image.pixel_side
            pixels = VGroup()
            for index in d.drawn_indices(0):
                value = float(self.pixels[index])
                square = Square(side_length=side).move_to(self.image.cell_center(*divmod(index, SIDE)))
                square.set_fill(interpolate_color(BLACK, WHITE, value), 1.0).set_stroke(style.HIGHLIGHT_COLOR, 2)
                pixels.add(square)
            starts = [square.get_center() for square in pixels]
            ends = [circle.get_center() for circle in inputs]
            values = [float(self.pixels[i]) for i in d.drawn_indices(0)]
            arrived = 2 * d.neuron_radius

            def fly(group: VGroup, alpha: float) -> None:  # each pixel flies into its neuron, which takes its value
                for k, (square, circle) in enumerate(zip(pixels, inputs)):
                    t = smooth(float(np.clip(alpha * (1 + GATHER_LAG) - GATHER_LAG * k / (len(pixels) - 1), 0, 1)))
                    square.move_to(starts[k] + (ends[k] - starts[k]) * t).set(width=side + (arrived - side) * t)
                    square.set_opacity(1.0 if t < 1 else 0.0)
                    circle.set_fill(opacity=values[k] if t >= 1 else 0.0)

            flight = VGroup(*inputs, pixels)
            self.add(flight)  # (on top, moved in place: cheap)
            self.play(UpdateFromAlphaFunc(flight, fly), run_time=MOVE * 1.5)
            self.remove(pixels)

    def weights(self, wiring: Wiring) -> None:
        with self.beat("weights") as beat:
            d = wiring.diagram
            inputs = d.neurons[0]
            real = self.net.weights[0][NEURON][d.drawn_indices(0)]  # the weight on each drawn connection
            largest = float(np.max(np.abs(real)))
            self.term_weights = [float(real[k]) for k in LABELLED_INPUTS]
            # the picture zooms to a few connections, far enough apart to carry their names
            dropped = [k for k in range(len(inputs)) if k not in LABELLED_INPUTS]
            x = inputs[0].get_x()
            spots = [np.array([x, y, 0.0]) for y in FOCUS_INPUT_YS]
            lines = [Line(spot, FOCUS_NEURON, buff=d.neuron_radius).match_style(wiring.incoming[k])
                     for k, spot in zip(LABELLED_INPUTS, spots)]
            self.play(*fade_out(*(inputs[k] for k in dropped), *(wiring.incoming[k] for k in dropped), d.braces[0]),
                      *(inputs[k].animate.move_to(spot) for k, spot in zip(LABELLED_INPUTS, spots)),
                      *(Transform(wiring.incoming[k], line) for k, line in zip(LABELLED_INPUTS, lines)),
                      d.ellipses[0].animate.move_to([x, FOCUS_DOTS_Y, 0.0]),
                      wiring.neuron.animate.move_to(FOCUS_NEURON), wiring.marker.animate.move_to(FOCUS_NEURON),
                      run_time=MOVE)
            w_labels, a_labels = VGroup(), VGroup()
            for n, (k, name) in enumerate(zip(LABELLED_INPUTS, TERM_NAMES)):
                last = n == len(LABELLED_INPUTS) - 1  # below the lowest connection, the others above theirs
                w_labels.add(beside_line(MathTex(f"w_{{{name}}}", font_size=style.FONT_SIZE_BODY), lines[n],
                                         W_LABEL_AT, side=-1.0 if last else 1.0))
                a_labels.add(MathTex(f"a_{{{name}}}", font_size=style.FONT_SIZE_BODY)
                             .next_to(inputs[k], LEFT, buff=style.LABEL_BUFF))
            self.play(*fade_in(*a_labels, *w_labels), run_time=FADE)
            self.into(beat, 1)  # green positive, red negative: each connection and its name take their weight's sign
            strokes = [signed_stroke(float(real[k]), largest) for k in LABELLED_INPUTS]
            values = VGroup()  # ... and the number each one is, read from the trained network, beside the neuron
            for name, value in zip(TERM_NAMES, self.term_weights):
                line = VGroup(MathTex(f"w_{{{name}}}", "=", font_size=style.FONT_SIZE_BODY),
                              self.show_number(f"w{name}", value)).arrange(RIGHT, buff=style.LABEL_BUFF)
                values.add(line.set_color(style.weight_color(value)))
            values.arrange(DOWN, buff=VALUES_GAP, aligned_edge=LEFT).next_to(wiring.neuron, RIGHT, buff=VALUES_BUFF)
            self.play(*(wiring.incoming[k].animate.set_stroke(color, width, opacity=1.0)
                        for k, (color, width) in zip(LABELLED_INPUTS, strokes)),
                      *(w.animate.set_color(style.weight_color(value)) for w, value in zip(w_labels, self.term_weights)),
                      *(FadeIn(v, shift=RIGHT * 0.5) for v in values), run_time=MOVE)
            wiring.labels = VGroup(w_labels, a_labels, values)
            wiring.kept = VGroup(*(inputs[k] for k in LABELLED_INPUTS), *(wiring.incoming[k] for k in LABELLED_INPUTS),
                                 d.ellipses[0], wiring.neuron, wiring.marker)

    def weighted_sum(self, wiring: Wiring) -> None:
        with self.beat("weighted-sum") as beat:
            w_labels, a_labels, _ = wiring.labels
            terms: list = [(f"w_{{{s}}}", f"a_{{{s}}}") for s in TERM_NAMES[:-1]] + [None]
            terms.append((f"w_{{{TERM_NAMES[-1]}}}", f"a_{{{TERM_NAMES[-1]}}}"))
            self.equation = self.signed(WeightedSum(terms, font_size=EQUATION_FONT * EQUATION_ZOOM))
            self.equation.move_to(EQUATION_BUILT_AT)
            edges = [wiring.incoming[k] for k in LABELLED_INPUTS]
            # each input's activation and its connection's weight move into the sum, term after term
            build = min(BUILD_TIME, max(MOVE * 2, beat.until(1) - style.SHORT_RUN_TIME))
            self.play(build_weighted_sum(self.equation, w_labels, a_labels, lag_ratio=0.5),
                      LaggedStart(*(edge_flash(VGroup(edge)) for edge in edges), lag_ratio=0.5),
                      run_time=build)
            self.into(beat, 1)  # "the resulting total is called a weighted sum": ... alone, and named
            brace = Brace(self.equation, UP, buff=style.LABEL_BUFF)
            name = label_next_to(brace, self.text("weighted_sum"), UP, color=style.TEXT_COLOR,
                                 font_size=style.FONT_SIZE_BODY)
            self.play(Conceal(wiring.kept, wiring.labels), run_time=FADE)
            self.play(FadeIn(brace, shift=DOWN * 0.3), FadeIn(name, shift=DOWN * 0.3), run_time=MOVE)
            self.sum_name = VGroup(brace, name)
            self.remove(wiring.diagram)

    def weights_as_grid(self, wiring: Wiring) -> Bench:
        with self.beat("weights-as-grid") as beat:
            real = self.net.weights[0][NEURON]
            scale = float(np.percentile(np.abs(real), REAL_GRID_PERCENTILE))
            example = DigitImage(self.pixels, side=GRID_SIDE).move_to(IMAGE_CENTER)
            example_label = label_next_to(example, self.digit.tag)
            # our digit comes to the middle, big; its neuron's weights appear beside it, as a picture too
            self.play(*fade_out(self.region, self.sum_name),  # (a cover would hide the digit under the box)
                      self.equation.animate.scale(1 / EQUATION_ZOOM).to_edge(UP, buff=style.FRAME_MARGIN).set_x(0),
                      run_time=FADE)
            self.play(self.image.animate.scale(GRID_SIDE / self.image.side_length).move_to(example),
                      self.image_label.animate.move_to(example_label), run_time=MOVE)
            example = self.image
            grid = WeightGrid(real, side=GRID_SIDE, frame=True, scale=scale).move_to(GRID_CENTER)
            grid_label = label_next_to(grid, self.text("weights_per_pixel"))
            self.play(Reveal(grid, grid_label), run_time=FADE)
            self.into(beat, 1)  # green positive, red negative, brighter bigger
            words = (self.text("negative"), self.text("positive"), self.text("one_square"))
            legend = weight_legend(scale, words).move_to(RIGHT_CENTER)
            self.play(Reveal(legend), run_time=MOVE)
            self.into(beat, 2)  # the real weights of this neuron
            title = label_next_to(grid, self.text("our_neuron", n=NEURON), UP)
            trained = label_next_to(grid, self.text("trained_weights"))
            real_box = highlight_box(grid)
            self.play(Reveal(title), Swap(grid_label, trained), Create(real_box), run_time=MOVE)
            self.into(beat, 3)  # bright pixels on green push the sum up, on red down
            overlay = WeightGrid(real, side=GRID_SIDE, scale=scale).move_to(grid)
            product = real * self.pixels  # drawn brighter than the weights: most of them are small under the ink
            products = WeightGrid(product, side=GRID_SIDE, frame=True,
                                  scale=float(np.percentile(np.abs(product[self.pixels > 0]), PRODUCT_PERCENTILE)))
            products.move_to(RIGHT_CENTER)
            products_label = label_next_to(products, self.text("pixel_times_weight"))
            self.play(overlay.animate.overlay_on(example), *fade_out(real_box), run_time=MOVE)
            self.play(Conceal(legend), run_time=FADE)
            self.play(Reveal(products, products_label), run_time=FADE)
        return Bench(grid, trained, title, example, self.image_label, overlay, Group(products, products_label))

    # --- part two: a made-up pattern on a real digit --------------------------------------------
    def bar(self, bench: Bench) -> None:
        bar_sum = weighted_sum(bar_weights(), self.pixels)
        with self.beat("bar", bar_sum=bar_sum) as beat:
            title = label_next_to(bench.grid, self.text("made_up_pattern"), UP, color=style.ALT_ACCENT)
            self.play(Conceal(bench.aside), Swap(bench.title, title), run_time=FADE)
            bench.title = title
            self.into(beat, 1)
            grid_label = label_next_to(bench.grid, self.text("bar_rest"))
            self.play(Transform(bench.grid, bench.grid.copy().set_weights(bar_weights())),
                      Transform(bench.overlay, bench.overlay.copy().set_weights(bar_weights())),
                      Swap(bench.grid_label, grid_label), run_time=MOVE)
            bench.grid_label = grid_label
            self.into(beat, 2)  # "the weighted sum then just adds up the pixels under the bar": zoom in on it ...
            self.zoom_in(bench)
            # ... and its pixels move into the sum
            bench.words["sum"] = self.readout_words(2, self.text("weighted_sum"))
            bench.numbers["sum"] = self.readout_number(2, "bar sum", bar_sum)
            self.play(*fade_in(bench.words["sum"]), self.gather(bench, crop_cells(bar_weights(), 1), bench.numbers["sum"]),
                      run_time=MOVE * 1.5)

    def edge_detector(self, bench: Bench) -> None:
        parts = edge_parts(self.pixels)
        with self.beat("edge-detector", edge_sum=parts["sum"]) as beat:
            grid_label = label_next_to(bench.grid, self.text("bar_rim"))
            bench.marks.add(*self.zoom_marks(bench.zoom)[1:])  # on the zoom, the rows above and below, in red
            # the sum so far is now only the bar's share: it moves up to the bar's row
            bench.words["bar"] = self.readout_words(0, self.text("bar_part"))
            bar_number = self.readout_number(0, "bar part", parts["bar"])
            self.play(Transform(bench.grid, bench.grid.copy().set_weights(edge_weights())),
                      Transform(bench.overlay, bench.overlay.copy().set_weights(edge_weights())),
                      *(Create(m) for m in bench.marks[1:]),
                      Swap(bench.grid_label, grid_label), Swap(bench.words["sum"], bench.words["bar"]),
                      ReplacementTransform(bench.numbers["sum"], bar_number), run_time=MOVE)
            bench.grid_label, bench.numbers["bar"] = grid_label, bar_number
            self.into(beat, 1)  # the total peaks when the bar is bright and its neighbours dark: the rows around it
            bench.words["rim"] = self.readout_words(1, self.text("rim_part"))  # take their (negative) share
            bench.numbers["rim"] = self.readout_number(1, "rim part", parts["rim"])
            self.play(*fade_in(bench.words["rim"]), self.gather(bench, crop_cells(edge_weights(), -1),
                                                              bench.numbers["rim"]), run_time=MOVE * 1.5)
            self.into(beat, 2)  # "that is an edge detector, and on our digit it gives ...": the two shares add up
            bench.words["sum"] = self.readout_words(2, self.text("weighted_sum"))
            bench.numbers["sum"] = self.readout_number(2, "edge sum", parts["sum"])
            y = (READOUT_YS[1] + READOUT_YS[2]) / 2
            bench.rule = Line([READOUT_LEFT, y, 0], [READOUT_RIGHT, y, 0]).set_stroke(style.SECONDARY, style.EDGE_WIDTH)
            cells = crop_cells(edge_weights(), 1) + crop_cells(edge_weights(), -1)  # every weighted pixel, in the total
            self.play(Create(bench.rule), *fade_in(bench.words["sum"]), self.gather(bench, cells, bench.numbers["sum"]),
                      run_time=MOVE)

    def other_digits(self, bench: Bench) -> None:
        parts = {index: edge_parts(nn.test_image(index)[0]) for index in (ONE_INDEX, WEAK_INDEX)}
        with self.beat("other-digits", one_sum=parts[ONE_INDEX]["sum"], nine_sum=parts[WEAK_INDEX]["sum"]) as beat:
            # "two other real digits": the 1 comes, and its sums are worked out as they are said
            self.show_digit(bench, ONE_INDEX)
            self.into(beat, 1)
            self.show_sums(bench, ONE_INDEX, parts[ONE_INDEX])
            self.into(beat, 2)  # the 9, its digit and its sums at once
            self.show_digit(bench, WEAK_INDEX, parts[WEAK_INDEX])
            self.into(beat, 3)  # their strokes also cover the rows above and below ...
            self.play(*(m.animate.set_stroke(width=style.HIGHLIGHT_WIDTH * 2.5) for m in bench.marks[1:]),
                      run_time=MOVE)
            wait_into(beat, 3, PULL_DOWN_AT)  # ... and those negative weights pull the sum down
            rim_box = highlight_box(VGroup(bench.words["rim"], bench.numbers["rim"]))
            rims = crop_cells(edge_weights(), -1)
            self.play(self.gather(bench, rims, bench.numbers["rim"], reveal=False), Create(rim_box),
                      run_time=MOVE)
            bench.rule = VGroup(bench.rule, rim_box)

    def squish(self, bench: Bench) -> None:
        with self.beat("squish") as beat:
            self.play(Conceal(bench.grid, bench.grid_label, bench.title, bench.example, bench.example_label,
                              bench.overlay, bench.zoom, bench.marks, bench.rule,
                              *bench.words.values(), *bench.numbers.values()),
                      run_time=MOVE)
            lo, hi = float(SQUISH_SUMS[0]), float(SQUISH_SUMS[-1])
            # numbers above the line of sums: the dots leave it downwards without crossing them
            sums_line = NumberLine(x_range=[lo, hi, 2], length=NUMBER_LINE_LENGTH, include_numbers=True,
                                   label_direction=UP, font_size=style.FONT_SIZE_LABEL, color=style.SECONDARY)
            sums_line.move_to(UP * SUMS_LINE_Y)
            sums_title = label_next_to(sums_line, self.text("possible_sums"), UP, buff=style.LABEL_BUFF * 2,
                                       font_size=style.FONT_SIZE_LABEL)
            sums_title.align_to(sums_line, LEFT)
            dots = VGroup(*(Dot(sums_line.n2p(s), radius=SQUISH_DOT_RADIUS, color=style.TEXT_COLOR) for s in SQUISH_SUMS))
            self.play(Create(sums_line), *fade_in(sums_title), *fade_in(dots), run_time=MOVE)
            self.into(beat, 1)  # "but an activation has to lie between zero and one": that stretch, and it alone
            unit_line = NumberLine(x_range=[0, 1, 0.1], length=UNIT_LINE_LENGTH, color=style.SECONDARY,
                                   line_to_number_buff=UNIT_BAND_HEIGHT / 2 + style.LABEL_BUFF)  # clear of the band
            unit_line.add_numbers([0, 0.5, 1], font_size=style.FONT_SIZE_LABEL, num_decimal_places=1)
            unit_line.move_to(UP * ACTIVATION_LINE_Y)
            band = Rectangle(width=UNIT_LINE_LENGTH, height=UNIT_BAND_HEIGHT).move_to(unit_line.n2p(0.5))
            band.set_stroke(style.SIGMA_COLOR, style.HIGHLIGHT_WIDTH).set_fill(style.SIGMA_COLOR, ZONE_OPACITY * 1.5)
            unit_title = label_next_to(unit_line, self.text("only_0_to_1"), DOWN, buff=style.LABEL_BUFF * 3,
                                       font_size=style.FONT_SIZE_LABEL)
            seed = Line(sums_line.n2p(0), sums_line.n2p(1)).set_stroke(style.SIGMA_COLOR, style.HIGHLIGHT_WIDTH * 2)
            self.play(Create(seed), run_time=FADE)
            self.play(ReplacementTransform(seed, band), *fade_in(unit_line), *fade_in(unit_title), run_time=MOVE)
            self.into(beat, 2)
            squeezed = VGroup(*(Dot(unit_line.n2p(float(nn.sigmoid(s))), radius=SQUISH_DOT_RADIUS,
                                    color=style.SIGMA_COLOR) for s in SQUISH_SUMS))
            paths = VGroup(*(Line(a.get_center(), b.get_center(), stroke_width=style.EDGE_WIDTH, color=style.SECONDARY,
                                  stroke_opacity=PATH_OPACITY) for a, b in zip(dots, squeezed)))  # (plain: cheap)
            self.play(TransformFromCopy(dots, squeezed), Create(paths), run_time=MOVE * 1.6)
            self.number_lines = VGroup(sums_line, unit_line, band, sums_title, unit_title, squeezed, paths)
            self.sum_dots = dots

    # --- part three: the sigmoid ----------------------------------------------------------------
    def sigmoid(self) -> Curve:
        with self.beat("sigmoid") as beat:
            x_range = plot_x_range([self.edge_sum, self.weak_sum])
            label_tex = sigma_formula(font_size=SIGMA_LABEL_FONT)
            plot = FunctionPlot(nn.sigmoid, x_range, (0, 1, 0.5), label=label_tex, x_length=PLOT_X_LENGTH,
                                y_length=PLOT_Y_LENGTH, number_font_size=PLOT_NUMBER_FONT,
                                x_numbers=[x for x in np.arange(x_range[0], x_range[1] + 1, x_range[2])
                                           if x % (2 * x_range[2]) == 0]).move_to(PLOT_CENTER)
            wrapped = self.signed(WeightedSum(self.equation.terms, sigma=True, font_size=EQUATION_FONT))
            # the squeeze as a curve: each sum keeps its place across, and rises to its squeezed value
            sums_line, unit_line, band, sums_title, unit_title, squeezed, paths = self.number_lines
            # below the line of sums: one cover (cheap); on it, beside its dots: fades
            self.play(Conceal(unit_line, band, unit_title, squeezed), *fade_out(sums_line, sums_title, paths),
                      self.equation.morph_into(wrapped), run_time=MOVE)
            self.play(FadeIn(plot.axes), *(dot.animate.move_to(plot.point(float(s))).set_color(style.SIGMA_COLOR)
                                           for dot, s in zip(self.sum_dots, SQUISH_SUMS)), run_time=MOVE * 1.5)
            self.equation = wrapped
            self.play(Create(plot.graph), *fade_in(plot.label), run_time=MOVE * 1.5)
            self.play(*fade_out(self.sum_dots), run_time=FADE)
            axes = plot.axes
            lo, hi = axes.x_range[0], axes.x_range[1]
            # each part of the curve is pointed at as it is said: the far left, the far right, the middle
            notes = VGroup()
            for sentence, (x0, x1, key, y) in enumerate(((lo, -TAIL, "very_negative", 0.62),
                                                          (TAIL, hi, "very_positive", 0.38)), start=1):
                if sentence == 1:
                    self.into(beat, 1)
                else:
                    wait_into(beat, 1, 0.55)  # "... while a large positive one gives almost one"
                zone = self.zone(axes, x0, x1)
                note = Text(self.text(key), font_size=style.FONT_SIZE_LABEL, color=style.TEXT_COLOR)
                note.move_to(axes.c2p((x0 + x1) / 2, y))
                self.play(*fade_in(zone), *fade_in(note), run_time=FADE)
                notes.add(zone, note)
            self.into(beat, 2)  # "around zero, it rises smoothly between the two": the tails give way to the middle
            middle = self.zone(axes, -TAIL, TAIL)
            rider = Dot(plot.point(-TAIL), radius=SQUISH_DOT_RADIUS * 1.8, color=style.SIGMA_COLOR)
            self.play(*fade_out(notes), *fade_in(middle), *fade_in(rider), run_time=MOVE)
            self.play(UpdateFromAlphaFunc(rider, lambda m, a: m.move_to(plot.point(-TAIL + 2 * TAIL * smooth(a)))),
                      run_time=MOVE * 1.5)
            notes = VGroup(middle, rider)
        return Curve(plot, notes)

    def bias(self, curve: Curve) -> None:
        with self.beat("bias") as beat:
            axes = curve.plot.axes
            threshold = -BIAS_EXAMPLE
            # "only switch on when the sum passes ten, not zero": the line where the curve crosses ½ moves to 10
            mark = DashedLine(axes.c2p(0, 0), axes.c2p(0, 1), stroke_width=style.HIGHLIGHT_WIDTH, color=style.SIGMA_COLOR)
            self.play(*fade_out(curve.notes), Create(mark), run_time=MOVE)
            self.play(mark.animate.move_to(axes.c2p(threshold, 0.5)).set_color(style.B_COLOR), run_time=MOVE)
            biased = self.signed(spaced(WeightedSum(self.equation.terms, sigma=True, bias=f"{BIAS_EXAMPLE:g}",
                                                    font_size=EQUATION_FONT)))
            self.into(beat, 1)
            self.play(self.equation.morph_into(biased), run_time=MOVE)
            self.equation = biased
            width = curve.plot.graph.get_stroke_width()

            def slid(t: float) -> VMobject:  # t from 0 (the plain curve, yellow) to 1 (moved by the bias, blue)
                return axes.plot(lambda x: float(nn.sigmoid(x + BIAS_EXAMPLE * t)), stroke_width=width,
                                 color=interpolate_color(style.SIGMA_COLOR, style.B_COLOR, t))

            curve.shifted = slid(0.0)
            curve.shifted_label = MathTex(r"\sigma", rf"(x - {abs(BIAS_EXAMPLE):g})", font_size=SIGMA_LABEL_FONT)
            curve.shifted_label.set_color(style.B_COLOR)
            curve.shifted_label[0].set_color(style.SIGMA_COLOR)
            curve.shifted_label.next_to(curve.plot.label, DOWN, buff=style.LABEL_BUFF, aligned_edge=LEFT)  # a legend
            self.add(curve.shifted)
            # a copy of the curve slides right by the bias, staying a sigmoid all the way
            self.play(UpdateFromAlphaFunc(curve.shifted, lambda m, a: m.become(slid(smooth(a)))),
                      *fade_in(curve.shifted_label), run_time=MOVE * 1.5)
            self.into(beat, 2)  # "that extra number, here minus ten, is called the bias": it is what moved the curve
            wait_into(beat, 2, 0.1)
            arrow = Arrow(axes.c2p(0, 0.5), axes.c2p(threshold, 0.5), buff=0, color=style.B_COLOR,
                          stroke_width=style.HIGHLIGHT_WIDTH * 3, max_tip_length_to_length_ratio=0.12)
            moved = self.equation.bias.copy()
            self.bias_tag = tag(self.equation.bias, self.text("bias"), style.B_COLOR, font_size=style.FONT_SIZE_LABEL)
            self.play(GrowArrow(arrow), Create(self.bias_tag[0]), *fade_in(self.bias_tag[1]), run_time=FADE)
            self.play(moved.animate.scale(1.5).next_to(arrow, UP, buff=style.LABEL_BUFF), run_time=MOVE)
            curve.extras = VGroup(mark, arrow, moved)

    def with_and_without(self, curve: Curve) -> Group:
        plain, biased = float(nn.sigmoid(self.edge_sum)), float(nn.sigmoid(self.edge_sum + BIAS_EXAMPLE))
        weak_plain, weak_biased = float(nn.sigmoid(self.weak_sum)), float(nn.sigmoid(self.weak_sum + BIAS_EXAMPLE))
        values = {"edge_sum": self.edge_sum, "plain": plain, "biased": biased,
                  "weak_sum": self.weak_sum, "weak_plain": weak_plain, "weak_biased": weak_biased}
        with self.beat("with-and-without", **values) as beat:
            # the curves step aside, smaller, for the table of real numbers (their names keep their size)
            axes = curve.plot.axes
            figure = VGroup(axes, curve.plot.graph, curve.shifted, curve.extras[0])
            small = figure.copy().scale(PLOT_SIDE_SCALE)
            small.move_to([PLOT_SIDE_LEFT + small.width / 2, PLOT_CENTER[1], 0])
            # the curves' names keep their size: σ(x) stands for the formula, already read
            plain_name = MathTex(r"\sigma", "(x)", font_size=SIGMA_LABEL_FONT, color=style.SIGMA_COLOR)
            plain_name.move_to(small[0].get_corner(UL), aligned_edge=UL)
            spot = curve.shifted_label.copy().next_to(plain_name, DOWN, buff=style.LABEL_BUFF, aligned_edge=LEFT)
            self.play(*fade_out(curve.extras[1:], curve.plot.label), run_time=FADE)  # (read: it makes way)
            self.play(figure.animate.scale(PLOT_SIDE_SCALE).move_to(small), curve.shifted_label.animate.move_to(spot),
                      *fade_in(plain_name), run_time=MOVE)
            curve.notes = VGroup(plain_name)
            header = [VGroup(), *(wrapped_label(words, HEADER_WIDTH, color) for words, color in (  # long words: 2 lines
                (self.text("sum"), style.SECONDARY), (self.text("no_bias"), style.SECONDARY),
                (self.text("bias_of", bias=BIAS_EXAMPLE).replace("-", "−"), style.B_COLOR)))]
            rows, marks = [], []
            for key, pixels, s in (("", self.pixels, self.edge_sum), (" weak", self.weak_pixels, self.weak_sum)):
                no_bias, with_bias = float(nn.sigmoid(s)), float(nn.sigmoid(s + BIAS_EXAMPLE))
                size = style.FONT_SIZE_BODY
                cells = [DigitImage(pixels, side=THUMB_SIDE), self.show_number(f"sum{key}", s, size),
                         VGroup(neuron(no_bias, SIDE_NEURON_RADIUS), self.show_number(f"no bias{key}", no_bias, size)),
                         VGroup(neuron(with_bias, SIDE_NEURON_RADIUS),
                                self.show_number(f"with bias{key}", with_bias, size))]
                for cell in cells[2:]:
                    cell.arrange(RIGHT, buff=style.LABEL_BUFF)
                rows.append(cells)
                marks.append([
                    DashedLine(axes.c2p(s, 0), axes.c2p(s, 1), stroke_width=style.EDGE_WIDTH * 2, color=style.TEXT_COLOR),
                    Dot(curve.plot.point(s), radius=SQUISH_DOT_RADIUS * 2, color=style.SIGMA_COLOR),
                    Dot(axes.c2p(s, with_bias), radius=SQUISH_DOT_RADIUS * 2, color=style.B_COLOR)])
            table = Group(*header, *rows[0], *rows[1]).arrange_in_grid(rows=3, cols=4, buff=TABLE_BUFF)
            left = small.get_right()[0] + TABLE_BUFF[0]  # right of the curves, in any language's words
            room = config.frame_width / 2 - style.FRAME_MARGIN / 2 - left
            if table.width > room:
                table.scale(room / table.width)
            table.move_to([left + room / 2, TABLE_CENTER[1], 0])
            # each row comes as it is said: the digit and its sum, then σ of it without and with the bias,
            # each value a point on its curve
            for sentence, (row, mark) in enumerate(zip(rows, marks)):
                self.into(beat, sentence)
                wait_into(beat, sentence, 0.05)
                self.play(Reveal(*(header[1:] if sentence == 0 else []), *row[:2]), Create(mark[0]),
                          run_time=MOVE)
                wait_into(beat, sentence, 0.5)
                self.play(Reveal(row[2]), FadeIn(mark[1], scale=3), run_time=FADE)
                wait_into(beat, sentence, 0.78)
                self.play(Reveal(row[3]), FadeIn(mark[2], scale=3), run_time=FADE)
        self.marks = VGroup(*(m for row in marks for m in row))
        return table

    def pattern_and_threshold(self, curve: Curve, table: Group) -> None:
        with self.beat("pattern-and-threshold") as beat:
            # the sum and its bias, big and alone: what each one decides
            read = self.equation.copy().scale(EQUATION_READ_ZOOM).move_to(EQUATION_READ_AT)
            pattern = tag(VGroup(*read.body()), self.text("which_pattern"), style.W_COLOR, font_size=style.FONT_SIZE_LABEL)
            pattern[1].next_to(read, DOWN, buff=style.LABEL_BUFF).align_to(pattern[0], LEFT)  # under the parentheses
            bias_box = highlight_box(read.bias, color=style.B_COLOR)
            threshold = label_next_to(read, self.text("how_big"), color=style.B_COLOR, font_size=style.FONT_SIZE_LABEL)
            threshold.align_to(bias_box, RIGHT)
            below = pattern[1]  # what the template hangs under
            if threshold.get_left()[0] < pattern[1].get_right()[0] + TABLE_BUFF[0]:  # long words: a row lower
                threshold.next_to(pattern[1], DOWN, buff=style.LABEL_BUFF).align_to(bias_box, RIGHT)
                below = threshold
            template = WeightGrid(edge_weights(), side=TEMPLATE_SIDE, frame=True, scale=1.0)
            template.next_to(below, DOWN, buff=style.LABEL_BUFF * 2).align_to(pattern[1], LEFT)
            self.play(Conceal(curve.plot, curve.shifted, curve.shifted_label, curve.notes, curve.extras[0], table,
                              self.marks),
                      *fade_out(self.bias_tag), run_time=MOVE)
            self.play(self.equation.animate.scale(EQUATION_READ_ZOOM).move_to(EQUATION_READ_AT), run_time=MOVE)
            self.play(Create(pattern[0]), *fade_in(pattern[1]), Reveal(template), run_time=FADE)
            self.into(beat, 1)  # the bias: how strong the match must be, shown as the threshold the curve moved to
            little = function_plot(lambda x: nn.sigmoid(x + BIAS_EXAMPLE), (-4, 16, 2), x_numbers=[0, -BIAS_EXAMPLE],
                                   y_numbers=[], x_length=THRESHOLD_PLOT[0], y_length=THRESHOLD_PLOT[1],
                                   color=style.B_COLOR, number_font_size=style.FONT_SIZE_BODY)
            little.next_to(threshold, DOWN, buff=style.LABEL_BUFF * 3).align_to(threshold, RIGHT)
            line = DashedLine(little.axes.c2p(-BIAS_EXAMPLE, 0), little.axes.c2p(-BIAS_EXAMPLE, 1),
                              stroke_width=style.HIGHLIGHT_WIDTH, color=style.B_COLOR)
            self.play(Create(bias_box), *fade_in(threshold), Reveal(little), run_time=FADE)
            self.play(Create(line), run_time=FADE)
            self.bias_tag = Group(pattern, template, bias_box, threshold, little, line)

    # --- part four: the real neuron ---------------------------------------------------------------
    def real_neuron(self) -> None:
        w, b = self.net.weights[0][NEURON], float(self.net.biases[0][NEURON])
        dot = weighted_sum(w, self.pixels)
        activation = float(self.net.activations(self.pixels)[1][NEURON])
        with self.beat("real-neuron", bias=b, activation=activation) as beat:
            general = self.signed(WeightedSum(self.equation.terms, sigma=True, bias="+ b", font_size=EQUATION_FONT))
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
            named = Group(grid, grid_label, title)
            layout = Group(named, Group(image, image_label), panel).arrange(RIGHT, buff=0.6)
            layout.move_to(DOWN * 0.3)
            place = named.get_center()  # where the weights go once the bias joins them
            named.scale(REAL_GRID_BIG / GRID_SIDE).move_to(DOWN * 0.3)  # first alone, big
            pattern, template, bias_box, *rest = self.bias_tag  # boxes on the formula fade; what lies below, covered
            on_formula, below = [pattern[0], bias_box], [pattern[1], template, *rest]
            self.play(*fade_out(*on_formula), Conceal(*below), self.equation.animate.scale(1 / EQUATION_READ_ZOOM)
                      .to_edge(UP, buff=style.FRAME_MARGIN).set_x(0), run_time=MOVE)
            general.move_to(self.equation)
            self.play(self.equation.morph_into(general), Reveal(named), run_time=MOVE)
            self.equation = general
            self.into(beat, 1)  # its learned bias: the b of the sum comes down with its value
            self.play(named.animate.scale(GRID_SIDE / REAL_GRID_BIG).move_to(place), run_time=MOVE)
            self.play(TransformFromCopy(self.equation.bias[1], bias_line[0][0]), *fade_in(bias_line[0][1]),
                      *fade_in(bias_line[1]), run_time=FADE)
            self.into(beat, 2)
            self.play(Reveal(image, image_label, act_line), run_time=FADE)

    def every_neuron(self) -> None:
        with self.beat("every-neuron") as beat:
            diagram = NetworkDiagram(self.net)
            strokes = diagram.edge_weight_strokes(0)
            coloured = diagram.edges[0].copy()
            for line, (color, width) in zip(coloured, strokes):
                line.set_stroke(color, width, opacity=style.EDGE_WEIGHT_OPACITY)
            pairs = diagram.edge_pairs(0)
            by_neuron = {t: VGroup(*(e for e, (tt, _) in zip(coloured, pairs) if tt == t)) for t in diagram.drawn_indices(1)}
            ours = by_neuron[NEURON]
            self.play(Conceal(*(m for m in self.mobjects if m is not self.captions.current)), run_time=MOVE)
            diagram.neuron(1, NEURON).set_stroke(style.B_COLOR, BIAS_STROKE_WIDTH)
            self.play(Reveal(diagram, ours), run_time=MOVE)  # our neuron: its weights coloured, its bias blue
            self.into(beat, 1)  # every other neuron: its own weights and its own bias
            others = [t for t in diagram.drawn_indices(1) if t != NEURON]
            self.play(LaggedStart(*(AnimationGroup(*fade_in(by_neuron[t]),
                                                   diagram.neuron(1, t).animate.set_stroke(style.B_COLOR, BIAS_STROKE_WIDTH))
                                    for t in others), lag_ratio=style.LAG_RATIO * 2),
                      run_time=MOVE * 1.2)

    # --- helpers -------------------------------------------------------------------------------
    def into(self, beat: BeatClock, sentence: int) -> None:
        """Hold until sentence ``sentence`` has begun (``INTO`` seconds in): what it names comes as it is said."""
        if sentence >= len(beat.speech.spans):
            beat.wait_until(sentence)
            return
        left = beat.sentence_start(sentence) + INTO - beat.elapsed  # one wait: each costs a frame drawn whole
        if left >= 1 / config.frame_rate:
            self.wait(left)

    def cover_all_but(self, rest: Mobject, keep: list[Mobject]) -> None:
        """``rest`` fades out under one cover (cheap: hundreds of edges are not redrawn each frame), while
        ``keep``, inside the same box, is drawn above the cover and stays."""
        lid = Cover(rest, opacity=0.0)
        self.add(lid)
        self.bring_to_front(*keep)
        self.play(lid.animate.set_fill(opacity=1.0), run_time=MOVE)
        remove_with_parts(self, rest, lid)

    def signed(self, equation: WeightedSum) -> WeightedSum:
        """``equation`` with each weight in the colour of its sign (``style.weight_color``), like its edge."""
        for part, value in zip(equation.weights, self.term_weights):
            part.set_color(style.weight_color(value))
        return equation

    def region_mask(self) -> np.ndarray:
        """1 on the bar's region, ``DIM`` elsewhere (784,)."""
        (r0, r1), (c0, c1) = BAR_ROWS, BAR_COLS
        mask = np.full((SIDE, SIDE), DIM)
        mask[r0:r1, c0:c1] = 1.0
        return mask.reshape(-1)

    def zoom_in(self, bench: Bench) -> None:
        """The bar and the rows around it, cut out of the digit, grow big beside it; a green box marks the bar."""
        digit, side = bench.example, bench.example.pixel_side
        zoom = DigitImage(crop(digit.pixels), side=CROP_WIDTH).move_to(CROP_CENTER)
        (r0, r1), (c0, c1) = CROP_ROWS, CROP_COLS
        corner = digit.cell_center(r0, c0) + np.array([-side / 2, side / 2, 0])
        start = zoom.copy().scale(side * (c1 - c0) / CROP_WIDTH)
        start.move_to(corner + np.array([(c1 - c0) * side / 2, -(r1 - r0) * side / 2, 0]))
        outline = Rectangle(width=start.width, height=start.height).move_to(start)
        outline.set_stroke(style.HIGHLIGHT_COLOR, style.HIGHLIGHT_WIDTH).set_fill(opacity=0)
        self.play(Create(outline), run_time=FADE)
        self.add(start)
        self.play(start.animate.scale(CROP_WIDTH / start.width).move_to(CROP_CENTER),
                  outline.animate.scale(CROP_WIDTH / start.width).move_to(CROP_CENTER), run_time=MOVE)
        self.remove(start, outline)
        self.add(zoom)
        bench.zoom = zoom
        bench.marks = VGroup(self.zoom_marks(zoom)[0])
        self.play(Create(bench.marks[0]), run_time=FADE)

    def zoom_marks(self, zoom: DigitImage) -> VGroup:
        """Boxes on the zoom round the bar (green) and the rows above and below it (red)."""
        side = zoom.pixel_side
        marks = VGroup()
        for rows, color in (((SURROUND_ROWS, SURROUND_ROWS + BAR_ROWS[1] - BAR_ROWS[0]), style.POSITIVE_WEIGHT_COLOR),
                            ((0, SURROUND_ROWS), style.NEGATIVE_WEIGHT_COLOR),
                            ((CROP_SHAPE[0] - SURROUND_ROWS, CROP_SHAPE[0]), style.NEGATIVE_WEIGHT_COLOR)):
            box = Rectangle(width=zoom.side_length + 0.1, height=(rows[1] - rows[0]) * side - 0.04)
            box.move_to(zoom.get_top() + DOWN * (rows[0] + rows[1]) / 2 * side)
            marks.add(box.set_stroke(color, style.HIGHLIGHT_WIDTH * 1.5).set_fill(opacity=0))
        return marks

    def gather(self, bench: Bench, cells: list[tuple[int, int]], number: Mobject, reveal: bool = True) -> Animation:
        """The zoom's squares ``cells`` (copies, in their grey) fly into ``number``'s place: a sum of pixels;
        with ``reveal``, ``number`` (not yet shown) appears as they arrive."""
        zoom = bench.zoom
        values = zoom.pixels  # (48,): the zoom's own pixels, row-major
        squares = VGroup()
        for r, c in cells:
            value = float(values[r * CROP_SHAPE[1] + c])
            square = Square(side_length=zoom.pixel_side * 0.9).move_to(zoom.cell_center(r, c))
            squares.add(square.set_fill(interpolate_color(BLACK, WHITE, value), 1.0).set_stroke(style.SECONDARY, 1))
        starts = np.array([sq.get_center() for sq in squares])
        end, side, n = number.get_center(), squares[0].width, len(squares)

        def fly(group: VGroup, alpha: float) -> None:  # square k sets off a little after square k − 1
            if reveal:
                number.set_opacity(float(np.clip((alpha - GATHER_SHOWN_FROM) / (1 - GATHER_SHOWN_FROM), 0, 1)))
            for k, square in enumerate(group):
                t = smooth(float(np.clip(alpha * (1 + GATHER_LAG) - GATHER_LAG * k / max(n - 1, 1), 0, 1)))
                square.move_to(starts[k] + (end - starts[k]) * t)
                square.set(width=side * (1 - (1 - CELL_FLIGHT_SCALE) * t))
                square.set_opacity(1.0 if t < 1 else 0.0)

        self.add(squares)  # (moved in place, no copies: cheap)
        if reveal:
            self.add(number.set_opacity(0))  # (after the squares: redrawn with them)
        return UpdateFromAlphaFunc(squares, fly, remover=True)

    @staticmethod
    def zone(axes, x0: float, x1: float) -> Rectangle:
        """A faint band over the plot from x0 to x1, the height of the curve's range."""
        a, b = axes.c2p(x0, 0), axes.c2p(x1, 1)
        zone = Rectangle(width=abs(b[0] - a[0]), height=abs(b[1] - a[1])).move_to((a + b) / 2)
        return zone.set_stroke(width=0).set_fill(style.SECONDARY, ZONE_OPACITY)

    def show_number(self, name: str, value: float, font_size: float = style.FONT_SIZE_BODY) -> MathTex:
        """A number as it appears on screen, remembered by name for the tests."""
        mob = MathTex(fmt(value), font_size=font_size)
        self.shown[name] = mob
        return mob

    def readout_number(self, row: int, name: str, value: float) -> MathTex:
        """A sum under the zoom, right-aligned in its row (0 bar, 1 above and below, 2 the total)."""
        number = self.show_number(name, value, style.FONT_SIZE_HEADING if row == 2 else style.FONT_SIZE_BODY)
        return number.move_to([READOUT_RIGHT - number.width / 2, READOUT_YS[row], 0])

    @staticmethod
    def readout_words(row: int, words: str) -> Text:
        """The name of a sum, left-aligned in its row."""
        text = label(words, color=style.TEXT_COLOR if row == 2 else style.SECONDARY)
        return text.move_to([READOUT_LEFT + text.width / 2, READOUT_YS[row], 0])

    def show_digit(self, bench: Bench, index: int, parts: dict[str, float] | None = None) -> None:
        """The bench's digit (and the zoom on its bar) becomes MNIST test image ``index``, its label swapped;
        with ``parts``, in the same moment, the sums become its own; without, the old sums leave."""
        digit = mnist_input(index)
        name = label_next_to(bench.example, digit.tag)
        zoom_rgba = DigitImage(crop(digit.pixels), side=CROP_WIDTH).rgba
        anims = [bench.example.animate.set_pixels(digit.pixels), bench.zoom.animate.set_rgba(zoom_rgba),
                 Swap(bench.example_label, name)]
        if parts is None:
            anims += fade_out(*bench.numbers.values())
            bench.numbers = {}
        else:
            numbers = self.sums_of(bench, index, parts)
            anims += [Swap(bench.numbers[key], numbers[key]) for key in numbers]
            bench.numbers.update(numbers)
        self.play(*anims, run_time=MOVE)
        bench.zoom.pixels = crop(digit.pixels).reshape(-1)
        bench.example_label = name

    def sums_of(self, bench: Bench, index: int, parts: dict[str, float]) -> dict[str, MathTex]:
        """MNIST test image ``index``'s sums, in their rows (bar, rim, total)."""
        names = {"bar": f"bar part #{index}", "rim": f"rim part #{index}", "sum": f"edge sum #{index}"}
        return {key: self.readout_number(row, names[key], parts[key]) for row, key in enumerate(names)}

    def show_sums(self, bench: Bench, index: int, parts: dict[str, float]) -> None:
        """The zoom's pixels fly into the bar's and the rim's sums of the digit shown, then the total comes."""
        numbers = self.sums_of(bench, index, parts)
        self.play(self.gather(bench, crop_cells(edge_weights(), 1), numbers["bar"]),
                  self.gather(bench, crop_cells(edge_weights(), -1), numbers["rim"]), run_time=MOVE)
        self.play(*fade_in(numbers["sum"]), run_time=FADE)
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

"""Chapter 6 (narration 8:38), "Edge detection example": one neuron's weighted sum, σ and bias.

Storyboard beats, in order:
1. Everything but one neuron of the first hidden layer and its incoming edges fades.
2. Each edge gets a weight; the weighted sum w₁a₁ + ⋯ + wₙaₙ is built from copies of them.
3. The weights as a 28×28 grid (first the neuron's real trained weights).
4. A made-up pattern: 0 everywhere but a positive bar; laid over a real digit, the sum adds
   just the bar's pixels (the real sum of that digit's pixels, computed with numpy).
5. Negative weights around the bar: an edge detector (its real sum on the same digit).
6. Squishing: a line of possible sums is squeezed through σ onto [0, 1].
7. The sigmoid curve (from ``nn.sigmoid``).
8. Bias: σ(w₁a₁ + ⋯ + wₙaₙ − 10), the −10 boxed and named.
9. The example's activation without and with the bias (real numbers from step 5's sum).
10. The trained network's neuron: its own 784 weights and bias, and its activation.

The bar and its surround are ILLUSTRATIVE weights the scene builds (and says so on screen);
every other number is the trained network's or a genuine computation on the chosen digit.
"""
from __future__ import annotations

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    AnimationGroup,
    Circle,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    FadeOut,
    Group,
    LaggedStart,
    MathTex,
    NumberLine,
    ReplacementTransform,
    Text,
    Transform,
    TransformFromCopy,
    VGroup,
    VMobject,
)

import nn
from scenes.components import (
    ChapterScene,
    DigitImage,
    NetworkDiagram,
    WeightGrid,
    caption,
    chosen_input,
    mnist_input,
    style,
)
from scenes.components.equations import WeightedSum, tag
from scenes.components.fades import fade_in, fade_out, fade_out_all
from scenes.components.sigmoid_plot import FunctionPlot, sigmoid_plot

# --- what the chapter shows ----------------------------------------------------------------
#: MNIST test image 0 is a 7 whose top stroke runs across rows 7–9, columns 6–21: it passes
#: right through the bar below, so the made-up edge detector has something to find.
EXAMPLE_INDEX = 0
#: the neuron of the first hidden layer we zoom in on (the top one; its real weights and bias
#: are shown at the start of the grid beat and at the end)
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
#: a second real digit whose edge sum is positive but small (test image 9, a 9: its loop's top
#: only grazes the bar), to show what the bias does to a weak match
WEAK_INDEX = 9
#: other real digits whose edge sums are shown beside the example's (a 1 and that 9)
OTHER_INDICES = (2, WEAK_INDEX)
#: the trained weights are drawn with this percentile of |w| as full brightness (a few of the
#: largest saturate), so the structure of the many smaller weights stays visible
REAL_GRID_PERCENTILE = 98
#: sums placed on the number line that is squeezed through σ
SQUISH_SUMS = np.arange(-12, 13, 1.0)

# --- layout (manim units) --------------------------------------------------------------------
DIAGRAM_SCALE = 0.85
W_LABEL_AT = 0.17  # where along an edge (from the input end) its weight label sits, on the edge
LABELLED_INPUTS = (0, 1, 2, 15)  # drawn positions of the input neurons whose edges get labels
EQUATION_BUFF = 0.35  # the sum to the right of the neuron
GRID_SIDE = 3.0
GRID_CENTER = LEFT * 4.3 + DOWN * 0.1
IMAGE_CENTER = DOWN * 0.1
READOUT_CENTER = RIGHT * 4.4 + DOWN * 0.1
NUMBER_LINE_LENGTH = 11.0
SUMS_LINE_Y = 1.2
ACTIVATION_LINE_Y = -1.4
SQUISH_DOT_RADIUS = 0.06
SQUISH_DASH_LENGTH = 0.12  # the sum → activation paths: fewer, longer dashes draw faster
PLOT_CENTER = LEFT * 3.4 + DOWN * 0.35
PLOT_X_LENGTH = 6.5
PLOT_Y_LENGTH = 3.6
PLOT_MARGIN = 4  # the sigmoid reaches this far past the bias's threshold (and 1 past every sum shown)
TABLE_CENTER = RIGHT * 3.6 + DOWN * 0.2
TABLE_BUFF = (0.4, 0.35)  # between columns, rows
THUMB_SIDE = 0.8  # digits as row labels
SIDE_NEURON_RADIUS = 0.22  # the little neurons that show an activation as fill
NOTE_X = 0.45  # the curve's notes are centred this share of the x-range either side of 0 ...
NOTE_Y_LOW, NOTE_Y_HIGH = 0.35, 0.6  # ... at these heights (above the curve left, below it right)


# --- the numbers (pure functions: the tests check them) ------------------------------------
def bar_weights() -> np.ndarray:
    """The made-up weight row (784,): +1 on the bar, 0 everywhere else."""
    w = np.zeros((28, 28))
    w[BAR_ROWS[0]:BAR_ROWS[1], BAR_COLS[0]:BAR_COLS[1]] = BAR_WEIGHT
    return w.reshape(-1)


def edge_weights() -> np.ndarray:
    """The made-up edge detector (784,): +1 on the bar, −1 on the rows just above and below it."""
    w = np.zeros((28, 28))
    top, bottom = BAR_ROWS[0] - SURROUND_ROWS, BAR_ROWS[1] + SURROUND_ROWS
    w[top:bottom, BAR_COLS[0]:BAR_COLS[1]] = SURROUND_WEIGHT
    w[BAR_ROWS[0]:BAR_ROWS[1], BAR_COLS[0]:BAR_COLS[1]] = BAR_WEIGHT
    return w.reshape(-1)


def weighted_sum(weights: np.ndarray, pixels: np.ndarray) -> float:
    """w₁a₁ + w₂a₂ + ⋯ + w₇₈₄a₇₈₄."""
    return float(np.dot(np.asarray(weights, dtype=float), np.asarray(pixels, dtype=float)))


def fmt(value: float) -> str:
    """How every number is written on screen (two decimals)."""
    return f"{value:.2f}"


def plot_x_range(values: list[float]) -> tuple[float, float, float]:
    """A symmetric x-range (start, stop, tick step) for the sigmoid that shows every value."""
    half = max([abs(BIAS_EXAMPLE) + PLOT_MARGIN] + [abs(v) + 1 for v in values])
    step = 2 * int(np.ceil(half / 14))
    half = step * int(np.ceil(half / step))
    return (-half, half, step)


class EdgeDetection(ChapterScene):
    """One neuron's weighted sum, a made-up edge detector on a real digit, σ and the bias."""

    def construct(self) -> None:
        self.prepare()
        self.focus_on_one_neuron()
        self.weights_on_connections()
        self.weights_as_grid()
        self.bar_pattern()
        self.edge_detector()
        self.squish_number_line()
        self.sigmoid_curve()
        self.add_bias()
        self.compare_with_bias()
        self.real_neuron()
        self.fade_all()

    # --- data and helpers ---------------------------------------------------------------
    def prepare(self) -> None:
        self.net = nn.load_pretrained()
        self.digit = chosen_input(EXAMPLE_INDEX)
        self.pixels = np.asarray(self.digit.pixels, dtype=float)
        self.bar_sum = weighted_sum(bar_weights(), self.pixels)
        self.edge_sum = weighted_sum(edge_weights(), self.pixels)
        self.weak_pixels, _ = nn.test_image(WEAK_INDEX)
        self.weak_sum = weighted_sum(edge_weights(), self.weak_pixels)
        #: every number put on screen: name → (the mobject showing it, the value)
        self.shown: dict[str, tuple[VMobject, float]] = {}
        self.caption_mob: VMobject | None = None

    def set_caption(self, text: str) -> list:
        """Animations that swap the caption for ``text``."""
        new = caption(text)
        anims = fade_in(new)  # opacity fades: nothing copied
        if self.caption_mob is not None:
            anims += fade_out(self.caption_mob)
        self.caption_mob = new
        return anims

    def show_number(self, name: str, value: float, font_size: float = style.FONT_SIZE_BODY) -> MathTex:
        """A number as it appears on screen, remembered for the tests."""
        mob = MathTex(fmt(value), font_size=font_size)
        self.shown[name] = (mob, value)
        return mob

    @staticmethod
    def under(mob: VMobject, text: str, color=style.SECONDARY, max_width: float | None = None) -> Text:
        """A small label under ``mob`` (shrunk to ``max_width`` if given)."""
        words = Text(text, font_size=style.FONT_SIZE_SMALL, color=color)
        if max_width is not None and words.width > max_width:
            words.scale_to_fit_width(max_width)
        return words.next_to(mob, DOWN, buff=style.LABEL_BUFF)

    def little_neuron(self, value: float) -> Circle:
        """A hollow neuron filled to ``value``, the film's only way of showing an activation."""
        neuron = Circle(radius=SIDE_NEURON_RADIUS).set_stroke(style.NEURON_STROKE_COLOR, style.NEURON_STROKE_WIDTH)
        return neuron.set_fill(style.NEURON_FILL_COLOR, opacity=float(value))

    # --- 1. one neuron --------------------------------------------------------------------
    def focus_on_one_neuron(self) -> None:
        self.image = DigitImage(self.pixels).to_corner(style.IMAGE_CORNER, buff=style.FRAME_MARGIN)
        self.diagram = NetworkDiagram(self.net).scale(DIAGRAM_SCALE)
        self.add(self.image)  # static things before the diagram
        self.play(FadeIn(self.image), *self.set_caption("Zoom in on one neuron of the first hidden layer"),
                  run_time=style.RUN_TIME)
        self.play(*fade_in(self.diagram), run_time=style.RUN_TIME)
        self.wait(style.PAUSE)

        d = self.diagram
        self.neuron = d.neuron(1, NEURON)
        self.incoming = d.incoming_edges(1, NEURON)
        kept = {id(e) for e in self.incoming}
        rest = VGroup(
            *(e for e in d.edges[0] if id(e) not in kept), d.edges[1], d.edges[2],
            *(c for c in d.neurons[1] if c is not self.neuron), d.neurons[2], d.neurons[3], d.output_labels,
        )
        # the input column shows this image's real pixels: they are the activations a
        lights = [
            circle.animate.set_fill(opacity=float(self.pixels[i]))
            for circle, i in zip(d.neurons[0], d.drawn_indices(0))
        ]
        self.play(*fade_out(rest), *lights, run_time=style.RUN_TIME)
        self.wait(style.PAUSE)
        self.beat("one neuron")

    # --- 2. weights on the connections, the weighted sum -----------------------------------
    def weights_on_connections(self) -> None:
        d = self.diagram
        inputs = d.neurons[0]
        w_labels, a_labels, terms = VGroup(), VGroup(), []
        for n, k in enumerate(LABELLED_INPUTS):
            sub = "n" if n == len(LABELLED_INPUTS) - 1 else str(n + 1)
            w = MathTex(f"w_{sub}", font_size=style.FONT_SIZE_SMALL, color=style.W_COLOR)
            w.add_background_rectangle(color=style.BACKGROUND, opacity=1.0)
            w.move_to(self.incoming[k].point_from_proportion(W_LABEL_AT))
            a = MathTex(f"a_{sub}", font_size=style.FONT_SIZE_SMALL)
            a.next_to(inputs[k], LEFT, buff=style.LABEL_BUFF)
            w_labels.add(w)
            a_labels.add(a)
            terms.append((f"w_{sub}", f"a_{sub}"))
        terms.insert(len(terms) - 1, None)
        self.play(
            self.incoming.animate.set_stroke(style.W_COLOR, opacity=style.EDGE_WEIGHT_OPACITY),
            FadeOut(d.braces[0]),
            LaggedStart(*(FadeIn(m) for m in [*w_labels, *a_labels]), lag_ratio=style.LAG_RATIO),
            *self.set_caption("Every connection gets a weight w; the inputs a are pixel activations"),
            run_time=style.RUN_TIME,
        )
        self.wait(style.LONG_PAUSE)

        self.equation = WeightedSum(terms)
        self.equation.next_to(self.neuron, RIGHT, buff=EQUATION_BUFF)
        eq = self.equation
        self.play(
            *(TransformFromCopy(src[1], dst) for src, dst in zip(w_labels, eq.weights)),  # [1]: not the backdrop
            *(TransformFromCopy(src, dst) for src, dst in zip(a_labels, eq.activations)),
            FadeIn(VGroup(*eq.plus_signs, *eq.dots)),
            *self.set_caption("The neuron adds up weight × activation over all 784 inputs"),
            run_time=style.RUN_TIME * 1.5,
        )
        self.wait(style.LONG_PAUSE)
        self.beat("weighted sum")
        self.connection_labels = VGroup(w_labels, a_labels)

    # --- 3. the weights as a grid -----------------------------------------------------------
    def weights_as_grid(self) -> None:
        d = self.diagram
        remnant = VGroup(d.neurons[0], d.ellipses[0], self.incoming, self.neuron, self.connection_labels)
        self.play(FadeOut(self.image), FadeOut(remnant),
                  self.equation.animate.to_edge(UP, buff=style.FRAME_MARGIN).set_x(0), run_time=style.RUN_TIME)
        self.remove(self.diagram)

        real = self.net.weights[0][NEURON]
        self.grid = WeightGrid(real, side=GRID_SIDE, frame=True,
                               scale=float(np.percentile(np.abs(real), REAL_GRID_PERCENTILE)))
        self.grid.move_to(GRID_CENTER)
        self.grid_label = self.under(self.grid, "its 784 trained weights")
        self.play(FadeIn(self.grid), FadeIn(self.grid_label),
                  *self.set_caption("One weight per pixel, as a 28×28 grid: green +, red −, brighter = larger"),
                  run_time=style.RUN_TIME)
        self.wait(style.LONG_PAUSE)
        self.beat("weight grid")

    # --- 4. a made-up bar ---------------------------------------------------------------------
    def bar_pattern(self) -> None:
        made_up = Text("a made-up weight pattern", font_size=style.FONT_SIZE_SMALL, color=style.ALT_ACCENT)
        made_up.next_to(self.grid, UP, buff=style.LABEL_BUFF)
        bar_label = self.under(self.grid, "bar +1, rest 0")
        target = self.grid.copy().set_weights(bar_weights())
        self.play(Transform(self.grid, target), FadeIn(made_up), FadeOut(self.grid_label), FadeIn(bar_label),
                  *self.set_caption("Try a made-up pattern: every weight 0 except a bar of +1s"),
                  run_time=style.RUN_TIME)
        self.grid_label, self.made_up = bar_label, made_up
        self.wait(style.PAUSE)

        # the real digit, and the weights laid over it
        self.example = DigitImage(self.pixels, side=GRID_SIDE).move_to(IMAGE_CENTER)
        self.example_label = self.under(self.example, self.digit.source, max_width=GRID_SIDE)
        self.play(FadeIn(self.example), FadeIn(self.example_label),
                  *self.set_caption("Lay the weights over a real digit"), run_time=style.RUN_TIME)
        self.overlay = WeightGrid(bar_weights(), side=GRID_SIDE).move_to(self.grid)
        self.play(self.overlay.animate.overlay_on(self.example), run_time=style.RUN_TIME)

        title = Text("weighted sum", font_size=style.FONT_SIZE_SMALL, color=style.SECONDARY)
        number = self.show_number("bar sum", self.bar_sum, font_size=style.FONT_SIZE_HEADING)
        self.readout = VGroup(title, number).arrange(DOWN, buff=style.LABEL_BUFF).move_to(READOUT_CENTER)
        self.play(FadeIn(self.readout),
                  *self.set_caption("Zero weights ignore their pixels: the sum just adds up the bar's pixels"),
                  run_time=style.RUN_TIME)
        self.wait(style.LONG_PAUSE)
        self.beat("bar")

    # --- 5. negative surround: an edge detector ---------------------------------------------
    def edge_detector(self) -> None:
        label = self.under(self.grid, "bar +1, above/below −1")
        number = self.show_number("edge sum", self.edge_sum, font_size=style.FONT_SIZE_HEADING)
        number.move_to(self.readout[1])
        self.play(
            Transform(self.grid, self.grid.copy().set_weights(edge_weights())),
            Transform(self.overlay, self.overlay.copy().set_weights(edge_weights(), max_opacity=style.OVERLAY_OPACITY)),
            FadeOut(self.grid_label), FadeIn(label),
            FadeOut(self.readout[1]), FadeIn(number),
            *self.set_caption("Add −1s around it: the sum is biggest for a bright bar with dark edges"),
            run_time=style.RUN_TIME,
        )
        self.grid_label = label
        self.readout = VGroup(self.readout[0], number)
        self.wait(style.LONG_PAUSE)
        self.beat("edge detector")

        # the same weights on other real digits, then back to ours
        self.play(*self.set_caption("Digits without a bright stroke there score low"), run_time=style.RUN_TIME)
        for index in [*OTHER_INDICES, None]:
            pixels = self.pixels if index is None else nn.test_image(index)[0]
            source = self.digit.source if index is None else mnist_input(index).source
            value = weighted_sum(edge_weights(), pixels)
            number = self.show_number(f"edge sum #{index}" if index is not None else "edge sum",
                                      value, font_size=style.FONT_SIZE_HEADING).move_to(self.readout[1])
            label = self.under(self.example, source, max_width=GRID_SIDE)
            self.play(self.example.animate.set_pixels(pixels), FadeOut(self.readout[1]), FadeIn(number),
                      FadeOut(self.example_label), FadeIn(label), run_time=style.SHORT_RUN_TIME)
            self.readout = VGroup(self.readout[0], number)
            self.example_label = label
            self.wait(style.PAUSE)

    # --- 6. squishing the number line ---------------------------------------------------------
    def squish_number_line(self) -> None:
        self.play(FadeOut(Group(self.grid, self.grid_label, self.made_up, self.example, self.example_label,
                                self.overlay, self.readout)), run_time=style.RUN_TIME)

        lo, hi = float(SQUISH_SUMS[0]), float(SQUISH_SUMS[-1])
        sums_line = NumberLine(x_range=[lo, hi, 2], length=NUMBER_LINE_LENGTH, include_numbers=True,
                               font_size=style.FONT_SIZE_SMALL, color=style.SECONDARY)
        sums_line.move_to(UP * SUMS_LINE_Y)
        unit_line = NumberLine(x_range=[0, 1, 0.1], length=NUMBER_LINE_LENGTH, color=style.SECONDARY)
        unit_line.add_numbers([0, 0.5, 1], font_size=style.FONT_SIZE_SMALL, num_decimal_places=1)
        unit_line.move_to(UP * ACTIVATION_LINE_Y)
        sums_title = Text("possible weighted sums", font_size=style.FONT_SIZE_SMALL, color=style.SECONDARY)
        sums_title.next_to(sums_line, UP, buff=style.LABEL_BUFF).align_to(sums_line, LEFT)
        unit_title = Text("activations: only between 0 and 1", font_size=style.FONT_SIZE_SMALL, color=style.SECONDARY)
        unit_title.next_to(unit_line, DOWN, buff=style.LABEL_BUFF * 3).align_to(unit_line, LEFT)
        dots = VGroup(*(Dot(sums_line.n2p(s), radius=SQUISH_DOT_RADIUS, color=style.TEXT_COLOR) for s in SQUISH_SUMS))
        self.play(Create(sums_line), FadeIn(sums_title), FadeIn(dots),
                  *self.set_caption("A weighted sum can be any number at all"), run_time=style.RUN_TIME)
        self.wait(style.PAUSE)
        self.play(Create(unit_line), FadeIn(unit_title),
                  *self.set_caption("…but an activation has to lie between 0 and 1"), run_time=style.RUN_TIME)
        self.wait(style.PAUSE)

        squeezed = VGroup(*(
            Dot(unit_line.n2p(float(nn.sigmoid(s))), radius=SQUISH_DOT_RADIUS, color=style.SIGMA_COLOR)
            for s in SQUISH_SUMS
        ))
        paths = VGroup(*(
            DashedLine(a.get_center(), b.get_center(), stroke_width=style.EDGE_WIDTH, color=style.SECONDARY,
                       dash_length=SQUISH_DASH_LENGTH)
            for a, b in zip(dots, squeezed)
        ))
        self.play(TransformFromCopy(dots, squeezed), Create(paths),
                  *self.set_caption("So squeeze the whole line into [0, 1] with a function σ"),
                  run_time=style.RUN_TIME * 2)
        self.wait(style.LONG_PAUSE)
        self.beat("squish")
        self.squish = VGroup(sums_line, unit_line, sums_title, unit_title, dots, squeezed, paths)

    # --- 7. the sigmoid -----------------------------------------------------------------------
    def sigmoid_curve(self) -> None:
        x_range = plot_x_range([self.edge_sum, self.weak_sum])
        self.plot: FunctionPlot = sigmoid_plot(
            x_range, x_length=PLOT_X_LENGTH, y_length=PLOT_Y_LENGTH,
            x_numbers=[x for x in np.arange(x_range[0], x_range[1] + 1, x_range[2]) if x % (2 * x_range[2]) == 0],
        ).move_to(PLOT_CENTER)
        wrapped = WeightedSum(self.equation_terms(), sigma=True)
        self.play(FadeOut(self.squish), FadeIn(self.plot.axes), FadeIn(self.plot.label),
                  self.morph_equation(wrapped),
                  *self.set_caption("The sigmoid, or logistic curve, does the squeezing"), run_time=style.RUN_TIME)
        self.play(Create(self.plot.graph), run_time=style.RUN_TIME * 1.5)

        axes = self.plot.axes
        low = Text("very negative\n→ near 0", font_size=style.FONT_SIZE_SMALL, color=style.SECONDARY)
        low.move_to(axes.c2p(axes.x_range[0] * NOTE_X, NOTE_Y_LOW))
        high = Text("very positive\n→ near 1", font_size=style.FONT_SIZE_SMALL, color=style.SECONDARY)
        high.move_to(axes.c2p(axes.x_range[1] * NOTE_X, NOTE_Y_HIGH))
        self.play(FadeIn(low), FadeIn(high),
                  *self.set_caption("Very negative sums give almost 0, very positive almost 1"),
                  run_time=style.RUN_TIME)
        self.wait(style.LONG_PAUSE)
        self.beat("sigmoid")
        self.plot_notes = VGroup(low, high)

    def equation_terms(self) -> list:
        """The (w, a) terms of the top equation, None for its ⋯."""
        eq = self.equation
        terms, k = [], 0
        for role in eq.roles:
            if role == "w":
                terms.append((eq.weights[k].tex_string, eq.activations[k].tex_string))
                k += 1
            elif role == "dots":
                terms.append(None)
        return terms

    def morph_equation(self, new: WeightedSum) -> AnimationGroup:
        """The top equation becomes ``new`` (centred in its place): shared roles move, others fade."""
        old, anims = self.equation, []
        new.move_to(old).set_x(0)
        for roles in (("w",), ("a",), ("plus",), ("dots",), ("sigma",), ("open",), ("close",),
                      ("bias_sign",), ("bias",)):
            a, b = old.parts(*roles), new.parts(*roles)
            anims += [ReplacementTransform(x, y) for x, y in zip(a, b)]
            anims += [FadeIn(y) for y in b[len(a):]]
            anims += [FadeOut(x) for x in a[len(b):]]
        self.equation = new
        return AnimationGroup(*anims)

    # --- 8. the bias ----------------------------------------------------------------------------
    def add_bias(self) -> None:
        self.play(FadeOut(self.plot_notes),
                  *self.set_caption("Light up only when the sum is above 10? Subtract 10 before σ"),
                  run_time=style.RUN_TIME)
        self.play(self.morph_equation(WeightedSum(self.equation_terms(), sigma=True, bias=f"{BIAS_EXAMPLE:g}")),
                  run_time=style.RUN_TIME)
        self.bias_tag = tag(self.equation.bias, "bias", style.B_COLOR)
        self.play(Create(self.bias_tag[0]), FadeIn(self.bias_tag[1]), run_time=style.RUN_TIME)
        self.wait(style.PAUSE)

        # the same σ, now of (sum − 10): the curve slides right, its rise now around 10
        axes = self.plot.axes
        self.shifted = axes.plot(lambda x: float(nn.sigmoid(x + BIAS_EXAMPLE)), color=style.B_COLOR,
                                 stroke_width=self.plot.graph.get_stroke_width())
        shifted_label = MathTex(r"\sigma", rf"(x - {abs(BIAS_EXAMPLE):g})", font_size=style.FONT_SIZE_BODY)
        shifted_label.set_color(style.B_COLOR)
        shifted_label[0].set_color(style.SIGMA_COLOR)
        shifted_label.next_to(self.plot.label, DOWN, buff=style.LABEL_BUFF, aligned_edge=LEFT)  # a legend
        self.play(TransformFromCopy(self.plot.graph, self.shifted), FadeIn(shifted_label),
                  *self.set_caption("The bias slides the curve: the sum now has to pass 10"),
                  run_time=style.RUN_TIME * 1.5)
        self.wait(style.LONG_PAUSE)
        self.beat("bias")
        self.shifted_label = shifted_label

    # --- 9. with and without the bias --------------------------------------------------------
    def compare_with_bias(self) -> None:
        header = [
            VGroup(),
            Text("sum", font_size=style.FONT_SIZE_SMALL, color=style.SECONDARY),
            Text("no bias", font_size=style.FONT_SIZE_SMALL, color=style.SECONDARY),
            Text(f"bias {BIAS_EXAMPLE:g}".replace("-", "−"), font_size=style.FONT_SIZE_SMALL, color=style.B_COLOR),
        ]
        rows, marks = [], []
        for key, pixels, s in (("", self.pixels, self.edge_sum), (" weak", self.weak_pixels, self.weak_sum)):
            plain, biased = float(nn.sigmoid(s)), float(nn.sigmoid(s + BIAS_EXAMPLE))
            cells = [
                DigitImage(pixels, side=THUMB_SIDE),
                self.show_number(f"sum{key}", s),
                VGroup(self.little_neuron(plain), self.show_number(f"no bias{key}", plain)),
                VGroup(self.little_neuron(biased), self.show_number(f"with bias{key}", biased)),
            ]
            for cell in cells[2:]:
                cell.arrange(RIGHT, buff=style.LABEL_BUFF)
            rows.append(cells)
            axes = self.plot.axes
            marks.append(VGroup(
                DashedLine(axes.c2p(s, 0), axes.c2p(s, 1), stroke_width=style.EDGE_WIDTH, color=style.SECONDARY),
                Dot(self.plot.point(s), radius=SQUISH_DOT_RADIUS * 1.5, color=style.SIGMA_COLOR),
                Dot(axes.c2p(s, biased), radius=SQUISH_DOT_RADIUS * 1.5, color=style.B_COLOR),
            ))
        table = Group(*header, *rows[0], *rows[1]).arrange_in_grid(rows=3, cols=4, buff=TABLE_BUFF)
        table.move_to(TABLE_CENTER)
        self.play(FadeIn(VGroup(*header)), FadeIn(Group(*rows[0])), Create(marks[0]),
                  *self.set_caption("The edge detector's sum on our digit, without and with the bias"),
                  run_time=style.RUN_TIME)
        self.wait(style.LONG_PAUSE)
        self.play(FadeIn(Group(*rows[1])), Create(marks[1]),
                  *self.set_caption("A weak match lights up without a bias, but not with one"),
                  run_time=style.RUN_TIME)
        self.wait(style.LONG_PAUSE)
        self.play(*self.set_caption("Weights pick the pattern; the bias sets how big the sum must be"),
                  run_time=style.RUN_TIME)
        self.wait(style.LONG_PAUSE)
        self.beat("with and without bias")
        self.table, self.marks = table, VGroup(*marks)

    # --- 10. the real neuron -------------------------------------------------------------------
    def real_neuron(self) -> None:
        w, b = self.net.weights[0][NEURON], float(self.net.biases[0][NEURON])
        dot = weighted_sum(w, self.pixels)
        activation = float(self.net.activations(self.pixels)[1][NEURON])
        self.play(*fade_out(self.plot, self.shifted, self.shifted_label, self.table, self.marks, self.bias_tag),
                  self.morph_equation(WeightedSum(self.equation_terms(), sigma=True, bias="+ b")),
                  run_time=style.RUN_TIME)
        grid = WeightGrid(w, side=GRID_SIDE, frame=True, scale=float(np.percentile(np.abs(w), REAL_GRID_PERCENTILE)))
        grid.move_to(GRID_CENTER)
        grid_label = self.under(grid, "its 784 trained weights")
        title = Text("the trained network's neuron", font_size=style.FONT_SIZE_SMALL, color=style.SECONDARY)
        title.next_to(grid, UP, buff=style.LABEL_BUFF)

        bias_line = VGroup(MathTex("b", "=", font_size=style.FONT_SIZE_BODY), self.show_number("real bias", b))
        bias_line[0][0].set_color(style.B_COLOR)
        sign = "+" if b >= 0 else "-"
        formula = MathTex(r"\sigma", rf"({fmt(dot)} {sign} {fmt(abs(b))}) =", font_size=style.FONT_SIZE_BODY)
        formula[0].set_color(style.SIGMA_COLOR)
        act_line = VGroup(formula, self.show_number("real activation", activation), self.little_neuron(activation))
        for line in (bias_line, act_line):
            line.arrange(RIGHT, buff=style.LABEL_BUFF)
        on_image = Text("on our digit", font_size=style.FONT_SIZE_SMALL, color=style.SECONDARY)
        panel = VGroup(bias_line, on_image, act_line).arrange(DOWN, buff=style.LABEL_BUFF * 3, aligned_edge=LEFT)
        panel.next_to(grid, RIGHT, buff=GRID_SIDE / 2)
        Group(grid, grid_label, title, panel).set_x(0)
        self.shown["real weighted sum"] = (formula, dot)
        self.play(FadeIn(grid), FadeIn(grid_label), FadeIn(title), FadeIn(panel),
                  *self.set_caption("The real network's neuron has 784 weights and a bias of its own"),
                  run_time=style.RUN_TIME)
        self.wait(style.LONG_PAUSE)
        self.beat("real neuron")

    def fade_all(self) -> None:
        fade_out_all(self, run_time=style.RUN_TIME)

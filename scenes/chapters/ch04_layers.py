"""Chapter 4 (3:35, "Introducing layers"): the 784 neurons become the input layer of 784-16-16-10.

Beats (storyboard): the grid of 784 neurons from chapter 3 rearranges into the input column (16
drawn + ellipsis + brace "784"); the output layer of 10, then zoomed, a box pairing each neuron
with its digit; the two hidden layers of 16 fade in with their edges, then veiled under a giant
question mark, a flash over the edges into the outputs as the digits light up (how will they pick
one?); our choice of 2 × 16 (the two layers boxed, each one's incoming edges flashing in turn,
braces "16" the height of the screen), and two other shapes in front of ours, veiled; the four
layers' names (input layer
a⁽⁰⁾ … output layer a⁽³⁾), named one by one, their symbols moving under the columns, each column
boxed in turn; each layer sets the next (flashes), the edges into one neuron of the first hidden
layer (the one our image lights most) standing out, and our image lighting the input and that
neuron; then the real trained network reads our 3 (the 16 drawn pixels marked on the image),
layer by layer, its brightest output boxed and all ten outputs written beside their digits; two
more test images. Every fill and every number is a genuine activation from ``nn``; the other
shapes are drawn hollow, only as shapes.
"""
from __future__ import annotations

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    AnimationGroup,
    Brace,
    Create,
    Dot,
    FadeIn,
    FadeOut,
    Group,
    GrowFromCenter,
    Indicate,
    LaggedStart,
    Line,
    MathTex,
    Mobject,
    MoveToTarget,
    ReplacementTransform,
    ShowPassingFlash,
    Succession,
    SurroundingRectangle,
    Text,
    Transform,
    VGroup,
)

import nn
from scenes.components import (
    DigitImage,
    NetworkDiagram,
    PixelImage,
    edge_flash,
    highlight_box,
    label_next_to,
    layer_name,
    layer_symbol,
    neuron_grid,
    ring,
    style,
)
from scenes.components.transitions import Conceal, Cover, FadeToBlack, Reveal, Swap, SwapUnderCover, fade_in, fade_out
from scenes.content.digit_input import DigitInput, chosen_input, mnist_input
from scenes.content.examples import HERO_INDEX
from scenes.runtime.narrated_scene import NarratedScene

#: two more MNIST test images fed to the network after the chosen one: a 4 and a 5
MORE_IMAGES: tuple[int, ...] = (4, 15)
#: other shapes a network for the same task could have (drawn hollow, only as shapes)
OTHER_SHAPES: tuple[tuple[int, ...], ...] = ((784, 32, 10), (784, 16, 16, 16, 10))
GRID_SIDE = 5.6  # the 784 neurons as chapter 3 left them
GRID_CENTER = LEFT * 3.0 + UP * 0.1
QUESTION_FONT_SIZE = 300  # the giant question mark over the hidden layers
VEIL_OPACITY = 0.75  # how much of the hidden layers the question mark's veil hides
SHAPES_VEIL = 0.92  # how much of our network the veil hides while other shapes are shown
COUNT_FONT_SIZE = 96  # 2 × 16
COUNT_CORNER = np.array([-4.4, 2.9, 0.0])  # where 2 × 16 goes when the braces come
DIAGRAM_CENTER = style.DIAGRAM_CENTER + UP * 0.25  # a little higher: room for the a⁽ˡ⁾ row above the caption
ELLIPSIS_SHRINK = 0.2  # the 768 undrawn neurons shrink to this as they vanish into the ellipsis
OUTPUT_ZOOM = 1.7  # the output layer, enlarged while it is explained
LEGEND_TOP_LEFT = np.array([-6.7, 3.5, 0.0])  # the layers' names, where the image goes later
LEGEND_GAP = 0.35
SYMBOL_GAP = 0.35  # from the bottom of the hidden columns down to the row of a⁽ˡ⁾ symbols
SYMBOL_FONT_SIZE = 40  # a⁽ˡ⁾: its superscript at least 9 px at 480p
LABEL_FONT_SIZE = 28  # small words (lower-case letters at least 9 px at 480p)
BRISK = 0.7  # seconds: the run time of most of this chapter's moves (every animated frame costs render time)
BOX_STEP = 0.2  # seconds: a box moving on to the next neuron or column
# --- other shapes, in front of ours (veiled)
SHAPE_HEIGHT = 2.8
SHAPE_CENTERS = (np.array([-4.3, 0.2, 0.0]), np.array([2.7, 0.2, 0.0]))


def other_shape(sizes: tuple[int, ...]) -> NetworkDiagram:
    """A hollow diagram of a network with layer ``sizes`` (freshly made: only its shape is shown)."""
    diagram = NetworkDiagram(nn.Network(list(sizes)), layer_gap=style.LAYER_GAP, max_drawn=10, neuron_gap=0.04,
                             output_labels=False, input_pixels=())
    diagram.annotations.remove(*diagram.braces.values())  # the sizes are written under the shape, legibly
    return diagram.scale_to_fit_height(SHAPE_HEIGHT)


def shape_tex(sizes: tuple[int, ...]) -> str:
    """784 → 16 → 16 → 10"""
    return r" \to ".join(str(n) for n in sizes)


class IntroducingLayers(NarratedScene):
    """Input layer of 784, output layer of 10, two hidden layers of 16; then real forward passes."""

    value: MathTex  # the answer's activation written last

    def construct(self) -> None:
        self.net = nn.load_pretrained()
        self.digit = chosen_input(HERO_INDEX)
        self.diagram = NetworkDiagram(self.net, center=DIAGRAM_CENTER)
        self.answers: list[tuple[DigitInput, int]] = []  # (image fed, boxed output) per pass
        self.input_layer()
        self.output_layer()
        self.hidden_layers()
        self.our_choice()
        self.layer_names()
        self.one_layer_sets_the_next()
        self.forward_pass()
        self.another_image()
        self.play(FadeToBlack(run_time=style.RUN_TIME))

    # --- beats -----------------------------------------------------------------------------
    def input_layer(self) -> None:
        with self.beat("input-layer") as beat:
            d = self.diagram
            grid = neuron_grid(PixelImage(self.digit.pixels, side=GRID_SIDE).move_to(GRID_CENTER))
            self.play(Reveal(grid), run_time=style.RUN_TIME)
            # the 16 drawn pixels become the drawn input neurons (same values); the rest vanish into ⋮
            drawn = d.drawn_indices(0)
            for circle, i in zip(d.neurons[0], drawn):
                circle.set_fill(opacity=float(self.digit.pixels[i]))
            shown = VGroup(*(grid[i] for i in drawn))
            rest = VGroup(*(c for i, c in enumerate(grid) if i not in set(drawn)))
            rest.generate_target()
            for c in rest.target:
                c.move_to(d.ellipses[0]).scale(ELLIPSIS_SHRINK).set_opacity(0)
            self.remove(grid)
            self.add(rest, shown)
            self.play(ReplacementTransform(shown, d.neurons[0]), MoveToTarget(rest), run_time=style.RUN_TIME * 1.5)
            self.remove(rest)
            beat.wait_until(1)
            self.play(FadeIn(d.ellipses[0]), FadeIn(d.braces[0]), run_time=style.RUN_TIME)

    def output_layer(self) -> None:
        """The output layer of ten, then enlarged, a box pairing each neuron with its digit in turn."""
        with self.beat("output-layer") as beat:
            d = self.diagram  # the input column goes hollow: nothing is fed in before the forward pass
            self.play(FadeIn(d.neurons[3]), FadeIn(d.output_labels, lag_ratio=style.LAG_RATIO),
                      d.neurons[0].animate.set_fill(opacity=0), run_time=style.RUN_TIME * 1.5)
            beat.wait_until(1)
            self.outputs = VGroup(d.neurons[3], d.output_labels)
            self.outputs_at = self.outputs.get_center()
            self.play(self.outputs.animate.scale(OUTPUT_ZOOM).shift(LEFT * 0.4), run_time=BRISK)
            step = BOX_STEP
            box = highlight_box(VGroup(d.neurons[3][0], d.output_labels[0]))
            self.play(Succession(Create(box), *(Transform(box, highlight_box(VGroup(circle, digit)))
                                                for circle, digit in zip(d.neurons[3][1:], d.output_labels[1:]))),
                      run_time=step * len(d.neurons[3]))  # one play: the static frame drawn once
            self.output_box = box

    def hidden_layers(self) -> None:
        """The hidden layers and edges fade in; a veil and a giant question mark over them; the edges
        into the outputs flash, the digits one after another: how will they pick one?"""
        with self.beat("hidden-layers") as beat:
            d = self.diagram
            self.play(*fade_out(self.output_box), run_time=style.SHORT_RUN_TIME / 2)
            self.play(self.outputs.animate.scale(1 / OUTPUT_ZOOM).move_to(self.outputs_at), run_time=BRISK)
            self.play(LaggedStart(FadeIn(d.edges[0]), FadeIn(d.neurons[1]), FadeIn(d.edges[1]), FadeIn(d.neurons[2]),
                                  FadeIn(d.edges[2]), lag_ratio=0.3), run_time=style.LAGGED_FADE_IN * 2 / 3)
            # the whole diagram as one mobject from now on, in its own paint order (edges behind)
            self.remove(*(m for m in self.mobjects if m is not self.captions.current))
            self.add(d)
            hidden = VGroup(d.neurons[1], d.neurons[2])
            # a veil from the input column to the second hidden layer: the edges into the outputs stay clear
            left, right = d.neurons[0].get_right()[0] + d.neuron_radius, d.neurons[2].get_right()[0] + d.neuron_radius
            self.veil = Cover(VGroup(d.neurons[0], d.neurons[3])).stretch_to_fit_width(right - left)
            self.veil.set_x((left + right) / 2).set_fill(opacity=0)
            self.question = Text("?", font_size=QUESTION_FONT_SIZE, color=style.ACCENT).move_to(hidden)
            beat.wait_until(1)
            self.wait(style.SHORT_RUN_TIME / 2)
            self.add(self.veil)
            self.play(self.veil.animate.set_fill(opacity=VEIL_OPACITY), FadeIn(self.question, scale=0.5),
                      run_time=BRISK)
            beat.wait_until(2)
            self.play(edge_flash(d.edges[2]), LaggedStart(*(Indicate(digit, scale_factor=1.6) for digit in d.output_labels),
                                                   lag_ratio=0.15), run_time=style.RUN_TIME * 1.2)

    def our_choice(self) -> None:
        """The veil lifts and the question mark becomes 2 × 16, the two layers boxed; each layer's
        incoming edges flash in turn; braces "16" the height of the screen; our network veiled, two
        other shapes in front of it."""
        with self.beat("our-choice") as beat:
            d = self.diagram
            hidden = VGroup(d.neurons[1], d.neurons[2])
            self.count = MathTex(r"2 \times 16", font_size=COUNT_FONT_SIZE, color=style.ACCENT).move_to(hidden)
            self.count.add_background_rectangle(opacity=0.85, buff=0.1)
            boxes = VGroup(*(highlight_box(column) for column in hidden))
            self.play(self.veil.animate.set_fill(opacity=0), Swap(self.question, self.count), run_time=BRISK)
            self.remove(self.veil)
            # the count leaves the unveiled network for its corner as the two layers it counts are boxed
            self.play(Create(boxes), self.count.animate.move_to(COUNT_CORNER), run_time=BRISK)
            # the story of the next chapter: what each layer might do
            beat.wait_until(1)
            for group in range(2):
                self.play(edge_flash(d.edges[group]), run_time=style.RUN_TIME)
            # sixteen: a column the height of the screen
            beat.wait_until(2)
            self.braces = VGroup()
            for column in hidden:
                brace = Brace(column, RIGHT, buff=style.BRACE_BUFF)
                number = MathTex("16", font_size=style.FONT_SIZE_HEADING).next_to(brace, RIGHT, buff=style.LABEL_BUFF)
                self.braces.add(VGroup(brace, number.add_background_rectangle(opacity=0.85, buff=0.05)))
            self.play(*fade_out(boxes), *(GrowFromCenter(b[0]) for b in self.braces), *(FadeIn(b[1]) for b in self.braces),
                      run_time=style.RUN_TIME)
            # many other shapes would work: ours veiled, two others in front
            beat.wait_until(3)
            self.veil = Cover(d).set_fill(opacity=0)
            self.add(self.veil)
            self.play(*fade_out(self.braces), self.veil.animate.set_fill(opacity=SHAPES_VEIL), run_time=BRISK)
            self.shapes = VGroup()
            for sizes, center in zip(OTHER_SHAPES, SHAPE_CENTERS):
                shape = other_shape(sizes).move_to(center)
                name = MathTex(shape_tex(sizes), font_size=style.FONT_SIZE_BODY).next_to(shape, DOWN, buff=style.LABEL_BUFF)
                name.add_background_rectangle(opacity=1.0, buff=0.05)
                self.shapes.add(VGroup(shape, name))
            self.play(LaggedStart(*(Reveal(shape) for shape in self.shapes), lag_ratio=0.5), run_time=style.RUN_TIME)

    def layer_names(self) -> None:
        """Ours unveiled; the four layers named one by one, each column boxed as it is named; their
        symbols move from the names to under the columns; each column boxed again, left to right."""
        with self.beat("layer-names") as beat:
            d = self.diagram
            self.play(Conceal(*self.shapes), *fade_out(self.count), run_time=style.SHORT_RUN_TIME)
            self.play(self.veil.animate.set_fill(opacity=0), run_time=BRISK)
            self.remove(self.veil)
            lines = VGroup()
            for layer in range(len(d.neurons)):
                symbol = MathTex(layer_symbol(layer), font_size=SYMBOL_FONT_SIZE, color=style.ACCENT)
                name = Text(layer_name(layer, len(d.neurons)), font_size=LABEL_FONT_SIZE, color=style.TEXT_COLOR)
                lines.add(VGroup(symbol, name).arrange(RIGHT, buff=style.LABEL_BUFF * 2))
            lines.arrange(DOWN, aligned_edge=LEFT, buff=LEGEND_GAP).move_to(LEGEND_TOP_LEFT, aligned_edge=UP + LEFT)
            for line in lines:  # the names in one column, whatever the width of their symbols
                line[1].align_to(lines[0][1], LEFT)
            step = max(style.RUN_TIME, (beat.until(1) - style.SHORT_RUN_TIME) / len(lines))

            def column_box(layer: int, *more: Mobject) -> SurroundingRectangle:  # the output column with its digits
                labels = (d.output_labels,) if layer == len(d.neurons) - 1 else ()
                return highlight_box(VGroup(d.layers[layer], *labels, *more))

            box = column_box(0)
            for layer, line in enumerate(lines):  # each name as its column is boxed, then a pause
                self.play(Reveal(line), Create(box) if layer == 0 else Transform(box, column_box(layer)),
                          run_time=BOX_STEP * 2)
                self.wait(step - BOX_STEP * 2)
            # the names from here on: their symbols go under the columns
            beat.wait_until(1)
            self.symbols = self.column_symbols()  # a⁽ˡ⁾ under each column, kept for the rest of the chapter
            # copies that set off, unseen, from the end of each name, and show as they go
            starts = [line[0].copy().set_opacity(0).next_to(line[1], RIGHT) for line in lines]
            self.play(*fade_out(box), *(ReplacementTransform(start, symbol) for start, symbol in zip(starts, self.symbols)),
                      run_time=style.RUN_TIME)
            # the letter a, numbered zero to three from left to right
            beat.wait_until(2)
            step = BOX_STEP * 2
            box = column_box(0, self.symbols[0])
            self.play(Succession(*(AnimationGroup(Create(box) if layer == 0 else Transform(box, column_box(layer, symbol)),
                                                  Indicate(symbol, scale_factor=1.3))
                                   for layer, symbol in enumerate(self.symbols))), run_time=step * len(lines))
            self.names_box = box
            self.legend = lines

    def one_layer_sets_the_next(self) -> None:
        """A flash over each edge group in turn; then the edges into one neuron of the first hidden layer
        stand out (the one our image lights most); our image lights the input, and that neuron fires."""
        output = self.net.activations(self.digit.pixels)
        self.focus = int(np.argmax(output[1]))  # the first hidden layer's neuron our image lights most
        with self.beat("one-layer-sets-the-next") as beat:
            d = self.diagram
            self.play(*fade_out(self.names_box), run_time=style.SHORT_RUN_TIME)
            for group in range(len(d.edges)):
                self.play(edge_flash(d.edges[group]), run_time=style.LAYER_PASS_TIME)
            # how: the edges into one neuron
            beat.wait_until(1)
            self.wait(style.SHORT_RUN_TIME / 2)
            target = d.neuron(1, self.focus)
            self.into = d.incoming_edges(1, self.focus).copy().set_stroke(style.ACCENT, style.FLASH_WIDTH * 0.6, opacity=1.0)
            self.focus_ring = ring(target)
            self.play(Create(self.into), Create(self.focus_ring), run_time=BRISK)
            # some cells firing make others fire: our image's pixels, then that neuron, for real
            beat.wait_until(2)
            self.wait(style.SHORT_RUN_TIME / 2)
            self.play(d.light_input(self.digit.pixels, run_time=BRISK))
            flash = self.into.copy().set_stroke(style.TEXT_COLOR, style.FLASH_WIDTH)
            self.play(ShowPassingFlash(flash, time_width=style.FLASH_TIME_WIDTH),
                      target.animate.set_fill(opacity=float(output[1][self.focus])), run_time=style.RUN_TIME)

    def forward_pass(self) -> None:
        output = self.net.forward(self.digit.pixels)
        answer = int(np.argmax(output))
        with self.beat("forward-pass", answer=answer, output=float(output[answer])) as beat:
            d = self.diagram
            self.image = DigitImage(self.digit.pixels).to_corner(style.IMAGE_CORNER, buff=style.FRAME_MARGIN)
            self.tag = label_next_to(self.image, self.digit.tag, font_size=LABEL_FONT_SIZE)
            self.play(Conceal(self.legend), *fade_out(self.into, self.focus_ring), d.light_input(np.zeros(nn.N_PIXELS)),
                      run_time=style.RUN_TIME)
            self.play(Reveal(self.image, self.tag), run_time=style.SHORT_RUN_TIME)
            self.bring_to_back(self.image, self.tag)  # static during the passes: painted once
            beat.wait_until(1)
            self.play(d.light_input(self.digit.pixels, run_time=style.RUN_TIME))
            beat.wait_until(2)
            self.marks = lines, dots = self.drawn_pixel_links()
            self.add(lines)
            self.bring_to_back(lines)  # the lines come out from under the image; its tag steps aside
            self.play(*fade_in(lines), FadeIn(dots), Conceal(self.tag), run_time=style.RUN_TIME)
            beat.wait_until(3)
            self.feed(self.digit, from_layer=1, layer_time=style.LAYER_PASS_TIME * 1.3)
            # the brightest output: all ten written beside their digits, the answer's highlighted
            beat.wait_until(4)
            self.outputs_written = self.output_values(d.activations_shown[-1])
            self.play(LaggedStart(*fade_in(*self.outputs_written), lag_ratio=0.1), run_time=BRISK)

    def another_image(self) -> None:
        with self.beat("another-image"):
            self.play(FadeOut(self.marks), *fade_out(*self.outputs_written), Reveal(self.tag), run_time=style.SHORT_RUN_TIME)
            for index in MORE_IMAGES:
                digit = mnist_input(index)
                fades = fade_out(self.value) if self.value not in self.outputs_written else []
                self.play(SwapUnderCover(Group(self.image, self.tag), lambda d=digit: self.show_image(d)),
                          *fades, run_time=style.SHORT_RUN_TIME)
                self.feed(digit, quick=True)
                self.value = self.output_values(self.diagram.activations_shown[-1], only_answer=True)[0]
                self.play(FadeIn(self.value), run_time=style.SHORT_RUN_TIME)

    # --- helpers ---------------------------------------------------------------------------
    def column_symbols(self) -> VGroup:
        """a⁽⁰⁾ … a⁽³⁾ on one row under the columns (a⁽⁰⁾ left of the input column's brace, which
        reaches lower)."""
        d = self.diagram
        row_y = d.neurons[1].get_bottom()[1] - SYMBOL_GAP
        symbols = VGroup()
        for layer, column in enumerate(d.neurons):
            symbol = MathTex(layer_symbol(layer), font_size=SYMBOL_FONT_SIZE, color=style.ACCENT)
            x = d.braces[0].get_left()[0] - symbol.width / 2 if layer == 0 else column.get_x()
            symbols.add(symbol.move_to([x, row_y, 0]))
        return symbols

    def drawn_pixel_links(self) -> VGroup:
        """A dot on each of the 16 pixels the drawn input neurons hold, and a thin line to its neuron."""
        centres = self.image.cell_centers()
        dots, lines = VGroup(), VGroup()
        for index, neuron in zip(self.diagram.drawn_indices(0), self.diagram.neurons[0]):
            dot = Dot(centres[index], radius=self.image.pixel_side * 0.35, color=style.ACCENT)
            dots.add(dot)
            lines.add(Line(dot.get_center(), neuron.get_left(), stroke_width=style.EDGE_WIDTH,
                           color=style.ACCENT, stroke_opacity=0.5))
        return VGroup(lines, dots)

    def feed(self, digit: DigitInput, **pass_options) -> None:
        """The real forward pass of ``digit``, its brightest output boxed; the answer is recorded."""
        self.bring_to_front(self.diagram)  # texts before it stay in the static frame during the pass
        self.play(self.diagram.forward_pass(digit.pixels, **pass_options))
        self.answers.append((digit, int(np.argmax(self.diagram.activations_shown[-1]))))

    def output_values(self, outputs: np.ndarray, only_answer: bool = False) -> list[MathTex]:
        """Each output's activation (two decimals) right of its digit, clear of the answer's box: the
        answer's in the accent colour (only that one with ``only_answer``). The answer's is also
        ``self.value``."""
        d = self.diagram
        answer = int(np.argmax(outputs))
        x = d.prediction_box(answer).get_right()[0] + style.LABEL_BUFF
        values = []
        for index in (answer,) if only_answer else d.drawn_indices(len(d.neurons) - 1):
            color = style.ACCENT if index == answer else style.SECONDARY
            value = MathTex(f"{outputs[index]:.2f}", font_size=style.FONT_SIZE_LABEL, color=color)
            value.move_to([x, d.output_label(index).get_y(), 0], aligned_edge=LEFT)
            values.append(value)
            if index == answer:
                self.value = value
        return values

    def show_image(self, digit: DigitInput) -> None:
        """Put ``digit`` in the image top-left and name it underneath (no animation)."""
        self.image.set_pixels(digit.pixels)
        self.tag.become(label_next_to(self.image, digit.tag, font_size=LABEL_FONT_SIZE))

"""Chapter 4 (3:35, "Introducing layers"): the 784 neurons become the input layer of 784-16-16-10.

Beats (storyboard): the grid of 784 neurons from chapter 3 rearranges into the input column (16
drawn + ellipsis + brace "784"); the output layer of 10; the two hidden layers of 16 and a big
question mark; our choice of 2 × 16; the four layers' names (input layer a⁽⁰⁾ … output layer a⁽³⁾);
each layer sets the next; then the real trained network reads our 3 (the 16 drawn pixels marked
on the image), layer by layer, its brightest output boxed with its real activation; two more test
images. Every fill is a genuine activation from ``nn``.
"""
from __future__ import annotations

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Dot,
    FadeIn,
    FadeOut,
    Group,
    LaggedStart,
    Line,
    MathTex,
    MoveToTarget,
    ReplacementTransform,
    ShowPassingFlash,
    Text,
    VGroup,
)

import nn
from scenes.components import (
    DigitImage,
    NetworkDiagram,
    PixelImage,
    highlight_box,
    label_next_to,
    layer_name,
    layer_symbol,
    neuron_grid,
    style,
)
from scenes.components.transitions import Conceal, FadeToBlack, Reveal, Swap, SwapUnderCover, fade_in
from scenes.content.digit_input import DigitInput, chosen_input, mnist_input
from scenes.content.examples import HERO_INDEX
from scenes.runtime.narrated_scene import NarratedScene

#: two more MNIST test images fed to the network after the chosen one: a 4 and a 5
MORE_IMAGES: tuple[int, ...] = (4, 15)
GRID_SIDE = 5.6  # the 784 neurons as chapter 3 left them
GRID_CENTER = LEFT * 3.0 + UP * 0.1
QUESTION_FONT_SIZE = 120
ELLIPSIS_SHRINK = 0.2  # the 768 undrawn neurons shrink to this as they vanish into the ellipsis
LEGEND_TOP_LEFT = np.array([-6.7, 2.6, 0.0])  # the layers' names, where the image goes later
LEGEND_GAP = 0.35
SYMBOL_GAP = 0.35  # from the bottom of the hidden columns down to the row of a⁽ˡ⁾ symbols


class IntroducingLayers(NarratedScene):
    """Input layer of 784, output layer of 10, two hidden layers of 16; then real forward passes."""

    def construct(self) -> None:
        self.net = nn.load_pretrained()
        self.digit = chosen_input(HERO_INDEX)
        self.diagram = NetworkDiagram(self.net)
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
        with self.beat("output-layer"):
            d = self.diagram  # the input column goes hollow: nothing is fed in before the forward pass
            self.play(FadeIn(d.neurons[3]), FadeIn(d.output_labels, lag_ratio=style.LAG_RATIO),
                      d.neurons[0].animate.set_fill(opacity=0), run_time=style.RUN_TIME * 1.5)

    def hidden_layers(self) -> None:
        with self.beat("hidden-layers") as beat:
            d = self.diagram
            self.play(LaggedStart(FadeIn(d.edges[0]), FadeIn(d.neurons[1]), FadeIn(d.edges[1]), FadeIn(d.neurons[2]),
                                  FadeIn(d.edges[2]), lag_ratio=0.3), run_time=style.LAGGED_FADE_IN * 2 / 3)
            # the whole diagram as one mobject from now on, in its own paint order (edges behind)
            self.remove(*(m for m in self.mobjects if m is not self.captions.current))
            self.add(d)
            hidden = VGroup(d.neurons[1], d.neurons[2])
            self.question = Text("?", font_size=QUESTION_FONT_SIZE, color=style.ACCENT).move_to(hidden)
            beat.wait_until(1)
            self.play(FadeIn(self.question, scale=0.5), run_time=style.RUN_TIME)

    def our_choice(self) -> None:
        with self.beat("our-choice") as beat:
            d = self.diagram
            hidden = VGroup(d.neurons[1], d.neurons[2])
            count = MathTex(r"2 \times 16", font_size=style.FONT_SIZE_TITLE, color=style.ACCENT).move_to(hidden)
            self.play(Swap(self.question, count), run_time=style.RUN_TIME)
            beat.wait_until(3)
            self.play(FadeOut(count), run_time=style.SHORT_RUN_TIME)

    def layer_names(self) -> None:
        with self.beat("layer-names") as beat:
            d = self.diagram
            lines = VGroup()
            for layer in range(len(d.neurons)):
                symbol = MathTex(layer_symbol(layer), font_size=style.FONT_SIZE_LABEL, color=style.ACCENT)
                name = Text(layer_name(layer, len(d.neurons)), font_size=style.FONT_SIZE_SMALL, color=style.TEXT_COLOR)
                lines.add(VGroup(symbol, name).arrange(RIGHT, buff=style.LABEL_BUFF * 2))
            lines.arrange(DOWN, aligned_edge=LEFT, buff=LEGEND_GAP).move_to(LEGEND_TOP_LEFT, aligned_edge=UP + LEFT)
            self.symbols = self.column_symbols()  # a⁽ˡ⁾ under each column, kept for the rest of the chapter
            box = None
            for layer, line in enumerate(lines):
                new_box = highlight_box(d.neurons[layer])
                self.play(Reveal(line, self.symbols[layer]), FadeOut(box) if box else FadeIn(new_box),
                          *([FadeIn(new_box)] if box else []), run_time=style.SHORT_RUN_TIME)
                box = new_box
                self.wait(style.SHORT_RUN_TIME)
            beat.wait_until(2)
            self.play(FadeOut(box), run_time=style.SHORT_RUN_TIME)
            self.legend = lines

    def one_layer_sets_the_next(self) -> None:
        with self.beat("one-layer-sets-the-next"):
            for group in self.diagram.edges:
                flash = group.copy().set_stroke(style.FLASH_COLOR, style.FLASH_WIDTH, opacity=1.0)
                self.play(ShowPassingFlash(flash, time_width=style.FLASH_TIME_WIDTH), run_time=style.LAYER_PASS_TIME)

    def forward_pass(self) -> None:
        output = self.net.forward(self.digit.pixels)
        answer = int(np.argmax(output))
        with self.beat("forward-pass", answer=answer, output=float(output[answer])) as beat:
            self.image = DigitImage(self.digit.pixels).to_corner(style.IMAGE_CORNER, buff=style.FRAME_MARGIN)
            self.tag = label_next_to(self.image, self.digit.tag)
            self.play(Conceal(self.legend), run_time=style.SHORT_RUN_TIME)
            self.play(Reveal(self.image, self.tag), run_time=style.SHORT_RUN_TIME)
            self.bring_to_back(self.image, self.tag)  # static during the passes: painted once
            beat.wait_until(1)
            self.play(self.diagram.light_input(self.digit.pixels, run_time=style.RUN_TIME))
            beat.wait_until(2)
            self.marks = lines, dots = self.drawn_pixel_links()
            self.add(lines)
            self.bring_to_back(lines)  # the lines come out from under the image; its tag steps aside
            self.play(*fade_in(lines), FadeIn(dots), Conceal(self.tag), run_time=style.RUN_TIME)
            beat.wait_until(3)
            self.feed(self.digit, from_layer=1, layer_time=style.LAYER_PASS_TIME * 1.3)

    def another_image(self) -> None:
        with self.beat("another-image"):
            self.play(FadeOut(self.marks), Reveal(self.tag), run_time=style.SHORT_RUN_TIME)
            for index in MORE_IMAGES:
                digit = mnist_input(index)
                self.play(SwapUnderCover(Group(self.image, self.tag), lambda d=digit: self.show_image(d)),
                          FadeOut(self.value), run_time=style.SHORT_RUN_TIME)
                self.feed(digit, quick=True)

    # --- helpers ---------------------------------------------------------------------------
    def column_symbols(self) -> VGroup:
        """a⁽⁰⁾ … a⁽³⁾ on one row under the columns (a⁽⁰⁾ left of the input column's brace, which
        reaches lower)."""
        d = self.diagram
        row_y = d.neurons[1].get_bottom()[1] - SYMBOL_GAP
        symbols = VGroup()
        for layer, column in enumerate(d.neurons):
            symbol = MathTex(layer_symbol(layer), font_size=style.FONT_SIZE_LABEL, color=style.ACCENT)
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
        """The real forward pass of ``digit``, then its boxed answer's activation beside the box."""
        self.bring_to_front(self.diagram)  # texts before it stay in the static frame during the pass
        self.play(self.diagram.forward_pass(digit.pixels, **pass_options))
        shown = self.diagram.activations_shown[-1]
        answer = int(np.argmax(shown))
        self.answers.append((digit, answer))
        self.value = MathTex(f"{shown[answer]:.2f}", font_size=style.FONT_SIZE_LABEL, color=style.ACCENT)
        self.value.next_to(self.diagram.highlight, RIGHT, buff=style.LABEL_BUFF)
        self.play(FadeIn(self.value), run_time=style.SHORT_RUN_TIME)

    def show_image(self, digit: DigitInput) -> None:
        """Put ``digit`` in the image top-left and name it underneath (no animation)."""
        self.image.set_pixels(digit.pixels)
        self.tag.become(label_next_to(self.image, digit.tag))

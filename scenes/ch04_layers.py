"""Chapter 4 (3:35, "Introducing layers"): the 784 neurons become the input layer of 784-16-16-10.

The grid of 784 neurons from chapter 3 rearranges into the input column (16 drawn + ellipsis +
brace "784"); the output layer of 10 and the two hidden layers of 16 fade in; then the real
trained network reads the chosen image and three more test images, layer by layer, its
brightest output boxed. Every fill is a genuine activation from ``nn``.
"""
from __future__ import annotations

import numpy as np
from manim import (
    DOWN,
    UP,
    FadeIn,
    FadeOut,
    Group,
    LaggedStart,
    MoveToTarget,
    ReplacementTransform,
    Text,
    VGroup,
)

import nn
from scenes.ch03_neurons import DEFAULT_INDEX, grid_image, neuron_grid
from scenes.components import (
    ChapterScene,
    DigitImage,
    NetworkDiagram,
    chosen_input,
    mnist_input,
    style,
)
from scenes.components.fades import fade_to_black, reveal, swap_caption, swap_under_cover
from scenes.components.digit_input import DigitInput

#: three more MNIST test images fed to the network after the chosen one: a 4, a 7 and a 5
MORE_IMAGES: tuple[int, ...] = (4, 0, 15)

# --- layout of this chapter: a slightly smaller diagram, lifted, so captions fit below it ---
DIAGRAM_NEURON_RADIUS = 0.13
DIAGRAM_NEURON_GAP = 0.08
DIAGRAM_CENTER = style.DIAGRAM_CENTER + UP * 0.45
QUESTION_FONT_SIZE = 120
ELLIPSIS_SHRINK = 0.2  # the 768 undrawn neurons shrink to this as they vanish into the ellipsis


def build_diagram(network: nn.Network) -> NetworkDiagram:
    """The 784-16-16-10 diagram of this chapter."""
    return NetworkDiagram(network, neuron_radius=DIAGRAM_NEURON_RADIUS, neuron_gap=DIAGRAM_NEURON_GAP,
                          center=DIAGRAM_CENTER)


def source_label(digit: DigitInput) -> str:
    """What the small line under the image says: where it comes from and its true digit if known."""
    return digit.source if digit.label is None else f"{digit.source}: a {digit.label}"


class IntroducingLayers(ChapterScene):
    """Input layer of 784, output layer of 10, two hidden layers of 16; then real forward passes."""

    def construct(self) -> None:
        self.net = nn.load_pretrained()
        self.digit = chosen_input(DEFAULT_INDEX)
        self.diagram = build_diagram(self.net)
        self.caption = None
        self.captions: list[str] = []  # every caption shown, in order
        self.answers: list[tuple[DigitInput, int]] = []  # (image fed, boxed output) per pass
        self.pixels_become_input_layer()
        self.output_layer()
        self.hidden_layers()
        self.first_forward_pass()
        self.more_images()
        self.fade_everything_out()

    # --- steps -----------------------------------------------------------------------------
    def pixels_become_input_layer(self) -> None:
        d = self.diagram
        grid = neuron_grid(grid_image(self.digit))
        self.show_caption("The 784 pixel neurons are the network's first layer")
        reveal(self, grid)
        self.wait(style.PAUSE)

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
        self.play(ReplacementTransform(shown, d.neurons[0]), MoveToTarget(rest),
                  run_time=style.RUN_TIME * 1.5)
        self.remove(rest)
        self.show_caption("Drawn as a column: 16 of them stand in for all 784")
        self.play(FadeIn(d.ellipses[0]), FadeIn(d.braces[0]), run_time=style.RUN_TIME)
        self.wait(style.LONG_PAUSE)
        self.beat("input layer")

    def output_layer(self) -> None:
        d = self.diagram
        self.show_caption("The last layer has 10 neurons, one for each digit")
        self.play(FadeIn(d.neurons[3]), FadeIn(d.output_labels, lag_ratio=style.LAG_RATIO),
                  run_time=style.RUN_TIME * 1.5)
        self.wait(style.PAUSE)
        self.beat("output layer")
        self.show_caption("Its activations: how strongly the network believes it is each digit")
        self.wait(style.LONG_PAUSE)
        self.beat("output meaning")

    def hidden_layers(self) -> None:
        d = self.diagram
        self.show_caption("In between sit the hidden layers")
        self.play(LaggedStart(FadeIn(d.edges[0]), FadeIn(d.neurons[1]), FadeIn(d.edges[1]), FadeIn(d.neurons[2]),
                              FadeIn(d.edges[2]), lag_ratio=0.3),
                  run_time=style.LAGGED_FADE_IN * 2 / 3)
        # the whole diagram as one mobject from now on, in its own paint order (edges behind)
        self.remove(*self.mobjects)
        self.add(d, self.caption)
        hidden = VGroup(d.neurons[1], d.neurons[2])
        title = Text("hidden layers", font_size=style.FONT_SIZE_BODY, color=style.TEXT_COLOR)
        title.next_to(hidden, UP, buff=style.LABEL_BUFF)
        question = Text("?", font_size=QUESTION_FONT_SIZE, color=style.ACCENT).move_to(hidden)
        self.play(FadeIn(title), FadeIn(question, scale=0.5), run_time=style.RUN_TIME)
        self.show_caption("What they do is, for now, a big question mark")
        self.wait(style.LONG_PAUSE)
        self.beat("hidden layers")

        count = Text("2 hidden layers", font_size=style.FONT_SIZE_BODY, color=style.TEXT_COLOR).move_to(title)
        each = Text("16 neurons each", font_size=style.FONT_SIZE_SMALL, color=style.SECONDARY)
        each.next_to(hidden, DOWN, buff=style.LABEL_BUFF)
        self.show_caption("Their number and size are our choice")
        self.play(ReplacementTransform(title, count), FadeIn(each), run_time=style.RUN_TIME)
        self.wait(style.LONG_PAUSE)
        self.beat("2 hidden layers, 16 neurons each")
        self.play(FadeOut(count), FadeOut(each), FadeOut(question), run_time=style.RUN_TIME)

    def first_forward_pass(self) -> None:
        self.image = DigitImage(self.digit.pixels).to_corner(style.IMAGE_CORNER, buff=style.FRAME_MARGIN)
        self.label = self.image_label(self.digit)
        self.show_caption("Now a trained network: feed it an image")
        reveal(self, self.image, self.label)
        self.bring_to_back(self.image)  # static during the passes: painted once
        self.wait(style.SHORT_RUN_TIME)
        self.show_caption("Its pixels light the input; each layer's pattern sets the next")
        self.feed(self.digit)
        self.wait(style.LONG_PAUSE)
        self.beat("network's choice")

    def more_images(self) -> None:
        for k, index in enumerate(MORE_IMAGES):
            digit = mnist_input(index)
            self.show_caption("Another test image, the same trained network" if k else
                              "Other images light other patterns")
            swap_under_cover(self, Group(self.image, self.label), lambda: self.show_image(digit))
            self.feed(digit)
            self.wait(style.PAUSE)
            self.beat(f"test image {index}")

    def fade_everything_out(self) -> None:
        fade_to_black(self)

    # --- helpers ---------------------------------------------------------------------------
    def feed(self, digit: DigitInput) -> None:
        """The real forward pass of ``digit``, then a caption naming the boxed answer."""
        self.bring_to_front(self.diagram)  # texts before it stay in the static frame during the pass
        self.play(self.diagram.forward_pass(digit.pixels))
        answer = int(np.argmax(self.diagram.activations_shown[-1]))
        self.answers.append((digit, answer))
        self.show_caption(f"Brightest output: {answer}, the network's answer")

    def show_image(self, digit: DigitInput) -> None:
        """Put ``digit`` in the image top-left and name it underneath (no animation)."""
        self.image.set_pixels(digit.pixels)
        label = self.image_label(digit)
        self.remove(self.label)
        self.add(label)
        self.label = label

    def image_label(self, digit: DigitInput) -> Text:
        words = Text(source_label(digit), font_size=style.FONT_SIZE_SMALL, color=style.SECONDARY)
        if words.width > self.image.width:
            words.scale_to_fit_width(self.image.width)
        return words.next_to(self.image, DOWN, buff=style.LABEL_BUFF)

    def show_caption(self, text: str) -> None:
        """Cross-fade the bottom caption into ``text`` (only the two captions are redrawn)."""
        self.captions.append(text)
        self.caption = swap_caption(self, self.caption, text)

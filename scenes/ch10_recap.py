"""Chapter 10 (15:17) Recap: a neuron is a function, and so is the whole network.

One neuron of the second hidden layer is fed three real images; the number it gives for each is
its real activation from ``net.activations``. The images: the chosen input (render.sh --digit /
--image, default MNIST test #0), then the first MNIST test images whose labels are new (differ
from the labels, or for a file the prediction, already shown). The neuron: the one of the second
hidden layer whose activation varies most (max − min) over those three images. The whole
network's signature and parameter count come from ``net.sizes`` and ``net.n_parameters``.
"""
from __future__ import annotations

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Arrow,
    BackgroundRectangle,
    Create,
    DecimalNumber,
    FadeIn,
    FadeOut,
    Group,
    MathTex,
    Rectangle,
    TransformFromCopy,
    VGroup,
    Write,
)

import nn
from scenes.components import (
    ChapterScene,
    DigitImage,
    DigitInput,
    NetworkDiagram,
    caption,
    chosen_input,
    mnist_input,
    style,
)
from scenes.components.fades import fade_in, fade_out_all, swap_caption

DEFAULT_INDEX = 0  # MNIST test #0, a 7
N_IMAGES = 3
LAYER = 2  # the neuron is in the second hidden layer: its inputs are the first hidden layer's outputs

# --- layout constants of this chapter ----------------------------------------------------------
DIAGRAM_SCALE = 0.72
DIAGRAM_POSITION = RIGHT * 2.2 + DOWN * 0.1
THUMB_SIDE = 1.3
THUMB_GAP = 0.4
THUMBS_TOP_LEFT = np.array([-6.7, 3.6, 0.0])
VALUE_BUFF = 0.15
RING_SCALE = 1.6  # the ring around the chosen neuron, relative to the neuron
FORMULA_POSITION = np.array([-4.45, -0.6, 0.0])
PASS_LAYER_TIME = style.RUN_TIME  # three passes in a row: a little quicker than a first pass
OUTPUT_ROW_GAP = 0.1
MACHINE_WIDTH = 3.2
MACHINE_HEIGHT = 2.4
MACHINE_IMAGE_SIDE = 2.4
MACHINE_BUFF = 0.35
MACHINE_ROW_GAP = 0.55  # between the signature, the machine and the count
MACHINE_Y = 0.35


# --- which images and which neuron ---------------------------------------------------------------
def recap_images(net: nn.Network, first: DigitInput, n: int = N_IMAGES) -> list[DigitInput]:
    """``first``, then the lowest-index MNIST test images whose labels are not yet among those shown."""
    seen = {first.label if first.label is not None else int(net.predict(first.pixels))}
    images = [first]
    labels = nn.load_split("test")[1]
    for index, label in enumerate(labels):
        if len(images) == n:
            break
        if int(label) not in seen:
            seen.add(int(label))
            images.append(mnist_input(index))
    return images


def most_varying_neuron(net: nn.Network, images: list[DigitInput], layer: int = LAYER) -> int:
    """The neuron of ``layer`` whose activation spreads most (max − min) over ``images``."""
    acts = net.activations(np.stack([d.pixels for d in images]))[layer]
    return int(np.argmax(acts.max(axis=0) - acts.min(axis=0)))


def neuron_values(net: nn.Network, images: list[DigitInput], neuron: int, layer: int = LAYER) -> list[float]:
    """The neuron's real activation for each image."""
    return [float(net.activations(d.pixels)[layer][neuron]) for d in images]


def network_signature(net: nn.Network) -> str:
    """f(a_0, …, a_783) = (y_0, …, y_9), indices from the network's sizes."""
    return rf"f(a_0, \dots, a_{{{net.sizes[0] - 1}}}) = (y_0, \dots, y_{{{net.sizes[-1] - 1}}})"


def thousands(n: int) -> str:
    return f"{n:,}".replace(",", "{,}")


class Recap(ChapterScene):
    """One neuron as a function of its inputs (three real images), then the network as one function."""

    def construct(self) -> None:
        self.net = nn.load_pretrained()
        self.images = recap_images(self.net, chosen_input(DEFAULT_INDEX))
        self.neuron = most_varying_neuron(self.net, self.images)
        self.neuron_is_a_function()
        self.same_neuron_different_images()
        self.network_is_a_function()
        self.finish()

    # --- steps ---------------------------------------------------------------------------
    def neuron_is_a_function(self) -> None:
        self.diagram = NetworkDiagram(self.net).scale(DIAGRAM_SCALE).move_to(DIAGRAM_POSITION)
        circle = self.diagram.neuron(LAYER, self.neuron)
        self.ring = circle.copy().scale(RING_SCALE).set_fill(opacity=0)
        self.ring.set_stroke(style.HIGHLIGHT_COLOR, style.HIGHLIGHT_WIDTH)
        inputs = self.diagram.incoming_edges(LAYER, self.neuron).copy()
        inputs.set_stroke(style.ACCENT, style.FLASH_WIDTH, opacity=1.0)
        n_prev = self.net.sizes[LAYER - 1]
        j = self.neuron
        self.formula = MathTex(
            rf"a^{{({LAYER})}}_{{{j}}} = f\big(a^{{({LAYER - 1})}}_0, \dots, a^{{({LAYER - 1})}}_{{{n_prev - 1}}}\big)",
            font_size=style.FONT_SIZE_BODY,
        )
        self.in_range = MathTex(r"\text{a number in } [0, 1]", font_size=style.FONT_SIZE_BODY, color=style.ACCENT)
        VGroup(self.formula, self.in_range).arrange(DOWN, buff=0.3).move_to(FORMULA_POSITION)
        self.caption = caption("A neuron is a function: the previous layer's numbers in, one number out")
        self.play(*fade_in(self.diagram, self.caption), run_time=style.RUN_TIME)
        self.play(Create(self.ring), Create(inputs), Write(self.formula), run_time=style.RUN_TIME)
        self.play(FadeIn(self.in_range), FadeOut(inputs), run_time=style.RUN_TIME)
        self.bring_to_back(self.formula, self.in_range, self.caption)  # static: keep them out of the passes' repaint
        self.wait(style.LONG_PAUSE)
        self.beat("a neuron is a function")

    def same_neuron_different_images(self) -> None:
        values = neuron_values(self.net, self.images, self.neuron)
        self.caption = swap_caption(self, self.caption, "The same neuron gives a different number for each image")
        self.bring_to_back(self.caption)
        self.value_at_neuron = None
        self.thumbs = Group()
        for k, (digit, value) in enumerate(zip(self.images, values)):
            self.feed(k, digit, value)
        self.wait(style.LONG_PAUSE)
        self.beat("same neuron, different values")

    def network_is_a_function(self) -> None:
        fade_out_all(self, run_time=style.RUN_TIME)
        signature = MathTex(network_signature(self.net), font_size=style.FONT_SIZE_HEADING)
        machine = self.machine()
        n = self.net.n_parameters
        count = MathTex(thousands(n), r"\text{ parameters: }", thousands(self.net.n_weights),
                        r"\text{ weights}", "+", thousands(self.net.n_biases), r"\text{ biases}",
                        font_size=style.FONT_SIZE_BODY)
        count[2:4].set_color(style.W_COLOR)
        count[5:7].set_color(style.B_COLOR)
        Group(signature, machine, count).arrange(DOWN, buff=MACHINE_ROW_GAP).move_to(UP * MACHINE_Y)
        self.caption = caption(f"The whole network is one function: {self.net.sizes[0]} numbers in, "
                               f"{self.net.sizes[-1]} numbers out")
        self.play(Write(signature), FadeIn(self.caption), run_time=style.RUN_TIME)
        self.play(*fade_in(machine), run_time=style.RUN_TIME)
        self.play(FadeIn(count), run_time=style.RUN_TIME)
        self.wait(style.PAUSE)
        self.beat("the network is a function f")
        self.play(FadeOut(self.caption), run_time=style.SHORT_RUN_TIME)
        self.caption = caption("Absurdly complicated, and that is reassuring: reading digits is no simple task")
        self.play(FadeIn(self.caption), run_time=style.RUN_TIME)
        self.wait(style.LONG_PAUSE)
        self.beat("absurdly complicated, reassuringly so")
        self.wait(style.PAUSE)

    def finish(self) -> None:
        fade_out_all(self, run_time=style.RUN_TIME)

    # --- helpers -------------------------------------------------------------------------
    def feed(self, k: int, digit: DigitInput, value: float) -> None:
        """Show image k as a thumbnail, run the real pass, write the neuron's value under the thumbnail."""
        thumb = DigitImage(digit.pixels, side=THUMB_SIDE)
        thumb.move_to(THUMBS_TOP_LEFT + np.array([THUMB_SIDE / 2 + k * (THUMB_SIDE + THUMB_GAP), -THUMB_SIDE / 2, 0]))
        old = [FadeOut(self.value_at_neuron)] if self.value_at_neuron is not None else []
        self.play(*fade_in(thumb), *old, run_time=style.SHORT_RUN_TIME)
        self.bring_to_back(thumb)  # static from now on: the passes repaint only the diagram's foreground
        self.thumbs.add(thumb)
        self.play(self.diagram.forward_pass(digit.pixels, layer_time=PASS_LAYER_TIME, box=False))
        number = DecimalNumber(value, num_decimal_places=2, font_size=style.FONT_SIZE_BODY, color=style.ACCENT)
        number.next_to(self.ring, RIGHT, buff=VALUE_BUFF)
        backing = BackgroundRectangle(number, color=style.BACKGROUND, fill_opacity=0.85, buff=0.05)
        self.value_at_neuron = VGroup(backing, number)
        under = number.copy().next_to(thumb, DOWN, buff=VALUE_BUFF)
        self.play(FadeIn(self.value_at_neuron), run_time=style.SHORT_RUN_TIME)
        self.play(TransformFromCopy(number, under), run_time=style.RUN_TIME)
        self.bring_to_back(under)
        self.wait(style.SHORT_RUN_TIME)

    def machine(self) -> Group:
        """Image → [f, 13,002 dials] → the 10 real outputs for it (the chosen input)."""
        digit = self.images[0]
        outputs = self.net.forward(digit.pixels)
        image = DigitImage(digit.pixels, side=MACHINE_IMAGE_SIDE)
        self.machine_image = image
        box = Rectangle(width=MACHINE_WIDTH, height=MACHINE_HEIGHT).set_stroke(style.ACCENT, style.HIGHLIGHT_WIDTH)
        name = MathTex("f", font_size=style.FONT_SIZE_TITLE * 1.5).move_to(box)
        rows = VGroup()
        best = int(np.argmax(outputs))
        for i, y in enumerate(outputs):
            row = MathTex(rf"y_{{{i}}} = {y:.2f}", font_size=style.FONT_SIZE_LABEL)
            if i == best:
                row.set_color(style.HIGHLIGHT_COLOR)
            rows.add(row)
        rows.arrange(DOWN, buff=OUTPUT_ROW_GAP, aligned_edge=LEFT)
        into = Arrow(LEFT, RIGHT, buff=0, color=style.SECONDARY)
        out = Arrow(LEFT, RIGHT, buff=0, color=style.SECONDARY)
        return Group(image, into, VGroup(box, name), out, rows).arrange(RIGHT, buff=MACHINE_BUFF)

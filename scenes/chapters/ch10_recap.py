"""Chapter 10 (15:17) Recap: a neuron is a function, and so is the whole network.

Beats (storyboard): one neuron of the second hidden layer is a function of the first hidden
layer; it is fed three real images and gives a different real activation for each (written
beside each image); the network is three real layer steps chained (with their real shapes);
as a whole, f(a₀, …, a₇₈₃) = (y₀, …, y₉), our image in and its ten real outputs out; 13,002
parameters: absurdly complicated, reassuringly so.

The images: the chosen input (render.sh --digit / --image, default MNIST test #0), then the first
test images whose labels are new. The neuron: the one of the second hidden layer whose activation
varies most (max − min) over those three images.
"""
from __future__ import annotations

import numpy as np
from manim import DOWN, LEFT, RIGHT, UP, Arrow, Create, FadeIn, Group, MathTex, Rectangle, VGroup, Write

import nn
from scenes.components import DigitImage, NetworkDiagram, label_next_to, ring, style
from scenes.components.equations import layer_steps
from scenes.components.transitions import Conceal, FadeToBlack, Reveal
from scenes.content.digit_input import DigitInput, chosen_input
from scenes.content.examples import images_with_new_labels
from scenes.pipeline.chapter_scene import ChapterScene

DEFAULT_INDEX = 0  # MNIST test #0, a 7
N_IMAGES = 3
LAYER = 2  # the neuron is in the second hidden layer: its inputs are the first hidden layer's outputs

# --- layout constants of this chapter ----------------------------------------------------------
THUMB_SIDE = 1.1
THUMBS_TOP_LEFT = np.array([-6.7, 3.5, 0.0])
THUMB_GAP = 0.25
FORMULA_TOP_LEFT = np.array([-6.7, -1.2, 0.0])
QUICK_PASS = {"layer_time": 0.5, "input_time": 0.3}  # three passes in a row, while three numbers are said
MACHINE_WIDTH, MACHINE_HEIGHT = 3.0, 2.4
MACHINE_IMAGE_SIDE = 2.4
OUTPUT_ROW_GAP = 0.08


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
        self.images = images_with_new_labels(self.net, chosen_input(DEFAULT_INDEX), N_IMAGES)
        self.neuron = most_varying_neuron(self.net, self.images)
        self.values = neuron_values(self.net, self.images, self.neuron)
        self.neuron_is_function()
        self.different_images()
        self.chain()
        self.one_function()
        self.reassuring()
        self.play(FadeToBlack(run_time=style.RUN_TIME))

    # --- beats ---------------------------------------------------------------------------------
    def neuron_is_function(self) -> None:
        with self.beat("neuron-is-function") as beat:
            self.show_title()
            self.diagram = NetworkDiagram(self.net)
            self.play(Reveal(self.diagram), run_time=style.RUN_TIME)
            circle = self.diagram.neuron(LAYER, self.neuron)
            inputs = self.diagram.incoming_edges(LAYER, self.neuron).copy()
            inputs.set_stroke(style.ACCENT, style.FLASH_WIDTH, opacity=1.0)
            n_prev, j = self.net.sizes[LAYER - 1], self.neuron
            formula = MathTex(rf"a^{{({LAYER})}}_{{{j}}} = f\big(a^{{({LAYER - 1})}}_0, \dots, "
                              rf"a^{{({LAYER - 1})}}_{{{n_prev - 1}}}\big)", font_size=style.FONT_SIZE_BODY)
            in_range = MathTex(r"\text{a number in } [0, 1]", font_size=style.FONT_SIZE_BODY, color=style.ACCENT)
            self.formula = VGroup(formula, in_range).arrange(DOWN, buff=0.3, aligned_edge=LEFT)
            self.formula.move_to(FORMULA_TOP_LEFT, aligned_edge=UP + LEFT)
            self.ring = ring(circle)
            beat.wait_until(2)
            self.play(Create(self.ring), Create(inputs), Write(formula), run_time=style.RUN_TIME)
            beat.wait_until(4)
            self.play(FadeIn(in_range), inputs.animate.set_stroke(opacity=0), run_time=style.RUN_TIME)
            self.remove(inputs)
            self.bring_to_back(formula, in_range)  # static: out of the passes' repaint

    def different_images(self) -> None:
        values = {f"v{k + 1}": f"{v:.2f}" for k, v in enumerate(self.values)}
        with self.beat("different-images", **values):
            self.thumbs = Group()
            for digit, value in zip(self.images, self.values):
                thumb = DigitImage(digit.pixels, side=THUMB_SIDE)
                thumb.move_to(THUMBS_TOP_LEFT + np.array([THUMB_SIDE / 2, -THUMB_SIDE / 2 - k * (THUMB_SIDE + THUMB_GAP), 0]))
                self.play(Reveal(thumb), run_time=style.SHORT_RUN_TIME)
                self.bring_to_back(thumb)
                self.play(self.diagram.forward_pass(digit.pixels, box=False, **QUICK_PASS))
                number = MathTex(f"{value:.2f}", font_size=style.FONT_SIZE_BODY, color=style.ACCENT)
                number.next_to(thumb, RIGHT, buff=style.LABEL_BUFF * 2)
                self.play(FadeIn(number), self.ring.animate.set_stroke(style.ACCENT), run_time=style.SHORT_RUN_TIME)
                self.thumbs.add(thumb, number)

    def chain(self) -> None:
        with self.beat("chain") as beat:
            self.play(Conceal(*(m for m in self.mobjects if m is not self.captions.current)), run_time=style.RUN_TIME)
            steps = layer_steps([w.shape for w in self.net.weights]).move_to(UP * 0.3)
            for k, row in enumerate(steps):
                beat.wait_until(1) if k == 0 else None
                self.play(Reveal(row), run_time=style.RUN_TIME)
            self.steps = steps

    def one_function(self) -> None:
        with self.beat("one-function") as beat:
            self.play(Conceal(self.steps), run_time=style.SHORT_RUN_TIME)
            signature = MathTex(network_signature(self.net), font_size=style.FONT_SIZE_HEADING)
            machine = self.machine()
            Group(signature, machine).arrange(DOWN, buff=0.5).move_to(UP * 0.3)
            self.play(Write(signature), run_time=style.RUN_TIME)
            beat.wait_until(1)
            self.play(Reveal(machine), run_time=style.RUN_TIME)
            self.function = Group(signature, machine)

    def reassuring(self) -> None:
        with self.beat("reassuring"):
            count = MathTex(thousands(self.net.n_parameters), r"\text{ parameters: }", thousands(self.net.n_weights),
                            r"\text{ weights}", "+", thousands(self.net.n_biases), r"\text{ biases}",
                            font_size=style.FONT_SIZE_BODY)
            count[2:4].set_color(style.W_COLOR)
            count[5:7].set_color(style.B_COLOR)
            count.next_to(self.function, DOWN, buff=0.35)
            self.play(FadeIn(count), run_time=style.RUN_TIME)

    # --- helpers -------------------------------------------------------------------------
    def machine(self) -> Group:
        """Image → [f] → the 10 real outputs for it (the chosen input), the largest highlighted."""
        digit = self.images[0]
        outputs = self.net.forward(digit.pixels)
        image = DigitImage(digit.pixels, side=MACHINE_IMAGE_SIDE)
        box = Rectangle(width=MACHINE_WIDTH, height=MACHINE_HEIGHT).set_stroke(style.ACCENT, style.HIGHLIGHT_WIDTH)
        name = MathTex("f", font_size=style.FONT_SIZE_TITLE * 1.5).move_to(box)
        rows = VGroup()
        best = int(np.argmax(outputs))
        for i, y in enumerate(outputs):
            row = MathTex(rf"y_{{{i}}} = {y:.2f}", font_size=style.FONT_SIZE_LABEL)
            rows.add(row.set_color(style.HIGHLIGHT_COLOR) if i == best else row)
        rows.arrange(DOWN, buff=OUTPUT_ROW_GAP, aligned_edge=LEFT)
        arrows = [Arrow(LEFT, RIGHT, buff=0, color=style.SECONDARY) for _ in range(2)]
        self.machine_outputs = rows
        return Group(Group(image, label_next_to(image, digit.tag)), arrows[0], VGroup(box, name), arrows[1],
                     rows).arrange(RIGHT, buff=0.35)

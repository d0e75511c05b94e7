"""Chapter 10 (15:17) Recap: a neuron is a function, and so is the whole network.

Beats (storyboard): one neuron of the second hidden layer is a function of the first hidden
layer: f(a⁽¹⁾₀, …, a⁽¹⁾₁₅) = a⁽²⁾ⱼ written large over it, its sixteen inputs (the first hidden layer and
the edges into the neuron) lit; it is fed three real images, one after another (the image fed is
boxed), and gives a different real activation for each (written by the ringed neuron, then beside its
image); the network is three real layer steps chained, each flashed on its bundle of edges with its
real shape, then the one step a⁽ˡ⁾ = σ(W⁽ˡ⁾a⁽ˡ⁻¹⁾ + b⁽ˡ⁾) over the diagram, its parts boxed as they are
named; as a whole, f(a₀, …, a₇₈₃) = (y₀, …, y₉): our image goes into f and its ten real outputs come
out; 13,002 parameters: absurdly complicated, reassuringly so, because handwriting varies so much
(real test images of our digit, each with the network's real answer).

The images: the chosen input (render.sh --digit / --image, default chapter 9's MNIST test #9925),
then the first test images whose labels are new. The neuron: the one of the second hidden layer
whose activation varies most (max − min) over those three images.
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
    FadeIn,
    Group,
    MathTex,
    Rectangle,
    ReplacementTransform,
    Transform,
    VGroup,
    Write,
    config,
)

import nn
from scenes.components import DigitImage, NetworkDiagram, highlight_box, label, label_next_to, ring, style
from scenes.components.edge_marks import bundle_label, edge_flash, lit_edges
from scenes.components.equations import colored_tex
from scenes.components.transitions import Conceal, FadeToBlack, Reveal, fade_in, fade_out
from scenes.content.digit_input import DigitInput, chosen_input
from scenes.content.examples import HERO_INDEX, images_with_new_labels, same_digit_examples
from scenes.runtime.narrated_scene import NarratedScene

DEFAULT_INDEX = HERO_INDEX  # chapter 9's image, so the example carries on
N_IMAGES = 3
LAYER = 2  # the neuron is in the second hidden layer: its inputs are the first hidden layer's outputs
N_VARIED = 12  # real test images of the same digit, to show how handwriting varies

# --- layout constants of this chapter ----------------------------------------------------------
DIAGRAM_CENTER = RIGHT * 1.5 + DOWN * 0.05  # low enough for a formula over it, clear of the caption
DIAGRAM_NEURON_RADIUS, DIAGRAM_NEURON_GAP, DIAGRAM_LAYER_GAP = 0.1, 0.06, 2.9  # room for each W's shape
THUMB_SIDE = 1.1
THUMBS_TOP_LEFT = np.array([-6.6, 2.9, 0.0])
THUMB_GAP = 0.3
FORMULA_Y = 3.4  # the formula over the diagram
FORMULA_SIZE = 52  # f(a⁽¹⁾₀, …) = a⁽²⁾ⱼ: every sub- and superscript at least 9 px at 480p
SHAPE_SIZE = 36  # W⁽ˡ⁾: rows × columns over each bundle of edges
GENERIC_FONT_SIZE = 48
SIGNATURE_SIZE = 52
OUTPUT_ROW_SIZE = 32
LABEL_SIZE = 28  # words (the film's 24 draws lowercase letters under 9 px)
MACHINE_WIDTH, MACHINE_HEIGHT = 3.0, 2.4
MACHINE_IMAGE_SIDE = 2.4
OUTPUT_ROW_GAP = 0.08
ARROW_LENGTH = 1.5
VARIED_SIDE = 1.0
VARIED_GAPS = (0.3, 0.5)


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


def shape_tex(layer: int, shape: tuple[int, int]) -> str:
    """W⁽ˡ⁾: rows × columns, from the real matrix's shape."""
    return rf"W^{{({layer})}}\!:\ {shape[0]} \times {shape[1]}"


def varied_examples(digit: DigitInput, n: int = N_VARIED) -> list[int]:
    """The first ``n`` test images of the chosen image's digit (its prediction for a file), not itself."""
    label = digit.label if digit.label is not None else int(nn.load_pretrained().predict(digit.pixels))
    return same_digit_examples(label, digit.source, n)


class Recap(NarratedScene):
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
            self.diagram = NetworkDiagram(self.net, neuron_radius=DIAGRAM_NEURON_RADIUS,
                                          neuron_gap=DIAGRAM_NEURON_GAP, layer_gap=DIAGRAM_LAYER_GAP,
                                          center=DIAGRAM_CENTER)
            self.play(Reveal(self.diagram), run_time=style.RUN_TIME)
            beat.wait_until(1)
            # "which number depends on the image": the chosen image goes in (boxed), the real pass runs
            self.thumb_images = []
            for k, digit in enumerate(self.images):
                thumb = DigitImage(digit.pixels, side=THUMB_SIDE)
                down = THUMB_SIDE / 2 + k * (THUMB_SIDE + THUMB_GAP)
                self.thumb_images.append(thumb.move_to(THUMBS_TOP_LEFT + np.array([THUMB_SIDE / 2, -down, 0])))
            self.fed_box = highlight_box(self.thumb_images[0])
            self.play(Reveal(self.thumb_images[0]), Create(self.fed_box), run_time=style.SHORT_RUN_TIME)
            self.bring_to_back(self.thumb_images[0])
            self.play(self.diagram.forward_pass(self.images[0].pixels, box=False, quick=True))
            circle = self.diagram.neuron(LAYER, self.neuron)
            inputs = lit_edges(self.diagram.incoming_edges(LAYER, self.neuron), style.ACCENT, style.FLASH_WIDTH)
            n_prev, j = self.net.sizes[LAYER - 1], self.neuron
            # written right to left of the usual way, so the neuron's name sits over its column
            formula = MathTex(rf"f\big(a^{{({LAYER - 1})}}_0, \dots, a^{{({LAYER - 1})}}_{{{n_prev - 1}}}\big)", "=",
                              rf"a^{{({LAYER})}}_{{{j}}}", r"\in [0, 1]", font_size=FORMULA_SIZE)
            formula[2].set_color(style.ACCENT)
            formula.shift(RIGHT * (circle.get_x() - formula[2].get_x())).set_y(FORMULA_Y)
            room = config.frame_width / 2 - style.FRAME_MARGIN
            formula.shift(LEFT * max(0.0, formula.get_right()[0] - room))
            self.formula = formula
            self.ring = ring(circle)
            # a function: this neuron (ringed) is a rule from its inputs to its output
            beat.wait_until(2)
            self.play(Create(self.ring), Write(formula[2]), run_time=style.RUN_TIME)
            self.play(Write(formula[:2]), run_time=style.RUN_TIME)
            # its inputs: the first hidden layer's sixteen activations, along its sixteen edges
            beat.wait_until(3)
            source = highlight_box(self.diagram.neurons[LAYER - 1], style.ACCENT)
            arguments = highlight_box(formula[0], style.ACCENT)
            self.play(Create(inputs), Create(source), Create(arguments), run_time=style.RUN_TIME)
            # its output: one number from 0 to 1
            beat.wait_until(4)
            self.play(FadeIn(formula[3]), *fade_out(inputs, source, arguments), run_time=style.RUN_TIME)

    def different_images(self) -> None:
        values = {f"v{k + 1}": float(v) for k, v in enumerate(self.values)}
        with self.beat("different-images", **values) as beat:
            thumbs, fed = self.thumb_images, self.fed_box
            self.play(Reveal(*thumbs[1:]), run_time=style.RUN_TIME)
            for thumb in thumbs[1:]:
                self.bring_to_back(thumb)
            self.thumbs = Group()
            for k, (digit, value, thumb) in enumerate(zip(self.images, self.values, thumbs)):
                beat.wait_until(k + 1)
                if k:
                    self.play(Transform(fed, highlight_box(thumb)), run_time=style.SHORT_RUN_TIME)
                self.play(self.diagram.forward_pass(digit.pixels, box=False, quick=True))
                # the value comes out at the ringed neuron, then goes beside its image
                number = MathTex(f"{value:.2f}", font_size=style.FONT_SIZE_BODY, color=style.ACCENT)
                number.next_to(self.ring, LEFT, buff=0.12)
                backing = BackgroundRectangle(number, fill_opacity=1.0, buff=0.04)
                self.play(FadeIn(backing), FadeIn(number), run_time=style.SHORT_RUN_TIME)
                beside = number.copy().next_to(thumb, RIGHT, buff=style.LABEL_BUFF * 2)
                self.play(ReplacementTransform(number, beside), *fade_out(backing), run_time=style.RUN_TIME)
                self.thumbs.add(thumb, beside)

    def chain(self) -> None:
        with self.beat("chain") as beat:
            self.play(*fade_out(self.thumbs, self.fed_box, self.formula, self.ring), run_time=style.RUN_TIME)
            self.play(self.diagram.light_input(np.zeros(self.net.sizes[0])), run_time=style.SHORT_RUN_TIME)
            shapes = [
                bundle_label(self.diagram, g, MathTex(shape_tex(g + 1, w.shape), font_size=SHAPE_SIZE,
                                                      color=style.W_COLOR))
                for g, w in enumerate(self.net.weights)]
            lit = None
            for g, shape in enumerate(shapes):
                beat.wait_until(g + 1)
                new = lit_edges(self.diagram.edges[g])
                self.play(FadeIn(shape), *fade_in(new), *(fade_out(lit) if lit is not None else ()),
                          edge_flash(self.diagram.edges[g]), run_time=style.RUN_TIME)
                lit = new
            # every step: a matrix times a vector, plus the biases, through σ (the parts boxed as named)
            beat.wait_until(len(shapes) + 1)
            generic = colored_tex("a^{(l)}", "=", r"\sigma", "(", "W^{(l)}", "a^{(l-1)}", "+", "b^{(l)}", ")",
                                  font_size=GENERIC_FONT_SIZE).move_to([self.diagram.get_x(), FORMULA_Y, 0])
            self.play(Write(generic), *(fade_out(lit) if lit is not None else ()),
                      self.diagram.forward_pass(self.images[0].pixels, box=False, quick=True), run_time=style.RUN_TIME * 2)
            box = highlight_box(generic[4:6], style.W_COLOR)
            self.play(Create(box), run_time=style.SHORT_RUN_TIME)
            for part, color in ((generic[6:8], style.B_COLOR), (generic[2:], style.SIGMA_COLOR)):
                self.play(Transform(box, highlight_box(part, color)), run_time=style.SHORT_RUN_TIME)
            self.shapes = VGroup(*shapes, generic, box)

    def one_function(self) -> None:
        with self.beat("one-function") as beat:
            self.play(Conceal(self.diagram, self.shapes), run_time=style.SHORT_RUN_TIME)
            signature = MathTex(network_signature(self.net), font_size=SIGNATURE_SIZE)
            machine = self.machine()
            Group(signature, machine).arrange(DOWN, buff=0.5).move_to(UP * 0.3)
            self.play(Write(signature), run_time=style.RUN_TIME)
            # 784 numbers in (the image), ten out (their names first) ...
            beat.wait_until(1)
            values = VGroup(*(row[1:] for row in self.machine_outputs))
            self.play(Reveal(Group(*machine[:4], VGroup(*(row[0] for row in self.machine_outputs)))),
                      run_time=style.RUN_TIME)
            # ... and the ten our network really gives for this image: it goes into f, they come out
            beat.wait_until(2)
            fed = machine[0][0].copy()
            self.play(fed.animate.scale(0.3).move_to(machine[2]).set_opacity(0), run_time=style.RUN_TIME)
            self.remove(fed)
            self.play(FadeIn(values, lag_ratio=style.LAG_RATIO), run_time=style.RUN_TIME)
            self.function = Group(signature, machine)
            self.signature, self.machine_group = signature, machine

    def reassuring(self) -> None:
        with self.beat("reassuring") as beat:
            net = self.net
            count = VGroup(label(self.text("n_parameters", n=net.n_parameters), style.TEXT_COLOR, LABEL_SIZE),
                           label(self.text("n_weights", n=net.n_weights), style.W_COLOR, LABEL_SIZE),
                           label("+", style.TEXT_COLOR, LABEL_SIZE),
                           label(self.text("n_biases", n=net.n_biases), style.B_COLOR, LABEL_SIZE)
                           ).arrange(RIGHT, buff=style.LABEL_BUFF)
            count.next_to(self.function, DOWN, buff=0.35)
            self.play(FadeIn(count), run_time=style.RUN_TIME)
            # handwriting varies without end: real test images of the same digit ...
            beat.wait_until(1)
            indices = varied_examples(self.images[0])
            varied = Group(*(DigitImage(i, side=VARIED_SIDE) for i in indices))
            top = self.signature.copy().to_edge(UP, buff=style.FRAME_MARGIN * 1.5)
            varied.arrange_in_grid(rows=2, buff=VARIED_GAPS).next_to(top, DOWN, buff=0.4)
            legend = label_next_to(varied, self.text("under_each"), DOWN, buff=0.55, font_size=LABEL_SIZE)
            self.play(Conceal(self.machine_group), self.signature.animate.move_to(top),
                      count.animate.next_to(legend, DOWN, buff=0.35), run_time=style.RUN_TIME)
            self.play(Reveal(varied, lag_ratio=0), run_time=style.RUN_TIME)
            # ... and what the network really answers for each
            beat.wait_until(2)
            answers = VGroup()
            for index, image in zip(indices, varied):
                guess = int(self.net.predict(nn.test_image(index)[0]))
                right = guess == image.label
                answers.add(MathTex(str(guess), font_size=style.FONT_SIZE_LABEL,
                                    color=style.RIGHT_COLOR if right else style.WRONG_COLOR)
                            .next_to(image, DOWN, buff=0.08))
            self.play(*fade_in(answers, legend), run_time=style.RUN_TIME)
            self.varied, self.answers = varied, answers

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
            row = MathTex(rf"y_{{{i}}}", "=", f"{y:.2f}", font_size=OUTPUT_ROW_SIZE)
            rows.add(row.set_color(style.HIGHLIGHT_COLOR) if i == best else row)
        rows.arrange(DOWN, buff=OUTPUT_ROW_GAP, aligned_edge=LEFT)
        arrows = [Arrow(LEFT * ARROW_LENGTH / 2, RIGHT * ARROW_LENGTH / 2, buff=0, color=style.SECONDARY)
                  for _ in range(2)]
        self.machine_outputs = rows
        tag = label_next_to(image, digit.tag, font_size=LABEL_SIZE)
        return Group(Group(image, tag), arrows[0], VGroup(box, name), arrows[1], rows).arrange(RIGHT, buff=0.35)

"""Chapter 2, "Series preview" (1:07): structure now, learning next; the network at work.

Beats (storyboard): the 784-16-16-10 network appears beside our 3; it reads the 3 (genuine
activations, layer by layer, the brightest output boxed; no numbers yet), then three more test
images; this is the plain kind, a multilayer perceptron, and other kinds build on it; it will fall
short of some hopes.

The first image is ``chosen_input(HERO_INDEX)`` (chapter 1's 3); the others are the first test
images of the set (0, 1, 2, …, skipping the chosen one). No selection by result: whatever the
network answers is what is boxed.
"""
from __future__ import annotations

import numpy as np
from manim import DOWN, LEFT, Group, LaggedStart, Text, VGroup

import nn
from scenes.components import DigitImage, NetworkDiagram, label, label_next_to, style
from scenes.components.transitions import Conceal, FadeFromBlack, FadeToBlack, Reveal, SwapUnderCover
from scenes.content.digit_input import DigitInput, chosen_input, mnist_input
from scenes.content.examples import HERO_INDEX, accuracy_on_test_set
from scenes.runtime.narrated_scene import NarratedScene

N_MORE_IMAGES = 3
NOTE_TOP_LEFT = (-6.7, 3.3, 0.0)  # the notes about kinds of network, where the image was
LINE_GAP = 0.2


def more_image_indices(chosen: DigitInput, n: int = N_MORE_IMAGES) -> list[int]:
    """The first ``n`` test indices (0, 1, …) other than the chosen image's."""
    out: list[int] = []
    i = 0
    while len(out) < n:
        if chosen.source != f"MNIST test #{i}":
            out.append(i)
        i += 1
    return out


class SeriesPreview(NarratedScene):
    """The network reading real test images, one after another; then which kind of network it is."""

    def construct(self) -> None:
        self.net = nn.load_pretrained()
        self.first = chosen_input(HERO_INDEX)
        self.structure_then_learning()
        self.first_pass()
        self.more_images()
        self.plain_vanilla()
        self.other_kinds()
        self.fall_short()
        self.play(FadeToBlack(run_time=style.RUN_TIME))

    # --- beats ---------------------------------------------------------------------------------
    def structure_then_learning(self) -> None:
        with self.beat("structure-then-learning"):
            self.image = DigitImage(self.first.pixels).to_corner(style.IMAGE_CORNER, buff=style.FRAME_MARGIN)
            self.tag = label_next_to(self.image, self.first.tag)
            self.diagram = NetworkDiagram(self.net)
            self.play(FadeFromBlack(self.image, self.tag, self.diagram), run_time=style.RUN_TIME)

    def first_pass(self) -> None:
        with self.beat("first-pass") as beat:
            beat.wait_until(1)
            self.play(self.diagram.forward_pass(self.first.pixels))

    def more_images(self) -> None:
        """Three more test images, each read by a quicker pass (the old pattern fades as its image
        goes); then the network's real accuracy on the whole test set."""
        accuracy = accuracy_on_test_set()
        with self.beat("more-images", accuracy=accuracy) as beat:
            for index in more_image_indices(self.first):
                self.play(SwapUnderCover(Group(self.image, self.tag), lambda d=mnist_input(index): self.show(d)),
                          self.diagram.light_input(np.zeros(nn.N_PIXELS)), run_time=style.SHORT_RUN_TIME)
                self.play(self.diagram.forward_pass(self.image.pixels, quick=True))
                self.wait(style.SHORT_RUN_TIME)
            beat.wait_until(2)
            n_test = nn.load_split("test").labels.size
            self.score = label(self.text("score", accuracy=accuracy, n=n_test), color=style.TEXT_COLOR)
            self.score.next_to(self.tag, DOWN, buff=3 * LINE_GAP).align_to(self.image, LEFT)
            self.play(Reveal(self.score), run_time=style.SHORT_RUN_TIME)

    def plain_vanilla(self) -> None:
        with self.beat("plain-vanilla") as beat:
            self.play(Conceal(self.image, self.tag, self.score), self.diagram.light_input(np.zeros(nn.N_PIXELS)),
                      run_time=style.RUN_TIME)
            self.this_kind = VGroup(
                Text(self.text("plain_kind"), font_size=style.FONT_SIZE_SMALL, color=style.SECONDARY),
                Text(self.text("multilayer"), font_size=style.FONT_SIZE_BODY, color=style.TEXT_COLOR),
                Text(self.text("perceptron"), font_size=style.FONT_SIZE_BODY, color=style.TEXT_COLOR),
            ).arrange(DOWN, aligned_edge=LEFT, buff=LINE_GAP)
            self.this_kind.move_to(NOTE_TOP_LEFT, aligned_edge=LEFT + (0, 1, 0))
            beat.wait_until(1)
            self.play(Reveal(self.this_kind[0]), run_time=style.SHORT_RUN_TIME)
            beat.wait_until(2)
            self.play(LaggedStart(*(Reveal(line) for line in self.this_kind[1:]), lag_ratio=0.4),
                      run_time=style.RUN_TIME)

    def other_kinds(self) -> None:
        with self.beat("other-kinds") as beat:
            kinds = [(self.text(f"{kind}_name"), self.text(f"{kind}_use")) for kind in ("convolutional", "recurrent",
                                                                                      "transformer")]
            lines = VGroup(Text(self.text("built_on_it"), font_size=style.FONT_SIZE_SMALL, color=style.SECONDARY))
            for name, use in kinds:
                lines.add(VGroup(Text(name, font_size=style.FONT_SIZE_SMALL, color=style.TEXT_COLOR),
                                 Text(use, font_size=style.FONT_SIZE_SMALL, color=style.SECONDARY))
                          .arrange(DOWN, aligned_edge=LEFT, buff=LINE_GAP / 2))
            lines.arrange(DOWN, aligned_edge=LEFT, buff=LINE_GAP * 1.5)
            lines.next_to(self.this_kind, DOWN, buff=3 * LINE_GAP, aligned_edge=LEFT)
            self.play(Reveal(lines[0]), run_time=style.SHORT_RUN_TIME)
            for k, line in enumerate(lines[1:]):
                beat.wait_until(k)
                self.play(Reveal(line), run_time=style.SHORT_RUN_TIME)
            self.notes = VGroup(self.this_kind, lines)

    def fall_short(self) -> None:
        with self.beat("fall-short"):
            self.show(self.first)
            self.play(Conceal(self.notes), run_time=style.SHORT_RUN_TIME)
            self.play(Reveal(self.image, self.tag), run_time=style.SHORT_RUN_TIME)
            self.play(self.diagram.forward_pass(self.first.pixels, quick=True))

    # --- helpers -------------------------------------------------------------------------------
    def show(self, digit: DigitInput) -> None:
        """Put ``digit`` in the image top-left and name it underneath (no animation)."""
        self.image.set_pixels(digit.pixels)
        self.tag.become(label_next_to(self.image, digit.tag))

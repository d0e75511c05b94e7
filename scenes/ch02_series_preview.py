"""Chapter 2, "Series preview" (1:07): structure now, learning next; the network at work.

Beats (storyboard): the shipped 784-16-16-10 network is fed real test images one after another;
each lights up layer by layer (``diagram.forward_pass``: genuine activations) and its brightest
output is boxed, while the image being read sits top-left. Then a note that this is the plain
vanilla kind, a multilayer perceptron, with a glance at the names of other kinds.

The first image comes from ``chosen_input`` (by default chapter 1's hastily written 3); the
others are the first test images of the set (see ``MORE_IMAGES``). Render cost: the image and
its label are static during each pass (painted once); fades use covers.
"""
from __future__ import annotations

from manim import DOWN, LEFT, RIGHT, UP, FadeIn, FadeOut, Group, LaggedStart, Text, VGroup

import nn
from scenes.ch01_introduction import DEFAULT_INDEX, a_digit
from scenes.components import ChapterScene, DigitImage, NetworkDiagram, caption, chosen_input, mnist_input, style
from scenes.components.fades import cover, fade_to_black
from scenes.components.digit_input import DigitInput

#: How many more test images follow the chosen one, and the rule: the first test images of
#: the set (index 0, 1, 2, …), skipping the chosen image if it is one of them. No selection
#: by result: whatever the network answers is what is boxed.
N_MORE_IMAGES = 4

# --- layout: a slightly smaller diagram at the right, a column of text at the left ---------------
DIAGRAM_NEURON_RADIUS = 0.13
DIAGRAM_NEURON_GAP = 0.08
DIAGRAM_RIGHT = 6.3  # x of the diagram's right edge (output labels included)
DIAGRAM_Y = 0.35
QUICK_LAYER_TIME = 0.45  # the later passes run faster: the first one shows how it goes
QUICK_INPUT_TIME = 0.3
QUICK_BOX_TIME = 0.3
LINE_GAP = 0.22


def more_image_indices(chosen: DigitInput, n: int = N_MORE_IMAGES) -> list[int]:
    """The first ``n`` test indices (0, 1, …) other than the chosen image's."""
    out, i = [], 0
    while len(out) < n:
        if chosen.source != f"MNIST test #{i}":
            out.append(i)
        i += 1
    return out


def image_tag(digit: DigitInput) -> str:
    """The line under the image: where it comes from and, if known, its true digit."""
    where = digit.source.replace("MNIST test", "test") if digit.source.startswith("MNIST") else "your image"
    return where if digit.label is None else f"{where}, {a_digit(digit.label)}"


def answer_caption(digit: DigitInput, prediction: int) -> str:
    """The caption of one pass, from the label and the network's real prediction."""
    if digit.label is None:
        return f"The network reads your image as {a_digit(prediction)}"
    if digit.label == prediction:
        return f"{a_digit(digit.label).capitalize()} goes in; the brightest output is {prediction}"
    return f"{a_digit(digit.label).capitalize()} goes in, but the brightest output is {prediction}"


class SeriesPreview(ChapterScene):
    """The network reading real test images, one after another; then which kind of network it is."""

    def construct(self) -> None:
        self.net = nn.load_pretrained()
        self.first = chosen_input(DEFAULT_INDEX)
        self.digits = [self.first] + [mnist_input(i) for i in more_image_indices(self.first)]
        self.predictions = [int(self.net.predict(d.pixels)) for d in self.digits]
        self.structure_now_learning_next()
        self.read_images()
        self.plain_vanilla_kind()
        fade_to_black(self)

    # --- beats ---------------------------------------------------------------------------------
    def structure_now_learning_next(self) -> None:
        """The image top-left and the network fade in; what this film covers and what comes next."""
        self.image = DigitImage(self.first.pixels).to_corner(style.IMAGE_CORNER, buff=style.FRAME_MARGIN)
        self.tag = self.image_tag(self.first)
        self.diagram = NetworkDiagram(self.net, neuron_radius=DIAGRAM_NEURON_RADIUS,
                                      neuron_gap=DIAGRAM_NEURON_GAP)
        self.diagram.move_to([DIAGRAM_RIGHT - self.diagram.width / 2, DIAGRAM_Y, 0])
        self.caption = caption("This film: the structure. Next: the learning.")
        lid = cover(None)
        self.add(self.image, self.tag, self.caption, self.diagram, lid)
        self.play(FadeOut(lid), run_time=style.RUN_TIME)
        self.remove(lid)
        self.beat("structure now, learning next")
        self.wait(style.LONG_PAUSE)

    def read_images(self) -> None:
        """Each image in turn: shown top-left, fed forward layer by layer, the brightest output boxed."""
        for k, (digit, prediction) in enumerate(zip(self.digits, self.predictions)):
            self.swap(answer_caption(digit, prediction), digit if k > 0 else None)
            if k == 0:
                self.play(self.diagram.forward_pass(digit.pixels))
                self.beat("a real forward pass")
                self.wait(style.PAUSE)
            else:
                self.play(self.diagram.forward_pass(digit.pixels, layer_time=QUICK_LAYER_TIME,
                                                    input_time=QUICK_INPUT_TIME, box_time=QUICK_BOX_TIME))
                self.wait(style.PAUSE)
        self.beat("one image after another")

    def plain_vanilla_kind(self) -> None:
        """This is a multilayer perceptron, the plain kind; other kinds exist (names only)."""
        this_kind = VGroup(
            Text("this network is the plain kind:", font_size=style.FONT_SIZE_SMALL, color=style.SECONDARY),
            Text("multilayer perceptron", font_size=style.FONT_SIZE_LABEL, color=style.TEXT_COLOR),
        ).arrange(DOWN, aligned_edge=LEFT, buff=LINE_GAP)
        others = VGroup(
            Text("other kinds, for another day:", font_size=style.FONT_SIZE_SMALL, color=style.SECONDARY),
            *(Text(name, font_size=style.FONT_SIZE_SMALL, color=style.SECONDARY)
              for name in ("convolutional", "LSTM", "transformer")),
        ).arrange(DOWN, aligned_edge=LEFT, buff=LINE_GAP)
        others[1:].shift(RIGHT * LINE_GAP)
        note = VGroup(this_kind, others).arrange(DOWN, aligned_edge=LEFT, buff=2 * LINE_GAP)
        note.move_to(self.image, aligned_edge=UP + LEFT)
        self.swap("Many kinds of network exist; this is the simplest")
        lid = cover(Group(self.image, self.tag))
        self.play(FadeIn(lid), run_time=style.SHORT_RUN_TIME)
        self.remove(self.image, self.tag, lid)
        self.play(FadeIn(this_kind, shift=UP * LINE_GAP), run_time=style.RUN_TIME)
        self.beat("multilayer perceptron")
        self.wait(style.PAUSE)
        self.play(LaggedStart(*(FadeIn(line) for line in others), lag_ratio=4 * style.LAG_RATIO),
                  run_time=style.RUN_TIME * 1.5)
        self.beat("other kinds")
        self.wait(style.LONG_PAUSE)

    # --- helpers -------------------------------------------------------------------------------
    def image_tag(self, digit: DigitInput) -> Text:
        return Text(image_tag(digit), font_size=style.FONT_SIZE_SMALL, color=style.SECONDARY).next_to(
            self.image, DOWN, buff=style.LABEL_BUFF)

    def swap(self, text: str, digit: DigitInput | None = None) -> None:
        """Dip the caption (and the image with its tag, if ``digit``) under covers; bring up the next."""
        new_caption = caption(text)
        hidden = [VGroup(self.caption, new_caption)] + ([Group(self.image, self.tag)] if digit else [])
        lids = VGroup(*(cover(m) for m in hidden))
        self.play(FadeIn(lids), run_time=style.SHORT_RUN_TIME / 2)
        self.remove(self.caption)
        self.caption = new_caption
        if digit is not None:
            self.remove(self.tag)
            self.image.set_pixels(digit.pixels)
            self.tag = self.image_tag(digit)
        # static things go before the diagram: the renderer paints them once per pass
        self.bring_to_back(self.image, self.tag, self.caption)
        self.add(lids)
        self.play(FadeOut(lids), run_time=style.SHORT_RUN_TIME / 2)
        self.remove(lids)

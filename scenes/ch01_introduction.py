"""Chapter 1, "Introduction example" (0:00): a messy 3, other 3s, the grid as numbers, the task.

Beats (storyboard): a hastily written digit is drawn in as 28×28 squares, braces "28" on two
sides; other real test-set images of the same digit appear beside it, all different pixel by
pixel; the same grid with each pixel's brightness written on it (zoomed into one region so the
numbers stay legible at 480p); an arrow to the digits 0–9 and a "?": the program we are asked
to write; finally the trained network's genuine answer (its 10 output activations).

The main image comes from ``chosen_input(DEFAULT_INDEX)``: see :func:`sloppiest_confident_index`
for why test image 1463 is the default. Captions only call it a 3 when its label says so.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Arrow,
    Brace,
    Circle,
    Create,
    DecimalNumber,
    FadeIn,
    FadeOut,
    Group,
    GrowArrow,
    GrowFromCenter,
    LaggedStart,
    Line,
    MathTex,
    Rectangle,
    SurroundingRectangle,
    Text,
    VGroup,
    Write,
)

import nn

from scenes.components import ChapterScene, DigitImage, PixelGrid, caption, chosen_input, style
from scenes.components.fades import cover, fade_to_black
from scenes.components.digit_input import DigitInput
from scenes.components.pixel_grid import SIDE_PIXELS
from scenes.components.pixel_views import glyph_layer, grid_lines

# --- which images ------------------------------------------------------------------------------
#: Default main image: MNIST test image 1463, a 3. Rule (``sloppiest_confident_index``): among
#: the test images labelled 3 that the trained network classifies correctly with an output of
#: at least 0.5 for "3", the one with the LOWEST such output: the messiest 3 the network still
#: reads with some conviction (ties: lowest index). A test re-derives it from the network.
DEFAULT_INDEX = 1463
SLOPPY_DIGIT = 3
CONFIDENCE_FLOOR = 0.5
#: The other examples: the first N_OTHERS test images with the same label as the main image
#: (its prediction when the user's own image has no label), the main image itself excluded.
N_OTHERS = 4
#: Side of the zoomed window of pixel values (pixels); the window is the one with the most
#: in-between grey values (0 < v < 1), so the written numbers vary (see ``zoom_region``).
ZOOM_PIXELS = 7

# --- layout (manim units; style has no such sizes). The main image never moves.
IMAGE_SIDE = 5.0
IMAGE_POS = (-3.4, 0.5, 0.0)
EXAMPLE_SIDE = 2.2  # the other examples, a 2×2 block on the right
EXAMPLE_GAP = 0.5
EXAMPLES_POS = (3.6, 0.65, 0.0)
ZOOM_CELL = 0.7  # one pixel of the zoomed window
ZOOM_POS = (3.6, 0.5, 0.0)
DIGITS_X = 3.2  # column of the digits 0–9
DIGIT_ROW = 0.56  # vertical step between digits
ANSWER_RADIUS = style.NEURON_RADIUS * 1.3


def a_digit(d: int) -> str:
    """'a 3', 'an 8': the digit with its article."""
    return f"{'an' if d == 8 else 'a'} {d}"


def sloppiest_confident_index(net: nn.Network | None = None, digit: int = SLOPPY_DIGIT,
                              floor: float = CONFIDENCE_FLOOR) -> int:
    """The rule behind DEFAULT_INDEX: the correctly read test ``digit`` with the lowest output ≥ floor."""
    net = net or nn.load_pretrained()
    images, labels = nn.load_split("test")
    outputs = net.forward(images)
    candidates = np.where((labels == digit) & (outputs.argmax(axis=1) == digit) & (outputs[:, digit] >= floor))[0]
    return int(candidates[np.argmin(outputs[candidates, digit])])  # argmin: first of ties


def example_indices(digit: int, exclude: str, n: int = N_OTHERS) -> list[int]:
    """The first ``n`` test images labelled ``digit``, skipping the one named by ``exclude``."""
    _, labels = nn.load_split("test")
    chosen = []
    for i in np.where(labels == digit)[0]:
        if exclude == f"MNIST test #{i}":
            continue
        chosen.append(int(i))
        if len(chosen) == n:
            break
    return chosen


def zoom_region(pixels: np.ndarray, size: int = ZOOM_PIXELS) -> tuple[int, int, int, int]:
    """(row0, row1, col0, col1) of the size×size window with the most in-between greys (first of ties)."""
    grey = ((pixels > 0) & (pixels < 1)).reshape(SIDE_PIXELS, SIDE_PIXELS).astype(int)
    best, region = -1, (0, size, 0, size)
    for r in range(SIDE_PIXELS - size + 1):
        for c in range(SIDE_PIXELS - size + 1):
            count = int(grey[r:r + size, c:c + size].sum())
            if count > best:
                best, region = count, (r, r + size, c, c + size)
    return region


@dataclass(frozen=True)
class Reading:
    """What the chapter says about its main image, all from the data and the network."""

    digit: DigitInput
    outputs: np.ndarray  # the network's 10 output activations
    prediction: int
    shown_digit: int  # the digit the examples share: the label, else the prediction

    @classmethod
    def of(cls, digit: DigitInput) -> "Reading":
        net = nn.load_pretrained()
        outputs = np.asarray(net.forward(digit.pixels), dtype=float)
        prediction = int(np.argmax(outputs))
        return cls(digit, outputs, prediction, digit.label if digit.label is not None else prediction)

    def name(self) -> str:
        """'a 3' when the label is known, else 'a digit'."""
        return a_digit(self.digit.label) if self.digit.label is not None else "a digit"

    def answer_caption(self) -> str:
        words = f"The trained network's answer: {self.prediction} (output {self.outputs[self.prediction]:.2f})"
        if self.digit.label is not None and self.digit.label != self.prediction:
            words += f", but it is {a_digit(self.digit.label)}"
        return words


class IntroductionExample(ChapterScene):
    """A messy digit, other examples of it, the pixels as numbers, the task, the network's answer."""

    def construct(self) -> None:
        self.reading = Reading.of(chosen_input(DEFAULT_INDEX))
        self.image = DigitImage(self.reading.digit.pixels, side=IMAGE_SIDE).move_to(IMAGE_POS)
        self.draw_digit()
        self.show_other_examples()
        self.show_pixel_values()
        self.pose_the_task()
        self.show_network_answer()
        fade_to_black(self)

    # --- beats ---------------------------------------------------------------------------------
    def draw_digit(self) -> None:
        """The digit appears row by row, then braces say 28 by 28."""
        self.caption = caption(f"{self.reading.name().capitalize()}, handwritten, stored as 28 × 28 pixels")
        rows = self.row_covers()
        self.add(self.image, *rows)
        self.play(LaggedStart(*(FadeOut(r) for r in rows), lag_ratio=style.LAG_RATIO * 2), run_time=style.LAGGED_FADE_IN)
        self.remove(*rows)
        self.wait(style.PAUSE)
        self.braces = VGroup(*(self.side_brace(direction) for direction in (UP, LEFT)))
        self.play(*(GrowFromCenter(b[0]) for b in self.braces), *(FadeIn(b[1]) for b in self.braces),
                  FadeIn(self.caption), run_time=style.RUN_TIME)
        self.beat("a handwritten digit, 28 by 28")
        self.wait(style.LONG_PAUSE + style.PAUSE)

    def show_other_examples(self) -> None:
        """Other test images of the same digit appear beside it, one after another."""
        d = self.reading.shown_digit
        indices = example_indices(d, self.reading.digit.source)
        images = Group(*(DigitImage(i, side=EXAMPLE_SIDE) for i in indices))
        images.arrange_in_grid(rows=2, buff=EXAMPLE_GAP).move_to(EXAMPLES_POS)
        self.examples = images
        tags = VGroup(*(self.index_tag(f"test #{i}", img) for i, img in zip(indices, images)))
        own_tag = self.index_tag(self.short_source(), self.image)
        self.swap_caption(f"More {d}s from the test set: no two alike",
                          also=own_tag)
        lids = [cover(Group(img, tag)) for img, tag in zip(images, tags)]
        self.add(images, tags, *lids)
        self.play(LaggedStart(*(FadeOut(lid) for lid in lids), lag_ratio=0.5), run_time=style.LAGGED_FADE_IN)
        self.remove(*lids)
        self.beat("other examples of the digit")
        self.wait(style.LONG_PAUSE)
        self.swap_caption(f"Yet you read each one as {a_digit(d)} at a glance")
        self.wait(style.LONG_PAUSE)
        lids = VGroup(cover(Group(images, tags)), cover(own_tag))
        self.bring_to_front(self.braces)  # only the braces and the covers change
        self.play(FadeIn(lids), FadeOut(self.braces), run_time=style.RUN_TIME)
        self.remove(images, tags, own_tag, lids)

    def show_pixel_values(self) -> None:
        """Each pixel's brightness is written on it, and one window is shown enlarged."""
        values = glyph_layer(self.image.pixels, self.image.cell_centers(), self.image.pixel_side)
        marker, zoom, links = self.zoom_window(zoom_region(self.reading.digit.pixels))
        self.values, self.zoom = values, zoom
        self.swap_caption("To a computer: 784 brightness values, 0 to 1")
        self.add(values)  # a cut: all 784 values at once
        self.wait(style.PAUSE)
        lid = cover(zoom)
        self.add(links, zoom, lid)
        self.play(Create(marker), FadeOut(lid), run_time=style.RUN_TIME)
        self.beat("pixel values")
        self.wait(2 * style.LONG_PAUSE)
        lid = cover(Group(zoom, links))
        self.play(FadeIn(lid), FadeOut(marker), run_time=style.SHORT_RUN_TIME)
        self.remove(values, links, zoom, lid)

    def pose_the_task(self) -> None:
        """Grid → arrow → the digits 0–9 with a question mark: the program to write."""
        self.digits = VGroup(*(MathTex(str(k), font_size=style.FONT_SIZE_LABEL) for k in range(10)))
        for k, tex in enumerate(self.digits):
            tex.move_to([DIGITS_X, self.image.get_y() + (4.5 - k) * DIGIT_ROW, 0])
        arrow = Arrow(self.image.get_right(), [DIGITS_X - 2 * ANSWER_RADIUS - style.LABEL_BUFF, self.image.get_y(), 0],
                      buff=style.FRAME_MARGIN, color=style.TEXT_COLOR)
        self.question = Text("?", font_size=style.FONT_SIZE_TITLE, color=style.ACCENT).next_to(arrow, UP)
        self.swap_caption("The task: a program that names the digit")
        self.play(GrowArrow(arrow), LaggedStart(*(FadeIn(t) for t in self.digits), lag_ratio=style.LAG_RATIO),
                  run_time=style.RUN_TIME)
        self.play(Write(self.question), run_time=style.SHORT_RUN_TIME)
        self.beat("the program we are asked to write")
        self.wait(2 * style.LONG_PAUSE)

    def show_network_answer(self) -> None:
        """The trained network's 10 outputs for this very image, the largest boxed."""
        outputs, best = self.reading.outputs, self.reading.prediction
        neurons, numbers = VGroup(), VGroup()
        for k, tex in enumerate(self.digits):
            circle = Circle(radius=ANSWER_RADIUS).set_stroke(style.NEURON_STROKE_COLOR, style.NEURON_STROKE_WIDTH)
            circle.set_fill(style.NEURON_FILL_COLOR, opacity=float(outputs[k]))
            neurons.add(circle.next_to(tex, LEFT, buff=style.LABEL_BUFF))
            numbers.add(DecimalNumber(float(outputs[k]), num_decimal_places=2, font_size=style.FONT_SIZE_LABEL,
                                      color=style.SECONDARY).next_to(tex, RIGHT, buff=2 * style.LABEL_BUFF))
        box = SurroundingRectangle(VGroup(neurons[best], self.digits[best], numbers[best]),
                                   color=style.HIGHLIGHT_COLOR, buff=style.HIGHLIGHT_BUFF,
                                   stroke_width=style.HIGHLIGHT_WIDTH)
        self.swap_caption(self.reading.answer_caption())
        self.bring_to_front(self.question)
        self.play(FadeOut(self.question), LaggedStart(*(FadeIn(VGroup(c, n)) for c, n in zip(neurons, numbers)),
                                                     lag_ratio=style.LAG_RATIO), run_time=style.RUN_TIME * 1.5)
        self.play(Create(box), run_time=style.BOX_TIME)
        self.answer = VGroup(neurons, numbers, box)
        self.beat("the network's real answer")
        self.wait(2 * style.LONG_PAUSE)

    # --- helpers -------------------------------------------------------------------------------
    def swap_caption(self, text: str, also=None) -> None:
        """Dip the caption under a cover and bring up the next one (and ``also``, if given)."""
        new = caption(text)
        lid = cover(VGroup(self.caption, new))
        self.play(FadeIn(lid), run_time=style.SHORT_RUN_TIME / 2)
        self.remove(self.caption)
        self.caption = new
        if also is not None:
            self.add(also)
            lid = VGroup(lid, cover(also))
        self.add(new, lid)
        self.play(FadeOut(lid), run_time=style.SHORT_RUN_TIME / 2)
        self.remove(lid)

    def row_covers(self) -> list[Rectangle]:
        """One black cover per pixel row of the main image, top row first: it is drawn in row by row."""
        rows = []
        for r in range(SIDE_PIXELS):
            band = cover(self.image.image).stretch_to_fit_height(self.image.pixel_side * 1.1)
            rows.append(band.set_y(self.image.cell_center(r, 0)[1]))
        return rows

    def side_brace(self, direction: np.ndarray) -> VGroup:
        brace = Brace(self.image, direction, buff=style.BRACE_BUFF)
        label = MathTex(str(SIDE_PIXELS), font_size=style.FONT_SIZE_LABEL)
        label.next_to(brace, direction, buff=style.LABEL_BUFF)
        return VGroup(brace, label)

    def short_source(self) -> str:
        source = self.reading.digit.source
        return source.replace("MNIST test", "test") if source.startswith("MNIST") else "your image"

    @staticmethod
    def index_tag(text: str, image: PixelGrid) -> Text:
        return Text(text, font_size=style.FONT_SIZE_SMALL, color=style.SECONDARY).next_to(
            image, DOWN, buff=style.LABEL_BUFF)

    def zoom_window(self, region: tuple[int, int, int, int]) -> tuple[Rectangle, Group, VGroup]:
        """A yellow frame on the region of the grid, and the region enlarged on the right with its values.

        The enlarged window is ``Group(pixels, grid, frame, values)``: the block as a ``DigitImage``,
        thin lines between its squares, a highlight-coloured frame, each pixel's value written on it.
        """
        r0, r1, c0, c1 = region
        block = self.reading.digit.pixels.reshape(SIDE_PIXELS, SIDE_PIXELS)[r0:r1, c0:c1]
        half = self.image.pixel_side / 2
        corners = Line(self.image.cell_center(r0, c0) + [-half, half, 0],
                       self.image.cell_center(r1 - 1, c1 - 1) + [half, -half, 0])
        marker = SurroundingRectangle(corners, buff=0, color=style.HIGHLIGHT_COLOR, stroke_width=style.HIGHLIGHT_WIDTH)
        pixels = DigitImage(block, side=(c1 - c0) * ZOOM_CELL, frame=False).move_to(ZOOM_POS)
        frame = Rectangle(width=pixels.side_length, height=pixels.image.height).move_to(pixels)
        frame.set_stroke(style.HIGHLIGHT_COLOR, style.IMAGE_FRAME_WIDTH).set_fill(opacity=0)
        zoom = Group(pixels, grid_lines(pixels, style.EDGE_WIDTH), frame,
                     glyph_layer(pixels.pixels, pixels.cell_centers(), pixels.pixel_side))
        links = VGroup(
            Line(marker.get_corner(UP + RIGHT), zoom.get_corner(UP + LEFT)),
            Line(marker.get_corner(DOWN + RIGHT), zoom.get_corner(DOWN + LEFT)),
        ).set_stroke(style.HIGHLIGHT_COLOR, style.EDGE_WIDTH, opacity=style.EDGE_OPACITY)
        return marker, zoom, links

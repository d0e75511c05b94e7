"""Chapter 1, "Introduction example" (0:00): a sloppy 3, other 3s, the grid as numbers, the task.

Beats (storyboard): a hastily written 3 is drawn in as 28×28 squares, braces "28" on two sides;
other real test-set 3s appear beside it, and the squares where one of them differs from ours are
outlined; each pixel's brightness is written on the grid (one window enlarged, so the numbers are
legible at 480p); an arrow to the digits 0–9 and a "?": the program we are asked to write; the
"?" becomes a network, the subject of the film. No output of the network is shown yet: outputs
mean nothing until chapter 4.

The main image stays in place until the last beat, where it moves to the corner it has in chapter 2.
It is ``chosen_input(HERO_INDEX)`` (``scenes.content.examples``), the same 3 as in
chapters 2 to 4. The narration calls it "a three" only when its label says so.
"""
from __future__ import annotations

import numpy as np
from manim import (
    DOWN,
    LEFT,
    UP,
    Arrow,
    Brace,
    Create,
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
from scenes.components import DigitImage, NetworkDiagram, PixelGrid, highlight_box, label_next_to, style
from scenes.components.pixel_views import glyph_layer, grid_lines, square_outlines
from scenes.components.transitions import Conceal, Cover, FadeToBlack, Reveal
from scenes.content.digit_input import chosen_input
from scenes.content.examples import HERO_INDEX, same_digit_examples
from scenes.runtime.narrated_scene import NarratedScene

SIDE = nn.IMAGE_SIDE
#: Side of the enlarged window of pixel values (pixels); the window is the one with the most
#: in-between grey values (0 < v < 1), so the written numbers vary (see ``zoom_region``).
ZOOM_PIXELS = 7
#: a pixel counts as lit in the comparison of two images when brighter than this
LIT = 0.5

# --- layout (manim units). The main image stays put until the last beat.
IMAGE_SIDE = 5.0
IMAGE_POS = (-3.4, 0.2, 0.0)
EXAMPLE_SIDE = 2.0  # the other examples, a 2×2 block on the right
EXAMPLE_GAP = 0.6
EXAMPLES_POS = (3.6, 0.45, 0.0)
ZOOM_CELL = 0.68  # one pixel of the enlarged window
ZOOM_POS = (3.6, 0.2, 0.0)
DIGITS_X = 4.6  # column of the digits 0–9
DIGIT_ROW = 0.5  # vertical step between digits


def zoom_region(pixels: np.ndarray, size: int = ZOOM_PIXELS) -> tuple[int, int, int, int]:
    """(row0, row1, col0, col1) of the size×size window with the most in-between greys (first of ties)."""
    grey = ((pixels > 0) & (pixels < 1)).reshape(SIDE, SIDE).astype(int)
    best, region = -1, (0, size, 0, size)
    for r in range(SIDE - size + 1):
        for c in range(SIDE - size + 1):
            count = int(grey[r:r + size, c:c + size].sum())
            if count > best:
                best, region = count, (r, r + size, c, c + size)
    return region


def differing_pixels(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """(784,) bool: the pixels lit in one image and dark in the other."""
    return (np.asarray(a) > LIT) != (np.asarray(b) > LIT)


class IntroductionExample(NarratedScene):
    """A sloppy 3, other 3s that differ pixel by pixel, the pixels as numbers, the task, the goal."""

    def construct(self) -> None:
        self.digit = chosen_input(HERO_INDEX)
        self.words = {"digit": self.digit.label}  # the script names it (None: your own photo)
        self.image = DigitImage(self.digit.pixels, side=IMAGE_SIDE).move_to(IMAGE_POS)
        self.sloppy_digit()
        self.other_examples()
        self.pixel_values()
        self.the_task()
        self.the_goal()
        self.play(FadeToBlack(run_time=style.RUN_TIME))

    # --- beats ---------------------------------------------------------------------------------
    def sloppy_digit(self) -> None:
        """The digit appears row by row, then braces say 28 by 28."""
        with self.beat("sloppy-digit", **self.words) as beat:
            rows = self.row_covers()
            self.add(self.image, *rows)
            self.play(LaggedStart(*(FadeOut(r) for r in rows), lag_ratio=style.LAG_RATIO * 2),
                      run_time=beat.time_to(1, minimum=style.LAGGED_FADE_IN))
            self.remove(*rows)
            self.braces = VGroup(*(self.side_brace(direction) for direction in (UP, LEFT)))
            self.play(*(GrowFromCenter(b[0]) for b in self.braces), *(FadeIn(b[1]) for b in self.braces),
                      run_time=style.RUN_TIME)

    def other_examples(self) -> None:
        """Other test images of the same digit appear beside it; where one differs from ours is outlined."""
        with self.beat("other-examples", **self.words) as beat:
            shown = self.digit.label
            if shown is None:  # the user's own image: its examples are of the digit the network reads
                shown = int(nn.load_pretrained().predict(self.digit.pixels))
            indices = same_digit_examples(shown, self.digit.source)
            images = Group(*(DigitImage(i, side=EXAMPLE_SIDE) for i in indices))
            images.arrange_in_grid(rows=2, buff=EXAMPLE_GAP).move_to(EXAMPLES_POS)
            tags = VGroup(*(label_next_to(img, self.text("test_number", index=i)) for i, img in zip(indices, images)))
            self.play(FadeOut(self.braces), LaggedStart(*(Reveal(img, tag) for img, tag in zip(images, tags)),
                                                        lag_ratio=0.5), run_time=style.LAGGED_FADE_IN)
            beat.wait_until(1)
            other, other_index = images[0], indices[0]
            differ = differing_pixels(self.digit.pixels, other.pixels)
            self.outlines = VGroup(square_outlines(self.image, differ), highlight_box(other, buff=0),
                                   label_next_to(self.image, self.text("outlined", index=other_index), UP))
            self.play(Create(self.outlines), run_time=style.RUN_TIME)
            self.examples = Group(images, tags)

    def pixel_values(self) -> None:
        """Each pixel's brightness written on it (a cut), then one window shown enlarged."""
        with self.beat("pixel-values", **self.words) as beat:
            self.play(Conceal(self.examples, self.outlines), run_time=style.RUN_TIME)
            self.values = glyph_layer(self.image.pixels, self.image.cell_centers(), self.image.pixel_side)
            self.add(self.values)
            beat.wait_until(1)
            marker, zoom, links = self.zoom_window(zoom_region(self.digit.pixels))
            self.play(Create(marker), Reveal(links, zoom), run_time=style.RUN_TIME)
            self.zoom = Group(marker, zoom, links)

    def the_task(self) -> None:
        """Grid → arrow → the digits 0–9 with a question mark: the program to write."""
        with self.beat("the-task", **self.words) as beat:
            self.digits = VGroup(*(MathTex(str(k), font_size=style.FONT_SIZE_LABEL) for k in range(10)))
            for k, tex in enumerate(self.digits):
                tex.move_to([DIGITS_X, self.image.get_y() + (4.5 - k) * DIGIT_ROW, 0])
            self.arrow = Arrow(self.image.get_right(), [DIGITS_X - 3 * style.LABEL_BUFF, self.image.get_y(), 0],
                               buff=style.FRAME_MARGIN, color=style.TEXT_COLOR)
            self.question = Text("?", font_size=style.FONT_SIZE_TITLE * 1.5, color=style.ACCENT)
            self.question.next_to(self.arrow, UP)
            self.play(Conceal(self.zoom), run_time=style.SHORT_RUN_TIME)
            self.play(GrowArrow(self.arrow), LaggedStart(*(FadeIn(t) for t in self.digits), lag_ratio=style.LAG_RATIO),
                      run_time=style.RUN_TIME)
            self.play(Write(self.question), run_time=style.SHORT_RUN_TIME)
            beat.wait_until(2)
            self.play(Conceal(self.values), run_time=style.RUN_TIME)  # back to the plain sloppy digit

    def the_goal(self) -> None:
        """The arrow, digits and question mark give way to the network (unlit), the image moving to
        its corner: the picture chapter 2 opens with. What this film is about."""
        with self.beat("the-goal", **self.words):
            network = NetworkDiagram(nn.load_pretrained())
            self.play(Conceal(self.question, self.arrow, self.digits), run_time=style.SHORT_RUN_TIME)
            corner = self.image.copy().scale_to_fit_width(style.IMAGE_SIDE)
            corner.to_corner(style.IMAGE_CORNER, buff=style.FRAME_MARGIN)
            self.play(self.image.animate.move_to(corner).scale_to_fit_width(style.IMAGE_SIDE), run_time=style.RUN_TIME)
            self.play(Reveal(network), run_time=style.RUN_TIME)

    # --- helpers -------------------------------------------------------------------------------
    def row_covers(self) -> list[Rectangle]:
        """One black cover per pixel row of the main image, top row first: it is drawn in row by row."""
        rows = []
        for r in range(SIDE):
            band = Cover(self.image.image).stretch_to_fit_height(self.image.pixel_side * 1.1)
            rows.append(band.set_y(self.image.cell_center(r, 0)[1]))
        return rows

    def side_brace(self, direction: np.ndarray) -> VGroup:
        brace = Brace(self.image, direction, buff=style.BRACE_BUFF)
        label = MathTex(str(SIDE), font_size=style.FONT_SIZE_LABEL)
        label.next_to(brace, direction, buff=style.LABEL_BUFF)
        return VGroup(brace, label)

    def zoom_window(self, region: tuple[int, int, int, int]) -> tuple[SurroundingRectangle, Group, VGroup]:
        """A yellow frame on the region of the grid, the region enlarged on the right with its values,
        and two lines joining them.

        The enlarged window is ``Group(pixels, grid, frame, values)``: the block as a ``DigitImage``,
        thin lines between its squares, a highlight-coloured frame, each pixel's value written on it.
        """
        r0, r1, c0, c1 = region
        block = self.digit.pixels.reshape(SIDE, SIDE)[r0:r1, c0:c1]
        half = self.image.pixel_side / 2
        corners = Line(self.image.cell_center(r0, c0) + [-half, half, 0],
                       self.image.cell_center(r1 - 1, c1 - 1) + [half, -half, 0])
        marker = SurroundingRectangle(corners, buff=0, color=style.HIGHLIGHT_COLOR, stroke_width=style.HIGHLIGHT_WIDTH)
        pixels: PixelGrid = DigitImage(block, side=(c1 - c0) * ZOOM_CELL, frame=False).move_to(ZOOM_POS)
        frame = Rectangle(width=pixels.side_length, height=pixels.image.height).move_to(pixels)
        frame.set_stroke(style.HIGHLIGHT_COLOR, style.IMAGE_FRAME_WIDTH).set_fill(opacity=0)
        values = glyph_layer(block, pixels.cell_centers(), pixels.pixel_side)
        zoom = Group(pixels, grid_lines(pixels, style.EDGE_WIDTH), frame, values)
        links = VGroup(
            Line(marker.get_corner(UP + np.array([1, 0, 0])), frame.get_corner(UP + LEFT)),
            Line(marker.get_corner(DOWN + np.array([1, 0, 0])), frame.get_corner(DOWN + LEFT)),
        ).set_stroke(style.HIGHLIGHT_COLOR, style.EDGE_WIDTH)
        return marker, zoom, links

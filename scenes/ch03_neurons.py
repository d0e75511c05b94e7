"""Chapter 3 (2:42, "What are neurons?"): a neuron holds a number between 0 and 1.

One big neuron whose number changes and whose fill follows it; the 28×28 input image turns
into 784 neurons (fill opacity = pixel value); one of them is pulled out and its real value
shown: its activation. Every number shown is a pixel value of the chosen input image.
"""
from __future__ import annotations

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Circle,
    DecimalNumber,
    FadeIn,
    FadeOut,
    GrowFromPoint,
    Line,
    MathTex,
    ReplacementTransform,
    SurroundingRectangle,
    Text,
    ValueTracker,
    VGroup,
)

from scenes.components import ChapterScene, PixelImage, chosen_input, style
from scenes.components.fades import swap_caption, fade_to_black, reveal
from scenes.components.digit_input import DigitInput
from scenes.components.pixel_image import SIDE_PIXELS

DEFAULT_INDEX = 18  # MNIST test image 18, the sloppy 3 of the introduction

# --- layout of this chapter (ch04 starts from the same grid of 784 neurons) ----------------
BIG_NEURON_RADIUS = 1.2
BIG_NEURON_STROKE_WIDTH = 4.0
GRID_SIDE = 5.6  # side of the 28×28 image / grid of neurons
GRID_CENTER = LEFT * 3.0 + UP * 0.3
GRID_NEURON_SHARE = 0.42  # a grid neuron's radius as a share of a pixel's side
GRID_STROKE_WIDTH = 1.0
GRID_STROKE_OPACITY = 0.45
ZOOM_CENTER = RIGHT * 3.6 + UP * 0.5  # where the pulled-out neuron sits
MID_GRAY = 0.6  # the pulled-out neuron is the pixel whose value is nearest this (a partly lit one)
NUMBER_DECIMALS = 2


# --- which real values the chapter shows ---------------------------------------------------
def demo_values(pixels: np.ndarray) -> list[float]:
    """Values the lone neuron steps through: real pixel values of the image, dark to bright and back.

    0 (a black pixel), the brightest pixel, then the lit pixels' lower and upper quartiles.
    """
    pixels = np.asarray(pixels, dtype=float)
    lit = np.sort(pixels[pixels > 0])
    if lit.size == 0:
        return [float(pixels.min()), float(pixels.max())]
    quartile = lambda q: float(lit[int(round(q * (lit.size - 1)))])  # noqa: E731 - a real pixel value
    return [float(pixels.min()), float(lit[-1]), quartile(0.25), quartile(0.75)]


def pulled_pixels(pixels: np.ndarray) -> tuple[int, int, int]:
    """The neurons pulled out, in order: a partly lit pixel (value nearest MID_GRAY), the
    brightest pixel and the darkest pixel, each of the latter two the one nearest the centre."""
    pixels = np.asarray(pixels, dtype=float)
    mid = int(np.argmin(np.abs(pixels - MID_GRAY)))
    rows, cols = np.divmod(np.arange(pixels.size), SIDE_PIXELS)
    centre = (SIDE_PIXELS - 1) / 2
    dist = np.hypot(rows - centre, cols - centre)
    bright = int(np.argmin(np.where(pixels == pixels.max(), dist, np.inf)))
    dark = int(np.argmin(np.where(pixels == pixels.min(), dist, np.inf)))
    return mid, bright, dark


def neuron_grid(image: PixelImage) -> VGroup:
    """The image as 784 hollow neurons at its pixels' places: white fill, opacity = pixel value."""
    circles = image.circles(radius=image.pixel_side * GRID_NEURON_SHARE)
    circles.set_stroke(style.NEURON_STROKE_COLOR, GRID_STROKE_WIDTH, opacity=GRID_STROKE_OPACITY)
    for circle, value in zip(circles, image.pixels):
        circle.set_fill(style.NEURON_FILL_COLOR, opacity=float(value))
    return circles


def grid_image(digit: DigitInput) -> PixelImage:
    """The chosen image, big, where this chapter (and the start of the next) shows it."""
    return PixelImage(digit.pixels, side=GRID_SIDE).move_to(GRID_CENTER)


def number_color(value: float):
    """Dark digits on a bright fill, light ones on a dim fill."""
    return style.VALUE_DARK_TEXT if value > style.VALUE_TEXT_THRESHOLD else style.VALUE_LIGHT_TEXT


def big_neuron(value: float, center) -> VGroup:
    """A large neuron with its number inside: (circle, number)."""
    circle = Circle(radius=BIG_NEURON_RADIUS).set_stroke(style.NEURON_STROKE_COLOR, BIG_NEURON_STROKE_WIDTH)
    circle.set_fill(style.NEURON_FILL_COLOR, opacity=value).move_to(center)
    number = DecimalNumber(value, num_decimal_places=NUMBER_DECIMALS, font_size=style.FONT_SIZE_TITLE)
    number.set_color(number_color(value)).move_to(circle)
    return VGroup(circle, number)


class WhatAreNeurons(ChapterScene):
    """A neuron is a number in [0, 1]; the image's 784 pixels become 784 neurons; one is pulled out."""

    def construct(self) -> None:
        self.digit = chosen_input(DEFAULT_INDEX)
        self.caption = None
        self.captions: list[str] = []  # every caption shown, in order
        # (pixel index, number shown, fill opacity) of the big neuron on screen at each pull-out
        self.zoomed: list[tuple[int, float, float]] = []
        self.one_neuron_holds_a_number()
        self.image_becomes_neurons()
        self.pull_out_one_neuron()
        self.fade_everything_out()

    # --- steps -----------------------------------------------------------------------------
    def one_neuron_holds_a_number(self) -> None:
        values = demo_values(self.digit.pixels)
        self.lone_values = values
        neuron = big_neuron(values[0], UP * 0.4)
        circle, number = neuron
        tracker = ValueTracker(values[0])

        def follow(mob: VGroup) -> None:
            v = float(tracker.get_value())
            circle.set_fill(opacity=v)
            number.set_value(v).set_color(number_color(v)).move_to(circle)

        self.show_caption("A neuron is just something that holds a number from 0 to 1")
        self.play(FadeIn(neuron, scale=0.6), run_time=style.RUN_TIME)
        self.wait(style.PAUSE)
        neuron.add_updater(follow)
        for k, v in enumerate(values[1:]):
            if k == 1:
                self.show_caption("Its fill follows the number: 0 is dark, 1 is fully lit")
            self.play(tracker.animate.set_value(v), run_time=style.RUN_TIME)
            self.wait(style.PAUSE)
        self.beat("a neuron holds a number")
        neuron.clear_updaters()
        self.play(FadeOut(neuron), run_time=style.SHORT_RUN_TIME)

    def image_becomes_neurons(self) -> None:
        image = grid_image(self.digit)
        self.show_caption("Our 28×28 image: each pixel a gray value, 0 black to 1 white")
        reveal(self, image)
        self.wait(style.PAUSE)
        self.beat("the image")
        self.grid = neuron_grid(image)
        self.count = MathTex(r"28 \times 28 = 784", font_size=style.FONT_SIZE_TITLE).move_to(ZOOM_CENTER)
        self.show_caption("Give every pixel its own neuron: 784 neurons")
        self.play(
            ReplacementTransform(image.squares, self.grid),
            FadeOut(image.frame),
            FadeIn(self.count),
            run_time=style.RUN_TIME,
        )
        self.wait(style.LONG_PAUSE)
        self.beat("784 neurons")

    def pull_out_one_neuron(self) -> None:
        self.pulled = pulled_pixels(self.digit.pixels)
        self.show_caption("Pull one out: it holds its pixel's value")
        old = zoom, marker, link, coords = self.zoom_into(self.pulled[0])
        self.play(FadeOut(self.count), FadeIn(marker), run_time=style.SHORT_RUN_TIME)
        self.play(
            GrowFromPoint(zoom, self.grid[self.pulled[0]].get_center()),
            FadeIn(link),
            FadeIn(coords),
            run_time=style.RUN_TIME,
        )
        self.wait(style.PAUSE)
        word = Text("activation", font_size=style.FONT_SIZE_BODY, color=style.ACCENT)
        word.next_to(zoom, DOWN, buff=style.LABEL_BUFF * 2)
        self.show_caption("That number is called the neuron's activation")
        self.play(FadeIn(word, shift=UP * style.LABEL_BUFF), run_time=style.RUN_TIME)
        self.wait(style.LONG_PAUSE)
        self.note_zoom(self.pulled[0], zoom)
        self.beat("its activation")

        # the brightest and a black pixel: activation 1, fully lit; 0, unlit
        pixels = self.digit.pixels
        for index, text in zip(self.pulled[1:], ("The brightest pixel's neuron holds {:.2f}: fully lit",
                                                 "A black pixel's neuron holds {:.2f}: unlit")):
            text = text.format(float(pixels[index]))
            new = self.zoom_into(index)
            self.show_caption(text)
            self.play(*(ReplacementTransform(a, b) for a, b in zip(old, new)), run_time=style.RUN_TIME)
            old = new
            self.wait(style.LONG_PAUSE)
            self.note_zoom(index, new[0])
            self.beat("white neuron" if index == self.pulled[1] else "black neuron")
        self.zoom = old[0]

    def fade_everything_out(self) -> None:
        fade_to_black(self)

    # --- helpers ---------------------------------------------------------------------------
    def note_zoom(self, index: int, zoom: VGroup) -> None:
        """Remember what the big neuron on screen shows (for the tests)."""
        circle, number = zoom
        self.zoomed.append((index, float(number.get_value()), float(circle.get_fill_opacity())))

    def zoom_into(self, index: int) -> tuple[VGroup, SurroundingRectangle, Line, Text]:
        """The big copy of grid neuron ``index`` with its real value, its marker, link and place."""
        value = float(self.digit.pixels[index])
        zoom = big_neuron(value, ZOOM_CENTER)
        small = self.grid[index]
        marker = SurroundingRectangle(small, color=style.HIGHLIGHT_COLOR, buff=style.HIGHLIGHT_BUFF / 2,
                                      stroke_width=style.HIGHLIGHT_WIDTH)
        link = Line(marker.get_right(), zoom[0].get_left(), color=style.HIGHLIGHT_COLOR,
                    stroke_width=style.EDGE_WIDTH)
        row, col = divmod(index, SIDE_PIXELS)
        coords = Text(f"pixel at row {row}, column {col}", font_size=style.FONT_SIZE_SMALL, color=style.SECONDARY)
        coords.next_to(zoom, UP, buff=style.LABEL_BUFF * 2)
        return zoom, marker, link, coords

    def show_caption(self, text: str) -> None:
        """Cross-fade the bottom caption into ``text`` (only the two captions are redrawn)."""
        self.captions.append(text)
        self.caption = swap_caption(self, self.caption, text)

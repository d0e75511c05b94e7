"""Chapter 3 (2:42, "What are neurons?"): a neuron holds a number between 0 and 1.

Beats (storyboard): one big neuron whose number changes and whose fill follows it (real pixel
values of our image); the 28×28 image turns into 784 neurons (fill opacity = pixel value); one is
pulled out with its real value: its activation; then the brightest pixel's (fully lit), a
black pixel's (dark) and the grey one's again (in between). While the lone neuron steps through
values, our image beside it marks the pixel each value comes from. Every number shown is a pixel
value of the chosen input image.
"""
from __future__ import annotations

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    FadeIn,
    FadeOut,
    Group,
    GrowFromPoint,
    Line,
    MathTex,
    ReplacementTransform,
    Square,
    Text,
    Transform,
    ValueTracker,
    VGroup,
)

import nn
from scenes.components import (
    DigitImage,
    PixelImage,
    highlight_box,
    label_next_to,
    neuron_grid,
    numbered_neuron,
    set_activation,
    style,
)
from scenes.components.transitions import Conceal, FadeToBlack, Reveal, Swap
from scenes.content.digit_input import chosen_input
from scenes.content.examples import HERO_INDEX
from scenes.runtime.narrated_scene import NarratedScene

SIDE = nn.IMAGE_SIDE
BIG_NEURON_RADIUS = 1.2
GRID_SIDE = 5.6  # side of the 28×28 image / grid of neurons
GRID_CENTER = LEFT * 3.0 + UP * 0.1
ZOOM_CENTER = RIGHT * 3.6 + UP * 0.3  # where the pulled-out neuron sits
SOURCE_SIDE = 3.0  # our image beside the lone neuron, where its values come from
SOURCE_CENTER = LEFT * 4.6 + UP * 0.3
MID_GRAY = 0.6  # the first neuron pulled out: the pixel whose value is nearest this (a partly lit one)


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


def pixel_with_value(pixels: np.ndarray, value: float) -> int:
    """The index of the pixel with exactly ``value`` nearest the image's centre (first of ties)."""
    pixels = np.asarray(pixels, dtype=float)
    rows, cols = np.divmod(np.arange(pixels.size), SIDE)
    centre = (SIDE - 1) / 2
    return int(np.argmin(np.where(pixels == value, np.hypot(rows - centre, cols - centre), np.inf)))


def pulled_pixels(pixels: np.ndarray) -> tuple[int, int, int]:
    """The neurons pulled out, in order: a partly lit pixel (value nearest MID_GRAY), the
    brightest pixel and the darkest pixel, each the one of its value nearest the centre."""
    pixels = np.asarray(pixels, dtype=float)
    mid = float(pixels[np.argmin(np.abs(pixels - MID_GRAY))])
    return (pixel_with_value(pixels, mid), pixel_with_value(pixels, float(pixels.max())),
            pixel_with_value(pixels, float(pixels.min())))


class WhatAreNeurons(NarratedScene):
    """A neuron is a number in [0, 1]; the image's 784 pixels become 784 neurons; one is pulled out."""

    def construct(self) -> None:
        self.digit = chosen_input(HERO_INDEX)
        # (pixel index, number shown, fill opacity) of the big neuron on screen at each pull-out
        self.zoomed: list[tuple[int, float, float]] = []
        self.inspired_by_brain()
        self.holds_a_number()
        self.image_becomes_neurons()
        self.pulled = pulled_pixels(self.digit.pixels)
        self.activation()
        self.lit_and_unlit()
        self.play(FadeToBlack(run_time=style.RUN_TIME))

    # --- beats -----------------------------------------------------------------------------
    def inspired_by_brain(self) -> None:
        with self.beat("inspired-by-brain"):
            self.values = demo_values(self.digit.pixels)
            self.lone = numbered_neuron(self.values[0], BIG_NEURON_RADIUS).move_to(UP * 0.3)
            self.play(FadeIn(self.lone, scale=0.6), run_time=style.RUN_TIME)

    def holds_a_number(self) -> None:
        """The lone neuron steps through real pixel values; a marker on our image shows whose."""
        with self.beat("holds-a-number") as beat:
            source = DigitImage(self.digit.pixels, side=SOURCE_SIDE).move_to(SOURCE_CENTER)
            tag = label_next_to(source, self.text("our_image"))
            marker = self.source_marker(source, self.values[0])
            tracker = ValueTracker(self.values[0])
            self.lone.add_updater(lambda mob: set_activation(mob, float(tracker.get_value())))
            self.play(Reveal(source, tag, marker[0]), FadeIn(marker[1]), run_time=style.RUN_TIME)  # box, link
            beat.wait_until(1)
            self.lone_sources = [pixel_with_value(self.digit.pixels, self.values[0])]
            for value in self.values[1:]:
                new_marker = self.source_marker(source, value)
                self.play(tracker.animate.set_value(value), Transform(marker, new_marker), run_time=style.RUN_TIME)
                self.lone_sources.append(pixel_with_value(self.digit.pixels, value))
                self.wait(style.SHORT_RUN_TIME)
            self.lone.clear_updaters()
            self.source = Group(source, tag, marker)
        self.lone_values = self.values

    def image_becomes_neurons(self) -> None:
        with self.beat("image-becomes-neurons") as beat:
            image = PixelImage(self.digit.pixels, side=GRID_SIDE).move_to(GRID_CENTER)
            self.play(Conceal(self.lone, self.source), run_time=style.SHORT_RUN_TIME)
            self.play(Reveal(image), run_time=style.SHORT_RUN_TIME)
            self.grid = neuron_grid(image)
            self.count = MathTex(rf"{SIDE} \times {SIDE} = {nn.N_PIXELS}", font_size=style.FONT_SIZE_TITLE)
            self.count.move_to(ZOOM_CENTER)
            beat.wait_until(1)
            self.play(ReplacementTransform(image.squares, self.grid), FadeOut(image.frame), FadeIn(self.count),
                      run_time=style.RUN_TIME)

    def activation(self) -> None:
        index = self.pulled[0]
        with self.beat("activation", value=float(self.digit.pixels[index])) as beat:
            self.pull = self.pull_out(index)
            zoom, marker, link, coords = self.pull
            self.play(FadeOut(self.count), FadeIn(marker), run_time=style.SHORT_RUN_TIME)
            self.play(GrowFromPoint(zoom, self.grid[index].get_center()), FadeIn(link), FadeIn(coords),
                      run_time=style.RUN_TIME)
            self.note_zoom(index, zoom)
            beat.wait_until(1)
            self.word = Text(self.text("activation"), font_size=style.FONT_SIZE_BODY, color=style.ACCENT)
            self.word.next_to(zoom, DOWN, buff=style.LABEL_BUFF * 2)
            self.play(FadeIn(self.word, shift=UP * style.LABEL_BUFF), run_time=style.RUN_TIME)

    def lit_and_unlit(self) -> None:
        with self.beat("lit-and-unlit") as beat:
            mid, bright, dark = self.pulled
            for k, index in enumerate((bright, dark, mid)):  # fully lit, dark, and back to the grey one
                beat.wait_until(k)
                new = self.pull_out(index)
                (circle, number), marker, link, coords = self.pull
                (new_circle, new_number), new_marker, new_link, new_coords = new
                self.play(ReplacementTransform(circle, new_circle), ReplacementTransform(marker, new_marker),
                          ReplacementTransform(link, new_link), Swap(number, new_number), Swap(coords, new_coords),
                          run_time=style.RUN_TIME)
                self.pull = new
                self.note_zoom(index, new[0])

    # --- helpers ---------------------------------------------------------------------------
    def note_zoom(self, index: int, zoom: VGroup) -> None:
        """Remember what the big neuron on screen shows (for the tests)."""
        circle, number = zoom
        self.zoomed.append((index, float(number.get_value()), float(circle.get_fill_opacity())))

    def source_marker(self, source: DigitImage, value: float) -> VGroup:
        """A box round the pixel of ``source`` holding ``value`` and a line from it to the lone neuron."""
        row, col = divmod(pixel_with_value(self.digit.pixels, value), SIDE)
        square = Square(source.pixel_side).move_to(source.cell_center(row, col))
        box = highlight_box(square, buff=style.HIGHLIGHT_BUFF / 2)
        link = Line(box.get_right(), self.lone[0].get_left(), color=style.HIGHLIGHT_COLOR,
                    stroke_width=style.EDGE_WIDTH)
        return VGroup(box, link)

    def pull_out(self, index: int) -> tuple[VGroup, VGroup, Line, VGroup]:
        """The big copy of grid neuron ``index`` with its real value, its marker, link and place."""
        zoom = numbered_neuron(float(self.digit.pixels[index]), BIG_NEURON_RADIUS).move_to(ZOOM_CENTER)
        marker = highlight_box(self.grid[index], buff=style.HIGHLIGHT_BUFF / 2)
        link = Line(marker.get_right(), zoom[0].get_left(), color=style.HIGHLIGHT_COLOR, stroke_width=style.EDGE_WIDTH)
        row, col = divmod(index, SIDE)
        coords = label_next_to(zoom, self.text("pixel_at", row=row, column=col), UP, buff=style.LABEL_BUFF * 2)
        return zoom, marker, link, coords

"""Chapter 3 (2:42, "What are neurons?"): a neuron holds a number between 0 and 1.

Beats (storyboard): one big neuron whose number changes and whose fill follows it (real pixel
values of our image); the 28×28 image turns into 784 neurons (fill opacity = pixel value); one is
pulled out with its real value: its activation; then the brightest pixel's (fully lit) and a
black pixel's (dark). Every number shown is a pixel value of the chosen input image.
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
    GrowFromPoint,
    Line,
    MathTex,
    ReplacementTransform,
    Text,
    ValueTracker,
    VGroup,
)

import nn
from scenes.components import (
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
from scenes.pipeline.chapter_scene import ChapterScene

SIDE = nn.IMAGE_SIDE
BIG_NEURON_RADIUS = 1.2
GRID_SIDE = 5.6  # side of the 28×28 image / grid of neurons
GRID_CENTER = LEFT * 3.0 + UP * 0.1
ZOOM_CENTER = RIGHT * 3.6 + UP * 0.3  # where the pulled-out neuron sits
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


def pulled_pixels(pixels: np.ndarray) -> tuple[int, int, int]:
    """The neurons pulled out, in order: a partly lit pixel (value nearest MID_GRAY), the
    brightest pixel and the darkest pixel, each of the latter two the one nearest the centre."""
    pixels = np.asarray(pixels, dtype=float)
    mid = int(np.argmin(np.abs(pixels - MID_GRAY)))
    rows, cols = np.divmod(np.arange(pixels.size), SIDE)
    centre = (SIDE - 1) / 2
    dist = np.hypot(rows - centre, cols - centre)
    bright = int(np.argmin(np.where(pixels == pixels.max(), dist, np.inf)))
    dark = int(np.argmin(np.where(pixels == pixels.min(), dist, np.inf)))
    return mid, bright, dark


class WhatAreNeurons(ChapterScene):
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
            self.show_title()
            self.lone = numbered_neuron(self.values[0], BIG_NEURON_RADIUS).move_to(UP * 0.3)
            self.play(FadeIn(self.lone, scale=0.6), run_time=style.RUN_TIME)

    def holds_a_number(self) -> None:
        with self.beat("holds-a-number") as beat:
            tracker = ValueTracker(self.values[0])
            self.lone.add_updater(lambda mob: set_activation(mob, float(tracker.get_value())))
            beat.wait_until(1)
            for value in self.values[1:]:
                self.play(tracker.animate.set_value(value), run_time=style.RUN_TIME)
                self.wait(style.SHORT_RUN_TIME)
            self.lone.clear_updaters()
        self.lone_values = self.values

    def image_becomes_neurons(self) -> None:
        with self.beat("image-becomes-neurons") as beat:
            image = PixelImage(self.digit.pixels, side=GRID_SIDE).move_to(GRID_CENTER)
            self.play(Conceal(self.lone), run_time=style.SHORT_RUN_TIME)
            self.play(Reveal(image), run_time=style.SHORT_RUN_TIME)
            self.grid = neuron_grid(image)
            self.count = MathTex(rf"{SIDE} \times {SIDE} = {nn.N_PIXELS}", font_size=style.FONT_SIZE_TITLE)
            self.count.move_to(ZOOM_CENTER)
            beat.wait_until(1)
            self.play(ReplacementTransform(image.squares, self.grid), FadeOut(image.frame), FadeIn(self.count),
                      run_time=style.RUN_TIME)

    def activation(self) -> None:
        index = self.pulled[0]
        with self.beat("activation", value=f"{self.digit.pixels[index]:.2f}") as beat:
            self.pull = self.pull_out(index)
            zoom, marker, link, coords = self.pull
            self.play(FadeOut(self.count), FadeIn(marker), run_time=style.SHORT_RUN_TIME)
            self.play(GrowFromPoint(zoom, self.grid[index].get_center()), FadeIn(link), FadeIn(coords),
                      run_time=style.RUN_TIME)
            self.note_zoom(index, zoom)
            beat.wait_until(1)
            self.word = Text("activation", font_size=style.FONT_SIZE_BODY, color=style.ACCENT)
            self.word.next_to(zoom, DOWN, buff=style.LABEL_BUFF * 2)
            self.play(FadeIn(self.word, shift=UP * style.LABEL_BUFF), run_time=style.RUN_TIME)

    def lit_and_unlit(self) -> None:
        with self.beat("lit-and-unlit") as beat:
            for k, index in enumerate(self.pulled[1:]):
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

    def pull_out(self, index: int) -> tuple[VGroup, VGroup, Line, VGroup]:
        """The big copy of grid neuron ``index`` with its real value, its marker, link and place."""
        zoom = numbered_neuron(float(self.digit.pixels[index]), BIG_NEURON_RADIUS).move_to(ZOOM_CENTER)
        marker = highlight_box(self.grid[index], buff=style.HIGHLIGHT_BUFF / 2)
        link = Line(marker.get_right(), zoom[0].get_left(), color=style.HIGHLIGHT_COLOR, stroke_width=style.EDGE_WIDTH)
        row, col = divmod(index, SIDE)
        coords = label_next_to(zoom, f"pixel at row {row}, column {col}", UP, buff=style.LABEL_BUFF * 2)
        return zoom, marker, link, coords

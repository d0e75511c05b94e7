"""Chapter 3 (2:42, "What are neurons?"): a neuron holds a number between 0 and 1.

Beats (storyboard): a nerve cell of the brain is drawn (the name's origin; a drawing, not our
network); its body becomes one big neuron, other neurons linked to it under a question mark; the
lone neuron's number changes, one real pixel value of our image per sentence, and its fill follows
it, while our image beside it marks the pixel each value comes from; the 28×28 image turns into
784 hollow neurons, braces count 28 by 28 (28 × 28 = 784), and every neuron takes its pixel's
value (fill opacity = pixel value); one is pulled out with its real value: its activation, and the
neurons at full activation glow; then the brightest pixel's (fully lit), a black pixel's (dark)
and the grey one's again (in between). Every number shown is a pixel value of the chosen input
image.
"""
from __future__ import annotations

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Brace,
    Circle,
    Create,
    Dot,
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
    UpdateFromAlphaFunc,
    VGroup,
    Write,
)

import nn
from scenes.components import (
    DigitImage,
    PixelImage,
    highlight_box,
    label_next_to,
    neuron,
    neuron_grid,
    numbered_neuron,
    set_activation,
    style,
)
from scenes.components.transitions import Conceal, FadeToBlack, Reveal, Swap, fade_in, fade_out
from scenes.content.digit_input import chosen_input
from scenes.content.examples import HERO_INDEX
from scenes.runtime.narrated_scene import NarratedScene

SIDE = nn.IMAGE_SIDE
BIG_NEURON_RADIUS = 1.2
GRID_SIDE = 5.6  # side of the 28×28 image / grid of neurons
GRID_CENTER = LEFT * 3.0 + UP * 0.1
ZOOM_CENTER = RIGHT * 3.6 + UP * 0.3  # where the pulled-out neuron sits
SOURCE_SIDE = 3.6  # our image beside the lone neuron, where its values come from
SOURCE_CENTER = LEFT * 4.6 + UP * 0.3
MID_GRAY = 0.6  # the first neuron pulled out: the pixel whose value is nearest this (a partly lit one)
LABEL_FONT_SIZE = 26  # small words (lower-case letters at least 9 px at 480p)
COUNT_FONT_SIZE = 72  # 28 × 28 = 784
GLOWING = 0.99  # neurons at least this active glow when the narration pictures a neuron glowing
GLOW_SCALE = 1.9  # a glow's radius, relative to its neuron's
# --- the nerve cell the name comes from (a drawing of a brain cell, not of our network)
CELL_CENTER = LEFT * 1.6 + UP * 0.3
SOMA_RADIUS = 0.75
DENDRITE_ANGLES = (120, 150, 180, 210, 240)  # degrees, from the cell body's centre
DENDRITE_LENGTH = 1.6
AXON_END = RIGHT * 4.4 + UP * 0.3
NEIGHBOURS = ((-3.6, 1.6), (-3.6, 0.3), (-3.6, -1.0), (3.6, 1.0), (3.6, -0.4))  # neurons linked to the lone one


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


def roll_to(numbered: VGroup, value: float) -> UpdateFromAlphaFunc:
    """A ``numbered_neuron``'s number rolling from what it shows to ``value``, its fill following it."""
    start = float(numbered[1].get_value())
    return UpdateFromAlphaFunc(numbered,
                               lambda mob, t: set_activation(mob, value if t >= 1 else start + (value - start) * t))


def nerve_cell() -> VGroup:
    """A brain's nerve cell, drawn simply: VGroup(cell body, branches). The cell body (with its nucleus)
    sits at ``CELL_CENTER``; branching dendrites reach left, a long axon right, ending in terminals."""
    body = VGroup(Circle(radius=SOMA_RADIUS).set_stroke(style.SECONDARY, 4).set_fill(style.SECONDARY, 0.3),
                  Dot(radius=SOMA_RADIUS * 0.3, color=style.SECONDARY)).move_to(CELL_CENTER)
    branches = VGroup()
    for k, angle in enumerate(DENDRITE_ANGLES):
        direction = np.array([np.cos(np.radians(angle)), np.sin(np.radians(angle)), 0.0])
        start = CELL_CENTER + direction * SOMA_RADIUS
        end = start + direction * DENDRITE_LENGTH * (1.0 - 0.25 * (k % 2))
        branches.add(Line(start, end))
        for turn in (-30, 30):
            a = np.radians(angle + turn)
            branches.add(Line(end, end + np.array([np.cos(a), np.sin(a), 0.0]) * DENDRITE_LENGTH * 0.5))
    axon_start = CELL_CENTER + RIGHT * SOMA_RADIUS
    branches.add(Line(axon_start, AXON_END))
    for turn in (-35, 0, 35):
        a = np.radians(turn)
        tip = AXON_END + np.array([np.cos(a), np.sin(a), 0.0]) * 0.8
        branches.add(Line(AXON_END, tip), Dot(tip, radius=0.12, color=style.SECONDARY))
    branches.set_stroke(style.SECONDARY, 5)
    return VGroup(body, branches)


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
        """A nerve cell is drawn; its body becomes our neuron, the branches go; other neurons linked to
        it, and a question mark over the links."""
        with self.beat("inspired-by-brain") as beat:
            self.values = demo_values(self.digit.pixels)
            cell = nerve_cell()
            self.wait(style.SHORT_RUN_TIME)  # the title leaves first
            self.play(Create(cell), run_time=max(style.RUN_TIME, beat.until(1) - style.RUN_TIME))
            beat.wait_until(1)
            self.lone = numbered_neuron(self.values[0], BIG_NEURON_RADIUS).move_to(UP * 0.3)
            body, branches = cell
            self.play(ReplacementTransform(body, self.lone[0]), FadeIn(self.lone[1]), FadeOut(branches),
                      run_time=style.RUN_TIME)
            self.remove(self.lone[0], self.lone[1])
            self.add(self.lone)
            neighbours = VGroup(*(neuron(0.0, radius=style.NEURON_RADIUS * 2.5).move_to([x, y, 0])
                                  for x, y in NEIGHBOURS))
            links = VGroup(*(Line(n.get_center(), self.lone[0].get_center(), buff=0)
                             for n in neighbours)).set_stroke(style.EDGE_COLOR, style.EDGE_WIDTH * 2)
            for link, n in zip(links, neighbours):  # from rim to rim
                link.put_start_and_end_on(n.get_center(), self.lone[0].get_center())
                length = link.get_length()
                unit = (self.lone[0].get_center() - n.get_center()) / length
                link.put_start_and_end_on(n.get_center() + unit * n.width / 2,
                                          self.lone[0].get_center() - unit * BIG_NEURON_RADIUS)
            question = Text("?", font_size=COUNT_FONT_SIZE, color=style.ACCENT).next_to(links[1], UP)
            self.play(Create(links), FadeIn(neighbours), run_time=style.RUN_TIME)
            self.play(FadeIn(question, scale=0.5), run_time=style.SHORT_RUN_TIME)
            self.linked = VGroup(neighbours, links, question)

    def holds_a_number(self) -> None:
        """The lone neuron steps through real pixel values; a marker on our image shows whose."""
        with self.beat("holds-a-number") as beat:
            source = DigitImage(self.digit.pixels, side=SOURCE_SIDE).move_to(SOURCE_CENTER)
            tag = label_next_to(source, self.text("our_image"), font_size=LABEL_FONT_SIZE)
            marker = self.source_marker(source, self.values[0])
            self.play(*fade_out(self.linked), run_time=style.SHORT_RUN_TIME)
            self.play(Reveal(source, tag, marker[0]), FadeIn(marker[1]), run_time=style.RUN_TIME)  # box, link
            self.lone_sources = [pixel_with_value(self.digit.pixels, self.values[0])]
            # one new value in each sentence (the first a little into it), each from its marked pixel
            for k, value in enumerate(self.values[1:]):
                beat.wait_until(k)
                self.wait(style.SHORT_RUN_TIME)
                new_marker = self.source_marker(source, value)
                self.play(roll_to(self.lone, value), Transform(marker, new_marker), run_time=style.RUN_TIME)
                self.lone_sources.append(pixel_with_value(self.digit.pixels, value))
            self.source = Group(source, tag, marker)
        self.lone_values = self.values

    def image_becomes_neurons(self) -> None:
        """The image's squares become hollow neurons, one per pixel; braces count 28 by 28 and the count
        is written; then every neuron takes its pixel's grey value."""
        with self.beat("image-becomes-neurons") as beat:
            image = PixelImage(self.digit.pixels, side=GRID_SIDE).move_to(GRID_CENTER)
            self.play(Conceal(self.lone, self.source), run_time=style.SHORT_RUN_TIME)
            self.play(Reveal(image), run_time=style.SHORT_RUN_TIME)
            self.grid = neuron_grid(image)
            hollow = self.grid.copy().set_fill(opacity=0)
            self.wait(style.SHORT_RUN_TIME)
            self.play(ReplacementTransform(image.squares, hollow), FadeOut(image.frame), run_time=style.RUN_TIME)
            # twenty-eight rows of twenty-eight
            beat.wait_until(1)
            self.braces = VGroup()
            for direction in (UP, LEFT):
                brace = Brace(self.grid, direction, buff=style.BRACE_BUFF)
                self.braces.add(VGroup(brace, MathTex(str(SIDE), font_size=style.FONT_SIZE_LABEL)
                                       .next_to(brace, direction, buff=style.LABEL_BUFF)))
            self.count = MathTex(rf"{SIDE} \times {SIDE} = {nn.N_PIXELS}", font_size=COUNT_FONT_SIZE)
            self.count.move_to(ZOOM_CENTER)
            self.play(*(FadeIn(b, scale=0.8) for b in self.braces), Write(self.count), run_time=style.RUN_TIME)
            # each holds its pixel's grey value
            beat.wait_until(2)
            self.wait(style.SHORT_RUN_TIME)
            values = np.asarray(self.digit.pixels, dtype=float)
            rows = np.arange(values.size) // SIDE

            def fill(_, alpha: float) -> None:  # row by row, top first: each neuron takes its pixel's value
                t = np.clip(alpha * (SIDE + 4) - rows, 0, 4) / 4
                for circle, value in zip(hollow, values * t):
                    circle.set_fill(opacity=float(value))

            self.play(UpdateFromAlphaFunc(hollow, fill), run_time=style.RUN_TIME)
            self.remove(hollow)
            self.add(self.grid)

    def activation(self) -> None:
        index = self.pulled[0]
        with self.beat("activation", value=float(self.digit.pixels[index])) as beat:
            self.pull = self.pull_out(index)
            zoom, marker, link, coords = self.pull
            self.play(FadeOut(self.count), FadeOut(self.braces), FadeIn(marker), run_time=style.SHORT_RUN_TIME)
            self.play(GrowFromPoint(zoom, self.grid[index].get_center()), FadeIn(link), FadeIn(coords),
                      run_time=style.RUN_TIME)
            self.note_zoom(index, zoom)
            beat.wait_until(1)
            self.word = Text(self.text("activation"), font_size=style.FONT_SIZE_HEADING, color=style.ACCENT)
            self.word.next_to(zoom, DOWN, buff=style.LABEL_BUFF * 2)
            self.play(FadeIn(self.word, shift=UP * style.LABEL_BUFF), run_time=style.RUN_TIME)
            # glowing brightly when high: the grid's neurons at (nearly) full activation glow
            beat.wait_until(2)
            self.wait(style.SHORT_RUN_TIME)
            bright = [c for c, v in zip(self.grid, self.digit.pixels) if v >= GLOWING]
            self.glow = VGroup(*(Circle(radius=c.width / 2 * GLOW_SCALE).move_to(c).set_stroke(width=0)
                                 .set_fill(style.ACCENT, 0.45) for c in bright))
            self.glowing = len(bright)
            self.play(*fade_in(self.glow), run_time=style.RUN_TIME * 0.8)

    def lit_and_unlit(self) -> None:
        with self.beat("lit-and-unlit") as beat:
            mid, bright, dark = self.pulled
            self.play(*fade_out(self.glow), run_time=style.SHORT_RUN_TIME)
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
        coords = label_next_to(zoom, self.text("pixel_at", row=row, column=col), UP, buff=style.LABEL_BUFF * 2,
                               font_size=LABEL_FONT_SIZE)
        return zoom, marker, link, coords

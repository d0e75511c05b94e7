"""Chapter 1, "Introduction example" (0:00): a sloppy 3, other 3s, the grid as numbers, the task.

Beats (storyboard): a hastily written 3 is drawn in as 28×28 squares, braces "28" on two sides and
the lines between its squares; an arrow to the digit your brain reads, then a look closer at the
squares. Other real test-set 3s appear beside it, and the squares where each of them differs from
ours are outlined in turn; then all five stand in one row under one brace (one idea), and below
them the first test images of other digits, each apart with its own digit. Each pixel's
brightness is written on the grid (one window enlarged, its 0, its 1 and a grey boxed in turn, so
the numbers are legible at 480p), and 28 × 28 = 784; an arrow to the digits 0–9 and a "?": the
program we are asked to write; the numbers give way to the picture the eye sees and back, and
other 3s of the test set take its place one after another (the rules they break). The "?"
becomes a network, built from its neurons and then its connections, with the formula of one
layer (a piece of mathematics, its two layers boxed in the network) and its edges in the colours
of their real weights (what learning sets). No output of the network is shown yet: outputs mean
nothing until chapter 4.

The main image is ``chosen_input(HERO_INDEX)`` (``scenes.content.examples``), the same 3 as in
chapters 2 to 4. The narration calls it "a three" only when its label says so; for your own photo
the digit it stands for is the one the network reads.
"""
from __future__ import annotations

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    AnimationGroup,
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
    Succession,
    SurroundingRectangle,
    Text,
    Transform,
    VGroup,
    Wait,
    Write,
)

import nn
from scenes.components import (
    DigitImage,
    NetworkDiagram,
    PixelGrid,
    highlight_box,
    label_next_to,
    layer_step,
    style,
)
from scenes.components.pixel_views import glyph_layer, grid_lines, square_outlines
from scenes.components.transitions import Conceal, Cover, FadeToBlack, Reveal, Swap, fade_in, fade_out
from scenes.content.digit_input import chosen_input
from scenes.content.examples import HERO_INDEX, images_with_new_labels, same_digit_examples
from scenes.runtime.narrated_scene import NarratedScene

SIDE = nn.IMAGE_SIDE
#: Side of the enlarged window of pixel values (pixels); the window is the one with the most
#: in-between grey values (0 < v < 1), so the written numbers vary (see ``zoom_region``).
ZOOM_PIXELS = 7
#: a pixel counts as lit in the comparison of two images when brighter than this
LIT = 0.5
#: other test images of the same digit shown in place of ours, one after another ("again and again")
N_OTHERS = 4
#: other digits shown apart from ours
N_OTHER_DIGITS = 5

# --- layout (manim units)
IMAGE_SIDE = 5.0
IMAGE_POS = (-3.4, 0.2, 0.0)
LOOK_CLOSER = 1.2  # the image grows by this when the viewer is asked to notice it
EXAMPLE_SIDE = 2.0  # the other examples, a 2×2 block on the right
EXAMPLE_GAP = 0.6
EXAMPLES_POS = (3.6, 0.45, 0.0)
ROW_SIDE = 1.8  # the five images of our digit in one row
ROW_STEP = 2.1  # between the centres of the images in a row
ROW_Y = 2.25
OTHER_SIDE = 1.4  # the other digits, in a row below
OTHER_Y = -1.7
READING_FONT_SIZE = 200  # the digit your brain reads
IDEA_FONT_SIZE = 96  # the one idea under the row of 3s
DIGIT_FONT_SIZE = 60  # each other digit's name
FORMULA_FONT_SIZE = 72  # 28 × 28 = 784
STEP_FONT_SIZE = 40  # the formula of one layer
LABEL_FONT_SIZE = 26  # small words (lower-case letters at least 9 px at 480p)
BRISK = 0.7  # seconds: the run time of most of this chapter's moves (every animated frame costs render time)
BOX_STEP = 0.35  # seconds: a box moving on to the next square
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


def telling_cells(block: np.ndarray) -> list[int]:
    """Indices into ``block`` (flattened) of its darkest, its brightest and its most in-between value:
    the black, the white and a grey the narration names (first of ties)."""
    values = np.asarray(block, dtype=float).reshape(-1)
    return [int(np.argmin(values)), int(np.argmax(values)), int(np.argmin(np.abs(values - 0.5)))]


class IntroductionExample(NarratedScene):
    """A sloppy 3, other 3s that differ pixel by pixel, the pixels as numbers, the task, the goal."""

    def construct(self) -> None:
        self.net = nn.load_pretrained()
        self.digit = chosen_input(HERO_INDEX)
        self.words = {"digit": self.digit.label}  # the script names it (None: your own photo)
        # the digit the pictures stand for: its label, or for your own photo what the network reads
        self.shown = self.digit.label if self.digit.label is not None else int(self.net.predict(self.digit.pixels))
        self.image = DigitImage(self.digit.pixels, side=IMAGE_SIDE).move_to(IMAGE_POS)
        self.sloppy_digit()
        self.other_examples()
        self.pixel_values()
        self.the_task()
        self.the_goal()
        self.play(FadeToBlack(run_time=style.RUN_TIME))

    # --- beats ---------------------------------------------------------------------------------
    def sloppy_digit(self) -> None:
        """The digit appears row by row; braces say 28 by 28 and its squares show; an arrow to the digit
        your brain reads; the image grows, to look closer."""
        with self.beat("sloppy-digit", **self.words) as beat:
            rows = self.row_covers()
            self.add(self.image, *rows)
            self.play(LaggedStart(*(FadeOut(r) for r in rows), lag_ratio=style.LAG_RATIO * 2),
                      run_time=beat.time_to(1, minimum=style.LAGGED_FADE_IN))
            self.remove(*rows)
            self.braces = VGroup(*(self.side_brace(direction) for direction in (UP, LEFT)))
            self.squares = grid_lines(self.image, style.EDGE_WIDTH)
            self.play(*(GrowFromCenter(b[0]) for b in self.braces), *(FadeIn(b[1]) for b in self.braces),
                      *fade_in(self.squares), run_time=style.RUN_TIME)
            beat.wait_until(2)
            self.reading = MathTex(str(self.shown), font_size=READING_FONT_SIZE).move_to(ZOOM_POS)
            self.glance = Arrow(self.image.get_right(), self.reading.get_left(), buff=style.FRAME_MARGIN,
                                color=style.TEXT_COLOR)
            self.play(GrowArrow(self.glance), FadeIn(self.reading, scale=0.6), run_time=style.RUN_TIME)
            beat.wait_until(3)
            closer = Group(self.image, self.squares)
            self.play(FadeOut(self.braces), FadeOut(self.glance),
                      closer.animate.scale(LOOK_CLOSER, about_point=self.image.get_corner(DOWN + LEFT)),
                      run_time=style.RUN_TIME)

    def other_examples(self) -> None:
        """Other test images of the same digit appear beside it; where each differs from ours is outlined in
        turn; then all stand in one row under one brace, and other digits below, each apart."""
        with self.beat("other-examples", **self.words) as beat:
            indices = same_digit_examples(self.shown, self.digit.source)
            images = Group(*(DigitImage(i, side=EXAMPLE_SIDE) for i in indices))
            images.arrange_in_grid(rows=2, buff=EXAMPLE_GAP).move_to(EXAMPLES_POS)
            tags = VGroup(*(label_next_to(img, self.text("test_number", index=i), font_size=LABEL_FONT_SIZE)
                            for i, img in zip(indices, images)))
            self.play(Group(self.image, self.squares).animate.scale(1 / LOOK_CLOSER).move_to(IMAGE_POS),
                      FadeOut(self.reading), run_time=BRISK)
            self.remove(self.squares)
            self.play(LaggedStart(*(Reveal(img, tag) for img, tag in zip(images, tags)), lag_ratio=0.5),
                      run_time=style.LAGGED_FADE_IN * 2 / 3)
            self.examples = Group(images, tags)
            # sentence 2: where the first one differs, outlined square by square
            beat.wait_until(1)
            self.outlines = self.difference(images[0], indices[0])
            outline, box, words = self.outlines
            self.play(Create(outline), Create(box), FadeIn(words), run_time=style.RUN_TIME * 1.2)
            # sentence 3: each of the others, in turn
            beat.wait_until(2)
            step = BRISK
            turns, (outline, box, words) = [], self.outlines
            for image, index in zip(images[1:], indices[1:]):
                new_outline, new_box, new_words = self.difference(image, index)
                turns.append(AnimationGroup(FadeOut(outline), Create(new_outline), Transform(box, new_box),
                                            Swap(words, new_words)))
                outline, words = new_outline, new_words
            self.play(Succession(*turns), run_time=step * len(turns))  # one play: the static frame drawn once
            shown = (outline, box, words)
            # sentence 4: one idea in all of them: the five in one row, under one brace
            beat.wait_until(3)
            self.play(*fade_out(tags, *shown), run_time=style.SHORT_RUN_TIME)
            row = [self.image, *images]
            places = [np.array([(k - (len(row) - 1) / 2) * ROW_STEP, ROW_Y, 0.0]) for k in range(len(row))]
            self.play(*(img.animate.scale_to_fit_width(ROW_SIDE).move_to(p) for img, p in zip(row, places)),
                      run_time=BRISK)
            brace = Brace(Group(*row), DOWN, buff=style.BRACE_BUFF)
            idea = MathTex(str(self.shown), font_size=IDEA_FONT_SIZE, color=style.ACCENT)
            idea.next_to(brace, DOWN, buff=style.LABEL_BUFF)
            self.play(GrowFromCenter(brace), FadeIn(idea, scale=0.6), run_time=BRISK)
            # sentence 5: every other digit apart, each with its own name
            beat.wait_until(4)
            others = images_with_new_labels(self.net, self.digit, N_OTHER_DIGITS + 1)[1:]
            other_images = Group(*(DigitImage(d.pixels, side=OTHER_SIDE) for d in others))
            names = MathTex(*(str(other.label) for other in others), font_size=DIGIT_FONT_SIZE)  # one LaTeX run
            for k, (image, name) in enumerate(zip(other_images, names)):
                image.move_to([places[k][0], OTHER_Y, 0.0])
                name.next_to(image, RIGHT, buff=style.LABEL_BUFF)
            self.play(LaggedStart(*(Reveal(image, name) for image, name in zip(other_images, names)), lag_ratio=0.4),
                      run_time=style.RUN_TIME)
            self.ideas = Group(brace, idea, other_images, names)

    def pixel_values(self) -> None:
        """Each pixel's brightness written on it (a cut), then one window shown enlarged with its black,
        its white and a grey boxed in turn; then how many numbers there are."""
        with self.beat("pixel-values", **self.words) as beat:
            images, _ = self.examples
            self.play(*fade_out(self.ideas, *images), run_time=style.SHORT_RUN_TIME)
            self.play(self.image.animate.scale_to_fit_width(IMAGE_SIDE).move_to(IMAGE_POS), run_time=BRISK)
            self.values = glyph_layer(self.image.pixels, self.image.cell_centers(), self.image.pixel_side)
            self.add(self.values)
            beat.wait_until(1)
            region = zoom_region(self.digit.pixels)
            marker, zoom, links = self.zoom_window(region)
            self.play(Create(marker), Reveal(links, zoom), run_time=style.RUN_TIME)
            # zero, one and a grey of the window, boxed as they are named
            pixels = zoom[0]
            step = BOX_STEP
            boxes = [highlight_box(Rectangle(width=pixels.pixel_side, height=pixels.pixel_side)
                                   .move_to(pixels.cell_centers()[cell]), color=style.ALT_ACCENT, buff=0)
                     for cell in telling_cells(pixels.pixels)]
            box = boxes[0]
            pause = max(0.0, (beat.until(2) - style.SHORT_RUN_TIME) / 3 - step)  # each held while it is named
            turns = [Create(box, run_time=step), Wait(pause)]
            for new in boxes[1:]:
                turns += [Transform(box, new, run_time=step), Wait(pause)]
            self.play(Succession(*turns))
            beat.wait_until(2)
            self.count = MathTex(rf"{SIDE} \times {SIDE} = {nn.N_PIXELS}", font_size=FORMULA_FONT_SIZE)
            self.count.move_to(ZOOM_POS)
            self.play(Conceal(zoom), *fade_out(marker, links, box), run_time=style.SHORT_RUN_TIME)
            self.play(Write(self.count), run_time=style.RUN_TIME)

    def the_task(self) -> None:
        """Grid → arrow → the digits 0–9 with a question mark: the program to write; the picture the eye
        sees and the numbers a program sees; other images of the digit, one after another."""
        with self.beat("the-task", **self.words) as beat:
            self.digits = VGroup(*(MathTex(str(k), font_size=style.FONT_SIZE_LABEL) for k in range(10)))
            for k, tex in enumerate(self.digits):
                tex.move_to([DIGITS_X, self.image.get_y() + (4.5 - k) * DIGIT_ROW, 0])
            self.arrow = Arrow(self.image.get_right(), [DIGITS_X - 3 * style.LABEL_BUFF, self.image.get_y(), 0],
                               buff=style.FRAME_MARGIN, color=style.TEXT_COLOR)
            self.question = Text("?", font_size=style.FONT_SIZE_TITLE * 1.5, color=style.ACCENT)
            self.question.next_to(self.arrow, UP)
            self.play(Conceal(self.count), run_time=style.SHORT_RUN_TIME)
            self.play(GrowArrow(self.arrow), LaggedStart(*(FadeIn(t) for t in self.digits), lag_ratio=style.LAG_RATIO),
                      run_time=style.RUN_TIME)
            self.play(Write(self.question), run_time=style.SHORT_RUN_TIME)
            # for the eyes, a picture; for a program, numbers (cuts: 784 numbers fade slowly)
            beat.wait_until(1)
            self.wait(style.SHORT_RUN_TIME)
            self.remove(self.values)
            self.wait(max(style.SHORT_RUN_TIME, beat.until(2) / 2))
            self.add(self.values)
            # sloppy writing breaks the rules, again and again: other handwritten ones take its place
            beat.wait_until(2)
            self.remove(self.values)
            others = same_digit_examples(self.shown, self.digit.source, n=len(self.examples[0]) + N_OTHERS)
            step = max(BOX_STEP * 2, (beat.remaining - style.RUN_TIME) / (N_OTHERS + 1) / 2)
            for pixels in [*others[-N_OTHERS:], self.digit.pixels]:  # and back to ours
                self.play(self.image.animate.set_pixels(pixels), run_time=step)
                self.wait(step)

    def the_goal(self) -> None:
        """The arrow, digits and question mark give way to the network, the image moving to its corner:
        first its neurons, then its connections; the formula of one layer; the edges in the colours of
        their real weights. What this film is about."""
        with self.beat("the-goal", **self.words) as beat:
            d = self.diagram = NetworkDiagram(self.net)
            self.play(Conceal(self.question, self.arrow, self.digits), run_time=style.SHORT_RUN_TIME)
            corner = self.image.copy().scale_to_fit_width(style.IMAGE_SIDE)
            corner.to_corner(style.IMAGE_CORNER, buff=style.FRAME_MARGIN)
            self.play(self.image.animate.move_to(corner).scale_to_fit_width(style.IMAGE_SIDE), run_time=style.RUN_TIME)
            self.play(Reveal(d.neurons, d.annotations), run_time=style.RUN_TIME)
            # what one really is: neurons, and the connections between them
            beat.wait_until(1)
            self.play(*fade_in(d.edges), run_time=BRISK)
            self.remove(d.neurons, d.annotations, d.edges)
            self.add(d)  # the whole diagram as one mobject, in its own paint order (edges behind)
            # a piece of mathematics: the formula of one layer
            beat.wait_until(2)
            self.step = layer_step(1, font_size=STEP_FONT_SIZE)
            self.step.next_to(self.image, DOWN, buff=1.2).align_to(self.image, LEFT)
            self.play(Write(self.step), run_time=style.RUN_TIME)
            # a structure that makes sense: the layers a⁽⁰⁾ and a⁽¹⁾ of the formula, boxed in the network
            boxes = VGroup(*(highlight_box(d.layers[layer]) for layer in (0, 1)))
            self.play(Create(boxes), run_time=BRISK)
            # learning: what sets these connections' weights (their real colours: green +, red −)
            beat.wait_until(3)
            self.play(*fade_out(boxes), run_time=style.SHORT_RUN_TIME)
            colored = d.edges.copy()
            for g, group in enumerate(colored):
                for line, (color, width) in zip(group, d.edge_weight_strokes(g)):
                    line.set_stroke(color, width, opacity=style.EDGE_WEIGHT_OPACITY)
            self.play(*fade_in(colored), run_time=BRISK)  # over the plain edges, which then take them on
            d.color_edges_by_weights()
            self.remove(colored)

    # --- helpers -------------------------------------------------------------------------------
    def difference(self, other: DigitImage, index: int) -> VGroup:
        """Where ``other`` differs from our image: VGroup(outlines on our image, a box round ``other``, the
        words saying so, above our image)."""
        differ = differing_pixels(self.digit.pixels, other.pixels)
        words = label_next_to(self.image, self.text("outlined", index=index), UP, font_size=LABEL_FONT_SIZE)
        return VGroup(square_outlines(self.image, differ), highlight_box(other, buff=0), words)

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

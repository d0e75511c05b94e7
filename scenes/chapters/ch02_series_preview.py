"""Chapter 2, "Series preview" (1:07): structure now, learning next; the network at work.

Beats (storyboard): the 784-16-16-10 network appears beside our 3; handwritten test digits, the
classic first example, gather under it; its edges take the colours of their real weights (every
number is our own network's). It reads the 3 (genuine activations, layer by layer, the brightest
output boxed; no numbers yet), each of its steps pointed at in turn; then three more test images
and its real accuracy. This is the plain kind, a multilayer perceptron (the diagram boxed, a flash
through its layers); other kinds build on it, each drawn small over it, veiled, as it is named:
a convolutional network's filter sliding over an image (its output cells the real mean brightness
under the filter), a recurrent neuron whose output loops back to itself as a sequence enters, a
transformer's words each attending to every other; arrows from the plain kind to all three; then
the plain kind alone, unveiled (it holds plenty to think about). It reads digits well, and
falls short of some hopes: it reads our 3, then misreads the first test image it gets wrong.

The first image is ``chosen_input(HERO_INDEX)`` (chapter 1's 3); the others are the first test
images of the set (0, 1, 2, …, skipping the chosen one), and the misread one is the lowest test
index the network reads wrong (``first_misread``, chapter 8's example). No selection by result
otherwise: whatever the network answers is what is boxed.
"""
from __future__ import annotations

import numpy as np
from manim import (
    DOWN,
    LEFT,
    PI,
    RIGHT,
    UP,
    ArcBetweenPoints,
    Arrow,
    Create,
    CurvedArrow,
    Group,
    GrowArrow,
    LaggedStart,
    Line,
    ShowPassingFlash,
    Square,
    Succession,
    Text,
    Transform,
    UpdateFromAlphaFunc,
    VGroup,
    config,
)

import nn
from scenes.components import (
    DigitImage,
    NetworkDiagram,
    edge_flash,
    highlight_box,
    label,
    label_next_to,
    neuron,
    style,
)
from scenes.components.transitions import (
    Conceal,
    Cover,
    FadeFromBlack,
    FadeToBlack,
    Reveal,
    SwapUnderCover,
    fade_in,
    fade_out,
)
from scenes.content.digit_input import DigitInput, chosen_input, mnist_input
from scenes.content.examples import HERO_INDEX, accuracy_on_test_set, first_misread
from scenes.runtime.narrated_scene import NarratedScene

N_MORE_IMAGES = 3
N_CLASSIC = 9  # the first test images, shown as the classic example's handwriting (3 × 3)
LINE_GAP = 0.2
DIAGRAM_CENTER = style.DIAGRAM_CENTER + UP * 0.25  # a little higher: its box stays clear of the caption
LABEL_FONT_SIZE = 28  # small words (lower-case letters at least 9 px at 480p)
NOTE_TOP_LEFT = (-6.7, 3.6, 0.0)  # the name of this kind, where the image was
# --- while other kinds are shown: our network veiled, the kinds in rows over it
VEIL_OPACITY = 0.9
WORK_TIME = 2.0  # seconds: the longest a kind's picture works (every animated frame costs render time)
KINDS_LEFT = -1.2  # left edge of the kinds' pictures
KIND_ROWS = (2.35, 0.3, -1.75)  # centres of the three rows
KIND_HEIGHT = 1.8
NAMES_LEFT = 2.5  # left edge of the kinds' names
CLASSIC_SIDE = 0.75
# --- the convolutional picture: a filter of FILTER × FILTER pixels slides over the image, stride FILTER
FILTER = 7
# --- the recurrent picture: a sequence of this many items enters one neuron
SEQUENCE = 4
# --- the transformer picture: this many words, every one joined to every other
WORDS = 5


def more_image_indices(chosen: DigitInput, n: int = N_MORE_IMAGES) -> list[int]:
    """The first ``n`` test indices (0, 1, …) other than the chosen image's."""
    out: list[int] = []
    i = 0
    while len(out) < n:
        if chosen.source != f"MNIST test #{i}":
            out.append(i)
        i += 1
    return out


def filter_means(pixels: np.ndarray, size: int = FILTER) -> np.ndarray:
    """The mean brightness under a ``size`` × ``size`` filter at each of its places (stride ``size``),
    row by row: what an averaging filter slid over the image gives, (28 // size)² values."""
    n = nn.IMAGE_SIDE // size
    grid = np.asarray(pixels, dtype=float).reshape(nn.IMAGE_SIDE, nn.IMAGE_SIDE)[:n * size, :n * size]
    return grid.reshape(n, size, n, size).mean(axis=(1, 3)).reshape(-1)


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
        with self.beat("structure-then-learning") as beat:
            self.image = DigitImage(self.first.pixels).to_corner(style.IMAGE_CORNER, buff=style.FRAME_MARGIN)
            self.tag = label_next_to(self.image, self.first.tag, font_size=LABEL_FONT_SIZE)
            self.diagram = NetworkDiagram(self.net, center=DIAGRAM_CENTER)
            self.play(FadeFromBlack(self.image, self.tag, self.diagram), run_time=style.RUN_TIME)
            # handwritten digits, the classic first example: the first test images
            beat.wait_until(1)
            self.classic = Group(*(DigitImage(i, side=CLASSIC_SIDE) for i in range(N_CLASSIC)))
            self.classic.arrange_in_grid(rows=3, buff=LINE_GAP / 2)
            self.classic.next_to(self.tag, DOWN, buff=1.5 * LINE_GAP).align_to(self.image, LEFT)
            self.play(LaggedStart(*(Reveal(img) for img in self.classic), lag_ratio=0.3), run_time=style.RUN_TIME)
            # every number on screen is our own network's: its edges in the colours of their real weights
            beat.wait_until(2)
            self.colored = self.weight_colored_edges()
            self.play(*fade_in(self.colored), run_time=style.SHORT_RUN_TIME)  # over the plain edges: cheaper than a recolour

    def first_pass(self) -> None:
        d = self.diagram
        with self.beat("first-pass") as beat:
            self.play(Conceal(self.classic), *fade_out(self.colored), run_time=style.SHORT_RUN_TIME)
            self.play(d.light_input(self.first.pixels, run_time=style.RUN_TIME))
            beat.wait_until(1)
            layer_time = max(style.LAYER_PASS_TIME * 0.8, beat.until(2) / (len(d.edges) - 0.5))
            self.play(d.forward_pass(self.first.pixels, from_layer=1, box=False, layer_time=layer_time))
            beat.wait_until(2)
            self.play(d.forward_pass(self.first.pixels, from_layer=len(d.neurons)))  # the box alone
            # each of these steps, pointed at in turn
            beat.wait_until(3)
            step = max(style.SHORT_RUN_TIME, (beat.remaining - style.SHORT_RUN_TIME) / len(d.neurons))
            box = highlight_box(d.layers[0])
            self.play(Succession(Create(box), *(Transform(box, highlight_box(layer)) for layer in d.layers[1:])),
                      run_time=step * len(d.neurons))  # one play: the static frame drawn once
            self.steps_box = box

    def more_images(self) -> None:
        """Three more test images, each read by a quicker pass (the old pattern fades as its image
        goes); then the network's real accuracy on the whole test set."""
        accuracy = accuracy_on_test_set()
        with self.beat("more-images", accuracy=accuracy) as beat:
            self.play(*fade_out(self.steps_box), run_time=style.SHORT_RUN_TIME)
            for index in more_image_indices(self.first):
                self.play(SwapUnderCover(Group(self.image, self.tag), lambda d=mnist_input(index): self.show(d)),
                          self.diagram.light_input(np.zeros(nn.N_PIXELS)), run_time=style.SHORT_RUN_TIME)
                self.play(self.diagram.forward_pass(self.image.pixels, quick=True))
                self.wait(style.SHORT_RUN_TIME)
            beat.wait_until(2)
            n_test = nn.load_split("test").labels.size
            self.score = label(self.text("score", accuracy=accuracy, n=n_test), color=style.TEXT_COLOR,
                               font_size=LABEL_FONT_SIZE)
            self.score.next_to(self.tag, DOWN, buff=3 * LINE_GAP).align_to(self.image, LEFT)
            self.play(Reveal(self.score), run_time=style.SHORT_RUN_TIME)

    def plain_vanilla(self) -> None:
        """The diagram is boxed as the plain kind and named, and a flash runs through its layers, each
        feeding the next."""
        d = self.diagram
        with self.beat("plain-vanilla") as beat:
            self.play(Conceal(self.image, self.tag, self.score), d.light_input(np.zeros(nn.N_PIXELS)),
                      run_time=style.RUN_TIME)
            self.plain_box = highlight_box(d, buff=style.HIGHLIGHT_BUFF * 1.5)
            self.this_kind = VGroup(
                Text(self.text("plain_kind"), font_size=LABEL_FONT_SIZE, color=style.SECONDARY),
                Text(self.text("multilayer"), font_size=style.FONT_SIZE_BODY, color=style.TEXT_COLOR),
                Text(self.text("perceptron"), font_size=style.FONT_SIZE_BODY, color=style.TEXT_COLOR),
            ).arrange(DOWN, aligned_edge=LEFT, buff=LINE_GAP)
            self.this_kind.move_to(NOTE_TOP_LEFT, aligned_edge=UP + LEFT)
            beat.wait_until(1)
            self.play(Create(self.plain_box), Reveal(self.this_kind[0]), run_time=style.RUN_TIME)
            beat.wait_until(2)
            self.play(LaggedStart(*(Reveal(line) for line in self.this_kind[1:]), lag_ratio=0.4),
                      run_time=style.RUN_TIME)
            for group in range(len(d.edges)):  # layers of simple units, each feeding the next
                self.play(edge_flash(d.edges[group]), run_time=style.RUN_TIME * 0.8)

    def other_kinds(self) -> None:
        """Our network veiled, each other kind drawn small over it as it is named, at work; arrows from
        the plain kind's name to all three; then they go, and the plain kind is unveiled."""
        with self.beat("other-kinds") as beat:
            self.veil = Cover(self.plain_box).set_fill(opacity=0)  # over the plain kind and its box
            self.add(self.veil)
            rows = []
            for k, (kind, draw) in enumerate((("convolutional", self.convolutional),
                                              ("recurrent", self.recurrent), ("transformer", self.transformer))):
                beat.wait_until(k)
                picture, work = draw(KIND_ROWS[k])
                words = VGroup(Text(self.text(f"{kind}_name"), font_size=LABEL_FONT_SIZE * 1.15, color=style.TEXT_COLOR),
                               Text(self.text(f"{kind}_use"), font_size=LABEL_FONT_SIZE, color=style.SECONDARY))
                words.arrange(DOWN, aligned_edge=LEFT, buff=LINE_GAP / 2).move_to([0, KIND_ROWS[k], 0])
                room = config.frame_width / 2 - style.FRAME_MARGIN - NAMES_LEFT  # longer words elsewhere: a bit smaller
                if words.width > room:
                    words.scale_to_fit_width(room)
                words.align_to([NAMES_LEFT, 0, 0], LEFT)
                veiling = [self.veil.animate.set_fill(opacity=VEIL_OPACITY)] if k == 0 else []
                self.play(*veiling, *fade_in(picture, words), run_time=style.RUN_TIME)
                self.play(work(), run_time=max(style.RUN_TIME, min(WORK_TIME, beat.until(k + 1) - style.RUN_TIME)))
                rows.append(VGroup(picture, words) if isinstance(picture, VGroup) else Group(picture, words))
            # all of them build on the plain kind
            beat.wait_until(3)
            heading = Text(self.text("built_on_it"), font_size=LABEL_FONT_SIZE, color=style.SECONDARY)
            heading.next_to(Group(*rows), UP, buff=LINE_GAP).align_to([KINDS_LEFT, 0, 0], LEFT)
            start = self.this_kind.get_corner(DOWN + RIGHT)
            arrows = VGroup(*(Arrow(start, [KINDS_LEFT, y, 0], buff=LINE_GAP, color=style.ACCENT,
                                    stroke_width=style.HIGHLIGHT_WIDTH) for y in KIND_ROWS))
            self.play(LaggedStart(*(GrowArrow(a) for a in arrows), lag_ratio=0.3), *fade_in(heading),
                      run_time=style.RUN_TIME)
            # the plain kind, which still holds plenty: unveiled, alone
            self.wait(max(0.0, min(style.RUN_TIME, beat.remaining - 2 * style.RUN_TIME)))
            self.play(*fade_out(*rows, heading, arrows), run_time=style.SHORT_RUN_TIME)
            self.play(self.veil.animate.set_fill(opacity=0), run_time=style.RUN_TIME)
            self.remove(self.veil)

    def fall_short(self) -> None:
        d = self.diagram
        with self.beat("fall-short") as beat:
            self.show(self.first)
            self.play(*fade_out(self.this_kind, self.plain_box), run_time=style.SHORT_RUN_TIME)
            self.play(Reveal(self.image, self.tag), run_time=style.SHORT_RUN_TIME)
            self.play(d.forward_pass(self.first.pixels, quick=True))
            # where it falls short: the first test image it reads wrong
            beat.wait_until(1)
            self.misread = mnist_input(first_misread(self.net))
            self.play(SwapUnderCover(Group(self.image, self.tag), lambda: self.show(self.misread)),
                      d.light_input(np.zeros(nn.N_PIXELS)), run_time=style.SHORT_RUN_TIME)
            self.play(d.forward_pass(self.misread.pixels, quick=True))

    # --- the other kinds, drawn small: (picture, a function giving the animation of it at work) -------
    def convolutional(self, y: float):
        """Our image with a small filter sliding over it, place by place, and the grid of what it gives
        (each cell the mean brightness under the filter there, filled in as the filter passes)."""
        image = DigitImage(self.first.pixels, side=KIND_HEIGHT).move_to([KINDS_LEFT + KIND_HEIGHT / 2, y, 0])
        n = nn.IMAGE_SIDE // FILTER
        means = filter_means(self.first.pixels)
        cell = KIND_HEIGHT / 2 / n
        cells = VGroup(*(Square(cell).set_stroke(style.SECONDARY, 1.0).set_fill(style.TEXT_COLOR, 0) for _ in means))
        cells.arrange_in_grid(rows=n, buff=0).next_to(image, RIGHT, buff=3 * LINE_GAP)
        window = Square(image.pixel_side * FILTER).set_stroke(style.ACCENT, style.HIGHLIGHT_WIDTH).set_fill(opacity=0)
        corner = image.image.get_corner(UP + LEFT)
        places = [corner + np.array([(c + 0.5) * FILTER * image.pixel_side, -(r + 0.5) * FILTER * image.pixel_side, 0])
                  for r in range(n) for c in range(n)]
        window.move_to(places[0])
        link = Line(window.get_right(), cells[0].get_center(), stroke_width=style.EDGE_WIDTH, color=style.ACCENT)
        picture = Group(image, cells, window, link)

        def slide(_, alpha: float) -> None:
            k = min(len(places) - 1, int(alpha * len(places)))
            window.move_to(places[k])
            for i, square in enumerate(cells):
                square.set_fill(opacity=float(means[i]) if i <= k else 0.0)
            link.put_start_and_end_on(window.get_right(), cells[k].get_center())

        return picture, lambda: UpdateFromAlphaFunc(Group(window, cells, link), slide)

    def recurrent(self, y: float):
        """A sequence of items, and one neuron whose output loops back into it: the items go in one at a
        time, each lit as it enters, and each time the output runs round the loop."""
        radius = KIND_HEIGHT * 0.25
        items = VGroup(*(Square(KIND_HEIGHT * 0.14).set_stroke(style.TEXT_COLOR, 2).set_fill(style.TEXT_COLOR, 0.25)
                         for _ in range(SEQUENCE)))
        items.arrange(RIGHT, buff=KIND_HEIGHT * 0.07).move_to([KINDS_LEFT, y - KIND_HEIGHT * 0.15, 0], aligned_edge=LEFT)
        unit = neuron(0.0, radius=radius).next_to(items, RIGHT, buff=KIND_HEIGHT * 0.25)
        into = Arrow(items.get_right(), unit.get_left(), buff=0.05, color=style.TEXT_COLOR,
                     stroke_width=style.HIGHLIGHT_WIDTH, max_tip_length_to_length_ratio=0.4)
        out = Arrow(unit.get_right(), unit.get_right() + RIGHT * radius * 1.6, buff=0, color=style.TEXT_COLOR,
                    stroke_width=style.HIGHLIGHT_WIDTH)
        loop = CurvedArrow(unit.get_right() + RIGHT * radius * 0.9, unit.get_top(), angle=PI * 1.3,
                           color=style.ACCENT, stroke_width=style.HIGHLIGHT_WIDTH * 1.3, tip_length=0.18)
        picture = VGroup(items, into, unit, out, loop)

        def work():
            steps = []
            for item in items:  # first to last; what comes out loops back in
                path = VGroup(into.copy(), out.copy(), loop.copy()).set_stroke(style.TEXT_COLOR, style.HIGHLIGHT_WIDTH * 2.5)
                steps += [item.animate.set_fill(style.ACCENT, 1.0), ShowPassingFlash(path, time_width=0.7),
                          item.animate.set_fill(style.TEXT_COLOR, 0.25)]
            return Succession(*steps)

        return picture, work

    def transformer(self, y: float):
        """A row of words (boxes), every one joined to every other by an arc: each attends to all."""
        words = VGroup(*(Square(0.26).set_stroke(style.TEXT_COLOR, 2).set_fill(style.TEXT_COLOR, 0.25)
                         for _ in range(WORDS)))
        words.arrange(RIGHT, buff=0.3).move_to([KINDS_LEFT, y - KIND_HEIGHT * 0.3, 0], aligned_edge=LEFT)
        arcs = VGroup(*(ArcBetweenPoints(words[i].get_top(), words[j].get_top(), angle=-PI * 0.8)
                        .set_stroke(style.ACCENT, style.EDGE_WIDTH * 1.5)
                        for i in range(WORDS) for j in range(i + 1, WORDS)))
        picture = VGroup(words)

        def work():
            picture.add(arcs)  # drawn in by the animation, part of the picture from then on
            return LaggedStart(*(Create(a) for a in arcs), lag_ratio=0.25)

        return picture, work

    def weight_colored_edges(self):
        """A copy of the diagram's edges, each in the colour and width of its real weight."""
        edges = self.diagram.edges.copy()
        for g, group in enumerate(edges):
            for line, (color, width) in zip(group, self.diagram.edge_weight_strokes(g)):
                line.set_stroke(color, width, opacity=style.EDGE_WEIGHT_OPACITY)
        return edges

    # --- helpers -------------------------------------------------------------------------------
    def show(self, digit: DigitInput) -> None:
        """Put ``digit`` in the image top-left and name it underneath (no animation)."""
        self.image.set_pixels(digit.pixels)
        self.tag.become(label_next_to(self.image, digit.tag, font_size=LABEL_FONT_SIZE))

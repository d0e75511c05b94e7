"""Chapter 5 (5:31) Why layers?: what we *hope* the hidden layers do, then what our network does.

Beats (storyboard): a 9 = upper loop + line, an 8 = two loops, a 4 = three lines, every part cut
from a real MNIST test digit by a computed mask (``scenes.content.digit_parts``), never drawn by
hand; the hope that single neurons of the second hidden layer stand for such parts, and not for
one exact loop: several real 9s and 8s whose upper loops differ; parts add up to digits; parts
split into short edges; the hoped-for cascade edges → parts → digit, drawn as a labelled hope (a
made-up diagram, not our network, built from the same 9's real pieces); then our real trained
network reading the same 9 (genuine activations: not that tidy), with the neurons we pinned the
hope on and their real activations; layers of abstraction, in pictures and in speech; the honest
question, answered in chapter 11.

Which neurons are ringed "loop?" and "line?" is measured, not assumed: over the 10,000 test digits,
the second-hidden-layer neuron whose mean activation on digits with a loop (0, 6, 8, 9) most
exceeds its mean on digits usually without one (1, 4, 7), and the one whose mean on digits with a
long upright line (1, 4, 7, 9) most exceeds its mean on the others (0, 2, 3, 5, 6, 8):
``scenes.content.examples.part_neuron``, the same measure chapter 11 reports.

While the hidden layer is discussed the diagram gives way to it: the input side fades and the
last hidden layer with the outputs moves over, so the part pictures sit in free space beside
their neurons, never over edges.
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
    Circle,
    Create,
    CubicBezier,
    FadeIn,
    Group,
    GrowFromEdge,
    Indicate,
    LaggedStart,
    Line,
    ManimColor,
    MathTex,
    Mobject,
    MoveToTarget,
    Rectangle,
    Square,
    Text,
    VGroup,
)

import nn
from scenes.components import (
    DigitImage,
    NetworkDiagram,
    PartImage,
    PixelGrid,
    highlight_box,
    label,
    label_next_to,
    layer_name,
    ring,
    style,
    wrapped_label,
)
from scenes.components.pixel_grid import rgba_image
from scenes.components.transitions import Conceal, Cover, FadeToBlack, Reveal, Swap, fade_in, fade_out
from scenes.content.digit_parts import (
    DigitParts,
    first_clean_example,
    hole_centre,
    ink_mask,
    line_edges,
    loop_edges,
    varied_loops,
)
from scenes.content.examples import PART_DIGITS, part_means, part_neuron
from scenes.content.narration import chosen_language, load_script
from scenes.runtime.narrated_scene import NarratedScene

SIDE = nn.IMAGE_SIDE
# --- layout of this chapter (manim units) ---------------------------------------------------------
QUICK = 0.6  # the changes a sentence brings (every animated frame costs, most at 1080p60)
LABEL_SIZE = max(style.FONT_SIZE_SMALL, 27)  # small words: lowercase letters at least 9 px tall at 480p
FRAME_RIGHT = 6.85  # words stay this close to the frame's middle, sideways (the frame is 14.2 wide)
ROW_YS = (2.0, 0.1, -1.8)  # the three equations (9, 8, 4), top to bottom
ROW_SIDE = 1.6  # side of a digit / part tile in an equation
DIGIT_X = -5.2  # the real digit, coloured by its parts, left of each equation
FIRST_TILE_X = -2.4  # first part tile of an equation
TILE_STEP = 2.3  # from one part tile to the next (a plus sign halfway)
SIGN_BUFF = 0.35  # between the last tile and "=", and between "=" and the digit
WINDOW_PAD = 1  # pixels of room round the ink in a zoomed tile
EDGE_WINDOW = 7  # pixels across the zoomed window round one short edge
CONTEXT_ALPHA = 0.3  # the rest of the digit, faint, round a zoomed short edge
SCAN_OPACITY = 0.85  # "pixels one by one": the 9 dimmed, then uncovered row by row
SPOT_APART = 0.22  # "you spot a few parts": each part moves this far out of its digit, and back
BIG_SIDE = 3.6  # the 9, big, left of the hidden layer (side of its whole 28×28 grid) ...
BIG_CENTRE = LEFT * 4.6 + UP * 0.3  # ... centred here
THUMB_SIDE = 1.3  # part picture beside a hoped-for neuron ...
THUMB_GAP = 1.9  # ... this far left of its column
HOPE_RING_SCALE = 1.35  # rings round single neurons: clear of their neighbours (0.34 apart)
PULSE_OPACITY = 0.8  # "each of its sixteen neurons": the column lit in the hope colour for a moment
LOOPS_SIDE = 1.1  # the varied 9s and 8s ...
LOOPS_GAP = 0.35
LOOPS_CENTRE = LEFT * 4.75 + UP * 0.3  # ... left of the hidden layer
CARD_LEFT = -6.8  # the measure of a ringed neuron, written where the 9 was
CARD_TOP = 3.3
CARD_TILE = 0.62  # a test digit of each kind
CARD_BAR = 3.2  # a mean activation of 1
CARD_BAR_HEIGHT = 0.24
PART_SEPARATION = (LEFT * 0.5 + UP * 0.35, RIGHT * 0.9 + DOWN * 0.1)  # loop and line move apart
EXPLODE = 0.35  # an edge piece moves out by this × (its centre − the part's centre)
# the hoped cascade: the 9, its short edges, its parts, the output neuron (columns at these x)
HOPE_X = (-5.6, -2.7, 1.3, 4.8)
HOPE_IMAGE = 2.0  # side of the 9 entering it
HOPE_TILE = 0.54  # an edge neuron: a zoomed tile of its short edge, in its column ...
HOPE_TILE_STEP = 0.58  # ... stacked this far apart
EDGE_READ_TILE = 1.3  # ... and while the edges are named: big, in a grid
EDGE_READ_GAP = 0.2
EDGE_READ_CENTRE = LEFT * 1.1 + DOWN * 0.1
HOPE_PART = 1.3  # a part neuron: a zoomed tile of its part ...
HOPE_PART_YS = (1.25, -1.25)  # ... at these heights
HOPE_OUTPUT_RADIUS = 0.45
HOPE_COLUMN_Y = 0.02  # the middle of the columns (all above the caption band)
HOPE_NAMES_BOTTOM = 2.74  # the layer names above them (one or two lines) ...
HOPE_NAME_WIDTH = 3.2  # ... each at most this wide
GLOW_OPACITY = 0.25  # a hoped neuron lighting up: a glow this strong in the accent colour behind its tile
BOX_WIDTH, BOX_HEIGHT = 2.5, 0.8  # abstraction boxes
BOX_GAP = 0.8  # room for the arrow between two boxes
BOX_FILL = 0.12
ROW_Y = (2.6, -1.75)  # the digit row and the speech row
PICTURE_Y = 1.1  # the pictures under the digit row's boxes ...
PICTURE_SIDE = 1.3
DIGIT_TILE = 0.9  # ... the digits there (a 9, then an 8 and a 4)
LEVELS_Y = 0.0  # the arrow "simpler → more abstract" under the pictures
STRIP_Y = -0.6  # the film's chapters, one box each
STRIP_BOX = 0.8
STRIP_GAP = 0.2
ANSWER_CHAPTER = "ch11"  # where the film answers this chapter's question (its real weights and activations)

# colours of the parts (palette from style): loops blue / maroon, lines yellow / green
LOOP_COLOR = style.B_COLOR
LOWER_LOOP_COLOR = style.ALT_ACCENT
LINE_COLOR = style.ACCENT
PART_COLORS = {
    9: (LOOP_COLOR, LINE_COLOR),
    8: (LOOP_COLOR, LOWER_LOOP_COLOR),
    4: (style.RIGHT_COLOR, LOWER_LOOP_COLOR, LINE_COLOR),
}
PIECE_ALT_COLOR = style.TEXT_COLOR  # edge pieces alternate between their part's colour and this
TILE_FRAME_COLOR = style.SECONDARY
HOPE_COLOR = style.ALT_ACCENT  # everything that is only a hope is labelled in this colour
GLOW_COLOR = style.ACCENT
WITHOUT_COLOR = style.SECONDARY  # a card's digits without the part (those with it: in the part's colour)
DIGITS_IN_ORDER = (9, 8, 4)
HOPE_NAMES = ("loop", "line")  # the 9's parts, in order; each has its measured neuron
NINE_OUTPUT = 9  # both hoped-for neurons would feed the output for 9


def ink_image(pixels: np.ndarray, side: float, frame: bool = True) -> PartImage:
    """The whole digit in white, opacity = pixel value: over the black background it is the gray of
    a ``DigitImage`` of the same side and place, and its black pixels are see-through."""
    pixels = np.asarray(pixels, dtype=float).reshape(-1)
    return PartImage(pixels, pixels > 0, style.TEXT_COLOR, side=side, frame=frame)


def ink_bounds(*parts: PartImage) -> tuple[np.ndarray, np.ndarray]:
    """(lower-left, upper-right) corners of the squares the parts draw (their masks), where they are now."""
    corners = []
    for part in parts:
        centres = part.cell_centers()[part.mask]
        half = part.pixel_side / 2
        corners += [centres.min(axis=0) - half, centres.max(axis=0) + half]
    low, high = np.min(corners, axis=0), np.max(corners, axis=0)
    low[2] = high[2] = 0.0
    return low, high


def square_window(mask: np.ndarray, pad: int = WINDOW_PAD, at_least: int = 0) -> tuple[int, int, int, int]:
    """(row0, row1, col0, col1), stops excluded: the smallest square of the 28×28 grid round ``mask``'s
    pixels with ``pad`` pixels of room (at least ``at_least`` across), kept inside the grid."""
    rows, cols = np.nonzero(np.asarray(mask, dtype=bool).reshape(SIDE, SIDE))
    size = min(SIDE, max(rows.max() - rows.min() + 1, cols.max() - cols.min() + 1, at_least - 2 * pad) + 2 * pad)
    start = []
    for low, high in ((rows.min(), rows.max()), (cols.min(), cols.max())):
        centre = (low + high + 1) / 2
        start.append(int(np.clip(round(centre - size / 2), 0, SIDE - size)))
    return start[0], start[0] + size, start[1], start[1] + size


def window_tile(pixels: np.ndarray, parts: list[tuple[np.ndarray, ManimColor]], window: tuple[int, int, int, int],
                side: float, context: float = 0.0, frame: bool = True,
                frame_color: ManimColor = TILE_FRAME_COLOR) -> PixelGrid:
    """A zoomed square ``window`` of a real digit: each part (mask, colour) in its colour with opacity =
    pixel value, the rest of the ink in white at ``context`` × its value (0: hidden)."""
    values = np.clip(np.asarray(pixels, dtype=float).reshape(SIDE, SIDE), 0.0, 1.0)
    rgb = np.ones((SIDE, SIDE, 3))
    alpha = values * context
    for mask, color in parts:
        m = np.asarray(mask, dtype=bool).reshape(SIDE, SIDE)
        rgb[m] = ManimColor(color).to_rgb()
        alpha[m] = values[m]
    r0, r1, c0, c1 = window
    shape = (r1 - r0, c1 - c0)
    rgba = rgba_image(rgb[r0:r1, c0:c1].reshape(-1, 3), alpha[r0:r1, c0:c1].reshape(-1), shape=shape)
    return PixelGrid(rgba, side=side, frame=frame, frame_color=frame_color)


def edge_pieces(nine: DigitParts) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """The 9's loop cut into short edges around its hole, and its line cut along its length."""
    return loop_edges(nine.masks[0], hole_centre(nine.pixels)), line_edges(nine.masks[1])


def s_curve(start: np.ndarray, end: np.ndarray) -> CubicBezier:
    """A link leaving ``start`` and reaching ``end`` horizontally: it meets a neuron in a column
    from the side, clear of that neuron's neighbours."""
    reach = (end[0] - start[0]) * 0.6
    return CubicBezier(start, start + RIGHT * reach, end + LEFT * reach, end)


def within_frame(mob: Mobject) -> Mobject:
    """``mob`` moved sideways, if need be, to lie within ``FRAME_RIGHT`` of the frame's middle."""
    if mob.get_left()[0] < -FRAME_RIGHT:
        mob.shift(RIGHT * (-FRAME_RIGHT - mob.get_left()[0]))
    if mob.get_right()[0] > FRAME_RIGHT:
        mob.shift(LEFT * (mob.get_right()[0] - FRAME_RIGHT))
    return mob


def first_test_images(digits: tuple[int, ...]) -> list[int]:
    """The lowest-index test image of each of ``digits``: the examples a measure card shows."""
    labels = nn.load_split("test").labels
    return [int(np.flatnonzero(labels == d)[0]) for d in digits]


def focus_dropped(diagram: NetworkDiagram) -> VGroup:
    """Everything of the diagram before its last hidden layer: what gives way when that layer is discussed
    (the layer, its edges to the outputs and the outputs stay where they are)."""
    last = len(diagram.sizes) - 2
    return VGroup(*diagram.edges[:last], *diagram.neurons[:last], *diagram.ellipses.values(),
                  *diagram.braces.values())


def chapter_strip(keys: list[str], here: str, answer: str) -> VGroup:
    """The film's chapters as numbered boxes, left to right: ``here`` in the accent colour, ``answer``
    (where the question is answered) in the hope colour. VGroup of (box, number) pairs."""
    boxes = VGroup()
    for number, key in enumerate(keys, start=1):
        color = style.ACCENT if key == here else HOPE_COLOR if key == answer else style.SECONDARY
        box = Square(STRIP_BOX).set_stroke(color, style.IMAGE_FRAME_WIDTH).set_fill(color, 0.0)
        boxes.add(VGroup(box, MathTex(str(number), font_size=style.FONT_SIZE_LABEL, color=color).move_to(box)))
    return boxes.arrange(RIGHT, buff=STRIP_GAP).set_y(STRIP_Y)


class WhyLayers(NarratedScene):
    """Digits as parts, parts as hoped-for neurons, parts as edges, the hope against the real network."""

    def construct(self) -> None:
        self.net = nn.load_pretrained()
        self.examples = {d: first_clean_example(d) for d in DIGITS_IN_ORDER}
        self.nine = self.examples[9]
        self.diagram = NetworkDiagram(self.net)
        self.last_hidden = len(self.net.sizes) - 2
        # the neurons the hope is pinned on: measured on the test set (the measure chapter 11 reports)
        self.hoped = [part_neuron(self.net, name) for name in HOPE_NAMES]
        self.nine_tag = self.text("digit_tag", index=self.nine.index, label=9)
        self.why_layers()
        self.digits_as_parts()
        self.part_neurons()
        self.any_loop()
        self.parts_to_digits()
        self.parts_as_edges()
        self.hoped_cascade()
        self.real_cascade()
        self.why_useful()
        self.honest_question()
        self.play(FadeToBlack(run_time=style.RUN_TIME))

    # --- beats ---------------------------------------------------------------------------------
    def why_layers(self) -> None:
        with self.beat("why-layers") as beat:
            self.play(Reveal(self.diagram), run_time=QUICK)
            beat.wait_until(1)  # what would those middle layers be doing?
            middle = highlight_box(VGroup(*self.diagram.neurons[1:self.last_hidden + 1]))
            question = Text("?", font_size=style.FONT_SIZE_TITLE, color=style.ACCENT)
            question.next_to(middle, UP, buff=style.LABEL_BUFF / 2)  # the caption band stays clear
            self.play(Create(middle), FadeIn(question, scale=0.5), run_time=QUICK)
            beat.wait_until(2)  # "here is the best hope we can imagine": the middle layers take the hope's colour
            self.play(middle.animate.set_stroke(HOPE_COLOR).set_fill(HOPE_COLOR, 0.18),
                      question.animate.set_color(HOPE_COLOR), run_time=QUICK)
            self.question = VGroup(middle, question)

    def digits_as_parts(self) -> None:
        with self.beat("digits-as-parts") as beat:
            self.play(Conceal(self.diagram, self.question), run_time=QUICK)
            # unframed: the parts slide out of the digits without crossing a frame
            images = [ink_image(self.examples[d].pixels, side=ROW_SIDE, frame=False).move_to([DIGIT_X, y, 0])
                      for d, y in zip(DIGITS_IN_ORDER, ROW_YS)]
            self.play(LaggedStart(*(Reveal(image) for image in images), lag_ratio=0.4), run_time=style.RUN_TIME)
            beat.wait_until(1)  # "you do not check pixels one by one": the 9 read row by row, as a scanner would
            self.scan(images[0], beat.time_to(2, minimum=1.0))
            beat.wait_until(2)  # "you spot a few parts and fit them together": coloured, pulled apart, put back
            overlays = [Group(*(PartImage(self.examples[d].pixels, mask, color, side=ROW_SIDE).move_to(image)
                                for mask, color in zip(self.examples[d].masks, PART_COLORS[d])))
                        for d, image in zip(DIGITS_IN_ORDER, images)]
            apart = [(part, self.outward(part, image) * SPOT_APART) for o, image in zip(overlays, images) for part in o]
            self.play(*(FadeIn(o) for o in overlays), *fade_out(*images), *(p.animate.shift(d) for p, d in apart),
                      run_time=QUICK)
            self.play(*(p.animate.shift(-d) for p, d in apart), run_time=QUICK)
            self.rows = Group()
            for sentence, (digit, image, overlay) in enumerate(zip(DIGITS_IN_ORDER, images, overlays), start=3):
                beat.wait_until(sentence)
                self.rows.add(self.build_equation(self.examples[digit], image, overlay))
            beat.wait_until(6)  # "cut from real handwritten digits": each part in its digit, and its test number
            context, tags = Group(), VGroup()
            for row, digit in zip(self.rows, DIGITS_IN_ORDER):
                example = self.examples[digit]
                window = square_window(ink_mask(example.pixels))
                for tile in row.tiles:
                    context.add(window_tile(example.pixels, [], window, tile.side_length, context=CONTEXT_ALPHA + 0.15,
                                            frame=False).move_to(tile))
                tag = label(self.text("digit_tag", index=example.index, label=digit)).next_to(row.answer, RIGHT, buff=0.45)
                if tag.get_right()[0] > FRAME_RIGHT:  # a longer tag (another language): under the answer instead
                    tag.next_to(row.answer, DOWN, buff=0.1).align_to([FRAME_RIGHT, 0, 0], RIGHT)
                tags.add(tag)
            self.play(*fade_in(context, tags), run_time=QUICK)
            self.rows.add(context, tags)

    def part_neurons(self) -> None:
        with self.beat("part-neurons", n_test=len(nn.load_split("test").labels), loop_neuron=self.hoped[0],
                       line_neuron=self.hoped[1]) as beat:
            self.play(Conceal(self.rows), run_time=QUICK)
            self.view = NetworkDiagram(self.net)  # the hope's diagram: it gives way to its last hidden layer
            self.big_nine = ink_image(self.nine.pixels, side=BIG_SIDE, frame=False).move_to(BIG_CENTRE)
            self.big_parts = Group(*(PartImage(self.nine.pixels, mask, color, side=BIG_SIDE).move_to(BIG_CENTRE)
                                     for mask, color in zip(self.nine.masks, PART_COLORS[9])))
            low, high = ink_bounds(*self.big_parts)
            self.big_tag = label_next_to(np.array([(low[0] + high[0]) / 2, low[1], 0.0]), self.nine_tag)
            self.play(Reveal(self.view, self.big_nine, self.big_parts, self.big_tag), run_time=QUICK)
            # "now look at the second hidden layer": the diagram gives way to it, and it is named
            self.play(self.focus(self.view))
            column = self.view.neurons[self.last_hidden]
            self.layer_label = label_next_to(column, layer_name(self.last_hidden, len(self.net.sizes)), UP,
                                             color=style.ACCENT, font_size=LABEL_SIZE)
            self.play(FadeIn(self.layer_label), run_time=style.SHORT_RUN_TIME)
            beat.wait_until(1)  # "each of its sixteen neurons would stand for one such part": all sixteen, lit
            self.play(column.animate.set_fill(HOPE_COLOR, PULSE_OPACITY), run_time=style.SHORT_RUN_TIME)
            self.play(column.animate.set_fill(style.NEURON_FILL_COLOR, 0.0), run_time=QUICK)
            beat.wait_until(2)  # one for a loop at the top, another for a long upright line: the parts fly to them
            self.hopes = Group()
            for k, (index, name) in enumerate(zip(self.hoped, HOPE_NAMES)):
                neuron = self.view.neuron(self.last_hidden, index)
                hope = self.neuron_mark(neuron, k, self.text(f"{name}_hope"), index)
                self.play(self.fly_part(self.big_parts[k], k, hope.thumb), run_time=QUICK)
                self.play(Create(hope.circle), Create(hope.link), FadeIn(hope.words), run_time=style.SHORT_RUN_TIME)
                self.hopes.add(hope)
            # what the rings stand on: each neuron's measure over the test set, written where the 9 was
            self.card = self.measure_card(HOPE_NAMES[0], self.hoped[0])
            beat.wait_until(3)
            self.play(Conceal(self.big_nine, self.big_parts, self.big_tag), run_time=style.SHORT_RUN_TIME)
            self.play(Reveal(*(m for m in self.card if m is not self.card.bars)),
                      Indicate(self.hopes[0].circle, color=HOPE_COLOR, scale_factor=1.5), run_time=QUICK)
            self.wait(max(0.0, beat.until(4) * 0.4))  # "... compared with digits without one": the two means
            self.play(*self.grow_bars(self.card), run_time=QUICK)
            beat.wait_until(4)
            line_card = self.measure_card(HOPE_NAMES[1], self.hoped[1])
            self.play(Swap(self.card, line_card), Indicate(self.hopes[1].circle, color=HOPE_COLOR, scale_factor=1.5),
                      run_time=QUICK)
            self.card = line_card

    def any_loop(self) -> None:
        with self.beat("any-loop") as beat:
            loops, overlays = Group(), []
            for digit in (9, 8):
                for example in varied_loops(digit):
                    overlay = PartImage(example.pixels, example.masks[0], LOOP_COLOR, side=LOOPS_SIDE)
                    loops.add(Group(ink_image(example.pixels, side=LOOPS_SIDE, frame=True), overlay))
                    overlays.append(overlay)
            loops.arrange_in_grid(rows=2, buff=LOOPS_GAP).move_to(LOOPS_CENTRE)
            # "one exact set of pixels": the 9's loop, big enough to see its squares
            exact = self.part_tile(0, LOOPS_SIDE * 2.4, frame_color=TILE_FRAME_COLOR).move_to(LOOPS_CENTRE)
            self.play(Conceal(self.card), run_time=style.SHORT_RUN_TIME)
            self.play(Reveal(exact), run_time=style.SHORT_RUN_TIME)
            beat.wait_until(1)
            self.play(Conceal(exact), run_time=style.SHORT_RUN_TIME)
            self.play(LaggedStart(*(Reveal(tile) for tile in loops), lag_ratio=0.3), run_time=style.LAGGED_FADE_IN * 0.6)
            beat.wait_until(2)  # any loop near the top should switch that neuron on
            loop_ring = self.hopes[0].circle
            copies = [overlay.copy() for overlay in overlays]
            lit = Group(*(self.glow_behind(tile, HOPE_COLOR) for tile in loops))  # each loop, lit as it goes
            self.play(LaggedStart(*(AnimationGroup(c.animate.scale(0.15).move_to(loop_ring), *fade_in(g))
                                    for c, g in zip(copies, lit)), lag_ratio=0.15), run_time=style.RUN_TIME * 1.2)
            self.remove(*copies)
            neuron = self.view.neuron(self.last_hidden, self.hoped[0])
            self.play(Indicate(loop_ring, color=HOPE_COLOR, scale_factor=1.6), neuron.animate.set_fill(HOPE_COLOR, 0.9),
                      run_time=QUICK)
            self.play(neuron.animate.set_fill(style.NEURON_FILL_COLOR, 0.0), *fade_out(lit), run_time=QUICK)
            self.loops = loops

    def parts_to_digits(self) -> None:
        with self.beat("parts-to-digits") as beat:
            # the loops give way to the 9 whose parts the hope is about
            self.play(Conceal(self.loops), run_time=style.SHORT_RUN_TIME)
            self.play(Reveal(self.big_parts, self.big_tag), run_time=style.SHORT_RUN_TIME)
            beat.wait_until(1)  # the output layer would only need to learn which parts belong together
            outputs = self.view.neurons[-1]
            out_box = highlight_box(VGroup(outputs, self.view.output_labels))
            out_label = label_next_to(out_box, layer_name(len(self.net.sizes) - 1, len(self.net.sizes)), DOWN,
                                      color=style.ACCENT, font_size=LABEL_SIZE)
            self.play(Create(out_box), FadeIn(out_label), outputs.animate.set_fill(style.ACCENT, 0.5),
                      run_time=QUICK)
            beat.wait_until(2)  # a top loop plus a right line would mean nine
            self.play(*fade_out(out_box, out_label), outputs.animate.set_fill(style.NEURON_FILL_COLOR, 0.0),
                      run_time=style.SHORT_RUN_TIME)
            links = self.links(self.hoped, NINE_OUTPUT)
            output_ring = ring(self.view.neuron(self.last_hidden + 1, NINE_OUTPUT), color=HOPE_COLOR,
                               scale=HOPE_RING_SCALE)
            output = self.view.neuron(self.last_hidden + 1, NINE_OUTPUT)
            copies = [part.copy() for part in self.big_parts]  # the loop and the line, on their way to "9"
            self.play(Create(links), *(c.animate.scale(0.1).move_to(output) for c in copies), run_time=QUICK)
            self.remove(*copies)
            self.play(Create(output_ring), output.animate.set_fill(HOPE_COLOR, 0.9), run_time=QUICK)
            self.hopes.add(links, output_ring)

    def parts_as_edges(self) -> None:
        with self.beat("parts-as-edges") as beat:
            self.play(self.view.neuron(self.last_hidden + 1, NINE_OUTPUT).animate.set_fill(style.NEURON_FILL_COLOR, 0.0),
                      run_time=style.SHORT_RUN_TIME)
            beat.wait_until(1)  # "how would a neuron spot a loop?": the loop, and the neuron hoped to spot it
            loop = self.big_parts[0]
            self.play(loop.animate.scale(1.25), Indicate(self.hopes[0].circle, color=HOPE_COLOR, scale_factor=1.6),
                      run_time=QUICK)
            self.play(loop.animate.scale(1 / 1.25), run_time=style.SHORT_RUN_TIME)
            beat.wait_until(2)  # we break the problem down one more level
            wholes = self.big_parts
            self.play(*(whole.animate.shift(shift) for whole, shift in zip(wholes, PART_SEPARATION)),
                      *fade_out(self.big_tag), run_time=QUICK)
            self.pieces = Group()
            for whole, masks, color in zip(wholes, edge_pieces(self.nine), PART_COLORS[9]):
                self.pieces.add(self.split_into_edges(whole, masks, color))
            self.remove(*wholes)
            self.add(self.pieces)
            counts = VGroup()
            for group, masks in zip(self.pieces, edge_pieces(self.nine)):
                low, high = ink_bounds(*group)
                below = np.array([(low[0] + high[0]) / 2, low[1], 0.0])
                counts.add(label_next_to(below, self.text("short_edges", n=len(masks)), font_size=LABEL_SIZE))
            for k, (group, count) in enumerate(zip(self.pieces, counts)):
                beat.wait_until(3 + k)  # the loop: a ring of six short edges; the line: a few in a row
                self.play(*(piece.animate.shift(shift).set_rgba(colours) for piece, shift, colours in group.moves),
                          run_time=style.SAID_RUN_TIME)
                self.play(Reveal(count), run_time=style.SHORT_RUN_TIME)
            self.edge_counts = counts

    def hoped_cascade(self) -> None:
        with self.beat("hoped-cascade") as beat:
            self.play(Conceal(self.view, self.hopes, self.pieces, self.edge_counts, self.layer_label),
                      run_time=QUICK)
            cascade = self.cascade()
            image, edges, parts, output, lines, names, title = cascade
            self.play(Reveal(title, image, names), run_time=QUICK)
            beat.wait_until(1)  # a nine arrives and lights up the edge neurons: big while they are named
            places = [e.get_center() for e in edges]
            grid = Group(*(e.copy() for e in edges))
            for e in grid:
                e.scale(EDGE_READ_TILE / HOPE_TILE)
            grid.arrange_in_grid(rows=3, buff=EDGE_READ_GAP).move_to(EDGE_READ_CENTRE)
            for e, g in zip(edges, grid):
                e.scale(EDGE_READ_TILE / HOPE_TILE).move_to(g)
            self.play(LaggedStart(*(Reveal(e) for e in edges), lag_ratio=0.15), run_time=QUICK)
            self.play(LaggedStart(*(self.light(e) for e in edges), lag_ratio=0.15), run_time=QUICK)
            beat.wait_until(2)  # those edges switch on a loop neuron and a line neuron: the edges take their places
            self.play(*(e.animate.scale(HOPE_TILE / EDGE_READ_TILE).move_to(p) for e, p in zip(edges, places)),
                      run_time=QUICK)
            self.play(Create(lines[0]), Create(lines[1]), Reveal(parts), run_time=QUICK)
            self.play(*(self.light(p) for p in parts[0]), run_time=QUICK)
            beat.wait_until(3)  # together they push the output for nine up
            self.play(Create(lines[2]), Reveal(output), run_time=QUICK)
            self.play(output[0].animate.set_fill(opacity=1.0), run_time=style.SHORT_RUN_TIME)
            beat.wait_until(4)  # "edges build parts, and parts build digits": the chain once more, step by step
            self.play(*(self.light(e, on=False) for e in edges), *(self.light(p, on=False) for p in parts[0]),
                      output[0].animate.set_fill(opacity=0.0), run_time=style.SHORT_RUN_TIME)
            for step in ([self.light(e) for e in edges], [self.light(p) for p in parts[0]],
                         [output[0].animate.set_fill(opacity=1.0)]):
                self.play(*step, run_time=style.SHORT_RUN_TIME)
            self.cascade_group = cascade

    def real_cascade(self) -> None:
        activations = self.net.activations(self.nine.pixels)[self.last_hidden]
        self.hope_readings = {name: float(activations[j]) for name, j in zip(HOPE_NAMES, self.hoped)}
        values = {"loop_neuron": self.hoped[0], "line_neuron": self.hoped[1],
                  "loop_value": self.hope_readings["loop"], "line_value": self.hope_readings["line"]}
        with self.beat("real-cascade", **values) as beat:
            self.play(Conceal(self.cascade_group), run_time=QUICK)
            self.diagram.edges.set_stroke(opacity=style.EDGE_OPACITY)
            image = DigitImage(self.nine.pixels).to_corner(style.IMAGE_CORNER, buff=style.FRAME_MARGIN)
            tag = label_next_to(image, self.nine_tag)
            self.play(Reveal(image, tag, self.diagram), run_time=QUICK)
            self.bring_to_back(image, tag)
            # the pass takes the first sentences: "these are its actual activations in both hidden layers"
            layer_time = float(np.clip((beat.time_to(2) + 1.0 - style.INPUT_PASS_TIME) / 3, style.LAYER_PASS_TIME,
                                       style.LAYER_PASS_TIME * 1.3))
            self.play(self.diagram.forward_pass(self.nine.pixels, layer_time=layer_time, box=False))
            # the answer's box, snug: clear of the neighbouring output and its label
            nine = self.nine.label
            answer = highlight_box(VGroup(self.diagram.neuron(self.last_hidden + 1, nine),
                                          self.diagram.output_label(nine)), buff=style.HIGHLIGHT_BUFF / 3)
            self.play(Create(answer), run_time=style.BOX_TIME)
            beat.wait_until(3)  # "many neurons glow partway": the diagram gives way to the last hidden layer
            big = DigitImage(self.nine.pixels, side=BIG_SIDE).move_to(BIG_CENTRE)
            big_tag = label_next_to(big, self.nine_tag)
            self.play(self.focus(self.diagram), Swap(tag, None, within=style.SHORT_RUN_TIME),
                      image.animate.scale(BIG_SIDE / image.side_length).move_to(BIG_CENTRE), run_time=QUICK)
            self.play(FadeIn(big_tag), run_time=style.SHORT_RUN_TIME)
            column = self.diagram.neurons[self.last_hidden]
            layer_label = label_next_to(column, layer_name(self.last_hidden, len(self.net.sizes)), UP,
                                        color=style.ACCENT, font_size=LABEL_SIZE)
            self.play(FadeIn(layer_label), run_time=style.SHORT_RUN_TIME)
            self.real = Group(image, big_tag, answer, layer_label, self.diagram)
            overlays = [PartImage(self.nine.pixels, mask, color, side=BIG_SIDE).move_to(image)
                        for mask, color in zip(self.nine.masks, PART_COLORS[9])]
            marks = Group()
            for k, (name, index) in enumerate(zip(HOPE_NAMES, self.hoped)):
                beat.wait_until(4 + k)  # the loop neuron, then the line neuron: named, ringed, read on this nine
                mark = self.neuron_mark(self.diagram.neuron(self.last_hidden, index), k,
                                        self.text(f"{name}_reading", value=self.hope_readings[name]), index)
                others = [fade_out(overlays[k - 1], run_time=QUICK)[0]] if k else []
                self.play(Create(mark.circle), FadeIn(mark.words), *others, run_time=QUICK)  # named, ringed ...
                self.wait(beat.until(5 + k) * 0.2)
                self.play(FadeIn(overlays[k]), *fade_in(mark.thumb), Create(mark.link),  # ... its part, on this nine
                          run_time=style.SAID_RUN_TIME)
                marks.add(mark)
            beat.wait_until(6)  # "this nine's loop barely stirs the loop neuron": the loop goes to it, which stays dim
            loop_copy = overlays[0].copy()
            self.play(FadeIn(overlays[0]), run_time=style.SHORT_RUN_TIME)
            self.play(loop_copy.animate.scale(0.12).move_to(marks[0].circle), run_time=style.SAID_RUN_TIME)
            self.play(*fade_out(loop_copy), Indicate(marks[0].circle, color=HOPE_COLOR, scale_factor=1.4),
                      run_time=QUICK)
            self.real.add(marks, *overlays)

    def why_useful(self) -> None:
        with self.beat("why-useful") as beat:
            self.play(Conceal(self.real), run_time=QUICK)
            digit_row = self.box_row(tuple(self.text(k) for k in ("pixels", "edges", "parts", "digits")), style.ACCENT)
            speech_row = self.box_row(tuple(self.text(k) for k in ("sounds", "syllables", "words", "phrases")),
                                      style.B_COLOR)
            digit_row.set_y(ROW_Y[0])
            speech_row.set_y(ROW_Y[1])
            headers = VGroup(*(label_next_to(row, words, UP, font_size=LABEL_SIZE).align_to(row, LEFT)
                               for row, words in ((digit_row, self.text("reading_a_digit")),
                                                  (speech_row, self.text("understanding_speech")))))
            pictures = self.level_pictures(digit_row[0])
            self.play(Reveal(digit_row, headers[0], pictures), run_time=QUICK)
            beat.wait_until(1)  # "detectors for edges and shapes, once learned, can be reused"
            glows = Group(*(self.glow_behind(p) for p in pictures[1:3]))
            self.play(*fade_in(glows), run_time=style.SHORT_RUN_TIME)
            self.wait(style.PAUSE)
            # "the same loops and lines also build an eight and a four": their parts, one after another
            others = Group()
            for digit in (8, 4):
                example = self.examples[digit]
                window = square_window(ink_mask(example.pixels))
                others.add(Group(*(window_tile(example.pixels, [(mask, color)], window, DIGIT_TILE, frame=False)
                                   for mask, color in zip(example.masks, PART_COLORS[digit]))))
            nine_tile = pictures[-1]
            others[0].next_to(nine_tile, RIGHT, buff=0.1)
            others[1].next_to(others[0], RIGHT, buff=0.1)
            frames = VGroup(*(Rectangle(width=DIGIT_TILE, height=DIGIT_TILE).move_to(o)
                              .set_stroke(TILE_FRAME_COLOR, style.IMAGE_FRAME_WIDTH) for o in others))
            step = max(0.4, (beat.sentence_start(2) - beat.elapsed - 1.0) / 5)
            built = self.glow_behind(Group(*others))  # the new digits, lit while they are built
            self.play(Create(frames), *fade_out(glows), *fade_in(built), run_time=style.SHORT_RUN_TIME)
            for source, digit_parts in zip(pictures[2], others):  # the loop tile builds the 8, the line tile the 4
                for part in digit_parts:
                    flying = source.copy()
                    self.play(flying.animate.move_to(part), run_time=step * 0.6)
                    self.play(*fade_out(flying), *fade_in(part), run_time=step * 0.4)
            self.play(*fade_out(built), run_time=style.SHORT_RUN_TIME)
            beat.wait_until(2)  # each level built from simpler pieces below: the levels light up in turn
            boxes = digit_row[0]
            levels = Arrow(boxes[0].get_left() + RIGHT * 0.2, boxes[-1].get_right() + LEFT * 0.2,
                           buff=0, color=style.SECONDARY, stroke_width=style.HIGHLIGHT_WIDTH).set_y(LEVELS_Y)
            levels_label = label_next_to(levels, self.text("each_level"), DOWN, buff=style.LABEL_BUFF / 2,
                                         font_size=LABEL_SIZE)
            self.play(Create(levels), FadeIn(levels_label), run_time=QUICK)
            for box in boxes:
                self.play(box[0].animate.set_fill(style.ACCENT, 0.35), run_time=style.SHORT_RUN_TIME * 0.8)
            self.play(*(box[0].animate.set_fill(style.ACCENT, BOX_FILL) for box in boxes), run_time=style.SHORT_RUN_TIME)
            beat.wait_until(3)  # sounds, then syllables, then words, then phrases: spread over the sentence
            speech_boxes, arrows = speech_row
            self.play(Reveal(headers[1]), run_time=style.SHORT_RUN_TIME)
            gap = max(0.3, (beat.remaining - 4 * style.SHORT_RUN_TIME - 0.5) / 3)
            for k, box in enumerate(speech_boxes):
                if k:
                    self.wait(gap)
                self.play(Reveal(box, *arrows[k - 1:k]), run_time=style.SHORT_RUN_TIME)
            self.rows_of_boxes = Group(digit_row, speech_row, headers, pictures, others, frames, levels, levels_label)

    def honest_question(self) -> None:
        keys = list(load_script(chosen_language()).chapters)
        here, answer = self.chapter_key(), ANSWER_CHAPTER
        with self.beat("honest-question") as beat:
            self.play(Conceal(self.rows_of_boxes), run_time=QUICK)
            question = Text(self.text("really_question"), font_size=style.FONT_SIZE_HEADING,
                            t2c={self.text("really_word"): style.ACCENT}).move_to(UP * 1.2)
            if question.width > 2 * FRAME_RIGHT:  # a longer language: as wide as the frame allows (still large)
                question.scale_to_fit_width(2 * FRAME_RIGHT)
            self.play(Reveal(question), run_time=QUICK)
            beat.wait_until(1)  # "keep that question in mind as we go on": it goes with us, along the film's chapters
            strip = chapter_strip(keys, here, answer)
            title = label_next_to(strip, self.text("chapters_of_film"), UP, font_size=LABEL_SIZE)
            here_box, answer_box = strip[keys.index(here)], strip[keys.index(answer)]
            marker = Text("?", font_size=style.FONT_SIZE_TITLE, color=style.ACCENT).next_to(here_box, DOWN, buff=0.2)
            self.play(Reveal(strip, title), question.animate.scale(0.8).to_edge(UP, buff=style.FRAME_MARGIN * 2),
                      run_time=QUICK)
            self.play(here_box[0].animate.set_fill(style.ACCENT, 0.35), FadeIn(marker, scale=0.5),
                      run_time=QUICK)
            beat.wait_until(2)  # "answer it honestly near the close of the film": the question travels there
            where = label_next_to(answer_box, self.text("answered_here"), DOWN, color=HOPE_COLOR,
                                  font_size=LABEL_SIZE).shift(DOWN * 0.7)
            self.play(marker.animate.next_to(answer_box, DOWN, buff=0.2).set_color(HOPE_COLOR),
                      run_time=style.RUN_TIME * 1.2)
            self.play(answer_box[0].animate.set_fill(HOPE_COLOR, 0.45), FadeIn(where), run_time=QUICK)

    # --- helpers ---------------------------------------------------------------------------------
    @staticmethod
    def outward(part: PartImage, whole: PartImage) -> np.ndarray:
        """The unit direction from the middle of ``whole``'s drawn squares to the middle of ``part``'s."""
        d = np.mean(ink_bounds(part), axis=0) - np.mean(ink_bounds(PartImage(whole.pixels, whole.mask, style.TEXT_COLOR)
                                                                   .move_to(whole)), axis=0)
        return d / (np.linalg.norm(d) or 1.0)

    def scan(self, image: PartImage, run_time: float) -> None:
        """The digit dimmed, then uncovered row by row from the top, a line at the row being read."""
        lid = Cover(image, opacity=SCAN_OPACITY)
        line = Line(lid.get_corner(UP + LEFT), lid.get_corner(UP + RIGHT)).set_stroke(style.ACCENT, 3)
        self.play(FadeIn(lid), FadeIn(line), run_time=style.SHORT_RUN_TIME * 0.6)
        height = lid.height
        self.play(lid.animate.stretch_to_fit_height(0.01, about_edge=DOWN), line.animate.shift(DOWN * height),
                  run_time=max(0.5, run_time - style.SHORT_RUN_TIME))
        self.remove(lid, line)

    def build_equation(self, example: DigitParts, image: PartImage, overlays: Group) -> Group:
        """Slide zoomed copies of the digit's parts (coloured on ``image``) into "part + part = digit"."""
        colors = PART_COLORS[example.label]
        y = image.get_y()
        # every tile shows the same window round the digit's ink, so the parts keep their places
        window = square_window(ink_mask(example.pixels))
        r0, r1, c0, c1 = window
        start = (image.cell_center(r0, c0) + image.cell_center(r1 - 1, c1 - 1)) / 2
        tiles = Group(*(window_tile(example.pixels, [(mask, color)], window, image.pixel_side * (r1 - r0))
                        .move_to(start) for mask, color in zip(example.masks, colors)))
        for tile in tiles:
            tile.frame.set_stroke(opacity=0)  # the frames show once the tiles are in place
        targets = [np.array([FIRST_TILE_X + k * TILE_STEP, y, 0.0]) for k in range(len(tiles))]
        plus = VGroup(*(MathTex("+", font_size=style.FONT_SIZE_HEADING).move_to((targets[k] + targets[k + 1]) / 2)
                        for k in range(len(tiles) - 1)))
        equals = MathTex("=", font_size=style.FONT_SIZE_HEADING)
        equals.next_to(targets[-1] + RIGHT * ROW_SIDE / 2, RIGHT, buff=SIGN_BUFF)
        answer = MathTex(str(example.label), font_size=style.FONT_SIZE_TITLE).next_to(equals, RIGHT, buff=SIGN_BUFF)
        self.add(tiles)
        self.play(*(tile.animate.scale(ROW_SIDE / tile.side_length).move_to(t) for tile, t in zip(tiles, targets)),
                  run_time=QUICK)
        self.play(*(tile.frame.animate.set_stroke(opacity=1.0) for tile in tiles),
                  FadeIn(plus), FadeIn(equals), FadeIn(answer), run_time=style.SHORT_RUN_TIME)
        row = Group(image, overlays, tiles, plus, equals, answer)
        row.tiles, row.answer = tiles, answer
        return row

    def part_tile(self, k: int, side: float, frame_color: ManimColor = HOPE_COLOR) -> PixelGrid:
        """The 9's part ``k`` alone, zoomed to its own window, in its colour."""
        mask = self.nine.masks[k]
        return window_tile(self.nine.pixels, [(mask, PART_COLORS[9][k])], square_window(mask), side,
                           frame_color=frame_color)

    @staticmethod
    def focus(diagram: NetworkDiagram) -> Conceal:
        """The diagram gives way to its last hidden layer: what comes before it goes (under one cover,
        clear of the layer), leaving room for the part pictures beside the layer's neurons."""
        return Conceal(focus_dropped(diagram), run_time=QUICK)

    def neuron_mark(self, neuron, k: int, words: str, index: int) -> Group:  # noqa: ANN001 (a Circle)
        """A ring round ``neuron`` and, left of its column in the room the diagram gave up, the 9's part
        ``k`` it is about, joined to the ring, with the neuron's number and ``words`` above or below it.
        ``.circle``, ``.thumb``, ``.link``, ``.words``."""
        circle = ring(neuron, color=HOPE_COLOR, scale=HOPE_RING_SCALE)
        y = float(np.clip(neuron.get_y(), -2.2 + THUMB_SIDE / 2, 3.1 - THUMB_SIDE / 2))  # under the layer name
        thumb = self.part_tile(k, THUMB_SIDE).move_to([neuron.get_x() - THUMB_GAP, y, 0.0])
        link = Line(thumb.get_right(), circle.get_left()).set_stroke(HOPE_COLOR, style.HIGHLIGHT_WIDTH * 0.7)
        lines = VGroup(label(self.text("neuron_n", n=index), style.TEXT_COLOR, LABEL_SIZE),
                       label(words, HOPE_COLOR, LABEL_SIZE)).arrange(DOWN, buff=0.1)
        # the words on the side of the thumb towards the column's middle (the ends are near the frame's edges)
        lines.next_to(thumb, UP if neuron.get_y() < style.DIAGRAM_CENTER[1] else DOWN, buff=0.15)
        mark = Group(circle, thumb, link, lines)
        mark.circle, mark.thumb, mark.link, mark.words = circle, thumb, link, lines
        return mark

    def fly_part(self, part: PartImage, k: int, thumb: PixelGrid) -> MoveToTarget:
        """A copy of the big 9's part ``k`` flies into ``thumb``'s place and size; the thumb takes over."""
        r0, r1, c0, c1 = square_window(self.nine.masks[k])
        corner = (part.cell_center(r0, c0) + part.cell_center(r1 - 1, c1 - 1)) / 2  # the window's centre
        copy = part.copy()
        copy.generate_target()
        copy.target.scale(thumb.side_length / (part.pixel_side * (r1 - r0)), about_point=corner)
        copy.target.shift(thumb.get_center() - corner)

        class _Fly(MoveToTarget):
            def clean_up_from_scene(self, scene) -> None:  # noqa: ANN001
                super().clean_up_from_scene(scene)
                scene.remove(copy)
                scene.add(thumb)

        return _Fly(copy)

    def measure_card(self, part: str, neuron: int) -> Group:
        """What the ringed ``neuron`` does over the test set: its mean activation on the test digits with
        ``part`` and on those usually without, each row a real test digit of every kind and a bar."""
        with_part, without_part = part_means(self.net, part)
        counts = [int(np.isin(nn.load_split("test").labels, digits).sum()) for digits in PART_DIGITS[part]]
        # as wide as the room left of the part pictures beside the column, in any language
        width = (self.view.neurons[self.last_hidden].get_x() - THUMB_GAP - THUMB_SIDE / 2 - 0.45) - CARD_LEFT
        title = wrapped_label(self.text("card_title", n=neuron, count=sum(counts)), width, style.TEXT_COLOR, LABEL_SIZE)
        card = Group(title)
        part_color = PART_COLORS[9][HOPE_NAMES.index(part)]
        for digits, value, color, key, count in zip(PART_DIGITS[part], (with_part[neuron], without_part[neuron]),
                                                    (part_color, WITHOUT_COLOR), (f"with_{part}", f"without_{part}"),
                                                    counts):
            head = wrapped_label(self.text(key, n=count), width, color, LABEL_SIZE)
            tiles = Group(*(DigitImage(i, side=CARD_TILE, frame=True) for i in first_test_images(digits)))
            for tile in tiles:
                tile.frame.set_stroke(color)
            tiles.arrange(RIGHT, buff=0.1)
            bar = Rectangle(width=max(float(value) * CARD_BAR, 0.02), height=CARD_BAR_HEIGHT)
            bar.set_stroke(width=0).set_fill(color, 0.9)
            number = label(self.text("mean_value", value=float(value)), color, LABEL_SIZE)
            bar_row = Group(bar, number).arrange(RIGHT, buff=0.15)
            card.add(Group(head, tiles, bar_row).arrange(DOWN, aligned_edge=LEFT, buff=0.15))
        card.arrange(DOWN, aligned_edge=LEFT, buff=0.35)
        card.move_to([CARD_LEFT, CARD_TOP, 0], aligned_edge=UP + LEFT)
        card.bars = Group(*(row[2] for row in card[1:]))
        for row in card[1:]:
            row.remove(row[2])
        card.add(card.bars)
        return card

    @staticmethod
    def grow_bars(card: Group) -> list:
        """The card's two mean activations: each bar grows from the left, its number fades in."""
        return [anim for bar, number in card.bars
                for anim in (GrowFromEdge(bar, LEFT), *fade_in(number))]

    def links(self, sources: list[int], target: int) -> VGroup:
        """Links from ``sources`` of the last hidden layer to output ``target``, in the hope colour, each
        reaching the output from the side (never grazing its neighbours)."""
        layer = self.last_hidden
        end = self.view.neuron(layer + 1, target).get_left()
        return VGroup(*(s_curve(self.view.neuron(layer, s).get_right(), end)
                        .set_stroke(HOPE_COLOR, style.HIGHLIGHT_WIDTH).set_fill(opacity=0) for s in sources))

    @staticmethod
    def split_into_edges(whole: PartImage, masks: list[np.ndarray], color) -> Group:  # noqa: ANN001
        """The part as edge pieces in place; ``.moves`` = (piece, outward shift, its new ``rgba``) each."""
        pieces, moves = Group(), []
        centre = np.mean(ink_bounds(whole), axis=0)
        for k, mask in enumerate(masks):
            piece = PartImage(whole.pixels, mask, color, side=whole.side_length).move_to(whole)
            shift = (np.mean(ink_bounds(piece), axis=0) - centre) * EXPLODE
            colour = color if k % 2 == 0 else PIECE_ALT_COLOR
            moves.append((piece, shift, PartImage(whole.pixels, mask, colour).rgba))
            pieces.add(piece)
        pieces.moves = moves
        return pieces

    @staticmethod
    def glowing(tile: PixelGrid) -> Group:
        """A hoped-for neuron drawn as a framed tile, with a glow behind it (dark until it lights up)."""
        glow = Rectangle(width=tile.width, height=tile.height).move_to(tile)
        return Group(glow.set_stroke(width=0).set_fill(GLOW_COLOR, 0.0), tile)

    @staticmethod
    def light(neuron: Group, on: bool = True) -> AnimationGroup:
        """A ``glowing`` tile lighting up (``on``) or going dark: the glow behind it and its frame's colour."""
        glow, tile = neuron
        if on:
            return AnimationGroup(glow.animate.set_fill(opacity=GLOW_OPACITY),
                                  tile.frame.animate.set_stroke(GLOW_COLOR, style.HIGHLIGHT_WIDTH))
        return AnimationGroup(glow.animate.set_fill(opacity=0.0),
                              tile.frame.animate.set_stroke(TILE_FRAME_COLOR, style.IMAGE_FRAME_WIDTH))

    @staticmethod
    def glow_behind(picture: Group, color: ManimColor = GLOW_COLOR) -> Rectangle:
        """A faint glow behind ``picture`` (a picture being named, or lit), framed in ``color``."""
        glow = Rectangle(width=picture.width + 0.2, height=picture.height + 0.2).move_to(picture)
        return glow.set_stroke(color, style.IMAGE_FRAME_WIDTH).set_fill(color, GLOW_OPACITY)

    def cascade(self) -> Group:
        """The hoped cascade as a made-up diagram (not our network) from the 9's real pieces: the 9; the
        first hidden layer as one neuron per short edge (a zoomed tile of it); the second as a loop and a
        line neuron; the output neuron for 9. Layers named; titled in the hope colour."""
        loop_masks, line_masks = edge_pieces(self.nine)
        image = ink_image(self.nine.pixels, side=HOPE_IMAGE).move_to([HOPE_X[0], HOPE_COLUMN_Y, 0])
        tag = within_frame(label_next_to(image, self.nine_tag))
        edges = Group(*(self.glowing(window_tile(self.nine.pixels, [(m, LOOP_COLOR if k < len(loop_masks) else LINE_COLOR)],
                                                 square_window(m, at_least=EDGE_WINDOW), HOPE_TILE, context=CONTEXT_ALPHA))
                        for k, m in enumerate(loop_masks + line_masks)))
        edges.arrange(DOWN, buff=HOPE_TILE_STEP - HOPE_TILE).move_to([HOPE_X[1], HOPE_COLUMN_Y, 0])
        part_tiles = Group(*(self.glowing(self.part_tile(k, HOPE_PART, frame_color=TILE_FRAME_COLOR))
                             .move_to([HOPE_X[2], y, 0]) for k, y in enumerate(HOPE_PART_YS)))
        part_names = VGroup(*(label_next_to(p, self.text(n), DOWN, font_size=LABEL_SIZE)
                              for p, n in zip(part_tiles, ("upper_loop", "long_line"))))
        output = VGroup(Circle(radius=HOPE_OUTPUT_RADIUS).set_stroke(style.NEURON_STROKE_COLOR, style.NEURON_STROKE_WIDTH)
                        .set_fill(style.NEURON_FILL_COLOR, 0.0).move_to([HOPE_X[3], HOPE_COLUMN_Y, 0]))
        output.add(MathTex(str(self.nine.label), font_size=style.FONT_SIZE_HEADING).next_to(output[0], RIGHT))
        n_loop = len(loop_masks)
        into_edges = VGroup(*(Line(image.get_right(), e.get_left()) for e in edges))
        into_parts = VGroup(*(Line(e.get_right(), part_tiles[0 if k < n_loop else 1].get_left())
                              for k, e in enumerate(edges)))
        centre = output[0].get_center()
        into_output = VGroup(*(Line(p.get_right(), centre - HOPE_OUTPUT_RADIUS * _unit(centre - p.get_right()))
                               for p in part_tiles))
        for group in (into_edges, into_parts, into_output):
            group.set_stroke(style.SECONDARY, style.EDGE_WIDTH, opacity=0.7)
        columns = [edges, part_tiles, output[0]]
        names = VGroup()
        for layer, column in enumerate(columns, start=1):  # a name longer than its room takes two lines
            name = wrapped_label(layer_name(layer, len(self.net.sizes)), HOPE_NAME_WIDTH, font_size=LABEL_SIZE)
            name.arrange(DOWN, buff=0.05).move_to([column.get_x(), 0, 0])
            names.add(name.shift(UP * (HOPE_NAMES_BOTTOM - name.get_bottom()[1])))
        names.add(tag)
        title = Text(self.text("made_up_diagram"), font_size=LABEL_SIZE, color=HOPE_COLOR)
        title.to_edge(UP, buff=style.FRAME_MARGIN * 0.3)
        return Group(image, edges, Group(part_tiles, part_names), output,
                     VGroup(into_edges, into_parts, into_output), names, title)

    def level_pictures(self, boxes: VGroup) -> Group:
        """Under each box of "pixels → edges → parts → digits", the 9 at that level: its pixels, its
        short edges, its two parts, the digit (coloured by its parts, room left for more digits)."""
        pixels = ink_image(self.nine.pixels, side=PICTURE_SIDE)
        edges = Group()
        whole = Group(*(PartImage(self.nine.pixels, m, c, side=PICTURE_SIDE) for m, c in
                        zip(self.nine.masks, PART_COLORS[9])))
        for part, masks, color in zip(whole, edge_pieces(self.nine), PART_COLORS[9]):
            group = self.split_into_edges(part, masks, color)
            for piece, shift, colours in group.moves:
                piece.shift(shift).set_rgba(colours)
            edges.add(group)
        parts = Group(*(self.part_tile(k, PICTURE_SIDE * 0.7, frame_color=TILE_FRAME_COLOR) for k in range(2)))
        parts.arrange(RIGHT, buff=0.15)
        digit = window_tile(self.nine.pixels, list(zip(self.nine.masks, PART_COLORS[9])),
                            square_window(ink_mask(self.nine.pixels)), DIGIT_TILE)
        pictures = Group(pixels, edges, parts, digit)
        for picture, box in zip(pictures[:3], boxes[:3]):
            picture.move_to([box.get_x(), PICTURE_Y, 0])
        digit.move_to([boxes[3].get_left()[0] + DIGIT_TILE / 2 + 0.05, PICTURE_Y, 0])
        return pictures

    @staticmethod
    def box_row(words: tuple[str, ...], color) -> VGroup:  # noqa: ANN001
        """Labelled boxes joined by arrows, left to right."""
        boxes = VGroup()
        for w in words:
            box = Rectangle(width=BOX_WIDTH, height=BOX_HEIGHT).set_stroke(color, style.IMAGE_FRAME_WIDTH)
            box.set_fill(color, BOX_FILL)
            boxes.add(VGroup(box, Text(w, font_size=style.FONT_SIZE_BODY, color=style.TEXT_COLOR).move_to(box)))
        boxes.arrange(RIGHT, buff=BOX_GAP)
        arrows = VGroup(*(Arrow(a.get_right(), b.get_left(), buff=style.LABEL_BUFF / 2, color=style.SECONDARY)
                          for a, b in zip(boxes[:-1], boxes[1:])))
        return VGroup(boxes, arrows)


def _unit(v: np.ndarray) -> np.ndarray:
    return v / np.linalg.norm(v)

"""Chapter 5 (5:31) Why layers?: what we *hope* the hidden layers do, then what our network does.

Beats (storyboard): a 9 = upper loop + line, an 8 = two loops, a 4 = three lines, every part cut
from a real MNIST test digit by a computed mask (``scenes.content.digit_parts``), never drawn by
hand; the hope that single neurons of the second hidden layer stand for such parts, and not for
one exact loop: several real 9s and 8s whose upper loops differ; parts add up to digits; parts
split into short edges; the hoped-for cascade edges → parts → digit, drawn as a labelled hope (a
made-up diagram, not our network, built from the same 9's real pieces); then our real trained
network reading the same 9 (genuine activations: not that tidy), with the neurons we pinned the
hope on marked and their real activations; layers of abstraction, in pictures and in speech; the
honest question, answered near the end of the film.

Which neurons are ringed "loop?" and "line?" is a rule on the real output weights (where we point
the hope, not a finding): ``hoped_neuron``.
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
    Indicate,
    LaggedStart,
    Line,
    ManimColor,
    MathTex,
    Rectangle,
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
    label_next_to,
    layer_name,
    ring,
    style,
)
from scenes.components.pixel_grid import rgba_image
from scenes.components.transitions import Conceal, Cover, FadeToBlack, Reveal, fade_out
from scenes.content.digit_parts import (
    DigitParts,
    first_clean_example,
    hole_centre,
    ink_mask,
    line_edges,
    loop_edges,
    varied_loops,
)
from scenes.runtime.narrated_scene import NarratedScene

SIDE = nn.IMAGE_SIDE
# --- layout of this chapter (manim units) ---------------------------------------------------------
ROW_YS = (2.0, 0.1, -1.8)  # the three equations (9, 8, 4), top to bottom
ROW_SIDE = 1.6  # side of a digit / part tile in an equation
DIGIT_X = -5.2  # the real digit, coloured by its parts, left of each equation
FIRST_TILE_X = -2.4  # first part tile of an equation
TILE_STEP = 2.3  # from one part tile to the next (a plus sign halfway)
SIGN_BUFF = 0.35  # between the last tile and "=", and between "=" and the digit
WINDOW_PAD = 1  # pixels of room round the ink in a zoomed tile
EDGE_WINDOW = 7  # pixels across the zoomed window round one short edge
CONTEXT_ALPHA = 0.3  # the rest of the digit, faint, round a zoomed short edge
BIG_SIDE = 3.6  # the 9, big, left of the diagram (side of its whole 28×28 grid) ...
BIG_CENTRE = LEFT * 4.6 + UP * 0.3  # ... centred here
THUMB_SIDE = 0.9  # part thumbnail beside a hoped-for neuron, in the gap left of its column
HOPE_RING_SCALE = 1.35  # rings round single neurons: clear of their neighbours (0.34 apart)
DIM_EDGES = 0.15  # edge opacity while hopes are pinned on neurons
LOOPS_SIDE = 1.1  # the varied 9s and 8s ...
LOOPS_GAP = 0.35
LOOPS_CENTRE = LEFT * 4.75 + UP * 0.3  # ... clear of the diagram's "784"
PART_SEPARATION = (LEFT * 0.5 + UP * 0.35, RIGHT * 0.9 + DOWN * 0.1)  # loop and line move apart
EXPLODE = 0.35  # an edge piece moves out by this × (its centre − the part's centre)
# the hoped cascade: the 9, its short edges, its parts, the output neuron (columns at these x)
HOPE_X = (-5.6, -2.6, 1.1, 4.6)
HOPE_IMAGE = 2.0  # side of the 9 entering it
HOPE_TILE = 0.56  # an edge neuron: a zoomed tile of its short edge ...
HOPE_TILE_STEP = 0.62  # ... stacked this far apart
HOPE_PART = 1.3  # a part neuron: a zoomed tile of its part ...
HOPE_PART_YS = (1.25, -1.25)  # ... at these heights
HOPE_OUTPUT_RADIUS = 0.3
HOPE_COLUMN_Y = 0.0  # the middle of the columns
HOPE_NAMES_Y = 3.05  # the layer names above them
GLOW_OPACITY = 0.2  # a hoped neuron lighting up: a glow this strong in the accent colour behind its tile
BOX_WIDTH, BOX_HEIGHT = 2.5, 0.8  # abstraction boxes
BOX_GAP = 0.8  # room for the arrow between two boxes
ROW_Y = (2.55, -1.45)  # the digit row and the speech row
PICTURE_Y = 1.15  # the pictures under the digit row's boxes ...
PICTURE_SIDE = 1.1
DIGIT_TILE = 0.75  # ... the digits there (a 9, then an 8 and a 4)
LEVELS_Y = 0.3  # the arrow "simpler → more abstract" under the pictures

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
DIGITS_IN_ORDER = (9, 8, 4)
OUTPUT_HOPE = {"loop": (8, 9), "line": (4, 9)}  # outputs a loop / right-line neuron should feed
HOPE_NAMES = ("loop", "line")


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


def hoped_neuron(net: nn.Network, outputs: tuple[int, ...]) -> int:
    """The second-hidden-layer neuron whose weakest real weight into ``outputs`` is largest.

    A neuron that stood for an upper loop would have to push both 8 and 9 up; this picks the
    one whose actual outgoing weights come closest. It is where we *point* the hope, not proof.
    """
    w = net.weights[-1][list(outputs)]  # (len(outputs), 16)
    return int(np.argmax(w.min(axis=0)))


def edge_pieces(nine: DigitParts) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """The 9's loop cut into short edges around its hole, and its line cut along its length."""
    return loop_edges(nine.masks[0], hole_centre(nine.pixels)), line_edges(nine.masks[1])


def s_curve(start: np.ndarray, end: np.ndarray) -> CubicBezier:
    """A link leaving ``start`` and reaching ``end`` horizontally: it meets a neuron in a column
    from the side, clear of that neuron's neighbours."""
    reach = (end[0] - start[0]) * 0.6
    return CubicBezier(start, start + RIGHT * reach, end + LEFT * reach, end)


class WhyLayers(NarratedScene):
    """Digits as parts, parts as hoped-for neurons, parts as edges, the hope against the real network."""

    def construct(self) -> None:
        self.net = nn.load_pretrained()
        self.examples = {d: first_clean_example(d) for d in DIGITS_IN_ORDER}
        self.nine = self.examples[9]
        self.diagram = NetworkDiagram(self.net)
        self.last_hidden = len(self.net.sizes) - 2
        self.hoped = [hoped_neuron(self.net, OUTPUT_HOPE[name]) for name in HOPE_NAMES]
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
            self.play(Reveal(self.diagram), run_time=style.RUN_TIME)
            beat.wait_until(1)  # what would those middle layers be doing?
            middle = highlight_box(VGroup(*self.diagram.neurons[1:self.last_hidden + 1]))
            question = Text("?", font_size=style.FONT_SIZE_TITLE, color=style.ACCENT)
            question.next_to(middle, DOWN, buff=style.LABEL_BUFF)
            self.play(Create(middle), FadeIn(question, scale=0.5), run_time=style.RUN_TIME)
            self.question = VGroup(middle, question)

    def digits_as_parts(self) -> None:
        with self.beat("digits-as-parts") as beat:
            self.play(Conceal(self.diagram, self.question), run_time=style.RUN_TIME)
            # unframed: the parts slide out of the digits without crossing a frame
            images = [ink_image(self.examples[d].pixels, side=ROW_SIDE, frame=False).move_to([DIGIT_X, y, 0])
                      for d, y in zip(DIGITS_IN_ORDER, ROW_YS)]
            self.play(LaggedStart(*(Reveal(image) for image in images), lag_ratio=0.4), run_time=style.RUN_TIME * 1.5)
            self.rows = Group()
            for sentence, (digit, image) in enumerate(zip(DIGITS_IN_ORDER, images), start=3):
                beat.wait_until(sentence)
                self.rows.add(self.build_equation(self.examples[digit], image))

    def part_neurons(self) -> None:
        with self.beat("part-neurons") as beat:
            self.play(Conceal(self.rows), run_time=style.RUN_TIME)
            self.big_nine = ink_image(self.nine.pixels, side=BIG_SIDE, frame=False).move_to(BIG_CENTRE)
            self.big_parts = Group(*(PartImage(self.nine.pixels, mask, color, side=BIG_SIDE).move_to(BIG_CENTRE)
                                     for mask, color in zip(self.nine.masks, PART_COLORS[9])))
            low, high = ink_bounds(*self.big_parts)
            self.big_tag = label_next_to(np.array([(low[0] + high[0]) / 2, low[1], 0.0]), self.nine_tag)
            self.play(Reveal(self.diagram, self.big_nine, self.big_parts, self.big_tag), run_time=style.RUN_TIME)
            # "now look at the second hidden layer": it is boxed and named
            column = self.diagram.neurons[self.last_hidden]
            box = highlight_box(column)
            self.layer_label = label_next_to(box, layer_name(self.last_hidden, len(self.net.sizes)), DOWN,
                                             color=style.ACCENT)
            self.play(Create(box), FadeIn(self.layer_label), self.diagram.edges.animate.set_stroke(opacity=DIM_EDGES),
                      run_time=style.RUN_TIME)
            beat.wait_until(2)  # one might respond to a loop at the top, another to a long upright line
            self.play(*fade_out(box), run_time=style.SHORT_RUN_TIME)
            self.hopes = Group()
            for k, (index, name) in enumerate(zip(self.hoped, HOPE_NAMES)):
                hope = self.neuron_hope(self.diagram.neuron(self.last_hidden, index), k, self.text(f"{name}_hope"))
                self.play(FadeIn(hope), run_time=style.RUN_TIME)
                self.hopes.add(hope)

    def any_loop(self) -> None:
        with self.beat("any-loop") as beat:
            loops, overlays = Group(), []
            for digit in (9, 8):
                for example in varied_loops(digit):
                    overlay = PartImage(example.pixels, example.masks[0], LOOP_COLOR, side=LOOPS_SIDE)
                    loops.add(Group(ink_image(example.pixels, side=LOOPS_SIDE, frame=True), overlay))
                    overlays.append(overlay)
            loops.arrange_in_grid(rows=2, buff=LOOPS_GAP).move_to(LOOPS_CENTRE)
            self.play(Conceal(self.big_nine, self.big_parts, self.big_tag), run_time=style.SHORT_RUN_TIME)
            beat.wait_until(1)
            self.play(LaggedStart(*(Reveal(tile) for tile in loops), lag_ratio=0.3), run_time=style.LAGGED_FADE_IN)
            beat.wait_until(2)  # any loop near the top should switch that neuron on
            loop_ring = self.hopes[0][0]
            copies = [overlay.copy() for overlay in overlays]
            self.play(LaggedStart(*(c.animate.scale(0.15).move_to(loop_ring) for c in copies), lag_ratio=0.15),
                      run_time=style.RUN_TIME * 2)
            self.remove(*copies)
            self.play(Indicate(loop_ring, color=HOPE_COLOR, scale_factor=1.6), run_time=style.RUN_TIME)
            self.loops = loops

    def parts_to_digits(self) -> None:
        with self.beat("parts-to-digits") as beat:
            # the loops give way to the 9 whose parts the hope is about
            self.play(Conceal(self.loops), run_time=style.SHORT_RUN_TIME)
            self.play(Reveal(self.big_parts, self.big_tag), run_time=style.SHORT_RUN_TIME)
            beat.wait_until(1)  # the output layer would only need to learn which parts belong together
            outputs = self.diagram.neurons[-1]
            out_box = highlight_box(VGroup(outputs, self.diagram.output_labels))
            out_label = label_next_to(out_box, layer_name(len(self.net.sizes) - 1, len(self.net.sizes)), DOWN,
                                      color=style.ACCENT)
            self.play(Create(out_box), FadeIn(out_label), run_time=style.RUN_TIME)
            beat.wait_until(2)  # a top loop plus a right line would mean nine
            self.play(*fade_out(out_box, out_label), run_time=style.SHORT_RUN_TIME)
            links = self.links(self.hoped, self.nine.label)
            output_ring = ring(self.diagram.neuron(self.last_hidden + 1, self.nine.label), color=HOPE_COLOR,
                               scale=HOPE_RING_SCALE)
            self.play(Create(links), run_time=style.RUN_TIME)
            self.play(Create(output_ring), run_time=style.SHORT_RUN_TIME)
            self.hopes.add(links, output_ring)

    def parts_as_edges(self) -> None:
        with self.beat("parts-as-edges") as beat:
            beat.wait_until(2)  # we break the problem down one more level
            wholes = self.big_parts
            self.play(*(whole.animate.shift(shift) for whole, shift in zip(wholes, PART_SEPARATION)),
                      *fade_out(self.big_tag), run_time=style.RUN_TIME)
            self.pieces = Group()
            for whole, masks, color in zip(wholes, edge_pieces(self.nine), PART_COLORS[9]):
                self.pieces.add(self.split_into_edges(whole, masks, color))
            self.remove(*wholes)
            self.add(self.pieces)
            counts = VGroup()
            for group, masks in zip(self.pieces, edge_pieces(self.nine)):
                low, high = ink_bounds(*group)
                below = np.array([(low[0] + high[0]) / 2, low[1], 0.0])
                counts.add(label_next_to(below, self.text("short_edges", n=len(masks))))
            for k, (group, count) in enumerate(zip(self.pieces, counts)):
                beat.wait_until(3 + k)  # the loop: a ring of six short edges; the line: a few in a row
                self.play(*(piece.animate.shift(shift).set_rgba(colours) for piece, shift, colours in group.moves),
                          run_time=style.RUN_TIME)
                self.play(Reveal(count), run_time=style.SHORT_RUN_TIME)
            self.edge_counts = counts

    def hoped_cascade(self) -> None:
        with self.beat("hoped-cascade") as beat:
            self.play(Conceal(self.diagram, self.hopes, self.pieces, self.edge_counts, self.layer_label),
                      run_time=style.RUN_TIME)
            cascade = self.cascade()
            image, edges, parts, output, lines, names, title = cascade
            self.play(Reveal(title, image, names), run_time=style.RUN_TIME)
            beat.wait_until(1)  # a nine arrives and lights up the edge neurons
            self.play(Create(lines[0]), LaggedStart(*(Reveal(e) for e in edges), lag_ratio=0.15),
                      run_time=style.RUN_TIME * 1.5)
            self.play(LaggedStart(*(self.light(e) for e in edges), lag_ratio=0.1), run_time=style.RUN_TIME)
            beat.wait_until(2)  # those edges switch on a loop neuron and a line neuron
            self.play(Create(lines[1]), Reveal(parts), run_time=style.RUN_TIME)
            self.play(*(self.light(p) for p in parts[0]), run_time=style.RUN_TIME)
            beat.wait_until(3)  # together they push the output for nine up
            self.play(Create(lines[2]), Reveal(output), run_time=style.RUN_TIME)
            self.play(output[0].animate.set_fill(opacity=1.0), run_time=style.RUN_TIME)
            self.cascade_group = cascade

    def real_cascade(self) -> None:
        with self.beat("real-cascade") as beat:
            self.play(Conceal(self.cascade_group), run_time=style.RUN_TIME)
            self.diagram.edges.set_stroke(opacity=style.EDGE_OPACITY)
            image = DigitImage(self.nine.pixels).to_corner(style.IMAGE_CORNER, buff=style.FRAME_MARGIN)
            tag = label_next_to(image, self.nine_tag)
            self.play(Reveal(image, tag, self.diagram), run_time=style.RUN_TIME)
            self.bring_to_back(image, tag)
            self.play(self.diagram.forward_pass(self.nine.pixels, layer_time=style.LAYER_PASS_TIME * 1.3, box=False))
            # the answer's box, snug: clear of the neighbouring output and its label
            nine = self.nine.label
            answer = highlight_box(VGroup(self.diagram.neuron(self.last_hidden + 1, nine),
                                          self.diagram.output_label(nine)), buff=style.HIGHLIGHT_BUFF / 3)
            self.play(Create(answer), run_time=style.BOX_TIME)
            beat.wait_until(3)  # none is clearly the loop neuron: where we pinned the hope, and what it really does
            activations = self.net.activations(self.nine.pixels)[self.last_hidden]
            self.hope_readings = {name: float(activations[j]) for name, j in zip(HOPE_NAMES, self.hoped)}
            marks = Group(*(self.reading_mark(self.diagram.neuron(self.last_hidden, j),
                                              self.text(f"{name}_reading", value=value))
                            for j, (name, value) in zip(self.hoped, self.hope_readings.items())))
            self.play(FadeIn(marks), run_time=style.RUN_TIME)
            self.real = Group(image, tag, answer, marks)

    def why_useful(self) -> None:
        with self.beat("why-useful") as beat:
            self.play(Conceal(self.diagram, self.real), run_time=style.RUN_TIME)
            digit_row = self.box_row(tuple(self.text(k) for k in ("pixels", "edges", "parts", "digits")), style.ACCENT)
            speech_row = self.box_row(tuple(self.text(k) for k in ("sounds", "syllables", "words", "phrases")),
                                      style.B_COLOR)
            digit_row.set_y(ROW_Y[0])
            speech_row.set_y(ROW_Y[1])
            headers = VGroup(*(label_next_to(row, words, UP).align_to(row, LEFT) for row, words in
                               ((digit_row, self.text("reading_a_digit")), (speech_row, self.text("understanding_speech")))))
            pictures = self.level_pictures(digit_row[0])
            self.play(Reveal(digit_row, headers[0], pictures), run_time=style.RUN_TIME)
            beat.wait_until(1)  # the same detectors, reused: an 8 and a 4 are built of such parts too
            others = Group()
            for digit in (8, 4):
                example = self.examples[digit]
                others.add(window_tile(example.pixels, list(zip(example.masks, PART_COLORS[digit])),
                                       square_window(ink_mask(example.pixels)), DIGIT_TILE))
            nine_tile = pictures[-1]
            others[0].next_to(nine_tile, RIGHT, buff=0.1)
            others[1].next_to(others[0], RIGHT, buff=0.1)
            self.play(LaggedStart(*(Reveal(o) for o in others), lag_ratio=0.5), run_time=style.RUN_TIME * 1.5)
            beat.wait_until(2)  # each level built from simpler pieces below
            boxes = digit_row[0]
            levels = Arrow(boxes[0].get_left() + RIGHT * 0.2, boxes[-1].get_right() + LEFT * 0.2,
                           buff=0, color=style.SECONDARY, stroke_width=style.HIGHLIGHT_WIDTH).set_y(LEVELS_Y)
            levels_label = label_next_to(levels, self.text("each_level"), DOWN, buff=style.LABEL_BUFF / 2)
            self.play(Create(levels), FadeIn(levels_label), run_time=style.RUN_TIME)
            beat.wait_until(3)
            speech_boxes, arrows = speech_row
            self.play(Reveal(headers[1]), run_time=style.SHORT_RUN_TIME)
            self.play(LaggedStart(*(Reveal(box, *arrows[k - 1:k]) for k, box in enumerate(speech_boxes)),
                                  lag_ratio=0.5), run_time=style.LAGGED_FADE_IN)
            self.rows_of_boxes = Group(digit_row, speech_row, headers, pictures, others, levels, levels_label)

    def honest_question(self) -> None:
        with self.beat("honest-question"):
            self.play(Conceal(self.rows_of_boxes), run_time=style.RUN_TIME)
            question = Text(self.text("really_question"), font_size=style.FONT_SIZE_HEADING,
                            t2c={self.text("really_word"): style.ACCENT})
            self.play(Reveal(question), run_time=style.RUN_TIME)

    # --- helpers ---------------------------------------------------------------------------------
    def build_equation(self, example: DigitParts, image: PartImage) -> Group:
        """Colour the digit's parts on ``image`` (on screen), slide zoomed copies into "part + part = digit"."""
        colors = PART_COLORS[example.label]
        y = image.get_y()
        overlays = Group(*(PartImage(example.pixels, mask, color, side=ROW_SIDE).move_to(image)
                           for mask, color in zip(example.masks, colors)))
        self.play(FadeIn(overlays, lag_ratio=0.5), run_time=style.RUN_TIME)
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
                  run_time=style.RUN_TIME)
        self.play(*(tile.frame.animate.set_stroke(opacity=1.0) for tile in tiles),
                  FadeIn(plus), FadeIn(equals), FadeIn(answer), run_time=style.SHORT_RUN_TIME)
        return Group(image, overlays, tiles, plus, equals, answer)

    def part_tile(self, k: int, side: float, frame_color: ManimColor = HOPE_COLOR) -> PixelGrid:
        """The 9's part ``k`` alone, zoomed to its own window, in its colour."""
        mask = self.nine.masks[k]
        return window_tile(self.nine.pixels, [(mask, PART_COLORS[9][k])], square_window(mask), side,
                           frame_color=frame_color)

    def gap_left_of(self, neuron) -> np.ndarray:  # noqa: ANN001 (a Circle)
        """The middle of the gap between the last hidden column and the one before it, at ``neuron``'s height."""
        x = (self.diagram.neurons[self.last_hidden - 1].get_x() + self.diagram.neurons[self.last_hidden].get_x()) / 2
        return np.array([x, neuron.get_y(), 0.0])

    def neuron_hope(self, neuron, k: int, words: str) -> Group:  # noqa: ANN001 (a Circle)
        """A ring round ``neuron`` and, in the gap left of its column (away from its links to the
        outputs), the part it might stand for, named."""
        circle = ring(neuron, color=HOPE_COLOR, scale=HOPE_RING_SCALE)
        thumb = self.part_tile(k, THUMB_SIDE).move_to(self.gap_left_of(neuron))
        words_mob = label_next_to(thumb, words, DOWN, color=HOPE_COLOR)
        if words_mob.get_bottom()[1] < self.diagram.neurons[0].get_bottom()[1]:  # low in the column: name above
            words_mob.next_to(thumb, UP, buff=style.LABEL_BUFF)
        return Group(circle, Cover(thumb), thumb, Cover(words_mob), words_mob)

    def reading_mark(self, neuron, words: str) -> Group:  # noqa: ANN001 (a Circle)
        """A hoped-for neuron in the real network: ringed, and named with its real activation (one word a
        line) in the gap left of its column."""
        circle = ring(neuron, color=HOPE_COLOR, scale=HOPE_RING_SCALE)
        words_mob = VGroup(*(Text(line, font_size=style.FONT_SIZE_SMALL, color=HOPE_COLOR) for line in words.split()))
        words_mob.arrange(DOWN, buff=style.LABEL_BUFF / 3).move_to(self.gap_left_of(neuron))
        return Group(circle, Cover(words_mob), words_mob)

    def links(self, sources: list[int], target: int) -> VGroup:
        """Links from ``sources`` of the last hidden layer to output ``target``, in the hope colour, each
        reaching the output from the side (never grazing its neighbours)."""
        layer = self.last_hidden
        end = self.diagram.neuron(layer + 1, target).get_left()
        return VGroup(*(s_curve(self.diagram.neuron(layer, s).get_right(), end)
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
    def light(neuron: Group) -> AnimationGroup:
        """A ``glowing`` tile lighting up: the glow behind it comes on and its frame turns the accent colour."""
        glow, tile = neuron
        return AnimationGroup(glow.animate.set_fill(opacity=GLOW_OPACITY),
                              tile.frame.animate.set_stroke(GLOW_COLOR, style.HIGHLIGHT_WIDTH))

    def cascade(self) -> Group:
        """The hoped cascade as a made-up diagram (not our network) from the 9's real pieces: the 9; the
        first hidden layer as one neuron per short edge (a zoomed tile of it); the second as a loop and a
        line neuron; the output neuron for 9. Layers named; titled in the hope colour."""
        loop_masks, line_masks = edge_pieces(self.nine)
        image = ink_image(self.nine.pixels, side=HOPE_IMAGE).move_to([HOPE_X[0], HOPE_COLUMN_Y, 0])
        tag = label_next_to(image, self.nine_tag)
        edges = Group(*(self.glowing(window_tile(self.nine.pixels, [(m, LOOP_COLOR if k < len(loop_masks) else LINE_COLOR)],
                                                 square_window(m, at_least=EDGE_WINDOW), HOPE_TILE, context=CONTEXT_ALPHA))
                        for k, m in enumerate(loop_masks + line_masks)))
        edges.arrange(DOWN, buff=HOPE_TILE_STEP - HOPE_TILE).move_to([HOPE_X[1], HOPE_COLUMN_Y, 0])
        part_tiles = Group(*(self.glowing(self.part_tile(k, HOPE_PART, frame_color=TILE_FRAME_COLOR))
                             .move_to([HOPE_X[2], y, 0]) for k, y in enumerate(HOPE_PART_YS)))
        part_names = VGroup(*(label_next_to(p, self.text(n), DOWN) for p, n in zip(part_tiles, ("upper_loop", "long_line"))))
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
        names = VGroup(*(label_next_to(column, layer_name(layer, len(self.net.sizes)), UP).set_y(HOPE_NAMES_Y)
                         for layer, column in enumerate(columns, start=1)), tag)
        title = Text(self.text("made_up_diagram"), font_size=style.FONT_SIZE_SMALL, color=HOPE_COLOR)
        title.to_edge(UP, buff=style.FRAME_MARGIN)
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
            boxes.add(VGroup(box, Text(w, font_size=style.FONT_SIZE_BODY, color=style.TEXT_COLOR).move_to(box)))
        boxes.arrange(RIGHT, buff=BOX_GAP)
        arrows = VGroup(*(Arrow(a.get_right(), b.get_left(), buff=style.LABEL_BUFF / 2, color=style.SECONDARY)
                          for a, b in zip(boxes[:-1], boxes[1:])))
        return VGroup(boxes, arrows)


def _unit(v: np.ndarray) -> np.ndarray:
    return v / np.linalg.norm(v)

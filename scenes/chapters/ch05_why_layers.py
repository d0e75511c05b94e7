"""Chapter 5 (5:31) Why layers?: what we *hope* the hidden layers do, then what our network does.

Beats (storyboard): a 9 = upper loop + line, an 8 = two loops, a 4 = three lines, every part cut
from a real MNIST test digit by a computed mask (``scenes.content.digit_parts``), never drawn by
hand; the hope that single neurons of the second hidden layer stand for such parts, and not for
one exact loop: several real 9s and 8s whose upper loops differ; parts add up to digits; parts
split into short edges; the hoped-for cascade edges → parts → digit, drawn as a labelled hope (a
schematic, not our network); then our real trained network reading the same 9 (genuine
activations: not that tidy); layers of abstraction in speech; the honest question, answered in
chapter 11.

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
    Arrow,
    Create,
    FadeIn,
    Group,
    LaggedStart,
    Line,
    MathTex,
    Rectangle,
    Text,
    VGroup,
)

import nn
from scenes.components import DigitImage, NetworkDiagram, PartImage, label_next_to, ring, style
from scenes.components.transitions import Conceal, Cover, FadeToBlack, Reveal
from scenes.content.digit_parts import (
    DigitParts,
    first_clean_example,
    hole_centre,
    line_edges,
    loop_edges,
    varied_loops,
)
from scenes.pipeline.chapter_scene import ChapterScene

# --- layout of this chapter (manim units) ---------------------------------------------------------
ROW_YS = (2.0, 0.1, -1.8)  # the three equations (9, 8, 4), top to bottom
ROW_SIDE = 1.6  # side of a digit / part tile in an equation
DIGIT_X = -5.2  # the real digit, coloured by its parts, left of each equation
FIRST_TILE_X = -2.4  # first part tile of an equation
TILE_STEP = 2.3  # from one part tile to the next (a plus sign halfway)
SIGN_BUFF = 0.35  # between the last tile and "=", and between "=" and the digit
BIG_SIDE = 3.6  # the 9, big, left of the diagram (side of its whole 28×28 grid) ...
BIG_CENTRE = LEFT * 4.6 + UP * 0.3  # ... centred here
THUMB_SIDE = 0.9  # part thumbnail beside a hoped-for neuron, between the last two columns
DIM_EDGES = 0.15  # edge opacity while hopes are pinned on neurons
LOOPS_SIDE = 1.2  # the varied 9s and 8s
LOOPS_GAP = 0.5
PART_SEPARATION = (LEFT * 0.5 + UP * 0.35, RIGHT * 0.9 + DOWN * 0.1)  # loop and line move apart
EXPLODE = 0.35  # an edge piece moves out by this × (its centre − the part's centre)
HOPE_TILE = 0.55  # the hoped cascade: edge tiles ...
HOPE_PART = 1.1  # ... part tiles ...
HOPE_X = (-4.0, -1.0, 2.2, 5.0)  # ... columns: the 9, its edges, its parts, the digit
BOX_WIDTH, BOX_HEIGHT = 2.5, 0.8  # speech boxes
BOX_GAP = 0.8  # room for the arrow between two boxes
ROW_GAP = 1.3  # between the digit row and the speech row

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
DIGITS_IN_ORDER = (9, 8, 4)
OUTPUT_HOPE = {"loop": (8, 9), "line": (4, 9)}  # outputs a loop / right-line neuron should feed


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


class WhyLayers(ChapterScene):
    """Digits as parts, parts as hoped-for neurons, parts as edges, the hope against the real network."""

    def construct(self) -> None:
        self.net = nn.load_pretrained()
        self.examples = {d: first_clean_example(d) for d in DIGITS_IN_ORDER}
        self.nine = self.examples[9]
        self.diagram = NetworkDiagram(self.net)
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
            self.show_title()
            question = Text("?", font_size=120, color=style.ACCENT).move_to(VGroup(*self.diagram.neurons[1:3]))
            self.play(Reveal(self.diagram), run_time=style.RUN_TIME)
            beat.wait_until(1)
            self.play(FadeIn(question, scale=0.5), run_time=style.RUN_TIME)
            self.question = question

    def digits_as_parts(self) -> None:
        with self.beat("digits-as-parts") as beat:
            self.play(Conceal(self.diagram, self.question), run_time=style.RUN_TIME)
            images = [ink_image(self.examples[d].pixels, side=ROW_SIDE).move_to([DIGIT_X, y, 0])
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
            self.play(Reveal(self.diagram, self.big_nine, self.big_parts), run_time=style.RUN_TIME)
            last_hidden = len(self.net.sizes) - 2
            self.hoped = [hoped_neuron(self.net, OUTPUT_HOPE[name]) for name in ("loop", "line")]
            self.play(self.diagram.edges.animate.set_stroke(opacity=DIM_EDGES), run_time=style.SHORT_RUN_TIME)
            beat.wait_until(1)
            self.hopes = Group()
            for k, (index, name) in enumerate(zip(self.hoped, ("loop", "line"))):
                beat.wait_until(1 + k)
                hope = self.neuron_hope(self.diagram.neuron(last_hidden, index), k, f"{name}?")
                self.play(FadeIn(hope), run_time=style.RUN_TIME)
                self.hopes.add(hope)

    def any_loop(self) -> None:
        with self.beat("any-loop") as beat:
            loops = Group()
            for digit in (9, 8):
                for example in varied_loops(digit):
                    tile = Group(ink_image(example.pixels, side=LOOPS_SIDE, frame=True),
                                 PartImage(example.pixels, example.masks[0], LOOP_COLOR, side=LOOPS_SIDE))
                    loops.add(tile)
            loops.arrange_in_grid(rows=2, buff=LOOPS_GAP).move_to(BIG_CENTRE)
            self.play(Conceal(self.big_nine, self.big_parts), run_time=style.SHORT_RUN_TIME)
            beat.wait_until(1)
            self.play(LaggedStart(*(Reveal(tile) for tile in loops), lag_ratio=0.3), run_time=style.LAGGED_FADE_IN)
            self.loops = loops

    def parts_to_digits(self) -> None:
        with self.beat("parts-to-digits") as beat:
            last_hidden = len(self.net.sizes) - 2
            links = self.links(last_hidden, self.hoped, self.nine.label)
            output_ring = ring(self.diagram.neuron(last_hidden + 1, self.nine.label), color=HOPE_COLOR)
            beat.wait_until(1)
            self.play(Create(links), run_time=style.RUN_TIME)
            self.play(Create(output_ring), run_time=style.SHORT_RUN_TIME)
            self.hopes.add(links, output_ring)

    def parts_as_edges(self) -> None:
        with self.beat("parts-as-edges") as beat:
            self.play(Conceal(self.loops), run_time=style.SHORT_RUN_TIME)
            self.play(Reveal(self.big_parts), run_time=style.SHORT_RUN_TIME)
            beat.wait_until(3)
            wholes = self.big_parts
            self.play(*(whole.animate.shift(shift) for whole, shift in zip(wholes, PART_SEPARATION)),
                      run_time=style.RUN_TIME)
            self.pieces = Group()
            for whole, masks, color in zip(wholes, edge_pieces(self.nine), PART_COLORS[9]):
                self.pieces.add(self.split_into_edges(whole, masks, color))
            self.remove(*wholes)
            self.add(self.pieces)
            self.play(*(piece.animate.shift(shift).set_rgba(colours)
                        for group in self.pieces for piece, shift, colours in group.moves),
                      run_time=style.RUN_TIME)
            counts = VGroup()
            for group, masks in zip(self.pieces, edge_pieces(self.nine)):
                low, high = ink_bounds(*group)
                counts.add(label_next_to(np.array([(low[0] + high[0]) / 2, low[1], 0.0]), f"{len(masks)} short edges"))
            self.play(Reveal(counts), run_time=style.SHORT_RUN_TIME)
            self.edge_counts = counts

    def hoped_cascade(self) -> None:
        with self.beat("hoped-cascade") as beat:
            self.play(Conceal(self.diagram, self.hopes, self.pieces, self.edge_counts), run_time=style.RUN_TIME)
            cascade = self.cascade()
            image, edges, parts, digit, lines_in, lines_out, title = cascade
            self.play(Reveal(title, image), run_time=style.SHORT_RUN_TIME)
            beat.wait_until(1)
            self.play(Create(lines_in[0]), LaggedStart(*(Reveal(e) for e in edges), lag_ratio=0.15),
                      run_time=style.RUN_TIME * 1.5)
            beat.wait_until(2)
            self.play(Create(lines_in[1]), LaggedStart(*(Reveal(p) for p in parts), lag_ratio=0.3), run_time=style.RUN_TIME)
            beat.wait_until(3)
            self.play(Create(lines_out), Reveal(digit), run_time=style.RUN_TIME)
            self.cascade_group = cascade

    def real_cascade(self) -> None:
        with self.beat("real-cascade") as beat:
            self.play(Conceal(self.cascade_group), run_time=style.RUN_TIME)
            self.diagram.edges.set_stroke(opacity=style.EDGE_OPACITY)
            image = DigitImage(self.nine.pixels).to_corner(style.IMAGE_CORNER, buff=style.FRAME_MARGIN)
            tag = label_next_to(image, f"test #{self.nine.index}, a 9")
            self.play(Reveal(image, tag, self.diagram), run_time=style.RUN_TIME)
            self.bring_to_back(image, tag)
            self.play(self.diagram.forward_pass(self.nine.pixels, layer_time=style.LAYER_PASS_TIME * 1.3))
            self.real = Group(image, tag)

    def why_useful(self) -> None:
        with self.beat("why-useful") as beat:
            self.play(Conceal(self.diagram, self.real), run_time=style.RUN_TIME)
            digit_row = self.box_row(("pixels", "edges", "parts", "digits"), style.ACCENT)
            speech_row = self.box_row(("sounds", "syllables", "words", "phrases"), style.B_COLOR)
            VGroup(digit_row, speech_row).arrange(DOWN, buff=ROW_GAP).shift(UP * 0.3)
            headers = VGroup(*(label_next_to(row, words, UP).align_to(row, LEFT) for row, words in
                               ((digit_row, "reading a digit (our hope)"), (speech_row, "understanding speech"))))
            self.play(Reveal(digit_row, headers[0]), run_time=style.RUN_TIME)
            beat.wait_until(3)
            boxes, arrows = speech_row
            self.play(Reveal(headers[1]), run_time=style.SHORT_RUN_TIME)
            self.play(LaggedStart(*(Reveal(box, *arrows[k - 1:k]) for k, box in enumerate(boxes)), lag_ratio=0.5),
                      run_time=style.LAGGED_FADE_IN)
            self.rows_of_boxes = VGroup(digit_row, speech_row, headers)

    def honest_question(self) -> None:
        with self.beat("honest-question"):
            self.play(Conceal(self.rows_of_boxes), run_time=style.RUN_TIME)
            question = Text("Does the trained network really do this?", font_size=style.FONT_SIZE_HEADING,
                            t2c={"really": style.ACCENT})
            self.play(Reveal(question), run_time=style.RUN_TIME)

    # --- helpers ---------------------------------------------------------------------------------
    def build_equation(self, example: DigitParts, image: PartImage) -> Group:
        """Colour the digit's parts on ``image`` (on screen), slide copies into "part + part = digit"."""
        colors = PART_COLORS[example.label]
        y = image.get_y()
        overlays = Group(*(PartImage(example.pixels, mask, color, side=ROW_SIDE).move_to(image)
                           for mask, color in zip(example.masks, colors)))
        self.play(FadeIn(overlays, lag_ratio=0.5), run_time=style.RUN_TIME)
        tiles = Group(*(PartImage(example.pixels, mask, color, side=ROW_SIDE, frame=True, frame_color=TILE_FRAME_COLOR)
                        .move_to(image) for mask, color in zip(example.masks, colors)))
        for tile in tiles:
            tile.frame.set_stroke(opacity=0)  # the frames show once the tiles are in place
        targets = [np.array([FIRST_TILE_X + k * TILE_STEP, y, 0.0]) for k in range(len(tiles))]
        plus = VGroup(*(MathTex("+", font_size=style.FONT_SIZE_HEADING).move_to((targets[k] + targets[k + 1]) / 2)
                        for k in range(len(tiles) - 1)))
        equals = MathTex("=", font_size=style.FONT_SIZE_HEADING)
        equals.next_to(targets[-1] + RIGHT * ROW_SIDE / 2, RIGHT, buff=SIGN_BUFF)
        answer = MathTex(str(example.label), font_size=style.FONT_SIZE_TITLE).next_to(equals, RIGHT, buff=SIGN_BUFF)
        self.add(tiles)
        self.play(*(tile.animate.move_to(t) for tile, t in zip(tiles, targets)), run_time=style.RUN_TIME)
        self.play(*(tile.frame.animate.set_stroke(opacity=1.0) for tile in tiles),
                  FadeIn(plus), FadeIn(equals), FadeIn(answer), run_time=style.SHORT_RUN_TIME)
        return Group(image, overlays, tiles, plus, equals, answer)

    def neuron_hope(self, neuron, k: int, words: str) -> Group:  # noqa: ANN001 (a Circle)
        """A ring round ``neuron`` and, between the last two columns, the part it might stand for."""
        circle = ring(neuron, color=HOPE_COLOR)
        thumb = PartImage(self.nine.pixels, self.nine.masks[k], PART_COLORS[9][k], side=THUMB_SIDE,
                          frame=True, frame_color=HOPE_COLOR)
        gap_x = (self.diagram.neurons[-2].get_x() + self.diagram.neurons[-1].get_x()) / 2
        thumb.move_to([gap_x, neuron.get_y(), 0])
        backing = Cover(thumb)
        words_mob = label_next_to(thumb, words, DOWN, color=HOPE_COLOR)
        return Group(circle, backing, thumb, Cover(words_mob), words_mob)

    def links(self, layer: int, sources: list[int], target: int) -> VGroup:
        """Copies of the drawn edges from ``sources`` in ``layer`` to ``target`` in the next, in the hope colour."""
        pairs = self.diagram.edge_pairs(layer)
        return VGroup(*(edge.copy().set_stroke(HOPE_COLOR, style.HIGHLIGHT_WIDTH, opacity=1.0)
                        for edge, (t, s) in zip(self.diagram.edges[layer], pairs) if t == target and s in sources))

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

    def cascade(self) -> Group:
        """The hoped cascade as a schematic (not our network): the 9, its short edges, its two parts, the
        digit, joined by lines; titled in the hope colour."""
        loop_masks, line_masks = edge_pieces(self.nine)
        image = ink_image(self.nine.pixels, side=HOPE_PART * 1.8).move_to([HOPE_X[0], 0, 0])
        edges = Group(*(PartImage(self.nine.pixels, m, LOOP_COLOR if k < len(loop_masks) else LINE_COLOR,
                                  side=HOPE_TILE, frame=True, frame_color=TILE_FRAME_COLOR)
                        for k, m in enumerate(loop_masks + line_masks)))
        edges.arrange(DOWN, buff=0.08).move_to([HOPE_X[1], 0, 0])
        parts = Group(*(PartImage(self.nine.pixels, m, c, side=HOPE_PART, frame=True, frame_color=HOPE_COLOR)
                        for m, c in zip(self.nine.masks, PART_COLORS[9])))
        parts.arrange(DOWN, buff=0.8).move_to([HOPE_X[2], 0, 0])
        names = VGroup(*(label_next_to(p, n, RIGHT) for p, n in zip(parts, ("upper loop", "long line"))))
        digit = MathTex("9", font_size=style.FONT_SIZE_TITLE * 1.4).move_to([HOPE_X[3], 0, 0])
        n_loop = len(loop_masks)
        into_parts = VGroup(*(Line(e.get_right(), parts[0 if k < n_loop else 1].get_left()) for k, e in enumerate(edges)))
        into_edges = VGroup(*(Line(image.get_right(), e.get_left()) for e in edges))
        for group in (into_parts, into_edges):
            group.set_stroke(style.SECONDARY, style.EDGE_WIDTH, opacity=0.7)
        out = VGroup(*(Arrow(n.get_right(), digit.get_left(), buff=0.15, color=style.SECONDARY) for n in names))
        title = Text("our hope, drawn by hand: not our network", font_size=style.FONT_SIZE_SMALL, color=HOPE_COLOR)
        title.to_edge(UP, buff=style.FRAME_MARGIN)
        return Group(image, edges, Group(parts, names), digit, VGroup(into_edges, into_parts), out, title)

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

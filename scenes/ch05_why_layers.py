"""Chapter 5 (5:31) Why layers?: what we *hope* the hidden layers do, built from real digit parts.

A 9 = upper loop + line, an 8 = two loops, a 4 = three lines: every part is cut from a real
MNIST test digit by a computed mask (``scenes.components.digit_parts``: holes found with
``scipy.ndimage``, strokes split by direction), never drawn by hand, and drawn as one image each
(``PartImage``: the masked pixels in the part's colour, opacity = pixel value). The parts slide into
equations; then the hope that single neurons of the last hidden layer stand for such parts, that
parts split into short edges (computed sectors and pieces), and that the layers go edges → parts →
digits. The same layering in speech. It ends on the honest question, answered in chapter 11 with
the network's real weights.

Which neurons are labelled "loop?" and "line?" is a rule on the real output weights (a hope, shown
with a question mark, not a finding): ``hoped_neuron``.
"""
from __future__ import annotations

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Arrow,
    Circle,
    Create,
    FadeIn,
    FadeOut,
    Group,
    MathTex,
    Rectangle,
    Text,
    VGroup,
)

import nn
from scenes.components import ChapterScene, NetworkDiagram, PartImage, caption, heading, style
from scenes.components.fades import conceal, cover, reveal
from scenes.components.digit_parts import (
    DigitParts,
    first_clean_example,
    hole_centre,
    line_edges,
    loop_edges,
)

# --- layout constants of this chapter ----------------------------------------------------------
ROW_YS = (2.0, 0.0, -2.0)  # the three equations (9, 8, 4), top to bottom
ROW_SIDE = 1.6  # side of a digit / part tile in an equation
DIGIT_X = -5.2  # the real digit, coloured by its parts, left of each equation
FIRST_TILE_X = -2.4  # first part tile of an equation
TILE_STEP = 2.3  # from one part tile to the next (a plus sign halfway)
SIGN_BUFF = 0.35  # between the last tile and "=", and between "=" and the digit
DIAGRAM_SCALE = 0.75  # the 784-16-16-10 diagram on the right ...
DIAGRAM_CENTRE = RIGHT * 3.2 + DOWN * 0.3  # ... its centre
THUMB_SIDE = 0.9  # part thumbnail beside a hoped-for neuron
THUMB_OFFSET = 0.8  # from the neuron's centre to the thumbnail's centre (leftwards)
RING_SCALE = 1.6  # yellow ring round a hoped-for neuron, relative to the neuron
BIG_SIDE = 4.0  # the 9, big, left of the diagram (side of its whole 28×28 grid) ...
BIG_CENTRE = LEFT * 4.0 + UP * 0.5  # ... centred here
PART_SEPARATION = (LEFT * 0.8 + UP * 0.4, RIGHT * 1.6 + DOWN * 0.1)  # loop and line move apart
PIECE_LABEL_BUFF = 0.3  # "n short edges" under the split parts
EXPLODE = 0.35  # an edge piece moves out by this × (its centre − the part's centre)
LAYER_LABEL_BUFF = 0.2  # hope labels above the diagram's columns
BOX_WIDTH, BOX_HEIGHT = 2.5, 0.8  # speech boxes
BOX_GAP = 0.8  # room for the arrow between two boxes
ROW_GAP = 1.6  # between the digit row and the speech row
ROW_HEADER_BUFF = 0.2  # a row's small header above its boxes

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
    corners = np.array(corners)
    low, high = corners.min(axis=0), corners.max(axis=0)
    low[2] = high[2] = 0.0
    return low, high


def hoped_neuron(net: nn.Network, outputs: tuple[int, ...]) -> int:
    """The last-hidden-layer neuron whose weakest real weight into ``outputs`` is largest.

    A neuron that stood for an upper loop would have to push both 8 and 9 up; this picks the
    one whose actual outgoing weights come closest. It is where we *point* the hope, not proof.
    """
    w = net.weights[-1][list(outputs)]  # (len(outputs), 16)
    return int(np.argmax(w.min(axis=0)))


class WhyLayers(ChapterScene):
    """Digits as parts, parts as hoped-for neurons, parts as edges, layers of abstraction."""

    def construct(self) -> None:
        self.net = nn.load_pretrained()
        self.examples = {d: first_clean_example(d) for d in DIGITS_IN_ORDER}
        self.caption_text: Text | None = None
        self.open_question()
        self.digits_as_parts()
        self.parts_as_neurons()
        self.parts_as_edges()
        self.layers_of_abstraction()
        self.abstraction_in_speech()
        self.honest_question()

    # --- steps ---------------------------------------------------------------------------------
    def open_question(self) -> None:
        self.title = heading("Why layers?")
        reveal(self, self.title)
        self.say("What might the hidden layers do? A hope:")
        self.wait(style.PAUSE)

    def digits_as_parts(self) -> None:
        self.rows = Group()
        for digit, y in zip(DIGITS_IN_ORDER, ROW_YS):
            self.say(self.part_sentence(digit))
            self.rows.add(self.build_equation(self.examples[digit], y))
            if digit == DIGITS_IN_ORDER[0]:
                self.beat("a 9 is a loop plus a line")
        self.say("Each part: real MNIST pixels, a computed mask")
        self.wait(style.LONG_PAUSE)
        self.beat("digits as sums of parts")

    def parts_as_neurons(self) -> None:
        conceal(self, self.rows, self.title)
        self.diagram = NetworkDiagram(self.net).scale(DIAGRAM_SCALE).move_to(DIAGRAM_CENTRE)
        reveal(self, self.diagram)
        nine = self.examples[9]
        self.big_nine = ink_image(nine.pixels, side=BIG_SIDE, frame=False).move_to(BIG_CENTRE)
        self.big_parts = Group(*(
            PartImage(nine.pixels, mask, color, side=BIG_SIDE).move_to(BIG_CENTRE)
            for mask, color in zip(nine.masks, PART_COLORS[nine.label])
        ))
        reveal(self, self.big_nine, self.big_parts)
        self.say("Maybe one neuron of layer 2 for each part?")
        self.hopes = Group()
        last_hidden = len(self.net.sizes) - 2
        hoped = [hoped_neuron(self.net, OUTPUT_HOPE[name]) for name in ("loop", "line")]
        for index, name, part in zip(hoped, ("loop", "line"), (0, 1)):
            hope = self.neuron_hope(self.diagram.neuron(last_hidden, index), nine, part, f"{name}?")
            self.play(FadeIn(hope), run_time=style.RUN_TIME)
            self.hopes.add(hope)
        self.wait(style.LONG_PAUSE)
        self.beat("one neuron per part?")
        self.say(f"If both lit up, they would push the output {nine.label} up")
        links = self.links(last_hidden, hoped, nine.label)
        output_ring = self.ring(self.diagram.neuron(last_hidden + 1, nine.label))
        self.play(Create(links), run_time=style.RUN_TIME)
        self.play(Create(output_ring), run_time=style.SHORT_RUN_TIME)
        self.hopes.add(links, output_ring)
        self.wait(style.LONG_PAUSE)
        self.beat("parts add up to a digit?")

    def parts_as_edges(self) -> None:
        nine = self.examples[9]
        self.say("Parts split further into short edges")
        wholes = self.big_parts
        curtain = cover(self.big_nine).set_fill(opacity=0.0)  # fades the gray digit out from under its parts
        self.add(curtain)
        self.bring_to_front(wholes)
        self.play(curtain.animate.set_fill(opacity=1.0),
                  *(whole.animate.shift(shift) for whole, shift in zip(wholes, PART_SEPARATION)),
                  run_time=style.RUN_TIME)
        self.remove(self.big_nine, curtain)
        centre = hole_centre(nine.pixels)
        piece_masks = (loop_edges(nine.masks[0], centre), line_edges(nine.masks[1]))
        self.pieces = Group()
        for whole, masks, color in zip(wholes, piece_masks, PART_COLORS[9]):
            self.pieces.add(self.split_into_edges(whole, masks, color))
        self.remove(*wholes)
        self.add(self.pieces)
        self.play(*(piece.animate.shift(shift).set_rgba(colours)
                    for group in self.pieces for piece, shift, colours in group.moves),
                  run_time=style.RUN_TIME)
        counts = VGroup()
        for group, masks in zip(self.pieces, piece_masks):
            low, high = ink_bounds(*group)  # under the drawn squares, centred on them
            counts.add(Text(f"{len(masks)} short edges", font_size=style.FONT_SIZE_SMALL, color=style.SECONDARY)
                       .next_to(np.array([(low[0] + high[0]) / 2, low[1], 0.0]), DOWN, buff=PIECE_LABEL_BUFF))
        reveal(self, counts, run_time=style.SHORT_RUN_TIME)
        self.edge_counts = counts
        self.wait(style.LONG_PAUSE)
        self.beat("parts split into edges")

    def layers_of_abstraction(self) -> None:
        self.say("The hope: edges, then parts, then digits")
        self.play(FadeOut(self.hopes), run_time=style.SHORT_RUN_TIME)
        self.layer_labels = VGroup()
        for layer, words in ((1, "edges?"), (2, "parts?"), (3, "digits")):
            column = self.diagram.neurons[layer]
            label = Text(words, font_size=style.FONT_SIZE_SMALL, color=style.ACCENT)
            label.next_to(column, UP, buff=LAYER_LABEL_BUFF)
            self.layer_labels.add(label)
        for label in self.layer_labels:  # one after another: a lagged fade-in
            reveal(self, label, run_time=style.LAGGED_FADE_IN / len(self.layer_labels))
        self.wait(style.LONG_PAUSE)
        self.beat("edges, parts, digits")

    def abstraction_in_speech(self) -> None:
        conceal(self, self.diagram, self.pieces, self.edge_counts, self.layer_labels)
        self.say("Speech is built in layers too")
        digit_row = self.box_row(("pixels", "edges", "parts", "digits"), style.ACCENT)
        speech_row = self.box_row(("sounds", "syllables", "words", "phrases"), style.B_COLOR)
        VGroup(digit_row, speech_row).arrange(DOWN, buff=ROW_GAP)
        headers = VGroup()
        for row, words in ((digit_row, "Reading a digit (our hope)"), (speech_row, "Understanding speech")):
            header = Text(words, font_size=style.FONT_SIZE_SMALL, color=style.SECONDARY)
            headers.add(header.next_to(row, UP, buff=ROW_HEADER_BUFF, aligned_edge=LEFT))
        reveal(self, digit_row, headers[0])
        reveal(self, headers[1], run_time=style.SHORT_RUN_TIME)
        boxes, arrows = speech_row
        for k, box in enumerate(boxes):  # one after another: a lagged fade-in
            reveal(self, box, *arrows[k - 1:k], run_time=style.LAGGED_FADE_IN / len(boxes))
        self.wait(style.LONG_PAUSE)
        self.beat("speech in layers")
        self.rows_of_boxes = VGroup(digit_row, speech_row, headers)

    def honest_question(self) -> None:
        conceal(self, self.rows_of_boxes)
        question = Text("Does the trained network really do this?", font_size=style.FONT_SIZE_HEADING,
                        t2c={"really": style.ACCENT})
        reveal(self, question)
        self.say("Its real weights answer this near the end")
        self.wait(style.LONG_PAUSE)
        self.beat("the honest question")
        conceal(self, *self.mobjects)

    # --- helpers ---------------------------------------------------------------------------------
    def say(self, text: str) -> None:
        """Swap the one-line caption at the bottom."""
        new = caption(text)
        if self.caption_text is not None:
            conceal(self, self.caption_text, run_time=style.SHORT_RUN_TIME / 2)
        reveal(self, new, run_time=style.SHORT_RUN_TIME / 2 if self.caption_text else style.SHORT_RUN_TIME)
        self.caption_text = new

    @staticmethod
    def part_sentence(digit: int) -> str:
        names = first_clean_example(digit).names
        article = "An" if digit == 8 else "A"
        if len(names) == 2:
            return f"{article} {digit}: {names[0]} + {names[1]}"
        return f"{article} {digit}: three lines ({', '.join(names)})"

    def build_equation(self, example: DigitParts, y: float) -> Group:
        """Show the digit, colour its parts on it, slide copies into "part + part = digit"."""
        colors = PART_COLORS[example.label]
        image = ink_image(example.pixels, side=ROW_SIDE).move_to([DIGIT_X, y, 0])
        reveal(self, image, run_time=style.SHORT_RUN_TIME)
        overlays = Group(*(
            PartImage(example.pixels, mask, color, side=ROW_SIDE).move_to(image)
            for mask, color in zip(example.masks, colors)
        ))
        self.play(FadeIn(overlays, lag_ratio=0.5), run_time=style.RUN_TIME)
        tiles = Group(*(
            PartImage(example.pixels, mask, color, side=ROW_SIDE, frame=True, frame_color=TILE_FRAME_COLOR)
            .move_to(image)
            for mask, color in zip(example.masks, colors)
        ))
        for tile in tiles:
            tile.frame.set_stroke(opacity=0)  # the frames show once the tiles are in place
        targets = [np.array([FIRST_TILE_X + k * TILE_STEP, y, 0.0]) for k in range(len(tiles))]
        plus = VGroup(*(MathTex("+", font_size=style.FONT_SIZE_HEADING).move_to(
            (targets[k] + targets[k + 1]) / 2) for k in range(len(tiles) - 1)))
        equals = MathTex("=", font_size=style.FONT_SIZE_HEADING)
        equals.next_to(targets[-1] + RIGHT * ROW_SIDE / 2, RIGHT, buff=SIGN_BUFF)
        answer = MathTex(str(example.label), font_size=style.FONT_SIZE_TITLE)
        answer.next_to(equals, RIGHT, buff=SIGN_BUFF)
        self.add(tiles)
        self.play(*(tile.animate.move_to(t) for tile, t in zip(tiles, targets)), run_time=style.RUN_TIME)
        self.play(*(tile.frame.animate.set_stroke(opacity=1.0) for tile in tiles),
                  FadeIn(plus), FadeIn(equals), FadeIn(answer), run_time=style.SHORT_RUN_TIME)
        self.wait(style.LONG_PAUSE)
        return Group(image, overlays, tiles, plus, equals, answer)

    def neuron_hope(self, neuron: Circle, example: DigitParts, part: int, words: str) -> Group:
        """A yellow ring round ``neuron`` and, beside it, the part it might stand for and ``words``."""
        ring = self.ring(neuron)
        thumb = PartImage(example.pixels, example.masks[part], PART_COLORS[example.label][part],
                          side=THUMB_SIDE, frame=True, frame_color=style.ACCENT)
        thumb.move_to(neuron.get_center() + LEFT * THUMB_OFFSET)
        backing = Rectangle(width=THUMB_SIDE, height=THUMB_SIDE).set_stroke(width=0)
        backing.set_fill(style.BACKGROUND, opacity=1.0).move_to(thumb)
        label = Text(words, font_size=style.FONT_SIZE_SMALL, color=style.ACCENT)
        label.next_to(thumb, DOWN, buff=style.LABEL_BUFF / 2)
        label_backing = Rectangle(width=label.width, height=label.height).set_stroke(width=0)
        label_backing.set_fill(style.BACKGROUND, opacity=1.0).move_to(label)
        return Group(ring, backing, thumb, label_backing, label)

    @staticmethod
    def ring(neuron: Circle) -> Circle:
        """A yellow ring round a neuron we pin a hope on."""
        ring = Circle(radius=neuron.width / 2 * RING_SCALE).set_stroke(style.ACCENT, style.HIGHLIGHT_WIDTH)
        return ring.move_to(neuron)

    def links(self, layer: int, sources: list[int], target: int) -> VGroup:
        """Yellow copies of the drawn edges from ``sources`` in ``layer`` to ``target`` in the next."""
        pairs = self.diagram.edge_pairs(layer)
        return VGroup(*(
            edge.copy().set_stroke(style.ACCENT, style.HIGHLIGHT_WIDTH, opacity=1.0)
            for edge, (t, s) in zip(self.diagram.edges[layer], pairs) if t == target and s in sources
        ))

    @staticmethod
    def split_into_edges(whole: PartImage, masks: list[np.ndarray], color) -> Group:
        """The part as edge pieces in place; ``.moves`` = (piece, outward shift, its new ``rgba``) each.

        Shifts are measured between the centres of the drawn squares' bounds (piece and whole part);
        every other piece turns ``PIECE_ALT_COLOR``.
        """
        pieces = Group()
        moves = []
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
    def box_row(words: tuple[str, ...], color) -> VGroup:
        """Labelled boxes joined by arrows, left to right."""
        boxes = VGroup()
        for w in words:
            box = Rectangle(width=BOX_WIDTH, height=BOX_HEIGHT).set_stroke(color, style.IMAGE_FRAME_WIDTH)
            text = Text(w, font_size=style.FONT_SIZE_BODY, color=style.TEXT_COLOR).move_to(box)
            boxes.add(VGroup(box, text))
        boxes.arrange(RIGHT, buff=BOX_GAP)
        arrows = VGroup(*(
            Arrow(a.get_right(), b.get_left(), buff=style.LABEL_BUFF / 2, color=style.SECONDARY)
            for a, b in zip(boxes[:-1], boxes[1:])
        ))
        return VGroup(boxes, arrows)

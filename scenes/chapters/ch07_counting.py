"""Chapter 7 (11:34) Counting weights and biases: every dial of the network, counted from its arrays.

Beats (storyboard): the first hidden layer is wired neuron by neuron (each: 784 weights and one
bias, the neuron shown big holding its b), then all at once; a ledger of the count, each line
written as it is said: 784×16 = 12,544, 16×16 = 256, 16×10 = 160 weights (12,960 in all) and
16 + 16 + 10 = 42 biases; the total, 13,002, boxed. Then one of them is turned: our digit's real
activations light the network, and the weight that pushes its answer most is turned to 0; the
answer's output, recomputed by a real forward pass, drops a little. Every number is read from the
shipped network (the weight matrices' shapes, the bias vectors' sizes, ``net.n_parameters``, the
activations); edges are drawn with their real weights' signs, and the neurons that own a bias get a
thick blue outline as their biases are counted. The ledger is set big enough to read at 480p.
"""
from __future__ import annotations

from collections.abc import Callable

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Animation,
    Circle,
    Create,
    FadeIn,
    Line,
    MathTex,
    Text,
    TransformFromCopy,
    VGroup,
)

import nn
from scenes.components import NetworkDiagram, highlight_box, label, lit_edges, ring, style
from scenes.components.transitions import Conceal, FadeToBlack, Reveal, Swap, fade_out
from scenes.content.digit_input import chosen_input
from scenes.runtime.narrated_scene import BeatClock, NarratedScene

TALLY_LEFT = -6.75  # the ledger is a column left of the diagram
TALLY_TOP = 3.6
LEDGER_FONT = 50  # the ledger's formulas and counts: big enough that the comma of 12,544 reads at 480p
LAYER_GAP = 1.8  # the diagram is a little narrower than usual, to leave the ledger its room
ROW_GAP = 0.16  # between ledger lines
SECTION_GAP = 0.4  # between the weights, biases and total sections
RULE_GAP = 0.36  # between the last weight line and the line of all weights (a rule between them)
COLUMN_GAP = 0.25  # between a line's sum, its "=" and its result
TEXT_PER_TEX = 0.7  # a word beside a formula: text this many times the formula's size looks the same size
FIRST_NEURONS_ONE_BY_ONE = 5  # neurons of the first hidden layer wired one at a time
ONE_NEURON_TIME = 0.4  # wiring one of those neurons (quick)
BIAS_STROKE_WIDTH = 5.0  # outline of a neuron whose bias is counted (thick: it must read at 480p)
BIAS_RING_WIDTH = 6.0
RESULT_AT = 0.6  # a line's result appears this far into the sentence that says it
EXAMPLE_INDEX = 0  # the film's example digit (or the viewer's own), read by the network at the end
BIAS_ZOOM_RADIUS = 0.32  # the neuron, shown big beside its count, holding its one bias (within its line)
TURN_AT = 0.35  # "Turn any of them ...": this far into the sentence a weight turns


# --- the numbers, all read from the network ---------------------------------------------------
def weight_terms(net: nn.Network) -> list[tuple[int, int]]:
    """(inputs, neurons) of each weight matrix: its weights number inputs × neurons."""
    return [(int(w.shape[1]), int(w.shape[0])) for w in net.weights]


def bias_terms(net: nn.Network) -> list[int]:
    """How many biases each non-input layer has (one per neuron)."""
    return [int(b.size) for b in net.biases]


def weight_subtotals(net: nn.Network) -> list[int]:
    """The weights of each layer's matrix, counted from its shape (784·16 = 12,544, …)."""
    return [a * b for a, b in weight_terms(net)]


def turned_weight(net: nn.Network, pixels: np.ndarray, sources: list[int]) -> tuple[int, int]:
    """The weight turned to show that every number matters: into the network's answer for ``pixels``, from
    the neuron of the last hidden layer (among ``sources``, those drawn) that pushes it most, |w · a| largest.
    Returns (answer, source)."""
    activations = net.activations(pixels)
    answer = int(np.argmax(activations[-1]))
    pushes = [abs(float(net.weights[-1][answer, s] * activations[-2][s])) for s in sources]
    return answer, sources[int(np.argmax(pushes))]


def outputs_without(net: nn.Network, pixels: np.ndarray, answer: int, source: int) -> np.ndarray:
    """The network's outputs on ``pixels`` once the weight from ``source`` into ``answer`` is turned to 0."""
    weights = [w.copy() for w in net.weights]
    weights[-1][answer, source] = 0.0
    return nn.Network.from_arrays(weights, net.biases, net.hidden).activations(pixels)[-1]


def thousands(n: int) -> str:
    """An integer in LaTeX with a thousands separator, e.g. 13{,}002."""
    return f"{n:,}".replace(",", "{,}")


def wait_into(beat: BeatClock, sentence: int, share: float) -> None:
    """Hold until ``share`` of sentence ``sentence`` has been spoken (for a word said mid-sentence)."""
    start, end = beat.speech.spans[min(sentence, len(beat.speech.spans) - 1)]
    left = start + share * (end - start) - beat.elapsed
    if left > 0.05:
        beat.scene.wait(left)


class Ledger(VGroup):
    """The count as a ledger: lines "sum = result", results right-aligned in one column.

    ``lines[k]`` is VGroup(sum, "=", result) (result's parts may be revealed separately);
    ``heads`` are the section labels; ``weights_total`` the line under the weight lines;
    ``total`` the final line.
    """

    def __init__(self, net: nn.Network, text: Callable[[str], str]) -> None:
        """``text(key)``: the words the ledger draws, in the film's language (``NarratedScene.text``)."""
        super().__init__()
        terms, biases = weight_terms(net), bias_terms(net)
        self.weight_lines = [self.line([str(a), r"\times", str(b)], thousands(a * b), style.W_COLOR)
                             for a, b in terms]
        parts = [p for n in biases for p in ("+", str(n))][1:]
        self.bias_line = self.line(parts, str(sum(biases)), style.B_COLOR)
        total_weights = sum(weight_subtotals(net))
        self.weights_total = self.line(text("all"), thousands(total_weights), style.W_COLOR)
        self.total = self.line(text("total"), thousands(net.n_parameters), style.TEXT_COLOR)
        head_size = LEDGER_FONT * TEXT_PER_TEX
        self.heads = [label(text("weights"), style.W_COLOR, head_size), label(text("biases"), style.B_COLOR, head_size)]
        column = VGroup(self.heads[0], *self.weight_lines, self.weights_total, self.heads[1], self.bias_line,
                        self.total)
        column.arrange(DOWN, aligned_edge=LEFT, buff=ROW_GAP)
        for gap_before, gap in ((self.weights_total, RULE_GAP), (self.heads[1], SECTION_GAP),
                                (self.total, SECTION_GAP)):
            column[list(column).index(gap_before):].shift(DOWN * (gap - ROW_GAP))
        column.move_to([TALLY_LEFT, TALLY_TOP, 0], aligned_edge=UP + LEFT)
        lines = [*self.weight_lines, self.weights_total, self.bias_line, self.total]
        eq_x = max(line[0].get_right()[0] for line in lines) + COLUMN_GAP
        right = eq_x + max(line[1].width for line in lines) + COLUMN_GAP + max(line[2].width for line in lines)
        for line in lines:
            line[1].move_to([eq_x, line[0].get_y(), 0], aligned_edge=LEFT)
            line[2].move_to([right, line[0].get_y(), 0], aligned_edge=RIGHT)
        self.rule = Line([self.weight_lines[0][0].get_left()[0], 0, 0], [right, 0, 0])
        self.rule.set_stroke(style.SECONDARY, 2).set_y((self.weight_lines[-1].get_bottom()[1]
                                                       + self.weights_total.get_top()[1]) / 2)
        self.add(column, self.rule)

    @staticmethod
    def line(parts: list[str] | str, result: str, color, size: float = LEDGER_FONT) -> VGroup:
        """"parts = result": ``parts`` are TeX, or one word (drawn as text, in any language)."""
        left = Text(parts, font_size=size * TEXT_PER_TEX, color=color) if isinstance(parts, str) else \
            MathTex(*parts, font_size=size, color=color)
        return VGroup(left, MathTex("=", font_size=size),
                      MathTex(result, font_size=size, color=color)).arrange(RIGHT, buff=COLUMN_GAP)


class CountingParameters(NarratedScene):
    """Wire the first hidden layer neuron by neuron, then all; tally weights and biases to the total."""

    def construct(self) -> None:
        self.net = nn.load_pretrained()
        self.diagram = NetworkDiagram(self.net, layer_gap=LAYER_GAP).color_edges_by_weights()
        # edges join the scene as they are counted, behind the neurons
        self.diagram.remove(self.diagram.edges)
        self.ledger = Ledger(self.net, self.text)
        self.one_neuron()
        self.whole_layer()
        self.tally()
        self.total()
        self.play(FadeToBlack(run_time=style.RUN_TIME))

    # --- beats ---------------------------------------------------------------------------------
    def one_neuron(self) -> None:
        with self.beat("one-neuron") as beat:
            self.play(Reveal(self.diagram), run_time=style.RUN_TIME)
            first = self.diagram.drawn_indices(1)[0]
            cell = self.diagram.neuron(1, first)
            self.marker = ring(cell)
            n_in = self.net.sizes[0]
            size = LEDGER_FONT * TEXT_PER_TEX
            weights = label(self.text("n_weights", n=n_in), style.W_COLOR, size)
            bias = VGroup(label("+", style.TEXT_COLOR, size), label(self.text("one_bias"), style.B_COLOR, size))
            bias.arrange(RIGHT, buff=style.LABEL_BUFF)
            self.per_neuron = VGroup(label(self.text("into_one_neuron"), font_size=size), weights, bias)
            self.per_neuron.arrange(DOWN, aligned_edge=LEFT, buff=ROW_GAP)
            self.per_neuron.move_to([TALLY_LEFT, TALLY_TOP, 0], aligned_edge=UP + LEFT)
            beat.wait_until(1)
            self.draw_edges(self.incoming(first), FadeIn(self.marker), FadeIn(self.per_neuron[:2]), run_time=style.RUN_TIME)
            beat.wait_until(2)  # "on top of those, it has one bias": the neuron, shown big, holds it
            zoom = Circle(radius=BIAS_ZOOM_RADIUS).set_stroke(style.B_COLOR, BIAS_RING_WIDTH).set_fill(opacity=0)
            zoom.next_to(bias, RIGHT, buff=style.LABEL_BUFF * 3)
            b = MathTex("b", font_size=LEDGER_FONT, color=style.B_COLOR).scale_to_fit_height(BIAS_ZOOM_RADIUS)
            b.move_to(zoom)
            self.play(self.marker.animate.set_stroke(style.B_COLOR, BIAS_RING_WIDTH),
                      cell.animate.set_stroke(style.B_COLOR, BIAS_STROKE_WIDTH),
                      TransformFromCopy(cell, zoom), FadeIn(bias), run_time=style.RUN_TIME)
            self.play(FadeIn(b, scale=2), run_time=style.SHORT_RUN_TIME)
            self.per_neuron.add(VGroup(zoom, b))

    def whole_layer(self) -> None:
        with self.beat("whole-layer") as beat:
            indices = self.diagram.drawn_indices(1)
            for index in indices[1:FIRST_NEURONS_ONE_BY_ONE]:
                self.draw_edges(self.incoming(index), self.marker.animate.move_to(self.diagram.neuron(1, index)),
                                run_time=ONE_NEURON_TIME)
            n_out = weight_terms(self.net)[0][1]
            times = label(self.text("times_neurons", n=n_out), style.TEXT_COLOR, LEDGER_FONT * TEXT_PER_TEX)
            times.next_to(self.per_neuron[:3], DOWN, buff=ROW_GAP).align_to(self.per_neuron, LEFT)
            self.draw_edges(self.incoming(*indices[FIRST_NEURONS_ONE_BY_ONE:]), FadeIn(times),
                            run_time=style.RUN_TIME)
            self.per_neuron.add(times)
            # "together that is 12,544 weights": the ledger's first line replaces the per-neuron count
            beat.wait_until(1)
            ledger = self.ledger
            self.play(Conceal(self.per_neuron), *fade_out(self.marker), run_time=style.SHORT_RUN_TIME)
            self.play(FadeIn(ledger.heads[0], ledger.weight_lines[0]), run_time=style.RUN_TIME)
            # "... plus sixteen biases, one per neuron"
            wait_into(beat, 1, RESULT_AT)
            self.play(FadeIn(ledger.heads[1], ledger.bias_line[0][0]), self.bias_outlines(1), run_time=style.RUN_TIME)

    def tally(self) -> None:
        with self.beat("tally") as beat:
            ledger = self.ledger
            for sentence, group in enumerate((1, 2)):  # "from the first hidden layer to the second, 16 × 16
                line = ledger.weight_lines[group]        # weights, 256" ...
                beat.wait_until(sentence)
                self.draw_edges(self.diagram.edges[group], FadeIn(line[0]), run_time=style.RUN_TIME)
                wait_into(beat, sentence, RESULT_AT)
                self.play(FadeIn(line[1:]), run_time=style.SHORT_RUN_TIME)
            beat.wait_until(2)  # "every neuron after the input layer also has its bias: 16, 16 and 10, 42"
            self.play(FadeIn(ledger.bias_line[0][1:]), self.bias_outlines(2, 3), run_time=style.RUN_TIME)
            wait_into(beat, 2, RESULT_AT + 0.1)
            self.play(FadeIn(ledger.bias_line[1:]), run_time=style.SHORT_RUN_TIME)

    def total(self) -> None:
        with self.beat("total", parameters=self.net.n_parameters) as beat:
            ledger = self.ledger
            self.play(Create(ledger.rule), FadeIn(ledger.weights_total), run_time=style.RUN_TIME)
            beat.wait_until(1)
            box = highlight_box(ledger.total[2])
            self.play(FadeIn(ledger.total), run_time=style.RUN_TIME)
            self.play(Create(box), run_time=style.BOX_TIME)
            beat.wait_until(2)  # "turn any of them, and the network behaves a little differently"
            self.turn_one(beat)

    def turn_one(self, beat: BeatClock) -> None:
        """Our digit goes through the network (its real activations light the neurons); then one weight,
        the one that pushes the answer most, is turned to 0, and the answer's output drops a little."""
        d = self.diagram
        pixels = np.asarray(chosen_input(EXAMPLE_INDEX).pixels, dtype=float)
        activations = self.net.activations(pixels)
        answer, source = turned_weight(self.net, pixels, d.drawn_indices(len(self.net.sizes) - 2))
        after = float(outputs_without(self.net, pixels, answer, source)[answer])
        before = float(activations[-1][answer])
        self.play(*(circle.animate.set_fill(opacity=float(a[i]))
                    for layer, a in enumerate(activations)
                    for circle, i in zip(d.neurons[layer], d.drawn_indices(layer))), run_time=style.RUN_TIME)
        self.outputs_shown = [MathTex(f"{v:.2f}", font_size=style.FONT_SIZE_BODY) for v in (before, after)]
        for number in self.outputs_shown:
            number.next_to(d.output_label(answer), RIGHT, buff=style.LABEL_BUFF * 2)
        edge = next(e for e, (t, s) in zip(d.edges[-1], d.edge_pairs(len(d.edges) - 1)) if (t, s) == (answer, source))
        glow = lit_edges(VGroup(edge), width=style.HIGHLIGHT_WIDTH * 2, opacity=0.7)
        self.play(FadeIn(self.outputs_shown[0]), FadeIn(glow), run_time=style.SHORT_RUN_TIME)
        wait_into(beat, 2, TURN_AT)
        color, width = style.weight_stroke(0.0, 1.0)
        self.play(edge.animate.set_stroke(color, width),
                  d.neuron(len(self.net.sizes) - 1, answer).animate.set_fill(opacity=after),
                  Swap(self.outputs_shown[0], self.outputs_shown[1]), run_time=style.RUN_TIME)

    # --- helpers -------------------------------------------------------------------------------
    def draw_edges(self, lines: VGroup, *others: Animation, run_time: float) -> None:
        """Draw ``lines`` (edges taken out of the diagram) with ``others``, then send them behind the
        neurons, where they join the static frame."""
        self.play(Create(lines, lag_ratio=style.SMALL_LAG_RATIO), *others, run_time=run_time)
        self.bring_to_back(lines)

    def incoming(self, *indices: int) -> VGroup:
        """The drawn incoming edges of first-hidden-layer neurons ``indices``."""
        return VGroup(*(edge for i in indices for edge in self.diagram.incoming_edges(1, i)))

    def bias_outlines(self, *layers: int) -> Animation:
        """The neurons of ``layers`` get a thick blue outline: each one's bias is being counted."""
        return VGroup(*(self.diagram.neurons[layer] for layer in layers)).animate.set_stroke(
            style.B_COLOR, BIAS_STROKE_WIDTH)

"""Chapter 7 (11:34) Counting weights and biases: every dial of the network, counted from its arrays.

Every number on screen is read from the shipped network: the weight matrices' shapes, the bias
vectors' sizes and ``net.n_parameters``. Weights are green, biases blue (the algebra colour code).
"""
from __future__ import annotations

from manim import (
    DOWN,
    Animation,
    LEFT,
    RIGHT,
    UP,
    Create,
    FadeIn,
    FadeOut,
    MathTex,
    SurroundingRectangle,
    Text,
    VGroup,
    Write,
)

import nn
from scenes.components import ChapterScene, NetworkDiagram, caption, heading, style
from scenes.components.fades import fade_out_all

# --- layout constants of this chapter ----------------------------------------------------------
DIAGRAM_SCALE = 0.75  # the 784-16-16-10 diagram, left, leaves room for the tally on its right
TALLY_LEFT = 0.9  # left edge of the tally's terms
TALLY_TOP = 1.9  # top of the tally
TALLY_ROW_GAP = 0.45  # vertical space between the tally's rows
TALLY_GUTTER = 0.25  # the + and = signs sit this far left of their row
TALLY_LABEL_BUFF = 0.3  # gap between a tally row and its "weights"/"biases" word
FIRST_NEURONS_ONE_BY_ONE = 5  # neurons of the first hidden layer wired one at a time
ONE_NEURON_TIME = 0.5  # wiring one of those neurons (quick)


# --- the numbers, all read from the network ---------------------------------------------------
def weight_terms(net: nn.Network) -> list[tuple[int, int]]:
    """(inputs, neurons) of each weight matrix: its weights number inputs × neurons."""
    return [(int(w.shape[1]), int(w.shape[0])) for w in net.weights]


def bias_terms(net: nn.Network) -> list[int]:
    """How many biases each non-input layer has (one per neuron)."""
    return [int(b.size) for b in net.biases]


def thousands(n: int) -> str:
    """An integer in LaTeX with a thousands separator, e.g. 13{,}002."""
    return f"{n:,}".replace(",", "{,}")


def weight_term_tex(n_in: int, n_out: int) -> str:
    return rf"{n_in} \times {n_out}"


def total_tex(net: nn.Network) -> str:
    """The boxed total: every weight and bias, from ``net.n_parameters``."""
    return "= " + thousands(net.n_parameters)


def joined_terms(texts: list[str], color) -> VGroup:
    """MathTex terms joined by white plus signs, in one row; parts: term, +, term, ..."""
    parts: list[MathTex] = []
    for k, text in enumerate(texts):
        if k:
            parts.append(MathTex("+", font_size=style.FONT_SIZE_BODY, color=style.TEXT_COLOR))
        parts.append(MathTex(text, font_size=style.FONT_SIZE_BODY, color=color))
    return VGroup(*parts).arrange(RIGHT, buff=0.15)


class CountingParameters(ChapterScene):
    """Wire the first hidden layer neuron by neuron, then all; tally weights and biases to the total."""

    def construct(self) -> None:
        self.net = nn.load_pretrained()
        self.setup_diagram()
        self.wire_first_neuron()
        self.wire_next_neurons()
        self.wire_whole_first_layer()
        self.count_weights()
        self.count_biases()
        self.show_total()
        self.finish()

    # --- steps ---------------------------------------------------------------------------
    def setup_diagram(self) -> None:
        self.title = heading("How many dials does it have?")
        diagram = NetworkDiagram(self.net)
        diagram.edges.set_stroke(style.W_COLOR, style.EDGE_WIDTH, opacity=style.EDGE_OPACITY)
        # the edges are drawn as they are counted, so they leave the diagram and join the scene
        # one group at a time, behind the neurons: only the group being drawn is repainted
        diagram.scale(DIAGRAM_SCALE).to_edge(LEFT, buff=style.FRAME_MARGIN).shift(DOWN * 0.15)
        diagram.remove(diagram.edges)
        self.diagram = diagram
        self.caption = caption("Each neuron of the first hidden layer listens to every pixel")
        self.play(FadeIn(self.title), FadeIn(diagram), FadeIn(self.caption), run_time=style.RUN_TIME)
        self.wait(style.PAUSE)

    def wire_first_neuron(self) -> None:
        n_in = self.net.sizes[0]
        into = Text("into each neuron:", font_size=style.FONT_SIZE_SMALL, color=style.SECONDARY)
        line = MathTex(str(n_in), r"\text{ weights}", "+", "1", r"\text{ bias}", font_size=style.FONT_SIZE_BODY)
        line[0:2].set_color(style.W_COLOR)
        line[3:5].set_color(style.B_COLOR)
        weights, bias = line[0:2], line[2:5]
        self.per_neuron = VGroup(into, line).arrange(DOWN, buff=0.2)
        self.per_neuron.move_to([TALLY_LEFT + self.per_neuron.width / 2, 1.0, 0])

        first = self.diagram.drawn_indices(1)[0]
        circle = self.diagram.neuron(1, first)
        self.marker = circle.copy().set_fill(opacity=0).set_stroke(style.HIGHLIGHT_COLOR, style.HIGHLIGHT_WIDTH)
        self.play_drawing_edges(self.incoming(first), FadeIn(self.marker), FadeIn(into), FadeIn(weights),
                                run_time=style.RUN_TIME)
        self.play(self.marker.animate.set_stroke(style.B_COLOR), FadeIn(bias), run_time=style.RUN_TIME)
        self.wait(style.PAUSE)
        self.beat("one neuron: 784 weights and a bias")

    def wire_next_neurons(self) -> None:
        for index in self.diagram.drawn_indices(1)[1:FIRST_NEURONS_ONE_BY_ONE]:
            self.play_drawing_edges(self.incoming(index), self.marker.animate.move_to(self.diagram.neuron(1, index)),
                                    run_time=ONE_NEURON_TIME)

    def wire_whole_first_layer(self) -> None:
        rest = [i for i in self.diagram.drawn_indices(1)[FIRST_NEURONS_ONE_BY_ONE:]]
        n_in, n_out = weight_terms(self.net)[0]
        times = MathTex(r"\times", str(n_out), r"\text{ neurons}", font_size=style.FONT_SIZE_BODY)
        times.next_to(self.per_neuron, DOWN, buff=0.2).align_to(self.per_neuron, LEFT)
        self.play_drawing_edges(self.incoming(*rest), FadeOut(self.marker), FadeIn(times), FadeOut(self.caption),
                                run_time=style.RUN_TIME)
        self.caption = caption(f"All {n_out} of them: {n_in} weights each, and one bias each")
        self.play(FadeIn(self.caption), run_time=style.SHORT_RUN_TIME)
        self.wait(style.LONG_PAUSE)
        self.beat("whole first layer wired")
        self.play(FadeOut(self.per_neuron), FadeOut(times), run_time=style.SHORT_RUN_TIME)

    def count_weights(self) -> None:
        self.build_tally()
        terms = weight_terms(self.net)
        self.play(FadeOut(self.caption), FadeIn(self.weights_word), run_time=style.SHORT_RUN_TIME)
        self.caption = caption("One weight for every line between two layers")
        self.play(Write(self.weights_row[0]), FadeIn(self.caption), run_time=style.RUN_TIME)
        for g in range(1, len(terms)):
            self.play_drawing_edges(self.diagram.edges[g], FadeIn(self.weights_row[2 * g - 1]),
                                    Write(self.weights_row[2 * g]), run_time=style.RUN_TIME)
            self.wait(style.SHORT_RUN_TIME)
        self.wait(style.PAUSE)
        self.beat("weights tallied")

    def count_biases(self) -> None:
        self.play(FadeOut(self.caption), run_time=style.SHORT_RUN_TIME)
        self.caption = caption("and one bias for every neuron after the input layer")
        self.play(
            *(column.animate.set_stroke(style.B_COLOR) for column in self.diagram.neurons[1:]),
            FadeIn(self.plus), FadeIn(self.biases_row, lag_ratio=style.LAG_RATIO), FadeIn(self.biases_word),
            FadeIn(self.caption), run_time=style.RUN_TIME,
        )
        self.wait(style.LONG_PAUSE)
        self.beat("biases tallied")

    def show_total(self) -> None:
        box = SurroundingRectangle(self.total, color=style.HIGHLIGHT_COLOR, buff=style.HIGHLIGHT_BUFF * 2,
                                   stroke_width=style.HIGHLIGHT_WIDTH)
        self.play(FadeOut(self.caption), FadeIn(self.equals), Write(self.total), run_time=style.RUN_TIME)
        self.caption = caption(f"{self.net.n_parameters:,} numbers in all, each one a dial we could turn")
        self.play(Create(box), FadeIn(self.caption), run_time=style.BOX_TIME)
        self.wait(style.LONG_PAUSE)
        self.beat("13,002 boxed")
        self.wait(style.LONG_PAUSE)

    def finish(self) -> None:
        fade_out_all(self, run_time=style.RUN_TIME)

    # --- helpers -------------------------------------------------------------------------
    def build_tally(self) -> None:
        """Rows of terms (weights, biases, total) with +/= in a gutter; all numbers from the network."""
        self.weights_row = joined_terms([weight_term_tex(a, b) for a, b in weight_terms(self.net)], style.W_COLOR)
        self.biases_row = joined_terms([str(n) for n in bias_terms(self.net)], style.B_COLOR)
        self.total = MathTex(thousands(self.net.n_parameters), font_size=style.FONT_SIZE_HEADING)
        rows = VGroup(self.weights_row, self.biases_row, self.total).arrange(DOWN, buff=TALLY_ROW_GAP,
                                                                           aligned_edge=LEFT)
        self.weights_word = Text("weights", font_size=style.FONT_SIZE_SMALL, color=style.W_COLOR)
        self.weights_word.next_to(self.weights_row, UP, buff=TALLY_LABEL_BUFF).align_to(self.weights_row, LEFT)
        self.biases_word = Text("biases", font_size=style.FONT_SIZE_SMALL, color=style.B_COLOR)
        self.biases_word.next_to(self.biases_row, RIGHT, buff=TALLY_LABEL_BUFF)
        VGroup(rows, self.weights_word, self.biases_word).align_to([TALLY_LEFT, TALLY_TOP, 0], UP + LEFT)
        self.plus = MathTex("+", font_size=style.FONT_SIZE_BODY).next_to(self.biases_row, LEFT, buff=TALLY_GUTTER)
        self.equals = MathTex("=", font_size=style.FONT_SIZE_HEADING).next_to(self.total, LEFT, buff=TALLY_GUTTER)

    def play_drawing_edges(self, lines: VGroup, *others: Animation, run_time: float) -> None:
        """Draw ``lines`` (edges taken out of the diagram) with ``others``, then send them behind the
        neurons, where they join the static frame."""
        self.play(Create(lines, lag_ratio=style.SMALL_LAG_RATIO), *others, run_time=run_time)
        self.bring_to_back(lines)

    def incoming(self, *indices: int) -> VGroup:
        """The drawn incoming edges of first-hidden-layer neurons ``indices``."""
        return VGroup(*(edge for i in indices for edge in self.diagram.incoming_edges(1, i)))

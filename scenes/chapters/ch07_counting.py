"""Chapter 7 (11:34) Counting weights and biases: every dial of the network, counted from its arrays.

Beats (storyboard): the first hidden layer is wired neuron by neuron (each: 784 weights and one
bias), then all at once; the tally 784×16 + 16×16 + 16×10 weights and 16 + 16 + 10 biases; the
total, 13,002, boxed. Every number is read from the shipped network (the weight matrices' shapes,
the bias vectors' sizes, ``net.n_parameters``); edges are drawn with their real weights' signs.
"""
from __future__ import annotations

from manim import DOWN, LEFT, UP, Animation, Create, FadeIn, FadeOut, MathTex, VGroup, Write

import nn
from scenes.components import NetworkDiagram, highlight_box, label_next_to, ring, style
from scenes.components.transitions import Conceal, FadeToBlack, Reveal
from scenes.pipeline.chapter_scene import ChapterScene

TALLY_TOP_LEFT = (-6.7, 3.2, 0.0)  # the tally is a column left of the diagram
TALLY_GAP = 0.2
FIRST_NEURONS_ONE_BY_ONE = 5  # neurons of the first hidden layer wired one at a time
ONE_NEURON_TIME = 0.4  # wiring one of those neurons (quick)


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


class CountingParameters(ChapterScene):
    """Wire the first hidden layer neuron by neuron, then all; tally weights and biases to the total."""

    def construct(self) -> None:
        self.net = nn.load_pretrained()
        self.diagram = NetworkDiagram(self.net).color_edges_by_weights()
        # edges join the scene as they are counted, behind the neurons
        self.diagram.remove(self.diagram.edges)
        self.one_neuron()
        self.whole_layer()
        self.tally()
        self.total()
        self.play(FadeToBlack(run_time=style.RUN_TIME))

    # --- beats ---------------------------------------------------------------------------------
    def one_neuron(self) -> None:
        with self.beat("one-neuron") as beat:
            self.show_title()
            self.play(Reveal(self.diagram), run_time=style.RUN_TIME)
            first = self.diagram.drawn_indices(1)[0]
            self.marker = ring(self.diagram.neuron(1, first))
            n_in = self.net.sizes[0]
            weights = MathTex(str(n_in), r"\text{ weights}", font_size=style.FONT_SIZE_BODY, color=style.W_COLOR)
            bias = MathTex("+", r"1 \text{ bias}", font_size=style.FONT_SIZE_BODY)
            bias[1].set_color(style.B_COLOR)
            self.per_neuron = VGroup(label_next_to(weights, "into one neuron:", UP), weights, bias)
            self.per_neuron.arrange(DOWN, aligned_edge=LEFT, buff=TALLY_GAP).move_to(TALLY_TOP_LEFT, aligned_edge=UP + LEFT)
            beat.wait_until(1)
            self.draw_edges(self.incoming(first), FadeIn(self.marker), FadeIn(self.per_neuron[:2]), run_time=style.RUN_TIME)
            beat.wait_until(2)
            self.play(self.marker.animate.set_stroke(style.B_COLOR), FadeIn(bias), run_time=style.RUN_TIME)

    def whole_layer(self) -> None:
        with self.beat("whole-layer"):
            indices = self.diagram.drawn_indices(1)
            for index in indices[1:FIRST_NEURONS_ONE_BY_ONE]:
                self.draw_edges(self.incoming(index), self.marker.animate.move_to(self.diagram.neuron(1, index)),
                                run_time=ONE_NEURON_TIME)
            n_out = weight_terms(self.net)[0][1]
            times = MathTex(r"\times", str(n_out), r"\text{ neurons}", font_size=style.FONT_SIZE_BODY)
            times.next_to(self.per_neuron, DOWN, buff=TALLY_GAP).align_to(self.per_neuron, LEFT)
            self.draw_edges(self.incoming(*indices[FIRST_NEURONS_ONE_BY_ONE:]), FadeOut(self.marker), FadeIn(times),
                            run_time=style.RUN_TIME)
            self.per_neuron.add(times)

    def tally(self) -> None:
        with self.beat("tally") as beat:
            terms = weight_terms(self.net)
            rows = [MathTex(rf"{a} \times {b}", font_size=style.FONT_SIZE_BODY, color=style.W_COLOR) for a, b in terms]
            self.weight_rows = VGroup(label_next_to(rows[0], "weights", UP, color=style.W_COLOR), rows[0],
                                      *(VGroup(MathTex("+", font_size=style.FONT_SIZE_BODY), row).arrange(buff=0.15)
                                        for row in rows[1:]))
            biases = " + ".join(str(n) for n in bias_terms(self.net))
            self.bias_rows = VGroup(label_next_to(rows[0], "biases", UP, color=style.B_COLOR),
                                    MathTex(biases, font_size=style.FONT_SIZE_BODY, color=style.B_COLOR))
            VGroup(self.weight_rows, self.bias_rows).arrange(DOWN, aligned_edge=LEFT, buff=TALLY_GAP * 2)
            for group in (self.weight_rows, self.bias_rows):
                group.arrange(DOWN, aligned_edge=LEFT, buff=TALLY_GAP)
            VGroup(self.weight_rows, self.bias_rows).arrange(DOWN, aligned_edge=LEFT, buff=TALLY_GAP * 2)
            VGroup(self.weight_rows, self.bias_rows).move_to(TALLY_TOP_LEFT, aligned_edge=UP + LEFT)
            self.play(Conceal(self.per_neuron), run_time=style.SHORT_RUN_TIME)
            self.play(Reveal(self.weight_rows[:2]), run_time=style.RUN_TIME)
            for group, row in enumerate(self.weight_rows[2:], start=1):
                beat.wait_until(group)
                self.draw_edges(self.diagram.edges[group], Write(row), run_time=style.RUN_TIME)
            beat.wait_until(3)
            self.play(*(column.animate.set_stroke(style.B_COLOR) for column in self.diagram.neurons[1:]),
                      Reveal(self.bias_rows), run_time=style.RUN_TIME)

    def total(self) -> None:
        with self.beat("total") as beat:
            total = MathTex("=", thousands(self.net.n_parameters), font_size=style.FONT_SIZE_HEADING)
            total.next_to(self.bias_rows, DOWN, buff=TALLY_GAP * 3).align_to(self.bias_rows, LEFT)
            box = highlight_box(total[1], buff=style.HIGHLIGHT_BUFF * 2)
            beat.wait_until(1)
            self.play(Write(total), run_time=style.RUN_TIME)
            self.play(Create(box), run_time=style.BOX_TIME)

    # --- helpers -------------------------------------------------------------------------------
    def draw_edges(self, lines: VGroup, *others: Animation, run_time: float) -> None:
        """Draw ``lines`` (edges taken out of the diagram) with ``others``, then send them behind the
        neurons, where they join the static frame."""
        self.play(Create(lines, lag_ratio=style.SMALL_LAG_RATIO), *others, run_time=run_time)
        self.bring_to_back(lines)

    def incoming(self, *indices: int) -> VGroup:
        """The drawn incoming edges of first-hidden-layer neurons ``indices``."""
        return VGroup(*(edge for i in indices for edge in self.diagram.incoming_edges(1, i)))

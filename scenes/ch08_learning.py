"""Chapter 8 (12:30) How learning relates: learning = setting 13,002 dials; and a real mistake.

The dials show real parameters of the shipped network (needle and number); the count comes from
``net.n_parameters``. The mistake is a real MNIST test image the trained network gets wrong: by
default the FIRST misclassified test image (lowest index whose prediction differs from its
label). A digit chosen through render.sh is used instead when the network gets it wrong too.
"""
from __future__ import annotations

import numpy as np
from manim import (
    DOWN,
    LEFT,
    PI,
    RIGHT,
    Arrow,
    Circle,
    Create,
    DecimalNumber,
    FadeIn,
    FadeOut,
    Line,
    MathTex,
    Text,
    VGroup,
)

import nn
from scenes.components import (
    INPUT_PIXELS_SHOWN,
    ChapterScene,
    DigitImage,
    DigitInput,
    NetworkDiagram,
    caption,
    chosen_input,
    heading,
    mnist_input,
    style,
    user_chose_input,
)
from scenes.components.fades import fade_in, fade_out, fade_out_all

# --- layout constants of this chapter ----------------------------------------------------------
N_WEIGHT_DIALS = 6  # weights into the first hidden neuron, from the input pixels the diagram draws
N_BIAS_DIALS = 6  # biases of the first hidden layer's first neurons
DIAL_RADIUS = 0.45
DIAL_GAP = 0.6  # between neighbouring dials
DIAL_ROW_GAP = 0.5
ROW_LABEL_BUFF = 0.5
DIAL_MAX_ANGLE = 0.75 * PI  # needle turn (from straight up) of the largest value shown of its kind
DIAL_VALUE_BUFF = 0.12
DIAGRAM_SCALE = 0.72
DIAGRAM_POSITION = RIGHT * 0.5 + DOWN * 0.1
VERDICT_GAP = 0.2
POINTER_DX = 0.5  # words pointing at output neurons start this far right of the digit labels
POINTER_DY = 0.6  # ... and sit this far above or below the neuron they point at


# --- which parameters the dials show, and which mistake -------------------------------------
def dial_parameters(net: nn.Network) -> list[tuple[str, float]]:
    """("w" or "b", value) of each dial: weights into hidden neuron 0 from the drawn pixels, then biases."""
    weights = [("w", float(net.weights[0][0, p])) for p in INPUT_PIXELS_SHOWN[:N_WEIGHT_DIALS]]
    biases = [("b", float(v)) for v in net.biases[0][:N_BIAS_DIALS]]
    return weights + biases


def first_misclassified(net: nn.Network, images: np.ndarray, labels: np.ndarray) -> int:
    """Lowest index whose prediction differs from its label (ValueError if there is none)."""
    wrong = np.flatnonzero(net.predict(images) != labels)
    if wrong.size == 0:
        raise ValueError("the network classifies every image correctly")
    return int(wrong[0])


def wrong_example(net: nn.Network) -> DigitInput:
    """The image the chapter shows: the user's MNIST digit if the network gets it wrong, else the
    first misclassified MNIST test image."""
    if user_chose_input():
        digit = chosen_input(0)
        if digit.label is not None and net.predict(digit.pixels) != digit.label:
            return digit
    images, labels = nn.load_split("test")
    return mnist_input(first_misclassified(net, images, labels))


def dial(kind: str, value: float, largest: float) -> VGroup:
    """A dial for one real parameter: needle turned by value / largest, the value written below."""
    color = style.W_COLOR if kind == "w" else style.B_COLOR
    face = Circle(radius=DIAL_RADIUS).set_stroke(style.SECONDARY, style.NEURON_STROKE_WIDTH)
    turn = DIAL_MAX_ANGLE * value / largest  # from straight up; positive values turn clockwise
    tip = DIAL_RADIUS * 0.85 * np.array([np.sin(turn), np.cos(turn), 0.0])
    needle = Line(face.get_center(), face.get_center() + tip).set_stroke(color, style.HIGHLIGHT_WIDTH)
    number = DecimalNumber(value, num_decimal_places=2, include_sign=True, font_size=style.FONT_SIZE_SMALL,
                           color=color)
    number.next_to(face, DOWN, buff=DIAL_VALUE_BUFF)
    return VGroup(face, needle, number)


class HowLearningRelates(ChapterScene):
    """Learning means finding 13,002 good values; a real mistake shows why knowing them helps."""

    def construct(self) -> None:
        self.net = nn.load_pretrained()
        self.show_dials()
        self.by_hand()
        self.show_a_mistake()
        self.mark_it_wrong()
        self.finish()

    # --- steps ---------------------------------------------------------------------------
    def show_dials(self) -> None:
        n = self.net.n_parameters
        self.title = heading("Learning = finding the right settings")
        params = dial_parameters(self.net)
        largest = {k: max(abs(v) for kk, v in params if kk == k) for k in ("w", "b")}
        rows = VGroup()
        for kind, word, color in (("w", "weights", style.W_COLOR), ("b", "biases", style.B_COLOR)):
            dials = VGroup(*(dial(k, v, largest[k]) for k, v in params if k == kind)).arrange(RIGHT, buff=DIAL_GAP)
            name = Text(word, font_size=style.FONT_SIZE_BODY, color=color)
            name.next_to(dials[0][0], LEFT, buff=ROW_LABEL_BUFF)
            rows.add(VGroup(name, dials))
        rows.arrange(DOWN, buff=DIAL_ROW_GAP, aligned_edge=RIGHT)
        more = Text(f"… and {n - len(params):,} more", font_size=style.FONT_SIZE_BODY, color=style.SECONDARY)
        more.next_to(rows, DOWN, buff=DIAL_ROW_GAP)
        self.dials = VGroup(rows, more).move_to(DOWN * 0.1)
        self.caption = caption(f"Learning: finding good values for all {n:,} weights and biases")
        self.play(FadeIn(self.title), FadeIn(self.caption), run_time=style.RUN_TIME)
        self.play(FadeIn(rows, lag_ratio=style.LAG_RATIO), run_time=style.LAGGED_FADE_IN)
        self.play(FadeIn(more), run_time=style.RUN_TIME)
        self.wait(style.LONG_PAUSE)
        self.beat("13,002 dials")

    def by_hand(self) -> None:
        self.play(FadeOut(self.caption), run_time=style.SHORT_RUN_TIME)
        self.caption = caption("Setting every one by hand: a fun puzzle for a minute, a nightmare after that")
        self.play(FadeIn(self.caption), run_time=style.RUN_TIME)
        self.wait(style.LONG_PAUSE)
        self.beat("by hand: fun and horrifying")
        self.play(*fade_out(self.dials, self.caption, self.title), run_time=style.RUN_TIME)

    def show_a_mistake(self) -> None:
        self.digit = wrong_example(self.net)
        self.prediction = int(self.net.predict(self.digit.pixels))
        self.image = DigitImage(self.digit.pixels).to_corner(style.IMAGE_CORNER, buff=style.FRAME_MARGIN)
        self.source = Text(self.digit.source, font_size=style.FONT_SIZE_SMALL, color=style.SECONDARY)
        self.source.next_to(self.image, DOWN, buff=style.LABEL_BUFF)
        self.diagram = NetworkDiagram(self.net).scale(DIAGRAM_SCALE).move_to(DIAGRAM_POSITION)
        self.caption = caption("A real test digit, fed through the trained network")
        # static pieces first, the diagram after them (cheap fades: no copies of ~700 edges)
        self.play(*fade_in(self.image, self.source, self.diagram, self.caption), run_time=style.RUN_TIME)
        self.bring_to_back(self.caption)  # static: out of the pass's repaint
        self.play(self.diagram.forward_pass(self.digit.pixels))
        self.wait(style.PAUSE)
        self.beat("a real test image, fed forward")

    def mark_it_wrong(self) -> None:
        label = self.digit.label
        box = self.diagram.highlight  # the prediction box the pass drew
        truth = self.diagram.prediction_box(label).set_stroke(style.RIGHT_COLOR)
        said = MathTex(rf"\text{{network says }} {self.prediction}", font_size=style.FONT_SIZE_BODY,
                       color=style.WRONG_COLOR)
        true_label = MathTex(rf"\text{{true label }} {label}", font_size=style.FONT_SIZE_BODY,
                             color=style.RIGHT_COLOR)
        verdict = VGroup(said, true_label).arrange(DOWN, aligned_edge=LEFT, buff=VERDICT_GAP)
        verdict.next_to(self.source, DOWN, buff=style.FRAME_MARGIN).align_to(self.image, LEFT)
        wrong = self.pointer("✗ wrong", style.WRONG_COLOR, box, above=self.prediction < label)
        right = self.pointer("correct", style.RIGHT_COLOR, truth, above=label < self.prediction)
        self.play(box.animate.set_stroke(style.WRONG_COLOR), FadeIn(said), run_time=style.RUN_TIME)
        self.play(FadeIn(wrong), run_time=style.RUN_TIME)
        self.add(self.caption)  # back on top of the scene's list, so fading it repaints only itself
        self.play(Create(truth), FadeIn(right), FadeIn(true_label), FadeOut(self.caption), run_time=style.RUN_TIME)
        self.caption = caption("When it fails, knowing what the weights do gives us a place to start")
        self.play(FadeIn(self.caption), run_time=style.SHORT_RUN_TIME)
        self.wait(style.LONG_PAUSE)
        self.beat("marked wrong, true label shown")
        self.wait(style.LONG_PAUSE)

    def pointer(self, text: str, color, box, above: bool) -> VGroup:
        """A word right of the output column, above or below ``box``, with an arrow to it."""
        word = Text(text, font_size=style.FONT_SIZE_BODY, color=color)
        labels_right = self.diagram.output_labels.get_right()[0]
        word.move_to([labels_right + POINTER_DX + word.width / 2,
                      box.get_center()[1] + (POINTER_DY if above else -POINTER_DY), 0])
        arrow = Arrow(word.get_left(), box.get_right(), buff=style.LABEL_BUFF, color=color,
                      stroke_width=style.HIGHLIGHT_WIDTH, max_tip_length_to_length_ratio=0.2)
        return VGroup(word, arrow)

    def finish(self) -> None:
        fade_out_all(self, run_time=style.RUN_TIME)

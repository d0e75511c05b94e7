"""A talk to present as slides: one slide per beat, the narration in the speaker notes.

    ./render.sh --slides sigmoid_talk.py:SigmoidTalk          # a self-contained HTML presentation
    ./render.sh --slides pptx sigmoid_talk.py:SigmoidTalk     # PowerPoint / LibreOffice Impress
    manim-slides render sigmoid_talk.py SigmoidTalkSlides     # or with manim-slides' own tools

The numbers are those of neuron 0 of the trained network's first hidden layer on test image 7.
"""
from manim import DOWN, UP, Dot, FadeIn, MathTex
from manim_slides import Slide

import nn
from scenes.components import FunctionPlot, WeightedSum, sigmoid_plot, style
from scenes.components.transitions import Reveal
from scenes.runtime import NarratedScene

NEURON, IMAGE = 0, 7


class SigmoidTalk(NarratedScene):
    narration = "sigmoid_talk.toml"

    def construct(self) -> None:
        net = nn.load_pretrained()
        pixels, _ = nn.test_image(IMAGE)
        total = float(net.weights[0][NEURON] @ pixels + net.biases[0][NEURON])  # the neuron's weighted sum
        activation = float(nn.sigmoid(total))
        assert abs(activation - net.activations(pixels)[1][NEURON]) < 1e-12  # the same as the network's
        formula = WeightedSum(bias="+ b", sigma=False, font_size=48).to_edge(UP, buff=0.8)
        value = MathTex(f"= {total:.2f}", font_size=48).next_to(formula, DOWN)
        with self.beat("the-sum", total=total):
            self.play(Reveal(formula))
            self.play(FadeIn(value))
        plot: FunctionPlot = sigmoid_plot().next_to(value, DOWN, buff=0.5)
        x = max(-8.0, min(8.0, total))  # where the sum sits on the plot's axis
        with self.beat("the-squish", activation=activation):
            self.play(Reveal(plot))
            self.play(FadeIn(Dot(plot.point(x), color=style.ACCENT)))


class SigmoidTalkSlides(SigmoidTalk, Slide):
    """The same talk for manim-slides: every beat starts a slide with its narration as notes."""

    skip_reversing = True

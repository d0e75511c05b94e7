"""Look at the components: `manim -ql -s scenes/components/demo.py ComponentsStill` (or ComponentsDemo).

Not a chapter of the film; a check that the pieces fit the frame and move cheaply.
"""
from __future__ import annotations

from manim import DOWN, LEFT, RIGHT, FadeIn, Scene

import nn

from scenes.components import DigitImage, NetworkDiagram, PixelImage, WeightGrid, chosen_input, style

DEMO_INDEX = 0  # MNIST test image 0 (a 7)
DEMO_NEURON = 0  # whose incoming weights the grid shows


def _layout() -> tuple[DigitImage, WeightGrid, NetworkDiagram]:
    net = nn.load_pretrained()
    digit = chosen_input(DEMO_INDEX)
    image = DigitImage(digit.pixels).to_corner(style.IMAGE_CORNER, buff=style.FRAME_MARGIN)
    grid = WeightGrid(net.weights[0][DEMO_NEURON], frame=True)
    grid.next_to(image, DOWN, buff=style.FRAME_MARGIN)
    diagram = NetworkDiagram(net)
    return image, grid, diagram


class ComponentsStill(Scene):
    """The diagram lit by a real forward pass, the image top-left, a weight grid below it."""

    def construct(self) -> None:
        image, grid, diagram = _layout()
        diagram.show_image(image.pixels)
        self.add(image, grid, diagram)
        self.add(diagram.prediction_box(int(diagram.network.predict(image.pixels))))


class ComponentsDemo(Scene):
    """The same, animated: fade in, then the real feed-forward pass with its flash and box."""

    def construct(self) -> None:
        image, grid, diagram = _layout()
        self.add(image, grid)
        self.play(FadeIn(diagram), run_time=style.RUN_TIME)
        self.play(diagram.forward_pass(image.pixels))
        self.wait(style.PAUSE)
        self.play(diagram.animate.color_edges_by_weights(), run_time=style.RUN_TIME)
        self.wait(style.PAUSE)


class ComponentsDetail(Scene):
    """Pixel values written on a big image (legibility), and a weight row laid over the digit."""

    def construct(self) -> None:
        net = nn.load_pretrained()
        digit = chosen_input(DEMO_INDEX)
        big = PixelImage(digit.pixels, side=7.2, show_values=True).to_edge(LEFT, buff=style.FRAME_MARGIN)
        image = DigitImage(digit.pixels, side=5.0).to_edge(RIGHT, buff=style.FRAME_MARGIN)
        overlay = WeightGrid(net.weights[0][DEMO_NEURON]).overlay_on(image)
        self.add(big, image, overlay)

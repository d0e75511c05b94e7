"""A plain manim scene built from the film's pieces: a real test digit goes through the trained
network, layer by layer, and the network's answer is boxed. Every fill is a real activation.

    manim -ql forward_pass.py ForwardPass
"""
from manim import Scene

import nn
from scenes.components import DigitImage, NetworkDiagram, style


class ForwardPass(Scene):
    def construct(self) -> None:
        net = nn.load_pretrained()
        pixels, label = nn.test_image(42)
        image = DigitImage(pixels).to_corner(style.IMAGE_CORNER, buff=style.FRAME_MARGIN)
        diagram = NetworkDiagram(net)
        self.add(image, diagram)  # the image first: still things are drawn once
        self.play(diagram.forward_pass(pixels))  # input, two hidden layers, output, answer boxed
        self.play(diagram.animate.color_edges_by_weights())  # green +, red −, width = |w|
        self.wait()

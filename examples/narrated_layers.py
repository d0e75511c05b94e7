"""A narrated scene of your own: its words in narrated_layers.toml, its numbers from the network.
Rendered with plain manim it comes with its sound, subtitles (.srt, .vtt) and timing beside the video.

    manim -ql narrated_layers.py NarratedLayers                   # narrated by the offline voice
    NN_VOICE=none manim -ql narrated_layers.py NarratedLayers     # silent, paced for reading
"""
import numpy as np

import nn
from scenes.components import DigitImage, NetworkDiagram, label_next_to, style
from scenes.components.transitions import Reveal
from scenes.runtime import NarratedScene


class NarratedLayers(NarratedScene):
    narration = "narrated_layers.toml"  # beside this file

    def construct(self) -> None:
        net = nn.load_pretrained()
        pixels, label = nn.test_image(42)
        image = DigitImage(pixels).to_corner(style.IMAGE_CORNER, buff=style.FRAME_MARGIN)
        diagram = NetworkDiagram(net)
        with self.beat("the-image", label=label) as beat:
            self.play(Reveal(image, label_next_to(image, f"test #{42}")))
            beat.wait_until(1)  # until the second sentence starts
            self.play(Reveal(diagram))
        output = net.forward(pixels)
        answer = int(np.argmax(output))
        with self.beat("the-pass", answer=answer, output=output[answer]):
            self.play(diagram.forward_pass(pixels))

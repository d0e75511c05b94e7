"""Reusable manim components of the film: style, pixel grids (digits, weights), network diagram."""
from . import style
from .captions import caption, heading
from .chapter_scene import ChapterScene
from .digit_input import DigitInput, chosen_input, mnist_input, user_chose_input
from .network_diagram import (
    INPUT_PIXELS_SHOWN,
    NetworkDiagram,
    compute_input_pixels_shown,
    drawn_neuron_indices,
)
from .pixel_grid import DigitImage, PartImage, PixelGrid, WeightGrid
from .pixel_image import PixelImage, gray_color

__all__ = [
    "ChapterScene", "DigitInput", "caption", "heading", "INPUT_PIXELS_SHOWN", "NetworkDiagram", "PixelImage", "WeightGrid",
    "DigitImage", "PartImage", "PixelGrid",
    "chosen_input", "compute_input_pixels_shown", "drawn_neuron_indices", "gray_color",
    "mnist_input", "style", "user_chose_input",
]

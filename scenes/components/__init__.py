"""Reusable visuals and animations of the film: each visual idea lives once, here.

style (palette, sizes, timings), captions, transitions (cheap fades as animations), labels and
highlights, the neuron, pixel grids (digits, weights, parts), the network diagram, equations and
function plots. Nothing here knows about chapters or rendering.
"""
from . import style
from .captions import Captions, caption, heading
from .labels import highlight_box, label, label_next_to, ring
from .network_diagram import (
    INPUT_PIXELS_SHOWN,
    NetworkDiagram,
    compute_input_pixels_shown,
    drawn_neuron_indices,
    layer_name,
    layer_symbol,
)
from .neuron import neuron, neuron_grid, numbered_neuron, set_activation
from .pixel_grid import DigitImage, PartImage, PixelGrid, WeightGrid
from .pixel_image import PixelImage, gray_color

__all__ = [
    "Captions", "DigitImage", "INPUT_PIXELS_SHOWN", "NetworkDiagram", "PartImage", "PixelGrid", "PixelImage",
    "WeightGrid", "caption", "compute_input_pixels_shown", "drawn_neuron_indices", "gray_color", "heading",
    "highlight_box", "label", "label_next_to", "layer_name", "layer_symbol", "neuron", "neuron_grid", "numbered_neuron",
    "ring", "set_activation", "style",
]

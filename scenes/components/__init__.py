"""Reusable visuals and animations of the film: each visual idea lives once, here.

style (palette, sizes, timings, the colour rule for weights), captions, transitions (cheap fades as
animations), labels and highlights, the neuron, pixel grids (digits, weights, parts) and the cheap
layers drawn over them, the network diagram and the marks on its edges, equations and function
plots. Nothing here knows about chapters or rendering. Import everything from here:
``from scenes.components import NetworkDiagram, DigitImage, style``.
"""
from . import style
from .captions import Captions, caption
from .edge_marks import bundle_label, edge_flash, lit_edges
from .equations import (
    WeightedSum,
    algebra_color,
    build_weighted_sum,
    colored_tex,
    layer_step,
    layer_steps,
    sigma_formula,
    tag,
)
from .labels import highlight_box, label, label_next_to, ring, wrapped_label
from .network_diagram import (
    INPUT_PIXELS_SHOWN,
    NetworkDiagram,
    compute_input_pixels_shown,
    drawn_neuron_indices,
    layer_name,
    layer_symbol,
)
from .neuron import neuron, neuron_grid, numbered_neuron, set_activation
from .pixel_grid import DigitImage, PartImage, PixelGrid, WeightGrid, rgba_image
from .pixel_image import PixelImage, gray_color
from .pixel_views import glyph_layer, grid_lines, square_outlines
from .sigmoid_plot import FunctionPlot, function_plot, sigmoid_plot
from .transitions import (
    Conceal,
    Cover,
    FadeFromBlack,
    FadeToBlack,
    OpacityFade,
    Reveal,
    Swap,
    SwapUnderCover,
    fade_in,
    fade_out,
)

__all__ = [
    "Captions", "Conceal", "Cover", "DigitImage", "FadeFromBlack", "FadeToBlack", "FunctionPlot", "INPUT_PIXELS_SHOWN",
    "NetworkDiagram", "OpacityFade", "PartImage", "PixelGrid", "PixelImage", "Reveal", "Swap", "SwapUnderCover",
    "WeightGrid", "WeightedSum", "algebra_color", "build_weighted_sum", "bundle_label", "caption", "colored_tex",
    "compute_input_pixels_shown", "drawn_neuron_indices", "edge_flash", "fade_in", "fade_out", "function_plot",
    "glyph_layer", "gray_color", "grid_lines", "highlight_box", "label", "label_next_to", "layer_name", "layer_step",
    "layer_steps", "layer_symbol", "lit_edges", "neuron", "neuron_grid", "numbered_neuron", "rgba_image", "ring",
    "set_activation", "sigma_formula", "sigmoid_plot", "square_outlines", "style", "tag", "wrapped_label",
]

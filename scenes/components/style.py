"""The film's visual language in one place: palette, sizes, stroke widths, timings, font sizes.

Scenes and components import every colour, length and duration from here; no magic numbers
elsewhere. Lengths are in manim units (the frame is about 14.2 wide and 8 high).
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from manim import (
    BLACK,
    BLUE,
    GREEN,
    GREY_B,
    GREY_D,
    MAROON_B,
    RED,
    RIGHT,
    UL,
    UP,
    WHITE,
    YELLOW,
    ManimColor,
)

# --- palette (3Blue1Brown's classic colours, as manim CE names them) -------------------------
BACKGROUND: ManimColor = BLACK
TEXT_COLOR: ManimColor = WHITE
ACCENT: ManimColor = YELLOW  # flashes, highlight boxes, σ
SECONDARY: ManimColor = GREY_B  # captions, faint annotations
ALT_ACCENT: ManimColor = MAROON_B

# one colour rule for weights everywhere (edges, grids): green positive, red negative; how
# strongly = |w| / scale (see weight_color, weight_stroke, weight_rgba at the end of this file)
POSITIVE_WEIGHT_COLOR: ManimColor = GREEN
NEGATIVE_WEIGHT_COLOR: ManimColor = RED

# algebra colour code: weights green, bias blue, σ and its big parentheses yellow
W_COLOR: ManimColor = GREEN
B_COLOR: ManimColor = BLUE
SIGMA_COLOR: ManimColor = YELLOW
WRONG_COLOR: ManimColor = RED
RIGHT_COLOR: ManimColor = GREEN

# --- neurons and layers --------------------------------------------------------------------
NEURON_RADIUS = 0.13
NEURON_STROKE_COLOR: ManimColor = WHITE
NEURON_STROKE_WIDTH = 2.0
NEURON_FILL_COLOR: ManimColor = WHITE  # activation = opacity of this fill, nothing else
NEURON_GAP = 0.08  # space between neighbouring circles in a column
LAYER_GAP = 2.2  # horizontal distance between layer centres
MAX_DRAWN_NEURONS = 16  # a larger layer draws half of this, an ellipsis, and the other half
ELLIPSIS_GAP = 0.8  # extra vertical space the ellipsis takes in a big layer
BRACE_BUFF = 0.1
LABEL_BUFF = 0.15  # output digit labels, brace labels

# --- edges -----------------------------------------------------------------------------------
EDGE_COLOR: ManimColor = GREY_B
EDGE_WIDTH = 1.0
EDGE_OPACITY = 0.6
EDGE_MIN_WIDTH = 0.3  # edges coloured by weight: width grows from this (w = 0) ...
EDGE_MAX_WIDTH = 3.5  # ... to this (largest |w| of the layer)
EDGE_WEIGHT_OPACITY = 0.9

# --- feed-forward flash and prediction box -------------------------------------------------
FLASH_COLOR: ManimColor = YELLOW
FLASH_WIDTH = 3.0
FLASH_TIME_WIDTH = 0.5  # length of the travelling flash as a fraction of its edge
FLASH_EDGE_SHARE = 0.45  # part of a layer's pass time that a single edge is flashing
HIGHLIGHT_COLOR: ManimColor = YELLOW
HIGHLIGHT_WIDTH = 3.0
HIGHLIGHT_BUFF = 0.08
RING_SCALE = 1.6  # a ring round a neuron, relative to the neuron

# --- pixel images and weight grids ---------------------------------------------------------
IMAGE_SIDE = 2.8  # side of a 28×28 image beside the network
IMAGE_FRAME_COLOR: ManimColor = BLUE
IMAGE_FRAME_WIDTH = 2.0
PIXEL_GRID_COLOR: ManimColor = GREY_D
PIXEL_GRID_WIDTH = 0.0  # 0: no lines between pixels (cheapest to render)
VALUE_DARK_TEXT: ManimColor = BLACK  # pixel values written on bright squares
VALUE_LIGHT_TEXT: ManimColor = WHITE  # ... light text on dim squares ...
VALUE_ZERO_TEXT: ManimColor = GREY_B  # ... and subdued "0.0" on black ones
VALUE_TEXT_THRESHOLD = 0.5  # squares brighter than this get dark text
VALUE_TEXT_WIDTH = 0.7  # width of a written value ("0.7") as a fraction of a square's side
OVERLAY_OPACITY = 0.75  # a weight grid laid over an image keeps the digit visible

# --- placement -----------------------------------------------------------------------------
FRAME_MARGIN = 0.4
IMAGE_CORNER = UL  # the input image sits top-left ...
DIAGRAM_CENTER = RIGHT * 2.0 + UP * 0.45  # ... and the 784-16-16-10 diagram to its right, clear of captions

# --- timing (seconds) ----------------------------------------------------------------------
RUN_TIME = 1.0  # most animations
SHORT_RUN_TIME = 0.5
SAID_RUN_TIME = 1.2  # a change that lasts into the sentence that names it (seen while it is said)
PAUSE = 1.0
LONG_PAUSE = 2.0
LAGGED_FADE_IN = 3.0
EXAMPLE_FLASH_TIME = 0.2  # flashing through many examples
LAYER_PASS_TIME = 1.5  # one layer of the feed-forward flash
INPUT_PASS_TIME = 0.8  # the input column lighting up at the start of a forward pass
BOX_TIME = 0.6  # the box around the prediction
QUICK_PASS_TIMES = {"layer_time": 0.45, "input_time": 0.3, "box_time": 0.3}  # a quick pass, once passes are familiar
LAG_RATIO = 0.1
SMALL_LAG_RATIO = 0.02

# --- text ----------------------------------------------------------------------------------
# Smallest legible sizes at 480p (a capital 12 px high): Text 20, MathTex 29 (LaTeX sets smaller).
FONT_SIZE_TITLE = 56
FONT_SIZE_HEADING = 44
FONT_SIZE_CAPTION = 36  # every caption, always this size
FONT_SIZE_BODY = 36
FONT_SIZE_LABEL = 30  # output digits, brace labels (MathTex)
FONT_SIZE_SMALL = 24  # small Text labels


def text_color_on(value: float):
    """Colour of a number written on a square or neuron of brightness ``value`` in [0, 1]:
    dark on bright, light on dim, grey on black."""
    if value > VALUE_TEXT_THRESHOLD:
        return VALUE_DARK_TEXT
    return VALUE_LIGHT_TEXT if value > 0 else VALUE_ZERO_TEXT



# --- the one colour rule for weights ------------------------------------------------------
def weight_color(weight: float, positive_color: ManimColor = POSITIVE_WEIGHT_COLOR,
                 negative_color: ManimColor = NEGATIVE_WEIGHT_COLOR) -> ManimColor:
    """The colour of a weight: green for a positive weight (or 0), red for a negative one.

    Args:
        weight: the weight.
        positive_color: colour of a weight ≥ 0.
        negative_color: colour of a weight < 0.

    Example:
        label = MathTex("w_1", color=style.weight_color(net.weights[0][3, 151]))
    """
    return positive_color if weight >= 0 else negative_color


def weight_stroke(weight: float, largest: float, min_width: float = EDGE_MIN_WIDTH, max_width: float = EDGE_MAX_WIDTH,
                  positive_color: ManimColor = POSITIVE_WEIGHT_COLOR,
                  negative_color: ManimColor = NEGATIVE_WEIGHT_COLOR) -> tuple[ManimColor, float]:
    """(colour, width) of an edge drawn by its weight: ``weight_color``, and a width growing from
    ``min_width`` (w = 0) to ``max_width`` (|w| = ``largest``): min + (max − min)·|w| / largest.

    Args:
        weight: the edge's weight.
        largest: the |w| drawn at ``max_width`` (usually the largest |w| of the edges drawn together).
        min_width: stroke width of a zero weight.
        max_width: stroke width of a weight of size ``largest``.
        positive_color: colour of a weight ≥ 0.
        negative_color: colour of a weight < 0.

    Example:
        color, width = style.weight_stroke(w, largest=float(np.max(np.abs(ws))))
        line.set_stroke(color, width)
    """
    width = min_width + (max_width - min_width) * abs(weight) / largest
    return weight_color(weight, positive_color, negative_color), width


def weight_rgba(weights: np.ndarray | Sequence[float], scale: float, max_opacity: float = 1.0,
                positive_color: ManimColor = POSITIVE_WEIGHT_COLOR,
                negative_color: ManimColor = NEGATIVE_WEIGHT_COLOR) -> np.ndarray:
    """The squares of a weight grid, vectorised: (n, 4) RGBA floats in [0, 1], colour by
    ``weight_color`` and opacity min(|w| / scale, 1) × ``max_opacity`` (0 is transparent).

    Args:
        weights: the weights, any shape (flattened row-major).
        scale: the |w| drawn fully opaque (larger ones are capped).
        max_opacity: the opacity of a weight of size ``scale``.
        positive_color: colour of a weight ≥ 0.
        negative_color: colour of a weight < 0.

    Example:
        rgba = style.weight_rgba(net.weights[0][3], scale=1.0)
        image = rgba_image(rgba[:, :3], rgba[:, 3])
    """
    w = np.asarray(weights, dtype=float).reshape(-1)
    out = np.empty((w.size, 4))
    out[:, :3] = np.where((w >= 0)[:, None], ManimColor(positive_color).to_rgb(), ManimColor(negative_color).to_rgb())
    out[:, 3] = np.minimum(np.abs(w) / scale, 1.0) * max_opacity
    return out

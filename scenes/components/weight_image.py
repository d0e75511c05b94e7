"""A weight row as a 28×28 grid in a few dozen mobjects: WeightGrid's look, far cheaper.

``WeightGrid`` draws 784 Squares: right for one grid that animates square by square, but a
page of 16 grids (12,544 squares) makes every copy, layout and frame slow. ``WeightImage``
paints the same picture (colour by sign, opacity = min(|w| / scale, 1)) with the squares
grouped by colour and by opacity rounded to ``OPACITY_LEVELS`` steps: each group is ONE
VMobject whose subpaths are its squares, so a grid costs at most 2 × OPACITY_LEVELS mobjects.
(ImageMobject would be cheaper still, but manim 0.21's Cairo camera cannot draw one with
the installed Pillow.)
"""
from __future__ import annotations

from typing import Sequence

import numpy as np
from manim import ManimColor, Rectangle, VGroup, VMobject

from . import style
from .pixel_image import N_PIXELS, SIDE_PIXELS
from .pixel_views import squares_path

OPACITY_LEVELS = 16  # opacities are rounded to multiples of 1/16 (invisible to the eye)


def weight_opacities(row: np.ndarray | Sequence[float], scale: float | None = None) -> tuple[np.ndarray, float]:
    """(opacity of each of the 784 squares = min(|w| / scale, 1), the scale used: default max |w|)."""
    w = np.asarray(row, dtype=float).reshape(-1)
    if w.size != N_PIXELS:
        raise ValueError(f"expected {N_PIXELS} weights, got shape {np.shape(row)}")
    largest = float(np.max(np.abs(w)))
    scale = float(scale) if scale is not None else (largest if largest > 0 else 1.0)
    return np.minimum(np.abs(w) / scale, 1.0), scale


class WeightImage(VGroup):
    """784 weights as a crisp 28×28 grid of side ``side`` (row-major like the image), optionally framed.

    Submobjects: ``cells`` (one VMobject per colour and opacity level), then ``frame`` when
    ``frame=True``. ``weights``, ``weight_scale`` and ``level_of`` (each square's rounded
    opacity level, 0 … OPACITY_LEVELS) are kept for tests.
    """

    def __init__(
        self,
        row: np.ndarray | Sequence[float],
        side: float = style.IMAGE_SIDE,
        scale: float | None = None,
        frame: bool = False,
        positive_color: ManimColor = style.POSITIVE_WEIGHT_COLOR,
        negative_color: ManimColor = style.NEGATIVE_WEIGHT_COLOR,
        **kwargs,
    ) -> None:
        super().__init__(**kwargs)
        self.weights = np.asarray(row, dtype=float).reshape(-1)
        opacity, self.weight_scale = weight_opacities(self.weights, scale)
        self.level_of = np.rint(opacity * OPACITY_LEVELS).astype(int)
        pixel = float(side) / SIDE_PIXELS
        r, c = np.divmod(np.arange(N_PIXELS), SIDE_PIXELS)
        half = (SIDE_PIXELS - 1) / 2
        centres = np.stack([(c - half) * pixel, (half - r) * pixel], axis=1)
        self.cells = VGroup()
        for positive, color in ((True, positive_color), (False, negative_color)):
            sign = self.weights >= 0 if positive else self.weights < 0
            for level in range(1, OPACITY_LEVELS + 1):
                chosen = sign & (self.level_of == level)
                if chosen.any():
                    cell = VMobject().set_points(squares_path(centres[chosen], pixel))
                    cell.set_fill(color, opacity=level / OPACITY_LEVELS).set_stroke(width=0)
                    self.cells.add(cell)
        self.add(self.cells)
        self.frame: Rectangle | None = None
        if frame:
            self.frame = Rectangle(width=float(side), height=float(side))
            self.frame.set_stroke(style.IMAGE_FRAME_COLOR, style.IMAGE_FRAME_WIDTH).set_fill(opacity=0)
            self.add(self.frame)

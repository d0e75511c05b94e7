"""One neuron's 784 incoming weights drawn as a 28×28 grid: green positive, red negative."""
from __future__ import annotations

from typing import Sequence

import numpy as np
from manim import ManimColor, Rectangle, Square, VGroup, VMobject

from . import style
from .pixel_image import N_PIXELS, SIDE_PIXELS, PixelImage


class WeightGrid(VGroup):
    """28×28 squares, row-major like the image: colour = sign of the weight, opacity = |w| / scale.

    ``scale`` (kept as ``weight_scale``) defaults to the row's largest |w|, so the strongest
    weight is fully opaque; pass a shared scale to compare several rows. Zero weights are
    fully transparent.
    """

    def __init__(
        self,
        row: np.ndarray | Sequence[float],
        side: float = style.IMAGE_SIDE,
        scale: float | None = None,
        frame: bool = False,
        positive_color: ManimColor = style.POSITIVE_WEIGHT_COLOR,
        negative_color: ManimColor = style.NEGATIVE_WEIGHT_COLOR,
        max_opacity: float = 1.0,
        **kwargs,
    ) -> None:
        """``row``: 784 weights (e.g. ``net.weights[0][j]``, the weights into hidden neuron j)."""
        super().__init__(**kwargs)
        self.positive_color = ManimColor(positive_color)
        self.negative_color = ManimColor(negative_color)
        self.side_length = float(side)
        self.pixel_side = self.side_length / SIDE_PIXELS
        half = (SIDE_PIXELS - 1) / 2
        template = Square(self.pixel_side).set_stroke(width=0)
        cells = []
        for i in range(N_PIXELS):
            r, c = divmod(i, SIDE_PIXELS)
            cells.append(template.copy().move_to([(c - half) * self.pixel_side, (half - r) * self.pixel_side, 0]))
        self.squares = VGroup(*cells)
        self.add(self.squares)
        self.frame: VMobject | None = None
        if frame:
            self.frame = Rectangle(width=self.side_length, height=self.side_length)
            self.frame.set_stroke(style.IMAGE_FRAME_COLOR, style.IMAGE_FRAME_WIDTH).set_fill(opacity=0)
            self.add(self.frame)
        self.set_weights(row, scale, max_opacity)

    def set_weights(
        self, row: np.ndarray | Sequence[float], scale: float | None = None, max_opacity: float = 1.0
    ) -> "WeightGrid":
        """Recolour the squares for another row of 784 weights (same rules as the constructor)."""
        w = np.asarray(row, dtype=float).reshape(-1)
        if w.size != N_PIXELS:
            raise ValueError(f"expected {N_PIXELS} weights, got shape {np.shape(row)}")
        largest = float(np.max(np.abs(w)))
        self.weight_scale = float(scale) if scale is not None else (largest if largest > 0 else 1.0)
        self.weights = w
        self.max_opacity = float(max_opacity)
        for sq, opacity, value in zip(self.squares, self.opacities(), w):
            sq.set_fill(self.positive_color if value >= 0 else self.negative_color, opacity=opacity)
        return self

    def opacities(self) -> np.ndarray:
        """Target fill opacity of every square: min(|w| / scale, 1) × max_opacity."""
        return np.minimum(np.abs(self.weights) / self.weight_scale, 1.0) * self.max_opacity

    def overlay_on(self, image: PixelImage, opacity: float = style.OVERLAY_OPACITY) -> "WeightGrid":
        """Match ``image``'s size and place, with opacities scaled by ``opacity`` so the digit shows.

        Add the grid after the image (so it is drawn on top).
        """
        self.scale_to_fit_width(image.squares.width).move_to(image.squares)
        self.set_weights(self.weights, self.weight_scale, opacity)
        return self

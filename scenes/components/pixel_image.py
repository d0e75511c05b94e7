"""A 28×28 image as 784 separate squares, for scenes that move or morph single pixels.

To show a digit, ``pixel_grid.DigitImage`` looks the same and is far cheaper; use ``PixelImage``
only where pixels act one by one (chapter 3 turns each into a neuron).
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from manim import Circle, ManimColor, Rectangle, Square, VGroup, VMobject

from nn import IMAGE_SIDE as SIDE_PIXELS
from nn import N_PIXELS

from . import style
from .pixel_grid import as_pixels


class PixelImage(VGroup):
    """28×28 squares whose fill is the pixel's gray value; row-major, so ``squares[i]`` is pixel i.

    Submobjects: ``squares`` (VGroup of 784 Squares), then ``frame`` (thin blue rectangle, when
    ``frame=True``). Keeps ``pixels`` ((784,) float) and ``label`` (the MNIST label, else None).
    784 mobjects: to only show a digit, ``DigitImage`` looks the same and is far cheaper.

    Args:
        pixels_or_mnist_index: 784 values in [0, 1] (or 28×28), or an MNIST test index.
        side: width of the image in manim units.
        frame: draw a thin blue rectangle round it.
        grid_width: stroke width of the lines between squares (0: none).
        kwargs: passed to ``VGroup``.

    Example:
        image = PixelImage(42)
        self.add(image)
        self.play(image.squares[14 * 28 + 14].animate.scale(3))   # one pixel steps out
    """

    def __init__(
        self,
        pixels_or_mnist_index: np.ndarray | Sequence[float] | int,
        side: float = style.IMAGE_SIDE,
        frame: bool = True,
        grid_width: float = style.PIXEL_GRID_WIDTH,
        **kwargs,
    ) -> None:
        super().__init__(**kwargs)
        self.pixels, self.label = as_pixels(pixels_or_mnist_index)
        self.side_length = float(side)
        self.pixel_side = self.side_length / SIDE_PIXELS
        template = Square(self.pixel_side).set_stroke(style.PIXEL_GRID_COLOR, grid_width)
        self.squares = VGroup(*(template.copy().move_to(self._pixel_offset(*divmod(i, SIDE_PIXELS)))
                                for i in range(N_PIXELS)))
        self.add(self.squares)
        self._fill_squares()
        self.frame: VMobject | None = None
        if frame:
            self.frame = Rectangle(width=self.side_length, height=self.side_length)
            self.frame.set_stroke(style.IMAGE_FRAME_COLOR, style.IMAGE_FRAME_WIDTH).set_fill(opacity=0)
            self.add(self.frame)

    def _pixel_offset(self, row: int, col: int) -> np.ndarray:
        half = (SIDE_PIXELS - 1) / 2
        return np.array([(col - half) * self.pixel_side, (half - row) * self.pixel_side, 0.0])

    def set_pixels(self, pixels_or_mnist_index: np.ndarray | Sequence[float] | int) -> PixelImage:
        """Show other pixels: each square's fill becomes its new gray value (cheap, no new mobjects)."""
        self.pixels, self.label = as_pixels(pixels_or_mnist_index)
        return self._fill_squares()

    def _fill_squares(self) -> PixelImage:
        for sq, value in zip(self.squares, self.pixels):
            sq.set_fill(gray_color(value), opacity=1.0)
        return self

    def fill_values(self) -> np.ndarray:
        """The gray value each square currently shows (784,), read back from the fills."""
        return np.array([sq.get_fill_color().to_rgb()[0] for sq in self.squares])

    def circles(self, radius: float | None = None) -> VGroup:
        """One circle per pixel at its square's centre with the same fill (for Transform/morphs)."""
        radius = self.pixel_side / 2 if radius is None else radius
        template = Circle(radius=radius).set_stroke(width=0)
        out = []
        for sq in self.squares:
            c = template.copy().move_to(sq.get_center())
            c.set_fill(sq.get_fill_color(), opacity=sq.get_fill_opacity())
            out.append(c)
        return VGroup(*out)


def gray_color(value: float) -> ManimColor:
    """The manim colour of a pixel with gray ``value`` in [0, 1] (0 black, 1 white; clipped).

    Args:
        value: the pixel's value.

    Example:
        square = Square(0.5).set_fill(gray_color(0.7), opacity=1.0)
        self.play(square.animate.set_fill(gray_color(0.1)))
    """
    v = float(np.clip(value, 0.0, 1.0))
    return ManimColor.from_rgb((v, v, v))

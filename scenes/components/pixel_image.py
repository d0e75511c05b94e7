"""A 28×28 image as 784 separate squares, for scenes that move or morph single pixels.

To show a digit, ``pixel_grid.DigitImage`` looks the same and is far cheaper; use ``PixelImage``
only where pixels act one by one (chapter 3 turns each into a neuron) or carry their own labels.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np
from manim import Circle, ManimColor, Rectangle, Square, Text, VGroup, VMobject


from . import style
from .pixel_grid import N_PIXELS, SIDE_PIXELS, as_pixels

Region = tuple[int, int, int, int]  # (row_start, row_stop, col_start, col_stop), stops excluded


class PixelImage(VGroup):
    """28×28 squares whose fill is the pixel's gray value; row-major, so ``squares[i]`` is pixel i.

    Submobjects: ``squares`` (VGroup of 784 Squares), then ``frame`` (thin blue rectangle, when
    ``frame=True``), then ``values`` (pixel values written on the squares, when asked for).
    """

    def __init__(
        self,
        pixels_or_mnist_index: np.ndarray | Sequence[float] | int,
        side: float = style.IMAGE_SIDE,
        frame: bool = True,
        show_values: bool = False,
        value_region: Region | None = None,
        skip_zero_values: bool = False,
        grid_width: float = style.PIXEL_GRID_WIDTH,
        **kwargs,
    ) -> None:
        """``pixels_or_mnist_index``: 784 values in [0, 1] (or 28×28), or an MNIST test index.

        ``show_values`` writes each pixel's value (one decimal) on it, only inside
        ``value_region`` if given, and not on black pixels if ``skip_zero_values``.
        """
        super().__init__(**kwargs)
        self.pixels, self.label = as_pixels(pixels_or_mnist_index)
        self.side_length = float(side)
        self.pixel_side = self.side_length / SIDE_PIXELS
        template = Square(self.pixel_side).set_stroke(style.PIXEL_GRID_COLOR, grid_width)
        squares = []
        for i in range(N_PIXELS):
            row, col = divmod(i, SIDE_PIXELS)
            sq = template.copy().move_to(self._pixel_offset(row, col))
            squares.append(sq)
        self.squares = VGroup(*squares)
        self.add(self.squares)
        self._fill_squares()
        self.frame: VMobject | None = None
        if frame:
            self.frame = Rectangle(width=self.side_length, height=self.side_length)
            self.frame.set_stroke(style.IMAGE_FRAME_COLOR, style.IMAGE_FRAME_WIDTH).set_fill(opacity=0)
            self.add(self.frame)
        self.values: VGroup | None = None
        if show_values:
            self.values = self.value_labels(value_region, skip_zero_values)
            self.add(self.values)

    def _pixel_offset(self, row: int, col: int) -> np.ndarray:
        half = (SIDE_PIXELS - 1) / 2
        return np.array([(col - half) * self.pixel_side, (half - row) * self.pixel_side, 0.0])

    def set_pixels(self, pixels_or_mnist_index: np.ndarray | Sequence[float] | int) -> "PixelImage":
        """Show other pixels: each square's fill becomes its new gray value (cheap, no new mobjects)."""
        self.pixels, self.label = as_pixels(pixels_or_mnist_index)
        return self._fill_squares()

    def _fill_squares(self) -> "PixelImage":
        for sq, value in zip(self.squares, self.pixels):
            sq.set_fill(gray_color(value), opacity=1.0)
        return self

    def fill_values(self) -> np.ndarray:
        """The gray value each square currently shows (784,), read back from the fills."""
        return np.array([sq.get_fill_color().to_rgb()[0] for sq in self.squares])

    def pixel_square(self, row: int, col: int) -> Square:
        """The square of pixel (row, col)."""
        return self.squares[row * SIDE_PIXELS + col]

    def value_labels(self, region: Region | None = None, skip_zero: bool = False) -> VGroup:
        """Pixel values (one decimal) written on their squares: dark text on bright squares.

        Only the pixels in ``region`` (rows/cols, stops excluded) and, with ``skip_zero``, only
        non-black pixels: one Text per distinct string, copied, so this stays cheap.
        """
        r0, r1, c0, c1 = region if region is not None else (0, SIDE_PIXELS, 0, SIDE_PIXELS)
        templates: dict[tuple[str, str], Text] = {}
        labels = []
        for row in range(r0, r1):
            for col in range(c0, c1):
                value = float(self.pixels[row * SIDE_PIXELS + col])
                if skip_zero and value == 0:
                    continue
                text = f"{value:.1f}"
                color = value_text_color(value)
                key = (text, color.to_hex())
                if key not in templates:
                    t = Text(text, color=color, font_size=48)
                    t.scale_to_fit_width(self.pixel_side * style.VALUE_TEXT_WIDTH)
                    templates[key] = t
                labels.append(templates[key].copy().move_to(self.pixel_square(row, col)))
        return VGroup(*labels)

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


def value_text_color(value: float) -> ManimColor:
    """Colour of a value written on a pixel: dark on bright squares, light on dim, grey on black."""
    if value > style.VALUE_TEXT_THRESHOLD:
        return ManimColor(style.VALUE_DARK_TEXT)
    return ManimColor(style.VALUE_LIGHT_TEXT if value > 0 else style.VALUE_ZERO_TEXT)


def gray_color(value: float) -> ManimColor:
    """The manim colour of a pixel with gray ``value`` in [0, 1] (0 black, 1 white)."""
    v = float(np.clip(value, 0.0, 1.0))
    return ManimColor.from_rgb((v, v, v))

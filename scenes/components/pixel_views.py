"""Cheap views of pixel data: a few merged VMobjects instead of one mobject per square or digit.

Every mobject on screen costs render time in every frame that draws it (and at every ``play``,
which redraws the static frame), and every ``copy`` of a Text is a slow deep copy. These views
look exactly like ``PixelImage`` (squares, values written on them) but merge what shares a
colour into ONE VMobject whose subpaths are the squares or glyph outlines:

- ``PixelPatch``: any rows×cols block of pixels, one VMobject per distinct non-zero grey (exact
  values, no rounding), optional grid lines, frame and values: for digits that only appear and
  disappear (a row of examples) or for an enlarged window of an image.
- ``value_layer``: one decimal per pixel written on a ``PixelImage`` (as ``value_labels``, dark
  text on bright squares), at most three VMobjects (one per text colour).
- ``lit_view``: a ``PixelImage`` without its black squares.

All of them assume a black background with nothing behind them.
"""
from __future__ import annotations

import numpy as np
from manim import Rectangle, Text, VGroup, VMobject

from . import style
from .pixel_image import SIDE_PIXELS, PixelImage, gray_color, value_text_color

#: font size at which value glyphs are set before being scaled to the square (as PixelImage does)
GLYPH_FONT_SIZE = 48


def squares_path(centres: np.ndarray, side: float) -> np.ndarray:
    """Bezier points (4 straight cubic curves each) of axis-aligned squares of ``side`` at ``centres``."""
    h = side / 2
    corners = np.array([[-h, h], [h, h], [h, -h], [-h, -h], [-h, h]])
    starts, ends = corners[:-1], corners[1:]
    t = np.array([0, 1 / 3, 2 / 3, 1])[None, :, None]
    curves = starts[:, None, :] + (ends - starts)[:, None, :] * t  # (4, 4, 2)
    centres = np.asarray(centres, dtype=float)  # (n, 2) or (n, 3)
    out = np.zeros((len(centres) * 16, 3))
    out[:, :2] = (centres[:, None, None, :2] + curves[None]).reshape(-1, 2)
    return out


def _lines_path(segments: list) -> np.ndarray:
    """Bezier points of straight segments ((x0, y0), (x1, y1)), each its own subpath."""
    t = np.array([0, 1 / 3, 2 / 3, 1])[:, None]
    out = []
    for a, b in segments:
        a, b = np.array([*a, 0.0]), np.array([*b, 0.0])
        out.append(a + (b - a) * t)
    return np.concatenate(out)


def _glyph_points(text: str, color, width: float) -> np.ndarray:
    """The outline points of ``text`` set at ``width``, centred on the origin."""
    words = Text(text, color=color, font_size=GLYPH_FONT_SIZE)
    words.scale_to_fit_width(width).move_to((0, 0, 0))
    return np.concatenate([m.points for m in words.family_members_with_points()])


def glyph_layer(values: np.ndarray, centres: np.ndarray, cell: float, skip_zero: bool = False) -> VGroup:
    """Each value (one decimal) written at its centre, width ``VALUE_TEXT_WIDTH`` of ``cell``.

    Colours as ``PixelImage.value_labels``; one VMobject per colour, glyphs as its subpaths.
    """
    values = np.asarray(values, dtype=float).reshape(-1)
    centres = np.asarray(centres, dtype=float).reshape(-1, 3)
    glyphs: dict[str, np.ndarray] = {}
    by_color: dict[str, list[np.ndarray]] = {}
    colors = {}
    for value, centre in zip(values, centres):
        if skip_zero and value == 0:
            continue
        text = f"{value:.1f}"
        color = value_text_color(value)
        if (text, color.to_hex()) not in glyphs:
            glyphs[(text, color.to_hex())] = _glyph_points(text, color, cell * style.VALUE_TEXT_WIDTH)
        by_color.setdefault(color.to_hex(), []).append(glyphs[(text, color.to_hex())] + centre)
        colors[color.to_hex()] = color
    layer = VGroup()
    for hex_color, parts in by_color.items():
        layer.add(VMobject().set_points(np.concatenate(parts)).set_fill(colors[hex_color], opacity=1.0)
                  .set_stroke(width=0))
    return layer


def value_layer(image: PixelImage, skip_zero: bool = False) -> VGroup:
    """Every pixel's value (one decimal) written on ``image``'s squares, in at most three VMobjects."""
    centres = np.array([sq.get_center() for sq in image.squares])
    return glyph_layer(image.pixels, centres, image.pixel_side, skip_zero)


def lit_view(image: PixelImage) -> VGroup:
    """The squares of ``image`` that are not black (same objects), then its frame and values if any.

    A digit has about 150-250 non-black pixels; the other ~600 squares are invisible on black
    yet cost as much to draw. Keep ``image`` itself for positions and pixels; add only the view.
    """
    view = VGroup(VGroup(*(sq for sq, v in zip(image.squares, image.pixels) if v > 0)))
    if image.frame is not None:
        view.add(image.frame)
    if image.values is not None:
        view.add(image.values)
    return view


class PixelPatch(VGroup):
    """A rows×cols block of gray pixels as crisp squares of side ``cell``, centred on the origin.

    Submobjects: ``cells`` (one VMobject per distinct non-zero gray, exact), then ``grid`` (thin
    lines between all squares, when ``grid_width`` > 0), ``frame`` (when ``frame``), ``values``
    (when ``show_values``). ``pixels`` keeps the block.
    """

    def __init__(self, pixels: np.ndarray, cell: float, frame: bool = True, frame_color=style.IMAGE_FRAME_COLOR,
                 grid_width: float = 0.0, show_values: bool = False, skip_zero: bool = False, **kwargs) -> None:
        super().__init__(**kwargs)
        self.pixels = np.clip(np.asarray(pixels, dtype=float), 0.0, 1.0)
        if self.pixels.ndim == 1:
            self.pixels = self.pixels.reshape(SIDE_PIXELS, SIDE_PIXELS)
        rows, cols = self.pixels.shape
        self.cell = float(cell)
        r, c = np.divmod(np.arange(rows * cols), cols)
        self.centres = np.stack([(c - (cols - 1) / 2) * cell, ((rows - 1) / 2 - r) * cell, 0 * r], axis=1)
        flat = self.pixels.reshape(-1)
        self.cells = VGroup()
        for gray in np.unique(flat[flat > 0]):
            cells = VMobject().set_points(squares_path(self.centres[flat == gray], cell))
            self.cells.add(cells.set_fill(gray_color(gray), opacity=1.0).set_stroke(width=0))
        self.add(self.cells)
        width, height = cols * cell, rows * cell
        if grid_width > 0:
            xs, ys = -width / 2 + np.arange(1, cols) * cell, height / 2 - np.arange(1, rows) * cell
            segments = [((x, height / 2), (x, -height / 2)) for x in xs] + [((-width / 2, y), (width / 2, y)) for y in ys]
            self.grid = VMobject().set_points(_lines_path(segments))
            self.add(self.grid.set_stroke(style.PIXEL_GRID_COLOR, grid_width).set_fill(opacity=0))
        if frame:
            self.frame = Rectangle(width=width, height=height).set_stroke(frame_color, style.IMAGE_FRAME_WIDTH)
            self.add(self.frame.set_fill(opacity=0))
        if show_values:
            self.values = glyph_layer(flat, self.centres, cell, skip_zero)
            self.add(self.values)

    def cell_center(self, row: int, col: int) -> np.ndarray:
        """Where the square of (row, col) is now (after any moves)."""
        return self.get_center() + self.centres[row * self.pixels.shape[1] + col] * (self.width / (
            self.pixels.shape[1] * self.cell))

"""Cheap vector layers over pixel grids: a few merged VMobjects instead of one mobject per glyph or line.

Every mobject on screen costs render time in every frame that draws it (and at every ``play``,
which redraws the static frame), and every ``copy`` of a Text is a slow deep copy. These layers
merge what shares a colour into ONE VMobject whose subpaths are the glyph outlines or lines:

- ``glyph_layer``: one decimal per pixel written at given centres (dark text on bright squares,
  light on dim, grey "0.0" on black), at most three VMobjects (one per text colour). For a
  ``PixelGrid`` pass ``grid.cell_centers()`` and ``grid.pixel_side``.
- ``grid_lines``: thin lines between all squares of a ``PixelGrid`` (an enlarged window of an
  image), one VMobject.
- ``square_outlines``: an outline round chosen squares of a ``PixelGrid``, one VMobject.
"""
from __future__ import annotations

import numpy as np
from manim import DR, UL, ManimColor, Text, VGroup, VMobject

from . import style
from .pixel_grid import PixelGrid

#: font size at which a value's glyphs are set, before ``glyph_layer`` scales them to ``VALUE_TEXT_WIDTH`` of a
#: square: it sets only how finely the outlines are drawn, not their size on screen
GLYPH_FONT_SIZE = 48


def _lines_path(segments: list) -> np.ndarray:
    """Bezier points of straight segments ((x0, y0), (x1, y1)), each its own subpath."""
    t = np.array([0, 1 / 3, 2 / 3, 1])[:, None]
    out = []
    for a, b in segments:
        a, b = np.array([*a, 0.0]), np.array([*b, 0.0])
        out.append(a + (b - a) * t)
    return np.concatenate(out)


def grid_lines(grid: PixelGrid, stroke_width: float, color: ManimColor = style.PIXEL_GRID_COLOR) -> VMobject:
    """The lines between all squares of ``grid`` where it is now (not its outline), as ONE VMobject.

    ``cols - 1`` vertical then ``rows - 1`` horizontal segments, each its own subpath.

    Args:
        grid: the ``PixelGrid`` (placed and sized already: the lines do not follow it later).
        stroke_width: the lines' width.
        color: the lines' colour.

    Example:
        window = DigitImage(pixels[10:15, 10:15], side=4)
        self.add(window, grid_lines(window, stroke_width=1.0))
    """
    left, top = grid.image.get_corner(UL)[:2]
    right, bottom = grid.image.get_corner(DR)[:2]
    xs = left + np.arange(1, grid.cols) * (right - left) / grid.cols
    ys = top - np.arange(1, grid.rows) * (top - bottom) / grid.rows
    segments = [((x, top), (x, bottom)) for x in xs] + [((left, y), (right, y)) for y in ys]
    lines = VMobject().set_points(_lines_path(segments)) if segments else VMobject()
    return lines.set_stroke(color, stroke_width).set_fill(opacity=0)


def _glyph_points(text: str, color, width: float) -> np.ndarray:
    """The outline points of ``text`` set at ``width``, centred on the origin."""
    words = Text(text, color=color, font_size=GLYPH_FONT_SIZE)
    words.scale_to_fit_width(width).move_to((0, 0, 0))
    return np.concatenate([m.points for m in words.family_members_with_points()])


def glyph_layer(values: np.ndarray, centres: np.ndarray, cell: float, skip_zero: bool = False) -> VGroup:
    """Each value (one decimal) written at its centre, width ``VALUE_TEXT_WIDTH`` of ``cell``.

    Colours by ``style.text_color_on``; one VMobject per colour, glyphs as its subpaths.

    Args:
        values: the numbers to write, one per centre.
        centres: (n, 3) points where they go (for a grid: ``grid.cell_centers()``).
        cell: the side of a square (for a grid: ``grid.pixel_side``).
        skip_zero: write nothing where the value is 0.

    Example:
        window = DigitImage(pixels[10:15, 10:15], side=4)
        values = glyph_layer(window.gray_values(), window.cell_centers(), window.pixel_side)
        self.add(window, values)
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
        color = ManimColor(style.text_color_on(value))
        if (text, color.to_hex()) not in glyphs:
            glyphs[(text, color.to_hex())] = _glyph_points(text, color, cell * style.VALUE_TEXT_WIDTH)
        by_color.setdefault(color.to_hex(), []).append(glyphs[(text, color.to_hex())] + centre)
        colors[color.to_hex()] = color
    layer = VGroup()
    for hex_color, parts in by_color.items():
        layer.add(VMobject().set_points(np.concatenate(parts)).set_fill(colors[hex_color], opacity=1.0)
                  .set_stroke(width=0))
    return layer


def square_outlines(grid: PixelGrid, mask: np.ndarray, color: ManimColor = style.HIGHLIGHT_COLOR,
                    stroke_width: float = style.EDGE_WIDTH * 2) -> VMobject:
    """An outline round every square of ``grid`` where ``mask`` (rows × cols, row-major) is True, as ONE
    VMobject (four segments per square).

    Args:
        grid: the ``PixelGrid`` (placed and sized already).
        mask: rows × cols booleans, row-major: the squares to outline.
        color: the outlines' colour.
        stroke_width: their width.

    Example:
        image = DigitImage(42)
        self.add(image)
        self.play(Create(square_outlines(image, image.pixels > 0.5)))
    """
    centres = grid.cell_centers()[np.asarray(mask, dtype=bool).reshape(-1)]
    h = grid.pixel_side / 2
    segments = []
    for x, y, _ in centres:
        corners = [(x - h, y + h), (x + h, y + h), (x + h, y - h), (x - h, y - h)]
        segments += [(corners[k], corners[(k + 1) % 4]) for k in range(4)]
    outline = VMobject().set_points(_lines_path(segments)) if segments else VMobject()
    return outline.set_stroke(color, stroke_width).set_fill(opacity=0)

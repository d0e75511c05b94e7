"""28×28 grids of crisp coloured squares drawn as ONE image: a digit, a weight row, part of a digit.

``PixelGrid`` is an ``ImageMobject`` of the grid's colours, scaled with nearest-neighbour
resampling, so every square stays sharp. It looks like 784 ``Square`` s but costs one small
array: copying it for an animation is cheap and drawing it is one image paste per frame,
where 784 squares are 784 cairo paths. ``Transform`` between two grids of the same shape
blends their colours square by square (``.animate.set_pixels(...)`` / ``.set_weights(...)``).

- ``DigitImage``: gray pixels in [0, 1] (an MNIST image), opaque.
- ``WeightGrid``: one neuron's 784 weights: green positive, red negative, opacity |w| / scale.
- ``PartImage``: only the pixels under a mask, in one colour with opacity = pixel value.

``rgba`` is what is drawn ((rows, cols, 4) uint8); the tests read it back.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from manim import Group, ImageMobject, ManimColor, Rectangle
from manim.constants import RESAMPLING_ALGORITHMS

import nn

from . import style

SIDE_PIXELS = nn.IMAGE_SIDE
N_PIXELS = nn.N_PIXELS


def as_pixels(pixels_or_mnist_index: np.ndarray | Sequence[float] | int) -> tuple[np.ndarray, int | None]:
    """(784,) float pixels in [0, 1] and the label when known, from an array or an MNIST test index."""
    if isinstance(pixels_or_mnist_index, (int, np.integer)):
        pixels, label = nn.test_image(int(pixels_or_mnist_index))
        return np.asarray(pixels, dtype=float).reshape(N_PIXELS), int(label)
    pixels = np.asarray(pixels_or_mnist_index, dtype=float)
    if pixels.size != N_PIXELS:
        raise ValueError(f"expected {N_PIXELS} pixels ({SIDE_PIXELS}×{SIDE_PIXELS}), got shape {pixels.shape}")
    return np.clip(pixels.reshape(N_PIXELS), 0.0, 1.0), None


def rgba_image(color_rgb: np.ndarray, alpha: np.ndarray, shape: tuple[int, int] = (SIDE_PIXELS, SIDE_PIXELS)) -> np.ndarray:
    """(rows, cols, 4) uint8 from per-square colours (n, 3) or one colour (3,), and alphas (n,), all in [0, 1]:
    the colours a ``PixelGrid`` draws.

    Args:
        color_rgb: one RGB colour (3,) for every square, or one per square (n, 3), row-major, in [0, 1].
        alpha: each square's opacity (n,), in [0, 1].
        shape: (rows, cols) of the grid; rows × cols = n.

    Example:
        rgba = rgba_image(ManimColor(YELLOW).to_rgb(), pixels)   # the digit in yellow
        self.add(PixelGrid(rgba))
    """
    rgb = np.broadcast_to(np.asarray(color_rgb, dtype=float), (shape[0] * shape[1], 3))
    out = np.empty((shape[0] * shape[1], 4))
    out[:, :3] = rgb
    out[:, 3] = np.asarray(alpha, dtype=float).reshape(-1)
    return np.rint(np.clip(out, 0.0, 1.0) * 255).astype(np.uint8).reshape(*shape, 4)


def gray_rgba(pixels: np.ndarray, shape: tuple[int, int] = (SIDE_PIXELS, SIDE_PIXELS)) -> np.ndarray:
    """Opaque grays (black 0, white 1) for pixel values in [0, 1]."""
    pixels = np.asarray(pixels, dtype=float).reshape(-1)
    return rgba_image(np.repeat(pixels[:, None], 3, axis=1), np.ones(pixels.size), shape)


class PixelGrid(Group):
    """A grid of coloured squares (``rgba``, row-major) of width ``side``, optionally framed.

    Submobjects: ``image`` (the ImageMobject), then ``frame`` (thin rectangle) when ``frame``.
    A ``Group``, not a ``VGroup``: put it in a ``Group``.

    Args:
        rgba: the squares' colours, (rows, cols, 4) uint8.
        side: width of the whole grid in manim units (the height follows rows / cols).
        frame: draw a thin rectangle round the grid.
        frame_color: colour of that rectangle.
        kwargs: passed to ``Group``.

    Example:
        rgba = rgba_image(np.array([1.0, 0.0, 0.0]), np.linspace(0, 1, 784))
        grid = PixelGrid(rgba, side=3, frame=True).to_edge(LEFT)
        self.add(grid)
    """

    def __init__(self, rgba: np.ndarray, side: float = style.IMAGE_SIDE, frame: bool = False,
                 frame_color: ManimColor = style.IMAGE_FRAME_COLOR, **kwargs) -> None:
        super().__init__(**kwargs)
        rgba = np.asarray(rgba, dtype=np.uint8)
        self.rows, self.cols = rgba.shape[:2]
        self.image = ImageMobject(rgba)
        self.image.set_resampling_algorithm(RESAMPLING_ALGORITHMS["nearest"])
        self.image.stretch_to_fit_width(float(side)).stretch_to_fit_height(float(side) * self.rows / self.cols)
        self.add(self.image)
        self.frame: Rectangle | None = None
        if frame:
            self.frame = Rectangle(width=self.image.width, height=self.image.height)
            self.add(self.frame.set_stroke(frame_color, style.IMAGE_FRAME_WIDTH).set_fill(opacity=0))

    @property
    def rgba(self) -> np.ndarray:
        """The colours drawn now, (rows, cols, 4) uint8 (after any fades)."""
        return self.image.pixel_array

    @property
    def side_length(self) -> float:
        """The grid's current width in manim units."""
        return float(self.image.width)

    @property
    def pixel_side(self) -> float:
        """The side of one square now."""
        return self.side_length / self.cols

    def set_rgba(self, rgba: np.ndarray) -> PixelGrid:
        """Show other colours (same shape): for ``.animate`` / ``Transform``, square by square."""
        rgba = np.asarray(rgba, dtype=np.uint8)
        if rgba.shape != self.image.pixel_array.shape:
            raise ValueError(f"expected colours of shape {self.image.pixel_array.shape}, got {rgba.shape}")
        self.image.pixel_array = rgba.copy()
        self.image.orig_alpha_pixel_array = rgba[..., 3].copy()  # what manim's set_opacity scales
        return self

    def cell_centers(self) -> np.ndarray:
        """(rows × cols, 3) centres of all squares where they are now, row-major."""
        r, c = np.divmod(np.arange(self.rows * self.cols), self.cols)
        left, top = self.image.get_corner(np.array([-1, 1, 0]))[:2]
        step_x, step_y = self.image.width / self.cols, self.image.height / self.rows
        return np.stack([left + (c + 0.5) * step_x, top - (r + 0.5) * step_y, 0.0 * r], axis=1)

    def cell_center(self, row: int, col: int) -> np.ndarray:
        """Where the centre of square (row, col) is now."""
        return self.cell_centers()[row * self.cols + col]


class DigitImage(PixelGrid):
    """A gray image (28×28, or any rows×cols block) in [0, 1]: black 0 to white 1, opaque; framed by default.

    Keeps ``pixels`` ((n,) float) and ``label`` (the MNIST label, else None).

    Args:
        pixels_or_mnist_index: 784 values in [0, 1] (or 28×28, or any rows×cols block), or an MNIST test index.
        side: width of the image in manim units.
        frame: draw a thin blue rectangle round it.
        kwargs: passed to ``PixelGrid`` (e.g. ``frame_color``).

    Example:
        pixels, label = nn.test_image(42)
        image = DigitImage(pixels).to_corner(style.IMAGE_CORNER)
        self.add(image)
        self.play(image.animate.set_pixels(7))   # squares blend into test image 7
    """

    def __init__(self, pixels_or_mnist_index: np.ndarray | Sequence[float] | int, side: float = style.IMAGE_SIDE,
                 frame: bool = True, **kwargs) -> None:
        shape = np.shape(pixels_or_mnist_index)
        if len(shape) == 2 and shape != (SIDE_PIXELS, SIDE_PIXELS):  # a block cut out of an image
            self.pixels, self.label = np.clip(np.asarray(pixels_or_mnist_index, dtype=float), 0, 1).reshape(-1), None
        else:
            self.pixels, self.label = as_pixels(pixels_or_mnist_index)
            shape = (SIDE_PIXELS, SIDE_PIXELS)
        super().__init__(gray_rgba(self.pixels, shape), side=side, frame=frame, **kwargs)

    def set_pixels(self, pixels_or_mnist_index: np.ndarray | Sequence[float] | int) -> DigitImage:
        """Show another 28×28 image in the same place."""
        self.pixels, self.label = as_pixels(pixels_or_mnist_index)
        return self.set_rgba(gray_rgba(self.pixels))

    def gray_values(self) -> np.ndarray:
        """The gray each square is drawn with, (n,) in [0, 1], read back from ``rgba``."""
        return self.rgba[..., 0].reshape(-1) / 255.0


class WeightGrid(PixelGrid):
    """784 weights, row-major like the image: colour = sign, opacity = min(|w| / scale, 1) × max_opacity
    (the colour rule of ``style.weight_rgba``).

    ``scale`` (kept as ``weight_scale``) defaults to the row's largest |w|, so the strongest
    weight is fully opaque; pass a shared scale to compare rows. Zero weights are transparent.

    Args:
        row: the 784 weights of one neuron (e.g. ``net.weights[0][3]``).
        side: width of the grid in manim units.
        scale: the |w| drawn fully opaque (default: the row's largest |w|).
        frame: draw a thin rectangle round the grid.
        positive_color: colour of weights ≥ 0.
        negative_color: colour of weights < 0.
        max_opacity: opacity of a weight of size ``scale``.
        kwargs: passed to ``PixelGrid``.

    Example:
        grid = WeightGrid(net.weights[0][3]).to_corner(DL)
        self.add(grid)
        self.play(grid.animate.set_weights(net.weights[0][4]))
    """

    def __init__(self, row: np.ndarray | Sequence[float], side: float = style.IMAGE_SIDE, scale: float | None = None,
                 frame: bool = False, positive_color: ManimColor = style.POSITIVE_WEIGHT_COLOR,
                 negative_color: ManimColor = style.NEGATIVE_WEIGHT_COLOR, max_opacity: float = 1.0, **kwargs) -> None:
        self.positive_color, self.negative_color = ManimColor(positive_color), ManimColor(negative_color)
        super().__init__(self._colours(row, scale, max_opacity), side=side, frame=frame, **kwargs)

    def _colours(self, row: np.ndarray | Sequence[float], scale: float | None, max_opacity: float) -> np.ndarray:
        w = np.asarray(row, dtype=float).reshape(-1)
        if w.size != N_PIXELS:
            raise ValueError(f"expected {N_PIXELS} weights, got shape {np.shape(row)}")
        largest = float(np.max(np.abs(w)))
        self.weights = w
        self.weight_scale = float(scale) if scale is not None else (largest if largest > 0 else 1.0)
        self.max_opacity = float(max_opacity)
        colours = self._rule()
        return rgba_image(colours[:, :3], colours[:, 3])

    def _rule(self) -> np.ndarray:
        return style.weight_rgba(self.weights, self.weight_scale, self.max_opacity, self.positive_color,
                                 self.negative_color)

    def opacities(self) -> np.ndarray:
        """Each square's opacity: min(|w| / scale, 1) × max_opacity (drawn rounded to 1/255)."""
        return self._rule()[:, 3]

    def set_weights(self, row: np.ndarray | Sequence[float], scale: float | None = None,
                    max_opacity: float | None = None) -> WeightGrid:
        """Show another row of 784 weights (same rules; ``max_opacity`` kept unless given)."""
        keep = self.max_opacity if max_opacity is None else max_opacity
        return self.set_rgba(self._colours(row, scale, keep))

    def overlay_on(self, image: PixelGrid, opacity: float = style.OVERLAY_OPACITY) -> WeightGrid:
        """Match ``image``'s size and place, opacities scaled by ``opacity`` so the digit shows through.

        Add the grid after the image, so it is drawn on top.
        """
        self.scale_to_fit_width(image.image.width).move_to(image.image)
        return self.set_weights(self.weights, self.weight_scale, opacity)


class PartImage(PixelGrid):
    """Only the pixels under ``mask``, in ``color`` with opacity = pixel value, on the whole 28×28 grid.

    Placed exactly like a ``DigitImage`` of the same ``side``, so parts can sit over the digit.
    With ``color`` white it is the digit itself: the same gray as ``DigitImage`` over black.

    Args:
        pixels: the image's 784 values in [0, 1].
        mask: 784 booleans (or 28×28): the pixels to show.
        color: the part's colour.
        side: width of the grid in manim units.
        frame: draw a thin rectangle round the grid.
        frame_color: colour of that rectangle.
        kwargs: passed to ``PixelGrid``.

    Example:
        digit = DigitImage(pixels)
        top = PartImage(pixels, np.arange(784) < 392, YELLOW).move_to(digit)
        self.add(digit, top)
    """

    def __init__(self, pixels: np.ndarray, mask: np.ndarray, color: ManimColor, side: float = style.IMAGE_SIDE,
                 frame: bool = False, frame_color: ManimColor = style.IMAGE_FRAME_COLOR, **kwargs) -> None:
        self.pixels = np.asarray(pixels, dtype=float).reshape(-1)
        self.mask = np.asarray(mask, dtype=bool).reshape(-1)
        alpha = np.where(self.mask, np.clip(self.pixels, 0.0, 1.0), 0.0)
        super().__init__(rgba_image(ManimColor(color).to_rgb(), alpha), side=side, frame=frame,
                         frame_color=frame_color, **kwargs)

"""Parts of real handwritten digits (loops, lines, short edges), cut by computed masks.

Nothing here is drawn by hand: every part is a boolean mask over a real MNIST image's ink,
found with ``scipy.ndimage`` by the rules below, so a scene can show "a 9 is a loop plus a
line" with the digit's own pixels. This module is only the maths, plain NumPy/SciPy (no
manim); ``scenes.components.pixel_grid.PartImage`` draws a part's pixels in one colour.

Rules (each a function below):

- **ink**: pixels brighter than ``INK_THRESHOLD``.
- **holes**: background regions the ink encloses (``binary_fill_holes`` minus the ink), as
  connected components of at least ``MIN_HOLE_PIXELS`` pixels (smaller ones are gaps between
  blurred strokes, not loops).
- **loop around a hole**: the ink pixels within ``LOOP_REACH`` pixels of the hole (Euclidean
  distance transform), i.e. the ring of ink that encloses it.
- **9** = upper loop (the ring around its single hole, which must lie in the upper half and
  hold at least ``MIN_NINE_HOLE_PIXELS``) + line (the largest connected piece of the other
  ink; stray bits of it stay with the loop).
- **8** = upper loop + lower loop: every ink pixel goes to the hole it is nearer to.
- **4** = three lines, split by local stroke direction: the structure tensor of the image gives
  each ink pixel the direction its stroke runs in; pixels running within ``FLAT_DEGREES`` of
  horizontal seed the cross-bar, pixels steeper than ``STEEP_DEGREES`` seed the two upright
  strokes (the two largest connected groups, left and right); every other ink pixel joins the
  seed group it is nearest to.
- **short edges**: a loop cut into ``LOOP_EDGES`` equal angular sectors around its hole's
  centre; a line cut into ``LINE_EDGES`` equal-length pieces along its main axis (PCA).

The examples are the first MNIST *test* images of each digit (in index order) that the rule
splits cleanly and the trained network reads correctly (``first_clean_example``).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np
from scipy import ndimage as ndi

import nn

SIDE = nn.IMAGE_SIDE
INK_THRESHOLD = 0.4  # a pixel is ink when brighter than this
MIN_HOLE_PIXELS = 8  # smaller enclosed regions are gaps between strokes, not loops
MIN_NINE_HOLE_PIXELS = 20  # a 9 example must have a clearly open loop (its ring is then thin)
LOOP_REACH = 3.0  # pixels: ink this close to a hole belongs to the loop around it
MIN_PART_PIXELS = 12  # a part smaller than this means the split failed
FLAT_DEGREES = 30.0  # strokes within this of horizontal seed a 4's cross-bar
STEEP_DEGREES = 55.0  # strokes steeper than this seed a 4's upright lines
TENSOR_GRADIENT_SIGMA = 1.0  # structure tensor: smoothing of the gradient ...
TENSOR_WINDOW_SIGMA = 1.5  # ... and of its products (the window it averages over)
LOOP_EDGES = 6  # angular sectors a loop is cut into
LINE_EDGES = 3  # pieces a line is cut into
SEARCH_LIMIT = 400  # test images of one digit tried before giving up


@dataclass(frozen=True)
class DigitParts:
    """A real MNIST test image and the named masks of its parts (each (784,) bool, disjoint)."""

    index: int  # MNIST test index
    label: int
    pixels: np.ndarray  # (784,) in [0, 1]
    names: tuple[str, ...]  # e.g. ("upper loop", "line")
    masks: tuple[np.ndarray, ...]

    def part_pixels(self, k: int) -> np.ndarray:
        """The image with only part ``k``'s pixels kept (others 0)."""
        return np.where(self.masks[k], self.pixels, 0.0)


# --- basic masks ------------------------------------------------------------------------
def ink_mask(pixels: np.ndarray) -> np.ndarray:
    """(28, 28) bool: the ink pixels."""
    return np.asarray(pixels, dtype=float).reshape(SIDE, SIDE) > INK_THRESHOLD


def holes(pixels: np.ndarray) -> list[np.ndarray]:
    """The enclosed background regions of at least MIN_HOLE_PIXELS, top to bottom ((28, 28) bool each)."""
    ink = ink_mask(pixels)
    enclosed = ndi.binary_fill_holes(ink) & ~ink
    labelled, n = ndi.label(enclosed)
    found = [labelled == k for k in range(1, n + 1) if (labelled == k).sum() >= MIN_HOLE_PIXELS]
    return sorted(found, key=lambda h: ndi.center_of_mass(h)[0])


def distance_to(region: np.ndarray) -> np.ndarray:
    """(28, 28) Euclidean distance of every pixel to the nearest pixel of ``region``."""
    return ndi.distance_transform_edt(~region)


def loop_around(pixels: np.ndarray, hole: np.ndarray) -> np.ndarray:
    """(28, 28) bool: the ink within LOOP_REACH of ``hole``: the ring enclosing it."""
    return ink_mask(pixels) & (distance_to(hole) <= LOOP_REACH)


def stroke_angles(pixels: np.ndarray) -> np.ndarray:
    """(28, 28) direction each stroke runs in, degrees from horizontal in [0, 90] (structure tensor)."""
    img = np.asarray(pixels, dtype=float).reshape(SIDE, SIDE)
    gy = ndi.gaussian_filter(img, TENSOR_GRADIENT_SIGMA, order=(1, 0))
    gx = ndi.gaussian_filter(img, TENSOR_GRADIENT_SIGMA, order=(0, 1))
    jxx = ndi.gaussian_filter(gx * gx, TENSOR_WINDOW_SIGMA)
    jyy = ndi.gaussian_filter(gy * gy, TENSOR_WINDOW_SIGMA)
    jxy = ndi.gaussian_filter(gx * gy, TENSOR_WINDOW_SIGMA)
    gradient_angle = 0.5 * np.arctan2(2 * jxy, jxx - jyy)  # dominant gradient direction
    stroke = gradient_angle + np.pi / 2  # the stroke runs across its gradient
    return np.degrees(np.abs(np.arctan(np.tan(stroke))))  # fold to [0, 90]


# --- the three digits -----------------------------------------------------------------------
def split_nine(pixels: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """(upper loop, line) as (28, 28) masks, or None when the image has no single upper hole."""
    found = holes(pixels)
    if len(found) != 1 or ndi.center_of_mass(found[0])[0] >= SIDE / 2:
        return None
    if found[0].sum() < MIN_NINE_HOLE_PIXELS:
        return None
    loop = loop_around(pixels, found[0])
    line = _largest_components(ink_mask(pixels) & ~loop, 1)
    if not line:
        return None
    return ink_mask(pixels) & ~line[0], line[0]  # stray bits beside the loop stay with it


def split_eight(pixels: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """(upper loop, lower loop): each ink pixel goes to the nearer of two stacked holes."""
    found = holes(pixels)
    if len(found) != 2:
        return None
    ink = ink_mask(pixels)
    nearer_upper = distance_to(found[0]) <= distance_to(found[1])
    return ink & nearer_upper, ink & ~nearer_upper


def split_four(pixels: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    """(left line, cross-bar, right line) by stroke direction; None unless it finds all three."""
    ink = ink_mask(pixels)
    angles = stroke_angles(pixels)
    flat = ink & (angles <= FLAT_DEGREES)
    steep = ink & (angles >= STEEP_DEGREES)
    bar = _largest_components(flat, 1)
    uprights = _largest_components(steep, 2)
    if len(bar) != 1 or len(uprights) != 2:
        return None
    left, right = sorted(uprights, key=lambda m: ndi.center_of_mass(m)[1])
    seeds = np.zeros((SIDE, SIDE), dtype=int)
    for k, seed in enumerate((left, bar[0], right), start=1):
        seeds[seed] = k
    # every ink pixel joins the seed group it is nearest to
    _, (rows, cols) = ndi.distance_transform_edt(seeds == 0, return_indices=True)
    nearest = seeds[rows, cols]
    left_part, bar_part, right_part = (ink & (nearest == k) for k in (1, 2, 3))
    return left_part, bar_part, right_part


def _largest_components(mask: np.ndarray, n: int) -> list[np.ndarray]:
    """The ``n`` largest connected components of ``mask`` (8-connected), fewer if there are not."""
    labelled, count = ndi.label(mask, structure=np.ones((3, 3)))
    sizes = ndi.sum(mask, labelled, range(1, count + 1))
    order = np.argsort(-sizes, kind="stable")[:n]
    return [labelled == k + 1 for k in order if sizes[k] >= MIN_PART_PIXELS]


SPLITTERS = {
    9: (split_nine, ("upper loop", "line")),
    8: (split_eight, ("upper loop", "lower loop")),
    4: (split_four, ("left line", "cross-bar", "right line")),
}


def split_digit(pixels: np.ndarray, digit: int) -> tuple[np.ndarray, ...] | None:
    """The digit's part masks ((784,) bool each), or None when the rule does not split it cleanly."""
    splitter, _ = SPLITTERS[digit]
    masks = splitter(pixels)
    if masks is None or any(m.sum() < MIN_PART_PIXELS for m in masks):
        return None
    return tuple(m.reshape(-1) for m in masks)


@cache
def clean_examples(digit: int, n: int) -> tuple[DigitParts, ...]:
    """The first ``n`` MNIST test images of ``digit`` that its rule splits cleanly and the network
    reads right (searching the first SEARCH_LIMIT images of that digit)."""
    images, labels = nn.load_split("test")
    net = nn.load_pretrained()
    _, names = SPLITTERS[digit]
    found: list[DigitParts] = []
    for i in np.flatnonzero(labels == digit)[:SEARCH_LIMIT]:
        pixels = np.asarray(images[i], dtype=float)
        masks = split_digit(pixels, digit)
        if masks is not None and int(net.predict(pixels)) == digit:
            found.append(DigitParts(int(i), digit, pixels, names, masks))
            if len(found) == n:
                return tuple(found)
    raise LookupError(f"fewer than {n} test images of {digit} split cleanly in the first {SEARCH_LIMIT}")


def first_clean_example(digit: int) -> DigitParts:
    """The first MNIST test image of ``digit`` that its rule splits cleanly and the network reads right."""
    return clean_examples(digit, 1)[0]


def varied_loops(digit: int, n: int = 3, pool: int = 30) -> list[DigitParts]:
    """``n`` clean examples whose upper loops differ most in shape: among the first ``pool``, those
    whose loop's height / width is at evenly spaced ranks (from the widest loop to the tallest)."""
    examples = clean_examples(digit, pool)

    def aspect(example: DigitParts) -> float:
        rows, cols = np.divmod(np.flatnonzero(example.masks[0]), SIDE)
        return (np.ptp(rows) + 1) / (np.ptp(cols) + 1)

    ranked = sorted(examples, key=aspect)
    return [ranked[round(k * (len(ranked) - 1) / (n - 1))] for k in range(n)]


# --- parts into short edges -----------------------------------------------------------------
def loop_edges(loop: np.ndarray, hole_centre: tuple[float, float], n: int = LOOP_EDGES) -> list[np.ndarray]:
    """A loop's mask (784,) cut into ``n`` equal angular sectors around ``hole_centre`` (row, col)."""
    rows, cols = np.divmod(np.arange(SIDE * SIDE), SIDE)
    angle = np.mod(np.arctan2(-(rows - hole_centre[0]), cols - hole_centre[1]), 2 * np.pi)
    sector = np.minimum((angle / (2 * np.pi) * n).astype(int), n - 1)
    pieces = [loop & (sector == k) for k in range(n)]
    return [p for p in pieces if p.any()]


def line_edges(line: np.ndarray, n: int = LINE_EDGES) -> list[np.ndarray]:
    """A line's mask (784,) cut into ``n`` pieces of equal length along its main axis (PCA)."""
    idx = np.flatnonzero(line)
    points = np.stack(np.divmod(idx, SIDE), axis=1).astype(float)
    centred = points - points.mean(axis=0)
    axis = np.linalg.svd(centred, full_matrices=False)[2][0]
    t = centred @ axis
    bounds = np.linspace(t.min(), t.max(), n + 1)
    piece = np.clip(np.searchsorted(bounds, t, side="right") - 1, 0, n - 1)
    out = []
    for k in range(n):
        mask = np.zeros(SIDE * SIDE, dtype=bool)
        mask[idx[piece == k]] = True
        out.append(mask)
    return [p for p in out if p.any()]


def hole_centre(pixels: np.ndarray, which: int = 0) -> tuple[float, float]:
    """(row, col) centre of the image's hole ``which`` (top to bottom)."""
    r, c = ndi.center_of_mass(holes(pixels)[which])
    return float(r), float(c)


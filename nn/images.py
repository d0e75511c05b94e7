"""Any picture of one digit (a scan, a drawing, a phone photo) → the 784-vector the network expects.

:func:`load_image` opens the file (refusing decompression bombs before decoding, taking the
first frame of an animation, reducing a big photo while decoding, applying the EXIF orientation),
divides out the paper's uneven light (a local estimate of the paper's brightness), finds the ink
with a threshold chosen from the picture (Otsu's method), keeps the main connected mark with the
strokes near it (ignoring specks, grain, ruled lines and the table beyond the page), brings the
strokes to MNIST's width, and lays the digit out as MNIST did: fitted in 20×20 keeping its
aspect, its centre of mass at the centre of 28×28, light on dark, in [0, 1]. Light ink on dark
paper is read too.
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import numpy as np
from PIL import Image, ImageOps, JpegImagePlugin, UnidentifiedImageError
from scipy import ndimage

DIGIT_BOX = 20  # MNIST scales each digit to fit 20×20 ...
SIDE = 28  # ... and centres its mass in 28×28
MAX_PIXELS = 64_000_000  # bigger images are refused before decoding (a 50 MP phone photo still fits)
MIN_SIDE = 8  # smaller images cannot hold a digit
WORK_SIDE = 512  # the picture is reduced (or enlarged) to this long side before looking for ink
MIN_WORK_SIDE = 256  # ... and small pictures enlarged to at least this
SMOOTHING = 1.0  # pixels (at the working size): averages out sensor noise and paper grain
PAPER_WINDOW = 0.25  # the paper's local brightness is estimated over this fraction of the short side
DARKEST_PAPER = 32  # gray level: ink is measured against paper at least this bright (black is no paper)
DARK_BORDER = 0.5  # a border under half as bright as the middle may be dark paper (or a table)
LIGHT_INK_MARGIN = 1.5  # light ink wins when it stands out this many times more than dark ink would
POLARITY_SIDE = 48  # ink polarity is judged on a copy this small
MIN_CONTRAST = 0.04  # ink must be at least 4 % darker than the paper around it ...
MIN_SIGNAL_TO_NOISE = 12.0  # ... and stand out from the paper's own variation this many times over
PAPER_SAMPLE_STEP = 5  # the paper's variation is measured on every 5th pixel (plenty, and faster)
PIECE_GAP = 0.2  # a separate stroke belongs to the digit if this close (fraction of the digit's size) ...
PIECE_MIN_MASS = 0.02  # ... and holds at least this fraction of the main stroke's ink
OTHER_DIGIT_MASS = 0.25  # a mark farther away with this fraction of the digit's ink may be another digit
MAX_OTHER_DIGITS = 2  # more such marks than this: texture or noise, not a digit
MIN_DIGIT_SIZE = 0.04  # a digit spans at least this fraction of the picture's short side (smaller: a speck)
LINE_LENGTH = 0.6  # a mark this long (fraction of the picture) ...
LINE_THINNESS = 0.12  # ... and this thin (fraction of its length) is a ruled line; it and marks at the
PAGE_OUTWEIGHS = 20.0  # picture's edge are set aside unless they hold this many times the ink of any other
RING = 4  # pixels: the ring around a mark (its outer half), where a pen stroke has paper ...
SURROUNDED = 0.75  # ... on at least this fraction of it
STROKE_RANGE = (2.2, 3.4)  # MNIST's stroke widths in pixels of the 20-pixel box (20th–80th percentile)


class ImageFileError(ValueError):
    """The file is missing, not an image, refused, or holds no digit."""


class ImageWarning(UserWarning):
    """The picture was read, but something about it deserves a word (it was animated, it holds several digits)."""


@dataclass(frozen=True)
class PreparedImage:
    """What :func:`prepare_image` made of a picture."""

    pixels: np.ndarray  # (784,) in [0, 1], light digit on dark: the network's input
    photo: Image.Image  # the picture as looked at: upright, "L" or "RGB", at the working size (WORK_SIDE long)
    box: tuple[int, int, int, int]  # the digit in ``photo``: left, top, right, bottom
    notes: tuple[str, ...]  # what the reader should know (e.g. that there were several digits)


def load_image(path: str | Path) -> np.ndarray:
    """A (784,) float vector in [0, 1], light digit on dark, from any image file of one digit.

    Raises :class:`ImageFileError` (one line a user understands) when there is nothing to read;
    warns with :class:`ImageWarning` for each note of :func:`prepare_image`.
    """
    prepared = prepare_image(path)
    for note in prepared.notes:
        warnings.warn(note, ImageWarning, stacklevel=2)
    return prepared.pixels


def prepare_image(path: str | Path) -> PreparedImage:
    """The network's input from an image file, with the picture, where the digit is, and notes."""
    photo, notes = open_photo(path)
    found = find_digit(gray_levels(photo), str(path))
    left, top, right, bottom = found.box
    digit = mnist_stroke_width(found.mask[top:bottom, left:right])
    return PreparedImage(mnist_layout(digit), photo, found.box, tuple(notes + found.notes))


# --- reading the file ------------------------------------------------------------------------

def open_photo(path: str | Path) -> tuple[Image.Image, list[str]]:
    """The picture upright, in "L" or "RGB", at the working size; notes about how it was read."""
    path = Path(path)
    if not path.is_file():
        raise ImageFileError(f"image not found: {path}")
    image = open_lazily(path)
    with image:
        check_size(image, str(path))
        notes = first_frame(image, str(path))
        if isinstance(image, JpegImagePlugin.JpegImageFile):  # JPEG, and MPO (a JPEG with extra pictures)
            image.draft("RGB", working_size(image.size))  # decoded at 1/2, 1/4 or 1/8 scale: much faster
        try:
            image.load()
            return upright(to_working_size(plain_mode(image)), image), notes
        except (OSError, ValueError) as exc:  # truncated or damaged data, a colour mode Pillow cannot convert
            raise ImageFileError(f"{path} is not a readable image ({exc})") from None


def open_lazily(path: Path) -> Image.Image:
    """The image opened without decoding its pixels; a bomb or a non-image is an ImageFileError."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            return Image.open(path)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageFileError(too_large(str(path))) from None
    except (UnidentifiedImageError, OSError) as exc:
        hint = "; save it as JPEG or PNG first" if path.suffix.lower() in (".heic", ".heif") else ""
        raise ImageFileError(f"{path} is not a readable image ({exc.__class__.__name__}){hint}") from None


def too_large(name: str, size: tuple[int, int] | None = None) -> str:
    """The message for a picture refused for its size."""
    dimensions = f" ({size[0]}×{size[1]})" if size else ""
    return (f"{name} is too large{dimensions}: over {MAX_PIXELS // 1_000_000} megapixels, refused before decoding "
            "(it could be a decompression bomb); scale it down first")


def check_size(image: Image.Image, name: str) -> None:
    """Refuse, from the header alone, pictures too big to decode safely or too small to hold a digit."""
    width, height = image.size
    if width * height > MAX_PIXELS:
        raise ImageFileError(too_large(name, image.size))
    if min(width, height) < MIN_SIDE:
        raise ImageFileError(f"{name} is only {width}×{height} pixels: too small to hold a digit "
                             f"(at least {MIN_SIDE}×{MIN_SIDE} needed)")


def first_frame(image: Image.Image, name: str) -> list[str]:
    """Notes about frames: an animation is read from its first frame (an MPO photo's first picture is the photo)."""
    frames = getattr(image, "n_frames", 1)
    if frames == 1:
        return []
    image.seek(0)
    return [] if image.format == "MPO" else [f"{name} is animated ({frames} frames): reading its first frame"]


def working_size(size: tuple[int, int]) -> tuple[int, int]:
    """``size`` scaled so that its long side is WORK_SIDE (enlarged to at least MIN_WORK_SIDE)."""
    width, height = size
    scale = min(WORK_SIDE, max(width, height, MIN_WORK_SIDE)) / max(width, height)
    return max(1, round(width * scale)), max(1, round(height * scale))


def upright(image: Image.Image, original: Image.Image) -> Image.Image:
    """``image`` (made from ``original``) turned the way ``original``'s EXIF orientation tag says.

    Turning the reduced copy rather than the full-size original saves a full-size copy.
    """
    for key in ("exif", "xmp", "XML:com.adobe.xmp"):
        if key in original.info:
            image.info[key] = original.info[key]
    return ImageOps.exif_transpose(image)


def plain_mode(image: Image.Image) -> Image.Image:
    """The image as "L" or "RGB": high bit depths rescaled, transparency over white paper, CMYK and palettes converted."""
    if image.mode in ("L", "RGB") and "transparency" not in image.info:
        return image
    if image.mode in ("I", "I;16", "I;16B", "I;16L", "I;16N", "F"):
        return Image.fromarray(to_8_bits(np.asarray(image)))
    if image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        return Image.alpha_composite(Image.new("RGBA", rgba.size, "white"), rgba).convert("RGB")
    return image.convert("L" if image.mode in ("1", "L") else "RGB")


def to_8_bits(values: np.ndarray) -> np.ndarray:
    """16-bit, 32-bit or float gray levels as 8 bits, scaled by the range their type can hold."""
    if values.dtype.kind == "f" and 0 <= values.min() and values.max() <= 1:
        full = 1.0
    else:
        full = 65535.0 if values.max() > 255 else 255.0
    return np.clip(values.astype(np.float64) / full * 255 + 0.5, 0, 255).astype(np.uint8)


def to_working_size(image: Image.Image) -> Image.Image:
    """Reduced (box-averaged, then bilinear) or enlarged (bicubic) to the working size."""
    size = working_size(image.size)
    if size == image.size:
        return image
    if max(size) < max(image.size):
        return image.resize(size, Image.Resampling.BILINEAR, reducing_gap=2.0)
    return image.resize(size, Image.Resampling.BICUBIC)


def gray_levels(photo: Image.Image) -> np.ndarray:
    """The photo's gray levels as 8-bit integers."""
    return np.asarray(photo.convert("L"))


# --- finding the ink -------------------------------------------------------------------------

class FoundDigit(NamedTuple):
    """Where the digit is in the working-size picture."""

    mask: np.ndarray  # its pixels
    box: tuple[int, int, int, int]  # left, top, right, bottom
    notes: list[str]  # e.g. that there were several digits


def find_digit(gray: np.ndarray, name: str) -> FoundDigit:
    """The digit written in dark ink on light paper, or in light ink on dark.

    Light ink is tried too when the picture may hold it (see :func:`may_be_light_ink`), and chosen
    when dark ink finds no digit, or when the light ink stands out from the paper around it clearly
    more. (Read the wrong way round, the 'ink' is paper between strokes: little contrast around it.)
    """
    dark = digit_or_error(ink_map(gray), name)
    light = digit_or_error(ink_map(255 - gray), name) if may_be_light_ink(gray) else None
    if isinstance(light, FoundDigit) and (isinstance(dark, ImageFileError) or stands_out_more(gray, light, dark)):
        return light
    if isinstance(dark, ImageFileError):
        raise dark
    return dark


def digit_or_error(ink: InkMap, name: str) -> FoundDigit | ImageFileError:
    """:func:`digit_mask`'s answer, or the ImageFileError it raised."""
    try:
        return digit_mask(ink, name)
    except ImageFileError as exc:
        return exc


def stands_out_more(gray: np.ndarray, light: FoundDigit, dark: FoundDigit) -> bool:
    """Whether the digit read as light ink stands out from its surroundings clearly more than read as dark ink."""
    light_contrast = -contrast_with_surroundings(gray, light.mask, light.box)
    return light_contrast > LIGHT_INK_MARGIN * max(contrast_with_surroundings(gray, dark.mask, dark.box), 0)


def contrast_with_surroundings(gray: np.ndarray, mask: np.ndarray, box: tuple[int, int, int, int]) -> float:
    """Gray levels from the ink (``mask``) up to the paper around it: the median over its box grown by its size all round."""
    left, top, right, bottom = box
    grow_x, grow_y = right - left, bottom - top
    around = gray[max(0, top - grow_y):bottom + grow_y, max(0, left - grow_x):right + grow_x]
    return float(np.median(around)) - float(gray[mask].mean())


def may_be_light_ink(gray: np.ndarray) -> bool:
    """Whether the picture could be light ink on dark paper: it departs from its local median more upwards than
    downwards, or its border is much darker than its middle (a white digit on black, or a page on a dark table)."""
    border = np.concatenate([gray[0], gray[-1], gray[:, 0], gray[:, -1]])
    return bool(np.median(border) < DARK_BORDER * np.median(gray)) or ink_is_light(gray)


class InkMap(NamedTuple):
    """Dark ink on light paper, measured at the working size."""

    strength: np.ndarray  # how much darker than its local paper each pixel is, 0 to 1
    gray: np.ndarray  # the gray levels, lightly smoothed
    paper: np.ndarray  # the paper's local brightness


def ink_map(gray: np.ndarray) -> InkMap:
    """Dark ink on light paper: each pixel against the paper's local brightness.

    The paper's brightness is its upper envelope over a window much wider than any stroke (a grey
    closing), so a light gradient, a vignette or a shadow's edge all divide out.
    """
    smooth = ndimage.gaussian_filter(gray.astype(np.float32), SMOOTHING)
    window = max(3, round(PAPER_WINDOW * min(gray.shape)))
    paper = ndimage.grey_closing(smooth, size=(window, window))
    return InkMap(np.clip((paper - smooth) / np.maximum(paper, DARKEST_PAPER), 0, 1), smooth, paper)


def ink_is_light(gray: np.ndarray) -> bool:
    """True for light ink on dark paper: the picture departs from its local median more upwards than downwards."""
    small = np.asarray(Image.fromarray(gray).reduce(max(1, max(gray.shape) // POLARITY_SIDE)), np.float32)
    residual = small - ndimage.median_filter(small, size=max(3, min(small.shape) // 3 | 1))
    return float(np.square(residual.clip(min=0)).sum()) > float(np.square(residual.clip(max=0)).sum())


def otsu_threshold(values: np.ndarray, bins: int = 256) -> float:
    """The level that best splits ``values`` (in [0, 1]) into two classes (Otsu's method)."""
    counts = np.bincount(np.clip(values * bins, 0, bins - 1).astype(np.intp).ravel(), minlength=bins)
    edges = np.linspace(0, 1, bins + 1)
    centres = (edges[:-1] + edges[1:]) / 2
    weight_low = np.cumsum(counts)
    weight_high = weight_low[-1] - weight_low
    sum_low = np.cumsum(counts * centres)
    mean_low = sum_low / np.maximum(weight_low, 1)
    mean_high = (sum_low[-1] - sum_low) / np.maximum(weight_high, 1)
    between = weight_low * weight_high * (mean_low - mean_high) ** 2
    return float(edges[int(np.argmax(between)) + 1])


# --- choosing the digit ----------------------------------------------------------------------

@dataclass(frozen=True)
class Mark:
    """One connected blob of ink."""

    label: int
    mass: float  # summed ink strength
    rows: slice
    cols: slice
    surrounded: bool  # by paper, as a pen stroke is (see surrounded_by_paper)

    @property
    def size(self) -> int:
        """Its longer side, in pixels."""
        return max(self.rows.stop - self.rows.start, self.cols.stop - self.cols.start)


def digit_mask(ink: InkMap, name: str) -> FoundDigit:
    """The digit in ``ink``: its main mark and the strokes near it; an ImageFileError when there is none."""
    strength = ink.strength
    if strength.max() < MIN_CONTRAST:
        raise ImageFileError(f"{name} looks empty: no digit found (nothing stands out from the background)")
    mask = strength > otsu_threshold(strength)
    check_signal(strength, mask, name)
    labels, count = ndimage.label(mask, structure=np.ones((3, 3)))
    marks = [Mark(label, float(mass), rows, cols, bool(surrounded)) for label, mass, (rows, cols), surrounded in zip(
        range(1, count + 1), mark_sums(strength, labels, count), ndimage.find_objects(labels),
        surrounded_by_paper(ink, labels, count))]
    candidates = without_page_features(marks, strength.shape)
    main = max(candidates, key=lambda mark: mark.mass)
    digit = strokes_of(main, candidates)
    others = other_digits(digit, candidates)
    if len(others) > MAX_OTHER_DIGITS:
        raise ImageFileError(f"{name}: no digit found ({len(others) + 1} separate marks of similar size: "
                             "texture or noise rather than one digit)")
    box = bounding_box(digit)
    if max(box[2] - box[0], box[3] - box[1]) < MIN_DIGIT_SIZE * min(strength.shape):
        raise ImageFileError(f"{name}: no digit found (only specks, too small to be a digit)")
    notes = [several_digits_note(box, [bounding_box([o]) for o in others], strength.shape)] if others else []
    return FoundDigit(np.isin(labels, [mark.label for mark in digit]), box, notes)


def surrounded_by_paper(ink: InkMap, labels: np.ndarray, count: int) -> np.ndarray:
    """For each labelled mark, whether the pixels just around it are mostly paper, as around a pen stroke.

    Around a wedge of the table beyond the page's edge they are half table: as dark as the 'ink'.
    """
    ink_level = mark_means(ink.gray, labels, count)
    paper_level = mark_means(ink.paper, labels, count)
    middle = np.concatenate([[np.inf], ink_level + (paper_level - ink_level) / 3])
    near = ndimage.maximum_filter(labels, size=2 * RING + 1)
    ring = (near > 0) & ~ndimage.maximum_filter(labels > 0, size=RING + 1)
    ring_labels = near[ring]
    lighter = mark_means(ink.gray[ring] > middle[ring_labels], ring_labels, count)
    return lighter >= SURROUNDED


def mark_sums(values: np.ndarray, labels: np.ndarray, count: int) -> np.ndarray:
    """The sum of ``values`` over each of the marks labelled 1 to ``count`` (0 is no mark)."""
    return np.bincount(labels.ravel(), weights=values.ravel(), minlength=count + 1)[1:]


def mark_means(values: np.ndarray, labels: np.ndarray, count: int) -> np.ndarray:
    """The mean of ``values`` over each of the marks labelled 1 to ``count`` (0 is no mark)."""
    return mark_sums(values, labels, count) / np.maximum(np.bincount(labels.ravel(), minlength=count + 1)[1:], 1)


def check_signal(ink: np.ndarray, mask: np.ndarray, name: str) -> None:
    """Refuse pictures whose 'ink' does not stand out from the rest: noise, texture, or a blank page."""
    paper = ink[~ndimage.maximum_filter(mask, size=5)][::PAPER_SAMPLE_STEP]
    if paper.size == 0 or not mask.any():
        raise ImageFileError(f"{name}: no digit found (no mark stands out from the background)")
    spread = 1.4826 * float(np.median(np.abs(paper - np.median(paper))))
    contrast = float(np.median(ink[mask]) - np.median(paper))
    if contrast < MIN_CONTRAST or contrast < MIN_SIGNAL_TO_NOISE * max(spread, 1 / 255):
        raise ImageFileError(f"{name}: no digit found (no mark stands out from the background's own texture or noise)")


def without_page_features(marks: list[Mark], shape: tuple[int, int]) -> list[Mark]:
    """The marks less those that look like the page rather than writing: whatever is not surrounded by paper
    (the table beyond the page's edge), and, unless they far outweigh the rest (a lone 1), ruled lines (long
    and thin) and marks at the picture's edge.
    """
    def is_page_feature(mark: Mark) -> bool:
        height, width = mark.rows.stop - mark.rows.start, mark.cols.stop - mark.cols.start
        long_enough = width >= LINE_LENGTH * shape[1] or height >= LINE_LENGTH * shape[0]
        at_edge = mark.rows.start == 0 or mark.cols.start == 0 or mark.rows.stop == shape[0] or mark.cols.stop == shape[1]
        return at_edge or (long_enough and min(height, width) <= LINE_THINNESS * max(height, width))

    paper_surrounded = [mark for mark in marks if mark.surrounded] or marks
    page = [mark for mark in paper_surrounded if is_page_feature(mark)]
    writing = [mark for mark in paper_surrounded if not is_page_feature(mark)]
    if page and (not writing or max(m.mass for m in page) > PAGE_OUTWEIGHS * max(m.mass for m in writing)):
        return paper_surrounded
    return writing


def strokes_of(main: Mark, marks: list[Mark]) -> list[Mark]:
    """``main`` and the marks near it that are substantial enough to be strokes of the same digit."""
    digit = [main]
    reach = PIECE_GAP * main.size
    pieces = [m for m in marks if m is not main and m.mass >= PIECE_MIN_MASS * main.mass]
    grew = True
    while grew:
        grew = False
        left, top, right, bottom = bounding_box(digit)
        for piece in pieces:
            if piece not in digit and box_gap((left, top, right, bottom), bounding_box([piece])) <= reach:
                digit.append(piece)
                grew = True
    return digit


def other_digits(digit: list[Mark], marks: list[Mark]) -> list[Mark]:
    """Marks outside the digit big enough to be digits themselves."""
    mass = sum(m.mass for m in digit)
    return [m for m in marks if m not in digit and m.mass >= OTHER_DIGIT_MASS * mass]


def bounding_box(marks: list[Mark]) -> tuple[int, int, int, int]:
    """Left, top, right, bottom around ``marks``."""
    return (min(m.cols.start for m in marks), min(m.rows.start for m in marks),
            max(m.cols.stop for m in marks), max(m.rows.stop for m in marks))


def box_gap(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> int:
    """Pixels between two boxes (0 when they touch or overlap)."""
    dx = max(a[0] - b[2], b[0] - a[2], 0)
    dy = max(a[1] - b[3], b[1] - a[3], 0)
    return int(np.hypot(dx, dy))


def several_digits_note(box: tuple[int, int, int, int], others: list[tuple[int, int, int, int]],
                        shape: tuple[int, int]) -> str:
    """A line saying there were several digits and which one is read."""
    centres = np.array([[(b[0] + b[2]) / 2, (b[1] + b[3]) / 2] for b in [box, *others]])
    offset = centres[0] - centres.mean(axis=0)
    if abs(offset[0]) / shape[1] >= abs(offset[1]) / shape[0]:
        where = "on the left" if offset[0] < 0 else "on the right"
    else:
        where = "at the top" if offset[1] < 0 else "at the bottom"
    return f"found {len(others) + 1} separate digits: reading the largest, the one {where}"


# --- MNIST's layout --------------------------------------------------------------------------

def mnist_stroke_width(mask: np.ndarray) -> np.ndarray:
    """The digit's mask (cropped to it) with strokes thickened or thinned into MNIST's range.

    Widths are measured in pixels of the 20-pixel box the digit will be fitted into.
    """
    pixels_per_box = max(mask.shape) / DIGIT_BOX
    width = stroke_width(mask)
    low, high = (w * pixels_per_box for w in STROKE_RANGE)
    if width < low:
        return thickened(mask, (low - width) / 2)
    if width > high:
        return thinned(mask, (width - high) / 2)
    return mask


def stroke_width(mask: np.ndarray) -> float:
    """Pixels across the strokes of ``mask``: 4 × the mean distance of ink to paper (exact for a long straight stroke)."""
    return 4 * float(ndimage.distance_transform_edt(np.pad(mask, 1))[1:-1, 1:-1][mask].mean())


def thickened(mask: np.ndarray, radius: float) -> np.ndarray:
    """``mask`` grown by ``radius`` pixels all round (padded so nothing is cut)."""
    pad = int(np.ceil(radius)) + 1
    return ndimage.distance_transform_edt(~np.pad(mask, pad)) <= radius


def thinned(mask: np.ndarray, radius: float) -> np.ndarray:
    """``mask`` shrunk by ``radius`` pixels, unless that would break a stroke or leave under a quarter of the ink."""
    distance = ndimage.distance_transform_edt(np.pad(mask, 1))[1:-1, 1:-1]
    shrunk = distance > radius
    if shrunk.sum() < 0.25 * mask.sum() or ndimage.label(shrunk)[1] > ndimage.label(mask)[1]:
        return mask
    return shrunk


def mnist_layout(digit: np.ndarray) -> np.ndarray:
    """The digit (any 2-D array, ink > 0) fitted in 20×20 keeping its aspect, its mass centred in 28×28; (784,)."""
    rows, cols = np.flatnonzero(digit.any(axis=1)), np.flatnonzero(digit.any(axis=0))
    crop = digit[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1].astype(np.float32)
    scale = DIGIT_BOX / max(crop.shape)
    height, width = (max(1, round(n * scale)) for n in crop.shape)
    resized = Image.fromarray(crop).resize((width, height), Image.Resampling.LANCZOS)
    fitted = np.clip(np.asarray(resized, dtype=np.float64), 0, 1)
    com_row, com_col = ndimage.center_of_mass(fitted)
    top = int(np.clip(round(SIDE / 2 - com_row), 0, SIDE - height))
    left = int(np.clip(round(SIDE / 2 - com_col), 0, SIDE - width))
    canvas = np.zeros((SIDE, SIDE))
    canvas[top:top + height, left:left + width] = fitted
    return canvas.reshape(-1)

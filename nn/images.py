"""Any picture of a digit → the 784-vector the network expects, prepared the way MNIST was."""
from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image, UnidentifiedImageError
from scipy import ndimage

DIGIT_BOX = 20  # MNIST scales each digit to fit 20×20 ...
SIDE = 28  # ... and centres its mass in 28×28
INK_THRESHOLD = 0.15  # fraction of full contrast that counts as part of the digit


class ImageFileError(ValueError):
    """The file is missing, not an image, or holds no digit."""


def load_image(path: str | Path) -> np.ndarray:
    """A (784,) float vector in [0, 1], light digit on dark, from any image file of one digit.

    Steps, as for MNIST: grayscale; dark-on-light inverted to light-on-dark (judged by the
    border); cropped to the digit; scaled to fit 20×20 keeping its aspect; placed in 28×28 so
    that its centre of mass sits at the centre.
    """
    return prepare_digit(read_grayscale(path), source=str(path))


def read_grayscale(path: str | Path) -> np.ndarray:
    """The image as a 2-D float array in [0, 1] (transparent parts count as white paper)."""
    path = Path(path)
    if not path.is_file():
        raise ImageFileError(f"image not found: {path}")
    try:
        with Image.open(path) as image:
            image.load()
            if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
                rgba = image.convert("RGBA")
                paper = Image.new("RGBA", rgba.size, "white")
                image = Image.alpha_composite(paper, rgba)
            gray = image.convert("L")
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
        raise ImageFileError(f"{path} is not a readable image ({exc.__class__.__name__})") from None
    return np.asarray(gray, dtype=np.float64) / 255


def prepare_digit(gray: np.ndarray, source: str = "image") -> np.ndarray:
    """MNIST-style preparation of a 2-D grayscale array in [0, 1] (see :func:`load_image`)."""
    border = np.concatenate([gray[0], gray[-1], gray[:, 0], gray[:, -1]])
    background = float(np.median(border))
    ink = gray - background if background < 0.5 else background - gray
    ink = np.clip(ink, 0, None)
    if ink.max() < INK_THRESHOLD:
        raise ImageFileError(f"{source} looks empty: no digit stands out from the background")
    ink /= ink.max()
    rows = np.flatnonzero((ink > INK_THRESHOLD).any(axis=1))
    cols = np.flatnonzero((ink > INK_THRESHOLD).any(axis=0))
    crop = ink[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]
    scale = DIGIT_BOX / max(crop.shape)
    height, width = (max(1, round(n * scale)) for n in crop.shape)
    resized = Image.fromarray(crop.astype(np.float32)).resize((width, height), Image.Resampling.LANCZOS)
    digit = np.clip(np.asarray(resized, dtype=np.float64), 0, 1)
    com_row, com_col = ndimage.center_of_mass(digit)
    top = int(np.clip(round(SIDE / 2 - com_row), 0, SIDE - height))
    left = int(np.clip(round(SIDE / 2 - com_col), 0, SIDE - width))
    canvas = np.zeros((SIDE, SIDE))
    canvas[top:top + height, left:left + width] = digit
    return canvas.reshape(-1)

"""What the network sees: a picture beside the 28×28 input it becomes, and what the network reads in it."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

from .images import SIDE, PreparedImage, prepare_image
from .network import Network
from .pretrained import load_pretrained

PANEL = 280  # pixels: the height of each half of the preview (the input is shown 10× its size)
GAP = 8  # pixels between the two halves
BOX_COLOUR = (230, 40, 40)  # the frame around the digit in the photo


@dataclass(frozen=True)
class Reading:
    """The network's answer for one picture."""

    digit: int  # the brightest output neuron
    top3: tuple[tuple[int, float], ...]  # the three brightest outputs: (digit, activation), brightest first
    pixels: np.ndarray  # (784,) the input the network got
    notes: tuple[str, ...]  # what :func:`nn.images.prepare_image` had to say (several digits, an animation)

    def __str__(self) -> str:
        (best, output), *rest = self.top3
        runners_up = ", ".join(f"{digit} ({value:.2f})" for digit, value in rest)
        return f"reads {best} (output {output:.2f}); next {runners_up}"


def read_digit(path: str | Path, network: Network | None = None) -> Reading:
    """What ``network`` (default: the shipped one) reads in the image file ``path``, with its top three outputs.

    Raises :class:`nn.images.ImageFileError` when the file holds no readable digit.
    """
    prepared = prepare_image(path)
    return reading(prepared.pixels, network or load_pretrained(), prepared.notes)


def reading(pixels: np.ndarray, network: Network, notes: tuple[str, ...] = ()) -> Reading:
    """The network's reading of one 784-vector."""
    output = network.forward(pixels)
    best = np.argsort(output)[::-1][:3]
    return Reading(int(best[0]), tuple((int(d), float(output[d])) for d in best), pixels, notes)


def save_preview(path: str | Path, output: str | Path) -> Path:
    """Write to ``output`` a PNG of the picture ``path`` (the digit framed) beside the 28×28 input the network gets."""
    output = Path(output)
    preview_image(prepare_image(path)).save(output, "PNG")
    return output


def preview_image(prepared: PreparedImage) -> Image.Image:
    """The picture, scaled to PANEL pixels high with the digit framed, beside the input shown 10× (nearest pixels)."""
    photo = framed_photo(prepared)
    network_input = Image.fromarray(np.round(prepared.pixels.reshape(SIDE, SIDE) * 255).astype(np.uint8))
    network_input = network_input.resize((PANEL, PANEL), Image.Resampling.NEAREST).convert("RGB")
    canvas = Image.new("RGB", (photo.width + GAP + PANEL, PANEL), "white")
    canvas.paste(photo, (0, 0))
    canvas.paste(network_input, (photo.width + GAP, 0))
    return canvas


def framed_photo(prepared: PreparedImage) -> Image.Image:
    """The photo scaled to PANEL pixels high, in colour, with a frame around the digit."""
    photo = prepared.photo.convert("RGB")
    scale = PANEL / photo.height
    photo = photo.resize((max(1, round(photo.width * scale)), PANEL), Image.Resampling.LANCZOS)
    left, top, right, bottom = (round(v * scale) for v in prepared.box)
    ImageDraw.Draw(photo).rectangle((left - 2, top - 2, right + 1, bottom + 1), outline=BOX_COLOUR, width=2)
    return photo

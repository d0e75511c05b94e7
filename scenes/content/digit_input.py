"""Which image the forward-pass scenes show: an MNIST test index or the user's own file.

render.sh sets NN_DIGIT (a test index) or NN_IMAGE (a path); plain `manim` uses each scene's default.
A scene that asks for the chosen input is recorded as showing it (``input_was_used``): the film
re-renders only those scenes for another input.
"""
from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

import nn

from .narration import screen_text

ENV_DIGIT = "NN_DIGIT"
ENV_IMAGE = "NN_IMAGE"
ENV_IMAGE_PIXELS = "NN_IMAGE_PIXELS"  # the picture already prepared (a .npy of 784 values), so it is prepared once
_used: list[bool] = []  # non-empty once this process has asked for the chosen input


def input_was_used() -> bool:
    """True once this process asked for the user's choice of input (``chosen_input``, ``user_chose_input``)."""
    return bool(_used)


def forget_input_use() -> None:
    """Start counting again (a chapter's process may be forked from one that has asked already)."""
    _used.clear()


def input_name(env: Mapping[str, str] = os.environ) -> str:
    """The chosen input as a short name for file names: "default", "digit-18" or "image-photo-1a2b3c4d"."""
    if path := env.get(ENV_IMAGE):
        digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()[:8]
        stem = "".join(c if c.isalnum() or c in "-_" else "-" for c in Path(path).stem)[:40]
        return f"image-{stem}-{digest}"
    if index := env.get(ENV_DIGIT):
        return f"digit-{index}"
    return "default"


@dataclass(frozen=True)
class DigitInput:
    pixels: np.ndarray  # (784,) in [0, 1], light digit on dark
    label: int | None  # the true digit when known (MNIST), else None
    source: str  # e.g. "MNIST test #18", or the file's name
    index: int | None = None  # its index in the MNIST test set, when it is one

    @property
    def tag(self) -> str:
        """The line under the image, the same in every chapter: "test #18, a 3" (in the language of the
        render) or the file's name."""
        if self.index is None:
            return self.source
        return screen_text("digit_tag", index=self.index, label=self.label)


def mnist_input(index: int) -> DigitInput:
    """MNIST test image ``index``."""
    pixels, digit = nn.test_image(index)
    return DigitInput(pixels, digit, f"MNIST test #{index}", index)


def chosen_input(default_index: int) -> DigitInput:
    """The image the user chose through render.sh, else MNIST test image ``default_index``."""
    _used.append(True)
    if path := os.environ.get(ENV_IMAGE):
        return _photo(path)
    if text := os.environ.get(ENV_DIGIT):
        try:
            index = int(text)
        except ValueError:
            raise ValueError(f"{ENV_DIGIT} must be an MNIST test index, got {text!r}") from None
        return mnist_input(index)
    return mnist_input(default_index)


def user_chose_input() -> bool:
    """True when render.sh was given --digit or --image."""
    _used.append(True)
    return bool(os.environ.get(ENV_IMAGE) or os.environ.get(ENV_DIGIT))


@cache
def _photo(path: str) -> DigitInput:
    """The user's picture, prepared (or read as render.sh prepared it, once for every chapter)."""
    prepared = os.environ.get(ENV_IMAGE_PIXELS)
    if prepared:
        pixels = np.load(prepared, allow_pickle=False)
        if pixels.shape != (nn.N_PIXELS,) or not np.all((pixels >= 0) & (pixels <= 1)):
            raise ValueError(f"{prepared} is not a prepared input (784 values in [0, 1])")
        return DigitInput(pixels.astype(float), None, Path(path).name)
    return DigitInput(nn.load_image(path), None, Path(path).name)

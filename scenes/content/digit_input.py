"""Which image the forward-pass scenes show: an MNIST test index or the user's own file.

render.sh sets NN_DIGIT (a test index) or NN_IMAGE (a path); plain `manim` uses each scene's default.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

import nn

ENV_DIGIT = "NN_DIGIT"
ENV_IMAGE = "NN_IMAGE"


@dataclass(frozen=True)
class DigitInput:
    pixels: np.ndarray  # (784,) in [0, 1], light digit on dark
    label: int | None  # the true digit when known (MNIST), else None
    source: str  # e.g. "MNIST test #18", or the file's name

    @property
    def tag(self) -> str:
        """The line under the image, the same in every chapter: "test #18, a 3" or the file's name."""
        if self.label is None:
            return self.source
        article = "an" if self.label == 8 else "a"
        return f"{self.source.replace('MNIST test', 'test')}, {article} {self.label}"


def mnist_input(index: int) -> DigitInput:
    """MNIST test image ``index``."""
    pixels, label = nn.test_image(index)
    return DigitInput(pixels, label, f"MNIST test #{index}")


def chosen_input(default_index: int) -> DigitInput:
    """The image the user chose through render.sh, else MNIST test image ``default_index``."""
    if path := os.environ.get(ENV_IMAGE):
        return DigitInput(nn.load_image(path), None, Path(path).name)
    if text := os.environ.get(ENV_DIGIT):
        try:
            index = int(text)
        except ValueError:
            raise ValueError(f"{ENV_DIGIT} must be an MNIST test index, got {text!r}") from None
        return mnist_input(index)
    return mnist_input(default_index)


def user_chose_input() -> bool:
    """True when render.sh was given --digit or --image."""
    return bool(os.environ.get(ENV_IMAGE) or os.environ.get(ENV_DIGIT))

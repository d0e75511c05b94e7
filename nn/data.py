"""MNIST as shipped in assets/mnist.npz: 50,000 train, 10,000 validation, 10,000 test images."""
from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import NamedTuple

import numpy as np

ASSETS = Path(__file__).resolve().parent.parent / "assets"
MNIST_PATH = ASSETS / "mnist.npz"
SPLIT_SIZES = {"train": 50_000, "val": 10_000, "test": 10_000}
# sha256 of each array's raw bytes (uint8, C order): independent of the zip container
ARRAY_SHA256 = {
    "train_images": "c80ceb24eedca80f31cfca280b8fb911cbb41b9990f998bebd40e26b1ab6d0f8",
    "train_labels": "6072d13d0c3b831e9e4dc3ba693426579504082fc45c186db0f74c0a3092638d",
    "val_images": "2b079632b0defaf508a5ebf8c4ac1e18ce15c8b337da087e9c3e1c84c618d244",
    "val_labels": "f46875b7c22368a38a50c5c7639c3842341b81fe4d628c55fa1818e21e96ab3b",
    "test_images": "6d87418db22cc8025d05968bec9bd5c3932904b23485740db143a061a2c9d161",
    "test_labels": "ddeff807876a9661a1110d45c266c86239a3a1b7d37da0c3716a7a683c852ff5",
}
PIXEL_SCALE = 256  # the source stores pixel k as k/256; kept exactly
IMAGE_SIDE = 28  # an MNIST image is 28 × 28 pixels ...
N_PIXELS = IMAGE_SIDE * IMAGE_SIDE  # ... 784 in all: the input layer's size


class DataFileError(RuntimeError):
    """assets/mnist.npz is missing, unreadable or not the file the project ships."""


class Split(NamedTuple):
    images: np.ndarray  # (n, 784) float32 in [0, 1]
    labels: np.ndarray  # (n,) int64


class Mnist(NamedTuple):
    train: Split
    val: Split
    test: Split


def read_verified_arrays(path: Path = MNIST_PATH, names: Sequence[str] = tuple(ARRAY_SHA256)) -> dict[str, np.ndarray]:
    """The raw uint8 arrays ``names`` (default: all) of the MNIST file, each checked against its known sha256.

    An .npz stores each array separately, so reading only the test split is about 7× cheaper.
    """
    hint = "restore it with `git checkout -- assets/mnist.npz` (see assets/README.md)"
    if not path.is_file():
        raise DataFileError(f"MNIST file not found: {path}; {hint}")
    if not zipfile.is_zipfile(path):
        raise DataFileError(f"{path} is not an .npz archive (a Git LFS pointer or a damaged copy?); {hint}")
    try:
        with np.load(path, allow_pickle=False) as data:
            arrays = {name: data[name] for name in names if name in data.files}
    except (ValueError, OSError, zipfile.BadZipFile) as exc:
        raise DataFileError(f"cannot read {path}: {exc}; {hint}") from None
    for name in names:
        expected = ARRAY_SHA256[name]
        if name not in arrays:
            raise DataFileError(f"{path} has no array {name!r}; {hint}")
        digest = hashlib.sha256(np.ascontiguousarray(arrays[name]).tobytes()).hexdigest()
        if digest != expected:
            raise DataFileError(f"{path}: array {name!r} fails its checksum; {hint}")
    return arrays


@cache
def load_split(name: str) -> Split:
    """One split ("train", "val" or "test"): float32 images (n, 784) in [0, 1], integer labels; verified, cached."""
    if name not in SPLIT_SIZES:
        raise ValueError(f"no MNIST split {name!r}; choose one of {', '.join(SPLIT_SIZES)}")
    arrays = read_verified_arrays(names=(f"{name}_images", f"{name}_labels"))
    images = arrays[f"{name}_images"].reshape(-1, N_PIXELS).astype(np.float32) / PIXEL_SCALE
    images.flags.writeable = False
    labels = arrays[f"{name}_labels"].astype(np.int64)
    labels.flags.writeable = False
    return Split(images, labels)


def load_mnist() -> Mnist:
    """The three splits (see ``load_split``)."""
    return Mnist(*(load_split(name) for name in SPLIT_SIZES))


def test_image(index: int) -> tuple[np.ndarray, int]:
    """Test image ``index`` (0–9999) as a 784-vector, with its label; IndexError names the range."""
    test = load_split("test")
    if not 0 <= index < len(test.labels):
        raise IndexError(f"MNIST test index must be between 0 and {len(test.labels) - 1}, got {index}")
    return test.images[index], int(test.labels[index])

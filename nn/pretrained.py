"""The network shipped in assets/, trained by `python -m nn.train --output assets/network.npz`."""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from .data import ASSETS
from .network import Network, NetworkFileError

PRETRAINED_PATH = ASSETS / "network.npz"
#: sha256 of the shipped weights and biases (each array's raw bytes in order w0, w1, …, b0, b1, …):
#: independent of the .npz container, so a file retrained with the same recipe still verifies
PRETRAINED_SHA256 = "443688341fe0964238f6d6901e9708d00f339b438e8fa1ff3136dba8c8447968"


def weights_sha256(net: Network) -> str:
    """sha256 of a network's weights and biases (their raw bytes, weights first)."""
    digest = hashlib.sha256()
    for array in net.weights + net.biases:
        digest.update(array.tobytes())
    return digest.hexdigest()


@lru_cache(maxsize=1)
def load_pretrained(path: Path = PRETRAINED_PATH) -> Network:
    """The shipped 784-16-16-10 sigmoid network (≥ 96 % on the MNIST test images), checked against
    its sha256; cached."""
    net = Network.load(path)
    if weights_sha256(net) != PRETRAINED_SHA256:
        raise NetworkFileError(f"{path} is not the shipped network (its weights fail their checksum); restore it "
                               "with `git checkout -- assets/network.npz` or retrain it (README: Training)")
    return net

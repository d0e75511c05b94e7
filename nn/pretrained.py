"""The network shipped in assets/, trained by `python -m nn.train --output assets/network.npz`."""
from __future__ import annotations

from functools import lru_cache

from .data import ASSETS
from .network import Network

PRETRAINED_PATH = ASSETS / "network.npz"


@lru_cache(maxsize=1)
def load_pretrained() -> Network:
    """The shipped 784-16-16-10 sigmoid network (≥ 96 % on the MNIST test images); cached."""
    return Network.load(PRETRAINED_PATH)

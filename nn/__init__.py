"""A small NumPy network that reads handwritten digits (no manim in here)."""
from .data import DataFileError, load_mnist, load_split, test_image
from .network import Network, NetworkFileError, relu, sigmoid
from .pretrained import PRETRAINED_PATH, load_pretrained

__all__ = [
    "DataFileError", "Network", "NetworkFileError", "PRETRAINED_PATH", "load_image", "load_mnist", "load_split",
    "load_pretrained", "relu", "sigmoid", "test_image",
]


def __getattr__(name: str):
    if name == "load_image":  # Pillow is imported only when someone reads their own image
        from .images import load_image

        return load_image
    raise AttributeError(f"module 'nn' has no attribute {name!r}")

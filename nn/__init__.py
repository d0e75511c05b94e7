"""A small NumPy network that reads handwritten digits (no manim in here)."""
from .data import IMAGE_SIDE, N_PIXELS, DataFileError, load_mnist, load_split, test_image
from .network import Network, NetworkFileError, relu, sigmoid
from .pretrained import PRETRAINED_PATH, load_pretrained

__all__ = [
    "IMAGE_SIDE", "N_PIXELS", "DataFileError", "Network", "NetworkFileError", "PRETRAINED_PATH", "load_image",
    "load_mnist", "load_split", "load_pretrained", "prepare_image", "read_digit", "relu", "save_preview", "sigmoid",
    "test_image",
]

# Pillow is imported only when someone reads their own image
_LAZY = {"load_image": "images", "prepare_image": "images", "read_digit": "preview", "save_preview": "preview"}


def __getattr__(name: str):
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'nn' has no attribute {name!r}")

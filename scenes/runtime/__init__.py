"""The scene runtime: what a chapter, or a scene of your own anywhere on disk, subclasses.

``NarratedScene`` (narrated beats with captions, voice, sound and subtitles) and ``BeatClock``;
below it the voice (``voice``), subtitles, the quick camera and encoder (``quick_output``), video
and sound files (``video_io``), LaTeX with a preloaded preamble (``latex_format``) and the one
check of manim's private parts (``manim_hooks``). Imported lazily: the command line reads the
voice settings without loading manim.
"""
from __future__ import annotations

from typing import Any

__all__ = ["BeatClock", "NarratedScene"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import narrated_scene

        return getattr(narrated_scene, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

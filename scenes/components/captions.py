"""The caption: one short key line at the bottom of the frame, changed by an animation.

A chapter shows one caption per narration beat. ``Captions`` holds the caption on screen and
its history; ``Captions.change(text)`` returns a ``CaptionChange`` to pass to ``play`` beside
other animations. The old line fades out, then the new one fades in, both within the first
``CHANGE_TIME`` seconds of the play, so two captions never show at once and a long play does not
slow the change down.
"""
from __future__ import annotations

import textwrap
from functools import cache

import numpy as np
from manim import DOWN, UP, Scene, Text, config

from . import style
from .transitions import Swap

CAPTION_MAX_WIDTH = config.frame_width - 2 * style.FRAME_MARGIN
#: characters per caption line: longer captions wrap (at most two lines), they are never shrunk
CAPTION_LINE_CHARS = 52
CAPTION_MAX_LINES = 2
#: a caption change takes this long (or the whole play, if that is shorter)
CHANGE_TIME = style.SHORT_RUN_TIME


class CaptionError(ValueError):
    """A caption that does not fit: too long for two lines at the caption size."""


def caption(text: str) -> Text:
    """``text`` as a caption at the bottom edge: one size always, wrapped to at most two lines of
    ``CAPTION_LINE_CHARS``, its last line on the one baseline all captions share. Raises
    ``CaptionError`` when it does not fit.

    Args:
        text: the words (a short key line of the narration).

    Example:
        words = caption("Each neuron holds a number between 0 and 1")
        self.play(Write(words))
    """
    lines = textwrap.wrap(text, CAPTION_LINE_CHARS) or [""]
    if len(lines) > CAPTION_MAX_LINES:
        raise CaptionError(f"caption too long ({len(text)} characters): {text!r}")
    # no ligatures: one glyph per letter, so the baseline is measured on the letters it names ("fi", "ff")
    words = Text("\n".join(lines), font_size=style.FONT_SIZE_CAPTION, color=style.SECONDARY, line_spacing=0.8,
                 disable_ligatures=True)
    if words.width > CAPTION_MAX_WIDTH:
        raise CaptionError(f"caption wider than the frame: {text!r}")
    words.to_edge(DOWN, buff=style.FRAME_MARGIN)
    return words.shift((_caption_baseline() - _baseline(words, lines[-1])) * UP)


#: a line with a descender, measured (never drawn) to find where every caption stands
BASELINE_REFERENCE = "Hg"
#: letters that sit on the baseline (no descender, no overshoot below it)
_ON_BASELINE = set("ABDEFHIKLMNPRTUVWXYZbdfhiklmnrtuvwxz1234579"
                   "АБВГЕЁЖЗИЙКЛМНПРТХЧШЪЫЬЭЮЯабвгеёжзийклмнпстхчшъыьэюя")


def _on_baseline(letter: str) -> bool:
    """True for a letter that stands on the baseline: Latin and Cyrillic ones without a descender, and
    every Hangul syllable (each sits on the line as a block)."""
    return letter in _ON_BASELINE or "\uac00" <= letter <= "\ud7a3"


def _baseline(words: Text, last_line: str) -> float:
    """The y of the baseline of ``words``' last line. Set without ligatures, a text has one submobject
    per character, spaces included: the last line's are the last ones."""
    tail = words.submobjects[len(words.submobjects) - len(last_line):]
    bottoms = [g.get_bottom()[1] for c, g in zip(last_line, tail) if _on_baseline(c) and g.has_points()]
    return float(np.median(bottoms)) if bottoms else float(words.get_bottom()[1])


@cache
def _caption_baseline() -> float:
    """Where every caption's last line sits: the baseline of a line with descenders at the bottom edge,
    so all captions stand on one line whatever their letters."""
    reference = Text(BASELINE_REFERENCE, font_size=style.FONT_SIZE_CAPTION, disable_ligatures=True)
    reference.to_edge(DOWN, buff=style.FRAME_MARGIN)
    return _baseline(reference, BASELINE_REFERENCE)


class Captions:
    """The caption on screen (``current``) and every change so far (``history``: (time, text)).

    Takes no parameters; ``change(text)`` gives the animation that swaps the caption.

    Example:
        captions = Captions()
        self.play(captions.change("A neuron holds a number"), FadeIn(dot))
        self.play(captions.change(None))   # no caption
    """

    def __init__(self) -> None:
        self.current: Text | None = None
        self.history: list[tuple[float, str]] = []

    @property
    def text(self) -> str:
        """The words on screen now ('' when there is no caption)."""
        return self.history[-1][1] if self.history else ""

    def change(self, text: str | None) -> CaptionChange:
        """An animation that replaces the caption with ``text`` (None: no caption)."""
        new = caption(text) if text else None
        change = CaptionChange(self, self.current, new, text or "")
        self.current = new
        return change


class CaptionChange(Swap):
    """The old caption fades out, then the new one fades in, in the first ``CHANGE_TIME`` seconds
    of the play; logged in its ``Captions``' history when it begins, at the scene's time."""

    def __init__(self, captions: Captions, old: Text | None, new: Text | None, text: str, **kwargs) -> None:
        self.captions, self.text = captions, text
        super().__init__(old, new, within=CHANGE_TIME, **kwargs)

    def _setup_scene(self, scene: Scene) -> None:
        super()._setup_scene(scene)
        self.captions.history.append((float(scene.renderer.time), self.text))

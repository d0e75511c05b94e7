"""On-screen words: the chapter title card and short captions (our own words, never the narration's)."""
from __future__ import annotations

from manim import DOWN, UP, Text, VGroup, config

from . import style

CAPTION_MAX_WIDTH = config.frame_width - 2 * style.FRAME_MARGIN


def caption(text: str, font_size: float = style.FONT_SIZE_BODY, color=style.SECONDARY) -> Text:
    """A one- or two-line caption at the bottom edge of the frame, shrunk to fit its width."""
    words = Text(text, font_size=font_size, color=color, line_spacing=0.8)
    if words.width > CAPTION_MAX_WIDTH:
        words.scale_to_fit_width(CAPTION_MAX_WIDTH)
    return words.to_edge(DOWN, buff=style.FRAME_MARGIN)


def heading(text: str, font_size: float = style.FONT_SIZE_HEADING, color=style.TEXT_COLOR) -> Text:
    """A heading at the top edge of the frame, shrunk to fit its width."""
    words = Text(text, font_size=font_size, color=color)
    if words.width > CAPTION_MAX_WIDTH:
        words.scale_to_fit_width(CAPTION_MAX_WIDTH)
    return words.to_edge(UP, buff=style.FRAME_MARGIN)


def title_card(number: int, title: str) -> VGroup:
    """The chapter's number and title, centred: shown at the start of every chapter."""
    label = Text(f"Chapter {number}", font_size=style.FONT_SIZE_BODY, color=style.SECONDARY)
    name = Text(title, font_size=style.FONT_SIZE_TITLE, color=style.TEXT_COLOR)
    return VGroup(label, name).arrange(DOWN, buff=0.3)

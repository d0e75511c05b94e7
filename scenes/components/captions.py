"""On-screen words: headings and short captions (our own words, never the narration's)."""
from __future__ import annotations

from manim import DOWN, UP, Text, config

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


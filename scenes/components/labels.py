"""Small words next to things, and the marks that point at them: labels, highlight boxes, rings."""
from __future__ import annotations

import numpy as np
from manim import DOWN, Circle, ManimColor, Mobject, SurroundingRectangle, Text

from . import style


def label(text: str, color: ManimColor = style.SECONDARY, font_size: float = style.FONT_SIZE_SMALL) -> Text:
    """A small label (never shrunk: the film's smallest legible size)."""
    return Text(text, font_size=font_size, color=color)


def label_next_to(target: Mobject, text: str, direction: np.ndarray = DOWN, color: ManimColor = style.SECONDARY,
                  font_size: float = style.FONT_SIZE_SMALL, buff: float = style.LABEL_BUFF) -> Text:
    """A small label beside ``target`` (below it unless ``direction`` says otherwise)."""
    return label(text, color, font_size).next_to(target, direction, buff=buff)


def highlight_box(target: Mobject, color: ManimColor = style.HIGHLIGHT_COLOR,
                  buff: float = style.HIGHLIGHT_BUFF) -> SurroundingRectangle:
    """The yellow box the film puts round whatever it points at (the network's answer, a row of W)."""
    return SurroundingRectangle(target, color=color, buff=buff, stroke_width=style.HIGHLIGHT_WIDTH)


def ring(neuron: Mobject, color: ManimColor = style.HIGHLIGHT_COLOR, scale: float = style.RING_SCALE) -> Circle:
    """A ring round one neuron (the one a beat is about)."""
    circle = Circle(radius=neuron.width / 2 * scale).set_stroke(color, style.HIGHLIGHT_WIDTH).set_fill(opacity=0)
    return circle.move_to(neuron)

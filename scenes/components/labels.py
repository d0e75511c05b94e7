"""Small words next to things, and the marks that point at them: labels, highlight boxes, rings."""
from __future__ import annotations

import numpy as np
from manim import DOWN, LEFT, RIGHT, Circle, ManimColor, Mobject, SurroundingRectangle, Text, VGroup, config

from . import style


def label(text: str, color: ManimColor = style.SECONDARY, font_size: float = style.FONT_SIZE_SMALL) -> Text:
    """A small label (never shrunk: the film's smallest legible size).

    Args:
        text: the words.
        color: their colour.
        font_size: their size (default ``style.FONT_SIZE_SMALL``).

    Example:
        name = label("bias", color=style.B_COLOR).next_to(box, DOWN)
        self.play(FadeIn(name))
    """
    return Text(text, font_size=font_size, color=color)


def label_next_to(target: Mobject, text: str, direction: np.ndarray = DOWN, color: ManimColor = style.SECONDARY,
                  font_size: float = style.FONT_SIZE_SMALL, buff: float = style.LABEL_BUFF) -> Text:
    """A small label beside ``target`` (below it unless ``direction`` says otherwise).

    Args:
        target: the mobject the label names.
        text: the words.
        direction: where the label goes, from ``target`` (``DOWN``, ``UP``, ``LEFT``, ``RIGHT``, …).
        color: the words' colour.
        font_size: their size.
        buff: the gap between ``target`` and the label.

    Example:
        name = label_next_to(image, "28 × 28 pixels")
        self.play(FadeIn(name))

    A label that would reach past the frame's side (longer words in another language, a target in a
    corner) is moved sideways to stand inside it.
    """
    return _inside_frame(label(text, color, font_size).next_to(target, direction, buff=buff))


def _inside_frame(mob: Mobject) -> Mobject:
    """``mob`` moved sideways, if need be, to keep ``style.FRAME_MARGIN`` from the frame's sides."""
    edge = config.frame_width / 2 - style.FRAME_MARGIN
    if mob.width <= 2 * edge:
        mob.shift(RIGHT * (max(0.0, -edge - mob.get_left()[0]) - max(0.0, mob.get_right()[0] - edge)))
    return mob


def wrapped_label(text: str, max_width: float, color: ManimColor = style.SECONDARY,
                  font_size: float = style.FONT_SIZE_SMALL, line_buff: float = 0.08) -> VGroup:
    """A small label broken into lines (at spaces, and at the line breaks ``text`` has) so that no line is
    wider than ``max_width``, never shrunk: the same words fit any language's length. Lines left-aligned.

    Args:
        text: the words.
        max_width: the widest a line may be (a single word wider than this stays whole).
        color: their colour.
        font_size: their size (default ``style.FONT_SIZE_SMALL``).
        line_buff: the gap between lines.

    Example:
        title = wrapped_label(self.text("images_it_fires_on", n=703), max_width=chart.width)
        title.next_to(chart, UP)
    """
    drawn = []
    for paragraph in text.split("\n"):
        whole = label(paragraph, color, font_size)
        if whole.width <= max_width:  # the usual case: one line, measured once
            drawn.append(whole)
            continue
        per_char = whole.width / max(len(paragraph), 1)  # break by the line's own average glyph width
        line = ""
        for word in paragraph.split(" "):
            trial = f"{line} {word}" if line else word
            if line and len(trial) * per_char > max_width:
                drawn.append(label(line, color, font_size))
                line = word
            else:
                line = trial
        drawn.append(label(line, color, font_size))
    return VGroup(*drawn).arrange(DOWN, aligned_edge=LEFT, buff=line_buff)


def highlight_box(target: Mobject, color: ManimColor = style.HIGHLIGHT_COLOR,
                  buff: float = style.HIGHLIGHT_BUFF) -> SurroundingRectangle:
    """The yellow box the film puts round whatever it points at (the network's answer, a row of W).

    Args:
        target: the mobject to box.
        color: the box's colour.
        buff: the gap between ``target`` and the box.

    Example:
        box = highlight_box(diagram.output_label(7))
        self.play(Create(box))
    """
    return SurroundingRectangle(target, color=color, buff=buff, stroke_width=style.HIGHLIGHT_WIDTH)


def ring(neuron: Mobject, color: ManimColor = style.HIGHLIGHT_COLOR, scale: float = style.RING_SCALE) -> Circle:
    """A ring round one neuron (the one a beat is about).

    Args:
        neuron: the neuron's circle (e.g. ``diagram.neuron(1, 3)``).
        color: the ring's colour.
        scale: the ring's diameter relative to the neuron's.

    Example:
        circle = ring(diagram.neuron(1, 3))
        self.play(Create(circle))
    """
    circle = Circle(radius=neuron.width / 2 * scale).set_stroke(color, style.HIGHLIGHT_WIDTH).set_fill(opacity=0)
    return circle.move_to(neuron)

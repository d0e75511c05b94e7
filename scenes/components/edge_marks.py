"""Marks on a ``NetworkDiagram``'s edges: a passing flash over some edges, a lasting highlight of a
bundle (the edges of one weight matrix), and a label placed over or under a bundle.

Edge group ``g`` of a diagram joins layer ``g`` to layer ``g + 1``: it is the picture of the
weight matrix W⁽ᵍ⁺¹⁾, so these marks show "this step" of the network.
"""
from __future__ import annotations

import numpy as np
from manim import DOWN, UP, ManimColor, Mobject, ShowPassingFlash, VGroup

from . import style
from .network_diagram import NetworkDiagram


def edge_flash(edges: VGroup, color: ManimColor = style.FLASH_COLOR,
               width: float = style.FLASH_WIDTH) -> ShowPassingFlash:
    """A flash running along ``edges`` (a copy: the edges themselves are untouched).

    Args:
        edges: the edges to flash (e.g. ``diagram.edges[0]`` or ``diagram.incoming_edges(1, 3)``).
        color: the flash's colour.
        width: the flash's stroke width.

    Example:
        diagram = NetworkDiagram(net)
        self.add(diagram)
        self.play(edge_flash(diagram.edges[1]))
    """
    flash = edges.copy().set_stroke(color, width, opacity=1.0)
    return ShowPassingFlash(flash, time_width=style.FLASH_TIME_WIDTH)


def lit_edges(edges: VGroup, color: ManimColor = style.FLASH_COLOR, width: float = style.EDGE_WIDTH * 1.5,
              opacity: float = 0.9) -> VGroup:
    """A lasting highlight of ``edges``: a coloured copy to add over them (fade it in and out).

    Args:
        edges: the edges to light.
        color: the highlight's colour.
        width: its stroke width.
        opacity: its stroke opacity.

    Example:
        lit = lit_edges(diagram.edges[0])
        self.play(FadeIn(lit))
        self.play(FadeOut(lit))
    """
    return edges.copy().set_stroke(color, width, opacity=opacity)


def bundle_label(diagram: NetworkDiagram, group: int, mob: Mobject, direction: np.ndarray = UP,
                 buff: float = style.LABEL_BUFF) -> Mobject:
    """Place ``mob`` centred between layers ``group`` and ``group + 1``, just over (``UP``) or under
    (``DOWN``) the diagram's neurons; returns ``mob``.

    Args:
        diagram: the ``NetworkDiagram``.
        group: the edge group (the weight matrix W⁽ᵍ⁺¹⁾ between layers ``group`` and ``group + 1``).
        mob: the label to place.
        direction: ``UP`` (over the neurons) or ``DOWN`` (under them).
        buff: the gap between the neurons and ``mob``.

    Example:
        name = bundle_label(diagram, 0, MathTex("W^{(1)}", color=style.W_COLOR))
        self.play(FadeIn(name))
    """
    x = (diagram.neurons[group].get_x() + diagram.neurons[group + 1].get_x()) / 2
    columns = VGroup(*diagram.neurons)
    if np.dot(direction, UP) > 0:
        mob.next_to(columns, UP, buff=buff)
    else:
        mob.next_to(columns, DOWN, buff=buff)
    return mob.set_x(x)

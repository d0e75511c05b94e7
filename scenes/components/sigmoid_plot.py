"""A function drawn on labelled axes (the sigmoid, or any activation function, e.g. ReLU).

``function_plot(fn, x_range, label)`` gives a ``FunctionPlot``: ``axes``, ``graph`` and an
optional ``label`` beside the curve; ``point(x)`` is where (x, fn(x)) sits on screen and
``dot(x)`` marks it, ``tangent(x, slope)`` draws the curve's slope there. ``sigmoid_plot()`` is
the logistic curve from ``nn.sigmoid`` with its formula. The curve is always computed from
``fn``: nothing is drawn by hand.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from manim import (
    UL,
    Axes,
    Dot,
    Line,
    ManimColor,
    MathTex,
    Mobject,
    VGroup,
)

import nn

from . import style
from .equations import sigma_formula

PLOT_X_LENGTH = 7.0
PLOT_Y_LENGTH = 3.5
GRAPH_WIDTH = 4.0
DOT_RADIUS = 0.08
TANGENT_WIDTH = 3.0
TANGENT_LENGTH = 1.6


class FunctionPlot(VGroup):
    """Axes with ``fn`` drawn on them. Submobjects: ``axes``, ``graph``, then ``label`` if any.

    ``point(x)`` is where (x, fn(x)) sits on screen, ``dot(x)`` marks it and ``tangent(x, slope)``
    draws the curve's slope there.

    Args:
        fn: the function, called on numpy floats (e.g. ``nn.sigmoid``).
        x_range: (start, stop, tick step) of the x-axis.
        y_range: (start, stop, tick step) of the y-axis.
        label: a mobject or TeX placed in ``label_corner`` of the axes (inside them); None: no label.
        label_corner: which corner of the axes the label sits in.
        x_length: the x-axis' length on screen.
        y_length: the y-axis' length on screen.
        color: the curve's colour.
        axis_color: the axes' colour.
        number_font_size: the size of the tick numbers.
        x_numbers: which x values get numbers (default: every tick but 0).
        y_numbers: which y values get numbers (default: every tick but 0, and the top).
        kwargs: passed to ``VGroup``.

    Example:
        relu = FunctionPlot(lambda x: np.maximum(x, 0), (-4, 4, 1), (0, 4, 1), label="\\max(0, x)")
        self.play(Create(relu.axes), Create(relu.graph))
        self.play(FadeIn(relu.dot(2.0)))
    """

    def __init__(
        self,
        fn: Callable[[np.ndarray], np.ndarray],
        x_range: Sequence[float] = (-8, 8, 2),
        y_range: Sequence[float] = (0, 1, 0.5),
        *,
        label: Mobject | str | None = None,
        label_corner=UL,
        x_length: float = PLOT_X_LENGTH,
        y_length: float = PLOT_Y_LENGTH,
        color: ManimColor = style.SIGMA_COLOR,
        axis_color: ManimColor = style.SECONDARY,
        number_font_size: float = style.FONT_SIZE_LABEL,
        x_numbers: Sequence[float] | None = None,
        y_numbers: Sequence[float] | None = None,
        **kwargs,
    ) -> None:
        super().__init__(**kwargs)
        self.fn = fn
        self.axes = Axes(
            x_range=list(x_range),
            y_range=list(y_range),
            x_length=x_length,
            y_length=y_length,
            tips=False,
            axis_config={"color": axis_color, "include_numbers": False, "font_size": number_font_size},
        )
        self.axes.x_axis.add_numbers(
            None if x_numbers is None else [x for x in x_numbers if x != 0], font_size=number_font_size
        )
        ys = list(y_numbers) if y_numbers is not None else [y for y in np.arange(*y_range[:2], y_range[2]) if y != 0]
        ys = ys + ([y_range[1]] if y_numbers is None and y_range[1] not in ys else [])
        self.axes.y_axis.add_numbers(ys, font_size=number_font_size, num_decimal_places=_decimals(ys))
        self.graph = self.axes.plot(lambda x: float(fn(np.float64(x))), color=color, stroke_width=GRAPH_WIDTH)
        self.add(self.axes, self.graph)
        self.label: Mobject | None = None
        if label is not None:
            self.label = MathTex(label, font_size=style.FONT_SIZE_BODY) if isinstance(label, str) else label
            self.label.move_to(self.axes.get_corner(label_corner), aligned_edge=label_corner)
            self.add(self.label)

    def value(self, x: float) -> float:
        """fn(x), the height of the curve at x."""
        return float(self.fn(np.float64(x)))

    def point(self, x: float) -> np.ndarray:
        """Screen position of (x, fn(x))."""
        return self.axes.c2p(x, self.value(x))

    def dot(self, x: float, color: ManimColor = style.TEXT_COLOR, radius: float = DOT_RADIUS) -> Dot:
        """A dot on the curve at x."""
        return Dot(self.point(x), radius=radius, color=color)

    def tangent(self, x: float, slope: float, length: float = TANGENT_LENGTH,
                color: ManimColor = style.TEXT_COLOR) -> Line:
        """The tangent to the curve at x with the given ``slope`` (computed by the caller, e.g. from the
        function's derivative in ``nn``), ``length`` long on screen, centred on the curve."""
        p = self.point(x)
        d = self.axes.c2p(x + 1.0, self.value(x) + slope) - self.axes.c2p(x, self.value(x))
        d = d / np.linalg.norm(d) * length / 2
        return Line(p - d, p + d, color=color, stroke_width=TANGENT_WIDTH)


def _decimals(values: Sequence[float]) -> int:
    return 0 if all(float(v).is_integer() for v in values) else 1


def function_plot(fn: Callable[[np.ndarray], np.ndarray], x_range: Sequence[float] = (-8, 8, 2),
                  label: Mobject | str | None = None, **kwargs) -> FunctionPlot:
    """``fn`` on axes over ``x_range`` (start, stop, tick step), with an optional label (see ``FunctionPlot``).

    Args:
        fn: the function, called on numpy floats.
        x_range: (start, stop, tick step) of the x-axis.
        label: a mobject or TeX in the axes' upper-left corner; None: no label.
        kwargs: any other ``FunctionPlot`` parameter (``y_range``, ``color``, …).

    Example:
        plot = function_plot(np.tanh, (-4, 4, 1), "\\tanh", y_range=(-1, 1, 1))
        self.play(Create(plot))
    """
    return FunctionPlot(fn, x_range, label=label, **kwargs)


def sigmoid_plot(x_range: Sequence[float] = (-8, 8, 2), formula: bool = True, **kwargs) -> FunctionPlot:
    """The logistic curve σ(x) = 1 / (1 + e^(−x)) from ``nn.sigmoid``, on y from 0 to 1.

    Args:
        x_range: (start, stop, tick step) of the x-axis.
        formula: write σ(x) = 1 / (1 + e^(−x)) in the upper-left corner.
        kwargs: any other ``FunctionPlot`` parameter.

    Example:
        plot = sigmoid_plot()
        self.play(Create(plot))
        self.play(FadeIn(plot.dot(2.0)))
    """
    label = sigma_formula() if formula else None
    return FunctionPlot(nn.sigmoid, x_range, (0, 1, 0.5), label=label, **kwargs)

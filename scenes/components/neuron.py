"""A neuron as the film draws it: a hollow circle whose fill opacity is its activation, nothing else;
also with its number written inside, and a whole image as a grid of neurons."""
from __future__ import annotations

from manim import Circle, DecimalNumber, VGroup

from . import style
from .pixel_image import PixelImage


def neuron(activation: float = 0.0, radius: float = style.NEURON_RADIUS,
           stroke_width: float = style.NEURON_STROKE_WIDTH) -> Circle:
    """A neuron showing ``activation`` (0 hollow … 1 fully lit): white stroke, white fill of that opacity.

    Args:
        activation: the neuron's value in [0, 1], shown as its fill opacity.
        radius: the circle's radius.
        stroke_width: the outline's width.

    Example:
        dot = neuron(0.8, radius=0.5)
        self.play(dot.animate.set_fill(opacity=0.2))
    """
    circle = Circle(radius=radius).set_stroke(style.NEURON_STROKE_COLOR, stroke_width)
    return circle.set_fill(style.NEURON_FILL_COLOR, opacity=float(activation))


def numbered_neuron(activation: float, radius: float, font_size: float = style.FONT_SIZE_TITLE,
                    stroke_width: float = style.NEURON_STROKE_WIDTH * 2) -> VGroup:
    """A big neuron with its activation written inside (two decimals, dark on a bright fill):
    VGroup(circle, number). ``set_activation`` on it changes both.

    Args:
        activation: the value in [0, 1]: fill opacity and number.
        radius: the circle's radius.
        font_size: the number's size.
        stroke_width: the outline's width.

    Example:
        big = numbered_neuron(0.82, radius=1.2)
        self.add(big)
        self.play(big.animate.set_fill(opacity=0))   # or set_activation(big, 0.1)
    """
    circle = neuron(activation, radius, stroke_width)
    number = DecimalNumber(activation, num_decimal_places=2, font_size=font_size)
    number.set_color(style.text_color_on(activation)).move_to(circle)
    return VGroup(circle, number)


def set_activation(numbered: VGroup, activation: float) -> VGroup:
    """Show ``activation`` on a ``numbered_neuron``: its fill and its number; returns it.

    Args:
        numbered: a ``numbered_neuron`` (VGroup(circle, number)).
        activation: the new value in [0, 1].

    Example:
        big = numbered_neuron(0.0, radius=1.2)
        self.play(UpdateFromAlphaFunc(big, lambda m, t: set_activation(m, 0.9 * t)))
    """
    circle, number = numbered
    circle.set_fill(opacity=float(activation))
    number.set_value(activation).set_color(style.text_color_on(activation)).move_to(circle)
    return numbered


def neuron_grid(image: PixelImage, share: float = 0.42, stroke_width: float = 1.0, stroke_opacity: float = 0.45) -> VGroup:
    """``image``'s pixels as 784 small neurons in their places: radius ``share`` of a pixel's side,
    fill opacity = the pixel's value.

    Args:
        image: the ``PixelImage`` whose pixels become neurons.
        share: each circle's radius as a fraction of a pixel's side.
        stroke_width: the circles' outline width.
        stroke_opacity: the circles' outline opacity.

    Example:
        image = PixelImage(42)
        self.add(image)
        self.play(ReplacementTransform(image.squares, neuron_grid(image)))
    """
    circles = image.circles(radius=image.pixel_side * share)
    circles.set_stroke(style.NEURON_STROKE_COLOR, stroke_width, opacity=stroke_opacity)
    for circle, value in zip(circles, image.pixels):
        circle.set_fill(style.NEURON_FILL_COLOR, opacity=float(value))
    return circles

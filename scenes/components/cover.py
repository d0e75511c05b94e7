"""Cheap fades for scenes full of mobjects: a black cover fades over (or off) what lies beneath.

``FadeIn``/``FadeOut`` of a 784-square image or of a whole diagram interpolates and redraws
every submobject on every frame. A cover is ONE rectangle: while it fades, everything under it
stays in the renderer's static frame, so a fade costs one mobject per frame. On the black
background the result looks the same as fading the things themselves.
"""
from __future__ import annotations

from manim import FadeIn, FadeOut, Group, Mobject, Rectangle, Scene, config

from . import style

COVER_PAD = 0.05  # a cover over one mobject reaches this far past its edges


def cover(target: Mobject | None = None) -> Rectangle:
    """An opaque rectangle of the background colour over ``target`` (default: the whole frame)."""
    if target is None:
        width, height, center = config.frame_width + 1, config.frame_height + 1, (0, 0, 0)
    else:
        width, height, center = target.width + 2 * COVER_PAD, target.height + 2 * COVER_PAD, target.get_center()
    rect = Rectangle(width=width, height=height).move_to(center)
    return rect.set_stroke(width=0).set_fill(style.BACKGROUND, opacity=1.0)


def reveal(scene: Scene, *mobjects: Mobject, run_time: float = style.RUN_TIME) -> None:
    """Fade ``mobjects`` in cheaply: add them under a cover (over their bounds) that fades away."""
    scene.add(*mobjects)
    lid = cover(Group(*mobjects) if len(mobjects) > 1 else mobjects[0])
    scene.add(lid)
    scene.play(FadeOut(lid), run_time=run_time)


def swap_under_cover(scene: Scene, target: Mobject, change, run_time: float = style.SHORT_RUN_TIME) -> None:
    """Dip ``target`` to black, call ``change()`` (e.g. new pixels) while hidden, and bring it back."""
    lid = cover(target)
    scene.play(FadeIn(lid), run_time=run_time / 2)
    change()
    scene.bring_to_front(lid)  # over anything ``change`` added
    scene.play(FadeOut(lid), run_time=run_time / 2)


def fade_to_black(scene: Scene, run_time: float = style.RUN_TIME) -> None:
    """Fade the whole frame to black cheaply, then remove every mobject (a chapter's ending)."""
    lid = cover()
    scene.play(FadeIn(lid), run_time=run_time)
    scene.remove(*scene.mobjects)


def fade_from_black(scene: Scene, *mobjects: Mobject, run_time: float = style.RUN_TIME) -> None:
    """Add ``mobjects`` and fade the whole frame in from black cheaply."""
    scene.add(*mobjects)
    lid = cover()
    scene.add(lid)
    scene.play(FadeOut(lid), run_time=run_time)

"""Cheap fades, two ways: a black cover over still content, or opacities scaled in place.

``FadeIn``/``FadeOut`` deep-copy their mobject and interpolate every point of every member on
every frame; for a 784-square image or a network diagram (about 700 lines) that is most of a
chapter's render time.

- Covers (``reveal``, ``conceal``, ``swap_under_cover``, ``fade_to_black``, ``fade_from_black``):
  ONE background-coloured rectangle fades over (or off) what lies beneath, which stays in the
  renderer's static frame. On the black background this looks the same as fading the things.
- ``OpacityFade`` (``fade_in``, ``fade_out``, ``fade_out_all``): scales the stored fill and
  stroke alphas (and image alphas) in place and restores them when done, for things that
  overlap other content.
"""
from __future__ import annotations

import numpy as np
from manim import (
    Animation, FadeIn, FadeOut, Group, ImageMobject, Mobject, Rectangle, Scene, VMobject, config, smooth,
)

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


def conceal(scene: Scene, *mobjects: Mobject, run_time: float = style.RUN_TIME) -> None:
    """Fade ``mobjects`` out under a cover, then remove them (and any of their parts added alone)."""
    lid = cover(Group(*mobjects) if len(mobjects) > 1 else mobjects[0]).set_fill(opacity=0.0)
    scene.add(lid)
    scene.play(lid.animate.set_fill(opacity=1.0), run_time=run_time)
    covered = {id(m) for mob in mobjects for m in mob.get_family()}
    scene.remove(*(m for m in scene.mobjects if id(m) in covered), lid)


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


class OpacityFade(Animation):
    """Fade ``mobject`` (and its family) in from transparent, or out to transparent and remove it.

    Scales the alphas of its VMobjects (fill, stroke, background stroke) and images (pixel
    alpha) in place, so nothing is copied; they are restored at the end.
    """

    def __init__(self, mobject: Mobject, fade_in: bool = False, rate_func=smooth, **kwargs) -> None:
        self.fade_in = fade_in
        super().__init__(mobject, introducer=fade_in, remover=not fade_in, rate_func=rate_func, **kwargs)

    def create_starting_mobject(self) -> Mobject:
        return VMobject()  # nothing to copy: opacities are scaled in place

    def begin(self) -> None:
        family = self.mobject.get_family()
        self.members = [m for m in family if isinstance(m, VMobject)]
        self.saved = [
            (m.fill_rgbas[:, 3].copy(), m.stroke_rgbas[:, 3].copy(), m.background_stroke_rgbas[:, 3].copy())
            for m in self.members
        ]
        self.images = [m for m in family if isinstance(m, ImageMobject)]
        self.saved_alpha = [m.pixel_array[..., 3].copy() for m in self.images]
        super().begin()

    def interpolate_mobject(self, alpha: float) -> None:
        t = self.rate_func(alpha)
        self._set_factor(t if self.fade_in else 1.0 - t)

    def clean_up_from_scene(self, scene: Scene) -> None:
        super().clean_up_from_scene(scene)
        self._set_factor(1.0)

    def _set_factor(self, factor: float) -> None:
        for m, (fill, stroke, back) in zip(self.members, self.saved):
            m.fill_rgbas[:, 3] = fill * factor
            m.stroke_rgbas[:, 3] = stroke * factor
            m.background_stroke_rgbas[:, 3] = back * factor
        for m, alpha in zip(self.images, self.saved_alpha):
            m.pixel_array[..., 3] = np.rint(alpha * factor).astype(m.pixel_array.dtype)


def fade_out(*mobjects: Mobject, **kwargs) -> list[OpacityFade]:
    """One cheap fade-out per mobject (each must be in the scene): ``self.play(*fade_out(a, b))``."""
    return [OpacityFade(m, fade_in=False, **kwargs) for m in mobjects]


def fade_in(*mobjects: Mobject, **kwargs) -> list[OpacityFade]:
    """One cheap fade-in per mobject, to the opacities it has now."""
    return [OpacityFade(m, fade_in=True, **kwargs) for m in mobjects]


def fade_out_all(scene: Scene, run_time: float, **kwargs) -> None:
    """End a chapter: fade every mobject of ``scene`` out cheaply and remove it."""
    if scene.mobjects:
        scene.play(*fade_out(*scene.mobjects), run_time=run_time, **kwargs)


def swap_caption(scene: Scene, old: Mobject | None, text: str) -> Mobject:
    """Cross-fade the bottom caption ``old`` (or none) into a caption of ``text``, in one short play."""
    from .captions import caption

    new = caption(text)
    if old in scene.mobjects:  # on top, so that only the two captions are redrawn on every frame
        scene.bring_to_front(old)
    anims = fade_in(new) + (fade_out(old) if old is not None else [])
    scene.play(*anims, run_time=style.SHORT_RUN_TIME)
    return new

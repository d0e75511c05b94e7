"""Cheap fades: change only the opacities of a mobject's family, without the copies FadeIn/FadeOut make.

``FadeIn``/``FadeOut`` deep-copy their mobject twice and interpolate every point of every member
each frame; for a network diagram (about 700 lines) that is most of a chapter's render time.
``OpacityFade`` scales the stored fill and stroke alphas instead, and restores them when done, so
the faded mobject can be shown again later. Use ``fade_out_all(scene)`` to end a chapter.
"""
from __future__ import annotations

from manim import Animation, Mobject, Scene, VMobject, smooth


class OpacityFade(Animation):
    """Fade ``mobject`` (and its family) in from transparent, or out to transparent and remove it."""

    def __init__(self, mobject: Mobject, fade_in: bool = False, rate_func=smooth, **kwargs) -> None:
        self.fade_in = fade_in
        super().__init__(mobject, introducer=fade_in, remover=not fade_in, rate_func=rate_func, **kwargs)

    def create_starting_mobject(self) -> Mobject:
        return VMobject()  # nothing to copy: opacities are scaled in place

    def begin(self) -> None:
        self.members = [m for m in self.mobject.get_family() if isinstance(m, VMobject)]
        self.saved = [
            (m.fill_rgbas[:, 3].copy(), m.stroke_rgbas[:, 3].copy(), m.background_stroke_rgbas[:, 3].copy())
            for m in self.members
        ]
        super().begin()

    def interpolate_mobject(self, alpha: float) -> None:
        t = self.rate_func(alpha)
        factor = t if self.fade_in else 1.0 - t
        for m, (fill, stroke, back) in zip(self.members, self.saved):
            m.fill_rgbas[:, 3] = fill * factor
            m.stroke_rgbas[:, 3] = stroke * factor
            m.background_stroke_rgbas[:, 3] = back * factor

    def clean_up_from_scene(self, scene: Scene) -> None:
        super().clean_up_from_scene(scene)
        self._restore()

    def _restore(self) -> None:
        for m, (fill, stroke, back) in zip(self.members, self.saved):
            m.fill_rgbas[:, 3] = fill
            m.stroke_rgbas[:, 3] = stroke
            m.background_stroke_rgbas[:, 3] = back


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


__all__ = ["OpacityFade", "fade_in", "fade_out", "fade_out_all"]

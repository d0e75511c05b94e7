"""Cheap fades and cuts, each an ``Animation`` that composes with others in one ``play``.

``FadeIn``/``FadeOut`` deep-copy their mobject and interpolate every point of every member on
every frame; for a 784-square image or a network diagram (about 700 lines) that is most of a
chapter's render time. Two cheaper ways, both usable beside any other animation:

- A ``Cover``: ONE background-coloured rectangle fades over (or off) still content, which stays in
  the renderer's static frame. On the black background this looks the same as fading the things.
  ``Reveal``, ``Conceal``, ``FadeFromBlack``, ``FadeToBlack``, ``SwapUnderCover``.
- ``OpacityFade`` (``fade_in``, ``fade_out``): the stored fill, stroke and image alphas are scaled
  in place and restored when done, for things that overlap other content. ``Swap`` fades one
  thing out and then another in, in the same place: never two texts on top of each other.
"""
from __future__ import annotations

from collections.abc import Callable

import numpy as np
from manim import Animation, Group, ImageMobject, Mobject, Rectangle, Scene, VMobject, config, linear, smooth

from . import style

COVER_PAD = 0.05  # a cover over one mobject reaches this far past its edges


class Cover(Rectangle):
    """An opaque rectangle of the background colour over ``target`` (default: the whole frame).

    The transitions below fade one; on its own it hides still content cheaply.

    Args:
        target: the mobject to cover (a little larger than it); None: the whole frame.
        opacity: the cover's fill opacity.

    Example:
        lid = Cover(diagram)
        self.add(lid)   # the diagram is hidden but stays in the scene
        self.play(lid.animate.set_fill(opacity=0))
    """

    def __init__(self, target: Mobject | None = None, opacity: float = 1.0) -> None:
        if target is None:
            width, height, center = config.frame_width + 1, config.frame_height + 1, np.zeros(3)
        else:
            width, height = target.width + 2 * COVER_PAD, target.height + 2 * COVER_PAD
            center = target.get_center()
        super().__init__(width=width, height=height)
        self.move_to(center).set_stroke(width=0).set_fill(style.BACKGROUND, opacity=opacity)


def _one(mobjects: tuple[Mobject, ...]) -> Mobject:
    return mobjects[0] if len(mobjects) == 1 else Group(*mobjects)


class _CoverFade(Animation):
    """A cover whose opacity runs from ``start`` to ``end``; subclasses say what enters and leaves."""

    def __init__(self, lid: Cover, start: float, end: float, rate_func=smooth, **kwargs) -> None:
        self.lid, self.start, self.end = lid, start, end
        lid.set_fill(opacity=start)
        # an introducer: manim leaves adding to ``_setup_scene`` (the lid must go on top)
        super().__init__(lid, rate_func=rate_func, introducer=True, **kwargs)

    def create_starting_mobject(self) -> Mobject:
        return VMobject()

    def interpolate_mobject(self, alpha: float) -> None:
        t = self.rate_func(alpha)
        self.lid.set_fill(opacity=self.start + (self.end - self.start) * t)


class Reveal(_CoverFade):
    """Fade ``mobjects`` in: they enter the scene under a cover that fades away.

    Args:
        *mobjects: what enters (one cover over them all, so nothing else should sit in its box).
        **kwargs: passed to ``Animation`` (``run_time``, ``rate_func``, …).

    Example:
        image = DigitImage(42)
        self.play(Reveal(image), run_time=style.RUN_TIME)
    """

    def __init__(self, *mobjects: Mobject, **kwargs) -> None:
        self.targets = mobjects
        super().__init__(Cover(_one(mobjects)), 1.0, 0.0, **kwargs)

    def _setup_scene(self, scene: Scene) -> None:
        scene.add(*self.targets, self.lid)

    def clean_up_from_scene(self, scene: Scene) -> None:
        scene.remove(self.lid)


class Conceal(_CoverFade):
    """Fade ``mobjects`` out under a cover, then remove them (and any of their parts added alone).

    Args:
        *mobjects: what leaves (one cover over them all, so nothing else should sit in its box).
        **kwargs: passed to ``Animation``.

    Example:
        self.add(image, diagram)
        self.play(Conceal(image, diagram), run_time=style.SHORT_RUN_TIME)   # both gone afterwards
    """

    def __init__(self, *mobjects: Mobject, **kwargs) -> None:
        self.targets = mobjects
        super().__init__(Cover(_one(mobjects)), 0.0, 1.0, **kwargs)

    def _setup_scene(self, scene: Scene) -> None:
        scene.add(self.lid)

    def clean_up_from_scene(self, scene: Scene) -> None:
        remove_with_parts(scene, *self.targets, self.lid)


class FadeFromBlack(_CoverFade):
    """Add ``mobjects`` and fade the whole frame in from black.

    Args:
        *mobjects: what the frame shows as it appears.
        **kwargs: passed to ``Animation``.

    Example:
        image, diagram = DigitImage(42), NetworkDiagram(net)
        self.play(FadeFromBlack(image, diagram))
    """

    def __init__(self, *mobjects: Mobject, **kwargs) -> None:
        self.targets = mobjects
        super().__init__(Cover(), 1.0, 0.0, **kwargs)

    def _setup_scene(self, scene: Scene) -> None:
        scene.add(*self.targets, self.lid)

    def clean_up_from_scene(self, scene: Scene) -> None:
        scene.remove(self.lid)


class FadeToBlack(_CoverFade):
    """Fade the whole frame to black, then remove every mobject (a chapter's ending).

    Args:
        **kwargs: passed to ``Animation``.

    Example:
        self.play(diagram.forward_pass(pixels))
        self.play(FadeToBlack(run_time=style.RUN_TIME))   # the scene is empty afterwards
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(Cover(), 0.0, 1.0, **kwargs)

    def _setup_scene(self, scene: Scene) -> None:
        scene.add(self.lid)

    def clean_up_from_scene(self, scene: Scene) -> None:
        scene.remove(*scene.mobjects)


class SwapUnderCover(_CoverFade):
    """Dip ``target`` to black, call ``change()`` while it is hidden, and bring it back.

    ``change`` may only alter mobjects inside ``target`` (new pixels, ``label.become(...)``): they
    are redrawn on every frame of this animation, so the change shows as the cover lifts.

    Args:
        target: the mobject that dips to black.
        change: called once, when ``target`` is fully hidden.
        **kwargs: passed to ``Animation``.

    Example:
        image = DigitImage(42)
        self.add(image)
        self.play(SwapUnderCover(image, lambda: image.set_pixels(7)))
    """

    def __init__(self, target: Mobject, change: Callable[[], None], **kwargs) -> None:
        self.target, self.change, self.changed = target, change, False
        super().__init__(Cover(target), 0.0, 1.0, rate_func=linear, **kwargs)
        self.mobject = Group(target, self.lid)

    def _setup_scene(self, scene: Scene) -> None:
        scene.add(self.lid)

    def interpolate_mobject(self, alpha: float) -> None:
        if alpha >= 0.5 and not self.changed:
            self.change()
            self.changed = True
        self.lid.set_fill(opacity=float(smooth(1 - abs(2 * alpha - 1))))

    def clean_up_from_scene(self, scene: Scene) -> None:
        scene.remove(self.lid)


def remove_with_parts(scene: Scene, *mobjects: Mobject) -> None:
    """Remove ``mobjects`` from ``scene`` wherever they are: added alone, as parts added alone, or
    inside a group that was added (manim splits the group and keeps its other members)."""
    for list_name in ("mobjects", "foreground_mobjects"):
        scene.restructure_mobjects(mobjects, list_name, extract_families=True)


class Opacities:
    """The stored alphas of ``mobject``'s family (fills, strokes, image pixels): scale and restore."""

    def __init__(self, mobject: Mobject) -> None:
        family = mobject.get_family()
        self.vectors = [m for m in family if isinstance(m, VMobject)]
        self.saved = [
            (m.fill_rgbas[:, 3].copy(), m.stroke_rgbas[:, 3].copy(), m.background_stroke_rgbas[:, 3].copy())
            for m in self.vectors
        ]
        self.images = [m for m in family if isinstance(m, ImageMobject)]
        self.saved_alpha = [m.pixel_array[..., 3].copy() for m in self.images]

    def scale(self, factor: float) -> None:
        """Every alpha := its stored value × ``factor`` (1 restores them)."""
        for m, (fill, stroke, back) in zip(self.vectors, self.saved):
            m.fill_rgbas[:, 3] = fill * factor
            m.stroke_rgbas[:, 3] = stroke * factor
            m.background_stroke_rgbas[:, 3] = back * factor
        for m, alpha in zip(self.images, self.saved_alpha):
            m.pixel_array[..., 3] = np.rint(alpha * factor).astype(m.pixel_array.dtype)


class OpacityFade(Animation):
    """Fade ``mobject`` (and its family) in from transparent, or out to transparent and remove it.

    Alphas are scaled in place (``Opacities``), so nothing is copied; they are restored at the end.
    For things that overlap other content (a cover would hide those too).

    Args:
        mobject: what fades (in: it enters the scene; out: it must be in it, and leaves).
        fade_in: True fades in to the opacities it has now, False fades out.
        rate_func: the fade's rate function.
        on_top: drawn over everything else in its play (a title leaving over what enters under a
            cover, which would otherwise hide it at once).
        **kwargs: passed to ``Animation``.

    Example:
        self.play(OpacityFade(lit, fade_in=True))
        self.play(OpacityFade(lit))   # out, and removed
    """

    def __init__(self, mobject: Mobject, fade_in: bool = False, rate_func=smooth, on_top: bool = False,
                 **kwargs) -> None:
        self.fade_in, self.on_top = fade_in, on_top
        super().__init__(mobject, introducer=fade_in, remover=not fade_in, rate_func=rate_func, **kwargs)

    def _setup_scene(self, scene: Scene) -> None:
        super()._setup_scene(scene)
        if self.on_top:
            scene.bring_to_front(self.mobject)

    def create_starting_mobject(self) -> Mobject:
        return VMobject()  # nothing to copy: opacities are scaled in place

    def begin(self) -> None:
        self.opacities = Opacities(self.mobject)
        super().begin()

    def interpolate_mobject(self, alpha: float) -> None:
        t = self.rate_func(alpha)
        self.opacities.scale(t if self.fade_in else 1.0 - t)

    def clean_up_from_scene(self, scene: Scene) -> None:
        super().clean_up_from_scene(scene)
        self.opacities.scale(1.0)


class Swap(Animation):
    """``old`` fades out, then ``new`` fades in (never both at once): a number or label replaced.

    Opacities are scaled in place; ``new`` enters the scene and ``old`` leaves it. With ``within``
    (seconds) the swap happens in the first ``within`` seconds of a longer play.

    Args:
        old: what leaves (None: nothing).
        new: what enters, usually in ``old``'s place (None: nothing).
        within: the seconds the swap takes at the start of the play (None: the whole play).
        **kwargs: passed to ``Animation``.

    Example:
        number = DecimalNumber(0.92).next_to(dot, RIGHT)
        self.play(Swap(shown, number), run_time=style.RUN_TIME)
        shown = number
    """

    def __init__(self, old: Mobject | None, new: Mobject | None, within: float | None = None, **kwargs) -> None:
        self.old, self.new, self.within = old, new, within
        super().__init__(Group(*(m for m in (old, new) if m is not None)), introducer=True, **kwargs)

    def create_starting_mobject(self) -> Mobject:
        return VMobject()

    def _setup_scene(self, scene: Scene) -> None:
        if self.old is not None and self.old in scene.mobjects:
            scene.bring_to_front(self.old)  # on top: only the two are redrawn
        if self.new is not None:
            scene.add(self.new)

    def begin(self) -> None:
        self.old_alphas = Opacities(self.old) if self.old is not None else None
        self.new_alphas = Opacities(self.new) if self.new is not None else None
        super().begin()

    def interpolate_mobject(self, alpha: float) -> None:
        span = self.run_time if self.within is None else min(self.within, self.run_time)
        progress = min(1.0, alpha * self.run_time / span) if span > 0 else 1.0
        if self.old_alphas is not None:
            self.old_alphas.scale(smooth(max(0.0, 1 - 2 * progress)))
        if self.new_alphas is not None:
            self.new_alphas.scale(smooth(max(0.0, 2 * progress - 1)))

    def clean_up_from_scene(self, scene: Scene) -> None:
        if self.old is not None and self.old_alphas is not None:
            remove_with_parts(scene, self.old)
            self.old_alphas.scale(1.0)
        if self.new_alphas is not None:
            self.new_alphas.scale(1.0)


def fade_out(*mobjects: Mobject, **kwargs) -> list[OpacityFade]:
    """One cheap fade-out per mobject (each must be in the scene), an ``OpacityFade`` each.

    Args:
        *mobjects: what fades out and leaves.
        **kwargs: passed to each ``OpacityFade`` (``run_time``, …).

    Example:
        self.add(label_a, label_b)
        self.play(*fade_out(label_a, label_b), run_time=style.SHORT_RUN_TIME)
    """
    return [OpacityFade(m, fade_in=False, **kwargs) for m in mobjects]


def fade_in(*mobjects: Mobject, **kwargs) -> list[OpacityFade]:
    """One cheap fade-in per mobject, to the opacities it has now, an ``OpacityFade`` each.

    Args:
        *mobjects: what enters and fades in.
        **kwargs: passed to each ``OpacityFade``.

    Example:
        label_a, label_b = label("input"), label("output")
        self.play(*fade_in(label_a, label_b), diagram.forward_pass(pixels))
    """
    return [OpacityFade(m, fade_in=True, **kwargs) for m in mobjects]

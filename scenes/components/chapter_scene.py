"""Base class of every chapter: narration beats, which the layout tests check (and slides can use)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from manim import (
    Camera,
    DecimalNumber,
    Integer,
    MarkupText,
    MathTex,
    Mobject,
    Paragraph,
    Scene,
    SingleStringMathTex,
    Tex,
    Text,
    config,
)
from manim.constants import RendererType
from manim.renderer.cairo_renderer import CairoRenderer

from .quick_output import QuickCamera, QuickEncodingFileWriter

TEXT_TYPES = (Text, MarkupText, Paragraph, MathTex, SingleStringMathTex, Tex, DecimalNumber, Integer)


@dataclass(frozen=True)
class TextBox:
    """Where one visible piece of text sits on screen at a beat (manim units)."""

    beat: str
    text: str
    left: float
    right: float
    bottom: float
    top: float

    def inside_frame(self, margin: float = 0.0) -> bool:
        w, h = config.frame_width / 2 - margin, config.frame_height / 2 - margin
        return -w <= self.left and self.right <= w and -h <= self.bottom and self.top <= h

    def overlaps(self, other: "TextBox", tolerance: float = 0.02) -> bool:
        return (
            min(self.right, other.right) - max(self.left, other.left) > tolerance
            and min(self.top, other.top) - max(self.bottom, other.bottom) > tolerance
        )


class ChapterScene(Scene):
    """A chapter of the film. Call :meth:`beat` at each narration beat of the storyboard.

    A beat is a key frame: the layout tests check that no text leaves the frame or overlaps
    other text there. Frames are drawn and encoded by ``quick_output`` (same pictures, less work).
    """

    def __init__(self, renderer=None, camera_class: type[Camera] = QuickCamera, **kwargs) -> None:  # noqa: ANN001
        if renderer is None and config.renderer == RendererType.CAIRO:
            renderer = CairoRenderer(file_writer_class=QuickEncodingFileWriter, camera_class=camera_class,
                                     skip_animations=kwargs.get("skip_animations", False))
        super().__init__(renderer=renderer, camera_class=camera_class, **kwargs)

    #: set to a list by the tests to collect (beat name, visible text boxes) at every beat
    beat_log: ClassVar[list[tuple[str, list[TextBox]]] | None] = None

    def beat(self, name: str) -> None:
        """Mark a narration beat: a key frame for the layout tests, and a slide break in slides."""
        if ChapterScene.beat_log is not None:
            ChapterScene.beat_log.append((name, visible_text_boxes(self.mobjects, name)))
        next_slide = getattr(self, "next_slide", None)  # only the manim-slides versions have it
        if next_slide is not None:
            next_slide()


def visible_text_boxes(mobjects: list[Mobject], beat: str = "") -> list[TextBox]:
    """The outermost text mobjects among ``mobjects`` (and their families) that can be seen."""
    boxes: list[TextBox] = []

    def visit(mob: Mobject) -> None:
        if isinstance(mob, TEXT_TYPES):
            if _is_visible(mob):
                boxes.append(TextBox(beat, _describe(mob), mob.get_left()[0], mob.get_right()[0],
                                     mob.get_bottom()[1], mob.get_top()[1]))
            return
        for sub in mob.submobjects:
            visit(sub)

    for mob in mobjects:
        visit(mob)
    return boxes


def _is_visible(mob: Mobject) -> bool:
    return any(
        (m.get_fill_opacity() > 0.05 or m.get_stroke_opacity() > 0.05) and m.has_points()
        for m in mob.family_members_with_points()
    )


def _describe(mob: Mobject) -> str:
    for attr in ("text", "tex_string", "number"):
        if hasattr(mob, attr):
            return f"{type(mob).__name__}({getattr(mob, attr)!r})"
    return type(mob).__name__

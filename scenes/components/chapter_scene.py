"""Base class of every chapter: narration beats, which the layout tests check (and slides can use)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import av
import numpy as np
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
from manim.scene.scene_file_writer import SceneFileWriter

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


#: x264 settings of every video the chapters write. manim's default preset ("medium") spends
#: about 25 ms per 1080p frame; flat-coloured animation needs far less: "ultrafast" with
#: "tune animation" encodes about 3x faster at the same quality setting (crf 23), in larger files.
X264_OPTIONS = {"preset": "ultrafast", "tune": "animation"}


class QuickEncodingFileWriter(SceneFileWriter):
    """manim's file writer, with :data:`X264_OPTIONS` and a cheaper way to write still frames.

    A ``wait`` hands the encoder one frame to write many times, and manim converts it from RGBA
    to the video's YUV once per copy (about 9 ms per 1080p frame). Here it is converted once.
    """

    def open_partial_movie_stream(self, file_path=None) -> None:  # noqa: ANN001 (manim's signature)
        super().open_partial_movie_stream(file_path)
        job = getattr(self, "_current_encode_job", None)
        if job is None or job.stream.codec_context.name != "libx264":
            return
        job.stream.codec_context.options = {**job.stream.codec_context.options, **X264_OPTIONS}
        plain = job._encode_and_write_frame

        def encode(frame: np.ndarray, num_frames: int) -> None:
            if num_frames <= 1:
                return plain(frame, num_frames)
            yuv = av.VideoFrame.from_ndarray(frame, format="rgba").reformat(format=job.stream.pix_fmt).to_ndarray()
            for _ in range(num_frames):  # a new frame object each time: the encoder keeps the ones it gets
                for packet in job.stream.encode(av.VideoFrame.from_ndarray(yuv, format=job.stream.pix_fmt)):
                    job.container.mux(packet)

        job._encode_and_write_frame = encode


class ChapterScene(Scene):
    """A chapter of the film. Call :meth:`beat` at each narration beat of the storyboard.

    A beat is a key frame: the layout tests check that no text leaves the frame or overlaps
    other text there. Videos are encoded with :data:`X264_OPTIONS`.
    """

    def __init__(self, renderer=None, camera_class: type[Camera] = Camera, **kwargs) -> None:  # noqa: ANN001
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

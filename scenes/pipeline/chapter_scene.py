"""The base class of every chapter: a chapter is told as a sequence of narrated beats.

    with self.beat("pixel-values", value=0.62) as beat:   # caption changes, the voice starts
        self.play(Create(marker))                          # (the caption change joins this play)
        beat.wait_until(1)                                 # until the second sentence is spoken
        self.play(FadeIn(zoom), run_time=beat.time_to(2))  # done as the third sentence starts
    # here the beat lasts until its narration ends, plus a breath

Each beat's words come from the narration script (``scenes.content.narration``): its caption, and
what the voice says (``scenes.pipeline.voice``), with ``{names}`` filled by the values given to
``beat``. The chapter's audio track, its subtitles and the timing of every beat are written beside
its video. In the slide version (manim-slides) every beat is a slide with its narration as notes.
Frames are drawn and encoded by ``quick_output`` (same pictures, less work).
"""
from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

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

from scenes.components import style
from scenes.components.captions import CaptionChange, Captions
from scenes.components.transitions import Conceal, Cover, Reveal
from scenes.content.narration import ChapterScript, load_script

from . import subtitles
from .quick_output import QuickCamera, QuickEncodingFileWriter
from .voice import (
    ENV_VOICE,
    ENV_VOICE_CACHE,
    ENV_VOICE_DIR,
    ENV_VOICE_MODEL,
    SAMPLE_RATE,
    Speech,
    Voice,
    voice_from_environment,
    write_wav,
)

# nothing leaves the machine: plain `manim` would ask PyPI for its latest version after rendering
config.notify_outdated_version = False

#: seconds of quiet after a beat's narration before the next beat starts
BREATH = 0.5
#: seconds a chapter's title stays on screen at its start
TITLE_HOLD = 1.2
#: environment variables that choose the narration (set by render.sh's options)
ENV_LANG = "NN_LANG"
NARRATION_ENVIRONMENT = (ENV_VOICE, ENV_VOICE_MODEL, ENV_VOICE_DIR, ENV_VOICE_CACHE, ENV_LANG)

TEXT_TYPES = (Text, MarkupText, Paragraph, MathTex, SingleStringMathTex, Tex, DecimalNumber, Integer)
#: cap height in pixels of the 854×480 frame per unit of font size (measured: "H" at size 36)
CAP_PIXELS_PER_FONT_SIZE = {"text": 21.89 / 36, "tex": 15.31 / 36}
PIXELS_PER_UNIT_480P = 480 / 8.0  # the frame is 8 units high


@dataclass(frozen=True)
class TextBox:
    """Where one piece of text sits on screen (manim units), how visible it is, and its size."""

    beat: str
    text: str
    left: float
    right: float
    bottom: float
    top: float
    visibility: float = 1.0  # 0 (hidden, faded out or under a cover) to 1
    cap_height: float = 0.0  # of its letters, in pixels of the 854×480 frame

    def inside_frame(self, margin: float = 0.0) -> bool:
        w, h = config.frame_width / 2 - margin, config.frame_height / 2 - margin
        return -w <= self.left and self.right <= w and -h <= self.bottom and self.top <= h

    def overlaps(self, other: TextBox, tolerance: float = 0.02) -> bool:
        return (
            min(self.right, other.right) - max(self.left, other.left) > tolerance
            and min(self.top, other.top) - max(self.bottom, other.bottom) > tolerance
        )


@dataclass(frozen=True)
class ToldBeat:
    """A beat as it was told: when (seconds into the chapter), its words, and its speech."""

    key: str
    caption: str
    say: str
    start: float
    end: float
    speech: Speech


class BeatClock:
    """Times inside a beat, from its narration: when each sentence starts, how long is left."""

    def __init__(self, scene: ChapterScene, start: float, speech: Speech) -> None:
        self.scene, self.start, self.speech = scene, start, speech

    @property
    def elapsed(self) -> float:
        return self.scene.renderer.time - self.start

    def sentence_start(self, index: int) -> float:
        """Seconds from the beat's start to sentence ``index`` (the number of sentences: the end)."""
        if index >= len(self.speech.spans):
            return self.speech.duration
        return self.speech.spans[index][0]

    def until(self, index: int) -> float:
        """Seconds from now until sentence ``index`` starts (0 if it has)."""
        return max(0.0, self.sentence_start(index) - self.elapsed)

    def time_to(self, index: int, minimum: float = 0.5) -> float:
        """A run time that ends as sentence ``index`` starts (at least ``minimum``)."""
        return max(minimum, self.until(index))

    def wait_until(self, index: int) -> None:
        """Hold the picture until sentence ``index`` starts."""
        if self.until(index) >= 1 / config.frame_rate:
            self.scene.wait(self.until(index))

    @property
    def remaining(self) -> float:
        """Seconds of narration still to come in this beat."""
        return self.until(len(self.speech.spans))


class ChapterScene(Scene):
    """A chapter of the film, told as narrated beats (:meth:`beat`)."""

    #: set to lists by the tests: every beat's text at its end, and the text on every animated frame
    beat_log: ClassVar[list[tuple[str, list[TextBox]]] | None] = None
    frame_log: ClassVar[list[tuple[str, float, list[TextBox]]] | None] = None

    def __init__(self, renderer=None, camera_class: type[Camera] = QuickCamera, **kwargs) -> None:  # noqa: ANN001
        if renderer is None and config.renderer == RendererType.CAIRO:
            renderer = CairoRenderer(file_writer_class=QuickEncodingFileWriter, camera_class=camera_class,
                                     skip_animations=kwargs.get("skip_animations", False))
        super().__init__(renderer=renderer, camera_class=camera_class, **kwargs)

    def setup(self) -> None:
        super().setup()
        self.captions = Captions()
        self.told: list[ToldBeat] = []
        self._pending_caption: CaptionChange | None = None
        self._beat_name = ""

    # --- beats ----------------------------------------------------------------------------------
    @classmethod
    def chapter_key(cls) -> str:
        """The chapter's key in the narration script: "ch04" for ``scenes.chapters.ch04_layers``."""
        for klass in cls.__mro__:
            module = sys.modules.get(klass.__module__)
            path = Path(getattr(module, "__file__", "") or "")
            if path.parent.name == "chapters" and path.stem.startswith("ch"):  # also when manim runs the file
                return path.stem.split("_")[0]
        raise LookupError(f"{cls.__name__} is not a chapter of scenes/chapters/")

    @classmethod
    def script(cls) -> ChapterScript:
        return load_script(os.environ.get(ENV_LANG) or "en").chapter(cls.chapter_key())

    def title(self) -> Text:
        """The chapter's title, centred: every chapter opens with it, before its first beat."""
        return Text(self.script().title, font_size=style.FONT_SIZE_TITLE, color=style.TEXT_COLOR)

    def show_title(self) -> None:
        """Open the chapter: its title fades in, holds a moment and fades out (done by the first beat).
        In the slide version it is a slide of its own, the title as its notes."""
        title = self.title()
        next_slide = getattr(self, "next_slide", None)
        if next_slide is not None:
            next_slide(notes=title.text)
        self.play(Reveal(title), run_time=style.RUN_TIME)
        self.wait(TITLE_HOLD)
        self.play(Conceal(title), run_time=style.SHORT_RUN_TIME)

    @staticmethod
    def voice() -> Voice:
        return voice_from_environment(os.environ)

    @contextmanager
    def beat(self, beat_id: str, **values: Any) -> Iterator[BeatClock]:
        """Tell beat ``beat_id``: its caption comes up and its narration starts now; the block's
        animations play; then the beat holds until the narration has ended, plus a breath.
        The chapter's first beat opens with its title (:meth:`show_title`)."""
        if not self.told and self.renderer.time == 0:
            self.show_title()
        words = self.script().beat(beat_id).filled(values)
        speech = self.voice().speak(words)
        self._beat_name = beat_id
        next_slide = getattr(self, "next_slide", None)  # only the manim-slides versions have it
        if next_slide is not None:
            next_slide(notes=" ".join(words.say.split()))
        start = self.renderer.time
        self._pending_caption = self.captions.change(words.caption)
        clock = BeatClock(self, start, speech)
        yield clock
        if self._pending_caption is not None:
            self.wait(0)
        if ChapterScene.beat_log is not None:
            ChapterScene.beat_log.append((beat_id, visible_text_boxes(self.mobjects, beat_id)))
        hold = start + speech.duration + BREATH - self.renderer.time
        if hold >= 1 / config.frame_rate:
            self.wait(hold)
        self.told.append(ToldBeat(words.key, words.caption, words.say, start, self.renderer.time, speech))

    # --- the pending caption change joins the beat's first play or wait --------------------------
    def play(self, *animations: Any, **kwargs: Any) -> None:
        if self._pending_caption is not None:
            animations = (*animations, self._pending_caption)
            self._pending_caption = None
        super().play(*animations, **kwargs)

    def wait(self, duration: float = 1.0, *args: Any, **kwargs: Any) -> None:
        if self._pending_caption is not None:
            change = min(duration, 0.5) or 0.5
            self.play(run_time=change)  # play() adds the pending change
            duration -= change
        if duration >= 1 / config.frame_rate:
            super().wait(duration, *args, **kwargs)

    def update_to_time(self, t: float) -> None:
        super().update_to_time(t)
        if ChapterScene.frame_log is not None:
            ChapterScene.frame_log.append((self._beat_name, self.renderer.time + t,
                                           visible_text_boxes(self.mobjects, self._beat_name)))

    # --- sound and subtitles ---------------------------------------------------------------------
    def tear_down(self) -> None:
        super().tear_down()
        if self.renderer.skip_animations or not config.write_to_movie or not self.told:
            return
        movie = Path(self.renderer.file_writer.movie_file_path)
        record = timing_record(self.script().key, self.told, self.renderer.time)
        movie.with_suffix(".beats.json").write_text(json.dumps(record, indent=1), encoding="utf-8")
        if record["spoken"]:
            subtitles.write_pair(movie, subtitles.chapter_cues(record))
            track = movie.with_suffix(".narration.wav")
            write_wav(track, narration_track(self.told, self.renderer.time))
            self.renderer.file_writer.add_sound(str(track), time=0)


def timing_record(chapter: str, told: list[ToldBeat], duration: float) -> dict[str, Any]:
    """When every beat and sentence of a chapter happens (seconds from its start), as JSON data."""
    return {
        "chapter": chapter,
        "duration": duration,
        "spoken": any(b.speech.audio is not None for b in told),  # else silent: no sound, no subtitles
        "beats": [
            {"key": b.key, "caption": b.caption, "start": b.start, "end": b.end,
             "sentences": [{"text": text, "start": b.start + s, "end": b.start + e}
                           for text, (s, e) in zip(b.speech.sentences, b.speech.spans)]}
            for b in told
        ],
    }


def narration_track(told: list[ToldBeat], duration: float) -> np.ndarray:
    """The chapter's sound: each beat's speech placed at the beat's start, silence elsewhere."""
    track = np.zeros(int(round(duration * SAMPLE_RATE)), np.float32)
    for beat in told:
        if beat.speech.audio is None:
            continue
        at = int(round(beat.start * SAMPLE_RATE))
        clip = beat.speech.audio[: max(0, len(track) - at)]
        track[at:at + len(clip)] += clip
    return track


# --- what text is on screen ----------------------------------------------------------------------
def visible_text_boxes(mobjects: list[Mobject], beat: str = "") -> list[TextBox]:
    """Every text mobject among ``mobjects`` (and their families) that can be seen, with how
    visible it is: its own opacity, times what covers drawn above it let through."""
    covers = [(i, m) for i, m in enumerate(mobjects) if isinstance(m, Cover)]
    boxes: list[TextBox] = []
    seen: set[int] = set()  # a mobject in the scene twice (alone and in a group) is one text

    def visit(mob: Mobject, index: int) -> None:
        if id(mob) in seen:
            return
        seen.add(id(mob))
        if isinstance(mob, TEXT_TYPES):
            if not mob.has_points() and not mob.submobjects:
                return
            visibility = _own_opacity(mob)
            centre = mob.get_center()
            for i, lid in covers:
                if i > index and _contains(lid, centre):
                    visibility *= 1.0 - float(lid.get_fill_opacity())
            if visibility > 0.05:
                boxes.append(TextBox(beat, _describe(mob), mob.get_left()[0], mob.get_right()[0],
                                     mob.get_bottom()[1], mob.get_top()[1], visibility, cap_height(mob)))
            return
        for sub in mob.submobjects:
            visit(sub, index)

    for index, mob in enumerate(mobjects):
        visit(mob, index)
    return boxes


def cap_height(mob: Mobject) -> float:
    """The height of a capital letter of ``mob``'s font as drawn now, in pixels of the 480p frame."""
    kind = "text" if isinstance(mob, (Text, MarkupText, Paragraph)) else "tex"
    size = getattr(mob, "font_size", None)
    if size is None:
        return 0.0
    return float(size) * CAP_PIXELS_PER_FONT_SIZE[kind]


def _own_opacity(mob: Mobject) -> float:
    return max((max(m.get_fill_opacity(), m.get_stroke_opacity()) for m in mob.family_members_with_points()),
               default=0.0)


def _contains(lid: Mobject, point: np.ndarray) -> bool:
    return bool(lid.get_left()[0] <= point[0] <= lid.get_right()[0]
                and lid.get_bottom()[1] <= point[1] <= lid.get_top()[1])


def _describe(mob: Mobject) -> str:
    for attr in ("text", "tex_string", "number"):
        if hasattr(mob, attr):
            return f"{type(mob).__name__}({getattr(mob, attr)!r})"
    return type(mob).__name__

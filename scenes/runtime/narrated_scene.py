"""The narrated scene: a scene told as a sequence of beats, each with a caption and a voice.

    class MyScene(NarratedScene):
        narration = "my_scene.toml"          # or a dict; the film's chapters use their language's script

        def construct(self):
            with self.beat("pixel-values", value=0.62) as beat:   # caption changes, the voice starts
                self.play(Create(marker))                          # (the caption change joins this play)
                beat.wait_until(1)                                 # until the second sentence is spoken
                self.play(FadeIn(zoom), run_time=beat.time_to(2))  # done as the third sentence starts
            # here the beat lasts until its narration ends, plus a breath

Each beat's words come from a narration script (``scenes.content.narration``): its caption, and
what the voice says (``voice``), with ``{names}`` filled by the values given to ``beat``. The
scene's sound, its subtitles and the timing of every beat are written beside its video, so plain
``manim -ql file.py MyScene`` gives a narrated video. Mixed with manim-slides' ``Slide``, every
beat is a slide with its narration as notes. Frames are drawn and encoded by ``quick_output``
where manim is the supported version (``manim_hooks``), else by manim's own camera and encoder.
"""
from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import numpy as np
from manim import Animation, Camera, Scene, Text, config
from manim.constants import RendererType

from scenes.components import style
from scenes.components.captions import Captions
from scenes.components.transitions import OpacityFade, Reveal
from scenes.content.narration import BeatScript, ChapterScript, ScriptError, chapter_script, chosen_language, load_script

from . import subtitles
from .manim_hooks import hooks_usable
from .voice import SAMPLE_RATE, Speech, Voice, voice_from_environment, write_wav

# nothing leaves the machine: plain `manim` would ask PyPI for its latest version after rendering
config.notify_outdated_version = False

#: seconds of quiet after a beat's narration before the next beat starts
BREATH = 0.5
#: seconds a scene's title stays on screen at its start
TITLE_HOLD = 1.2


@dataclass(frozen=True)
class ToldBeat:
    """A beat as it was told: when (seconds into the scene), its words, and its speech."""

    key: str
    caption: str
    say: str
    start: float
    end: float
    speech: Speech
    values: dict[str, Any]  # what the scene filled in: numbers (or None), never words


class BeatClock:
    """Times inside a beat, from its narration: when each sentence starts, how long is left.

    Args:
        scene: the scene telling the beat.
        start: the scene's time when the beat began (seconds).
        speech: the beat's narration, spoken.
    """

    def __init__(self, scene: NarratedScene, start: float, speech: Speech) -> None:
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


class NarratedScene(Scene):
    """A manim scene told as narrated beats (:meth:`beat`), with sound, subtitles and captions.

    Class attributes:
        narration: where the scene's words are. A path to a TOML script in the film's format (one
            table with a ``title`` and ``[[beats]]``, relative to the scene's own file), or the same
            as a dict. None (the default): the film's script in the chosen language, under the
            key of the scene's file name (``ch04`` for ``scenes/chapters/ch04_layers.py``).
        show_title: whether the scene opens with its title, centred (default True).

    The voice and language come from the environment (``NN_VOICE``, ``NN_LANG`` …; render.sh sets
    them), so the same scene renders silent, narrated or in another language unchanged.
    """

    narration: ClassVar[str | Path | Mapping[str, Any] | None] = None
    show_title: ClassVar[bool] = True

    def __init__(self, renderer=None, camera_class: type[Camera] | None = None, **kwargs) -> None:  # noqa: ANN001
        quick = hooks_usable()
        if camera_class is None:
            from .quick_output import QuickCamera

            camera_class = QuickCamera if quick else Camera
        if renderer is None and config.renderer == RendererType.CAIRO and quick:
            from .quick_output import QuickEncodingFileWriter, QuickRenderer

            renderer = QuickRenderer(file_writer_class=QuickEncodingFileWriter, camera_class=camera_class,
                                     skip_animations=kwargs.get("skip_animations", False))
        super().__init__(renderer=renderer, camera_class=camera_class, **kwargs)

    def setup(self) -> None:
        super().setup()
        self.captions = Captions()
        self.told: list[ToldBeat] = []
        self._pending: list[Any] = []  # animations that join the next play: a caption change, the title leaving
        self.beat_name = ""  # the beat being told ('' before the first)
        self.spoken_language = chosen_language()  # the language the voice speaks

    # --- the words ---------------------------------------------------------------------------------
    @classmethod
    def script(cls) -> ChapterScript:
        """The scene's words (see ``narration``); ScriptError when it has none."""
        if cls.narration is not None:
            source = cls.narration
            if isinstance(source, (str, Path)) and not Path(source).is_absolute():
                source = Path(sys.modules[cls.__module__].__file__ or ".").resolve().parent / source
            return chapter_script(source, name=cls.__name__)
        return load_script(chosen_language()).chapter(cls.chapter_key())

    @classmethod
    def chapter_key(cls) -> str:
        """The key of the film's chapter the scene is (``ch04`` for ``scenes/chapters/ch04_layers.py``)."""
        for klass in cls.__mro__:
            path = Path(getattr(sys.modules.get(klass.__module__), "__file__", "") or "")
            if path.parent.name == "chapters" and path.stem.startswith("ch"):  # also when manim runs the file
                return path.stem.split("_")[0]
        raise ScriptError(f"{cls.__name__} has no narration: give it one, e.g. narration = \"my_scene.toml\" "
                          "(a title and [[beats]] with id, caption and say) or the same as a dict")

    def text(self, key: str, **values: Any) -> str:
        """Words to draw on screen: the label ``key`` of the script (the scene's own ``labels``, else the
        shared ones), its ``{names}`` written from ``values`` as the language writes them."""
        return self.script().label(key, **values)

    @staticmethod
    def voice() -> Voice:
        """The voice the environment chooses (the bundled Piper voice by default)."""
        return voice_from_environment(os.environ)

    @classmethod
    def spoken_words(cls, words: BeatScript, language: str | None, values: Mapping[str, Any]) -> BeatScript:
        """What a voice that speaks ``language`` says for the beat ``words``: the same beat of the film's
        script in that language (the film in Korean, told by the English voice), else ``words``."""
        if language in (None, words.wording.language) or cls.narration is not None:
            return words
        try:
            return load_script(language).chapter(words.chapter).beat(words.id).filled(values)
        except ScriptError:
            return words
    # --- title and beats ---------------------------------------------------------------------------
    def title(self) -> Text:
        """The scene's title, centred: the scene opens with it, before its first beat (a title too wide
        for the frame is set smaller, never cut)."""
        title = Text(self.script().title, font_size=style.FONT_SIZE_TITLE, color=style.TEXT_COLOR)
        room = config.frame_width - 2 * style.FRAME_MARGIN
        return title.scale_to_fit_width(room) if title.width > room else title

    def open_with_title(self) -> None:
        """The title fades in and holds; it leaves with the first beat's first animation. In the slide
        version it is a slide of its own, resting on the title, with the title as its notes."""
        title = self.title()
        next_slide = getattr(self, "next_slide", None)
        if next_slide is not None:
            next_slide(notes=self.script().title)
        self.play(Reveal(title), run_time=style.RUN_TIME)
        self.wait(TITLE_HOLD)
        # by its own opacity, over whatever the first play brings (a cover fading there would hide it,
        # and a cover over the title would hide what enters beneath it)
        self._pending.append(OpacityFade(title, on_top=True, run_time=style.SHORT_RUN_TIME))

    @contextmanager
    def beat(self, beat_id: str, **values: Any) -> Iterator[BeatClock]:
        """Tell beat ``beat_id`` of the script: its caption comes up and its narration starts now; the
        block's animations play; then the beat holds until the narration has ended, plus a breath.
        The first beat is preceded by the title (``show_title``).

        Args:
            beat_id: the beat's ``id`` in the script.
            **values: a value for every ``{name}`` in the beat's caption and narration (real numbers
                from the network, as the scene computed them).
        """
        if not self.told and self.renderer.time == 0 and self.show_title:
            self.open_with_title()
        words = self.script().beat(beat_id).filled(values)
        voice = self.voice()
        spoken = self.spoken_words(words, voice.language, values)
        speech = voice.speak(spoken) if spoken is words else voice.speak(spoken).retold(words.sentences())
        self.spoken_language = spoken.wording.language
        self.beat_name = beat_id
        next_slide = getattr(self, "next_slide", None)  # only manim-slides' Slide has it
        if next_slide is not None:
            next_slide(notes=" ".join(words.say.split()))
        start = self.renderer.time
        self._pending.append(self.captions.change(words.caption))
        yield BeatClock(self, start, speech)
        if self._pending:
            self.wait(0)
        hold = start + speech.duration + BREATH - self.renderer.time
        if hold >= 1 / config.frame_rate:
            self.wait(hold)
        self.told.append(ToldBeat(words.key, words.caption, words.say, start, self.renderer.time, speech,
                                  {k: _plain(v) for k, v in values.items()}))

    # --- pending changes join the beat's first play or wait ----------------------------------------
    def play(self, *animations: Any, **kwargs: Any) -> None:
        if self._pending:
            pending, self._pending = self._pending, []
            length = kwargs.get("run_time") or max((getattr(a, "run_time", 1.0) for a in animations), default=0.0)
            animations = (*animations, *(_in_its_own_time(change, length) for change in pending))
        super().play(*animations, **kwargs)

    def wait(self, duration: float = 1.0, *args: Any, **kwargs: Any) -> None:
        if self._pending:
            change = min(duration, style.SHORT_RUN_TIME) or style.SHORT_RUN_TIME
            self.play(run_time=change)  # play() adds the pending changes
            duration -= change
        if duration >= 1 / config.frame_rate:
            super().wait(duration, *args, **kwargs)

    # --- sound and subtitles -----------------------------------------------------------------------
    def tear_down(self) -> None:
        super().tear_down()
        if self.renderer.skip_animations or not config.write_to_movie or not self.told:
            return
        movie = Path(self.renderer.file_writer.movie_file_path)
        script = self.script()
        record = timing_record(script.key, script.title, self.told, self.renderer.time)
        record["language"], record["spoken_language"] = script.wording.language, self.spoken_language
        movie.with_suffix(".beats.json").write_text(json.dumps(record, indent=1, ensure_ascii=False), encoding="utf-8")
        if record["spoken"]:
            subtitles.write_pair(movie, subtitles.chapter_cues(record))
            track = movie.with_suffix(".narration.wav")
            write_wav(track, narration_track(self.told, self.renderer.time))
            self.renderer.file_writer.add_sound(str(track), time=0)


def _in_its_own_time(change: Animation, length: float) -> Animation:
    """``change`` kept to its own run time inside a longer play of ``length`` seconds (manim stretches
    every animation of a play to the play's run time): its rate function ends early, then holds."""
    if length <= change.run_time + 1e-6:
        return change
    share, rate = change.run_time / length, change.rate_func
    change.rate_func = lambda t: rate(min(1.0, t / share))
    return change


def timing_record(key: str, title: str, told: list[ToldBeat], duration: float) -> dict[str, Any]:
    """When every beat and sentence of a scene happens (seconds from its start), as JSON data."""
    return {
        "chapter": key,
        "title": title,
        "duration": duration,
        "spoken": any(b.speech.audio is not None for b in told),  # else silent: no sound, no subtitles
        "beats": [
            {"key": b.key, "caption": b.caption, "say": " ".join(b.say.split()), "values": b.values,
             "start": b.start, "end": b.end,
             "sentences": [{"text": text, "start": b.start + s, "end": b.start + e,
                            "cues": [vars(c) for c in subtitles.sentence_cues(
                                text, b.start + s, b.start + e, b.speech.audio, SAMPLE_RATE, b.start)]}
                           for text, (s, e) in zip(b.speech.sentences, b.speech.spans)]}
            for b in told
        ],
    }


def _plain(value: Any) -> Any:
    """A value as plain JSON data (NumPy numbers become Python ones)."""
    return value.item() if hasattr(value, "item") else value


def narration_track(told: list[ToldBeat], duration: float) -> np.ndarray:
    """The scene's sound: each beat's speech placed at the beat's start, silence elsewhere."""
    track = np.zeros(int(round(duration * SAMPLE_RATE)), np.float32)
    for beat in told:
        if beat.speech.audio is None:
            continue
        at = int(round(beat.start * SAMPLE_RATE))
        clip = beat.speech.audio[: max(0, len(track) - at)]
        track[at:at + len(clip)] += clip
    return track

"""Shared test helpers: chapters rendered small (once per session), or run with final states only.

Tests that render video carry the ``render`` marker: ``./render.sh test -m "not render"`` is the
fast tier. Every chapter is rendered at most once per session (``chapter_run``), silent (the
voice is tested on its own), and every test of that chapter reads the same run.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import Any

import av
import numpy as np
import pytest
from manim import tempconfig

from scenes.content.digit_input import ENV_DIGIT, ENV_IMAGE
from scenes.content.narration import DEFAULT_LANGUAGE, ENV_LANG
from scenes.film.chapters import Chapter
from scenes.runtime.narrated_scene import NarratedScene
from scenes.runtime.voice import ENV_VOICE, ENV_VOICE_DIR, ENV_VOICE_MODEL
from tests.support.layout import TextBox, record_text

# 480p's own width, so that Pango wraps text exactly as in a real render (manim's Text wraps at
# config.pixel_width), but only 3 frames a second
SMALL = {"pixel_width": 854, "pixel_height": 480, "frame_rate": 3, "progress_bar": "none"}
# every animation skipped (final states only), nothing written: the scenes' content, fast
SKIP = {"skip_animations": True, "write_to_movie": False, "disable_caching": True, "verbosity": "ERROR",
        "progress_bar": "none", "pixel_width": 256, "pixel_height": 144, "frame_rate": 5}


def default_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    """The scenes' default input digit, and the silent voice (paced for reading)."""
    for name in (ENV_DIGIT, ENV_IMAGE, ENV_VOICE_DIR, ENV_VOICE_MODEL):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv(ENV_VOICE, "none")


def run_final_state(scene_class: type, env: dict[str, str] | None = None) -> NarratedScene:
    """The scene run with the default input digit (or ``env``), silent, animations skipped."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        default_settings(monkeypatch)
        for name, value in (env or {}).items():
            monkeypatch.setenv(name, value)
        with tempconfig(SKIP):
            scene = scene_class()
            scene.render()
    return scene


@dataclass
class ChapterRun:
    """A chapter rendered small: its scene (final state), every frame, and what was on screen."""

    scene: NarratedScene
    video: Path
    frames: np.ndarray  # (n, height, width, 3) uint8
    beats: list[tuple[str, list[TextBox]]]  # every beat's text at its end
    frame_text: list[tuple[str, float, list[TextBox]]]  # (beat, time, text) of every animated frame
    duration: float  # seconds of video
    timing: dict[str, Any]  # the beats and sentences written beside the video

    frame_times: np.ndarray  # (n,) seconds at which each frame starts showing (held frames are stored once)

    def frame_at(self, seconds: float) -> np.ndarray:
        """The picture on screen at ``seconds`` (the last frame that started by then)."""
        index = int(np.searchsorted(self.frame_times, seconds + 1e-6, side="right")) - 1
        return self.frames[max(0, index)]


def read_frames(video: Path) -> tuple[np.ndarray, np.ndarray]:
    """Every stored frame of ``video`` and the time it starts showing."""
    with av.open(str(video)) as container:
        stream = container.streams.video[0]
        frames = list(container.decode(stream))
        times = np.array([float(frame.pts * stream.time_base) for frame in frames])
        return np.stack([frame.to_ndarray(format="rgb24") for frame in frames]), times


def render_small(scene_class: type, folder: Path, monkeypatch: pytest.MonkeyPatch) -> ChapterRun:
    """Render ``scene_class`` at 854×480, 3 fps, recording its text at every beat and animated frame."""
    options = {**SMALL, "media_dir": str(folder), "disable_caching": True, "verbosity": "ERROR",
               "output_file": scene_class.__name__}
    with tempconfig(options), record_text(monkeypatch) as record:
        scene = scene_class()
        scene.render()
        video = Path(scene.renderer.file_writer.movie_file_path)
        duration = scene.renderer.time
    timing = json.loads(video.with_suffix(".beats.json").read_text()) if video.with_suffix(".beats.json").is_file() else {}
    frames, times = read_frames(video)
    return ChapterRun(scene, video, frames, record.beats, record.frames, duration, timing, times)


def scene_class(chapter: Chapter) -> type[NarratedScene]:
    """The chapter's scene class, imported from its module."""
    module = import_module(f"scenes.chapters.{chapter.name}")
    return getattr(module, chapter.scene)


@pytest.fixture(scope="session")
def chapter_run(tmp_path_factory) -> Callable[..., ChapterRun]:
    """chapter_run(chapter, language="en"): the chapter rendered small, silent, with the default digit, in
    ``language``; once per session."""
    runs: dict[tuple[int, str], ChapterRun] = {}

    def run(chapter: Chapter, language: str = DEFAULT_LANGUAGE) -> ChapterRun:
        if (chapter.number, language) not in runs:
            with pytest.MonkeyPatch.context() as monkeypatch:
                default_settings(monkeypatch)
                monkeypatch.setenv(ENV_LANG, language)
                runs[chapter.number, language] = render_small(
                    scene_class(chapter), tmp_path_factory.mktemp(f"{chapter.key}-{language}"), monkeypatch)
        return runs[chapter.number, language]

    return run


@pytest.fixture
def render_tiny(tmp_path, monkeypatch) -> Callable[[type], ChapterRun]:
    """render_tiny(SceneClass): a test scene rendered small with the current settings."""
    return lambda scene_class: render_small(scene_class, tmp_path, monkeypatch)


@pytest.fixture(scope="module")
def media(tmp_path_factory):
    """Everything manim writes (LaTeX, text caches, frames) goes to a temporary folder."""
    path = tmp_path_factory.mktemp("media")
    with tempconfig({"media_dir": str(path), "disable_caching": True, "verbosity": "ERROR"}):
        yield path


@pytest.fixture(scope="session")
def net():
    """The shipped network."""
    import nn

    return nn.load_pretrained()

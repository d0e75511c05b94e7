"""Shared test helpers: render a scene small and return its frames and its beats' text boxes."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import av
import numpy as np
import pytest
from manim import tempconfig

from scenes.components.chapter_scene import ChapterScene, TextBox
from scenes.components.digit_input import ENV_DIGIT, ENV_IMAGE

# 480p's own width, so that Pango wraps text exactly as in a real render (manim's Text wraps at
# config.pixel_width), but only 3 frames a second: as fast as 256×144 at 5 fps
SMALL = {"pixel_width": 854, "pixel_height": 480, "frame_rate": 3, "progress_bar": "none"}
# every animation skipped (final states only), nothing written: the scenes' content, fast
SKIP = {"skip_animations": True, "write_to_movie": False, "disable_caching": True, "verbosity": "ERROR",
        "progress_bar": "none", "pixel_width": 256, "pixel_height": 144, "frame_rate": 5}


def run_final_state(scene_class: type) -> ChapterScene:
    """The scene run with the default input digit, animations skipped (only final states)."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.delenv(ENV_DIGIT, raising=False)
        monkeypatch.delenv(ENV_IMAGE, raising=False)
        with tempconfig(SKIP):
            scene = scene_class()
            scene.render()
    return scene


@dataclass
class Rendered:
    frames: np.ndarray  # (n, height, width, 3) uint8, every frame of the video
    beats: list[tuple[str, list[TextBox]]]  # every beat with the text visible there
    duration: float  # seconds of video


def read_frames(video: Path) -> np.ndarray:
    with av.open(str(video)) as container:
        return np.stack([frame.to_ndarray(format="rgb24") for frame in container.decode(video=0)])


@pytest.fixture(scope="module")
def media(tmp_path_factory):
    """Everything manim writes (LaTeX, text caches, frames) goes to a temporary folder."""
    path = tmp_path_factory.mktemp("media")
    with tempconfig({"media_dir": str(path), "disable_caching": True, "verbosity": "ERROR"}):
        yield path


@pytest.fixture(scope="module")
def net():
    """The shipped network."""
    import nn

    return nn.load_pretrained()


@pytest.fixture
def render_small(tmp_path, monkeypatch):
    """render_small(SceneClass) renders it at 854×480, 3 fps, with the default input digit."""
    monkeypatch.delenv(ENV_DIGIT, raising=False)
    monkeypatch.delenv(ENV_IMAGE, raising=False)

    def render(scene_class: type) -> Rendered:
        beats: list[tuple[str, list[TextBox]]] = []
        monkeypatch.setattr(ChapterScene, "beat_log", beats)
        options = {**SMALL, "media_dir": str(tmp_path), "disable_caching": True, "verbosity": "ERROR",
                   "output_file": scene_class.__name__}
        with tempconfig(options):
            scene = scene_class()
            scene.render()
            video = Path(scene.renderer.file_writer.movie_file_path)
            duration = scene.renderer.time
        return Rendered(read_frames(video), beats, duration)

    return render

"""The chapters as a manim-slides presentation: the same scene code, one slide per narration beat.

For every chapter ``X`` this module defines ``XSlides``, the chapter mixed with manim-slides'
``Slide``; ``ChapterScene.beat`` calls ``next_slide(notes=...)`` when it exists, so every beat is a
slide and its narration is the speaker notes. Each slide's video gets that beat's narration as
its sound. ``make_slides`` converts them into one self-contained HTML file (reveal.js inlined from
assets/) or a PowerPoint file (manim-slides' own converter), notes included.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import av
import numpy as np
from manim_slides.slide import Slide

from scenes.chapters import CHAPTERS, Chapter
from scenes.pipeline.assemble import encode_sound, sound_stream, video_seconds
from scenes.pipeline.paths import ROOT
from scenes.pipeline.rendering import QUALITIES, SLIDES_DIR, render_chapters, video_path
from scenes.pipeline.voice import SAMPLE_RATE, read_wav

REVEAL_VERSION = "6.0.1"  # the version manim-slides 5.7.0 asks for; shipped in assets/
REVEAL_ASSETS = ROOT / "assets" / f"revealjs-{REVEAL_VERSION}"
FORMATS = ("html", "pptx")


def slide_class(chapter: Chapter) -> type:
    """``chapter``'s scene as a manim-slides Slide (no reversed clips: they are not used here)."""
    return type(chapter.scene + "Slides", (chapter.scene_class(), Slide), {"skip_reversing": True})


for _chapter in CHAPTERS:
    globals()[_chapter.scene + "Slides"] = slide_class(_chapter)


def presentation_path(quality: str, fmt: str = "html") -> Path:
    return SLIDES_DIR / f"presentation-{QUALITIES[quality][1]}.{fmt}"


def slide_files(chapter: Chapter) -> list[Path]:
    """The video of every slide of ``chapter``, in order (from manim-slides' config file)."""
    config = SLIDES_DIR / "slides" / f"{chapter.scene}Slides.json"
    data = json.loads(config.read_text(encoding="utf-8"))
    return [config.parent / slide["file"] for slide in data["slides"]]


def give_slides_their_narration(chapter: Chapter, quality: str) -> int:
    """Put each slide's stretch of the chapter's narration into the slide's video; returns how many.

    Slides follow one another exactly as the chapter does, so slide k plays the chapter's sound
    from the sum of the earlier slides' lengths onwards.
    """
    wav = video_path(chapter, quality, slides=True).with_suffix(".narration.wav")
    if not wav.is_file():
        return 0
    track = read_wav(wav)
    start = 0.0
    files = slide_files(chapter)
    for file in files:
        length = video_seconds(file)
        first, last = (int(round(t * SAMPLE_RATE)) for t in (start, start + length))
        _add_sound(file, track[first:last])
        start += length
    return len(files)


def _add_sound(video: Path, audio: np.ndarray) -> None:
    """Rewrite ``video`` with ``audio`` (mono float at SAMPLE_RATE) as its AAC sound track."""
    partial = video.with_name(video.stem + ".partial" + video.suffix)
    with av.open(str(video)) as source, av.open(str(partial), "w") as out:
        picture = out.add_stream_from_template(source.streams.video[0])
        sound = sound_stream(out)
        for packet in source.demux(source.streams.video[0]):
            if packet.dts is not None:
                packet.stream = picture
                out.mux(packet)
        encode_sound(out, sound, audio)
    os.replace(partial, video)


def convert(folder: Path, scenes: Sequence[str], output: Path, fmt: str, env: dict[str, str]) -> str | None:
    """Convert the rendered slides of ``scenes`` (in manim-slides' ``folder``) into one ``output`` file
    (html: self-contained, reveal.js from assets/; pptx); None on success, else the error's last line."""
    # manim-slides inlines reveal.js from its cache when converting offline: fill that cache from the
    # copy shipped in assets/, so nothing is downloaded
    cache_home = folder.parent / "cache"
    reveal_cache = cache_home / "manim-slides" / f"revealjs{REVEAL_VERSION}"
    reveal_cache.mkdir(parents=True, exist_ok=True)
    for asset in REVEAL_ASSETS.iterdir():
        shutil.copy2(asset, reveal_cache / asset.name)
    partial = output.with_name(output.stem + ".partial" + output.suffix)
    options = ["--one-file", "--offline", "-c", "title=What is a neural network?"] if fmt == "html" else []
    command = [sys.executable, "-m", "manim_slides", "convert", "--folder", str(folder), "--to", fmt, *options,
               *scenes, str(partial)]
    result = subprocess.run(command, cwd=folder.parent, env={**env, "XDG_CACHE_HOME": str(cache_home)},
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if result.returncode or not partial.is_file():
        return (result.stdout.strip().splitlines() or ["no output"])[-1]
    os.replace(partial, output)
    return None


def make_slides(chapters: Sequence[Chapter], quality: str, env: dict[str, str], jobs: int = 2,
                fmt: str = "html") -> int:
    """Render ``chapters`` as slides and write one presentation (``fmt``: html or pptx)."""
    start = time.perf_counter()
    print(f"rendering {len(chapters)} chapters as slides at {QUALITIES[quality][1]}, {jobs} at a time")
    rendered = render_chapters(chapters, quality, env, jobs=jobs, slides=True)
    voiced = sum(give_slides_their_narration(r.chapter, quality) for r in rendered if not r.reused)
    if voiced:
        print(f"narration added to {voiced} slides")
    output = presentation_path(quality, fmt)
    error = convert(SLIDES_DIR / "slides", [c.scene + "Slides" for c in chapters], output, fmt, env)
    if error:
        print(f"error: manim-slides could not convert the slides: {error}", file=sys.stderr)
        return 1
    size = output.stat().st_size / 1e6
    print(f"presentation: {output.relative_to(ROOT)} ({size:.0f} MB) in {time.perf_counter() - start:.0f} s")
    if fmt == "html":
        print("open it in a browser; → / space: next slide, ←: back, s: speaker notes, f: full screen")
    else:
        print("open it in PowerPoint, LibreOffice Impress or Google Slides; the narration is in the notes")
    return 0

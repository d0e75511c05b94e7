"""The chapters as a manim-slides presentation: the same scene code, a slide break at every beat.

For every chapter ``X`` this module defines ``XSlides``, the chapter mixed with manim-slides'
``Slide``; ``ChapterScene.beat`` calls ``next_slide()`` when it exists. ``make_slides`` renders
them and converts them into one self-contained HTML file (reveal.js inlined from assets/).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Sequence

from manim_slides import Slide

from scenes.film import CHAPTERS, Chapter
from scenes.rendering import QUALITIES, ROOT, SLIDES_DIR, render_chapters

REVEAL_VERSION = "6.0.1"  # the version manim-slides 5.7.0 asks for; shipped in assets/
REVEAL_ASSETS = ROOT / "assets" / f"revealjs-{REVEAL_VERSION}"


def slide_class(chapter: Chapter) -> type:
    """``chapter``'s scene as a manim-slides Slide (no reversed clips: they are not used here)."""
    return type(chapter.scene + "Slides", (chapter.scene_class(), Slide), {"skip_reversing": True})


for _chapter in CHAPTERS:
    globals()[_chapter.scene + "Slides"] = slide_class(_chapter)


def presentation_path(quality: str) -> Path:
    return SLIDES_DIR / f"presentation-{QUALITIES[quality][1]}.html"


def make_slides(chapters: Sequence[Chapter], quality: str, env: dict[str, str], jobs: int = 2) -> int:
    """Render ``chapters`` as slides and write one self-contained HTML presentation."""
    start = time.perf_counter()
    print(f"rendering {len(chapters)} chapters as slides at {QUALITIES[quality][1]}, {jobs} at a time")
    render_chapters(chapters, quality, env, jobs=jobs, slides=True)
    # manim-slides inlines reveal.js from its cache when converting offline: fill that cache
    # from the copy shipped in assets/, so nothing is downloaded
    cache_home = SLIDES_DIR / "cache"
    reveal_cache = cache_home / "manim-slides" / f"revealjs{REVEAL_VERSION}"
    reveal_cache.mkdir(parents=True, exist_ok=True)
    for asset in REVEAL_ASSETS.iterdir():
        shutil.copy2(asset, reveal_cache / asset.name)
    output = presentation_path(quality)
    partial = output.with_name(output.stem + ".partial.html")
    command = [sys.executable, "-m", "manim_slides", "convert", "--folder", str(SLIDES_DIR / "slides"),
               "--to", "html", "--one-file", "--offline", "-c", "title=What is a neural network?",
               *(c.scene + "Slides" for c in chapters), str(partial)]
    result = subprocess.run(command, cwd=SLIDES_DIR, env={**env, "XDG_CACHE_HOME": str(cache_home)},
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if result.returncode or not partial.is_file():
        print(f"error: manim-slides could not convert the slides:\n{result.stdout[-2000:]}", file=sys.stderr)
        return 1
    os.replace(partial, output)
    size = output.stat().st_size / 1e6
    print(f"presentation: {output.relative_to(ROOT)} ({size:.0f} MB, self-contained) in {time.perf_counter() - start:.0f} s")
    print("open it in a browser; → / space: next slide, ←: back, f: full screen, esc: overview")
    return 0

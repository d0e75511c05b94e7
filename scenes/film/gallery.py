"""README pictures: one still per chapter and a short GIF of a forward pass, cut from rendered chapters."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
from PIL import Image

from scenes.runtime.video_io import frames_at, video_seconds

from .chapters import CHAPTERS, Chapter
from .paths import ROOT
from .rendering import Rendered, default_environment, render_chapters

GALLERY = ROOT / "assets" / "gallery"
STILL_RANGE = (0.35, 0.9)  # a still is the steadiest frame between these fractions of its chapter
GIF_CHAPTER = 2  # the series preview: images flowing through the network one after another
GIF_SECONDS = (2.0, 9.0)  # the part of that chapter the GIF shows
GIF_WIDTH = 400
GIF_STEP = 2  # every second frame of the 15 fps video
GIF_FPS = 15


def steady_frame(video: Path, start: float, end: float, candidates: int = 12) -> Image.Image:
    """A frame between fractions ``start`` and ``end`` of ``video`` that is not mid-animation:
    the candidate least different from the picture half a second later (ties: the brightest)."""
    length = video_seconds(video)
    moments = [length * f for f in np.linspace(start, end, candidates)]
    pairs = frames_at(video, sorted(moments + [t + 0.5 for t in moments]))
    pictures = dict(zip(sorted(moments + [t + 0.5 for t in moments]), pairs))
    scored = []
    for at in moments:
        a, b = (np.asarray(pictures[t], dtype=float) for t in (at, at + 0.5))
        scored.append(((np.abs(a - b).mean(), -a.mean()), at))
    return pictures[min(scored)[1]]


def make_gallery(rendered: Sequence[Rendered], out: Path = GALLERY) -> list[Path]:
    """Write ``chNN.png`` for every rendered chapter and ``forward-pass.gif``; return the paths."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for r in rendered:
        path = out / f"ch{r.chapter.number:02d}.png"
        steady_frame(r.video, *STILL_RANGE).save(path, optimize=True)
        written.append(path)
    source = next((r for r in rendered if r.chapter.number == GIF_CHAPTER), None)
    if source is not None:
        step = GIF_STEP / GIF_FPS
        moments = np.arange(GIF_SECONDS[0], GIF_SECONDS[1], step)
        frames = [f.resize((GIF_WIDTH, GIF_WIDTH * f.height // f.width)) for f in frames_at(source.video, list(moments))]
        gif = out / "forward-pass.gif"
        frames[0].save(gif, save_all=True, append_images=frames[1:], duration=1000 * GIF_STEP // GIF_FPS, loop=0,
                       optimize=True)
        written.append(gif)
    return written


def main(chapters: Sequence[Chapter] = CHAPTERS) -> int:
    """Render (or reuse) every chapter at 480p15 and cut the gallery from it."""
    rendered = render_chapters(chapters, "low", default_environment())
    for path in make_gallery(rendered):
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Presentations: the film's chapters as slides, one per narration beat, for browsers and PowerPoint.

A slide is cut from the chapter's own video (the same render as the film: nothing renders twice),
from the start of its beat to the start of the next, with that stretch of the narration as its
sound and the beat's narration as its speaker notes; a chapter's first slide is its title. Every
cut falls on a key frame (each animation starts one), so the picture is copied, not re-encoded.
Each slide ends on its beat's finished picture, which is also its poster in PowerPoint.

- html: one self-contained file (manim-slides' reveal.js converter, reveal.js inlined from assets/):
  slide numbers, controls, a progress bar, the URL following the slide, the speaker view on ``s``.
- pptx: each video starts by itself when its slide opens, its poster is the beat's last picture,
  the narration is in the notes (opens in PowerPoint, LibreOffice Impress, Google Slides).
"""
from __future__ import annotations

import html
import json
import os
import shutil
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av

from scenes.content.narration import DEFAULT_LANGUAGE, ENV_LANG, load_script
from scenes.runtime.video_io import copy_picture, encode_sound, frames_at, key_frame_times, sound_stream, video_seconds
from scenes.runtime.voice import SAMPLE_RATE, read_wav

from .chapters import Chapter
from .outputs import QUALITIES, presentation_path
from .paths import MEDIA, ROOT
from .rendering import Rendered, render_chapters

FORMATS = ("html", "pptx")
REVEAL_VERSION = "6.0.1"  # the version manim-slides 5.7.0 asks for; shipped in assets/
REVEAL_ASSETS = ROOT / "assets" / f"revealjs-{REVEAL_VERSION}"
#: reveal.js settings: what a speaker expects to see and do
REVEAL_OPTIONS = {"controls": "true", "progress": "true", "slide_number": "c/t", "hash": "true",
                  "respond_to_hash_changes": "true", "one_file": True, "offline": True}
EMU_PER_PIXEL = 9525  # PowerPoint's unit


@dataclass(frozen=True)
class SlideClip:
    """One slide: its video (picture and sound), the picture it ends on, and its speaker notes."""

    video: Path
    poster: Path
    notes: str


def chapter_slides(rendered: Rendered) -> list[SlideClip]:
    """``rendered``'s video cut into its title slide and one slide per beat (kept beside the video,
    remade only when the video changes)."""
    video = rendered.video
    folder = video.with_suffix(".slides")
    stamp = folder / "slides.json"
    source = {"video": str(video), "size": video.stat().st_size, "time": video.stat().st_mtime_ns}
    timing = json.loads(video.with_suffix(".beats.json").read_text(encoding="utf-8"))
    notes = [timing["title"], *(beat["say"] for beat in timing["beats"])]
    clips = [SlideClip(folder / f"{i:03d}.mp4", folder / f"{i:03d}.png", text) for i, text in enumerate(notes)]
    if stamp.is_file() and json.loads(stamp.read_text()) == source and all(c.video.is_file() for c in clips):
        return clips
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    beats = timing["beats"]
    wav = video.with_suffix(".narration.wav")
    sound = read_wav(wav) if wav.is_file() else None
    keys = key_frame_times(video)
    with av.open(str(video)) as container:
        time_base = container.streams.video[0].time_base or Fraction(1, 1)
    starts = [min(keys, key=lambda k: abs(float(k * time_base) - t)) for t in (0.0, *(b["start"] for b in beats))]
    cuts = [*starts, int(round(beats[-1]["end"] / time_base))]  # a slide starts on a key frame; the last ends with its beat
    for clip, start, end in zip(clips, cuts[:-1], cuts[1:]):
        _cut(video, clip.video, start, end, sound, float(time_base))
        frames_at(clip.video, [video_seconds(clip.video)])[0].save(clip.poster)
    stamp.write_text(json.dumps(source))
    return clips


def _cut(video: Path, out_path: Path, start: int, end: int, sound, time_base: float) -> None:  # noqa: ANN001
    """``video`` from ``start`` to ``end`` (its time base) into ``out_path``, with that stretch of ``sound``."""
    partial = out_path.with_name(out_path.stem + ".partial.mp4")
    with av.open(str(video)) as source, av.open(str(partial), "w", container_options={"movflags": "+faststart"}) as out:
        picture = out.add_stream_from_template(source.streams.video[0])
        stream = sound_stream(out) if sound is not None else None
        copy_picture(video, out, picture, 0, start, end)
        if stream is not None:
            first, last = (int(round(t * time_base * SAMPLE_RATE)) for t in (start, end))
            encode_sound(out, stream, sound[first:last])
    os.replace(partial, out_path)


# --- reveal.js -------------------------------------------------------------------------------------
def write_html(slides: Sequence[SlideClip], output: Path, title: str, resolution: tuple[int, int]) -> None:
    """One self-contained HTML file: reveal.js and every slide's video inside it, nothing downloaded."""
    from manim_slides.config import PresentationConfig, SlideConfig
    from manim_slides.convert import RevealJS

    configs = [PresentationConfig(resolution=resolution, slides=[
        SlideConfig(file=s.video, rev_file=s.video, notes=html.escape(s.notes, quote=False)) for s in slides])]
    cache = output.parent / ".reveal-cache"
    reveal_cache = cache / "manim-slides" / f"revealjs{REVEAL_VERSION}"
    reveal_cache.mkdir(parents=True, exist_ok=True)
    for asset in REVEAL_ASSETS.iterdir():
        shutil.copy2(asset, reveal_cache / asset.name)
    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(cache)  # manim-slides inlines reveal.js from its cache: ours, filled above
    try:
        RevealJS.model_validate({"presentation_configs": configs, "title": title, **REVEAL_OPTIONS}).convert_to(output)
    finally:
        if before is None:
            os.environ.pop("XDG_CACHE_HOME", None)
        else:
            os.environ["XDG_CACHE_HOME"] = before


# --- PowerPoint ------------------------------------------------------------------------------------
def write_pptx(slides: Sequence[SlideClip], output: Path, resolution: tuple[int, int]) -> None:
    """A deck with one video per slide, each starting by itself when its slide opens, its poster the
    picture it ends on, the narration in the notes."""
    import pptx
    from pptx.util import Emu

    deck = pptx.Presentation()
    width, height = (Emu(n * EMU_PER_PIXEL) for n in resolution)
    deck.slide_width, deck.slide_height = width, height
    blank = deck.slide_layouts[6]
    for clip in slides:
        slide = deck.slides.add_slide(blank)
        movie = slide.shapes.add_movie(str(clip.video), 0, 0, width, height, poster_frame_image=str(clip.poster),
                                       mime_type="video/mp4")
        _play_when_shown(slide, movie.shape_id, video_seconds(clip.video))
        slide.notes_slide.notes_text_frame.text = clip.notes
    deck.save(str(output))


def _play_when_shown(slide, shape_id: int, seconds: float) -> None:  # noqa: ANN001 (a python-pptx slide)
    """Replace the slide's timing (python-pptx's: play on click) with PowerPoint's own for a video that
    starts automatically: the main sequence, at the slide's start, plays it from 0."""
    from lxml import etree
    from pptx.oxml.ns import qn

    node = slide._element  # python-pptx has no API for slide timing
    old = node.find(qn("p:timing"))
    if old is not None:
        node.remove(old)
    ms = int(round(seconds * 1000))
    timing = f"""<p:timing xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"><p:tnLst><p:par>
<p:cTn id="1" dur="indefinite" restart="never" nodeType="tmRoot"><p:childTnLst>
<p:seq concurrent="1" nextAc="seek"><p:cTn id="2" dur="indefinite" nodeType="mainSeq"><p:childTnLst>
<p:par><p:cTn id="3" fill="hold"><p:stCondLst><p:cond delay="indefinite"/>
<p:cond evt="onBegin" delay="0"><p:tn val="2"/></p:cond></p:stCondLst><p:childTnLst>
<p:par><p:cTn id="4" fill="hold"><p:stCondLst><p:cond delay="0"/></p:stCondLst><p:childTnLst>
<p:par><p:cTn id="5" presetID="1" presetClass="mediacall" presetSubtype="0" fill="hold" nodeType="afterEffect">
<p:stCondLst><p:cond delay="0"/></p:stCondLst><p:childTnLst>
<p:cmd type="call" cmd="playFrom(0.0)"><p:cBhvr><p:cTn id="6" dur="{ms}" fill="hold"/>
<p:tgtEl><p:spTgt spid="{shape_id}"/></p:tgtEl></p:cBhvr></p:cmd>
</p:childTnLst></p:cTn></p:par></p:childTnLst></p:cTn></p:par></p:childTnLst></p:cTn></p:par>
</p:childTnLst></p:cTn>
<p:prevCondLst><p:cond evt="onPrev" delay="0"><p:tgtEl><p:sldTgt/></p:tgtEl></p:cond></p:prevCondLst>
<p:nextCondLst><p:cond evt="onNext" delay="0"><p:tgtEl><p:sldTgt/></p:tgtEl></p:cond></p:nextCondLst></p:seq>
<p:video><p:cMediaNode vol="80000"><p:cTn id="7" fill="hold" display="0"><p:stCondLst><p:cond delay="indefinite"/>
</p:stCondLst></p:cTn><p:tgtEl><p:spTgt spid="{shape_id}"/></p:tgtEl></p:cMediaNode></p:video>
</p:childTnLst></p:cTn></p:par></p:tnLst></p:timing>"""
    element = etree.fromstring(timing)
    extensions = node.find(qn("p:extLst"))  # the schema puts timing before the extension list
    if extensions is not None:
        extensions.addprevious(element)
    else:
        node.append(element)


# --- the command ---------------------------------------------------------------------------------
def make_slides(chapters: Sequence[Chapter], quality: str, env: Mapping[str, str], fmt: str = "html",
                jobs: int = 2, media: Path = MEDIA) -> int:
    """Render (or reuse) ``chapters`` and write one presentation of them in ``fmt`` (html or pptx).

    The presentation is written beside its final name and moved into place when complete: a
    failure keeps the last good one."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (have: {', '.join(FORMATS)})")
    start = time.perf_counter()
    print(f"slides of {len(chapters)} chapters at {QUALITIES[quality][1]}, {jobs} at a time")
    rendered = render_chapters(chapters, quality, env, jobs=jobs, media=media)
    slides = [clip for r in rendered for clip in chapter_slides(r)]
    output = presentation_path(chapters, quality, env, fmt, media)
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(output.stem + ".partial" + output.suffix)
    with av.open(str(slides[0].video)) as first:
        stream = first.streams.video[0]
        resolution = (stream.codec_context.width, stream.codec_context.height)
    title = load_script(env.get(ENV_LANG) or DEFAULT_LANGUAGE).title
    try:
        if fmt == "html":
            write_html(slides, partial, title, resolution)
        else:
            write_pptx(slides, partial, resolution)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    os.replace(partial, output)
    size = output.stat().st_size / 1e6
    shown = output.relative_to(ROOT) if output.is_relative_to(ROOT) else output
    print(f"presentation: {shown} ({len(slides)} slides, {size:.0f} MB) in {time.perf_counter() - start:.0f} s")
    if fmt == "html":
        print("open it in a browser: → or space next, ← back, s speaker view with the narration, f full screen, "
              "esc overview")
    else:
        print("open it in PowerPoint or LibreOffice Impress: each video plays by itself; the narration is in the notes")
    sys.stdout.flush()
    return 0

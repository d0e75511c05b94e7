"""Subtitles from the narration's timing, as SubRip (.srt) and WebVTT (.vtt), readable in a player.

A cue is at most two lines of at most ``LINE_WIDTH`` columns (a wide character, such as Hangul,
takes two). A sentence too long for one cue is split into timed parts, at punctuation where it
can be, each part's time shared out by its length and, when the speech is at hand, moved to the
nearest pause in it. Cues never overlap. Every cue stands at the top of the picture (WebVTT
``line:0``, SubRip ``{\\an8}``): the film's own caption is at the bottom, and a subtitle never
covers it. The film's cues are its chapters' cues, each moved by the chapter's start.
"""
from __future__ import annotations

import datetime
import html
import math
import os
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import srt

LINE_WIDTH = 42  # columns per line (a wide character counts two)
MAX_LINES = 2
VTT_PLACEMENT = "line:0 align:center"  # at the top: the burned-in caption is at the bottom
SRT_PLACEMENT = r"{\an8}"  # the same for SubRip, as players read it (mpv, VLC, ffmpeg's libass)
PAUSE_SEARCH = 0.6  # seconds around a part's estimated end in which to look for a pause
PAUSE_LEVEL = 0.02  # an audio sample quieter than this is silence
SHORTEST_PAUSE = 0.06  # seconds of silence that count as a pause between words
_BREAK_AFTER = re.compile(r"[,;:—–)]$")  # a part may best end after these


@dataclass(frozen=True)
class Cue:
    start: float  # seconds
    end: float
    text: str  # lines joined by "\n"


def width(text: str) -> int:
    """Columns ``text`` takes on screen: 2 for a wide character (Hangul, CJK), else 1."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def wrap(words: Sequence[str]) -> list[str] | None:
    """``words`` on at most MAX_LINES lines of at most LINE_WIDTH columns, as even as can be; None
    when they do not fit."""
    line = " ".join(words)
    if width(line) <= LINE_WIDTH:
        return [line]
    best: tuple[int, list[str]] | None = None
    for cut in range(1, len(words)):
        lines = [" ".join(words[:cut]), " ".join(words[cut:])]
        longest = max(width(part) for part in lines)
        if longest <= LINE_WIDTH and (best is None or longest < best[0]):
            best = (longest, lines)
    return best[1] if best else None


def split_text(text: str) -> list[str]:
    """``text`` as the fewest cues' texts that each fit (lines joined by "\\n"), cut where the
    parts are about equal, preferring a cut after punctuation."""
    words = text.split()
    if not words:
        return []
    for parts in range(max(1, math.ceil(width(text) / (LINE_WIDTH * MAX_LINES))), len(words) + 1):
        cuts = _cuts(words, parts)
        texts = [wrap(words[a:b]) for a, b in zip([0, *cuts], [*cuts, len(words)])]
        if all(t is not None for t in texts):
            return ["\n".join(t) for t in texts if t is not None]
    return words  # a single word longer than a line: shown as it is


def _cuts(words: list[str], parts: int) -> list[int]:
    """Word indices that cut ``words`` into ``parts`` of about equal width, each moved to a nearby
    word that ends in punctuation when there is one."""
    ends = np.cumsum([width(w) + 1 for w in words])
    cuts: list[int] = []
    for k in range(1, parts):
        target = ends[-1] * k / parts
        near = [i for i in range(1, len(words)) if abs(ends[i - 1] - target) <= LINE_WIDTH / 2
                and (not cuts or i > cuts[-1])]
        punctuated = [i for i in near if _BREAK_AFTER.search(words[i - 1])]
        pool = punctuated or near or [i for i in range(1, len(words)) if not cuts or i > cuts[-1]]
        if not pool:
            break
        cuts.append(min(pool, key=lambda i: abs(ends[i - 1] - target)))
    return cuts


def sentence_cues(text: str, start: float, end: float, audio: np.ndarray | None = None,
                  rate: int = 22_050, audio_start: float = 0.0) -> list[Cue]:
    """One sentence said from ``start`` to ``end`` as cues that fit. A part's time is shared out by
    its length; with the speech ``audio`` (which starts at ``audio_start``), each cut moves to the
    longest pause within PAUSE_SEARCH seconds of its estimate."""
    texts = split_text(" ".join(text.split()))
    if len(texts) <= 1:
        return [Cue(start, end, texts[0] if texts else "")]
    weights = np.array([width(t) for t in texts], float)
    cuts = start + (end - start) * np.cumsum(weights)[:-1] / weights.sum()
    if audio is not None:
        cuts = np.array([_nearest_pause(audio, rate, audio_start, t, start, end) for t in cuts])
    bounds = [start, *np.maximum.accumulate(cuts).tolist(), end]
    return [Cue(a, b, t) for a, b, t in zip(bounds[:-1], bounds[1:], texts) if b > a]


def _nearest_pause(audio: np.ndarray, rate: int, audio_start: float, at: float, start: float, end: float) -> float:
    """The middle of the longest pause in ``audio`` within PAUSE_SEARCH of ``at`` (inside start–end),
    else ``at``."""
    lo, hi = max(start, at - PAUSE_SEARCH), min(end, at + PAUSE_SEARCH)
    a, b = (int(round((t - audio_start) * rate)) for t in (lo, hi))
    window = np.abs(audio[max(0, a):max(0, b)]) < PAUSE_LEVEL
    if not window.any():
        return at
    edges = np.flatnonzero(np.diff(np.concatenate([[0], window.astype(np.int8), [0]])))
    runs = [(e - s, s, e) for s, e in zip(edges[::2], edges[1::2])]
    length, s, e = max(runs)
    if length < SHORTEST_PAUSE * rate:
        return at
    return lo + (s + e) / 2 / rate


def chapter_cues(record: dict[str, Any], offset: float = 0.0) -> list[Cue]:
    """The cues of a chapter's timing record (``narrated_scene.timing_record``), moved by ``offset``;
    none when the chapter is silent."""
    if not record.get("spoken", True):
        return []
    cues = []
    for beat in record["beats"]:
        for s in beat["sentences"]:
            parts = s.get("cues") or [vars(c) for c in sentence_cues(s["text"], s["start"], s["end"])]
            cues += [Cue(offset + p["start"], offset + p["end"], p["text"]) for p in parts if p["end"] > p["start"]]
    return cues


def to_srt(cues: Iterable[Cue]) -> str:
    return srt.compose([srt.Subtitle(i + 1, _delta(c.start), _delta(c.end), SRT_PLACEMENT + c.text)
                        for i, c in enumerate(cues)])


def to_vtt(cues: Iterable[Cue], placement: str = VTT_PLACEMENT) -> str:
    lines = ["WEBVTT", ""]
    for cue in cues:
        lines += [f"{_vtt_time(cue.start)} --> {_vtt_time(cue.end)}{' ' + placement if placement else ''}",
                  html.escape(cue.text, quote=False), ""]
    return "\n".join(lines)


def chapters_vtt(marks: Iterable[tuple[str, float, float]]) -> str:
    """A WebVTT chapters file (``<track kind="chapters">``): one cue per (title, start, end)."""
    return to_vtt([Cue(start, end, title) for title, start, end in marks], placement="")


def write_atomically(path: Path, text: str) -> Path:
    """``text`` into ``path``, which never holds half of it."""
    partial = path.with_name(path.stem + ".partial" + path.suffix)
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)
    return path


def write_pair(video: Path, cues: list[Cue], language: str | None = None) -> tuple[Path, Path]:
    """``video``'s subtitles beside it: the same name with .srt and .vtt, or ``.ko.srt`` … for ``language``."""
    tag = f".{language}" if language else ""
    srt_path = write_atomically(video.with_name(video.stem + tag + ".srt"), to_srt(cues))
    return srt_path, write_atomically(video.with_name(video.stem + tag + ".vtt"), to_vtt(cues))


def _delta(seconds: float) -> datetime.timedelta:
    return datetime.timedelta(milliseconds=round(seconds * 1000))


def _vtt_time(seconds: float) -> str:
    ms = round(seconds * 1000)
    hours, ms = divmod(ms, 3_600_000)
    minutes, ms = divmod(ms, 60_000)
    secs, ms = divmod(ms, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}.{ms:03d}"

"""Subtitles from the narration's timing: one cue per sentence, as SubRip (.srt) and WebVTT (.vtt).

A cue starts when its sentence's speech starts and ends when it ends (measured on the synthesised
audio, not split evenly), so cues never overlap. The film's cues are its chapters' cues, each
moved by the chapter's start in the film.
"""
from __future__ import annotations

import datetime
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import srt


@dataclass(frozen=True)
class Cue:
    start: float  # seconds
    end: float
    text: str


def chapter_cues(record: dict[str, Any], offset: float = 0.0) -> list[Cue]:
    """One cue per sentence of a chapter's timing record (``chapter_scene.timing_record``); none when
    the chapter is silent."""
    if not record.get("spoken", True):
        return []
    return [Cue(offset + s["start"], offset + s["end"], s["text"])
            for beat in record["beats"] for s in beat["sentences"] if s["end"] > s["start"]]


def to_srt(cues: Iterable[Cue]) -> str:
    return srt.compose([srt.Subtitle(i + 1, _delta(c.start), _delta(c.end), c.text) for i, c in enumerate(cues)])


def to_vtt(cues: Iterable[Cue]) -> str:
    lines = ["WEBVTT", ""]
    for cue in cues:
        lines += [f"{_vtt_time(cue.start)} --> {_vtt_time(cue.end)}", cue.text, ""]
    return "\n".join(lines)


def write_pair(video: Path, cues: list[Cue]) -> tuple[Path, Path]:
    """``video``'s subtitles beside it, same name with .srt and .vtt (each written atomically)."""
    written = []
    for suffix, text in ((".srt", to_srt(cues)), (".vtt", to_vtt(cues))):
        path = video.with_suffix(suffix)
        partial = path.with_name(path.stem + ".partial" + suffix)
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, path)
        written.append(path)
    return written[0], written[1]


def _delta(seconds: float) -> datetime.timedelta:
    return datetime.timedelta(milliseconds=round(seconds * 1000))


def _vtt_time(seconds: float) -> str:
    ms = round(seconds * 1000)
    hours, ms = divmod(ms, 3_600_000)
    minutes, ms = divmod(ms, 60_000)
    secs, ms = divmod(ms, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}.{ms:03d}"

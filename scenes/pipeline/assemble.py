"""Join rendered chapters into one film: video remuxed (not re-encoded), one continuous narration
track, a chapter marker per chapter, and subtitles (.srt and .vtt) beside it.

The narration comes from each chapter's own track (``<video>.narration.wav``, written by the
chapter as it renders) placed at the chapter's start, so speech stays where the chapter put it;
the subtitles are each chapter's cues (``<video>.beats.json``) moved by the same start.
"""
from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
import numpy as np

from . import subtitles
from .voice import SAMPLE_RATE, read_wav

AAC_OPTIONS = {"aac_coder": "fast"}
AUDIO_CHUNK = 1 << 16  # samples handed to the encoder at a time (it cuts them into AAC frames itself)
#: samples of silence the AAC encoder puts before the sound (its priming). A file written here says
#: so in an edit list and players skip them; manim copies a chapter's sound packets into its video
#: without that list, so there the sound is handed over this much early (``encode_sound(lead=...)``)
AAC_PRIMING = 1024


@dataclass(frozen=True)
class Mark:
    """A chapter of the film: its title and where it starts and ends (seconds)."""

    title: str
    start: float
    end: float


def video_seconds(path: Path) -> float:
    """Length of a video file's picture in seconds."""
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        if stream.duration is not None and stream.time_base is not None:
            return float(stream.duration * stream.time_base)
        return (container.duration or 0) / av.time_base


def assemble_film(parts: Sequence[tuple[str, Path]], output: Path) -> list[Mark]:
    """Write ``output``: the videos of ``parts`` ((title, path), in order) one after another, with
    their narration and chapter markers, and its subtitles beside it.

    Everything is written beside ``output`` and moved into place only when complete, so a failure
    never replaces a good earlier film. A film made from the same parts, unchanged, is kept as it is.
    """
    stamp, parts_now = output.with_suffix(".parts.json"), _parts_record(parts)
    if output.is_file() and stamp.is_file() and json.loads(stamp.read_text(encoding="utf-8")) == parts_now:
        return read_chapters(output)
    stamp.unlink(missing_ok=True)
    partial = output.with_name(output.stem + ".partial" + output.suffix)
    try:
        marks = _remux(parts, partial)
        cues = [cue for (_, path), mark in zip(parts, marks) for cue in _chapter_cues(path, mark.start)]
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    os.replace(partial, output)
    subtitles.write_pair(output, cues)
    stamp.write_text(json.dumps(parts_now), encoding="utf-8")
    return marks


def _parts_record(parts: Sequence[tuple[str, Path]]) -> list[list[object]]:
    """What a film is made from: each part's title and the size and time of each file read from it."""
    record: list[list[object]] = []
    for title, video in parts:
        files = [video, video.with_suffix(".narration.wav"), video.with_suffix(".beats.json")]
        record.append([title, *[[str(f), f.stat().st_size, f.stat().st_mtime_ns] if f.is_file() else str(f)
                                for f in files]])
    return record


def _chapter_cues(video: Path, offset: float) -> list[subtitles.Cue]:
    timing = video.with_suffix(".beats.json")
    if not timing.is_file():
        return []
    return subtitles.chapter_cues(json.loads(timing.read_text(encoding="utf-8")), offset)


def _remux(parts: Sequence[tuple[str, Path]], output: Path) -> list[Mark]:
    marks: list[Mark] = []
    wavs = [path.with_suffix(".narration.wav") for _, path in parts]
    with av.open(str(output), "w") as out:
        with av.open(str(parts[0][1])) as first:
            picture = out.add_stream_from_template(first.streams.video[0])
        sound = sound_stream(out) if any(w.is_file() for w in wavs) else None  # before any packet is written
        offset = 0  # in the output stream's time base
        for title, path in parts:
            end = copy_picture(path, out, picture, offset)
            assert picture.time_base is not None
            marks.append(Mark(title, float(offset * picture.time_base), float(end * picture.time_base)))
            offset = end
        if sound is not None:
            narrations = [(mark.start, wav) for mark, wav in zip(marks, wavs) if wav.is_file()]
            _write_narration(out, sound, narrations, marks[-1].end)
        out.set_chapters([
            {"id": i + 1, "start": int(m.start * 1000), "end": int(m.end * 1000),
             "time_base": Fraction(1, 1000), "metadata": {"title": m.title}}
            for i, m in enumerate(marks)
        ])
    return marks


def join_pictures(videos: Sequence[Path], output: Path) -> None:
    """``output``: the pictures of ``videos`` one after another (remuxed, not re-encoded)."""
    with av.open(str(videos[0])) as first, av.open(str(output), "w") as out:
        picture = out.add_stream_from_template(first.streams.video[0])
        offset = 0
        for video in videos:
            offset = copy_picture(video, out, picture, offset)


def copy_picture(video: Path, out: av.container.OutputContainer, picture: av.video.stream.VideoStream,
                 offset: int) -> int:
    """Copy ``video``'s picture into ``out``'s stream ``picture`` from ``offset`` (in that stream's time
    base); returns where it ends: ``offset`` plus the video's own length.

    A held frame is written once at each end of its hold, so the picture has a variable frame rate:
    the next video starts where this one's stream ends, not one frame after its last packet.
    """
    with av.open(str(video)) as source:
        stream = source.streams.video[0]
        last = offset
        for packet in source.demux(stream):
            if packet.dts is None or packet.pts is None:  # the flushing packet at the end of a stream
                continue
            packet.pts += offset
            packet.dts += offset
            packet.stream = picture
            last = max(last, packet.pts + (packet.duration or 0))
            out.mux(packet)
        return offset + stream.duration if stream.duration is not None else last


def sound_stream(out: av.container.OutputContainer) -> av.audio.stream.AudioStream:
    """A mono AAC stream for the narration (the encoder's fast coder: the same sound for speech, in half the time)."""
    stream = out.add_stream("aac", rate=SAMPLE_RATE, layout="mono", options=AAC_OPTIONS)
    stream.time_base = Fraction(1, SAMPLE_RATE)
    return stream


def _write_narration(out: av.container.OutputContainer, stream: av.audio.stream.AudioStream,
                     narrations: list[tuple[float, Path]], length: float) -> None:
    """``stream``: ``length`` seconds of sound, each chapter's narration placed at its start."""
    track = np.zeros(int(round(length * SAMPLE_RATE)), np.float32)
    for start, wav in narrations:
        audio = read_wav(wav)
        at = int(round(start * SAMPLE_RATE))
        clip = audio[: max(0, len(track) - at)]
        track[at:at + len(clip)] = clip
    encode_sound(out, stream, track)


def encode_sound(out: av.container.OutputContainer, stream: av.audio.stream.AudioStream, track: np.ndarray,
                 lead: int = 0) -> None:
    """Encode mono float ``track`` (at SAMPLE_RATE) into ``stream`` of ``out``, from time 0, leaving out
    its first ``lead`` samples (where the encoder's priming will stand when no edit list skips it)."""
    track = track[lead:]
    for first in range(0, len(track), AUDIO_CHUNK):
        frame = av.AudioFrame.from_ndarray(np.ascontiguousarray(track[None, first:first + AUDIO_CHUNK], np.float32),
                                           format="fltp", layout="mono")
        frame.sample_rate, frame.pts, frame.time_base = SAMPLE_RATE, first, Fraction(1, SAMPLE_RATE)
        for packet in stream.encode(frame):
            out.mux(packet)
    for packet in stream.encode(None):
        out.mux(packet)


def read_chapters(path: Path) -> list[Mark]:
    """The chapter markers of a film."""
    with av.open(str(path)) as container:
        return [
            Mark(c["metadata"].get("title", ""), float(c["start"] * (c["time_base"] or 1)),
                 float(c["end"] * (c["time_base"] or 1)))
            for c in container.chapters()
        ]

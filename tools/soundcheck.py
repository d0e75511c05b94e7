"""Check a narrated film's sound as far as a program can (nobody here can listen).

    .venv/bin/python -m tools.soundcheck media/film/film-480p15.mp4 [--pictures DIR]

Per chapter: how much of it is speech, the longest silence, the peak and loudness of the voice,
clipped samples, and how well each subtitle cue matches the speech the audio really holds (a cue
should start where a stretch of speech starts and end where it ends). With ``--pictures``, one PNG
per chapter: its waveform with the cues drawn under it, beside frames of the film at those times.
"""
from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

import av
import numpy as np
import srt
from PIL import Image, ImageDraw

from scenes.film.assemble import read_chapters

SPEECH_LEVEL = 0.02  # an audio sample louder than this is speech
SHORTEST_PAUSE = 0.12  # quieter stretches shorter than this are gaps inside words, not silence
CLIPPED = 0.999


@dataclass(frozen=True)
class ChapterSound:
    title: str
    start: float
    end: float
    speech: float  # seconds of speech
    longest_silence: float  # seconds, inside the chapter (not counting its first and last silence)
    peak_dbfs: float
    rms_dbfs: float  # loudness of the speech
    clipped: int  # samples at full scale
    cue_offset: float  # the largest distance from a cue's start or end to the nearest speech edge


def read_sound(video: Path) -> tuple[np.ndarray, int]:
    """The first channel of ``video``'s sound track, as float samples, and its rate."""
    with av.open(str(video)) as container:
        stream = container.streams.audio[0]
        samples = np.concatenate([frame.to_ndarray()[0] for frame in container.decode(stream)])
        return samples.astype(np.float32), stream.rate


def speech_segments(samples: np.ndarray, rate: int) -> list[tuple[float, float]]:
    """(start, end) seconds of each stretch of speech, pauses shorter than SHORTEST_PAUSE bridged."""
    loud = np.abs(samples) > SPEECH_LEVEL
    edges = np.flatnonzero(np.diff(np.concatenate([[0], loud.astype(np.int8), [0]])))
    segments = [(s / rate, e / rate) for s, e in zip(edges[::2], edges[1::2])]
    merged: list[tuple[float, float]] = []
    for start, end in segments:
        if merged and start - merged[-1][1] < SHORTEST_PAUSE:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def check(video: Path) -> list[ChapterSound]:
    samples, rate = read_sound(video)
    segments = speech_segments(samples, rate)
    subtitles = video.with_suffix(".srt")
    cues = list(srt.parse(subtitles.read_text(encoding="utf-8"))) if subtitles.is_file() else []
    edges = np.array([t for segment in segments for t in segment])
    out = []
    for mark in read_chapters(video):
        inside = [(s, e) for s, e in segments if mark.start <= s < mark.end]
        chunk = samples[int(mark.start * rate):int(mark.end * rate)]
        voiced = np.concatenate([samples[int(s * rate):int(e * rate)] for s, e in inside]) if inside else chunk[:1]
        gaps = [b[0] - a[1] for a, b in zip(inside, inside[1:])]
        offsets = [min(abs(edges - t)) for cue in cues if mark.start <= cue.start.total_seconds() < mark.end
                   for t in (cue.start.total_seconds(), cue.end.total_seconds())]
        out.append(ChapterSound(
            mark.title, mark.start, mark.end, sum(e - s for s, e in inside), max(gaps, default=0.0),
            20 * np.log10(max(float(np.abs(chunk).max()), 1e-9)),
            20 * np.log10(max(float(np.sqrt(np.mean(voiced ** 2))), 1e-9)),
            int((np.abs(chunk) >= CLIPPED).sum()), max(offsets, default=0.0)))
    return out


def picture(video: Path, sound: ChapterSound, out: Path, width: int = 1600, thumbs: int = 8) -> None:
    """The chapter's waveform, its subtitle cues under it, and frames of the film above it."""
    samples, rate = read_sound(video)
    chunk = samples[int(sound.start * rate):int(sound.end * rate)]
    cues = [c for c in srt.parse(video.with_suffix(".srt").read_text(encoding="utf-8"))
            if sound.start <= c.start.total_seconds() < sound.end] if video.with_suffix(".srt").is_file() else []
    thumb_w = width // thumbs
    thumb_h = thumb_w * 9 // 16
    image = Image.new("RGB", (width, thumb_h + 260), (20, 20, 20))
    times = np.linspace(sound.start, sound.end, thumbs, endpoint=False) + (sound.end - sound.start) / thumbs / 2
    with av.open(str(video)) as container:
        stream = container.streams.video[0]
        assert stream.time_base is not None
        wanted, previous = list(times), None
        for frame in container.decode(stream):
            t = float((frame.pts or 0) * stream.time_base)
            while wanted and t > wanted[0] and previous is not None:
                image.paste(previous.resize((thumb_w, thumb_h)), (int((thumbs - len(wanted)) * thumb_w), 0))
                wanted.pop(0)
            if not wanted:
                break
            previous = frame.to_image()
    draw = ImageDraw.Draw(image)
    middle, half = thumb_h + 110, 90
    columns = np.array_split(np.abs(chunk), width)
    for x, column in enumerate(columns):
        peak = float(column.max()) if len(column) else 0.0
        draw.line([(x, middle - peak * half), (x, middle + peak * half)], fill=(120, 200, 255))
    draw.line([(0, middle - half), (width, middle - half)], fill=(200, 60, 60))  # full scale
    scale = width / (sound.end - sound.start)
    for k, cue in enumerate(cues):
        a = (cue.start.total_seconds() - sound.start) * scale
        b = (cue.end.total_seconds() - sound.start) * scale
        y = thumb_h + 215 + (k % 2) * 14
        draw.line([(a, y), (b, y)], fill=(255, 220, 0), width=5)
    draw.text((6, thumb_h + 236), f"{sound.title}: waveform (blue), subtitle cues (yellow), full scale (red)",
              fill=(230, 230, 230))
    image.save(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.soundcheck", description=__doc__.split("\n")[0])
    parser.add_argument("film", type=Path)
    parser.add_argument("--pictures", type=Path, help="write one PNG per chapter here")
    args = parser.parse_args(argv)
    sounds = check(args.film)
    print(f"{'chapter':<36}{'length':>8}{'speech':>8}{'longest silence':>17}{'peak':>8}{'speech rms':>12}"
          f"{'clipped':>9}{'cue vs speech':>15}")
    for s in sounds:
        print(f"{s.title:<36}{s.end - s.start:7.1f}s{s.speech:7.1f}s{s.longest_silence:16.2f}s{s.peak_dbfs:7.1f}dB"
              f"{s.rms_dbfs:10.1f}dB{s.clipped:9d}{s.cue_offset:14.3f}s")
    if args.pictures:
        args.pictures.mkdir(parents=True, exist_ok=True)
        for k, s in enumerate(sounds, 1):
            picture(args.film, s, args.pictures / f"sound-ch{k:02d}.png")
        print(f"pictures: {args.pictures}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

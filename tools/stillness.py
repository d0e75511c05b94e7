"""Measure how long the film's picture stands still while the narration goes on.

    .venv/bin/python -m tools.stillness media/film/film-480p15.mp4 [--json OUT.json]

It reads the film and the timing written beside it by the assembly (``FILM.timing.json``: chapters,
beats, sentences, in seconds of film time).

Samples: the picture shown at t = 0, 0.5, 1.0, … (every ``STEP`` seconds, for every t before the
end of the video stream), in grey (0.299 R + 0.587 G + 0.114 B, floats from 0 to 255). The film has
a variable frame rate (a held frame is stored at the start and at the end of its hold), so the
picture shown at t is the last decoded frame whose presentation time is at or before t; the stream
is decoded once, in order. A sample is *unchanged* when the mean absolute difference between it and
the sample before it is below ``THRESHOLD`` (of 255); the pair of samples (k - 1, k) is then an
unchanged pair.

Still sentences: a sentence is said over an unchanging picture when it has at least one pair of
consecutive samples inside its [start, end] (both samples' times in it) and every such pair is
unchanged. A sentence too short to hold two samples is not counted as still (the film has none).

Still stretches: a *still run* is a maximal run of unchanged pairs; it lasts from its first sample to
its last (k unchanged pairs in a row: k × STEP seconds). Only the part of a run said over is counted:
within each chapter, the run (cut at the chapter's start and end) is trimmed to the sentences that
overlap it by more than an instant: it starts where the run starts or where the first of them
starts, whichever is later, and ends where the run ends or the last of them ends, whichever is
earlier. The pauses between those sentences count (the picture is frozen in the middle of the
narration); silence before the first and after the last does not, and a run under no sentence gives
no stretch. The result is a *stretch*; the stretches of at least ``NOTICEABLE`` and ``LONG``
seconds are counted, with their total seconds, and the longest is named.

(Cutting a run to the union of the sentences themselves, pauses left out, would make every stretch
shorter than its longest sentence, and hide a picture that stays frozen across many sentences.)
"""
from __future__ import annotations

import argparse
import json
from fractions import Fraction
from pathlib import Path
from typing import Any

import av
import numpy as np

STEP = Fraction(1, 2)  # seconds between samples
THRESHOLD = 0.6  # mean absolute grey difference (of 255) below which a sample is unchanged
NOTICEABLE = 6.0  # seconds: a still stretch this long is reported
LONG = 10.0  # seconds: a still stretch this long is counted as long
GREY = np.array([0.299, 0.587, 0.114], np.float32)

Interval = tuple[float, float]


def grey(frame: av.VideoFrame) -> np.ndarray:
    """The frame's picture in grey, floats 0–255."""
    return frame.to_ndarray(format="rgb24").astype(np.float32) @ GREY


def sample_differences(video: Path, step: Fraction = STEP) -> np.ndarray:
    """The mean absolute grey difference between each sample (the picture shown at 0, step, 2 step, …
    before the stream's end) and the sample before it: one value per consecutive pair."""
    differences: list[float] = []
    with av.open(str(video)) as container:
        stream = container.streams.video[0]
        time_base = stream.time_base or Fraction(1, 1)
        k, shown, previous = 0, None, None  # next sample; the frame on screen; the last sample's frame and grey

        def sample(frame: av.VideoFrame) -> None:
            nonlocal previous
            if previous is None or previous[0] is not frame:  # a frame shown at two samples is unchanged
                picture = grey(frame)
                if previous is not None:
                    differences.append(float(np.abs(picture - previous[1]).mean()))
                previous = (frame, picture)
            else:
                differences.append(0.0)

        last = Fraction(0)
        for frame in container.decode(stream):
            last = Fraction(frame.pts or 0) * time_base
            while shown is not None and k * step < last:
                sample(shown)
                k += 1
            shown = frame
        # to the stream's end (without one known, a sample at most half a step after the last frame's start)
        end = (Fraction(stream.duration) * time_base if stream.duration is not None
               else Fraction(container.duration, av.time_base) if container.duration is not None else last + step / 2)
        while shown is not None and k * step < end:
            sample(shown)
            k += 1
    return np.array(differences)


def still_runs(unchanged: np.ndarray, step: float = float(STEP)) -> list[Interval]:
    """(start, end) film time of each maximal run of unchanged pairs: from its first sample to its last.
    ``unchanged[i]`` is the pair of samples i and i + 1."""
    edges = np.flatnonzero(np.diff(np.concatenate([[0], unchanged.astype(np.int8), [0]])))
    return [(float(a * step), float(b * step)) for a, b in zip(edges[::2], edges[1::2])]


def sentence_is_still(unchanged: np.ndarray, start: float, end: float, step: float = float(STEP)) -> bool:
    """Whether every pair of consecutive samples inside [start, end] is unchanged (and there is one)."""
    first, last = int(np.ceil(start / step)), min(int(np.floor(end / step)), len(unchanged))  # samples inside
    return last > first and bool(unchanged[first:last].all())  # pairs (first, first + 1) … (last - 1, last)


def speech_stretches(runs: list[Interval], sentences: list[Interval], lo: float, hi: float) -> list[Interval]:
    """Each still run cut to [lo, hi] (a chapter), then trimmed to the sentences it overlaps: from the later
    of its start and the first one's start to the earlier of its end and the last one's end."""
    out = []
    for run_start, run_end in runs:
        a, b = max(run_start, lo), min(run_end, hi)
        said = [(s, e) for s, e in sentences if min(b, e) > max(a, s)]
        if said:
            out.append((max(a, min(s for s, _ in said)), min(b, max(e for _, e in said))))
    return out


def summary(sentences: int, still: int, stretches: list[dict[str, Any]]) -> dict[str, Any]:
    """The figures of a chapter or of the film, from its sentences and its stretches (≥ NOTICEABLE)."""
    long = [s for s in stretches if s["length"] >= LONG]
    return {"sentences": sentences, "still_sentences": still,
            "still_percent": round(100 * still / sentences, 1) if sentences else 0.0,
            "stretches_10s": len(long), "seconds_10s": round(sum(s["length"] for s in long), 2),
            "stretches_6s": len(stretches), "seconds_6s": round(sum(s["length"] for s in stretches), 2),
            "longest": max(stretches, key=lambda s: s["length"], default=None)}


def measure(video: Path, timing: dict[str, Any]) -> dict[str, Any]:
    """All figures for ``video`` with its ``timing`` (the assembly's ``.timing.json``)."""
    differences = sample_differences(video)
    unchanged = differences < THRESHOLD
    runs = still_runs(unchanged)
    chapters, still_sentences, stretches = [], [], []
    for chapter in timing["chapters"]:
        sentences = [s for beat in chapter["beats"] for s in beat["sentences"]]
        still = [s for s in sentences if sentence_is_still(unchanged, s["start"], s["end"])]
        still_sentences += [{"chapter": chapter["title"], "text": s["text"], "start": s["start"], "end": s["end"],
                             "chapter_start": s["start"] - chapter["start"]} for s in still]
        mine = [{"chapter": chapter["title"], "start": a, "end": b, "length": b - a,
                 "chapter_start": a - chapter["start"], "chapter_end": b - chapter["start"]}
                for a, b in speech_stretches(runs, [(s["start"], s["end"]) for s in sentences],
                                             chapter["start"], chapter["end"]) if b - a >= NOTICEABLE]
        stretches += mine
        chapters.append({"title": chapter["title"], "start": chapter["start"], "end": chapter["end"],
                         **summary(len(sentences), len(still), mine)})
    return {"film": str(video), "step": float(STEP), "threshold": THRESHOLD, "samples": len(differences) + 1,
            "unchanged_pairs": int(unchanged.sum()), "chapters": chapters,
            "total": summary(sum(c["sentences"] for c in chapters), len(still_sentences), stretches),
            "still_sentences": still_sentences, "stretches": stretches}


def clock(seconds: float) -> str:
    """m:ss.s"""
    return f"{int(seconds // 60)}:{seconds % 60:04.1f}"


def table(report: dict[str, Any]) -> str:
    """The figures as a table: one row per chapter, then the film."""
    lines = [f"{'chapter':<36}{'sentences':>10}{'still':>7}{'%':>7}{'longest still stretch':>31}{'≥10 s':>7}"
             f"{'≥6 s':>6}"]
    for row in [*report["chapters"], {"title": "film", **report["total"]}]:
        longest = row["longest"]
        where = "" if longest is None else (f"{longest['length']:5.1f} s at {clock(longest['chapter_start'])}"
                                            + (f" (ch {longest['chapter'].split('.')[0]})" if row["title"] == "film"
                                               else ""))
        if row["title"] == "film":
            lines.append("-" * len(lines[0]))
        lines.append(f"{row['title'][:35]:<36}{row['sentences']:>10}{row['still_sentences']:>7}"
                     f"{row['still_percent']:>6.1f}%{where:>31}{row['stretches_10s']:>7}{row['stretches_6s']:>6}")
    total = report["total"]
    lines.append(f"still stretches while the voice speaks: {total['stretches_10s']} of ≥ {LONG:g} s "
                 f"({total['seconds_10s']:.1f} s), {total['stretches_6s']} of ≥ {NOTICEABLE:g} s "
                 f"({total['seconds_6s']:.1f} s); chapter times are from each chapter's start")
    if (longest := total["longest"]) is not None:
        lines.append(f"longest: {longest['length']:.1f} s, film {clock(longest['start'])}–{clock(longest['end'])}, "
                     f"{longest['chapter']} {clock(longest['chapter_start'])}–{clock(longest['chapter_end'])}")
    return "\n".join(lines)


def read_timing(video: Path, timing: Path | None = None) -> dict[str, Any]:
    """The timing of a film (``.timing.json``), or of one chapter's video (its ``.beats.json``, as a
    film of one chapter starting at 0)."""
    if timing is None and not video.with_suffix(".timing.json").is_file() and video.with_suffix(".beats.json").is_file():
        record = json.loads(video.with_suffix(".beats.json").read_text(encoding="utf-8"))
        return {"chapters": [{"title": record.get("title", video.stem), "start": 0.0, "end": record["duration"],
                              "beats": record["beats"]}]}
    return json.loads((timing or video.with_suffix(".timing.json")).read_text(encoding="utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.stillness", description=__doc__.split("\n")[0])
    parser.add_argument("film", type=Path, help="a film, or one chapter's video (its .beats.json beside it)")
    parser.add_argument("--timing", type=Path, help="the film's timing (default: FILM.timing.json beside it)")
    parser.add_argument("--json", type=Path, help="write every figure here")
    args = parser.parse_args(argv)
    report = measure(args.film, read_timing(args.film, args.timing))
    print(table(report))
    if args.json:
        args.json.write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
        print(f"figures: {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

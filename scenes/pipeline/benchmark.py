"""Render benchmark (not a test): per chapter and whole film, at 480p15 and 1080p60.

    .venv/bin/python -m scenes.pipeline.benchmark                  # both qualities (1080p60 takes a while)
    .venv/bin/python -m scenes.pipeline.benchmark --quality low    # 480p15 only
    .venv/bin/python -m scenes.pipeline.benchmark --compare-jobs   # also 480p15 with one process, to compare

Renders into a fresh temporary media folder, so nothing is reused from earlier renders.
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from scenes.chapters import CHAPTERS

from .assemble import assemble_film, video_seconds
from .rendering import QUALITIES, default_environment, default_jobs, render_chapters


def film_run(quality: str, media: Path, jobs: int) -> tuple[float, dict[int, float], float]:
    """Render every chapter and assemble the film; (wall seconds, per-chapter seconds, film length)."""
    start = time.perf_counter()
    rendered = render_chapters(CHAPTERS, quality, default_environment(), jobs=jobs, media=media, log=lambda _: None)
    assemble_film([(c.chapter.title, c.video) for c in rendered], media / "film.mp4")
    wall = time.perf_counter() - start
    return wall, {r.chapter.number: r.seconds for r in rendered}, video_seconds(media / "film.mp4")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scenes.pipeline.benchmark", description=__doc__.split("\n")[0])
    parser.add_argument("--quality", choices=("low", "high", "both"), default="both")
    parser.add_argument("--compare-jobs", action="store_true", help="also render 480p15 with one process")
    args = parser.parse_args(argv)
    qualities = ["low", "high"] if args.quality == "both" else [args.quality]
    jobs = default_jobs()
    with tempfile.TemporaryDirectory() as tmp:
        lengths: dict[str, dict[int, float]] = {}  # quality → chapter → seconds of video
        table: dict[str, dict[int, float]] = {}
        totals: dict[str, float] = {}
        film_lengths: dict[str, float] = {}  # measured per quality: they differ by a few seconds
        for quality in qualities:
            media = Path(tmp) / quality
            print(f"rendering the film at {QUALITIES[quality][1]} with {jobs} processes ...", flush=True)
            totals[quality], table[quality], film_lengths[quality] = film_run(quality, media, jobs)
            lengths[quality] = {c.number: video_seconds(next(media.rglob(f"{c.scene}.mp4"))) for c in CHAPTERS}
            if quality == "low":
                start = time.perf_counter()
                film_run(quality, media, jobs)
                totals["rerender"] = time.perf_counter() - start
            if quality == "low" and args.compare_jobs:
                print("rendering the film at 480p15 with 1 process ...", flush=True)
                totals["one process"] = film_run(quality, Path(tmp) / "single", 1)[0]

    print()
    header = f"{'chapter':<32}{'length':>8}" + "".join(f"{QUALITIES[q][1]:>12}{'ratio':>7}" for q in qualities)
    print(header)
    print("-" * len(header))
    for chapter in CHAPTERS:
        row = f"{chapter.number:>2}. {chapter.title:<28}{lengths[qualities[0]][chapter.number]:7.1f}s"
        for q in qualities:
            seconds = table[q][chapter.number]
            row += f"{seconds:11.1f}s{seconds / lengths[q][chapter.number]:6.2f}x"
        print(row)
    print("-" * len(header))
    row = f"{'whole film (' + str(jobs) + ' processes)':<32}{film_lengths[qualities[0]]:7.1f}s"
    for q in qualities:
        row += f"{totals[q]:11.1f}s{totals[q] / film_lengths[q]:6.2f}x"
    print(row)
    if len(qualities) > 1:
        print("film length: " + ", ".join(f"{film_lengths[q]:.1f} s at {QUALITIES[q][1]}" for q in qualities))
    print("(per-chapter times overlap when chapters render in parallel; the whole-film line is wall clock)")
    if "rerender" in totals:
        print(f"unchanged re-render at 480p15: {totals['rerender']:.1f} s = {totals['rerender'] / totals['low']:.1%} of the first render")
    if "one process" in totals:
        print(f"480p15 with 1 process: {totals['one process']:.1f} s; with {jobs}: {totals['low']:.1f} s "
              f"({totals['one process'] / totals['low']:.2f}x faster)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

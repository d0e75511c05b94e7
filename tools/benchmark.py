"""Render benchmark (not a test): the narrated film, the voice, the silent film, at 480p15 and 1080p60.

    .venv/bin/python -m tools.benchmark                  # both qualities (1080p60 takes a while)
    .venv/bin/python -m tools.benchmark --quality low    # 480p15 only
    .venv/bin/python -m tools.benchmark --compare-jobs   # also 480p15 with one process
    .venv/bin/python -m tools.benchmark --camera         # only: QuickCamera against manim's camera
    .venv/bin/python -m tools.benchmark --film-only      # only the narrated film, cold (before/after a change)

Every render goes into a fresh temporary media folder with an empty voice cache ("cold", the voice
synthesised as part of the render), except the unchanged re-render, which reuses the first.
Printed: the voice's real-time factor; the whole script's synthesis, cold and cached; per chapter
and for the whole film, the length and the render time at each quality and its ratio to the
length; the silent film (``--voice none``) rendered in the same run, per second of film. A cold
480p15 run also writes each chapter's length and render time to ``scenes/film/measured.json``
(``--list``'s start times, and the order chapters start in).
"""
from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

from scenes.content.narration import BeatScript
from scenes.film.assemble import assemble_film
from scenes.film.chapters import CHAPTERS, MEASURED
from scenes.film.outputs import QUALITIES
from scenes.film.rendering import Rendered, default_environment, default_jobs, render_chapters
from scenes.runtime.video_io import video_seconds
from scenes.runtime.voice import ENV_VOICE, ENV_VOICE_CACHE, PiperVoice


def film_run(quality: str, media: Path, jobs: int, env: dict[str, str]) -> tuple[float, list[Rendered], float]:
    """Render every chapter and assemble the film; (wall seconds, the chapters, film length)."""
    start = time.perf_counter()
    rendered = render_chapters(CHAPTERS, quality, env, jobs=jobs, media=media, log=lambda _: None)
    film = assemble_film(rendered, media / "film.mp4", env)
    wall = time.perf_counter() - start
    return wall, rendered, video_seconds(film.path)


def spoken_sentences(rendered: list[Rendered]) -> list[str]:
    """Every sentence the rendered chapters said (their placeholders filled with the real values)."""
    sentences = []
    for r in rendered:
        record = json.loads(r.video.with_suffix(".beats.json").read_text())
        sentences += [s["text"] for beat in record["beats"] for s in beat["sentences"]]
    return sentences


def write_measured(rendered: list[Rendered]) -> None:
    """Each chapter's length and render time, for --list and the order chapters start in."""
    data = json.loads(MEASURED.read_text(encoding="utf-8"))
    data["length"] = {str(r.chapter.number): round(video_seconds(r.video), 1) for r in rendered}
    data["render"] = {str(r.chapter.number): round(r.seconds) for r in rendered}
    MEASURED.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


def synthesis_figures(sentences: list[str], folder: Path) -> dict[str, float]:
    """The whole script synthesised in one process, cold then cached: seconds, audio seconds, RTF."""
    beat = BeatScript("all", "all", "", " ".join(sentences))
    voice = PiperVoice(cache=folder)
    start = time.perf_counter()
    speech = voice.speak(beat)
    cold = time.perf_counter() - start
    start = time.perf_counter()
    PiperVoice(cache=folder).speak(beat)
    cached = time.perf_counter() - start
    return {"cold": cold, "cached": cached, "audio": speech.duration, "rtf": cold / speech.duration}


def camera_figures(repeats: int = 20) -> None:
    """Print the median time to draw one frame with manim's camera and with ``QuickCamera``: a frame
    holding the network diagram with real activations, and one holding two digit images."""
    import statistics

    from manim import LEFT, RIGHT, Camera, Mobject, tempconfig

    import nn
    from scenes.components.network_diagram import NetworkDiagram
    from scenes.components.pixel_grid import DigitImage
    from scenes.runtime.quick_output import QuickCamera

    net = nn.load_pretrained()
    diagram = NetworkDiagram(net).set_activations(net.activations(nn.load_split("test")[0][0]))
    frames: dict[str, list[Mobject]] = {"network diagram": [diagram],
              "two digit images": [DigitImage(0, side=3).shift(LEFT * 3), DigitImage(1, side=3).shift(RIGHT * 3)]}
    for quality in ("low", "high"):
        width, height = {"low": (854, 480), "high": (1920, 1080)}[quality]
        with tempconfig({"pixel_width": width, "pixel_height": height}):
            for name, mobjects in frames.items():
                medians = []
                for camera_class in (Camera, QuickCamera):
                    camera, times = camera_class(), []
                    for _ in range(repeats):
                        camera.reset()
                        start = time.perf_counter()
                        camera.capture_mobjects(mobjects)
                        times.append(time.perf_counter() - start)
                    medians.append(statistics.median(times) * 1000)
                print(f"{height}p, {name}: manim's camera {medians[0]:.1f} ms, QuickCamera {medians[1]:.1f} ms")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.benchmark", description=__doc__.split("\n")[0])
    parser.add_argument("--quality", choices=("low", "high", "both"), default="both")
    parser.add_argument("--compare-jobs", action="store_true", help="also render 480p15 with one process")
    parser.add_argument("--camera", action="store_true", help="only time QuickCamera against manim's camera")
    parser.add_argument("--film-only", action="store_true",
                        help="only the narrated film, cold: no silent film, re-render or voice alone")
    args = parser.parse_args(argv)
    if args.camera:
        camera_figures()
        return 0
    qualities = ["low", "high"] if args.quality == "both" else [args.quality]
    jobs = default_jobs()
    rows: dict[str, dict[int, float]] = {}
    lengths: dict[str, dict[int, float]] = {}
    totals: dict[str, tuple[float, float]] = {}  # label → (wall seconds, film seconds)
    with tempfile.TemporaryDirectory() as tmp:
        def env_for(name: str, voice: str = "piper") -> dict[str, str]:
            return {**default_environment(), ENV_VOICE: voice, ENV_VOICE_CACHE: str(Path(tmp) / f"voice-{name}")}

        for quality in qualities:
            media = Path(tmp) / quality
            print(f"rendering the narrated film at {QUALITIES[quality][1]}, cold, {jobs} processes ...", flush=True)
            wall, rendered, length = film_run(quality, media, jobs, env_for(quality))
            rows[quality] = {r.chapter.number: r.seconds for r in rendered}
            totals[quality] = (wall, length)
            lengths[quality] = {r.chapter.number: video_seconds(r.video) for r in rendered}
            if quality == "low":
                write_measured(rendered)
            if args.film_only:
                continue
            print(f"rendering the silent film (--voice none) at {QUALITIES[quality][1]} ...", flush=True)
            totals[f"silent {quality}"] = film_run(quality, Path(tmp) / f"silent-{quality}", jobs,
                                                   env_for(quality, "none"))[0::2]
            if quality == qualities[0]:
                print("an unchanged re-render ...", flush=True)
                start = time.perf_counter()
                film_run(quality, media, jobs, env_for(quality))
                totals["rerender"] = (time.perf_counter() - start, length)
                print("the whole script, synthesised in one process ...", flush=True)
                voice = synthesis_figures(spoken_sentences(rendered), Path(tmp) / "voice-alone")
            if quality == "low" and args.compare_jobs:
                print("the narrated film at 480p15 with 1 process ...", flush=True)
                totals["one process"] = film_run(quality, Path(tmp) / "single", 1, env_for("single"))[0::2]

    print()
    if not args.film_only:
        print(f"voice: {voice['audio'] / 60:.1f} min of speech synthesised in {voice['cold']:.1f} s on one core "
              f"(real-time factor {voice['rtf']:.3f}); cached: {voice['cached']:.1f} s")
    header = f"{'chapter':<32}{'length':>8}" + "".join(f"{QUALITIES[q][1]:>12}{'ratio':>7}" for q in qualities)
    print(header)
    print("-" * len(header))
    for chapter in CHAPTERS:
        row = f"{chapter.number:>2}. {chapter.title:<28}{lengths[qualities[0]][chapter.number]:7.1f}s"
        for q in qualities:
            seconds = rows[q][chapter.number]
            row += f"{seconds:11.1f}s{seconds / lengths[q][chapter.number]:6.2f}x"
        print(row)
    print("-" * len(header))
    row = f"{'whole film (' + str(jobs) + ' processes)':<32}{totals[qualities[0]][1]:7.1f}s"
    for q in qualities:
        row += f"{totals[q][0]:11.1f}s{totals[q][0] / totals[q][1]:6.2f}x"
    print(row)
    print("(per-chapter times overlap when chapters render in parallel; the whole-film line is wall clock)")
    if args.film_only:
        return 0
    for q in qualities:
        narrated, silent = totals[q], totals[f"silent {q}"]
        print(f"{QUALITIES[q][1]}: narrated {narrated[0]:.1f} s for {narrated[1]:.1f} s of film "
              f"({narrated[0] / narrated[1]:.3f} s per second); silent {silent[0]:.1f} s for {silent[1]:.1f} s "
              f"({silent[0] / silent[1]:.3f} s per second)")
    rerender, first = totals["rerender"][0], totals[qualities[0]][0]
    print(f"unchanged re-render: {rerender:.1f} s = {rerender / first:.1%} of the first render")
    if "one process" in totals:
        print(f"480p15 with 1 process: {totals['one process'][0]:.1f} s; with {jobs}: {totals['low'][0]:.1f} s")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
    raise SystemExit(main())

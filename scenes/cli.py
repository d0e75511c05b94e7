"""Command line behind ./render.sh: list and render chapters, with the user's choice of input digit."""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Sequence

from .film import CHAPTERS, Chapter

ROOT = Path(__file__).resolve().parent.parent
MEDIA = ROOT / "media"
QUALITIES = {  # our name → (manim's flag, folder manim writes to)
    "low": ("l", "480p15"),
    "medium": ("m", "720p30"),
    "high": ("h", "1080p60"),
    "4k": ("k", "2160p60"),
}


class UsageError(Exception):
    """Bad input from the command line: reported as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:
        raise UsageError(message)


def parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="./render.sh",
        description="Render the chapters of the film (all of them when none is named). "
        "`./render.sh test` runs the tests.",
    )
    p.add_argument("scenes", nargs="*", metavar="SCENE", help="chapter number or scene name (see --list)")
    p.add_argument("--quality", "-q", choices=QUALITIES, default="low", help="low=480p15 (default), medium=720p30, high=1080p60, 4k=2160p60")
    p.add_argument("--list", action="store_true", help="list the chapters in film order and exit")
    source = p.add_mutually_exclusive_group()
    source.add_argument("--digit", type=int, metavar="N", help="MNIST test image N (0-9999) as the input of every forward-pass scene")
    source.add_argument("--image", type=Path, metavar="PATH", help="your own picture of a digit as the input of every forward-pass scene")
    return p


def find_chapter(name: str) -> Chapter:
    """A chapter by number ("4"), scene name ("IntroducingLayers") or module ("ch04_layers")."""
    for chapter in CHAPTERS:
        names = {str(chapter.number), chapter.scene.lower(), chapter.module.rsplit(".", 1)[1]}
        if name.lower() in names:
            return chapter
    raise UsageError(f"unknown scene {name!r}; `./render.sh --list` shows the chapters")


def is_written(chapter: Chapter) -> bool:
    return (ROOT / chapter.path).is_file()


def list_chapters() -> None:
    for c in CHAPTERS:
        note = "" if is_written(c) else "  (not written yet)"
        print(f"{c.number:>2}  {c.start:>5}  {c.scene:<22} {c.title}{note}")


def input_environment(args: argparse.Namespace) -> dict[str, str]:
    """Check --digit/--image, print the network's prediction, and return the scenes' environment."""
    import nn
    from .components.digit_input import ENV_DIGIT, ENV_IMAGE

    env = {k: v for k, v in os.environ.items() if k not in (ENV_DIGIT, ENV_IMAGE)}
    if args.digit is None and args.image is None:
        return env
    net = nn.load_pretrained()
    if args.digit is not None:
        try:
            pixels, label = nn.test_image(args.digit)
        except IndexError as exc:
            raise UsageError(str(exc)) from None
        env[ENV_DIGIT] = str(args.digit)
        source = f"MNIST test image #{args.digit} (a {label})"
    else:
        from nn.images import ImageFileError

        try:
            pixels = nn.load_image(args.image)
        except ImageFileError as exc:
            raise UsageError(str(exc)) from None
        env[ENV_IMAGE] = str(args.image.resolve())
        source = str(args.image)
    output = net.forward(pixels)
    guess = int(output.argmax())
    print(f"input: {source}; the network reads it as {guess} (output {output[guess]:.2f})")
    return env


def render(chapter: Chapter, quality: str, env: dict[str, str]) -> Path:
    """Render one chapter with manim; return the video's path."""
    flag, folder = QUALITIES[quality]
    command = [sys.executable, "-m", "manim", "render", "-q", flag, "-v", "WARNING",
               "--media_dir", str(MEDIA), str(ROOT / chapter.path), chapter.scene]
    result = subprocess.run(command, cwd=ROOT, env=env)
    if result.returncode:
        raise RuntimeError(f"chapter {chapter.number} ({chapter.title}) failed to render (manim exit {result.returncode})")
    return MEDIA / "videos" / chapter.module.rsplit(".", 1)[1] / folder / f"{chapter.scene}.mp4"


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = parser().parse_args(argv)
        if args.list:
            list_chapters()
            return 0
        chapters = [find_chapter(name) for name in args.scenes]
        for chapter in chapters:
            if not is_written(chapter):
                raise UsageError(f"chapter {chapter.number} ({chapter.title}) is not written yet")
        if not chapters:
            chapters = [c for c in CHAPTERS if is_written(c)]
        env = input_environment(args)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    start = time.perf_counter()
    for i, chapter in enumerate(chapters, 1):
        print(f"[{i}/{len(chapters)}] chapter {chapter.number}: {chapter.title} ({chapter.scene}) ...", flush=True)
        began = time.perf_counter()
        try:
            video = render(chapter, args.quality, env)
        except RuntimeError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        print(f"      {time.perf_counter() - began:.1f} s -> {video.relative_to(ROOT)}", flush=True)
    print(f"rendered {len(chapters)} chapter(s) in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Command line behind ./render.sh: the film, single chapters, the slides, with the user's input digit."""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Sequence

from .film import CHAPTERS, Chapter
from .rendering import MEDIA, QUALITIES, ROOT, RenderError, default_environment, default_jobs, render_chapters

FILM_DIR = MEDIA / "film"


class UsageError(Exception):
    """Bad input from the command line: reported as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:
        raise UsageError(message)


def parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="./render.sh",
        description="Render the whole film (no SCENE named) or single chapters. "
        "`./render.sh test` runs the tests.",
    )
    p.add_argument("scenes", nargs="*", metavar="SCENE", help="chapter number, scene name or file name (see --list)")
    p.add_argument("--quality", "-q", choices=QUALITIES, default="low", help="low=480p15 (default), medium=720p30, high=1080p60, 4k=2160p60")
    p.add_argument("--list", action="store_true", help="list the chapters in film order and exit")
    p.add_argument("--slides", action="store_true", help="make an HTML presentation of the chapters (manim-slides)")
    p.add_argument("--jobs", "-j", type=int, default=default_jobs(), help="chapters rendered at once (default: %(default)s)")
    source = p.add_mutually_exclusive_group()
    source.add_argument("--digit", type=int, metavar="N", help="MNIST test image N (0-9999) as the input of every forward-pass scene")
    source.add_argument("--image", type=Path, metavar="PATH", help="your own picture of a digit as the input of every forward-pass scene")
    return p


def find_chapter(name: str) -> Chapter:
    """A chapter by number ("4"), scene name ("IntroducingLayers") or file name ("ch04_layers")."""
    for chapter in CHAPTERS:
        names = {str(chapter.number), chapter.scene.lower(), chapter.module.rsplit(".", 1)[1], chapter.path}
        if name.lower() in names:
            return chapter
    raise UsageError(f"unknown scene {name!r}; `./render.sh --list` shows the chapters")


def list_chapters() -> None:
    for c in CHAPTERS:
        print(f"{c.number:>2}  {c.start:>5}  {c.scene:<22} {c.title}")


def input_environment(args: argparse.Namespace) -> dict[str, str]:
    """Check --digit/--image, print the network's reading, and return the scenes' environment."""
    import nn
    from .components.digit_input import ENV_DIGIT, ENV_IMAGE

    env = default_environment()
    if args.digit is None and args.image is None:
        return env
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
    output = nn.load_pretrained().forward(pixels)
    guess = int(output.argmax())
    print(f"input: {source}; the network reads it as {guess} (output {output[guess]:.2f})")
    return env


def film_path(quality: str) -> Path:
    return FILM_DIR / f"film-{QUALITIES[quality][1]}.mp4"


def make_film(chapters: Sequence[Chapter], args: argparse.Namespace, env: dict[str, str]) -> int:
    from .assemble import assemble_film

    start = time.perf_counter()
    print(f"rendering {len(chapters)} chapters at {QUALITIES[args.quality][1]}, {args.jobs} at a time")
    rendered = render_chapters(chapters, args.quality, env, jobs=args.jobs)
    if len(chapters) == len(CHAPTERS):
        FILM_DIR.mkdir(parents=True, exist_ok=True)
        output = film_path(args.quality)
        marks = assemble_film([(f"{r.chapter.number}. {r.chapter.title}", r.video) for r in rendered], output)
        print(f"film: {output.relative_to(ROOT)} ({marks[-1][2] / 60:.1f} min, {len(marks)} chapter markers) "
              f"in {time.perf_counter() - start:.0f} s")
    else:
        for r in rendered:
            print(f"  {r.video.relative_to(ROOT)}")
        print(f"done in {time.perf_counter() - start:.0f} s")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = parser().parse_args(argv)
        if args.list:
            list_chapters()
            return 0
        if args.jobs < 1:
            raise UsageError("--jobs must be at least 1")
        chapters = [find_chapter(name) for name in args.scenes] or list(CHAPTERS)
        env = input_environment(args)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        if args.slides:
            from .slides import make_slides

            return make_slides(chapters, args.quality, env, jobs=args.jobs)
        return make_film(chapters, args, env)
    except RenderError as exc:
        print(f"error: {exc}", file=sys.stderr)
        print("error: nothing was assembled; an earlier film, if any, is unchanged", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted; an earlier film, if any, is unchanged", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())

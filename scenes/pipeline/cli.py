"""Command line behind ./render.sh: the narrated film, single chapters, slides, the script."""
from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

import numpy as np

import nn
import nn.images
import nn.preview
from scenes.chapters import CHAPTERS, Chapter
from scenes.content.digit_input import ENV_DIGIT, ENV_IMAGE
from scenes.content.narration import DEFAULT_LANGUAGE, ScriptError, available_languages, load_script

from .chapter_scene import ENV_LANG
from .paths import MEDIA, ROOT
from .rendering import QUALITIES, RenderError, default_environment, default_jobs, render_chapters, render_lock
from .voice import (
    ENV_VOICE,
    ENV_VOICE_DIR,
    ENV_VOICE_MODEL,
    VOICE_NAMES,
    PiperVoice,
    RecordedVoice,
    VoiceError,
    read_recording,
    voice_from_environment,
)

FILM_DIR = MEDIA / "film"


class UsageError(Exception):
    """Bad input from the command line: reported as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="./render.sh",
        description="Render the whole narrated film (no SCENE named) or single chapters. "
        "`./render.sh test` runs the tests.",
    )
    p.add_argument("scenes", nargs="*", metavar="SCENE", help="chapter number, scene name or file name (see --list)")
    p.add_argument("--quality", "-q", choices=QUALITIES, default="low",
                   help="low=480p15 (default), medium=720p30, high=1080p60, 4k=2160p60")
    p.add_argument("--list", action="store_true", help="list the chapters in film order and exit")
    p.add_argument("--slides", action="store_true",
                   help="a presentation instead of videos: `--slides` (HTML) or `--slides pptx` (PowerPoint)")
    p.add_argument("--jobs", "-j", type=int, default=default_jobs(),
                   help="chapters rendered at once (default: %(default)s)")
    source = p.add_mutually_exclusive_group()
    source.add_argument("--digit", type=int, metavar="N",
                        help="MNIST test image N (0-9999) as the input of every forward-pass scene")
    source.add_argument("--image", type=Path, metavar="PATH",
                        help="your own picture of a digit (a phone photo will do) as the input of every forward-pass scene")
    p.add_argument("--show-input", action="store_true",
                   help="with --image: write a PNG of the picture beside the 28×28 input the network gets, "
                   "print its reading (top three outputs), and exit")
    voice = p.add_argument_group("narration")
    voice.add_argument("--voice", choices=VOICE_NAMES, default="piper",
                       help="piper: the offline neural voice (default); none: the silent film, paced for reading")
    voice.add_argument("--voice-model", type=Path, metavar="PATH.onnx",
                       help="another Piper voice (its .onnx.json beside it)")
    voice.add_argument("--voice-dir", type=Path, metavar="DIR",
                       help="your own recordings: one WAV per beat, named by its id (see --script)")
    voice.add_argument("--lang", default=DEFAULT_LANGUAGE,
                       help="language of the narration and captions (default: %(default)s)")
    voice.add_argument("--script", action="store_true",
                       help="print the whole narration with its beat ids as Markdown, and exit")
    return p


def find_chapter(name: str) -> Chapter:
    """A chapter by number ("4"), scene name ("IntroducingLayers") or file name ("ch04_layers")."""
    for chapter in CHAPTERS:
        names = {str(chapter.number), chapter.scene.lower(), chapter.module.rsplit(".", 1)[1], chapter.path}
        if name.lower() in names:
            return chapter
    raise UsageError(f"unknown scene {name!r}; `./render.sh --list` shows the chapters")


def list_chapters(language: str) -> None:
    for c in CHAPTERS:
        print(f"{c.number:>2}  {c.start:>5}  {c.scene:<22} {c.title_in(language)}")


def input_environment(args: argparse.Namespace, env: dict[str, str]) -> dict[str, str]:
    """Check --digit/--image, print the network's reading, and add the choice to ``env``."""
    if args.digit is None and args.image is None:
        return env
    if args.digit is not None:
        try:
            pixels, label = nn.test_image(args.digit)
        except IndexError as exc:
            raise UsageError(str(exc)) from None
        env[ENV_DIGIT] = str(args.digit)
        print(f"input: MNIST test image #{args.digit} (a {label}); the network {network_reading(pixels)}")
        return env
    prepared = prepare_picture(args.image)
    env[ENV_IMAGE] = str(args.image.resolve())
    print(f"input: {args.image.name}; the network {network_reading(prepared.pixels)}")
    for note in prepared.notes:
        print(f"note: {note}")
    return env


def network_reading(pixels: np.ndarray) -> nn.preview.Reading:
    """What the shipped network reads in ``pixels``: "reads 3 (output 0.46); next 8 (0.15), 2 (0.03)"."""
    return nn.preview.reading(pixels, nn.load_pretrained())


def prepare_picture(path: Path) -> nn.images.PreparedImage:
    """The picture at ``path`` prepared as the network's input (a picture with no digit: a UsageError)."""
    try:
        return nn.prepare_image(path)
    except nn.images.ImageFileError as exc:
        raise UsageError(str(exc)) from None


def show_input(path: Path) -> Path:
    """Write ``media/input/<name>-input.png``: the picture (digit framed) beside the 28×28 input; return it."""
    preview = MEDIA / "input" / f"{path.stem}-input.png"
    preview.parent.mkdir(parents=True, exist_ok=True)
    nn.preview.preview_image(prepare_picture(path)).save(preview, "PNG")
    return preview


def narration_environment(args: argparse.Namespace, env: dict[str, str]) -> dict[str, str]:
    """Check the language and voice options (a bad one is a UsageError) and add them to ``env``."""
    if args.lang not in available_languages():
        raise UsageError(f"no narration in language {args.lang!r} (have: {', '.join(available_languages())})")
    env[ENV_LANG], env[ENV_VOICE] = args.lang, args.voice
    if args.voice_model is not None:
        if args.voice != "piper":
            raise UsageError("--voice-model needs --voice piper")
        env[ENV_VOICE_MODEL] = str(args.voice_model.resolve())
    if args.voice_dir is not None:
        env[ENV_VOICE_DIR] = str(args.voice_dir.resolve())
    try:
        voice = voice_from_environment(env)
        base = voice.fallback if isinstance(voice, RecordedVoice) else voice
        if args.voice_model is not None and isinstance(base, PiperVoice):
            base.sentence_audio("Test.")  # a corrupt model fails here, not mid-render
        if args.voice_dir is not None:
            check_recordings(args.voice_dir, args.lang)
    except VoiceError as exc:
        raise UsageError(str(exc)) from None
    return env


def check_recordings(folder: Path, language: str) -> None:
    """Every WAV in ``folder`` must be readable; names that match no beat get a warning."""
    keys = {beat.key for beat in load_script(language).beats()}
    recordings = sorted(folder.glob("*.wav"))
    for path in recordings:
        read_recording(path)
        if path.stem not in keys:
            print(f"warning: {path.name} matches no beat (see `./render.sh --script` for the ids)", file=sys.stderr)
    print(f"voice: {sum(p.stem in keys for p in recordings)} of {len(keys)} beats recorded in {folder}; "
          "the synthetic voice speaks the rest")


def film_path(quality: str) -> Path:
    return FILM_DIR / f"film-{QUALITIES[quality][1]}.mp4"


def make_film(chapters: Sequence[Chapter], args: argparse.Namespace, env: dict[str, str]) -> int:
    from .assemble import assemble_film

    start = time.perf_counter()
    print(f"rendering {len(chapters)} chapters at {QUALITIES[args.quality][1]}, {args.jobs} at a time "
          f"({'silent' if args.voice == 'none' else 'narrated'}, {args.lang})")
    rendered = render_chapters(chapters, args.quality, env, jobs=args.jobs)
    if len(chapters) == len(CHAPTERS):
        FILM_DIR.mkdir(parents=True, exist_ok=True)
        output = film_path(args.quality)
        marks = assemble_film([(f"{r.chapter.number}. {r.chapter.title_in(args.lang)}", r.video) for r in rendered],
                              output)
        print(f"film: {output.relative_to(ROOT)} ({marks[-1].end / 60:.1f} min, {len(marks)} chapter markers, "
              f"subtitles .srt and .vtt beside it) in {time.perf_counter() - start:.0f} s")
    else:
        for r in rendered:
            print(f"  {r.video.relative_to(ROOT)}")
        print(f"done in {time.perf_counter() - start:.0f} s")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = parser().parse_args(argv)
        if args.slides and args.scenes and args.scenes[0] in ("html", "pptx"):
            args.slides_format = args.scenes.pop(0)
        else:
            args.slides_format = "html"
        if args.script or args.list:
            try:
                if args.script:
                    sys.stdout.write(load_script(args.lang).markdown())
                else:
                    list_chapters(args.lang)
                sys.stdout.flush()
            except BrokenPipeError:  # `./render.sh --script | head`: the reader has seen enough
                sys.stdout = None  # nothing more to flush at exit
            return 0
        if args.jobs < 1:
            raise UsageError("--jobs must be at least 1")
        if args.show_input and args.image is None:
            raise UsageError("--show-input needs --image PATH: the picture whose input to show")
        chapters = [find_chapter(name) for name in args.scenes] or list(CHAPTERS)
        env = narration_environment(args, input_environment(args, default_environment()))
        if args.show_input:
            print(f"wrote {show_input(args.image)}: the picture beside the 28×28 input the network gets")
            return 0
    except (UsageError, ScriptError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        with render_lock(MEDIA):
            if args.slides:
                from .slides import make_slides

                return make_slides(chapters, args.quality, env, jobs=args.jobs, fmt=args.slides_format)
            return make_film(chapters, args, env)
    except RenderError as exc:
        print(f"error: {exc}", file=sys.stderr)
        print("error: nothing was assembled; an earlier film, if any, is unchanged", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted; an earlier film, if any, is unchanged", file=sys.stderr)
        return 130
    except Exception as exc:  # never a traceback: one line, and the earlier film stays
        print(f"error: {type(exc).__name__}: {exc}; an earlier film, if any, is unchanged", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())


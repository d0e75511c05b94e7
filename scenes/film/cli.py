"""Command line behind ./render.sh: the narrated film, single chapters or scenes of your own, slides,
the script. ``--list``, ``--script`` and ``--help`` answer without loading manim."""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

import numpy as np

import nn
import nn.images
import nn.preview
from scenes.content.digit_input import ENV_DIGIT, ENV_IMAGE, ENV_IMAGE_PIXELS, input_name
from scenes.content.narration import DEFAULT_LANGUAGE, ENV_LANG, ScriptError, available_languages, load_script
from scenes.runtime.voice import (
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

from .chapters import CHAPTERS, Chapter, clock, start_times
from .outputs import QUALITIES, film_path
from .paths import MEDIA, ROOT

SLIDE_FORMATS = ("html", "pptx")
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".webp"}


class UsageError(Exception):
    """Bad input from the command line: reported as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="./render.sh",
        description="Render the whole narrated film (no SCENE named), single chapters, or scenes of your own. "
        "`./render.sh test` runs the tests.",
    )
    p.add_argument("scenes", nargs="*", metavar="SCENE",
                   help="chapter number, scene name or file name (see --list), or FILE.py:Class for a scene of yours")
    p.add_argument("--quality", "-q", choices=QUALITIES, default="low",
                   help="low=480p15 (default), medium=720p30, high=1080p60, 4k=2160p60")
    p.add_argument("--list", action="store_true", help="list the chapters in film order and exit")
    p.add_argument("--slides", nargs="?", const="html", default=None, metavar="FORMAT",
                   help="a presentation instead of a film: html (the default) or pptx")
    p.add_argument("--jobs", "-j", type=int, default=min(2, os.cpu_count() or 1),
                   help="chapters rendered at once (default: %(default)s)")
    p.add_argument("--media", type=Path, default=MEDIA, metavar="DIR",
                   help="the folder every render writes to (default: media/ in the project)")
    p.add_argument("--debug", action="store_true", help="on an error, show the traceback behind its one line")
    source = p.add_mutually_exclusive_group()
    source.add_argument("--digit", type=int, metavar="N",
                        help="MNIST test image N (0-9999) as the input of every forward-pass scene")
    source.add_argument("--image", type=Path, metavar="PATH",
                        help="your own picture of a digit (a phone photo will do), or a folder of them "
                        "(one film per picture), as the input of every forward-pass scene")
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
    p.add_argument("--notes", action="store_true",
                   help="lecture notes of the film (rendered or reused) in media/notes/: .md, .html, .json")
    return p


# --- what to render ------------------------------------------------------------------------------
def find_chapter(name: str) -> Chapter:
    """A chapter by number ("4"), scene name ("IntroducingLayers") or file name ("ch04_layers"), or a
    scene of yours as ``FILE.py:Class``."""
    if ":" in name and name.split(":", 1)[0].endswith(".py"):
        return own_scene(name)
    for chapter in CHAPTERS:
        names = {str(chapter.number), chapter.scene.lower(), chapter.name, chapter.shown()}
        if name.lower() in names:
            return chapter
    raise UsageError(f"unknown scene {name!r}; `./render.sh --list` shows the chapters "
                     "(a scene of yours: FILE.py:Class)")


def own_scene(name: str) -> Chapter:
    """``FILE.py:Class``: a scene of yours, anywhere on disk (its file must exist; the class is checked
    when it renders)."""
    file, scene = name.rsplit(":", 1)
    path = Path(file).expanduser().resolve()
    if not path.is_file():
        raise UsageError(f"scene file not found: {file}")
    if not scene.isidentifier():
        raise UsageError(f"{name!r}: after the colon comes the scene's class name")
    return Chapter(0, path, scene)


def split_slides_argument(args: argparse.Namespace) -> None:
    """``--slides X``: X is the format when it names one, else a chapter (``--slides 3 4``)."""
    value = args.slides
    if value is None or value in SLIDE_FORMATS:
        return
    try:
        find_chapter(value)
    except UsageError:
        raise UsageError(f"unknown format {value!r} for --slides (have: {', '.join(SLIDE_FORMATS)})") from None
    args.scenes.insert(0, value)
    args.slides = "html"


def list_chapters(language: str) -> None:
    starts = start_times()
    print(f"{'':>2}  {'start':>5}  {'scene':<22} title  (start: in the narrated film as last measured)")
    for c in CHAPTERS:
        print(f"{c.number:>2}  {clock(starts[c.number]):>5}  {c.scene:<22} {c.title_in(language)}")


# --- the input -----------------------------------------------------------------------------------
def input_environment(args: argparse.Namespace, env: dict[str, str]) -> dict[str, str]:
    """Check --digit/--image (one picture), print the network's reading, and add the choice to ``env``."""
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
    return photo_environment(args.image, env, args.media)


def photo_environment(path: Path, env: dict[str, str], media: Path) -> dict[str, str]:
    """``env`` with ``path`` as the input: prepared once here (every chapter reads the result), its reading printed."""
    prepared = prepare_picture(path)
    env = {**env, ENV_IMAGE: str(path.resolve())}
    pixels = media / "input" / f"{input_name(env)}.npy"
    pixels.parent.mkdir(parents=True, exist_ok=True)
    np.save(pixels, prepared.pixels, allow_pickle=False)
    env[ENV_IMAGE_PIXELS] = str(pixels)
    print(f"input: {path.name}; the network {network_reading(prepared.pixels)}")
    for note in prepared.notes:
        print(f"note: {note}")
    return env


def class_photos(folder: Path) -> list[Path]:
    """The pictures in ``folder`` (by name), for one film each."""
    photos = sorted(p for p in folder.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES and p.is_file())
    if not photos:
        raise UsageError(f"{folder} holds no pictures ({', '.join(sorted(IMAGE_SUFFIXES))})")
    return photos


def network_reading(pixels: np.ndarray) -> nn.preview.Reading:
    """What the shipped network reads in ``pixels``: "reads 3 (output 0.46); next 8 (0.15), 2 (0.03)"."""
    return nn.preview.reading(pixels, nn.load_pretrained())


def prepare_picture(path: Path) -> nn.images.PreparedImage:
    """The picture at ``path`` prepared as the network's input (a picture with no digit: a UsageError)."""
    try:
        return nn.prepare_image(path)
    except nn.images.ImageFileError as exc:
        raise UsageError(str(exc)) from None


def show_input(path: Path, media: Path) -> Path:
    """Write ``media/input/<name>-input.png``: the picture (digit framed) beside the 28×28 input; return it."""
    preview = media / "input" / f"{path.stem}-input.png"
    preview.parent.mkdir(parents=True, exist_ok=True)
    nn.preview.preview_image(prepare_picture(path)).save(preview, "PNG")
    return preview


# --- the voice and language ----------------------------------------------------------------------
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


def check_media(media: Path) -> Path:
    """``media`` made if need be and checked writable (a UsageError if not), as an absolute path."""
    media = media.expanduser().resolve()
    try:
        media.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=media, prefix=".write-test-"):
            pass
    except OSError as exc:
        raise UsageError(f"cannot write to the media folder {media}: {exc.strerror or exc}") from None
    return media


# --- rendering -----------------------------------------------------------------------------------
def make_film(chapters: Sequence[Chapter], args: argparse.Namespace, env: dict[str, str]) -> int:
    """Render ``chapters``; when they are the whole film, join them into it."""
    from .assemble import assemble_film
    from .rendering import render_chapters

    start = time.perf_counter()
    print(f"rendering {len(chapters)} chapters at {QUALITIES[args.quality][1]}, {args.jobs} at a time "
          f"({'silent' if args.voice == 'none' else 'narrated'}, {args.lang})")
    rendered = render_chapters(chapters, args.quality, env, jobs=args.jobs, media=args.media)
    if list(chapters) == list(CHAPTERS):
        output = film_path(args.quality, env, args.media)
        film = assemble_film(rendered, output, env)
        print(f"film: {_shown(output)} ({film.marks[-1].end / 60:.1f} min, {len(film.marks)} chapter markers, "
              f"subtitles {', '.join(film.subtitle_languages)}; poster, chapters and subtitles beside it) "
              f"in {time.perf_counter() - start:.0f} s")
    else:
        for r in rendered:
            print(f"  {_shown(r.video)}")
        print(f"done in {time.perf_counter() - start:.0f} s")
    return 0


def make_notes(args: argparse.Namespace, env: dict[str, str]) -> int:
    """The film (rendered or reused), then its lecture notes."""
    from .notes import write_notes

    make_film(CHAPTERS, args, env)
    written = write_notes(film_path(args.quality, env, args.media), args.lang, args.media / "notes")
    print(f"notes: {', '.join(_shown(p) for p in written)}")
    return 0


def make_class_set(photos: Sequence[Path], args: argparse.Namespace, env: dict[str, str]) -> int:
    """One film per photo, sharing every chapter that does not show the input; progress per photo."""
    start = time.perf_counter()
    print(f"{len(photos)} pictures: one film each; chapters that do not show the input are rendered once")
    for i, photo in enumerate(photos, 1):
        print(f"--- picture {i} of {len(photos)}: {photo.name} (elapsed {time.perf_counter() - start:.0f} s)")
        make_film(CHAPTERS, args, photo_environment(photo, env, args.media))
    print(f"{len(photos)} films in {time.perf_counter() - start:.0f} s, in {_shown(args.media / 'film')}")
    return 0


def _shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv
    try:
        return run(argv)
    except (UsageError, ScriptError) as exc:
        if debug:
            traceback.print_exc()
        print(f"error: {exc}", file=sys.stderr)
        return 2


def run(argv: list[str]) -> int:
    """Parse ``argv`` and do what it says; bad input raises UsageError before anything renders."""
    args = parser().parse_args(argv)
    split_slides_argument(args)
    if args.list or args.script:
        if args.scenes:
            raise UsageError(f"--{'list' if args.list else 'script'} takes no scenes (got {' '.join(args.scenes)})")
        if args.lang not in available_languages():
            raise UsageError(f"no narration in language {args.lang!r} (have: {', '.join(available_languages())})")
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
    if args.show_input and (args.image is None or args.image.is_dir()):
        raise UsageError("--show-input needs --image PATH: the picture whose input to show")
    chapters = [find_chapter(name) for name in args.scenes] or list(CHAPTERS)
    photos = class_photos(args.image) if args.image is not None and args.image.is_dir() else None
    if photos is not None and (args.slides or args.notes or list(chapters) != list(CHAPTERS)):
        raise UsageError("--image FOLDER makes one whole film per picture: name no scenes, no --slides, no --notes")
    if args.notes and (args.slides or args.scenes):
        raise UsageError("--notes are notes of the whole film: name no scenes and no --slides")
    if args.image is not None and not args.image.exists():
        raise UsageError(f"image not found: {args.image}")
    args.media = check_media(args.media)
    if args.show_input:
        print(f"input: {args.image.name}; the network {network_reading(prepare_picture(args.image).pixels)}")
        print(f"wrote {show_input(args.image, args.media)}: the picture beside the 28×28 input the network gets")
        return 0
    from .rendering import default_environment

    base = narration_environment(args, default_environment(args.media))
    env = base if photos is not None else input_environment(args, dict(base))
    return render(chapters, photos, args, env)


def render(chapters: list[Chapter], photos: list[Path] | None, args: argparse.Namespace, env: dict[str, str]) -> int:
    """Render what the arguments asked for, holding the media folder; failures are one line each."""
    from .rendering import RenderError, RenderStoppedError, render_lock

    kept = "an earlier film or presentation of these settings, if any, is unchanged"
    try:
        with render_lock(args.media):
            if args.slides:
                from .slides import make_slides

                return make_slides(chapters, args.quality, env, fmt=args.slides, jobs=args.jobs, media=args.media)
            if args.notes:
                return make_notes(args, env)
            if photos is not None:
                return make_class_set(photos, args, env)
            return make_film(chapters, args, env)
    except RenderError as exc:
        if args.debug and exc.log is not None and exc.log.is_file():
            sys.stderr.write(exc.log.read_text(errors="replace"))  # the chapter's own traceback
        print(f"error: {exc}", file=sys.stderr)
        print(f"error: nothing was assembled; {kept}", file=sys.stderr)
        return 1
    except (KeyboardInterrupt, RenderStoppedError):
        print(f"interrupted: finished chapters are kept for the next run; {kept}", file=sys.stderr)
        return 130
    except Exception as exc:  # never a traceback unless asked for: one line, and the earlier film stays
        if args.debug:
            traceback.print_exc()
        print(f"error: {type(exc).__name__}: {exc}; {kept}"
              + ("" if args.debug else " (--debug shows the traceback)"), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())

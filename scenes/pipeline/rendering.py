"""Render chapters with manim: in parallel, with progress, reusing chapters whose inputs are unchanged.

A chapter's video is reused only when nothing it depends on has changed: the quality, the chosen
input digit, the voice and language, the data files, and every project module its process
actually imported (recorded by the process itself, so a chapter that starts using another module
is covered without a hand-kept list). One render at a time per media folder (``render_lock``).
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import multiprocessing
import os
import re
import shutil
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scenes.chapters import Chapter
from scenes.content.digit_input import ENV_DIGIT, ENV_IMAGE
from scenes.content.narration import DEFAULT_LANGUAGE, SCRIPTS

from .chapter_scene import ENV_LANG, NARRATION_ENVIRONMENT
from .latex_format import use_preloaded_preamble
from .paths import MEDIA, ROOT
from .voice import voice_from_environment

QUALITIES = {  # our name → (manim's flag, the folder manim writes to)
    "low": ("l", "480p15"),
    "medium": ("m", "720p30"),
    "high": ("h", "1080p60"),
    "4k": ("k", "2160p60"),
}
#: data every chapter may read (modules are recorded per chapter as it renders)
DATA_INPUTS = ("assets/network.npz", "assets/mnist.npz", "requirements.txt")
#: seconds each chapter took at 480p15, narrated, voice synthesised cold (``python -m scenes.pipeline.benchmark``):
#: the slowest chapters start first, so that the processes finish at about the same time
MEASURED_SECONDS = {1: 20, 2: 30, 3: 24, 4: 44, 5: 52, 6: 73, 7: 27, 8: 42, 9: 75, 10: 46, 11: 29, 12: 34}
#: imported once by the process that every chapter's manim process is forked from (about 1.5 s each)
PRELOADED = ["manim", "manim_slides", "scenes.components", "scenes.pipeline.chapter_scene"]
#: files a chapter writes beside its video: its sound, its subtitles, its timing (and manim's own sound)
SIDECARS = (".narration.wav", ".srt", ".vtt", ".beats.json", ".wav")
SLIDES_MODULE = "scenes/pipeline/slides.py"  # each chapter again, as a manim-slides Slide
SLIDES_DIR = MEDIA / "slides"  # manim-slides writes its slides/ folder here


class RenderError(RuntimeError):
    """A chapter failed to render; the message names it in one line, with the path of its log."""


@dataclass(frozen=True)
class Rendered:
    chapter: Chapter
    video: Path
    seconds: float  # time spent rendering (0 when reused)
    reused: bool


def default_environment() -> dict[str, str]:
    """This process's environment without a chosen digit or narration: the scenes' defaults."""
    chosen = (ENV_DIGIT, ENV_IMAGE, *NARRATION_ENVIRONMENT)
    return {k: v for k, v in os.environ.items() if k not in chosen}


def scene_target(chapter: Chapter, slides: bool) -> tuple[str, str]:
    """(file, class) that manim renders for ``chapter``: the chapter itself or its slide version."""
    return (SLIDES_MODULE, chapter.scene + "Slides") if slides else (chapter.path, chapter.scene)


def chapter_media(chapter: Chapter, media: Path = MEDIA, slides: bool = False) -> Path:
    """Each chapter's own manim media folder: manim's LaTeX and text caches are not safe to share
    between processes rendering at the same time (one can read a half-written file)."""
    return media / "chapters" / (chapter.module.rsplit(".", 1)[1] + ("-slides" if slides else ""))


def shared_tex_folder(media: Path = MEDIA) -> Path:
    """Formulas compiled by LaTeX, shared by all chapters (each also keeps its own copies)."""
    return media / "chapters" / "shared-tex"


def video_path(chapter: Chapter, quality: str, media: Path = MEDIA, slides: bool = False) -> Path:
    file, scene = scene_target(chapter, slides)
    folder = chapter_media(chapter, media, slides)
    return folder / "videos" / Path(file).stem / QUALITIES[quality][1] / f"{scene}.mp4"


# --- what a chapter's video depends on ---------------------------------------------------------
def input_key(chapter: Chapter, quality: str, env: dict[str, str], slides: bool = False) -> str:
    """A fingerprint of the chapter's settings and data (its modules are checked separately)."""
    voice = voice_from_environment(env).identity
    settings = [quality, str(slides), env.get(ENV_DIGIT, ""), env.get(ENV_IMAGE, ""), env.get(ENV_LANG, ""), voice]
    digest = hashlib.sha256("|".join(settings).encode())
    script = SCRIPTS / f"{env.get(ENV_LANG) or DEFAULT_LANGUAGE}.toml"
    files = [ROOT / name for name in DATA_INPUTS] + [script] + ([Path(env[ENV_IMAGE])] if env.get(ENV_IMAGE) else [])
    for path in files:
        digest.update(str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def file_digests(paths: Sequence[str]) -> dict[str, str]:
    """sha256 of each file (paths relative to ROOT); a missing file gets ''."""
    out = {}
    for name in paths:
        path = ROOT / name
        out[name] = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
    return out


def source_digests() -> dict[str, str]:
    """sha256 of every Python file of the project (paths relative to ROOT), taken before a render
    starts: the stamp records what the files were when the chapter read them, not after."""
    skipped = {".venv", ".git", "media", "__pycache__", "node_modules"}
    paths = []
    for folder, subfolders, files in os.walk(ROOT):
        subfolders[:] = [d for d in subfolders if d not in skipped and not d.startswith(".")]
        paths += [str((Path(folder) / f).relative_to(ROOT)) for f in files if f.endswith(".py")]
    return file_digests(paths)


def is_up_to_date(video: Path, key: str) -> bool:
    """True when ``video`` was rendered for ``key`` and none of the files its process read changed."""
    stamp = video.with_suffix(".inputs")
    if not (video.is_file() and stamp.is_file()):
        return False
    try:
        record = json.loads(stamp.read_text())
    except (ValueError, OSError):
        return False
    return record.get("key") == key and file_digests(list(record.get("files", {}))) == record.get("files")


# --- rendering -----------------------------------------------------------------------------------
def render_chapter(
    chapter: Chapter, quality: str, env: dict[str, str], media: Path = MEDIA, slides: bool = False
) -> Rendered:
    """Render one chapter (or its slides) unless its video is up to date."""
    video = video_path(chapter, quality, media, slides)
    stamp = video.with_suffix(".inputs")
    key = input_key(chapter, quality, env, slides)
    if is_up_to_date(video, key):
        return Rendered(chapter, video, 0.0, True)
    for stale in (stamp, *(video.with_suffix(s) for s in SIDECARS)):
        stale.unlink(missing_ok=True)  # a silent render must not keep an earlier render's sound
    file, scene = scene_target(chapter, slides)
    args = ["render", "-q", QUALITIES[quality][0], "-v", "WARNING", "--progress_bar", "none", "--disable_caching",
            "--silent", "--media_dir", str(chapter_media(chapter, media, slides)), str(ROOT / file), scene]
    cwd = SLIDES_DIR if slides else ROOT
    cwd.mkdir(parents=True, exist_ok=True)
    folder = chapter_media(chapter, media, slides)
    folder.mkdir(parents=True, exist_ok=True)
    log, modules = folder / "manim.log", folder / "modules.json"
    for old in (log, modules):
        old.unlink(missing_ok=True)
    start = time.perf_counter()
    sources = source_digests()
    process = _manim_processes().Process(
        target=_run_manim, args=(args, str(cwd), env, str(log), str(shared_tex_folder(media)), str(modules)))
    process.start()
    process.join()
    if process.exitcode or not video.is_file() or not modules.is_file():
        raise RenderError(f"chapter {chapter.number} ({chapter.title}) failed: {failure_line(log)}; "
                          f"full log: {_shown(log)}")
    video.with_suffix(".wav").unlink(missing_ok=True)  # manim's intermediate sound file
    imported = json.loads(modules.read_text())
    files = {name: sources[name] if name in sources else file_digests([name])[name] for name in imported}
    stamp.write_text(json.dumps({"key": key, "files": files}, indent=1))
    return Rendered(chapter, video, time.perf_counter() - start, False)


def render_chapters(
    chapters: Sequence[Chapter],
    quality: str,
    env: dict[str, str],
    jobs: int = 2,
    log: Callable[[str], None] = print,
    media: Path = MEDIA,
    slides: bool = False,
) -> list[Rendered]:
    """Render ``chapters`` with ``jobs`` manim processes at once, slowest first, logging progress;
    the result is in film order.

    Raises RenderError naming the first chapter that failed (the others are still finished).
    """
    start = time.perf_counter()
    results: dict[int, Rendered] = {}
    failures: list[tuple[int, RenderError]] = []
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        slowest_first = sorted(chapters, key=lambda c: -MEASURED_SECONDS.get(c.number, 0))
        futures = {pool.submit(render_chapter, c, quality, env, media, slides): c for c in slowest_first}
        for future in as_completed(futures):
            chapter = futures[future]
            try:
                done = results[chapter.number] = future.result()
            except RenderError as exc:
                failures.append((chapter.number, exc))
                log(f"FAILED {exc}")
                continue
            elapsed = time.perf_counter() - start
            finished = len(results) + len(failures)
            left = elapsed / finished * (len(chapters) - finished)
            how = "unchanged, reused" if done.reused else f"rendered in {done.seconds:.1f} s"
            log(f"[{finished}/{len(chapters)}] chapter {chapter.number}: {chapter.title} ({how}); "
                f"elapsed {elapsed:.0f} s, about {left:.0f} s left")
    if failures:
        raise min(failures, key=lambda failure: failure[0])[1]
    return [results[c.number] for c in chapters]


def default_jobs() -> int:
    """Both cores where there are two or more (measured faster than one; see README)."""
    return min(2, os.cpu_count() or 1)


def failure_line(log: Path) -> str:
    """The error a chapter's manim log ends with, as one line (manim prints a boxed traceback)."""
    try:
        lines = log.read_text(errors="replace").splitlines()
    except OSError:
        return "its process stopped before it could start manim"
    cleaned = [line.strip(" │╭╰╮╯─|\t") for line in lines]
    cleaned = [line for line in cleaned if line]
    for line in reversed(cleaned):
        if re.match(r"^[A-Za-z_][\w.]*(Error|Exception|Interrupt|Exit)\b", line):
            return line
    return cleaned[-1] if cleaned else "no output"


@contextmanager
def render_lock(media: Path = MEDIA, log: Callable[[str], None] = print) -> Iterator[None]:
    """Hold the media folder for one render at a time; a second render waits, saying so."""
    media.mkdir(parents=True, exist_ok=True)
    with open(media / ".render.lock", "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another render"
            log(f"waiting: {holder} is rendering in {_shown(media)}; this one starts when it ends")
            fcntl.flock(handle, fcntl.LOCK_EX)
        handle.seek(0)
        handle.truncate()
        handle.write(f"process {os.getpid()} (since {time.strftime('%H:%M:%S')})")
        handle.flush()
        try:
            yield
        finally:
            handle.truncate(0)
            fcntl.flock(handle, fcntl.LOCK_UN)


def _shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def _manim_processes() -> Any:  # a multiprocessing context: forkserver, or spawn where there is none
    """Where chapter processes come from: forks of one process that has imported manim already."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOADED)
    return context


def _run_manim(args: list[str], cwd: str, env: dict[str, str], log: str, tex_folder: str, modules: str) -> None:
    """In a chapter's own process: ``manim ARGS`` in ``cwd`` with environment ``env``, output to ``log``,
    formulas shared through ``tex_folder``; on success, the project files it imported to ``modules``."""
    with open(log, "wb") as output:
        os.dup2(output.fileno(), 1)
        os.dup2(output.fileno(), 2)
    os.chdir(cwd)
    os.environ.clear()
    os.environ.update(env)
    _share_compiled_tex(Path(tex_folder))
    from manim.__main__ import main

    try:
        main(args=args, prog_name="manim")
    except SystemExit as exit_:
        if exit_.code in (0, None):
            Path(modules).write_text(json.dumps(project_modules()))
        raise


def project_modules() -> list[str]:
    """The project's own source files imported into this process (paths relative to ROOT)."""
    files = set()
    for module in list(sys.modules.values()):
        path = getattr(module, "__file__", None)
        if not path:
            continue
        path = Path(path).resolve()
        if path.is_relative_to(ROOT) and ".venv" not in path.parts and path.suffix == ".py":
            files.add(str(path.relative_to(ROOT)))
    return sorted(files)


def _share_compiled_tex(folder: Path) -> None:
    """Let this process's MathTex reuse formulas that another chapter compiled (about 0.3 s of
    LaTeX each; a third of the film's formulas recur), and publish the ones it compiles.

    Each process still parses its own copy (manim writes scratch files beside the SVG it reads);
    a published SVG appears under its final name in one rename, so it is never read half-written.
    """
    from manim.mobject.text import tex_mobject
    from manim.utils import tex_file_writing

    compile_here = tex_file_writing.tex_to_svg_file
    folder.mkdir(parents=True, exist_ok=True)
    use_preloaded_preamble(folder)

    def tex_to_svg_file(expression: str, environment: str | None = None, tex_template=None) -> Path:  # noqa: ANN001
        own = tex_file_writing.generate_tex_file(expression, environment, tex_template).with_suffix(".svg")
        shared = folder / own.name
        if not own.is_file() and shared.is_file():
            shutil.copyfile(shared, own)
        if not own.is_file():
            compile_here(expression, environment, tex_template)
            partial = shared.with_name(f"{shared.stem}.{os.getpid()}.partial")
            shutil.copyfile(own, partial)
            os.replace(partial, shared)
        return own

    tex_mobject.tex_to_svg_file = tex_to_svg_file

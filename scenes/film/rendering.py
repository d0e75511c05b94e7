"""Render chapters with manim: in parallel, with progress, each kept under a name that says what it holds.

A chapter's video is kept at ``media/chapters/<file>/<quality>-<language>-<voice>/<input>/`` (input:
"default", "digit-18", "image-…", or "any-input" for a chapter that does not show the input), so
no render overwrites another and every variant stays cached. It is reused only when nothing it
depends on changed: its settings, the data files, every source file its process imported, the part
of the script it told, and, if it shows the input, the input (all recorded by the process itself).
A chapter renders into its own working folder and is moved into place only when complete. One
render at a time per media folder (``render_lock``); Ctrl-C stops within seconds (``render_chapters``).
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
import sysconfig
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scenes.content.digit_input import ENV_DIGIT, ENV_IMAGE, ENV_IMAGE_PIXELS, input_name
from scenes.content.narration import DEFAULT_LANGUAGE, ENV_LANG, part_digest
from scenes.runtime.voice import ENV_VOICE_CACHE, VOICE_ENVIRONMENT, voice_from_environment

from .chapters import Chapter, measured
from .outputs import QUALITIES, shared_tex_folder, video_path, working_folder
from .paths import MEDIA, ROOT

#: data every chapter may read (source files and script parts are recorded per chapter as it renders)
DATA_INPUTS = ("assets/network.npz", "assets/mnist.npz", "requirements.txt")
#: imported once by the process that every chapter's manim process is forked from (about 1.5 s each)
PRELOADED = ["manim", "scenes.components", "scenes.runtime.narrated_scene"]
#: files a chapter writes beside its video: its sound, its subtitles, its timing
SIDECARS = (".narration.wav", ".srt", ".vtt", ".beats.json")
#: bump when what a stamp means changes: every chapter renders again
STAMP_VERSION = 2


class RenderError(RuntimeError):
    """A chapter failed to render; the message names it in one line, with the path of its log."""

    def __init__(self, message: str, log: Path | None = None) -> None:
        super().__init__(message)
        self.log = log


class RenderStoppedError(RuntimeError):
    """Rendering stopped by Ctrl-C (or a stop request): running chapters stopped, finished ones kept."""


@dataclass(frozen=True)
class Rendered:
    chapter: Chapter
    video: Path
    seconds: float  # time spent rendering (0 when reused)
    reused: bool
    shows_input: bool  # whether the chapter shows the chosen input


def default_environment(media: Path = MEDIA) -> dict[str, str]:
    """This process's environment without a chosen input or narration (the scenes' defaults), the
    voice cache shared by every chapter."""
    chosen = (ENV_DIGIT, ENV_IMAGE, ENV_IMAGE_PIXELS, ENV_LANG, *VOICE_ENVIRONMENT)
    env = {k: v for k, v in os.environ.items() if k not in chosen}
    env[ENV_VOICE_CACHE] = str(media / "voice")
    return env


# --- what a chapter's video depends on ---------------------------------------------------------
def input_key(chapter: Chapter, quality: str, env: Mapping[str, str]) -> str:
    """A fingerprint of the chapter's settings and data (its files, script and input are checked
    separately, from what its render recorded)."""
    voice = voice_from_environment(env).identity
    settings = [str(STAMP_VERSION), str(chapter.file), chapter.scene, quality, env.get(ENV_LANG) or DEFAULT_LANGUAGE,
                voice]
    digest = hashlib.sha256("|".join(settings).encode())
    for name in DATA_INPUTS:
        digest.update(name.encode())
        digest.update(_file_digest(ROOT / name).encode())
    return digest.hexdigest()


def _file_digest(path: Path) -> str:
    """sha256 of a file ('' when it is missing), remembered while the file's size and time stay the same."""
    try:
        stat = path.stat()
    except OSError:
        return ""
    mark = (str(path), stat.st_size, stat.st_mtime_ns)
    if mark not in _digests:
        _digests[mark] = hashlib.sha256(path.read_bytes()).hexdigest()
    return _digests[mark]


_digests: dict[tuple[str, int, int], str] = {}


def file_digests(paths: Sequence[str]) -> dict[str, str]:
    """sha256 of each file (paths relative to ROOT, or absolute); a missing file gets ''."""
    return {name: _file_digest(ROOT / name) for name in paths}


def source_digests(files: Sequence[str]) -> dict[str, str]:
    """sha256 of every Python file of the project and of ``files`` (relative to ROOT where inside it),
    taken before a render starts: the stamp records what the files were when the chapter read them."""
    skipped = {".venv", ".git", "media", "__pycache__", "node_modules"}
    paths = list(files)
    for folder, subfolders, names in os.walk(ROOT):
        subfolders[:] = [d for d in subfolders if d not in skipped and not d.startswith(".")]
        paths += [str((Path(folder) / f).relative_to(ROOT)) for f in names if f.endswith(".py")]
    return file_digests(paths)


def stamp_of(video: Path) -> dict[str, Any] | None:
    """What the video was rendered from (None when there is no readable stamp)."""
    try:
        return json.loads(video.with_suffix(".inputs").read_text())
    except (ValueError, OSError):
        return None


def is_up_to_date(video: Path, key: str, input_used: str) -> bool:
    """True when ``video`` was rendered for ``key`` and none of the files or script parts its process
    read has changed (and, if it shows the input, for input ``input_used``)."""
    record = stamp_of(video)
    if record is None or not video.is_file() or record.get("key") != key:
        return False
    if record.get("shows_input") and record.get("input") != input_used:
        return False
    scripts = record.get("scripts", {})
    return (file_digests(list(record.get("files", {}))) == record.get("files")
            and all(part_digest(*name.split("#", 1)) == digest for name, digest in scripts.items()))


# --- rendering -----------------------------------------------------------------------------------
def render_chapter(chapter: Chapter, quality: str, env: Mapping[str, str], media: Path = MEDIA,
                   stop: threading.Event | None = None, running: set[Any] | None = None) -> Rendered:
    """Render one chapter unless a video of it for these settings is up to date.

    Args:
        chapter: what to render.
        quality: a key of QUALITIES.
        env: the environment its process runs in (the input, language and voice are read from it).
        media: the media folder.
        stop: when set, no render starts and a running one is ended (RenderStoppedError).
        running: the chapter's process is kept in this set while it runs (to be stopped from outside).
    """
    key, chosen = input_key(chapter, quality, env), input_name(env)
    for shows_input in (False, True):
        video = video_path(chapter, quality, env, media, shows_input)
        if is_up_to_date(video, key, chosen):
            return Rendered(chapter, video, 0.0, True, shows_input)
    if stop is not None and stop.is_set():
        raise RenderStoppedError(f"chapter {chapter.number} not started")
    work = working_folder(chapter, media)
    args = ["render", "-q", QUALITIES[quality][0], "-v", "WARNING", "--progress_bar", "none", "--disable_caching",
            "--silent", "--media_dir", str(work), str(chapter.file), chapter.scene]
    work.mkdir(parents=True, exist_ok=True)
    log, record_file = work / "manim.log", work / "record.json"
    made = work / "videos" / chapter.file.stem / QUALITIES[quality][1] / f"{chapter.scene}.mp4"
    for old in (log, record_file, made, *(made.with_suffix(s) for s in SIDECARS)):
        old.unlink(missing_ok=True)
    start = time.perf_counter()
    sources = source_digests([_relative(chapter.file)])
    cwd = ROOT if chapter.number else chapter.file.parent
    process = _manim_processes().Process(
        target=_run_manim, args=(args, str(cwd), dict(env), str(log), str(shared_tex_folder(media)), str(record_file)))
    process.start()
    if running is not None:
        running.add(process)
    try:
        process.join()
    finally:
        if running is not None:
            running.discard(process)
    if stop is not None and stop.is_set():
        raise RenderStoppedError(f"chapter {chapter.number} stopped")
    if process.exitcode or not made.is_file() or not record_file.is_file():
        raise RenderError(f"chapter {chapter.number} ({chapter.title}) failed: {failure_line(log)}; "
                          f"full log: {_shown(log)}", log)
    record = json.loads(record_file.read_text())
    shows_input = bool(record["shows_input"])
    video = video_path(chapter, quality, env, media, shows_input)
    stamp = {
        "key": key,
        "files": {name: sources[name] if name in sources else file_digests([name])[name] for name in record["modules"]},
        "scripts": {f"{path}#{part}": part_digest(path, part) for path, part in record["scripts"]},
        "shows_input": shows_input,
        "input": chosen if shows_input else None,
    }
    _move_into_place(made, video, stamp)
    return Rendered(chapter, video, time.perf_counter() - start, False, shows_input)


def _move_into_place(made: Path, video: Path, stamp: dict[str, Any]) -> None:
    """Move a finished render (video and sidecars) to ``video``'s name, its stamp last: until the stamp
    is written the video counts as not rendered."""
    video.parent.mkdir(parents=True, exist_ok=True)
    video.with_suffix(".inputs").unlink(missing_ok=True)
    for suffix in (*SIDECARS, ".mp4"):
        source, target = made.with_suffix(suffix), video.with_suffix(suffix)
        if source.is_file():
            os.replace(source, target)
        else:
            target.unlink(missing_ok=True)  # a silent render must not keep an earlier render's sound
    made.with_suffix(".wav").unlink(missing_ok=True)  # manim's intermediate sound file
    video.with_suffix(".inputs").write_text(json.dumps(stamp, indent=1))


def render_chapters(
    chapters: Sequence[Chapter],
    quality: str,
    env: Mapping[str, str],
    jobs: int = 2,
    log: Callable[[str], None] = print,
    media: Path = MEDIA,
) -> list[Rendered]:
    """Render ``chapters`` with ``jobs`` manim processes at once, slowest first, logging progress;
    the result is in film order.

    Raises RenderError naming the first chapter that failed (the others are still finished). On
    Ctrl-C (KeyboardInterrupt) no queued chapter starts, running ones are stopped, finished ones are
    kept for the next run, and the KeyboardInterrupt goes on up.
    """
    start = time.perf_counter()
    results: dict[Chapter, Rendered] = {}
    failures: list[tuple[int, RenderError]] = []
    stop, running = threading.Event(), set[Any]()
    seconds = measured().get("render", {})
    slowest_first = sorted(chapters, key=lambda c: -seconds.get(str(c.number), 0))
    pool = ThreadPoolExecutor(max_workers=max(1, jobs))
    futures: dict[Future[Rendered], Chapter] = {}
    try:
        futures = {pool.submit(render_chapter, c, quality, env, media, stop, running): c for c in slowest_first}
        for future in as_completed(futures):
            chapter = futures[future]
            try:
                done = results[chapter] = future.result()
            except RenderError as exc:
                failures.append((chapter.number, exc))
                log(f"FAILED {exc}")
                continue
            elapsed = time.perf_counter() - start
            finished = len(results) + len(failures)
            left = elapsed / finished * (len(chapters) - finished)
            how = "unchanged, reused" if done.reused else f"rendered in {done.seconds:.1f} s"
            name = f"chapter {chapter.number}: {chapter.title_in(env.get(ENV_LANG) or DEFAULT_LANGUAGE)}" \
                if chapter.number else f"{chapter.scene} ({chapter.shown()})"
            log(f"[{finished}/{len(chapters)}] {name} ({how}); elapsed {elapsed:.0f} s, about {left:.0f} s left")
    except BaseException:
        stop.set()
        for future in futures:
            future.cancel()
        for process in list(running):
            process.terminate()
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    if failures:
        raise min(failures, key=lambda failure: failure[0])[1]
    return [results[c] for c in chapters]


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


def _relative(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def _shown(path: Path) -> str:
    return _relative(path)


def _manim_processes() -> Any:  # a multiprocessing context: forkserver, or spawn where there is none
    """Where chapter processes come from: forks of one process that has imported manim already."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOADED)
    return context


def _run_manim(args: list[str], cwd: str, env: dict[str, str], log: str, tex_folder: str, record: str) -> None:
    """In a chapter's own process: ``manim ARGS`` in ``cwd`` with environment ``env``, output to ``log``,
    formulas shared through ``tex_folder``; on success, what it read to ``record`` (source files,
    script parts, whether it showed the chosen input)."""
    with open(log, "wb") as output:
        os.dup2(output.fileno(), 1)
        os.dup2(output.fileno(), 2)
    os.chdir(cwd)
    os.environ.clear()
    os.environ.update(env)
    from manim.__main__ import main

    from scenes.content.digit_input import forget_input_use, input_was_used
    from scenes.content.narration import forget_parts_read, parts_read
    from scenes.runtime.manim_hooks import hooks_usable

    forget_input_use()  # what this chapter asks for, not what the process it was forked from did
    forget_parts_read()

    if hooks_usable():
        _share_compiled_tex(Path(tex_folder))
    try:
        main(args=args, prog_name="manim")
    except SystemExit as exit_:
        if exit_.code in (0, None):
            Path(record).write_text(json.dumps({"modules": source_modules(), "scripts": parts_read(),
                                                "shows_input": input_was_used()}))
        raise


def source_modules() -> list[str]:
    """The source files imported into this process that are not part of Python or its installed
    packages: the project's own, and a scene of yours with its helpers (relative to ROOT where inside it)."""
    installed = {Path(p).resolve() for p in (sys.prefix, sys.base_prefix, sysconfig.get_paths()["purelib"],
                                              sysconfig.get_paths()["platlib"])}
    files = set()
    for module in list(sys.modules.values()):
        path = getattr(module, "__file__", None)
        if not path or not path.endswith(".py"):
            continue
        path = Path(path).resolve()
        if any(path.is_relative_to(p) for p in installed) or ".venv" in path.parts:
            continue
        files.add(_relative(path))
    return sorted(files)


def _share_compiled_tex(folder: Path) -> None:
    """Let this process's MathTex reuse formulas that another chapter compiled (about 0.3 s of
    LaTeX each; a third of the film's formulas recur), and publish the ones it compiles.

    Each process still parses its own copy (manim writes scratch files beside the SVG it reads);
    a published SVG appears under its final name in one rename, so it is never read half-written.
    """
    from manim.mobject.text import tex_mobject
    from manim.utils import tex_file_writing

    from scenes.runtime.latex_format import use_preloaded_preamble

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

"""Render chapters with manim: in parallel, with progress, skipping chapters whose inputs are unchanged."""
from __future__ import annotations

import hashlib
import multiprocessing
import os
import shutil
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from .film import Chapter

ROOT = Path(__file__).resolve().parent.parent
MEDIA = ROOT / "media"
QUALITIES = {  # our name → (manim's flag, the folder manim writes to)
    "low": ("l", "480p15"),
    "medium": ("m", "720p30"),
    "high": ("h", "1080p60"),
    "4k": ("k", "2160p60"),
}
# what every chapter depends on besides its own file: a change here re-renders everything
SHARED_INPUTS = ("scenes/components", "nn", "assets/network.npz", "assets/mnist.npz", "requirements.txt")
#: seconds each chapter took at 480p15 (``python -m scenes.benchmark``): the slowest chapters
#: start first, so that the processes finish at about the same time
MEASURED_SECONDS = {1: 12, 2: 13, 3: 17, 4: 27, 5: 16, 6: 50, 7: 20, 8: 22, 9: 42, 10: 25, 11: 11, 12: 17}
#: imported once by the process that every chapter's manim process is forked from (about 1.5 s each)
PRELOADED = ["manim", "manim_slides", "scenes.components"]


class RenderError(RuntimeError):
    """A chapter failed to render; the message names it."""


def default_environment() -> dict[str, str]:
    """This process's environment without a chosen digit: the scenes show their default inputs."""
    from .components.digit_input import ENV_DIGIT, ENV_IMAGE

    return {k: v for k, v in os.environ.items() if k not in (ENV_DIGIT, ENV_IMAGE)}


@dataclass(frozen=True)
class Rendered:
    chapter: Chapter
    video: Path
    seconds: float  # time spent rendering (0 when reused)
    reused: bool


SLIDES_MODULE = "scenes/slides.py"  # each chapter again, as a manim-slides Slide
SLIDES_DIR = MEDIA / "slides"  # manim-slides writes its slides/ folder here


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


def input_key(chapter: Chapter, quality: str, env: dict[str, str], slides: bool = False) -> str:
    """A fingerprint of everything the chapter's video depends on."""
    from .components.digit_input import ENV_DIGIT, ENV_IMAGE

    digest = hashlib.sha256(f"{quality}|{slides}|{env.get(ENV_DIGIT, '')}|{env.get(ENV_IMAGE, '')}".encode())
    image = env.get(ENV_IMAGE)
    files = [ROOT / chapter.path, *([ROOT / SLIDES_MODULE] if slides else []), *([Path(image)] if image else [])]
    for name in SHARED_INPUTS:
        path = ROOT / name
        files.extend(sorted(path.rglob("*.py")) if path.is_dir() else [path])
    for path in files:
        digest.update(str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def render_chapter(
    chapter: Chapter, quality: str, env: dict[str, str], media: Path = MEDIA, slides: bool = False
) -> Rendered:
    """Render one chapter (or its slides) unless its video exists for exactly these inputs."""
    video = video_path(chapter, quality, media, slides)
    stamp = video.with_suffix(".inputs")
    key = input_key(chapter, quality, env, slides)
    if video.is_file() and stamp.is_file() and stamp.read_text() == key:
        return Rendered(chapter, video, 0.0, True)
    stamp.unlink(missing_ok=True)
    file, scene = scene_target(chapter, slides)
    args = ["render", "-q", QUALITIES[quality][0], "-v", "WARNING", "--progress_bar", "none", "--disable_caching",
            "--silent", "--media_dir", str(chapter_media(chapter, media, slides)), str(ROOT / file), scene]
    cwd = SLIDES_DIR if slides else ROOT
    cwd.mkdir(parents=True, exist_ok=True)
    log = chapter_media(chapter, media, slides) / "manim.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    process = _manim_processes().Process(
        target=_run_manim, args=(args, str(cwd), env, str(log), str(shared_tex_folder(media))))
    process.start()
    process.join()
    if process.exitcode or not video.is_file():
        tail = "\n".join(log.read_text(errors="replace").strip().splitlines()[-15:])
        raise RenderError(f"chapter {chapter.number} ({chapter.title}) failed to render:\n{tail}")
    stamp.write_text(key)
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
                log(f"FAILED chapter {chapter.number}: {chapter.title}")
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


def _manim_processes() -> multiprocessing.context.BaseContext:
    """Where chapter processes come from: forks of one process that has imported manim already."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOADED)
    return context


def _run_manim(args: list[str], cwd: str, env: dict[str, str], log: str, tex_folder: str) -> None:
    """In a chapter's own process: ``manim ARGS`` in ``cwd`` with environment ``env``, output to ``log``,
    formulas shared through ``tex_folder``."""
    with open(log, "wb") as output:
        os.dup2(output.fileno(), 1)
        os.dup2(output.fileno(), 2)
    os.chdir(cwd)
    os.environ.clear()
    os.environ.update(env)
    _share_compiled_tex(Path(tex_folder))
    from manim.__main__ import main

    main(args=args, prog_name="manim")  # exits with manim's exit status


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

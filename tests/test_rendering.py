"""Rendering chapters: each in its own process, a failure named in one line, reused exactly when
nothing it used changed, kept under a name that says what it holds, stopped by Ctrl-C within seconds."""
import json
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import av
import pytest

from scenes.film.chapters import CHAPTERS, Chapter
from scenes.film.outputs import ANY_INPUT, video_path, working_folder
from scenes.film.paths import ROOT
from scenes.film.rendering import (
    RenderError,
    failure_line,
    input_key,
    is_up_to_date,
    render_chapters,
    render_lock,
    shared_tex_folder,
)

TINY = ROOT / "tests" / "support" / "tiny_scenes.py"
SILENT = {**os.environ, "NN_VOICE": "none"}


def tiny(scene: str, number: int = 0) -> Chapter:
    return Chapter(number, TINY, scene)


def test_input_key_depends_on_quality_voice_and_language():
    chapter = CHAPTERS[0]
    base = input_key(chapter, "low", SILENT)
    assert base == input_key(chapter, "low", SILENT)
    assert base != input_key(chapter, "high", SILENT)
    assert base != input_key(chapter, "low", {**SILENT, "NN_LANG": "xx"})
    assert base != input_key(chapter, "low", {**SILENT, "NN_VOICE": "piper"})
    assert base == input_key(chapter, "low", {**SILENT, "NN_DIGIT": "5"})  # the input is checked from the record


def test_outputs_are_named_by_what_they_hold():
    default, silent = SILENT | {"NN_VOICE": "piper"}, SILENT
    paths = {video_path(CHAPTERS[3], "low", env) for env in
             (default, silent, {**default, "NN_DIGIT": "11"}, {**default, "NN_LANG": "ko"})}
    paths |= {video_path(CHAPTERS[3], "high", default), video_path(CHAPTERS[3], "low", default, shows_input=False)}
    assert len(paths) == 6
    assert video_path(CHAPTERS[3], "low", default).parts[-4:] == (
        "ch04_layers", "480p15-en-piper", "default", "IntroducingLayers.mp4")
    assert video_path(CHAPTERS[3], "low", {**silent, "NN_DIGIT": "11"}).parts[-3:-1] == ("480p15-en-silent", "digit-11")
    assert video_path(CHAPTERS[4], "low", default, shows_input=False).parts[-2] == ANY_INPUT


def test_parallel_chapters_never_share_a_manim_media_folder():
    scenes = [tiny(s, n) for n in (0, 101) for s in ("TinyCircle", "TinyInput")]  # one file, two scenes
    folders = [working_folder(c) for c in [*CHAPTERS, *scenes]]
    assert len(set(folders)) == len(folders)


def test_a_failure_is_one_line_with_the_path_of_its_log(tmp_path):
    log = tmp_path / "manim.log"
    log.write_text("Manim Community v0.21.0\n╭─── Traceback ───╮\n│ x │\n╰─────────────────╯\n"
                   "ValueError: this chapter is broken on purpose\n")
    assert failure_line(log) == "ValueError: this chapter is broken on purpose"


@pytest.mark.render
def test_chapters_render_in_their_own_processes_and_a_failure_is_named(tmp_path):
    good, broken = tiny("TinyCircle", 101), tiny("Broken", 102)
    log: list[str] = []
    first = render_chapters([good], "low", {**SILENT, "TINY_MARK": "marked"}, jobs=2, media=tmp_path, log=log.append)
    assert not first[0].reused and first[0].video == video_path(good, "low", SILENT, tmp_path, shows_input=False)
    with av.open(str(first[0].video)) as container:
        assert container.streams.video[0].frames == 8  # 0.5 s at 15 fps
    seen = next(working_folder(good, tmp_path).rglob("seen.txt")).read_text()
    assert seen == f"{ROOT}\nmarked"  # its folder and environment
    shared = list(shared_tex_folder(tmp_path).iterdir())  # its formula, for other chapters to reuse
    assert len([f for f in shared if f.suffix == ".svg"]) == 1
    assert [f.suffix for f in shared if f.suffix != ".svg"] == [".fmt"]  # and the preamble, preloaded
    with pytest.raises(RenderError) as failure:
        render_chapters([good, broken], "low", SILENT, jobs=2, media=tmp_path, log=log.append)
    message = str(failure.value)
    assert message.startswith("chapter 102 (") and "ValueError: this chapter is broken on purpose" in message
    assert "\n" not in message and "full log: " in message and message.endswith("manim.log")
    assert any("unchanged, reused" in line for line in log)  # the good one: its inputs are the same


@pytest.mark.render
def test_editing_any_module_a_chapter_imported_re_renders_it(tmp_path):
    """The reuse check covers what the chapter's process really imported (not a hand-kept list)."""
    good = tiny("TinyCircle", 101)
    render_chapters([good], "low", SILENT, media=tmp_path, log=lambda _: None)
    video, key = video_path(good, "low", SILENT, tmp_path, shows_input=False), input_key(good, "low", SILENT)
    recorded = json.loads(video.with_suffix(".inputs").read_text())["files"]
    assert "tests/support/tiny_scenes.py" in recorded
    assert "scenes/components/captions.py" in recorded and "nn/network.py" in recorded
    assert is_up_to_date(video, key, "default")
    module = ROOT / "scenes" / "content" / "narration.py"  # imported by the scene's base class
    assert "scenes/content/narration.py" in recorded
    backup = module.read_bytes()
    try:
        module.write_bytes(backup + b"\n# edited\n")
        assert not is_up_to_date(video, key, "default")
    finally:
        module.write_bytes(backup)
    assert is_up_to_date(video, key, "default")


@pytest.mark.render
def test_a_module_edited_while_its_chapter_renders_is_not_taken_as_rendered(tmp_path):
    """The video was made from the module as it was when the render started: the edit must show."""
    edited = ROOT / "tests" / "support" / "edited_during_render.py"
    edited.write_text("VALUE = 1\n")
    try:
        chapter = tiny("EditedWhileRendering", 103)
        env = {**SILENT, "TINY_EDITED": "tests.support.edited_during_render"}
        render_chapters([chapter], "low", env, media=tmp_path, log=lambda _: None)
        log: list[str] = []
        render_chapters([chapter], "low", env, media=tmp_path, log=log.append)
        assert not any("unchanged, reused" in line for line in log), "a video of the old module was reused"
    finally:
        edited.unlink()


@pytest.mark.render
def test_a_chapter_that_shows_the_input_is_kept_per_input_and_one_that_does_not_is_shared(tmp_path):
    shows, plain = tiny("TinyInput", 104), tiny("TinyCircle", 101)
    first = render_chapters([shows, plain], "low", SILENT, media=tmp_path, log=lambda _: None)
    assert [r.shows_input for r in first] == [True, False]
    assert first[0].video.parent.name == "default" and first[1].video.parent.name == ANY_INPUT
    log: list[str] = []
    second = render_chapters([shows, plain], "low", {**SILENT, "NN_DIGIT": "11"}, media=tmp_path, log=log.append)
    assert [r.reused for r in second] == [False, True]  # only the one showing the input renders again
    assert second[0].video.parent.name == "digit-11" and first[0].video.is_file()  # the default one is kept
    third = render_chapters([shows], "low", SILENT, media=tmp_path, log=log.append)
    assert third[0].reused and third[0].video == first[0].video  # switching back renders nothing


@pytest.mark.render
def test_editing_one_chapters_words_re_renders_that_chapter_alone(tmp_path, monkeypatch):
    """A chapter depends on its own part of the script, not the whole file."""
    script = tmp_path / "words.toml"
    script.write_text('[a]\ntitle = "A"\n[[a.beats]]\nid = "x"\ncaption = "A"\nsay = "Ay."\n'
                      '[b]\ntitle = "B"\n[[b.beats]]\nid = "x"\ncaption = "B"\nsay = "Bee."\n')
    scene_file = tmp_path / "two.py"
    scene_file.write_text(
        "from manim import Circle, Create\nfrom scenes.runtime import NarratedScene\n\n"
        "class a(NarratedScene):\n    narration = 'words.toml'\n\n    def construct(self):\n"
        "        with self.beat('x'):\n            self.play(Create(Circle()), run_time=0.2)\n\n"
        "class b(a):\n    pass\n")
    chapters = [Chapter(0, scene_file, "a"), Chapter(0, scene_file, "b")]
    render_chapters(chapters, "low", SILENT, media=tmp_path / "media", log=lambda _: None)
    script.write_text(script.read_text().replace("Bee.", "Bee, again."))
    again = render_chapters(chapters, "low", SILENT, media=tmp_path / "media", log=lambda _: None)
    assert [r.reused for r in again] == [True, False]


def _hold_lock(media: str, seconds: float, ready) -> None:
    with render_lock(Path(media), log=lambda _: None):
        ready.set()
        time.sleep(seconds)


def test_a_second_render_in_the_same_folder_waits_and_says_so(tmp_path):
    context = multiprocessing.get_context("spawn")
    ready = context.Event()
    holder = context.Process(target=_hold_lock, args=(str(tmp_path), 1.5, ready))
    holder.start()
    assert ready.wait(30)
    said: list[str] = []
    start = time.perf_counter()
    with render_lock(tmp_path, log=said.append):
        waited = time.perf_counter() - start
    holder.join()
    assert waited > 0.5, "it waited for the first render"
    assert len(said) == 1 and said[0].startswith("waiting: process ") and "is rendering in" in said[0]
    shutil.rmtree(tmp_path, ignore_errors=True)


def _as_from_a_terminal() -> None:
    """Ctrl-C's default action, as a command started from a terminal has it (a test run started in the
    background, as CI may start it, passes SIGINT on ignored, and Python then never raises KeyboardInterrupt)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.render
def test_ctrl_c_stops_within_seconds_keeps_finished_chapters_and_starts_no_queued_one(tmp_path):
    """SIGINT to the command's process group (as a terminal sends it) while a slow chapter renders."""
    quick, *slow = [f"{TINY}:TinyCircle", f"{TINY}:Sleeper", f"{TINY}:Broken"]
    command = [sys.executable, "-m", "scenes", quick, *slow, "--jobs", "1", "--voice", "none",
               "--media", str(tmp_path / "media")]
    asleep = tmp_path / "asleep"
    env = {**os.environ, "TINY_SLEEP": "60", "TINY_ASLEEP": str(asleep), "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True, start_new_session=True, preexec_fn=_as_from_a_terminal)
    lines = []
    for line in process.stdout:  # the quick one is done; the sleeper (then the broken one) is queued
        lines.append(line)
        if "[1/3]" in line:
            break
    waited = time.perf_counter()
    while not asleep.is_file() and time.perf_counter() - waited < 60:  # the sleeper is rendering now
        time.sleep(0.1)
    assert asleep.is_file(), f"the slow chapter never started: {''.join(lines)}"
    os.killpg(process.pid, signal.SIGINT)
    start = time.perf_counter()
    rest, _ = process.communicate(timeout=50)
    said = "".join(lines) + rest
    assert time.perf_counter() - start < 15, f"it stopped within seconds, not when the 60 s chapter ended: {said}"
    assert process.returncode == 130 and "interrupted: finished chapters are kept" in rest, said
    media = tmp_path / "media"
    assert "Broken" not in rest and not any(media.glob("scenes/tiny_scenes-Broken-*")), "no queued chapter started"
    assert list(media.glob("scenes/tiny_scenes-TinyCircle-*/*/*/TinyCircle.inputs")), said  # the finished one is kept
    again = subprocess.run([sys.executable, "-m", "scenes", quick, "--voice", "none", "--media", str(media)],
                           cwd=ROOT, capture_output=True, text=True, check=True)
    assert "unchanged, reused" in again.stdout
    chapter_process = Path("/proc") / asleep.read_text()
    assert not chapter_process.exists() or "\nState:\tZ" in (chapter_process / "status").read_text(), \
        "no chapter process left running"


def test_formulas_compile_with_the_preamble_preloaded_into_the_same_svg(tmp_path):
    import subprocess

    from scenes.runtime.latex_format import DOCUMENT, build_format, default_preamble

    preamble = default_preamble()
    fmt = build_format(tmp_path, preamble)
    assert fmt is not None and fmt.is_file() and build_format(tmp_path, preamble) == fmt  # built once
    svgs = []
    for name, extra in (("plain", []), ("preloaded", [f"-fmt={fmt.with_suffix('')}"])):
        tex = tmp_path / f"{name}.tex"
        tex.write_text(preamble + DOCUMENT + "\n\\begin{align*}a^{(1)} = 0.75\\end{align*}\n\\end{document}\n")
        subprocess.run(["latex", *extra, "-interaction=batchmode", "-halt-on-error", tex.name], cwd=tmp_path,
                       check=True, capture_output=True)
        subprocess.run(["dvisvgm", f"{name}.dvi", "-n", "-v", "0", "-o", f"{name}.svg"], cwd=tmp_path, check=True)
        svgs.append((tmp_path / f"{name}.svg").read_bytes())
    assert svgs[0] == svgs[1] and b"<path" in svgs[0]


def test_only_formulas_with_the_default_preamble_are_compiled_with_it(tmp_path, monkeypatch):
    from manim.utils import tex_file_writing

    from scenes.runtime.latex_format import DOCUMENT, default_preamble, use_preloaded_preamble

    monkeypatch.setattr(tex_file_writing, "make_tex_compilation_command", tex_file_writing.make_tex_compilation_command)
    use_preloaded_preamble(tmp_path)
    default, other = tmp_path / "default.tex", tmp_path / "other.tex"
    default.write_text(default_preamble() + DOCUMENT + "x\\end{document}")
    other.write_text("\\documentclass{article}\\usepackage{xcolor}\n" + DOCUMENT + "x\\end{document}")
    command = tex_file_writing.make_tex_compilation_command
    assert any(a.startswith("-fmt=") for a in command("latex", ".dvi", default, tmp_path))
    assert not any(a.startswith("-fmt=") for a in command("latex", ".dvi", other, tmp_path))
    assert not any(a.startswith("-fmt=") for a in command("xelatex", ".xdv", default, tmp_path))


def test_a_format_that_cannot_be_built_is_said_and_formulas_still_compile(tmp_path, monkeypatch, capsys):
    from manim.utils import tex_file_writing

    from scenes.runtime import latex_format

    monkeypatch.setattr(tex_file_writing, "make_tex_compilation_command", tex_file_writing.make_tex_compilation_command)
    before = tex_file_writing.make_tex_compilation_command
    monkeypatch.setattr(latex_format, "build_format", lambda folder, preamble: None)
    latex_format.use_preloaded_preamble(tmp_path)
    assert "formulas compile the slow way" in capsys.readouterr().err
    assert tex_file_writing.make_tex_compilation_command is before  # manim's own, untouched

"""The command line and the film: clear errors, chapter markers, sound and subtitles, no partial
films, chapters re-rendered exactly when something they use changed, one render per folder."""
import json
import multiprocessing
import os
import re
import shutil
import time
from pathlib import Path

import av
import numpy as np
import pytest
import srt

from scenes.chapters import CHAPTERS, Chapter
from scenes.pipeline import cli
from scenes.pipeline.assemble import assemble_film, read_chapters, video_seconds
from scenes.pipeline.paths import ROOT
from scenes.pipeline.rendering import (
    RenderError,
    chapter_media,
    failure_line,
    input_key,
    is_up_to_date,
    render_chapters,
    render_lock,
    shared_tex_folder,
    video_path,
)
from scenes.pipeline.voice import SAMPLE_RATE, write_wav

TINY = "tests.scenes_for_tests.tiny_chapters"
SILENT = {**os.environ, "NN_VOICE": "none"}


@pytest.mark.parametrize("argv, message", [
    (["NoSuchScene"], "unknown scene 'NoSuchScene'"),
    (["--digit", "10000"], "between 0 and 9999"),
    (["--digit", "-1"], "between 0 and 9999"),
    (["--image", "/no/such/file.png"], "image not found"),
    (["--quality", "ultra"], "invalid choice"),
    (["--digit", "3", "--image", "x.png"], "not allowed with"),
    (["--jobs", "0"], "at least 1"),
    (["--voice", "robot"], "invalid choice"),
    (["--lang", "xx"], "no narration in language 'xx'"),
    (["--voice-dir", "/no/such/folder"], "is not a folder"),
    (["--voice-model", "/no/such/voice.onnx"], "voice file not found"),
    (["--voice", "none", "--voice-model", "/x.onnx"], "needs --voice piper"),
    (["--digit", "3", "--show-input"], "--show-input needs --image"),
])
def test_bad_input_is_one_error_line_and_exit_2(argv, message, capsys):
    assert cli.main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and err.startswith("error: ")


def test_a_file_that_is_not_an_image_is_refused(tmp_path, capsys):
    bogus = tmp_path / "digit.png"
    bogus.write_text("hello")
    assert cli.main(["--image", str(bogus)]) == 2
    assert "error: " in capsys.readouterr().err


def test_a_recording_that_is_not_a_wav_is_refused_before_rendering(tmp_path, capsys):
    (tmp_path / "ch01.sloppy-digit.wav").write_text("not sound")
    assert cli.main(["--voice-dir", str(tmp_path), "1"]) == 2
    err = capsys.readouterr().err
    assert "ch01.sloppy-digit.wav" in err and err.count("\n") == 1


def test_list_shows_every_chapter_in_film_order(capsys):
    assert cli.main(["--list"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert [int(line.split()[0]) for line in lines] == list(range(1, 13))
    assert "Introduction example" in lines[0] and "ReLU vs Sigmoid" in lines[-1]


def test_chapters_are_found_by_number_name_or_file():
    assert cli.find_chapter("4") is cli.find_chapter("IntroducingLayers") is cli.find_chapter("ch04_layers")


def test_digit_choice_prints_the_networks_reading(capsys):
    import nn

    env = cli.input_environment(cli.parser().parse_args(["--digit", "0"]), {})
    assert env["NN_DIGIT"] == "0"
    assert f"reads {nn.load_pretrained().predict(nn.test_image(0)[0])} (output " in capsys.readouterr().out


def test_show_input_writes_the_picture_beside_what_the_network_gets(tmp_path, monkeypatch, capsys):
    from PIL import Image

    import nn

    pixels, label = nn.test_image(18)
    paper = Image.fromarray(np.round(255 - 255 * pixels.reshape(28, 28)).astype(np.uint8)).resize((300, 300))
    photo = tmp_path / "my digit.png"
    paper.save(photo)
    monkeypatch.setattr(cli, "MEDIA", tmp_path / "media")
    assert cli.main(["--image", str(photo), "--show-input"]) == 0
    out = capsys.readouterr().out
    seen = nn.load_image(photo)
    output = nn.load_pretrained().forward(seen)
    top3 = np.argsort(output)[::-1][:3]
    assert f"input: my digit.png; the network reads {top3[0]} (output {output[top3[0]]:.2f}); next {top3[1]} " in out
    preview = np.asarray(Image.open(tmp_path / "media" / "input" / "my digit-input.png").convert("L"), float) / 255
    shown = preview[5::10, -280 + 5::10]  # the centre of each of the input's 28×28 pixels, shown 10× big
    np.testing.assert_allclose(shown, seen.reshape(28, 28), atol=1 / 255)
    assert "wrote " in out and not list((tmp_path / "media").glob("film*"))  # nothing rendered


def test_input_key_depends_on_quality_input_voice_and_language():
    chapter = CHAPTERS[0]
    base = input_key(chapter, "low", SILENT)
    assert base == input_key(chapter, "low", SILENT)
    assert base != input_key(chapter, "high", SILENT)
    assert base != input_key(chapter, "low", {**SILENT, "NN_DIGIT": "5"})
    assert base != input_key(chapter, "low", SILENT, slides=True)
    assert base != input_key(chapter, "low", {**SILENT, "NN_VOICE": "piper"})


# --- the film ------------------------------------------------------------------------------------
def write_chapter(folder: Path, name: str, seconds: int, shade: int, sentences: list[tuple[float, float, str]],
                  fps: int = 10) -> Path:
    """A tiny chapter video, with a narration track (a tone while each sentence is said) and its timing."""
    path = folder / f"{name}.mp4"
    with av.open(str(path), "w") as out:
        stream = out.add_stream("libx264", rate=fps)
        stream.width, stream.height, stream.pix_fmt = 64, 48, "yuv420p"
        for _ in range(seconds * fps):
            frame = av.VideoFrame.from_ndarray(np.full((48, 64, 3), shade, np.uint8), format="rgb24")
            out.mux(stream.encode(frame))
        out.mux(stream.encode())
    track = np.zeros(seconds * SAMPLE_RATE, np.float32)
    for start, end, _ in sentences:
        track[int(start * SAMPLE_RATE):int(end * SAMPLE_RATE)] = 0.3
    write_wav(path.with_suffix(".narration.wav"), track)
    beats = [{"key": f"{name}.b", "caption": "c", "start": 0.0, "end": float(seconds),
              "sentences": [{"text": t, "start": s, "end": e} for s, e, t in sentences]}]
    path.with_suffix(".beats.json").write_text(json.dumps({"chapter": name, "duration": seconds, "beats": beats}))
    return path


def test_film_is_the_chapters_in_order_with_markers_sound_and_subtitles(tmp_path):
    a = write_chapter(tmp_path, "a", 2, 40, [(0.1, 0.9, "One."), (1.2, 1.8, "Two.")])
    b = write_chapter(tmp_path, "b", 3, 200, [(0.5, 2.0, "Three.")])
    film = tmp_path / "film.mp4"
    marks = assemble_film([("One", a), ("Two", b)], film)
    assert [m.title for m in marks] == ["One", "Two"]
    assert [(m.title, m.start, m.end) for m in read_chapters(film)] == [
        ("One", pytest.approx(0), pytest.approx(2, abs=0.05)),
        ("Two", pytest.approx(2, abs=0.05), pytest.approx(5, abs=0.05))]
    assert video_seconds(film) == pytest.approx(5, abs=0.1)
    with av.open(str(film)) as container:
        sound = container.streams.audio[0]
        samples = np.concatenate([f.to_ndarray()[0] for f in container.decode(sound)])
    loud = np.flatnonzero(np.abs(samples) > 0.1) / SAMPLE_RATE
    assert loud[0] == pytest.approx(0.1, abs=0.01) and loud[-1] == pytest.approx(4.0, abs=0.03)  # b's tone moved by 2 s
    cues = list(srt.parse(film.with_suffix(".srt").read_text()))
    assert [c.content for c in cues] == ["One.", "Two.", "Three."]
    assert cues[2].start.total_seconds() == pytest.approx(2.5, abs=0.05)
    assert all(c.end <= d.start for c, d in zip(cues, cues[1:])), "cues never overlap"
    vtt = film.with_suffix(".vtt").read_text()
    assert vtt.startswith("WEBVTT") and "00:00:02.500 --> 00:00:04.000" in vtt


def test_a_film_of_unchanged_parts_is_kept_and_a_changed_part_remakes_it(tmp_path):
    a = write_chapter(tmp_path, "a", 1, 40, [(0.1, 0.5, "One.")])
    b = write_chapter(tmp_path, "b", 1, 200, [(0.1, 0.5, "Two.")])
    film = tmp_path / "film.mp4"
    assemble_film([("One", a), ("Two", b)], film)
    written = film.stat().st_mtime_ns
    assert [m.title for m in assemble_film([("One", a), ("Two", b)], film)] == ["One", "Two"]
    assert film.stat().st_mtime_ns == written, "an unchanged film is not written again"
    write_chapter(tmp_path, "b", 2, 200, [(0.1, 0.5, "Two, longer.")])  # chapter b rendered again
    marks = assemble_film([("One", a), ("Two", b)], film)
    assert film.stat().st_mtime_ns != written and marks[-1].end == pytest.approx(3, abs=0.05)
    assert "Two, longer." in film.with_suffix(".srt").read_text()


def test_a_failed_assembly_leaves_the_earlier_film(tmp_path):
    a = write_chapter(tmp_path, "a", 1, 40, [(0.1, 0.5, "One.")])
    film = tmp_path / "film.mp4"
    assemble_film([("One", a)], film)
    before = film.read_bytes()
    with pytest.raises(FileNotFoundError):
        assemble_film([("One", a), ("Missing", tmp_path / "missing.mp4")], film)
    assert film.read_bytes() == before
    assert not list(tmp_path.glob("*partial*"))


# --- rendering chapters in their own processes ---------------------------------------------------
def test_parallel_chapters_never_share_a_manim_media_folder():
    folders = [chapter_media(c) for c in CHAPTERS] + [chapter_media(c, slides=True) for c in CHAPTERS]
    assert len(set(folders)) == len(folders)


def test_a_failure_is_one_line_with_the_path_of_its_log(tmp_path):
    log = tmp_path / "manim.log"
    log.write_text("Manim Community v0.21.0\n╭─── Traceback ───╮\n│ x │\n╰─────────────────╯\n"
                   "ValueError: this chapter is broken on purpose\n")
    assert failure_line(log) == "ValueError: this chapter is broken on purpose"


@pytest.mark.render
def test_chapters_render_in_their_own_processes_and_a_failure_is_named(tmp_path):
    good, broken = Chapter(101, "0:00", TINY, "TinyCircle"), Chapter(102, "0:00", TINY, "Broken")
    log: list[str] = []
    first = render_chapters([good], "low", {**SILENT, "TINY_MARK": "marked"}, jobs=2, media=tmp_path, log=log.append)
    assert [r.video for r in first] == [video_path(good, "low", tmp_path)] and not first[0].reused
    with av.open(str(first[0].video)) as container:
        assert container.streams.video[0].frames == 8  # 0.5 s at 15 fps
    assert (first[0].video.parent / "seen.txt").read_text() == f"{ROOT}\nmarked"  # its folder and environment
    shared = list(shared_tex_folder(tmp_path).iterdir())  # its formula, for other chapters to reuse
    assert len([f for f in shared if f.suffix == ".svg"]) == 1
    assert [f.suffix for f in shared if f.suffix != ".svg"] == [".fmt"]  # and the preamble, preloaded
    with pytest.raises(RenderError) as failure:
        render_chapters([good, broken], "low", SILENT, jobs=2, media=tmp_path, log=log.append)
    message = str(failure.value)
    assert message.startswith("chapter 102 (") and "ValueError: this chapter is broken on purpose" in message
    assert "\n" not in message and "full log: " in message and message.endswith("manim.log")
    assert any("chapter 101" in line and "unchanged, reused" in line for line in log)  # its inputs are the same


@pytest.mark.render
def test_editing_any_module_a_chapter_imported_re_renders_it(tmp_path, monkeypatch):
    """The reuse check covers what the chapter's process really imported (not a hand-kept list)."""
    good = Chapter(101, "0:00", TINY, "TinyCircle")
    render_chapters([good], "low", SILENT, media=tmp_path, log=lambda _: None)
    video, key = video_path(good, "low", tmp_path), input_key(good, "low", SILENT)
    recorded = json.loads(video.with_suffix(".inputs").read_text())["files"]
    assert "tests/scenes_for_tests/tiny_chapters.py" in recorded
    assert "scenes/components/captions.py" in recorded and "nn/network.py" in recorded
    assert is_up_to_date(video, key)
    module = ROOT / "scenes" / "content" / "narration.py"  # imported by the chapter's base class
    assert "scenes/content/narration.py" in recorded
    backup = module.read_bytes()
    try:
        module.write_bytes(backup + b"\n# edited\n")
        assert not is_up_to_date(video, key)
    finally:
        module.write_bytes(backup)
    assert is_up_to_date(video, key)


@pytest.mark.render
def test_a_module_edited_while_its_chapter_renders_is_not_taken_as_rendered(tmp_path):
    """The video was made from the module as it was when the render started: the edit must show."""
    edited = ROOT / "tests" / "scenes_for_tests" / "edited_during_render.py"
    edited.write_text("VALUE = 1\n")
    try:
        chapter = Chapter(103, "0:00", TINY, "EditedWhileRendering")
        env = {**SILENT, "TINY_EDITED": "tests.scenes_for_tests.edited_during_render"}
        render_chapters([chapter], "low", env, media=tmp_path, log=lambda _: None)
        log: list[str] = []
        render_chapters([chapter], "low", env, media=tmp_path, log=log.append)
        assert not any("unchanged, reused" in line for line in log), "a video of the old module was reused"
    finally:
        edited.unlink()


def test_chapters_do_not_import_each_other():
    """Each chapter imported alone (the others forgotten first) brings no other chapter with it."""
    import subprocess
    import sys

    code = ("import importlib, sys\n"
            f"for name in {[c.module for c in CHAPTERS]!r}:\n"
            "    for loaded in [m for m in sys.modules if m.startswith('scenes.chapters.ch')]:\n"
            "        del sys.modules[loaded]\n"
            "    importlib.import_module(name)\n"
            "    print(name, *[m for m in sys.modules if m.startswith('scenes.chapters.ch') and m != name])\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    lines = out.splitlines()
    assert len(lines) == len(CHAPTERS)
    for line in lines:
        chapter, *others = line.split()
        assert not others, f"{chapter} imports {others}"


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


@pytest.mark.render
def test_slides_are_the_title_then_one_per_beat_with_its_narration_as_notes(tmp_path, monkeypatch):
    from manim import tempconfig
    from manim_slides import Slide
    from scenes_for_tests.tiny_chapters import TINY_SCRIPT, TinyNarrated

    from scenes.pipeline.slides import convert

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NN_VOICE", "none")
    slides = type("TinyNarratedSlides", (TinyNarrated, Slide), {"skip_reversing": True})
    with tempconfig({"media_dir": str(tmp_path / "media"), "pixel_width": 256, "pixel_height": 144, "frame_rate": 5,
                     "verbosity": "ERROR", "progress_bar": "none"}):
        slides().render()
    html = tmp_path / "tiny.html"
    convert(tmp_path / "slides", ["TinyNarratedSlides"], html, "html", dict(os.environ))
    text = html.read_text()
    assert text.count("data-background-video=") == 1 + len(TINY_SCRIPT.beats)
    assert text.count('<aside class="notes" data-markdown') == 1 + len(TINY_SCRIPT.beats)
    notes = re.findall(r'<aside class="notes" data-markdown[^>]*>\s*(.*?)\s*</aside>', text, re.S)
    assert notes == [TINY_SCRIPT.title, "A tiny chapter speaks. Here is a circle.", "Now a square, number 7."]


@pytest.mark.render
def test_chapters_with_held_frames_join_without_gaps(render_tiny, tmp_path, monkeypatch):
    from scenes_for_tests.tiny_chapters import TinyNarrated

    monkeypatch.setenv("NN_VOICE", "none")
    video = render_tiny(TinyNarrated).video  # its waits are held frames, written once at each end
    film = tmp_path / "film.mp4"
    marks = assemble_film([("One", video), ("Two", video)], film)
    length = video_seconds(video)
    assert [(m.start, m.end) for m in marks] == [(0, pytest.approx(length, abs=1e-3)),
                                                 (pytest.approx(length, abs=1e-3), pytest.approx(2 * length, abs=1e-3))]
    assert video_seconds(film) == pytest.approx(2 * length, abs=0.07)


def test_formulas_compile_with_the_preamble_preloaded_into_the_same_svg(tmp_path):
    import subprocess

    from scenes.pipeline.latex_format import DOCUMENT, build_format, default_preamble

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

    from scenes.pipeline.latex_format import DOCUMENT, default_preamble, use_preloaded_preamble

    monkeypatch.setattr(tex_file_writing, "make_tex_compilation_command", tex_file_writing.make_tex_compilation_command)
    use_preloaded_preamble(tmp_path)
    default, other = tmp_path / "default.tex", tmp_path / "other.tex"
    default.write_text(default_preamble() + DOCUMENT + "x\\end{document}")
    other.write_text("\\documentclass{article}\\usepackage{xcolor}\n" + DOCUMENT + "x\\end{document}")
    command = tex_file_writing.make_tex_compilation_command
    assert any(a.startswith("-fmt=") for a in command("latex", ".dvi", default, tmp_path))
    assert not any(a.startswith("-fmt=") for a in command("latex", ".dvi", other, tmp_path))
    assert not any(a.startswith("-fmt=") for a in command("xelatex", ".xdv", default, tmp_path))

"""The command line: every bad input is one clear line and exit status 2 before anything renders;
--list, --script and --help answer without loading manim; --debug shows what is behind an error."""
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from scenes.film import cli
from scenes.film.chapters import CHAPTERS, measured
from scenes.film.paths import ROOT

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
    (["--slides", "pdf"], "unknown format 'pdf' for --slides (have: html, pptx)"),
    (["--slides", "pptx", "99"], "unknown scene '99'"),
    (["--slides", "3", "NoSuchScene"], "unknown scene 'NoSuchScene'"),
    (["--list", "4"], "--list takes no scenes (got 4)"),
    (["--script", "--lang", "xx"], "no narration in language 'xx'"),
    (["/no/such/scene.py:MyScene"], "scene file not found: /no/such/scene.py"),
    (["--media", "/proc/no-media-here"], "cannot write to the media folder /proc/no-media-here"),
])
def test_bad_input_is_one_error_line_and_exit_2(argv, message, capsys):
    assert cli.main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and err.startswith("error: ")


def test_debug_shows_the_traceback_behind_the_one_line(capsys):
    assert cli.main(["--digit", "10000", "--debug"]) == 2
    err = capsys.readouterr().err
    assert "Traceback (most recent call last)" in err and err.rstrip().splitlines()[-1].startswith("error: ")


def test_a_file_that_is_not_an_image_is_refused(tmp_path, capsys):
    bogus = tmp_path / "digit.png"
    bogus.write_text("hello")
    assert cli.main(["--image", str(bogus), "--media", str(tmp_path / "media")]) == 2
    assert "error: " in capsys.readouterr().err


def test_a_recording_that_is_not_a_wav_is_refused_before_rendering(tmp_path, capsys):
    (tmp_path / "ch01.sloppy-digit.wav").write_text("not sound")
    assert cli.main(["--voice-dir", str(tmp_path), "1", "--media", str(tmp_path / "media")]) == 2
    err = capsys.readouterr().err
    assert "ch01.sloppy-digit.wav" in err and err.count("\n") == 1


def test_list_shows_every_chapter_in_film_order_with_our_own_start_times(capsys):
    assert cli.main(["--list"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()[1:]
    assert [int(line.split()[0]) for line in lines] == list(range(1, 13))
    assert "Introduction example" in lines[0] and "ReLU vs Sigmoid" in lines[-1]
    lengths = measured()["length"]
    second = int(lengths["1"])
    assert lines[1].split()[1] == f"{second // 60}:{second % 60:02d}"  # where chapter 2 starts in our film


def test_chapters_are_found_by_number_name_or_file():
    assert cli.find_chapter("4") is cli.find_chapter("IntroducingLayers") is cli.find_chapter("ch04_layers")
    assert cli.find_chapter("scenes/chapters/ch04_layers.py") is CHAPTERS[3]


def test_slides_takes_its_format_or_a_chapter_after_it():
    args = cli.parser().parse_args(["--slides", "3", "4"])
    cli.split_slides_argument(args)
    assert (args.slides, args.scenes) == ("html", ["3", "4"])
    args = cli.parser().parse_args(["--slides", "pptx", "4"])
    cli.split_slides_argument(args)
    assert (args.slides, args.scenes) == ("pptx", ["4"])


def test_list_script_and_help_do_not_load_manim():
    code = ("import sys, contextlib, io\n"
            "from scenes.film.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            "    assert main(['--list']) == 0 and main(['--script', '--lang', 'en']) == 0\n"
            "    try:\n"
            "        main(['--help'])\n"
            "    except SystemExit as done:\n"
            "        assert done.code == 0\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('manim', 'cairo', 'av', 'manimpango')))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    assert out.strip() == "[]"


def test_digit_choice_prints_the_networks_reading(capsys):
    import nn

    env = cli.input_environment(cli.parser().parse_args(["--digit", "0"]), {})
    assert env["NN_DIGIT"] == "0"
    assert f"reads {nn.load_pretrained().predict(nn.test_image(0)[0])} (output " in capsys.readouterr().out


def test_a_photo_is_prepared_once_for_every_chapter(tmp_path, capsys):
    from PIL import Image

    import nn
    from scenes.content import digit_input

    pixels, _ = nn.test_image(18)
    photo = tmp_path / "photo.png"
    Image.fromarray(np.round(255 - 255 * pixels.reshape(28, 28)).astype(np.uint8)).resize((200, 200)).save(photo)
    env = cli.photo_environment(photo, {}, tmp_path / "media")
    prepared = Path(env["NN_IMAGE_PIXELS"])
    assert prepared.parent == tmp_path / "media" / "input" and prepared.suffix == ".npy"
    np.testing.assert_array_equal(np.load(prepared), nn.load_image(photo))
    with pytest.MonkeyPatch.context() as patch:
        for name, value in env.items():
            patch.setenv(name, value)
        patch.setattr(nn, "load_image", lambda path: pytest.fail("the photo was prepared again"))
        digit_input._photo.cache_clear()
        np.testing.assert_array_equal(digit_input.chosen_input(0).pixels, np.load(prepared))
    digit_input._photo.cache_clear()


def test_show_input_writes_the_picture_beside_what_the_network_gets(tmp_path, capsys):
    from PIL import Image

    import nn

    pixels, label = nn.test_image(18)
    paper = Image.fromarray(np.round(255 - 255 * pixels.reshape(28, 28)).astype(np.uint8)).resize((300, 300))
    photo = tmp_path / "my digit.png"
    paper.save(photo)
    assert cli.main(["--image", str(photo), "--show-input", "--media", str(tmp_path / "media")]) == 0
    out = capsys.readouterr().out
    seen = nn.load_image(photo)
    output = nn.load_pretrained().forward(seen)
    top3 = np.argsort(output)[::-1][:3]
    assert f"input: my digit.png; the network reads {top3[0]} (output {output[top3[0]]:.2f}); next {top3[1]} " in out
    preview = np.asarray(Image.open(tmp_path / "media" / "input" / "my digit-input.png").convert("L"), float) / 255
    shown = preview[5::10, -280 + 5::10]  # the centre of each of the input's 28×28 pixels, shown 10× big
    np.testing.assert_allclose(shown, seen.reshape(28, 28), atol=1 / 255)
    assert "wrote " in out and not list((tmp_path / "media").glob("film*"))  # nothing rendered


@pytest.mark.render
def test_debug_shows_a_failed_chapters_own_traceback(tmp_path):
    scene = f"{ROOT / 'tests' / 'support' / 'tiny_scenes.py'}:Broken"
    command = [sys.executable, "-m", "scenes", scene, "--voice", "none", "--media", str(tmp_path)]
    plain = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert plain.returncode == 1 and "Traceback" not in plain.stderr and "--debug" not in plain.stderr.split("\n")[0]
    assert "ValueError: this chapter is broken on purpose" in plain.stderr.splitlines()[0]
    debug = subprocess.run([*command, "--debug"], cwd=ROOT, capture_output=True, text=True)
    assert debug.returncode == 1 and "Traceback" in debug.stderr and "raise ValueError" in debug.stderr


def test_a_folder_of_pictures_makes_a_film_per_picture_and_says_what_is_wrong(tmp_path, capsys):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.txt").write_text("no pictures here")
    assert cli.main(["--image", str(empty), "--media", str(tmp_path / "m")]) == 2
    assert f"{empty} holds no pictures" in capsys.readouterr().err
    photos = tmp_path / "class"
    photos.mkdir()
    for name in ("b.png", "a.jpg", "c.txt"):
        (photos / name).write_bytes(b"")
    assert [p.name for p in cli.class_photos(photos)] == ["a.jpg", "b.png"]
    for extra in (["--slides"], ["4"], ["--notes"]):
        assert cli.main(["--image", str(photos), *extra, "--media", str(tmp_path / "m")]) == 2
        assert "one whole film per picture" in capsys.readouterr().err

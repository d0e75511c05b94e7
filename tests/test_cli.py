"""The command line and the film assembly: clear errors, chapter markers, no partial films."""
import os
from pathlib import Path

import av
import numpy as np
import pytest

from scenes import cli
from scenes.assemble import assemble_film, read_chapters, video_seconds
from scenes.film import CHAPTERS
from scenes.rendering import input_key


@pytest.mark.parametrize("argv, message", [
    (["NoSuchScene"], "unknown scene 'NoSuchScene'"),
    (["--digit", "10000"], "between 0 and 9999"),
    (["--digit", "-1"], "between 0 and 9999"),
    (["--image", "/no/such/file.png"], "image not found"),
    (["--quality", "ultra"], "invalid choice"),
    (["--digit", "3", "--image", "x.png"], "not allowed with"),
    (["--jobs", "0"], "at least 1"),
])
def test_bad_input_is_one_error_line_and_exit_2(argv, message, capsys):
    assert cli.main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and err.startswith("error: ")


def test_a_file_that_is_not_an_image_is_refused(tmp_path, capsys):
    bogus = tmp_path / "digit.png"
    bogus.write_text("hello")
    assert cli.main(["--image", str(bogus)]) == 2
    assert "not a readable image" in capsys.readouterr().err


def test_list_shows_every_chapter_in_film_order(capsys):
    assert cli.main(["--list"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert [int(line.split()[0]) for line in lines] == list(range(1, 13))
    assert "Introduction example" in lines[0] and "ReLU vs Sigmoid" in lines[-1]


def test_chapters_are_found_by_number_name_or_file():
    assert cli.find_chapter("4") is cli.find_chapter("IntroducingLayers") is cli.find_chapter("ch04_layers")


def test_digit_choice_prints_the_networks_reading(capsys):
    import nn

    args = cli.parser().parse_args(["--digit", "0"])
    env = cli.input_environment(args)
    assert env["NN_DIGIT"] == "0"
    guess = nn.load_pretrained().predict(nn.test_image(0)[0])
    assert f"reads it as {guess}" in capsys.readouterr().out


def test_input_key_depends_on_quality_and_input():
    chapter = CHAPTERS[0]
    base = input_key(chapter, "low", {})
    assert base == input_key(chapter, "low", {})
    assert base != input_key(chapter, "high", {})
    assert base != input_key(chapter, "low", {"NN_DIGIT": "5"})
    assert base != input_key(chapter, "low", {}, slides=True)


def write_video(path: Path, seconds: int, shade: int, fps: int = 10) -> Path:
    with av.open(str(path), "w") as out:
        stream = out.add_stream("libx264", rate=fps)
        stream.width, stream.height, stream.pix_fmt = 64, 48, "yuv420p"
        for _ in range(seconds * fps):
            frame = av.VideoFrame.from_ndarray(np.full((48, 64, 3), shade, np.uint8), format="rgb24")
            out.mux(stream.encode(frame))
        out.mux(stream.encode())
    return path


def test_film_is_the_chapters_in_order_with_markers(tmp_path):
    a = write_video(tmp_path / "a.mp4", 2, 40)
    b = write_video(tmp_path / "b.mp4", 3, 200)
    film = tmp_path / "film.mp4"
    marks = assemble_film([("One", a), ("Two", b)], film)
    assert [m[0] for m in marks] == ["One", "Two"]
    assert read_chapters(film) == [("One", pytest.approx(0), pytest.approx(2, abs=0.05)),
                                   ("Two", pytest.approx(2, abs=0.05), pytest.approx(5, abs=0.05))]
    assert video_seconds(film) == pytest.approx(5, abs=0.1)
    with av.open(str(film)) as container:
        shades = [frame.to_ndarray(format="rgb24").mean() for frame in container.decode(video=0)]
    assert len(shades) == 50 and shades[5] < 100 < shades[-5]


def test_a_failed_assembly_leaves_the_earlier_film(tmp_path):
    a = write_video(tmp_path / "a.mp4", 1, 40)
    film = tmp_path / "film.mp4"
    assemble_film([("One", a)], film)
    before = film.read_bytes()
    with pytest.raises(Exception):
        assemble_film([("One", a), ("Missing", tmp_path / "missing.mp4")], film)
    assert film.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.mp4", "film.mp4"]  # no partial file left


def test_parallel_chapters_never_share_a_manim_media_folder():
    from scenes.rendering import chapter_media

    folders = [chapter_media(c) for c in CHAPTERS] + [chapter_media(c, slides=True) for c in CHAPTERS]
    assert len(set(folders)) == len(folders)


def test_chapters_render_in_their_own_processes_and_a_failure_is_named(tmp_path):
    from scenes.film import Chapter
    from scenes.rendering import (
        ROOT, RenderError, chapter_media, render_chapters, shared_tex_folder, video_path,
    )

    module = "tests.scenes_for_tests.tiny_chapters"
    good, broken = Chapter(101, "Tiny circle", "0:00", module, "TinyCircle"), Chapter(102, "Broken", "0:00", module, "Broken")
    log: list[str] = []
    first = render_chapters([good], "low", {**os.environ, "TINY_MARK": "marked"}, jobs=2, media=tmp_path, log=log.append)
    assert [r.video for r in first] == [video_path(good, "low", tmp_path)] and not first[0].reused
    with av.open(str(first[0].video)) as container:
        assert container.streams.video[0].frames == 8  # 0.5 s at 15 fps
    assert (first[0].video.parent / "seen.txt").read_text() == f"{ROOT}\nmarked"  # its folder and environment
    assert log and log[-1].startswith("[1/1] chapter 101: Tiny circle (rendered in")
    shared = list(shared_tex_folder(tmp_path).iterdir())  # its formula, for other chapters to reuse
    assert len(shared) == 1 and shared[0].suffix == ".svg" and b"<svg" in shared[0].read_bytes()
    shared[0].write_bytes(shared[0].read_bytes() + b"<!-- shared -->")
    formula = Chapter(103, "Tiny formula", "0:00", "tests.scenes_for_tests.tiny_formula", "TinyFormula")
    render_chapters([formula], "low", dict(os.environ), media=tmp_path, log=log.append)
    assert (chapter_media(formula, tmp_path) / "Tex" / shared[0].name).read_bytes().endswith(b"<!-- shared -->")

    with pytest.raises(RenderError) as failure:
        render_chapters([good, broken], "low", dict(os.environ), jobs=2, media=tmp_path, log=log.append)
    message = str(failure.value)
    assert message.startswith("chapter 102 (Broken) failed to render")
    assert "this chapter is broken on purpose" in message  # the tail of manim's own output
    assert "FAILED chapter 102: Broken" in log
    assert any("chapter 101: Tiny circle (unchanged, reused)" in line for line in log)  # its inputs are the same

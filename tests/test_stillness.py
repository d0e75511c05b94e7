"""tools.stillness: the picture sampled every half second (variable frame rate included), sentences said
over an unchanging picture, and still stretches under the voice, on tiny films with known pictures."""
import json
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
import pytest

from tools import stillness

ROOT = Path(__file__).resolve().parents[1]
FPS = 10
WIDTH, HEIGHT = 64, 48

# the film, in frames at 10 fps: (first frame, frames, picture); a picture is a number (a still shade) or
# None (moving: a different shade on every frame); "held" is stored only at its first and last frame
SEGMENTS = [(0, 30, None), (30, 70, "held"), (100, 60, None), (160, 120, 200), (280, 20, None)]
HELD_SHADE = 60
# chapter A 0–14 s, chapter B 14–30 s; (start, end, text)
CHAPTER_A = [(0.2, 2.8, "moving"), (3.2, 6.0, "held one"), (6.4, 9.6, "held two"), (9.0, 12.0, "into motion")]
CHAPTER_B = [(15.0, 20.0, "into stillness"), (20.3, 24.0, "still one"), (24.05, 24.15, "too short"),
             (24.2, 27.0, "still two"), (28.2, 29.4, "moving again")]


def moving(index: int) -> np.ndarray:
    """A picture unlike that of any frame five (half a second) away, and unlike the still shades."""
    picture = np.full((HEIGHT, WIDTH, 3), 100 + (index * 37) % 90, np.uint8)
    picture[:, (index * 3) % WIDTH:] = 250
    return picture


def write_film(path: Path) -> None:
    """The film of SEGMENTS, 30 s, with its timing beside it (``.timing.json``)."""
    with av.open(str(path), "w") as out:
        stream = out.add_stream("libx264", rate=FPS)
        stream.width, stream.height, stream.pix_fmt = WIDTH, HEIGHT, "yuv420p"
        stream.codec_context.time_base = Fraction(1, FPS)
        for first, count, kind in SEGMENTS:
            for index in range(first, first + count):
                if kind == "held" and index not in (first, first + count - 1):
                    continue  # shown on screen, not stored: the film's variable frame rate
                shade = HELD_SHADE if kind == "held" else kind
                picture = moving(index) if shade is None else np.full((HEIGHT, WIDTH, 3), shade, np.uint8)
                frame = av.VideoFrame.from_ndarray(picture, format="rgb24")
                frame.pts, frame.time_base = index, Fraction(1, FPS)
                out.mux(stream.encode(frame))
        out.mux(stream.encode())
    chapters = []
    for title, start, end, sentences in [("A", 0.0, 14.0, CHAPTER_A), ("B", 14.0, 30.0, CHAPTER_B)]:
        beat = {"key": title, "caption": "", "say": " ".join(t for _, _, t in sentences), "start": start, "end": end,
                "sentences": [{"text": t, "start": s, "end": e, "cues": []} for s, e, t in sentences]}
        chapters.append({"title": title, "start": start, "end": end, "video": "", "beats": [beat]})
    path.with_suffix(".timing.json").write_text(json.dumps({"title": "t", "language": "en", "chapters": chapters}))


@pytest.fixture(scope="module")
def film(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("stillness") / "film.mp4"
    write_film(path)
    return path


def test_the_film_holds_a_frame_stored_only_at_its_ends(film: Path) -> None:
    with av.open(str(film)) as container:
        stream = container.streams.video[0]
        times = [float(f.pts * stream.time_base) for f in container.decode(stream)]
        assert float(stream.duration * stream.time_base) == pytest.approx(30.0)
    assert len(times) == 300 - 68
    assert 3.0 in times and 9.9 in times and not any(3.0 < t < 9.9 for t in times)


def test_samples_follow_the_picture_on_screen(film: Path) -> None:
    differences = stillness.sample_differences(film)
    assert len(differences) == 59  # 60 samples, at 0 … 29.5 s
    unchanged = np.flatnonzero(differences < stillness.THRESHOLD)
    # pair i is samples i and i + 1: the hold shows from 3.0 s (sample 6) to 9.5 s (sample 19), though its
    # second copy is stored at 9.9 s; the constant picture from 16.0 s (32) to 27.5 s (55)
    assert list(unchanged) == [*range(6, 19), *range(32, 55)]
    assert differences[differences >= stillness.THRESHOLD].min() > 5  # far from the threshold: a fair test
    assert stillness.still_runs(differences < stillness.THRESHOLD) == [(3.0, 9.5), (16.0, 27.5)]


def test_sentences_and_stretches(film: Path) -> None:
    report = stillness.measure(film, json.loads(film.with_suffix(".timing.json").read_text()))
    assert [s["text"] for s in report["still_sentences"]] == ["held one", "held two", "still one", "still two"]
    a, b = report["chapters"]
    assert (a["sentences"], a["still_sentences"], a["still_percent"]) == (4, 2, 50.0)
    assert (b["sentences"], b["still_sentences"], b["still_percent"]) == (5, 2, 40.0)
    # run 3.0–9.5 s trimmed to its speech: "held one" starts at 3.2 s, "into motion" goes on past 9.5 s
    # run 16.0–27.5 s: "into stillness" began before it, "still two" ends at 27.0 s
    assert [(s["chapter"], s["start"], s["end"], s["chapter_start"]) for s in report["stretches"]] == [
        ("A", 3.2, 9.5, pytest.approx(3.2)), ("B", 16.0, 27.0, 2.0)]
    assert report["stretches"][0]["length"] == pytest.approx(6.3)
    assert (a["stretches_10s"], a["stretches_6s"], a["seconds_6s"]) == (0, 1, 6.3)
    assert (b["stretches_10s"], b["seconds_10s"], b["longest"]["length"]) == (1, 11.0, 11.0)
    total = report["total"]
    assert (total["sentences"], total["still_sentences"], total["stretches_10s"], total["seconds_10s"],
            total["stretches_6s"], total["seconds_6s"]) == (9, 4, 1, 11.0, 2, 17.3)
    assert total["longest"]["chapter"] == "B" and report["samples"] == 60 and report["unchanged_pairs"] == 36


def test_sentence_is_still_needs_every_pair_inside_it() -> None:
    unchanged = np.array([True, True, False, True, True, True])  # samples 0 … 6, at 0 … 3 s
    assert stillness.sentence_is_still(unchanged, 0.0, 1.0)  # samples 0, 1, 2
    assert not stillness.sentence_is_still(unchanged, 0.0, 1.5)  # the change between 1.0 and 1.5 s
    assert stillness.sentence_is_still(unchanged, 1.2, 3.0)  # samples 3 … 6: the change before it is outside
    assert not stillness.sentence_is_still(unchanged, 1.6, 1.9)  # no sample inside
    assert not stillness.sentence_is_still(unchanged, 2.9, 3.4)  # one sample inside: no pair


def test_speech_stretches_trim_runs_to_the_speech_over_them() -> None:
    sentences = [(1.0, 3.0), (4.0, 6.0), (20.0, 22.0)]
    runs = [(0.0, 5.0), (7.0, 12.0), (2.5, 21.0), (3.0, 4.0)]
    assert stillness.speech_stretches(runs, sentences, 0.0, 30.0) == [(1.0, 5.0), (2.5, 21.0)]
    assert stillness.speech_stretches(runs, sentences, 0.0, 10.0) == [(1.0, 5.0), (2.5, 6.0)]  # cut at a chapter


def test_command_line(film: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    result = subprocess.run([sys.executable, "-m", "tools.stillness", str(film), "--json", str(out)],
                            cwd=ROOT, capture_output=True, text=True, check=True)
    lines = result.stdout.splitlines()
    assert lines[1].split() == ["A", "4", "2", "50.0%", "6.3", "s", "at", "0:03.2", "0", "1"]
    assert lines[2].split() == ["B", "5", "2", "40.0%", "11.0", "s", "at", "0:02.0", "1", "1"]
    assert lines[4].split()[:4] == ["film", "9", "4", "44.4%"]
    assert "1 of ≥ 10 s (11.0 s), 2 of ≥ 6 s (17.3 s)" in result.stdout
    figures = json.loads(out.read_text())
    assert figures["total"]["still_sentences"] == 4 and len(figures["stretches"]) == 2
    assert figures["still_sentences"][0] == {"chapter": "A", "text": "held one", "start": 3.2, "end": 6.0,
                                             "chapter_start": 3.2}

"""The film: chapters in order with markers, sound and subtitles, no partial films, and a file that
follows the conventions of players and the web (fast start, languages, title, a subtitle track, web
chapters, a poster), with subtitles that fit and never cover the film's own caption."""
import json
import re
from pathlib import Path

import av
import numpy as np
import pytest
import srt
from PIL import Image

from scenes.film.assemble import Part, join_chapters, read_chapters
from scenes.runtime import subtitles
from scenes.runtime.video_io import video_seconds
from scenes.runtime.voice import SAMPLE_RATE, write_wav
from tests.support.browser import Browser


def write_chapter(folder: Path, name: str, seconds: int, shade: int, sentences: list[tuple[float, float, str]],
                  fps: int = 10, size: tuple[int, int] = (64, 48)) -> Path:
    """A tiny chapter video, with a narration track (a tone while each sentence is said) and its timing."""
    path = folder / f"{name}.mp4"
    width, height = size
    with av.open(str(path), "w") as out:
        stream = out.add_stream("libx264", rate=fps)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        for _ in range(seconds * fps):
            picture = np.full((height, width, 3), shade, np.uint8)
            picture[int(height * 0.85):int(height * 0.95), width // 4:3 * width // 4] = 255  # a caption's place
            frame = av.VideoFrame.from_ndarray(picture, format="rgb24")
            out.mux(stream.encode(frame))
        out.mux(stream.encode())
    track = np.zeros(seconds * SAMPLE_RATE, np.float32)
    for start, end, _ in sentences:
        track[int(start * SAMPLE_RATE):int(end * SAMPLE_RATE)] = 0.3
    write_wav(path.with_suffix(".narration.wav"), track)
    beats = [{"key": f"{name}.b", "caption": "c", "say": " ".join(t for _, _, t in sentences), "start": 0.0,
              "end": float(seconds), "sentences": [{"text": t, "start": s, "end": e} for s, e, t in sentences]}]
    path.with_suffix(".beats.json").write_text(json.dumps({"chapter": name, "title": name, "duration": seconds,
                                                           "spoken": True, "beats": beats}))
    return path


def test_film_is_the_chapters_in_order_with_markers_sound_and_subtitles(tmp_path):
    a = write_chapter(tmp_path, "a", 2, 40, [(0.1, 0.9, "One."), (1.2, 1.8, "Two.")])
    b = write_chapter(tmp_path, "b", 3, 200, [(0.5, 2.0, "Three.")])
    film = tmp_path / "film.mp4"
    marks = join_chapters([Part("One", a), Part("Two", b)], film).marks
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
    assert [c.content for c in cues] == [subtitles.SRT_PLACEMENT + t for t in ("One.", "Two.", "Three.")]
    assert cues[2].start.total_seconds() == pytest.approx(2.5, abs=0.05)
    assert all(c.end <= d.start for c, d in zip(cues, cues[1:])), "cues never overlap"
    vtt = film.with_suffix(".vtt").read_text()
    assert vtt.startswith("WEBVTT") and f"00:00:02.500 --> 00:00:04.000 {subtitles.VTT_PLACEMENT}\nThree." in vtt


def test_the_film_file_follows_the_conventions_of_players_and_the_web(tmp_path):
    a = write_chapter(tmp_path, "a", 2, 40, [(0.1, 0.9, "One & <two>.")])
    b = write_chapter(tmp_path, "b", 2, 200, [(0.5, 1.5, "Three.")])
    film = tmp_path / "film.mp4"
    join_chapters([Part("1. One", a), Part("2. Two", b)], film, title="A film", language="en")
    head = film.read_bytes()[:4096]
    assert 0 <= head.find(b"moov") < head.find(b"mdat") or b"mdat" not in head, "the index comes first (fast start)"
    with av.open(str(film)) as container:
        assert container.metadata["title"] == "A film"
        assert container.streams.audio[0].metadata["language"] == "eng"
        (track,) = container.streams.subtitles
        assert track.codec_context.name == "mov_text" and track.metadata["language"] == "eng"
        description = track.codec_context.extradata
        assert description[5] == 0, "the track's text stands at the top of the picture"
        texts = [s.ass.decode() for p in container.demux(track) for s in (track.decode(p) or [])]
    assert [t.rsplit(",", 1)[-1] for t in texts] == ["One & <two>.", "Three."]
    chapters = film.with_suffix(".chapters.vtt").read_text()
    assert chapters.startswith("WEBVTT") and "00:00:00.000 --> 00:00:02.000\n1. One" in chapters
    assert "00:00:02.000 --> 00:00:04.000\n2. Two" in chapters
    assert "One &amp; &lt;two&gt;." in film.with_suffix(".vtt").read_text(), "WebVTT text is escaped"
    poster = np.asarray(Image.open(film.with_suffix(".jpg")).convert("L"))
    assert poster.shape == (48, 64) and poster.mean() > 30, "a poster, not black"


def test_a_film_of_unchanged_parts_is_kept_and_a_changed_part_remakes_it(tmp_path):
    a = write_chapter(tmp_path, "a", 1, 40, [(0.1, 0.5, "One.")])
    b = write_chapter(tmp_path, "b", 1, 200, [(0.1, 0.5, "Two.")])
    film = tmp_path / "film.mp4"
    join_chapters([Part("One", a), Part("Two", b)], film)
    written = film.stat().st_mtime_ns
    assert [m.title for m in join_chapters([Part("One", a), Part("Two", b)], film).marks] == ["One", "Two"]
    assert film.stat().st_mtime_ns == written, "an unchanged film is not written again"
    write_chapter(tmp_path, "b", 2, 200, [(0.1, 0.5, "Two, longer.")])  # chapter b rendered again
    marks = join_chapters([Part("One", a), Part("Two", b)], film).marks
    assert film.stat().st_mtime_ns != written and marks[-1].end == pytest.approx(3, abs=0.05)
    assert "Two, longer." in film.with_suffix(".srt").read_text()


def test_a_failed_assembly_leaves_the_earlier_film(tmp_path):
    a = write_chapter(tmp_path, "a", 1, 40, [(0.1, 0.5, "One.")])
    film = tmp_path / "film.mp4"
    join_chapters([Part("One", a)], film)
    before = film.read_bytes()
    with pytest.raises(FileNotFoundError):
        join_chapters([Part("One", a), Part("Missing", tmp_path / "missing.mp4")], film)
    assert film.read_bytes() == before
    assert not list(tmp_path.glob("*partial*"))


@pytest.mark.parametrize("sentence", [
    "Short.",
    "This is a three, written by hand, and a little sloppily, then stored at twenty-eight by twenty-eight.",
    "Still, your visual cortex, the brain's centre for sight, sees one idea in all of them, and yet it keeps "
    "every other digit clearly apart from the rest, which is remarkable; and this sentence goes on and on "
    "for a long while, far longer than anyone would write it.",
    "이것은 손으로 쓴 숫자 삼입니다. 조금 엉성하게 쓰였지만 우리는 한눈에 알아봅니다 "
    "그리고 계속해서 긴 문장을 만들어 봅니다.",
])
def test_every_cue_is_at_most_two_lines_of_42_columns(sentence):
    cues = subtitles.sentence_cues(sentence, 1.0, 9.0)
    assert " ".join(" ".join(c.text.split()) for c in cues) == " ".join(sentence.split()), "every word, in order"
    for cue in cues:
        lines = cue.text.split("\n")
        assert len(lines) <= 2 and all(subtitles.width(line) <= 42 for line in lines)
    assert cues[0].start == 1.0 and cues[-1].end == 9.0
    assert all(a.end == b.start and a.end > a.start for a, b in zip(cues, cues[1:]))


def test_a_long_sentence_is_cut_where_the_voice_pauses():
    sentence = "This is a three, written by hand, and a little sloppily, then stored at twenty-eight by twenty-eight."
    estimate = subtitles.sentence_cues(sentence, 1.0, 9.0)[0].end  # shared out by length
    audio = np.full(int(10 * SAMPLE_RATE), 0.3, np.float32)
    pause = estimate + 0.35
    audio[int((pause - 0.1) * SAMPLE_RATE):int((pause + 0.1) * SAMPLE_RATE)] = 0  # the voice breathes here
    cues = subtitles.sentence_cues(sentence, 1.0, 9.0, audio, SAMPLE_RATE, 0.0)
    assert cues[0].end == pytest.approx(pause, abs=0.01) and cues[1].start == cues[0].end


def test_subtitles_in_a_browser_stand_clear_of_the_films_caption(tmp_path):
    """A <video> with the film's WebVTT switched on: the cue is drawn only above the caption's band."""
    sentence = "A long sentence, so that the cue takes two full lines on the screen of the browser."
    video = write_chapter(tmp_path, "film", 3, 30, [(0.0, 3.0, sentence)], size=(854, 480))
    subtitles.write_pair(video, subtitles.chapter_cues(json.loads(video.with_suffix(".beats.json").read_text())))
    page_file = tmp_path / "page.html"
    page_file.write_text(f"""<html><body style="margin:0;background:#000">
<video id="v" src="{video.name}" width="854" height="480" muted></video></body></html>""")
    with Browser(854, 480) as browser:
        page = browser.open(page_file.as_uri())
        page.evaluate("""(async () => { const v = document.getElementById('v');
            if (v.readyState < 2) await new Promise(r => v.addEventListener('loadeddata', r, {once: true}));
            v.currentTime = 1.0; await new Promise(r => v.addEventListener('seeked', r, {once: true})); })()""")
        plain = np.asarray(Image.open(page.screenshot(tmp_path / "plain.png")).convert("L"), float)
        page.evaluate(f"""(async () => {{ const v = document.getElementById('v');
            const t = document.createElement('track'); t.src = '{video.with_suffix(".vtt").name}'; t.default = true;
            v.appendChild(t); t.track.mode = 'showing';
            await new Promise((r, no) => {{ t.addEventListener('load', r, {{once: true}});
                                            t.addEventListener('error', () => no('no track')); }});
            v.currentTime = 1.1;
            await new Promise(r => v.addEventListener('seeked', r, {{once: true}}));
            await new Promise(r => setTimeout(r, 300)); }})()""")
        shown = np.asarray(Image.open(page.screenshot(tmp_path / "subtitled.png")).convert("L"), float)
    changed = np.flatnonzero((np.abs(shown - plain) > 40).any(axis=1))
    assert len(changed) > 20, "the cue is drawn"
    caption_top = int(480 * 0.85)
    assert changed.max() < caption_top, f"the cue reaches row {changed.max()}, into the caption's band"


def test_the_film_carries_a_subtitle_track_for_every_language_sentence_for_sentence(tmp_path):
    """A chapter told in English carries Korean and Russian subtitles too: each language's beat filled
    with the values the film used, each sentence on the English sentence's time."""
    from scenes.content.narration import load_script

    values = {"answer": 3, "output": 0.8049}
    english = load_script("en").chapter("ch04").beat("forward-pass").filled(values).sentences()
    times = [(1.0 + 2 * k, 2.5 + 2 * k) for k in range(len(english))]
    video = write_chapter(tmp_path, "ch04", 2 * len(english) + 2, 80,
                          [(s, e, t) for (s, e), t in zip(times, english)])
    record = json.loads(video.with_suffix(".beats.json").read_text())
    record["chapter"], record["spoken_language"] = "ch04", "en"
    record["beats"][0].update(key="ch04.forward-pass", values=values)
    video.with_suffix(".beats.json").write_text(json.dumps(record))
    film = join_chapters([Part("4. Introducing layers", video)], tmp_path / "film.mp4", language="en")
    assert film.subtitle_languages == ["eng", "kor", "rus"]
    with av.open(str(film.path)) as container:
        assert [s.metadata["language"] for s in container.streams.subtitles] == ["eng", "kor", "rus"]
    for code in ("ko", "ru"):
        sentences = load_script(code).chapter("ch04").beat("forward-pass").filled(values).sentences()
        cues = list(srt.parse(film.path.with_name(f"film.{code}.srt").read_text(encoding="utf-8")))
        assert " ".join(c.content.replace(subtitles.SRT_PLACEMENT, "").replace("\n", " ") for c in cues) == \
            " ".join(sentences)
        assert cues[0].start.total_seconds() == pytest.approx(times[0][0], abs=0.01)
        assert cues[-1].end.total_seconds() == pytest.approx(times[-1][1], abs=0.01)
        assert film.path.with_name(f"film.{code}.vtt").read_text(encoding="utf-8").startswith("WEBVTT")


def test_lecture_notes_are_made_from_the_films_own_timing(tmp_path):
    """Each chapter: its start (a link into the film), title, key points (its captions), formulas, a still
    and the numbers the film showed; Markdown, one self-contained HTML page, and JSON sections."""
    from scenes.film.notes import write_notes

    a = write_chapter(tmp_path, "a", 3, 120, [(0.5, 2.5, "Trained on sixty thousand examples.")])
    b = write_chapter(tmp_path, "b", 2, 200, [(0.5, 1.5, "A mistake.")])
    for video, key, beat, values in ((a, "ch02", "ch02.more-images", {"accuracy": 0.9622}),
                                     (b, "ch08", "ch08.a-mistake", {"index": 8, "label": 5, "answer": 6})):
        record = json.loads(video.with_suffix(".beats.json").read_text())
        record["chapter"] = key
        record["beats"][0].update(key=beat, values=values, caption=f"caption of {key}")
        video.with_suffix(".beats.json").write_text(json.dumps(record))
    film = join_chapters([Part("2. Series preview", a), Part("8. How learning relates", b)], tmp_path / "film.mp4")
    md, page, data = write_notes(film.path, "en", tmp_path / "notes")
    sections = json.loads(data.read_text())
    assert [(s["timestamp"], s["section_title"]) for s in sections] == [("0:00", "2. Series preview"),
                                                                        ("0:03", "8. How learning relates")]
    assert sections[0]["key_points"] == ["caption of ch02"]
    assert sections[0]["numbers"] == ["96.2% of the 10,000 test images read correctly"]
    assert sections[1]["numbers"] == ["Test image #8: a 5, read as a 6"] and "- Test image #8" in sections[1]["content"]
    html = page.read_text()
    assert "../film.mp4#t=3.0" in html and html.count("data:image/jpeg;base64,") == 2
    assert not re.search(r"(src|href)=\"https?://", html), "opens offline"
    assert "[0:03](../film.mp4#t=3.0) 8. How learning relates" in md.read_text()
    korean = json.loads(write_notes(film.path, "ko", tmp_path / "notes")[2].read_text())
    assert "96.2%" in korean[0]["numbers"][0] and "테스트" in korean[0]["numbers"][0]


@pytest.mark.render
def test_chapters_with_held_frames_join_without_gaps(render_tiny, tmp_path, monkeypatch):
    from tests.support.tiny_scenes import TinyNarrated

    monkeypatch.setenv("NN_VOICE", "none")
    video = render_tiny(TinyNarrated).video  # its waits are held frames, written once at each end
    film = tmp_path / "film.mp4"
    marks = join_chapters([Part("One", video), Part("Two", video)], film).marks
    length = video_seconds(video)
    assert [(m.start, m.end) for m in marks] == [(0, pytest.approx(length, abs=1e-3)),
                                                 (pytest.approx(length, abs=1e-3), pytest.approx(2 * length, abs=1e-3))]
    assert video_seconds(film) == pytest.approx(2 * length, abs=0.07)

"""Join rendered chapters into one film that plays well in players and on the web.

The film file: the chapters' pictures one after another (remuxed, not re-encoded), one narration
track, a chapter marker per chapter, a title, a subtitle track per language inside the file (the
film's own first, then every other language whose script tells the same sentences), every stream
tagged with its language, and the index at the front (fast start: it plays while it downloads).
Beside it: the subtitles per language (``.srt``, ``.vtt``; ``.ko.srt`` … for the others), the chapters as WebVTT for
web players (``.chapters.vtt``), a poster (``.jpg``), a frame that shows what the film is about,
and the timing of every chapter, beat and sentence in the film (``.timing.json``).

The narration comes from each chapter's own track (``<video>.narration.wav``) placed at the
chapter's start; the subtitles are each chapter's cues (``<video>.beats.json``) moved by the same start.
"""
from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

import av
import numpy as np

from scenes.content.narration import DEFAULT_LANGUAGE, ENV_LANG, ISO_639_2, ScriptError, available_languages, load_script
from scenes.runtime import subtitles
from scenes.runtime.video_io import copy_picture, encode_sound, frames_at, sound_stream, video_seconds
from scenes.runtime.voice import SAMPLE_RATE, read_wav

from .rendering import Rendered

#: the poster: the picture at the end of this beat (the network reading a digit, its answer boxed)
POSTER_BEAT = "ch04.forward-pass"
POSTER_QUALITY = 90  # JPEG
SUBTITLE_FONT_SIZE = 16  # of the subtitle track's style, in its 384 × 288 script
TX3G_VERTICAL = 5  # the byte of a timed-text sample description that places the text: 0 top, -1 bottom


@dataclass(frozen=True)
class Mark:
    """A chapter of the film: its title and where it starts and ends (seconds)."""

    title: str
    start: float
    end: float


@dataclass(frozen=True)
class Part:
    """One chapter to join: its title in the film's language and its rendered video."""

    title: str
    video: Path


@dataclass
class Film:
    """A film as written: its chapters, the subtitle tracks it carries (ISO 639-2) and its side files."""

    path: Path
    marks: list[Mark]
    subtitle_languages: list[str] = field(default_factory=list)


def assemble_film(rendered: Sequence[Rendered], output: Path, env: Mapping[str, str]) -> Film:
    """Write ``output`` from ``rendered`` chapters (in order) in the language ``env`` chooses."""
    language = env.get(ENV_LANG) or DEFAULT_LANGUAGE
    script = load_script(language)
    parts = [Part(f"{r.chapter.number}. {r.chapter.title_in(language)}", r.video) for r in rendered]
    return join_chapters(parts, output, title=script.title, language=language)


def join_chapters(parts: Sequence[Part], output: Path, title: str = "", language: str = DEFAULT_LANGUAGE) -> Film:
    """Write ``output``: the videos of ``parts`` one after another with their narration, chapter
    markers and subtitles, and its side files (subtitles, chapters, poster).

    Everything is written beside ``output`` and moved into place only when complete, so a failure
    never replaces a good earlier film. A film made from the same parts, unchanged, is kept as it is.
    """
    stamp, parts_now = output.with_suffix(".parts.json"), _parts_record(parts, title, language)
    made = json.loads(stamp.read_text(encoding="utf-8")) if output.is_file() and stamp.is_file() else {}
    if made.get("made from") == parts_now:
        return Film(output, read_chapters(output), made["tracks"])
    stamp.unlink(missing_ok=True)
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(output.stem + ".partial" + output.suffix)
    try:
        marks, cues, timing = _film_timing(parts)
        translations = {other: _translated_cues(timing, other) for other in available_languages() if other != language}
        tracks = {language: cues, **{k: v for k, v in translations.items() if v}} if cues else {}
        spoken = next((c["spoken_language"] for c in timing if c.get("spoken_language")), language)
        _remux(parts, partial, marks, {ISO_639_2.get(k, "und"): v for k, v in tracks.items()}, title,
               ISO_639_2.get(spoken, "und"))
        poster = _poster(parts, marks)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    os.replace(partial, output)
    for other, other_cues in tracks.items():
        subtitles.write_pair(output, other_cues, None if other == language else other)
    subtitles.write_atomically(output.with_suffix(".chapters.vtt"),
                               subtitles.chapters_vtt((m.title, m.start, m.end) for m in marks))
    if poster is not None:
        poster.save(output.with_suffix(".jpg"), quality=POSTER_QUALITY)
    subtitles.write_atomically(output.with_suffix(".timing.json"),
                               json.dumps({"title": title, "language": language, "chapters": timing}, indent=1,
                                          ensure_ascii=False))
    codes = [ISO_639_2.get(k, "und") for k in tracks]
    stamp.write_text(json.dumps({"made from": parts_now, "tracks": codes}), encoding="utf-8")
    return Film(output, marks, codes)


def _parts_record(parts: Sequence[Part], title: str, language: str) -> dict[str, object]:
    """What a film is made from: each part's title and the size and time of each file read from it."""
    record: list[list[object]] = []
    for part in parts:
        files = [part.video, part.video.with_suffix(".narration.wav"), part.video.with_suffix(".beats.json")]
        record.append([part.title, *[[str(f), f.stat().st_size, f.stat().st_mtime_ns] if f.is_file() else str(f)
                                     for f in files]])
    return {"version": 2, "title": title, "language": language, "parts": record}


def _film_timing(parts: Sequence[Part]) -> tuple[list[Mark], list[subtitles.Cue], list[dict[str, Any]]]:
    """Where each part starts and ends in the film, the film's cues, and each part's timing record
    with its times moved to the film's."""
    marks, cues, timing, start = [], [], [], 0.0
    for part in parts:
        end = start + video_seconds(part.video)
        marks.append(Mark(part.title, start, end))
        beats_file = part.video.with_suffix(".beats.json")
        record = json.loads(beats_file.read_text(encoding="utf-8")) if beats_file.is_file() else {"beats": []}
        cues += subtitles.chapter_cues(record, start) if beats_file.is_file() else []
        timing.append({"title": part.title, "start": start, "end": end, "video": str(part.video),
                       "chapter": record.get("chapter"), "spoken_language": record.get("spoken_language"),
                       "beats": [_shifted(beat, start) for beat in record["beats"]]})
        start = end
    return marks, cues, timing


def _translated_cues(timing: list[dict[str, Any]], language: str) -> list[subtitles.Cue]:
    """The film's cues in another ``language``: each beat of its script filled with the values the film
    used, sentence for sentence on the film's speech; none when its script does not tell the same
    sentences (a missing beat, a different count)."""
    script = load_script(language)
    cues = []
    for chapter in timing:
        for beat in chapter["beats"]:
            key = str(chapter.get("chapter"))
            try:
                words = script.chapter(key).beat(beat["key"].split(".", 1)[1]).filled(beat.get("values", {}))
            except (ScriptError, IndexError):
                return []
            sentences = words.sentences()
            if len(sentences) != len(beat["sentences"]):
                return []
            for text, spoken in zip(sentences, beat["sentences"]):
                cues += subtitles.sentence_cues(text, spoken["start"], spoken["end"])
    return cues


def _shifted(beat: dict[str, Any], offset: float) -> dict[str, Any]:
    """A beat of a chapter's timing record with every time moved by ``offset`` (into the film)."""
    moved = {**beat, "start": beat["start"] + offset, "end": beat["end"] + offset}
    moved["sentences"] = [{**s, "start": s["start"] + offset, "end": s["end"] + offset,
                           "cues": [{**c, "start": c["start"] + offset, "end": c["end"] + offset}
                                    for c in s.get("cues", [])]} for s in beat.get("sentences", [])]
    return moved


def _remux(parts: Sequence[Part], output: Path, marks: list[Mark], tracks: Mapping[str, list[subtitles.Cue]],
           title: str, sound_language: str) -> None:
    wavs = [part.video.with_suffix(".narration.wav") for part in parts]
    with av.open(str(output), "w", container_options={"movflags": "+faststart"}) as out:
        if title:
            out.metadata["title"] = title
        with av.open(str(parts[0].video)) as first:
            picture = out.add_stream_from_template(first.streams.video[0])
        picture.metadata["language"] = "und"  # a picture has no language
        sound = sound_stream(out, sound_language) if any(w.is_file() for w in wavs) else None
        texts = {code: _subtitle_stream(out, code) for code in tracks}
        offset = 0  # in the output stream's time base
        for part in parts:
            offset = copy_picture(part.video, out, picture, offset)
        if sound is not None:
            narrations = [(mark.start, wav) for mark, wav in zip(marks, wavs) if wav.is_file()]
            _write_narration(out, sound, narrations, marks[-1].end)
        for code, cues in tracks.items():
            _write_subtitles(out, texts[code], cues)
        out.set_chapters([
            {"id": i + 1, "start": int(m.start * 1000), "end": int(m.end * 1000),
             "time_base": Fraction(1, 1000), "metadata": {"title": m.title}}
            for i, m in enumerate(marks)
        ])


def _subtitle_stream(out: av.container.OutputContainer, code: str) -> av.subtitles.stream.SubtitleStream:
    """A timed-text (mov_text) stream in language ``code``, its cues placed at the top of the picture."""
    stream = out.add_stream("mov_text")
    stream.codec_context.subtitle_header = _ass_header().encode()
    stream.time_base = Fraction(1, 1000)
    stream.metadata["language"] = code
    stream.codec_context.open()
    description = bytearray(stream.codec_context.extradata or b"")
    description[TX3G_VERTICAL] = 0  # top: ffmpeg's encoder always writes bottom, where our caption is
    stream.codec_context.extradata = bytes(description)
    return stream


def _ass_header() -> str:
    """The style players show the track in: white, outlined, centred at the top (alignment 8)."""
    return ("[Script Info]\nScriptType: v4.00+\nPlayResX: 384\nPlayResY: 288\n\n[V4+ Styles]\n"
            "Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, "
            "Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, "
            "MarginL, MarginR, MarginV, Encoding\n"
            f"Style: Default,Sans,{SUBTITLE_FONT_SIZE},&Hffffff,&Hffffff,&H0,&H0,0,0,0,0,100,100,0,0,1,1,0,8,10,10,10,0\n"
            "\n[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n")


def _write_subtitles(out: av.container.OutputContainer, stream: av.subtitles.stream.SubtitleStream,
                     cues: Sequence[subtitles.Cue]) -> None:
    for i, cue in enumerate(cues):
        start, end = int(round(cue.start * 1000)), int(round(cue.end * 1000))
        text = cue.text.replace("\\", "\\\\").replace("\n", "\\N").replace("{", "\\{")
        event = f"{i},0,Default,,0,0,0,,{text}".encode()
        packet = stream.codec_context.encode_subtitle(
            av.subtitles.subtitle.SubtitleSet.create(text=event, start=0, end=end - start, pts=start))
        packet.stream, packet.pts, packet.dts, packet.duration = stream, start, start, end - start
        out.mux(packet)


def _write_narration(out: av.container.OutputContainer, stream: av.audio.stream.AudioStream,
                     narrations: list[tuple[float, Path]], length: float) -> None:
    """``stream``: ``length`` seconds of sound, each chapter's narration placed at its start."""
    track = np.zeros(int(round(length * SAMPLE_RATE)), np.float32)
    for start, wav in narrations:
        audio = read_wav(wav)
        at = int(round(start * SAMPLE_RATE))
        clip = audio[: max(0, len(track) - at)]
        track[at:at + len(clip)] = clip
    encode_sound(out, stream, track)


def _poster(parts: Sequence[Part], marks: Sequence[Mark]):  # noqa: ANN202 (a PIL image or None)
    """The picture at the end of POSTER_BEAT (else the middle of the film): what the film is about."""
    for part in parts:
        timing = part.video.with_suffix(".beats.json")
        beats = json.loads(timing.read_text(encoding="utf-8"))["beats"] if timing.is_file() else []
        for beat in beats:
            if beat["key"] == POSTER_BEAT:
                return frames_at(part.video, [beat["end"] - 0.1])[0]
    middle = len(parts) // 2
    return frames_at(parts[middle].video, [(marks[middle].end - marks[middle].start) / 2])[0] if parts else None


def read_chapters(path: Path) -> list[Mark]:
    """The chapter markers of a film."""
    with av.open(str(path)) as container:
        return [
            Mark(c["metadata"].get("title", ""), float(c["start"] * (c["time_base"] or 1)),
                 float(c["end"] * (c["time_base"] or 1)))
            for c in container.chapters()
        ]

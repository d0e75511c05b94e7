"""Lecture notes of the film: for every chapter its start in the film, its title, its key points (the
captions, in order), its formulas, a still of its key picture and the real numbers it shows.

Made from the film itself (its ``.timing.json``: the same script, values and times the film used),
so the notes never disagree with it. Written to ``media/notes/notes-LANG.md``, ``.html`` (one
self-contained file: stills and formulas inside it; each chapter's time is a link that opens the
film there) and ``.json`` (a list of sections with ``timestamp``, ``section_title`` and ``content``).
A chapter's ``[chNN.notes]`` in the script gives its ``formulas`` (LaTeX), its ``numbers`` (templates
filled with the values the film used) and its ``key_beat`` (whose last picture is the still).
"""
from __future__ import annotations

import base64
import html
import io
import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from scenes.content.narration import ScriptError, load_script
from scenes.runtime.video_io import frames_at

from .chapters import clock

STILL_WIDTH = 640  # pixels: the stills are shrunk to this width
STILL_QUALITY = 82  # JPEG


@dataclass(frozen=True)
class Section:
    """One chapter of the notes."""

    timestamp: str  # "1:25"
    start: float  # seconds into the film
    section_title: str
    key_points: list[str]
    formulas: list[str]
    numbers: list[str]
    still: str  # the still's file name, beside the notes

    @property
    def content(self) -> str:
        """The section as plain text: its key points, numbers and formulas, one per line."""
        lines = [f"- {point}" for point in self.key_points] + [f"- {number}" for number in self.numbers]
        return "\n".join(lines + [f"- ${formula}$" for formula in self.formulas])


def sections(timing: Mapping[str, Any], language: str) -> list[Section]:
    """The notes' sections from a film's timing record (``<film>.timing.json``)."""
    script = load_script(language)
    out = []
    for chapter in timing["chapters"]:
        table = _notes_table(script.path, chapter.get("chapter"))
        values = {k: v for beat in chapter["beats"] for k, v in beat.get("values", {}).items()}
        try:
            numbers = [script.wording.fill(template, values) for template in table.get("numbers", [])]
        except (KeyError, ValueError) as exc:
            raise ScriptError(f"[{chapter.get('chapter')}.notes] numbers: no value for {exc}") from None
        out.append(Section(clock(chapter["start"]), round(chapter["start"], 2), chapter["title"],
                           [beat["caption"] for beat in chapter["beats"]], list(table.get("formulas", [])), numbers,
                           f"{chapter.get('chapter')}.jpg"))
    return out


def _notes_table(script: Path, key: str | None) -> dict[str, Any]:
    import tomllib

    data = tomllib.loads(script.read_text(encoding="utf-8"))
    return dict(data.get(str(key), {}).get("notes", {}))


def key_picture(chapter: Mapping[str, Any], key_beat: str | None):  # noqa: ANN201 (a PIL image)
    """The picture at the end of the chapter's ``key_beat`` (else of its longest beat)."""
    beats = chapter["beats"]
    chosen = next((b for b in beats if key_beat and b["key"].endswith("." + key_beat)), None)
    chosen = chosen or max(beats, key=lambda b: b["end"] - b["start"])
    return frames_at(Path(chapter["video"]), [chosen["end"] - chapter["start"] - 0.1])[0]


def write_notes(film: Path, language: str, folder: Path) -> list[Path]:
    """``folder/notes-LANG.md``, ``.html`` and ``.json`` (and the stills) for ``film``; their paths."""
    timing = json.loads(film.with_suffix(".timing.json").read_text(encoding="utf-8"))
    folder.mkdir(parents=True, exist_ok=True)
    stills = folder / f"stills-{language}"
    stills.mkdir(exist_ok=True)
    found = sections(timing, language)
    script = load_script(language)
    pictures = {}
    for section, chapter in zip(found, timing["chapters"]):
        picture = key_picture(chapter, _notes_table(script.path, chapter.get("chapter")).get("key_beat"))
        picture = picture.resize((STILL_WIDTH, STILL_WIDTH * picture.height // picture.width))
        buffer = io.BytesIO()
        picture.convert("RGB").save(buffer, "JPEG", quality=STILL_QUALITY)
        (stills / section.still).write_bytes(buffer.getvalue())
        pictures[section.still] = buffer.getvalue()
    film_link = os.path.relpath(film, folder)
    base = folder / f"notes-{language}"
    written = [base.with_suffix(".md"), base.with_suffix(".html"), base.with_suffix(".json")]
    written[0].write_text(markdown(timing["title"], found, film_link, stills.name), encoding="utf-8")
    written[1].write_text(page(timing["title"], found, film_link, pictures, language, folder / ".tex"), encoding="utf-8")
    written[2].write_text(json.dumps([{"timestamp": s.timestamp, "section_title": s.section_title,
                                       "content": s.content, **asdict(s)} for s in found],
                                     indent=1, ensure_ascii=False), encoding="utf-8")
    return written


def markdown(title: str, found: Sequence[Section], film: str, stills: str) -> str:
    """The notes as Markdown: a section per chapter, its time a link into the film."""
    lines = [f"# {title}", ""]
    for s in found:
        lines += [f"## [{s.timestamp}]({film}#t={s.start}) {s.section_title}", "",
                  f"![{s.section_title}]({stills}/{s.still})", "", s.content, ""]
    return "\n".join(lines)


def page(title: str, found: Sequence[Section], film: str, pictures: Mapping[str, bytes], language: str,
         tex: Path) -> str:
    """The notes as one self-contained HTML page (stills and formulas inside it)."""
    parts = [f"<!doctype html><html lang=\"{language}\"><head><meta charset=\"utf-8\"><title>{html.escape(title)}"
             "</title><style>body{font-family:sans-serif;max-width:52em;margin:2em auto;padding:0 1em;line-height:1.5}"
             "img.still{width:100%;border-radius:4px}img.formula{height:1.6em;vertical-align:middle;margin:.3em 0}"
             "h2 a{text-decoration:none;color:#06c;margin-right:.4em}</style></head><body>",
             f"<h1>{html.escape(title)}</h1>"]
    for s in found:
        still = base64.b64encode(pictures[s.still]).decode()
        parts.append(f"<section><h2><a href=\"{html.escape(film)}#t={s.start}\">{s.timestamp}</a>"
                     f"{html.escape(s.section_title)}</h2>"
                     f"<img class=\"still\" alt=\"{html.escape(s.section_title)}\" src=\"data:image/jpeg;base64,{still}\">"
                     "<ul>" + "".join(f"<li>{html.escape(p)}</li>" for p in [*s.key_points, *s.numbers]) + "</ul>"
                     + "".join(f"<div><img class=\"formula\" alt=\"{html.escape(f)}\" src=\"{formula_svg(f, tex)}\"></div>"
                               for f in s.formulas) + "</section>")
    return "".join(parts) + "</body></html>\n"


def formula_svg(formula: str, folder: Path) -> str:
    """``formula`` (LaTeX) typeset by the same LaTeX as the film's (its files in ``folder``), as an SVG data URI."""
    from manim import tempconfig
    from manim.utils.tex_file_writing import tex_to_svg_file

    with tempconfig({"media_dir": str(folder)}):
        svg = Path(tex_to_svg_file(formula, environment="align*")).read_bytes()
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode()

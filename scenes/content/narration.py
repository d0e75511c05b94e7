"""The film's words: for every beat of every chapter, a caption and what the voice says.

One script per language, ``scenes/content/scripts/LANG.toml`` (English: ``en.toml``). A chapter
is a table ``[chNN]`` with its ``title`` and an array ``[[chNN.beats]]`` of beats in film order,
each with an ``id``, a ``caption`` (the short key line on screen) and ``say`` (the narration).
``{name}`` in a caption or narration is a real value the chapter fills in at render time (an
output of the network, a weighted sum): ``BeatScript.filled(values)``. No manim here.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import string
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

SCRIPTS = Path(__file__).resolve().parent / "scripts"
DEFAULT_LANGUAGE = "en"
#: the environment variable that chooses the language of a render (render.sh's --lang)
ENV_LANG = "NN_LANG"
#: languages as ISO 639-2, as video files tag their sound and subtitle streams
ISO_639_2 = {"en": "eng", "ko": "kor", "ru": "rus", "de": "deu", "fr": "fra", "es": "spa", "ja": "jpn", "zh": "zho"}
#: a sentence ends at . ! or ? followed by white space (the voice speaks one sentence at a time)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


#: (script file, chapter key) of every part of a script handed out in this process: what a render read
_parts_read: set[tuple[str, str]] = set()


class ScriptError(ValueError):
    """A script that is missing, malformed, or asked for a beat or value it does not have."""


@dataclass(frozen=True)
class BeatScript:
    """The words of one beat: ``caption`` on screen, ``say`` spoken; ``{name}`` = a real value."""

    chapter: str  # "ch01"
    id: str  # "sloppy-digit"
    caption: str
    say: str

    @property
    def key(self) -> str:
        """The beat's name across the film, e.g. "ch01.sloppy-digit" (recordings are named so)."""
        return f"{self.chapter}.{self.id}"

    def placeholders(self) -> set[str]:
        """The names of the values the beat needs, e.g. {"answer", "output"}."""
        return _fields(self.caption) | _fields(self.say)

    def filled(self, values: Mapping[str, object]) -> BeatScript:
        """The beat with every ``{name}`` replaced by ``values[name]``; ScriptError if one is missing."""
        missing = self.placeholders() - set(values)
        if missing:
            raise ScriptError(f"beat {self.key} needs values for {', '.join(sorted(missing))}")
        fill = {name: str(values[name]) for name in self.placeholders()}
        return replace(self, caption=self.caption.format_map(fill), say=self.say.format_map(fill))

    def sentences(self) -> list[str]:
        """``say`` split into sentences, in order (white space normalised)."""
        return [s for s in _SENTENCE_END.split(" ".join(self.say.split())) if s]


@dataclass(frozen=True)
class ChapterScript:
    key: str
    title: str
    beats: tuple[BeatScript, ...]

    def beat(self, beat_id: str) -> BeatScript:
        for beat in self.beats:
            if beat.id == beat_id:
                return beat
        raise ScriptError(f"chapter {self.key} has no beat {beat_id!r} in its script")


@dataclass(frozen=True)
class Script:
    language: str
    path: Path
    chapters: dict[str, ChapterScript]
    title: str = ""  # the film's title in this language

    @property
    def code(self) -> str:
        """The language as ISO 639-2, the code video files tag their streams with ("eng")."""
        return ISO_639_2.get(self.language, "und")

    def chapter(self, key: str) -> ChapterScript:
        if key not in self.chapters:
            raise ScriptError(f"the {self.language} script ({self.path.name}) has no chapter {key!r}")
        _parts_read.add((str(self.path), key))
        return self.chapters[key]

    def beats(self) -> list[BeatScript]:
        return [beat for chapter in self.chapters.values() for beat in chapter.beats]

    def word_count(self) -> int:
        """Words the voice says in the whole film (a placeholder counts as one word)."""
        return sum(len(beat.say.split()) for beat in self.beats())

    def markdown(self) -> str:
        """The whole narration as Markdown, with beat ids: for recording or translating."""
        lines = [
            f"# Narration ({self.language}), {self.word_count():,} words",
            "",
            "One section per beat, in film order. To record your own voice, save each beat as a WAV",
            "named by its id (e.g. `ch01.sloppy-digit.wav`) and render with `--voice-dir DIR`.",
            "`{name}` stands for a number the film computes from the network at render time.",
        ]
        for number, chapter in enumerate(self.chapters.values(), 1):
            lines += ["", f"## {number}. {chapter.title}"]
            for beat in chapter.beats:
                lines += ["", f"### {beat.key}", "", f"*Caption:* {beat.caption}", "", " ".join(beat.say.split())]
        return "\n".join(lines) + "\n"


def available_languages() -> list[str]:
    return sorted(p.stem for p in SCRIPTS.glob("*.toml"))


def chosen_language() -> str:
    """The language this render is in: ``NN_LANG`` (set by render.sh's --lang), else English."""
    return os.environ.get(ENV_LANG) or DEFAULT_LANGUAGE


@cache
def load_script(language: str = DEFAULT_LANGUAGE) -> Script:
    """The script of ``language`` (e.g. "en"), checked: every beat has an id, a caption and words."""
    path = SCRIPTS / f"{language}.toml"
    if not path.is_file():
        raise ScriptError(f"no narration script for language {language!r} "
                          f"(have: {', '.join(available_languages())})")
    data = _read_toml(path)
    if not isinstance(data.get("title"), str):
        raise ScriptError(f"{path.name}: the film's title (title = \"…\") is missing at the top")
    chapters = {key: _chapter(key, table, path.name) for key, table in data.items() if isinstance(table, dict)}
    return Script(language, path, chapters, data["title"])


def chapter_script(source: str | Path | Mapping[str, Any], name: str = "scene") -> ChapterScript:
    """The words of one scene of your own, in the film's format: a TOML file (or the same as a dict)
    with a ``title`` and ``beats`` (each an ``id``, a ``caption`` and ``say``), either at its top level
    or as its one table (``[my-scene]``, ``[[my-scene.beats]]``); with several tables, the one called
    ``name``. ScriptError when the file is missing or malformed."""
    path = Path(source) if isinstance(source, (str, Path)) else None
    where = path.name if path is not None else name
    data: Mapping[str, Any] = _read_toml(path) if path is not None else source  # type: ignore[assignment]
    if "beats" in data:
        key, table, part = name, data, ""
    else:
        tables = {k: v for k, v in data.items() if isinstance(v, Mapping)}
        if len(tables) != 1 and name not in tables:
            raise ScriptError(f"{where}: no table [{name}] among {', '.join(tables) or 'none'}; "
                              "a script needs a title and [[beats]]")
        key = name if name in tables else next(iter(tables))
        table, part = tables[key], key
    chapter = _chapter(key, table, where)
    if path is not None:
        _parts_read.add((str(path.resolve()), part))
    return chapter


def _read_toml(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise ScriptError(f"narration script not found: {path}")
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ScriptError(f"{path.name} is not a valid script: {exc}") from None


def parts_read() -> list[tuple[str, str]]:
    """(script file, chapter key) of every part of a script this process used ('' for a whole file)."""
    return sorted(_parts_read)


def part_digest(path: str, key: str) -> str:
    """A fingerprint of one chapter's words in a script file ('' when the file or the part is gone):
    a render that used only ``key`` is not affected by edits to the other chapters."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return ""
    part = data.get(key, "") if key else data
    return hashlib.sha256(json.dumps(part, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def _chapter(key: str, table: Any, where: str) -> ChapterScript:
    """One chapter's table of a script, checked: a title, and beats with an id, a caption and words."""
    if not isinstance(table, Mapping) or "title" not in table or not table.get("beats"):
        raise ScriptError(f"{where}: [{key}] needs a title and [[{key}.beats]]")
    beats = []
    for entry in table["beats"]:
        if not all(isinstance(entry.get(field), str) and entry[field].strip() for field in ("id", "caption", "say")):
            raise ScriptError(f"{where}: every beat of {key} needs an id, a caption and say")
        beats.append(BeatScript(key, entry["id"], entry["caption"].strip(), entry["say"].strip()))
    ids = [b.id for b in beats]
    if len(set(ids)) != len(ids):
        raise ScriptError(f"{where}: {key} repeats a beat id")
    return ChapterScript(key, str(table["title"]), tuple(beats))


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}

"""The film's words: for every beat of every chapter, a caption and what the voice says, and every
word drawn on screen.

One script per language, ``scenes/content/scripts/LANG.toml`` (English: ``en.toml``). At its top:
the film's ``title``, how the language writes numbers (``[format]``), tables of words
(``[words]``) and the labels any chapter or component draws (``[labels]``). A chapter is a table
``[chNN]`` with its ``title``, its own ``[chNN.labels]`` and an array ``[[chNN.beats]]`` of beats
in film order, each with an ``id``, a ``caption`` (the short key line on screen) and ``say`` (the
narration). ``{name}`` or ``{name:spec}`` in any of them is a real value the chapter fills in at
render time, written as the language writes it (``wording``). No manim here.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

from .wording import Wording, WordingError, fields

SCRIPTS = Path(__file__).resolve().parent / "scripts"
DEFAULT_LANGUAGE = "en"
#: the environment variable that chooses the language of a render (render.sh's --lang)
ENV_LANG = "NN_LANG"
#: names every language writes as they are: the only Latin words a Korean or Russian film may show
KEPT_NAMES = ("MNIST", "ReLU", "LSTM", "NumPy", "Python", "sigmoid", "max")  # the last two: functions in code and maths
#: languages as ISO 639-2, as video files tag their sound and subtitle streams
ISO_639_2 = {"en": "eng", "ko": "kor", "ru": "rus", "de": "deu", "fr": "fra", "es": "spa", "ja": "jpn", "zh": "zho"}
#: a sentence ends at . ! or ? followed by white space (the voice speaks one sentence at a time)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


#: the top-level parts of a script that every chapter uses (besides its own table and the film's title)
SHARED_PARTS = ("format", "words", "labels")
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
    wording: Wording = field(default_factory=Wording, compare=False, repr=False)

    @property
    def key(self) -> str:
        """The beat's name across the film, e.g. "ch01.sloppy-digit" (recordings are named so)."""
        return f"{self.chapter}.{self.id}"

    def placeholders(self) -> set[str]:
        """The names of the values the beat needs, e.g. {"answer", "output"}."""
        return fields(self.caption) | fields(self.say)

    def filled(self, values: Mapping[str, object]) -> BeatScript:
        """The beat with every ``{name}`` written from ``values[name]`` as its language writes it;
        ScriptError if a value is missing or cannot be written so."""
        missing = self.placeholders() - set(values)
        if missing:
            raise ScriptError(f"beat {self.key} needs values for {', '.join(sorted(missing))}")
        try:
            return replace(self, caption=self.wording.fill(self.caption, values), say=self.wording.fill(self.say, values))
        except (WordingError, KeyError, IndexError) as exc:
            raise ScriptError(f"beat {self.key}: {exc}") from None

    def sentences(self) -> list[str]:
        """``say`` split into sentences, in order (white space normalised)."""
        return [s for s in _SENTENCE_END.split(" ".join(self.say.split())) if s]


@dataclass(frozen=True)
class ChapterScript:
    key: str
    title: str
    beats: tuple[BeatScript, ...]
    labels: Mapping[str, str] = field(default_factory=dict)  # its own, then the script's shared ones
    wording: Wording = field(default_factory=Wording, compare=False, repr=False)

    def beat(self, beat_id: str) -> BeatScript:
        for beat in self.beats:
            if beat.id == beat_id:
                return beat
        raise ScriptError(f"chapter {self.key} has no beat {beat_id!r} in its script")

    def label(self, key: str, **values: object) -> str:
        """The words drawn on screen under ``key`` (``[chNN.labels]``, else the script's ``[labels]``),
        with its ``{names}`` written from ``values``; ScriptError when the script has no such label."""
        if key not in self.labels:
            raise ScriptError(f"no label {key!r} for {self.key} in the script ([{self.key}.labels] or [labels])")
        try:
            return self.wording.fill(self.labels[key], values)
        except (WordingError, KeyError, IndexError) as exc:
            raise ScriptError(f"label {key!r} of {self.key}: {exc}") from None


@dataclass(frozen=True)
class Script:
    language: str
    path: Path
    chapters: dict[str, ChapterScript]
    title: str = ""  # the film's title in this language
    labels: Mapping[str, str] = field(default_factory=dict)  # words any chapter or component draws
    wording: Wording = field(default_factory=Wording)

    @property
    def code(self) -> str:
        """The language as ISO 639-2, the code video files tag their streams with ("eng")."""
        return ISO_639_2.get(self.language, "und")

    def chapter(self, key: str) -> ChapterScript:
        if key not in self.chapters:
            raise ScriptError(f"the {self.language} script ({self.path.name}) has no chapter {key!r}")
        _parts_read.update((str(self.path), part) for part in (key, *SHARED_PARTS))
        return self.chapters[key]

    def label(self, key: str, **values: object) -> str:
        """A label of the script's shared ``[labels]`` (for components), its ``{names}`` written from ``values``."""
        _parts_read.update((str(self.path), part) for part in SHARED_PARTS)
        if key not in self.labels:
            raise ScriptError(f"no label {key!r} in [labels] of {self.path.name}")
        return self.wording.fill(self.labels[key], values)

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
    wording = Wording.from_script(language, data)
    shared = {str(k): str(v) for k, v in data.get("labels", {}).items()}
    chapters = {key: _chapter(key, table, path.name, wording, shared) for key, table in data.items()
                if isinstance(table, dict) and key not in SHARED_PARTS}
    return Script(language, path, chapters, data["title"], shared, wording)


def screen_text(key: str, **values: object) -> str:
    """A shared label (``[labels]``) in the language of this render: the words components draw."""
    return load_script(chosen_language()).label(key, **values)


def chapter_script(source: str | Path | Mapping[str, Any], name: str = "scene") -> ChapterScript:
    """The words of one scene of your own, in the film's format: a TOML file (or the same as a dict)
    with a ``title`` and ``beats`` (each an ``id``, a ``caption`` and ``say``), either at its top level
    or as its one table (``[my-scene]``, ``[[my-scene.beats]]``); with several tables, the one called
    ``name``. Its top level may also say its ``language`` and hold ``[format]`` and ``[words]`` tables
    (see ``wording``). ScriptError when the file is missing or malformed."""
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
    chapter = _chapter(key, table, where, Wording.from_script(str(data.get("language", DEFAULT_LANGUAGE)), data))
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


def forget_parts_read() -> None:
    """Start recording again (a chapter's process may be forked from one that has read parts already)."""
    _parts_read.clear()


def part_digest(path: str, key: str) -> str:
    """A fingerprint of one chapter's words in a script file ('' when the file or the part is gone):
    a render that used only ``key`` is not affected by edits to the other chapters."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return ""
    part = data.get(key, "") if key else data
    if isinstance(part, dict):
        part = {k: v for k, v in part.items() if k != "notes"}  # the lecture notes are not drawn
    return hashlib.sha256(json.dumps(part, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def _chapter(key: str, table: Any, where: str, wording: Wording | None = None,
             shared: Mapping[str, str] | None = None) -> ChapterScript:
    """One chapter's table of a script, checked: a title, and beats with an id, a caption and words."""
    if not isinstance(table, Mapping) or "title" not in table or not table.get("beats"):
        raise ScriptError(f"{where}: [{key}] needs a title and [[{key}.beats]]")
    wording = wording or Wording()
    beats = []
    for entry in table["beats"]:
        if not all(isinstance(entry.get(name), str) and entry[name].strip() for name in ("id", "caption", "say")):
            raise ScriptError(f"{where}: every beat of {key} needs an id, a caption and say")
        beats.append(BeatScript(key, entry["id"], entry["caption"].strip(), entry["say"].strip(), wording))
    ids = [b.id for b in beats]
    if len(set(ids)) != len(ids):
        raise ScriptError(f"{where}: {key} repeats a beat id")
    labels = {**(shared or {}), **{str(k): str(v) for k, v in table.get("labels", {}).items()}}
    return ChapterScript(key, str(table["title"]), tuple(beats), labels, wording)



"""Every word a viewer sees comes from the language's script: each chapter run in a pseudo-language
(every letter of the English script swapped for an accented look-alike, so any word written in the
code shows up as plain English), and in Korean and Russian; every text drawn is scanned for English
words beyond the names kept in one place. Hangul and Cyrillic are drawn with real glyphs."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

import numpy as np
import pytest
from manim import MathTex, Text, tempconfig

from scenes.components.captions import BASELINE_REFERENCE
from scenes.content import narration
from scenes.content.narration import KEPT_NAMES
from scenes.film.chapters import CHAPTERS
from tests.conftest import SKIP, default_settings, scene_class

pytestmark = pytest.mark.render
#: a run of two or more Latin letters is a word; a single letter is a variable (a, W, σ's x)
WORD = re.compile(r"[A-Za-z]{2,}")
LOOK_ALIKES = str.maketrans("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
                            "àƀçđéƒğħíĵķĺɱñöþǫŕšŧüṽŵẋýžÀƁÇĐÉƑĞĦÍĴĶĹṀÑÖÞǪŔŠŦÜṼŴẊÝŽ")
FIELD = re.compile(r"(\{[^}]*\})")


def pseudo(text: str) -> str:
    """``text`` with every letter outside its ``{placeholders}`` swapped for a look-alike."""
    return "".join(part if FIELD.fullmatch(part) else part.translate(LOOK_ALIKES) for part in FIELD.split(text))


def pseudo_script(data: object, key: str = "") -> object:
    """A script with every string it shows or says made pseudo (ids, keys, formulas and formats kept)."""
    if isinstance(data, dict):
        return {k: v if k in ("id", "formulas", "key_beat", "format") else pseudo_script(v, k) for k, v in data.items()}
    if isinstance(data, list):
        return [pseudo_script(item, key) for item in data]
    return pseudo(data) if isinstance(data, str) else data


def toml(data: object, prefix: str = "") -> str:
    """``data`` (tables of strings, lists and tables) as TOML, inline where that is simplest."""
    import json

    lines, tables = [], []
    for key, value in data.items():
        if isinstance(value, dict) and not prefix.endswith("words"):
            tables.append((key, value))
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            tables += [(key, item) for item in value]
        elif isinstance(value, dict):
            lines.append(f"{key} = {{ " + ", ".join(f"{k} = {json.dumps(v, ensure_ascii=False)}"
                                                     for k, v in value.items()) + " }")
        else:
            lines.append(f"{key} = {json.dumps(value, ensure_ascii=False)}")
    out = "\n".join(lines) + "\n"
    for key, value in tables:
        name = f"{prefix}.{key}" if prefix else key
        brackets = "[[{}]]" if isinstance(data[key], list) else "[{}]"
        out += "\n" + brackets.format(name) + "\n" + toml(value, name)
    return out


@pytest.fixture(scope="module")
def scripts(tmp_path_factory):
    """The script folder with a pseudo-language ``xx`` beside the real ones."""
    folder = tmp_path_factory.mktemp("scripts")
    for path in narration.SCRIPTS.glob("*.toml"):
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    english = tomllib.loads((narration.SCRIPTS / "en.toml").read_text(encoding="utf-8"))
    xx = pseudo_script(english)
    xx["format"]["number_words"] = "en"  # num2words knows no pseudo-language: numbers in English words, pseudo'd below
    (folder / "xx.toml").write_text(toml(xx), encoding="utf-8")
    assert tomllib.loads((folder / "xx.toml").read_text(encoding="utf-8"))["ch01"]["title"] == pseudo("Introduction example")
    return folder


def drawn_texts(chapter, language: str, scripts: Path, monkeypatch) -> list[str]:
    """Every Text and every word inside a formula made while the chapter runs in ``language``."""
    made: list[str] = []
    text_init, tex_init = Text.__init__, MathTex.__init__

    def record_text(self, text, *args, **kwargs):  # noqa: ANN001
        made.append(text)
        text_init(self, text, *args, **kwargs)

    def record_tex(self, *tex_strings, **kwargs):  # noqa: ANN001
        made.extend(word for tex in tex_strings for word in re.findall(r"\\text\{([^}]*)\}", str(tex)))
        tex_init(self, *tex_strings, **kwargs)

    with monkeypatch.context() as patch:
        default_settings(patch)
        patch.setenv("NN_LANG", language)
        patch.setattr(narration, "SCRIPTS", scripts)
        patch.setattr(Text, "__init__", record_text)
        patch.setattr(MathTex, "__init__", record_tex)
        narration.load_script.cache_clear()
        try:
            with tempconfig(SKIP):
                scene_class(chapter)().render()
        finally:
            narration.load_script.cache_clear()
    return made


@pytest.mark.parametrize("language", ["xx", "ko", "ru"])
@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.key)
def test_no_english_word_is_drawn_in_another_language(chapter, language, scripts, monkeypatch):
    texts = drawn_texts(chapter, language, scripts, monkeypatch)
    assert texts, "the chapter draws text"
    drawn = [text for text in texts if text != BASELINE_REFERENCE]  # measured, never drawn
    english = {word for text in drawn for word in WORD.findall(text) if word not in KEPT_NAMES}
    assert not english, f"{chapter.key} in {language} draws English: {sorted(english)}"


@pytest.mark.parametrize("words", ["입력층, 은닉층, 출력층: 가중치와 편향", "Входной слой, скрытый слой: веса и смещение"])
def test_hangul_and_cyrillic_are_drawn_with_real_glyphs(words, media):
    """No glyph is the missing-glyph box: each letter is drawn as its own shape, and the shapes differ."""
    drawn = Text(words, font_size=48)
    letters = [c for c in words if not c.isspace()]
    assert len(drawn.submobjects) == len(letters)
    shapes = {}
    for letter, glyph in zip(letters, drawn.submobjects):
        outline = np.round(glyph.points[:, :2] - glyph.get_corner(np.array([-1, -1, 0]))[:2], 2)
        shapes.setdefault(letter, outline.tobytes())
    boxes = [s for s in shapes.values() if len(s) > 0]
    assert len(set(boxes)) == len(shapes), "different letters are drawn the same: missing-glyph boxes"

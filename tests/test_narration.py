"""The script: every chapter has its words, every beat a caption that fits and narration; the format
takes another language without a code change; `--script` prints it all."""
import re

import pytest

from scenes.components.captions import CaptionError, caption
from scenes.content.narration import ScriptError, load_script
from scenes.film import cli
from scenes.film.chapters import CHAPTERS

#: a typical value for every placeholder the English script uses (numbers as the scenes write them)
SAMPLE_VALUES = {
    "a_digit": "a three", "digit_word": "three", "digits_word": "threes", "accuracy": "96.2 %", "value": "0.62",
    "answer": 3, "output": "0.80", "index": 8, "label": 5, "bar_sum": "13.92", "edge_sum": "12.15",
    "one_sum": "-4.00", "nine_sum": "3.43", "plain": "1.00", "biased": "0.90", "weak_sum": "3.43",
    "weak_plain": "0.97", "weak_biased": "0.00", "bias": "0.19", "activation": "1.00", "v1": "0.95",
    "v2": "0.57", "v3": "0.03", "loopy_neuron": 14, "loop_mean": "0.72", "plain_mean": "0.19",
    "stroke_neuron": 14, "n_top": "six", "n_top_loopy": "three",
}


@pytest.fixture(scope="module")
def script():
    return load_script("en")


def test_every_chapter_has_its_words_and_nothing_else(script):
    assert list(script.chapters) == [c.key for c in CHAPTERS]
    assert [c.title for c in CHAPTERS][0] == "Introduction example"


def test_the_narration_is_a_full_script(script):
    assert 2500 <= script.word_count() <= 3500
    for beat in script.beats():
        assert beat.sentences(), beat.key
        assert all(len(s.split()) <= 40 for s in beat.sentences()), f"{beat.key}: a sentence too long to follow"


def test_every_caption_fits_one_size_on_at_most_two_lines(script):
    for beat in script.beats():
        filled = beat.filled(SAMPLE_VALUES)
        words = caption(filled.caption)  # raises CaptionError when it does not fit
        assert words.font_size == pytest.approx(caption("x").font_size)


def test_a_caption_too_long_is_refused():
    with pytest.raises(CaptionError):
        caption("word " * 40)


def test_placeholders_are_filled_and_a_missing_value_is_named(script):
    beat = script.chapter("ch04").beat("forward-pass")
    assert beat.placeholders() == {"answer", "output"}
    filled = beat.filled({"answer": 3, "output": "0.80"})
    assert "{" not in filled.say and "0.80" in filled.say and "pick, 3," in filled.say
    with pytest.raises(ScriptError, match="needs values for output"):
        beat.filled({"answer": 3})


def test_narration_is_written_for_the_ear(script):
    for beat in script.beats():
        text = re.sub(r"\{\w+\}", "", beat.say)
        assert not re.search(r"[σ×⁽⁾→%()\[\]]|\d", text), f"{beat.key}: symbols or digits the voice would misread"


def test_another_language_is_a_file_away(tmp_path, monkeypatch):
    from scenes.content import narration

    source = narration.SCRIPTS / "en.toml"
    (tmp_path / "xx.toml").write_text(source.read_text(encoding="utf-8").replace('title = "Recap"', 'title = "Résumé"'),
                                      encoding="utf-8")
    monkeypatch.setattr(narration, "SCRIPTS", tmp_path)
    narration.load_script.cache_clear()
    try:
        assert narration.load_script("xx").chapter("ch10").title == "Résumé"
        assert CHAPTERS[9].title_in("xx") == "Résumé"
        with pytest.raises(ScriptError, match="no narration script for language 'fr'"):
            narration.load_script("fr")
    finally:
        narration.load_script.cache_clear()


def test_a_broken_script_is_one_clear_error(tmp_path, monkeypatch):
    from scenes.content import narration

    (tmp_path / "en.toml").write_text('title = "t"\n[ch01]\ntitle = "x"\n[[ch01.beats]]\n'
                                      'id = "a"\ncaption = ""\nsay = "Hi."\n')
    monkeypatch.setattr(narration, "SCRIPTS", tmp_path)
    narration.load_script.cache_clear()
    try:
        with pytest.raises(ScriptError, match="needs an id, a caption and say"):
            narration.load_script("en")
    finally:
        narration.load_script.cache_clear()


def test_script_option_prints_every_beat_with_its_id(capsys, script):
    assert cli.main(["--script"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Narration (en)")
    for beat in script.beats():
        assert f"### {beat.key}\n" in out
    assert out.index("### ch01.") < out.index("### ch12.")

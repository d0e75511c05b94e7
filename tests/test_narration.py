"""The script: every chapter has its words, every beat a caption that fits and narration; the format
takes another language without a code change; `--script` prints it all."""
import re

import pytest

from scenes.components.captions import CaptionError, caption
from scenes.content.narration import ScriptError, available_languages, load_script
from scenes.film import cli
from scenes.film.chapters import CHAPTERS

#: a typical value for every placeholder the English script uses (numbers as the scenes write them)
SAMPLE_VALUES = {
    "digit": 3, "accuracy": 0.9622, "value": 0.62, "answer": 3, "output": 0.80, "index": 8, "label": 5,
    "bar_sum": 13.92, "edge_sum": 12.15, "one_sum": -4.0, "nine_sum": 3.43, "plain": 1.0, "biased": 0.9,
    "weak_sum": 3.43, "weak_plain": 0.97, "weak_biased": 0.0, "bias": 0.19, "activation": 1.0, "v1": 0.95,
    "v2": 0.57, "v3": 0.03, "loopy_neuron": 14, "loop_mean": 0.72, "plain_mean": 0.19, "stroke_neuron": 14,
    "n_top": 6, "n_top_loopy": 3, "parameters": 13002,
    # chapter 5's measured part neurons, chapter 8's finding
    "n_test": 10000, "loop_neuron": 14, "line_neuron": 1, "loop_value": 0.16, "line_value": 0.94,
    "focus": 7, "n_fires": 703, "first": 6, "second": 5, "n_first": 402, "n_second": 284, "w_answer": 3.23,
    "w_label": 0.18, "line_mean": 0.76, "no_line_mean": 0.13,
}


LANGUAGES = available_languages()


@pytest.fixture(scope="module")
def script():
    return load_script("en")


@pytest.fixture(scope="module", params=LANGUAGES)
def any_script(request):
    return load_script(request.param)


def test_every_chapter_has_its_words_and_nothing_else(any_script):
    assert list(any_script.chapters) == [c.key for c in CHAPTERS]
    assert CHAPTERS[0].title == "Introduction example"


def test_the_narration_is_a_full_script(any_script):
    if any_script.language == "en":
        assert 2500 <= any_script.word_count() <= 3800
    for beat in any_script.beats():
        assert beat.sentences(), beat.key
        assert all(len(s.split()) <= 40 for s in beat.sentences()), f"{beat.key}: a sentence too long to follow"


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if lang != "en"])
def test_a_translation_tells_the_same_beats_sentence_for_sentence(language, script):
    """Each beat has as many sentences as the English one, so the translation rides on any voice's
    timing; and it asks for the same values."""
    other = load_script(language)
    for chapter in script.chapters.values():
        theirs = other.chapter(chapter.key)
        assert [b.id for b in theirs.beats] == [b.id for b in chapter.beats], chapter.key
        for ours, translated in zip(chapter.beats, theirs.beats):
            assert len(translated.filled(SAMPLE_VALUES).sentences()) == len(ours.filled(SAMPLE_VALUES).sentences()), \
                f"{language} {ours.key}: {len(translated.sentences())} sentences, English has {len(ours.sentences())}"
            assert translated.placeholders() <= set(SAMPLE_VALUES), f"{language} {ours.key} asks for unknown values"
        assert set(theirs.labels) >= set(chapter.labels), f"{language} {chapter.key} lacks labels"


def test_every_caption_fits_one_size_on_at_most_two_lines(any_script, media):
    for beat in any_script.beats():
        filled = beat.filled(SAMPLE_VALUES)
        words = caption(filled.caption)  # raises CaptionError when it does not fit
        assert words.font_size == pytest.approx(caption("x").font_size)


def test_a_caption_too_long_is_refused(media):
    with pytest.raises(CaptionError):
        caption("word " * 40)


def test_placeholders_are_filled_and_a_missing_value_is_named(script):
    beat = script.chapter("ch04").beat("forward-pass")
    assert beat.placeholders() == {"answer", "output"}
    filled = beat.filled({"answer": 3, "output": 0.8049})
    assert "{" not in filled.say and "0.80" in filled.say and "pick, 3," in filled.say
    with pytest.raises(ScriptError, match="needs values for output"):
        beat.filled({"answer": 3})


def test_narration_is_written_for_the_ear(any_script):
    for beat in any_script.beats():
        text = re.sub(r"\{[^}]*\}", "", beat.say)
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


def test_values_are_written_the_way_each_language_writes_them():
    from scenes.content.wording import Wording

    words = {"a_digit": {"3": "a three", "8": "an eight", "none": "your digit"}}
    english = Wording("en", words=words)
    assert english.fill("{x:.2f}, {p:.1%}, {n:,}, {n6:words}, {d:a_digit}", {"x": 0.8, "p": 0.9622, "n": 13002,
                                                                         "n6": 6, "d": 8}) == \
        "0.80, 96.2%, 13,002, six, an eight"
    assert english.fill("{d:a_digit}", {"d": None}) == "your digit"
    russian = Wording("ru", decimal=",", thousands="\u00a0", percent="\u00a0%")
    assert russian.fill("{x:.2f} {p:.1%} {n:,}", {"x": 0.8, "p": 0.9622, "n": 13002}) == "0,80 96,2\u00a0% 13\u00a0002"
    assert russian.fill("{n:words} {n:words/genitive} {k:words/f}", {"n": 3, "k": 2}) == "три трёх две"
    korean = Wording("ko")
    assert korean.fill("{n:words}", {"n": 784}) == "칠백팔십사"


def test_a_value_the_script_cannot_write_is_one_clear_error(script):
    beat = script.chapter("ch04").beat("forward-pass")
    with pytest.raises(ScriptError, match="beat ch04.forward-pass: cannot write 'lots' as {:.2f}"):
        beat.filled({"answer": 3, "output": "lots"})

"""Every chapter, rendered small: it shows something, tells every beat of its script in order, and
keeps its text inside the frame, legible at 480p, and apart from other text, also mid-transition."""
import numpy as np
import pytest

from scenes.content.narration import available_languages, load_script
from scenes.film.chapters import CHAPTERS

pytestmark = pytest.mark.render
MIN_CAP_PIXELS = 12  # a capital letter's height on the 854×480 frame
VISIBLE = 0.3  # two texts may cross only while one of them is at most this visible
CAPTION_TOP = 400  # pixel row: below it only the caption is drawn


@pytest.fixture(params=[(c, language) for language in available_languages() for c in CHAPTERS],
                ids=lambda p: f"ch{p[0].number:02d}-{p[1]}")
def run(request, chapter_run):
    """Each chapter in each language the film is made in."""
    chapter, language = request.param
    return chapter_run(chapter, language)


def all_text(run):
    """(where, boxes) at every beat's end and on every animated frame."""
    return [(f"beat {beat!r}", boxes) for beat, boxes in run.beats] + \
           [(f"beat {beat!r} at {time:.1f} s", boxes) for beat, time, boxes in run.frame_text]


def test_chapter_shows_something_while_each_beat_is_told(run):
    assert run.duration >= 10, "a chapter lasts at least ten seconds"
    for beat in run.timing["beats"]:
        middle = run.frame_at((beat["start"] + beat["end"]) / 2)
        lit = (middle[:CAPTION_TOP].max(axis=2) > 60).mean()
        assert lit > 0.002, f"{beat['key']}: nothing but the caption on screen while it is told"


def test_every_beat_of_the_script_is_told_in_order(run):
    script = load_script(run.timing["language"]).chapter(run.scene.chapter_key())
    assert [b["key"] for b in run.timing["beats"]] == [beat.key for beat in script.beats]
    starts = [b["start"] for b in run.timing["beats"]]
    assert starts == sorted(starts) and 0 < starts[0] < 4  # after the chapter's title card
    assert [text for _, text in run.scene.captions.history] == [b["caption"] for b in run.timing["beats"]]


def test_text_stays_inside_the_frame(run):
    for where, boxes in all_text(run):
        for box in boxes:
            if box.visibility > VISIBLE:
                assert box.inside_frame(), f"{box.text} leaves the frame at {where}"


def test_no_two_texts_overlap_at_beats_or_in_transitions(run):
    for where, boxes in all_text(run):
        seen = [box for box in boxes if box.visibility > VISIBLE]
        for i, a in enumerate(seen):
            for b in seen[i + 1:]:
                assert not a.overlaps(b), f"{a.text} overlaps {b.text} at {where}"


def test_all_text_is_legible_at_480p_at_every_beat(run):
    for beat, boxes in run.beats:  # (mid-transition, text may be growing or shrinking)
        where = f"beat {beat!r}"
        for box in boxes:
            if box.visibility > VISIBLE:
                assert box.cap_height >= MIN_CAP_PIXELS, f"{box.text} is {box.cap_height:.1f} px high at {where}"


MIN_GLYPH_PIXELS = 9  # every letter and digit drawn, sub- and superscripts included, at 854×480


def test_every_glyph_drawn_is_legible_at_480p(run):
    """Measured on the glyphs as drawn (their outlines' heights), not on font sizes."""
    small, smallest = set(), float("inf")
    for beat, boxes in run.beats:
        for box in boxes:
            if box.visibility > VISIBLE:
                smallest = min(smallest, box.smallest_glyph)
            if box.visibility > VISIBLE and box.smallest_glyph < MIN_GLYPH_PIXELS:
                small.add(f"{box.text} ({box.smallest_glyph:.1f} px) at beat {beat!r}")
    print(f"smallest glyph drawn: {smallest:.1f} px at 480p")  # the figure reported (pytest -rP)
    assert not small, "glyphs under 9 px at 480p:\n" + "\n".join(sorted(small))


def caption_baseline(frame) -> int | None:
    """The pixel row the caption's last line stands on: the lowest row that at least 30 % as many lit
    pixels cross as the fullest row of the caption band (descenders are sparse, the baseline is not)."""
    rows = (frame[CAPTION_TOP:].max(axis=2) > 100).sum(axis=1)
    strong = np.flatnonzero(rows >= 0.3 * rows.max()) if rows.any() else []
    return CAPTION_TOP + int(strong.max()) if len(strong) else None


def test_captions_stand_on_one_baseline_in_the_rendered_frames(run):
    """Read from the pictures, not from bounding boxes: every caption's last line on the same row."""
    rows = {}
    for beat in run.timing["beats"]:
        for moment in (0.6, 0.5 * (beat["end"] - beat["start"])):
            row = caption_baseline(run.frame_at(beat["start"] + moment))
            if row is not None:
                rows[f'{beat["key"]} at +{moment:.1f} s ({beat["caption"]!r})'] = row
    usual = max(set(rows.values()), key=list(rows.values()).count)
    off = {where: row for where, row in rows.items() if abs(row - usual) > 1}
    assert not off, f"captions off the baseline (row {usual}): {off}"

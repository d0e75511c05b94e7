"""Every chapter renders (small), shows something, and keeps its text inside the frame and apart."""
import numpy as np
import pytest

from scenes.film import CHAPTERS


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: f"ch{c.number:02d}-{c.scene}")
def test_chapter_renders_with_clean_layout(chapter, render_small):
    result = render_small(chapter.scene_class())
    frames = result.frames
    assert len(frames) >= 3 * 10, "a chapter lasts at least ten seconds"
    lit = (frames.max(axis=3) > 60).mean(axis=(1, 2))  # share of bright pixels per frame
    assert np.mean(lit > 0.002) > 0.8, "most frames show something"
    assert len(result.beats) >= 2, "a chapter marks its narration beats with self.beat(...)"
    for beat, boxes in result.beats:
        for box in boxes:
            assert box.inside_frame(), f"{box.text} leaves the frame at beat {beat!r}"
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                assert not a.overlaps(b), f"{a.text} overlaps {b.text} at beat {beat!r}"

"""The narrated scene's own timing: what joins a beat's first play keeps its own length."""
import pytest

from scenes.components import style
from tests.support.tiny_scenes import TINY_SCRIPT, TinySlowStart

pytestmark = pytest.mark.render


def test_the_title_leaves_in_its_own_time_when_the_first_play_is_long(render_tiny):
    run = render_tiny(TinySlowStart)
    start = run.timing["beats"][0]["start"]
    title = TINY_SCRIPT["title"].replace(" ", "")
    later = [box.visibility for _, time, boxes in run.frame_text if time > start + style.SHORT_RUN_TIME + 0.3
             for box in boxes if title in box.text]
    assert max(later, default=0.0) < 0.05, "the title is gone after its own half second, not faded over the 3 s play"

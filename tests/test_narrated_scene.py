"""The narrated scene's own timing: what joins a beat's first play keeps its own length."""
import pytest

from scenes.components import style
from tests.support.tiny_scenes import TINY_SCRIPT, TinyRevealUnderTitle, TinySlowStart

pytestmark = pytest.mark.render


def test_the_title_leaves_in_its_own_time_when_the_first_play_is_long(render_tiny):
    run = render_tiny(TinySlowStart)
    start = run.timing["beats"][0]["start"]
    title = TINY_SCRIPT["title"].replace(" ", "")
    later = [box.visibility for _, time, boxes in run.frame_text if time > start + style.SHORT_RUN_TIME + 0.3
             for box in boxes if title in box.text]
    assert max(later, default=0.0) < 0.05, "the title is gone after its own half second, not faded over the 3 s play"


def test_the_leaving_title_hides_nothing_that_enters_beneath_it(render_tiny):
    """The title leaves during the first play; a cover over it once stayed opaque to the play's end,
    a black box over whatever entered there."""
    run = render_tiny(TinyRevealUnderTitle)
    start = run.timing["beats"][0]["start"]
    height, width = run.frames.shape[1:3]
    centre = [run.frames[i, height // 2 - 10:height // 2 + 10, width // 2 - 40:width // 2 + 40].mean()
              for i, time in enumerate(run.frame_times) if start + 2.0 <= time < start + 3.0]
    assert centre and min(centre) > 150, f"the panel entering under the title shows (centre brightness {centre})"

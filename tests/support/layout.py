"""Where text is on screen, for the layout tests: recorded at every beat's end and every animated
frame of a narrated scene, by wrapping its methods (the runtime carries no test hooks).

    with record_text(scene_class) as record:   # record.beats, record.frames
        scene_class().render()
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pytest
from manim import (
    DecimalNumber,
    Integer,
    MarkupText,
    MathTex,
    Mobject,
    Paragraph,
    SingleStringMathTex,
    Tex,
    Text,
    config,
)

from scenes.components.transitions import Cover
from scenes.runtime.narrated_scene import NarratedScene

TEXT_TYPES = (Text, MarkupText, Paragraph, MathTex, SingleStringMathTex, Tex, DecimalNumber, Integer)
#: cap height in pixels of the 854×480 frame per unit of font size (measured: "H" at size 36)
CAP_PIXELS_PER_FONT_SIZE = {"text": 21.89 / 36, "tex": 15.31 / 36}


@dataclass(frozen=True)
class TextBox:
    """Where one piece of text sits on screen (manim units), how visible it is, and its size."""

    beat: str
    text: str
    left: float
    right: float
    bottom: float
    top: float
    visibility: float = 1.0  # 0 (hidden, faded out or under a cover) to 1
    cap_height: float = 0.0  # of its letters, in pixels of the 854×480 frame
    smallest_glyph: float = 0.0  # the height of its smallest glyph as drawn now, in pixels of the 480p frame

    def inside_frame(self, margin: float = 0.0) -> bool:
        w, h = config.frame_width / 2 - margin, config.frame_height / 2 - margin
        return -w <= self.left and self.right <= w and -h <= self.bottom and self.top <= h

    def overlaps(self, other: TextBox, tolerance: float = 0.02) -> bool:
        return (
            min(self.right, other.right) - max(self.left, other.left) > tolerance
            and min(self.top, other.top) - max(self.bottom, other.bottom) > tolerance
        )


@dataclass
class TextRecord:
    """Every beat's text at its end, and the text on every animated frame (beat, time, boxes)."""

    beats: list[tuple[str, list[TextBox]]] = field(default_factory=list)
    frames: list[tuple[str, float, list[TextBox]]] = field(default_factory=list)


@contextmanager
def record_text(monkeypatch: pytest.MonkeyPatch) -> Iterator[TextRecord]:
    """While in the block, every narrated scene records its text into the yielded record."""
    record = TextRecord()
    beat, update = NarratedScene.beat, NarratedScene.update_to_time

    @contextmanager
    def recording_beat(self: NarratedScene, beat_id: str, **values: Any) -> Iterator[Any]:
        with beat(self, beat_id, **values) as clock:
            yield clock
            self.wait(0)  # a caption change still pending joins now, as the beat would
            record.beats.append((beat_id, visible_text_boxes(self.mobjects, beat_id)))

    def recording_update(self: NarratedScene, t: float) -> None:
        update(self, t)
        record.frames.append((self.beat_name, self.renderer.time + t, visible_text_boxes(self.mobjects, self.beat_name)))

    monkeypatch.setattr(NarratedScene, "beat", recording_beat)
    monkeypatch.setattr(NarratedScene, "update_to_time", recording_update)
    yield record


def visible_text_boxes(mobjects: list[Mobject], beat: str = "") -> list[TextBox]:
    """Every text mobject among ``mobjects`` (and their families) that can be seen, with how
    visible it is: its own opacity, times what covers drawn above it let through."""
    covers = [(i, m) for i, m in enumerate(mobjects) if isinstance(m, Cover)]
    boxes: list[TextBox] = []
    seen: set[int] = set()  # a mobject in the scene twice (alone and in a group) is one text

    def visit(mob: Mobject, index: int) -> None:
        if id(mob) in seen:
            return
        seen.add(id(mob))
        if isinstance(mob, TEXT_TYPES):
            if not mob.has_points() and not mob.submobjects:
                return
            visibility = _own_opacity(mob)
            centre = mob.get_center()
            for i, lid in covers:
                if i > index and _contains(lid, centre):
                    visibility *= 1.0 - float(lid.get_fill_opacity())
            if visibility > 0.05:
                boxes.append(TextBox(beat, _describe(mob), mob.get_left()[0], mob.get_right()[0],
                                     mob.get_bottom()[1], mob.get_top()[1], visibility, cap_height(mob),
                                     smallest_glyph(mob)))
            return
        for sub in mob.submobjects:
            visit(sub, index)

    for index, mob in enumerate(mobjects):
        visit(mob, index)
    return boxes


def cap_height(mob: Mobject) -> float:
    """The height of a capital letter of ``mob``'s font as drawn now, in pixels of the 480p frame."""
    kind = "text" if isinstance(mob, (Text, MarkupText, Paragraph)) else "tex"
    size = getattr(mob, "font_size", None)
    if size is None:
        return 0.0
    return float(size) * CAP_PIXELS_PER_FONT_SIZE[kind]


#: what a glyph's outline must be to count as a letter or digit, not a mark: taller than half its width
#: (a minus sign, an equals sign, a rule are flat), and not both short and small: a full stop, a comma,
#: an apostrophe, a prime or a dot of ⋯ is under 0.6 of a capital high and covers under this share of
#: a capital's square (measured: commas 0.08, a prime 0.14; the narrowest subscripts, i and l, 0.17)
MARK_AREA = 0.15
MARK_HEIGHT = 0.6
PIXELS_PER_UNIT_480P = 480 / 8.0  # the frame is 8 units high


def smallest_glyph(mob: Mobject) -> float:
    """The height, in pixels of the 480p frame, of the smallest letter or digit ``mob`` draws now (inf when
    it draws only marks):
    measured from the outlines drawn (so sub- and superscripts, matrix entries and text shrunk by a
    scale count as drawn), marks such as . , ' − = left out (see ``MARK_AREA``)."""
    glyphs = [g for g in mob.family_members_with_points() if len(g.points)]
    if not glyphs:
        return 0.0
    sizes = np.array([(g.width, g.height) for g in glyphs]) * PIXELS_PER_UNIT_480P * 8.0 / config.frame_height
    capital = cap_height(mob) or float(np.max(sizes[:, 1]))
    letters = [h for w, h in sizes if h >= 0.5 * w and not (h < MARK_HEIGHT * capital and w * h < MARK_AREA * capital ** 2)]
    return float(min(letters)) if letters else float("inf")  # marks only (=, ⋯, ⋮): no letter to read


def _own_opacity(mob: Mobject) -> float:
    return max((max(m.get_fill_opacity(), m.get_stroke_opacity()) for m in mob.family_members_with_points()),
               default=0.0)


def _contains(lid: Mobject, point: np.ndarray) -> bool:
    return bool(lid.get_left()[0] <= point[0] <= lid.get_right()[0]
                and lid.get_bottom()[1] <= point[1] <= lid.get_top()[1])


def _describe(mob: Mobject) -> str:
    for attr in ("text", "tex_string", "number"):
        if hasattr(mob, attr):
            return f"{type(mob).__name__}({getattr(mob, attr)!r})"
    return type(mob).__name__

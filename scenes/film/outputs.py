"""Where every output goes, named by what it holds: quality, language, voice and input.

    media/chapters/<file>/<quality>-<language>-<voice>/<input>/<Scene>.mp4   a chapter (+ sound, subtitles, timing)
    media/film/film-<quality>[-<language>][-<voice>][-<input>].mp4           the film (defaults left out)
    media/slides/presentation-<quality>[-chNN…][-…].html / .pptx             a presentation

<input> is "default", "digit-18", "image-<name>-<hash>", or "any-input" for a chapter that does not
show the chosen input (shared by every input). No render overwrites another; every variant stays.
"""
from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from pathlib import Path

from scenes.content.digit_input import input_name
from scenes.content.narration import DEFAULT_LANGUAGE, ENV_LANG
from scenes.runtime.voice import voice_from_environment

from .chapters import CHAPTERS, Chapter
from .paths import MEDIA

QUALITIES = {  # our name → (manim's flag, the folder manim writes to)
    "low": ("l", "480p15"),
    "medium": ("m", "720p30"),
    "high": ("h", "1080p60"),
    "4k": ("k", "2160p60"),
}
DEFAULT_VOICE_NAME = "piper"
ANY_INPUT = "any-input"  # the folder of a chapter that does not show the chosen input


def variant_name(quality: str, env: Mapping[str, str]) -> str:
    """What a render holds, as a folder name: "480p15-en-piper", "1080p60-ko-silent" …"""
    return f"{QUALITIES[quality][1]}-{env.get(ENV_LANG) or DEFAULT_LANGUAGE}-{voice_from_environment(env).name}"


def variant_suffix(quality: str, env: Mapping[str, str]) -> str:
    """The variant for a file name, defaults left out: "480p15", "480p15-ko", "480p15-silent-digit-11"."""
    parts = [QUALITIES[quality][1]]
    if (language := env.get(ENV_LANG) or DEFAULT_LANGUAGE) != DEFAULT_LANGUAGE:
        parts.append(language)
    if (voice := voice_from_environment(env).name) != DEFAULT_VOICE_NAME:
        parts.append(voice)
    if (chosen := input_name(env)) != "default":
        parts.append(chosen)
    return "-".join(parts)


def chapter_home(chapter: Chapter, media: Path = MEDIA) -> Path:
    """Everything of one chapter (or one scene of yours): its working folder and every variant."""
    if chapter.number:
        return media / "chapters" / chapter.name
    digest = hashlib.sha256(str(chapter.file).encode()).hexdigest()[:8]
    return media / "scenes" / f"{chapter.name}-{chapter.scene}-{digest}"


def working_folder(chapter: Chapter, media: Path = MEDIA) -> Path:
    """manim's media folder for the chapter's renders: its own (one per scene, even of one file),
    because manim's LaTeX and text caches and the render's record are not safe to share between
    processes rendering at the same time."""
    return chapter_home(chapter, media) / "render" / chapter.scene


def video_path(chapter: Chapter, quality: str, env: Mapping[str, str], media: Path = MEDIA,
               shows_input: bool = True) -> Path:
    """Where the chapter's video for these settings is kept."""
    folder = input_name(env) if shows_input else ANY_INPUT
    return chapter_home(chapter, media) / variant_name(quality, env) / folder / f"{chapter.scene}.mp4"


def shared_tex_folder(media: Path = MEDIA) -> Path:
    """Formulas compiled by LaTeX, shared by all chapters (each also keeps its own copies)."""
    return media / "chapters" / "shared-tex"


def film_path(quality: str, env: Mapping[str, str], media: Path = MEDIA) -> Path:
    """The film of these settings: media/film/film-480p15.mp4, film-480p15-ko.mp4 …"""
    return media / "film" / f"film-{variant_suffix(quality, env)}.mp4"


def presentation_path(chapters: Sequence[Chapter], quality: str, env: Mapping[str, str], fmt: str,
                      media: Path = MEDIA) -> Path:
    """The presentation of ``chapters``: presentation-480p15.html (the whole film), or with the chapters
    it holds, presentation-480p15-ch03-ch04.pptx."""
    suffix = variant_suffix(quality, env)
    if list(chapters) != list(CHAPTERS):
        suffix += "".join(f"-{c.key}" if c.number else f"-{c.scene}" for c in chapters)
    return media / "slides" / f"presentation-{suffix}.{fmt}"

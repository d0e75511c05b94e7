"""Reading and writing video and sound with PyAV: lengths, joining pictures without re-encoding,
and the narration as AAC. Used by the scene runtime (a scene's own video) and by the film above it.

Held frames are written once at each end of their hold (variable frame rate), so a video's length
is its stream's duration, and the next video joined after it starts there.
"""
from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
from PIL import Image

from .voice import SAMPLE_RATE

AAC_OPTIONS = {"aac_coder": "fast"}
AUDIO_CHUNK = 1 << 16  # samples handed to the encoder at a time (it cuts them into AAC frames itself)
#: samples of silence the AAC encoder puts before the sound (its priming). A file written here says
#: so in an edit list and players skip them; manim copies a scene's sound packets into its video
#: without that list, so there the sound is handed over this much early (``encode_sound(lead=...)``)
AAC_PRIMING = 1024


def video_seconds(path: Path) -> float:
    """Length of a video file's picture in seconds."""
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        if stream.duration is not None and stream.time_base is not None:
            return float(stream.duration * stream.time_base)
        return (container.duration or 0) / av.time_base


def join_pictures(videos: Sequence[Path], output: Path) -> None:
    """``output``: the pictures of ``videos`` one after another (remuxed, not re-encoded)."""
    with av.open(str(videos[0])) as first, av.open(str(output), "w") as out:
        picture = out.add_stream_from_template(first.streams.video[0])
        offset = 0
        for video in videos:
            offset = copy_picture(video, out, picture, offset)


def copy_picture(video: Path, out: av.container.OutputContainer, picture: av.video.stream.VideoStream,
                 offset: int, start: int = 0, end: int | None = None) -> int:
    """Copy ``video``'s picture into ``out``'s stream ``picture`` from ``offset`` (in that stream's time
    base); returns where it ends: ``offset`` plus the length copied.

    ``start`` and ``end`` (in the source's time base; ``start`` on a key frame) copy only that part.
    """
    with av.open(str(video)) as source:
        stream = source.streams.video[0]
        stop = end if end is not None else stream.duration
        last = offset
        for packet in source.demux(stream):
            if packet.dts is None or packet.pts is None:  # the flushing packet at the end of a stream
                continue
            if packet.pts < start or (stop is not None and packet.pts >= stop):
                continue
            packet.pts += offset - start
            packet.dts += offset - start
            packet.stream = picture
            last = max(last, packet.pts + (packet.duration or 0))
            out.mux(packet)
        return offset + stop - start if stop is not None else last


def frames_at(video: Path, times: Sequence[float]) -> list[Image.Image]:
    """The picture on screen at each of ``times`` (seconds, increasing): with held frames written
    once at each end of their hold, that is the last frame that starts at or before the time."""
    shown: list[Image.Image] = []
    wanted = list(times)
    with av.open(str(video)) as container:
        stream = container.streams.video[0]
        assert stream.time_base is not None
        previous = None
        for frame in container.decode(stream):
            t = float((frame.pts or 0) * stream.time_base)
            while wanted and t > wanted[0] + 1e-6 and previous is not None:
                shown.append(previous)
                wanted.pop(0)
            if not wanted:
                break
            previous = frame.to_image()
        shown += [previous] * len(wanted) if previous is not None else []
    return shown


def key_frame_times(video: Path) -> list[int]:
    """The presentation times of ``video``'s key frames, in its stream's time base."""
    with av.open(str(video)) as source:
        stream = source.streams.video[0]
        return sorted(p.pts for p in source.demux(stream) if p.pts is not None and p.is_keyframe)


def sound_stream(out: av.container.OutputContainer, language: str | None = None) -> av.audio.stream.AudioStream:
    """A mono AAC stream for the narration (the encoder's fast coder: the same sound for speech, in half
    the time), tagged with ``language`` (ISO 639-2, e.g. "eng") when given."""
    stream = out.add_stream("aac", rate=SAMPLE_RATE, layout="mono", options=AAC_OPTIONS)
    stream.time_base = Fraction(1, SAMPLE_RATE)
    if language:
        stream.metadata["language"] = language
    return stream


def encode_sound(out: av.container.OutputContainer, stream: av.audio.stream.AudioStream, track: np.ndarray,
                 lead: int = 0) -> None:
    """Encode mono float ``track`` (at SAMPLE_RATE) into ``stream`` of ``out``, from time 0, leaving out
    its first ``lead`` samples (where the encoder's priming will stand when no edit list skips it)."""
    track = track[lead:]
    for first in range(0, len(track), AUDIO_CHUNK):
        frame = av.AudioFrame.from_ndarray(np.ascontiguousarray(track[None, first:first + AUDIO_CHUNK], np.float32),
                                           format="fltp", layout="mono")
        frame.sample_rate, frame.pts, frame.time_base = SAMPLE_RATE, first, Fraction(1, SAMPLE_RATE)
        for packet in stream.encode(frame):
            out.mux(packet)
    for packet in stream.encode(None):
        out.mux(packet)

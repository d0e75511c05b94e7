"""Join rendered chapter videos into one film with chapter markers (PyAV remux: no re-encoding)."""
from __future__ import annotations

import os
from fractions import Fraction
from pathlib import Path
from typing import Sequence

import av


def video_seconds(path: Path) -> float:
    """Length of a video file in seconds."""
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        if stream.duration is not None:
            return float(stream.duration * stream.time_base)
        return container.duration / av.time_base


def assemble_film(parts: Sequence[tuple[str, Path]], output: Path) -> list[tuple[str, float, float]]:
    """Write ``output``: the videos of ``parts`` ((title, path), in order) one after another.

    Each part becomes a chapter marker with its title. The file is written beside ``output``
    and moved into place only when complete, so a failure never replaces a good earlier film.
    Returns (title, start, end) in seconds for every chapter.
    """
    partial = output.with_name(output.stem + ".partial" + output.suffix)
    try:
        chapters = _remux(parts, partial)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    os.replace(partial, output)
    return chapters


def _remux(parts: Sequence[tuple[str, Path]], output: Path) -> list[tuple[str, float, float]]:
    chapters: list[tuple[str, float, float]] = []
    with av.open(str(output), "w") as out:
        out_stream = None
        offset = 0  # in the output stream's time base
        for title, path in parts:
            with av.open(str(path)) as source:
                in_stream = source.streams.video[0]
                if out_stream is None:
                    out_stream = out.add_stream_from_template(in_stream)
                time_base = in_stream.time_base
                end = offset
                for packet in source.demux(in_stream):
                    if packet.dts is None:  # the flushing packet at the end of a stream
                        continue
                    packet.pts += offset
                    packet.dts += offset
                    packet.stream = out_stream
                    end = max(end, packet.pts + packet.duration)
                    out.mux(packet)
                chapters.append((title, float(offset * time_base), float(end * time_base)))
                offset = end
        out.set_chapters([
            {"id": i + 1, "start": int(start * 1000), "end": int(stop * 1000),
             "time_base": Fraction(1, 1000), "metadata": {"title": title}}
            for i, (title, start, stop) in enumerate(chapters)
        ])
    return chapters


def read_chapters(path: Path) -> list[tuple[str, float, float]]:
    """The chapter markers of a film: (title, start, end) in seconds."""
    with av.open(str(path)) as container:
        return [
            (c["metadata"].get("title", ""), float(c["start"] * c["time_base"]), float(c["end"] * c["time_base"]))
            for c in container.chapters()
        ]

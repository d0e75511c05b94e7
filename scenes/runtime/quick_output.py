"""Faster frames and video for the chapters: the same pictures (still layers: to a level of rounding), less work.

- ``QuickCamera``: manim's Cairo camera draws every ``ImageMobject`` by building a
  frame-sized image and blending the whole frame (about 25 ms per image per 1080p frame). An
  upright image (all of ours: pixel grids are never rotated) is scaled and blended here into
  just its own box; anything else goes to manim's general code. Vector shapes are traced with
  the same cairo calls as manim's, with less Python work per shape (a frame holds hundreds of
  edges and neurons), and wholly transparent fills and strokes are not painted.
- ``QuickEncodingFileWriter``: x264 with :data:`X264_OPTIONS`; a still frame that is held
  (``wait``) is written twice, at the start and at the end of its hold, not once per frame
  (variable frame rate). It replaces a method of a private object of manim's file writer.
- ``QuickRenderer``: manim's Cairo renderer, handing each frame to that writer converted straight
  from the camera's array (manim copies the frame twice first), and painting a play's long runs
  of still shapes once, into layers laid over each frame (``StillLayers``).

``NarratedScene`` uses them only where ``manim_hooks.hooks_usable()`` (the supported manim), else
manim's own, with a loud warning.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, cast

import av
import cairo
import numpy as np
from av.video.reformatter import VideoReformatter
from manim import Camera, Mobject, VMobject
from manim.camera import camera as _manim_camera
from manim.constants import CapStyleType, LineJointType
from manim.mobject.types.image_mobject import AbstractImageMobject
from manim.renderer.cairo_renderer import CairoRenderer
from manim.scene import scene_file_writer as _manim_writer
from manim.scene.scene_file_writer import SceneFileWriter
from PIL import Image

#: x264 settings of every video the chapters write. manim's default preset ("medium") spends
#: about 25 ms per 1080p frame; flat-coloured animation needs far less: "ultrafast" with
#: "tune animation" encodes about 3x faster at the same quality setting (crf 23), in larger files.
#: One thread: two chapters render at once on two cores, and x264's own threads only add
#: overhead then (one thread used 20 % less CPU on a test clip at 1080p). No B-frames: every
#: packet's decoding time is its showing time, so partial movies and chapters join by shifting both.
X264_OPTIONS = {"preset": "ultrafast", "tune": "animation", "threads": "1", "bf": "0"}


#: ``numpy.isclose``'s relative tolerance, which manim uses to decide where a path breaks
_RTOL = 1.0e-5


class QuickCamera(Camera):
    """manim's camera, with upright images blended into their own box only and quicker vector paths."""

    def display_vectorized(self, vmobject: VMobject, ctx: cairo.Context) -> QuickCamera:
        points = vmobject.points
        if vmobject.n_points_per_cubic_curve != 4 or len(points) < 4 or not np.isfinite(points).all():
            return super().display_vectorized(vmobject, ctx)
        _trace_cubic_path(ctx, vmobject, points[:, :2])
        self._paint_stroke(ctx, vmobject, background=True)
        rgbas = vmobject.get_fill_rgbas()
        if len(rgbas) > 1 or rgbas[0][3] > 0:  # painting with alpha 0 leaves every pixel as it is
            self.set_cairo_context_color(ctx, rgbas, vmobject)
            ctx.fill_preserve()
        self._paint_stroke(ctx, vmobject, background=False)
        return self

    def _paint_stroke(self, ctx: cairo.Context, vmobject: VMobject, background: bool) -> None:
        """manim's ``apply_stroke``, skipping the painting of a wholly transparent stroke."""
        width = vmobject.get_stroke_width(background)
        if width == 0:
            return
        join = _manim_camera.LINE_JOIN_MAP[vmobject.joint_type] if vmobject.joint_type != LineJointType.AUTO else None
        if join is not None:  # context state: set as manim does, painted or not
            ctx.set_line_join(join)
        cap = _manim_camera.CAP_STYLE_MAP[vmobject.cap_style] if vmobject.cap_style != CapStyleType.AUTO else None
        if cap is not None:
            ctx.set_line_cap(cap)
        rgbas = vmobject.get_stroke_rgbas(background)
        if len(rgbas) == 1 and rgbas[0][3] == 0:
            return
        self.set_cairo_context_color(ctx, rgbas, vmobject)
        ctx.set_line_width(width * self.cairo_line_width_multiple)
        ctx.stroke_preserve()

    def get_mobjects_to_display(self, mobjects: Iterable[Mobject], include_submobjects: bool = True,
                                excluded_mobjects: list | None = None) -> list[Mobject]:
        """manim's, with the families flattened in one pass (``drawing_order``)."""
        if not include_submobjects or excluded_mobjects:
            return super().get_mobjects_to_display(mobjects, include_submobjects, excluded_mobjects)
        drawn = drawing_order(mobjects)
        return sorted(drawn, key=lambda m: m.z_index) if self.use_z_index else drawn

    def set_pixel_array(self, pixel_array: np.ndarray | list | tuple, convert_from_floats: bool = False) -> None:
        """manim's, without its extra full-frame copy where the frame is simply copied in place."""
        current = getattr(self, "pixel_array", None)
        if convert_from_floats or current is None or not isinstance(pixel_array, np.ndarray) \
                or current.shape != pixel_array.shape \
                or current.dtype != pixel_array.dtype:
            return super().set_pixel_array(pixel_array, convert_from_floats)
        np.copyto(current, pixel_array)
        return None

    def display_image_mobject(self, image_mobject: AbstractImageMobject, pixel_array: np.ndarray) -> None:
        corners = self.points_to_subpixel_coords(image_mobject, image_mobject.points)  # UL, UR, DL, DR
        (x0, y0), (x1, y1_top), (x0_low, y1), _ = np.rint(corners).astype(int)
        upright = y1_top == y0 and x0_low == x0 and x1 > x0 and y1 > y0
        if not upright or pixel_array.dtype != np.uint8:
            return super().display_image_mobject(image_mobject, pixel_array)
        source = Image.fromarray(np.asarray(image_mobject.get_pixel_array(), dtype=np.uint8), mode="RGBA")
        scaled = source.resize((x1 - x0, y1 - y0), resample=image_mobject.resampling_algorithm)
        height, width = pixel_array.shape[:2]
        left, top, right, bottom = max(x0, 0), max(y0, 0), min(x1, width), min(y1, height)
        if left >= right or top >= bottom:
            return  # entirely off the frame
        scaled = scaled.crop((left - x0, top - y0, right - x0, bottom - y0))
        below = Image.fromarray(pixel_array[top:bottom, left:right], mode="RGBA")
        pixel_array[top:bottom, left:right] = np.asarray(Image.alpha_composite(below, scaled))


def drawing_order(mobjects: Iterable[Mobject]) -> list[Mobject]:
    """The members with points of ``mobjects``' families in the order manim draws them: each mobject
    before its submobjects, depth first; one met twice keeps its last place (as manim's
    ``extract_mobject_family_members``, which removes repeats again at every level of the tree)."""
    met: list[Mobject] = []
    stack = list(mobjects)[::-1]
    while stack:
        mobject = stack.pop()
        met.append(mobject)
        stack.extend(mobject.submobjects[::-1])
    seen: set[Mobject] = set()
    drawn = []
    for mobject in reversed(met):
        if mobject not in seen:
            seen.add(mobject)
            if len(mobject.points):
                drawn.append(mobject)
    return drawn[::-1]


def _trace_cubic_path(ctx: cairo.Context, vmobject: VMobject, xy: np.ndarray) -> None:
    """Trace ``vmobject``'s cubic Bézier path (its ``xy`` points) as manim's camera does.

    A new subpath starts wherever a curve's end is not (numpy-)close to the next curve's start;
    a subpath whose ends meet is closed.
    """
    ctx.new_path()
    n = len(xy)
    bounds = [0, n]
    if n > 4:
        starts = xy[4::4]
        apart = np.abs(xy[3 : n - 1 : 4] - starts) > vmobject.tolerance_for_point_equality + _RTOL * np.abs(starts)
        breaks = np.flatnonzero(apart.any(axis=1))
        if len(breaks):
            bounds = [0, *((breaks + 1) * 4).tolist(), n]
    flat = xy.tolist()
    curve_to = ctx.curve_to
    for start, end in zip(bounds[:-1], bounds[1:]):
        if end - start < 4:
            continue
        ctx.new_sub_path()
        ctx.move_to(*flat[start])
        for i in range(start, end - 3, 4):
            (x1, y1), (x2, y2), (x3, y3) = flat[i + 1 : i + 4]
            curve_to(x1, y1, x2, y2, x3, y3)
        if vmobject.consider_points_equals_2d(flat[start], flat[end - 1]):
            ctx.close_path()


def rgba_video_frame(frame: np.ndarray) -> av.VideoFrame:
    """A PyAV frame holding the (height, width, 4) uint8 RGBA ``frame``.

    The same as ``av.VideoFrame.from_ndarray(frame, format="rgba")``, which copies a 1080p frame
    in about 13 ms; one buffer copy takes about 5 ms.
    """
    height, width = frame.shape[:2]
    out = av.VideoFrame(width, height, "rgba")
    if out.planes[0].line_size != width * 4:  # rows padded: let PyAV lay them out
        return av.VideoFrame.from_ndarray(frame, format="rgba")
    out.planes[0].update(cast(bytes, np.ascontiguousarray(frame, dtype=np.uint8)))  # any buffer will do
    return out


class QuickEncodingFileWriter(SceneFileWriter):
    """manim's file writer, with :data:`X264_OPTIONS`, a quicker frame copy, and held frames converted once.

    ``quick_frames`` counts the frames that went through the quick path.
    """

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003 (manim's signature)
        self.quick_frames = 0
        self.quick_stream = False  # whether the open partial movie goes through the quick path
        self.quick_format = "yuv420p"  # the open quick stream's pixel format
        self.reformatter = VideoReformatter()  # kept: it keeps its conversion set up between frames
        super().__init__(*args, **kwargs)

    def open_partial_movie_stream(self, file_path=None) -> None:  # noqa: ANN001 (manim's signature)
        super().open_partial_movie_stream(file_path)
        job: Any = self._current_encode_job  # private (manim_hooks checks it is there)
        self.quick_stream = job.stream.codec_context.name == "libx264"
        if not self.quick_stream:
            return  # a transparent or webm render: manim's own path
        job.stream.codec_context.options = {**job.stream.codec_context.options, **X264_OPTIONS}
        self.quick_format = job.stream.codec_context.pix_fmt
        next_pts = 0  # in frames: the stream's time base is one frame

        def encode(frame: np.ndarray | av.VideoFrame, num_frames: int) -> None:
            nonlocal next_pts
            picture = frame if isinstance(frame, av.VideoFrame) else rgba_video_frame(frame)
            # a held frame (a wait) is written twice, at its first and its last moment: the picture
            # stays on screen in between (variable frame rate), at a fraction of the encoding work
            for pts in sorted({next_pts, next_pts + num_frames - 1}):
                copy = picture if pts == next_pts else _copy(picture)  # the encoder keeps each one
                copy.pts = pts
                for packet in job.stream.encode(copy):
                    job.container.mux(packet)
            next_pts += num_frames
            self.quick_frames += num_frames

        job._encode_and_write_frame = encode

    def close_partial_movie_stream(self) -> None:
        self.quick_stream = False
        super().close_partial_movie_stream()

    def frame_to_write(self, pixels: np.ndarray) -> np.ndarray | av.VideoFrame:
        """What to queue for the encoder of the camera's ``pixels`` (which the camera then draws over):
        where the quick encoder runs, the frame converted to the stream's pixel format straight from
        the camera's array (no copy of the RGBA frame); else a copy, as manim's writer takes it."""
        if not self.quick_stream:
            return pixels.copy()
        rgba = av.VideoFrame.from_numpy_buffer(pixels, format="rgba")  # a view: converted at once
        return self.reformatter.reformat(rgba, format=self.quick_format)

    def combine_files(self, input_files, output_file, create_gif: bool = False,  # noqa: ANN001 (manim's)
                      includes_sound: bool = False) -> None:
        """The partial movies joined by the same remux as the film's chapters (manim's own concatenation
        loses time where a held frame is written only at the ends of its hold)."""
        if create_gif:
            return super().combine_files(input_files, output_file, create_gif, includes_sound)
        from .video_io import join_pictures

        join_pictures([Path(f) for f in input_files], Path(output_file))
        return None

    def combine_to_movie(self) -> None:
        """manim's own, with its sound converted to AAC by the encoder's fast coder."""
        from manim.scene import scene_file_writer

        original = scene_file_writer.convert_audio
        scene_file_writer.convert_audio = convert_audio
        try:
            super().combine_to_movie()
        finally:
            scene_file_writer.convert_audio = original


def _copy(frame: av.VideoFrame) -> av.VideoFrame:
    """A frame of the same picture with its own pixel buffers."""
    return av.VideoFrame.from_ndarray(frame.to_ndarray(), format=frame.format.name)


class QuickRenderer(CairoRenderer):
    """manim's Cairo renderer, handing frames to a ``QuickEncodingFileWriter`` with one copy each, and
    painting still runs of shapes over moving ones once per play (``StillLayers``).

    Args:
        still_layers: whether to keep still runs as layers (False draws every shape in every frame,
            as manim does).
        **kwargs: passed to manim's ``CairoRenderer``.
    """

    def __init__(self, *args: Any, still_layers: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.still_layers = StillLayers(self.camera) if still_layers else None

    def render(self, scene: Any, time: float, moving_mobjects: Any = None) -> None:
        if self.still_layers is None or not moving_mobjects:
            self.update_frame(scene, moving_mobjects)
        else:
            if self.static_image is not None:
                self.camera.set_frame_to_background(self.static_image)
            else:
                self.camera.reset()
            self.still_layers.draw(scene, self.num_plays, self.camera.get_mobjects_to_display(moving_mobjects))
        self.add_frame(self.file_writer.frame_to_write(self.camera.pixel_array))

    def freeze_current_frame(self, duration: float) -> None:
        frames = int(duration / (1 / self.camera.frame_rate))  # as manim counts them
        self.add_frame(self.file_writer.frame_to_write(self.camera.pixel_array), num_frames=frames)


class StillLayers:
    """Draws a play's frames with each long run of still shapes painted once into a layer.

    manim draws the shapes below the first moving one once per play (its static frame) and every
    shape after it in every frame: a caption changing over the network diagram, or an image swapped
    beneath it, redraws the diagram's 700 edges each frame. Here a run of at least
    :data:`MIN_RUN` vector shapes that no animation of the play holds (nor an updater, nor the
    foreground) is painted once into a transparent layer, which each frame lays over what is
    below it: the same picture (to a level of rounding), a fraction of the work. The assumption is
    manim's own for the shapes below: an animation changes only its own mobject's family.
    """

    #: the fewest still shapes in a row worth a layer (a layer costs one paint of its box per frame)
    MIN_RUN = 16

    def __init__(self, camera: Camera) -> None:
        self.camera = camera
        self.play = -1
        self.moving: set[Mobject] = set()
        self.layers: dict[tuple[int, ...], _Layer] = {}

    def draw(self, scene: Any, play: int, drawn: list[Mobject]) -> None:
        """Draw ``drawn`` (in order, over the frame's background) for frame of play number ``play``."""
        if play != self.play:
            self.play, self.moving = play, _moving_members(scene)
            self.forget()
        pending: list[Mobject] = []  # drawn as manim draws them, in one batch up to the next layer
        run: list[Mobject] = []
        for mobject in [*drawn, None]:
            if mobject is not None and mobject not in self.moving and _layerable(mobject):
                run.append(mobject)
                continue
            if len(run) >= self.MIN_RUN:
                self.camera.capture_mobjects(pending, include_submobjects=False)
                self._layer(run).paint(self.camera)
                pending = []
            else:
                pending += run
            run = []
            if mobject is not None:
                pending.append(mobject)
        self.camera.capture_mobjects(pending, include_submobjects=False)

    def _layer(self, run: list[Mobject]) -> _Layer:
        key = tuple(map(id, run))
        if key not in self.layers:
            self.layers[key] = _Layer(self.camera, run)
        return self.layers[key]

    def forget(self) -> None:
        """Drop the layers of the last play."""
        for layer in self.layers.values():
            layer.release()
        self.layers.clear()


class _Layer:
    """Shapes painted once into a transparent frame-sized array, laid over frames within its box."""

    def __init__(self, camera: Camera, shapes: list[Mobject]) -> None:
        frame = camera.pixel_array
        self.pixels = np.zeros_like(frame)
        camera.pixel_array = self.pixels
        try:
            camera.capture_mobjects(shapes, include_submobjects=False)
        finally:
            camera.pixel_array = frame
            camera.pixel_array_to_cairo_context.pop(id(self.pixels), None)
        height, width = frame.shape[:2]
        self.surface = cairo.ImageSurface.create_for_data(self.pixels.data, cairo.FORMAT_ARGB32, width, height)
        rows, cols = np.nonzero(self.pixels[..., 3].any(axis=1))[0], np.nonzero(self.pixels[..., 3].any(axis=0))[0]
        self.box = (int(cols[0]), int(rows[0]), int(cols[-1]) + 1, int(rows[-1]) + 1) if len(rows) else None

    def paint(self, camera: Camera) -> None:
        """Lay the layer over the camera's frame (the over operator, as drawing the shapes would)."""
        if self.box is None:
            return
        ctx = camera.get_cairo_context(camera.pixel_array)
        ctx.save()
        ctx.identity_matrix()
        ctx.new_path()
        left, top, right, bottom = self.box
        ctx.rectangle(left, top, right - left, bottom - top)
        ctx.set_source_surface(self.surface, 0, 0)
        ctx.fill()
        ctx.restore()

    def release(self) -> None:
        """Let go of the layer's cairo surface."""
        self.surface.finish()


def _moving_members(scene: Any) -> set[Mobject]:
    """Every mobject a play may change, by manim's rule: the families of its animations' mobjects
    (and of theirs within groups), of mobjects with updaters, and of the foreground."""
    from manim.animation.composition import AnimationGroup

    moving: set[Mobject] = set()
    animations = list(scene.animations or [])
    while animations:
        animation = animations.pop()
        moving.update(animation.mobject.get_family())
        if isinstance(animation, AnimationGroup):
            animations.extend(animation.animations)
    for mobject in [*scene.mobjects, *scene.foreground_mobjects]:
        for member in mobject.get_family():
            if member.updaters:
                moving.update(member.get_family())
    for mobject in scene.foreground_mobjects:
        moving.update(mobject.get_family())
    return moving


def _layerable(mobject: Mobject) -> bool:
    """A shape the camera paints with cairo alone (images are blended by other code)."""
    return isinstance(mobject, VMobject) and not mobject.get_background_image()


_MANIMS_CONVERT_AUDIO = _manim_writer.convert_audio


def convert_audio(input_path, output_path, codec_name: str) -> None:  # noqa: ANN001 (manim's signature)
    """manim's ``convert_audio``. For AAC, the scene's sound (the narration) is encoded mono at the
    voice's rate, like the film's (the encoder's default, 48 kHz stereo, took four times as long),
    and plays exactly with the picture."""
    if codec_name != "aac":
        return _MANIMS_CONVERT_AUDIO(input_path, output_path, codec_name)
    from .video_io import AAC_PRIMING, encode_sound, sound_stream
    from .voice import read_recording

    with av.open(output_path, "w") as out:  # manim then copies the packets, not the priming's edit list
        encode_sound(out, sound_stream(out), read_recording(Path(input_path)), lead=AAC_PRIMING)

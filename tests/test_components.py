"""The manim components show the real network: fills, edges, grids and pixels follow the numbers."""
from __future__ import annotations

import av
import numpy as np
import pytest
from manim import (
    BLUE,
    DL,
    DOWN,
    GREEN,
    LEFT,
    ORIGIN,
    RED,
    RIGHT,
    UL,
    UP,
    WHITE,
    Camera,
    Circle,
    Line,
    MathTex,
    Scene,
    Square,
    Text,
    VGroup,
    config,
    linear,
    tempconfig,
)

import nn
from scenes.components import (
    INPUT_PIXELS_SHOWN,
    DigitImage,
    NetworkDiagram,
    PartImage,
    PixelImage,
    WeightGrid,
    compute_input_pixels_shown,
    drawn_neuron_indices,
    style,
)
from scenes.runtime.narrated_scene import NarratedScene
from scenes.runtime.quick_output import (
    QuickCamera,
    QuickEncodingFileWriter,
    QuickRenderer,
    drawing_order,
    rgba_video_frame,
)

IMAGES = (0, 1, 2, 7, 18)  # a 7, a 2, a 1, a 9 and a 3 of the MNIST test set
FRAME_W, FRAME_H = 14.22, 8.0


@pytest.fixture(scope="module")
def diagram(media, net) -> NetworkDiagram:
    return NetworkDiagram(net)


def _run(anim, alphas=(0.5,)):
    """Play an animation off-screen: begin, interpolate at ``alphas``, finish."""
    anim._setup_scene(Scene())
    anim.begin()
    for a in alphas:
        anim.interpolate(a)
    anim.finish()


def _rgb(color) -> np.ndarray:
    return np.asarray(color.to_rgb())


# --- network diagram: what is drawn --------------------------------------------------------
def test_input_pixels_follow_the_documented_rule():
    assert compute_input_pixels_shown() == INPUT_PIXELS_SHOWN
    assert len(set(INPUT_PIXELS_SHOWN)) == 16 and list(INPUT_PIXELS_SHOWN) == sorted(INPUT_PIXELS_SHOWN)
    test_images = nn.load_mnist().test.images[:, list(INPUT_PIXELS_SHOWN)]
    # every shown pixel is lit in a good share of real images, and they differ between images
    assert np.all((test_images > 0.1).mean(axis=0) > 0.1)
    assert len({tuple(row) for row in (test_images[:50] > 0.5)}) > 20


def test_drawn_indices_and_brace(diagram):
    assert diagram.drawn_indices(0) == list(INPUT_PIXELS_SHOWN)
    assert diagram.drawn_indices(1) == list(range(16)) == diagram.drawn_indices(2)
    assert diagram.drawn_indices(3) == list(range(10))
    assert [len(c) for c in diagram.neurons] == [16, 16, 16, 10]
    assert set(diagram.braces) == {0} and set(diagram.ellipses) == {0}
    assert diagram.braces[0][1].tex_string == "784"
    assert [label.tex_string for label in diagram.output_labels] == [str(d) for d in range(10)]
    brace_x = diagram.braces[0].get_right()[0]
    assert brace_x < diagram.neurons[0].get_left()[0]  # brace on the left of the input column
    dots = diagram.ellipses[0].get_center()[1]
    assert diagram.neurons[0][8].get_top()[1] < dots < diagram.neurons[0][7].get_bottom()[1]


def test_big_layers_of_any_network_are_split():
    assert drawn_neuron_indices(30, 1) == list(range(8)) + list(range(22, 30))
    assert drawn_neuron_indices(784, 0) == list(INPUT_PIXELS_SHOWN)
    assert drawn_neuron_indices(16, 0) == list(range(16))


def test_small_network_without_labels(media):
    small = nn.Network([8, 6], seed=0)
    d = NetworkDiagram(small, output_labels=False)
    assert [len(c) for c in d.neurons] == [8, 6] and not d.braces and len(d.output_labels) == 0
    assert len(d.edges) == 1 and len(d.edges[0]) == 48
    x = np.linspace(0, 1, 8)
    d.show_image(x)
    np.testing.assert_allclose(d.fill_opacities(1), small.activations(x)[1])


def test_diagram_fits_the_frame_beside_an_image(diagram):
    image = PixelImage(0).to_corner(style.IMAGE_CORNER, buff=style.FRAME_MARGIN)
    left, right = diagram.get_left()[0], diagram.get_right()[0]
    bottom, top = diagram.get_bottom()[1], diagram.get_top()[1]
    assert -FRAME_W / 2 < left and right < FRAME_W / 2 and -FRAME_H / 2 < bottom and top < FRAME_H / 2
    assert image.get_right()[0] < left  # the image top-left does not overlap the diagram


# --- network diagram: activations are the network's --------------------------------------
@pytest.mark.parametrize("index", IMAGES)
def test_fills_equal_real_activations(diagram, net, index):
    x, _ = nn.test_image(index)
    diagram.show_image(x)
    acts = net.activations(x)
    for layer in range(4):
        expected = acts[layer][diagram.drawn_indices(layer)]
        np.testing.assert_allclose(diagram.fill_opacities(layer), expected, atol=1e-9)
    assert diagram.fill_opacities(0).max() > 0.5  # the shown input pixels are not all black


def test_images_light_the_diagram_differently(diagram):
    looks = []
    for index in IMAGES:
        diagram.show_image(nn.test_image(index)[0])
        looks.append(np.concatenate([diagram.fill_opacities(layer) for layer in range(4)]))
    assert min(np.abs(a - b).max() for i, a in enumerate(looks) for b in looks[i + 1:]) > 0.1


def test_forward_pass_ends_on_real_values_and_boxes_the_prediction(diagram, net):
    diagram.show_image(nn.test_image(1)[0])  # start from another image's state
    x, _ = nn.test_image(18)
    anim = diagram.forward_pass(x)
    assert len(anim.animations) == 1 + len(diagram.edges) + 1  # input, one per edge group, box
    _run(anim, (0.5, 1.0))
    acts = net.activations(x)
    for layer in range(4):
        np.testing.assert_allclose(diagram.fill_opacities(layer), acts[layer][diagram.drawn_indices(layer)])
    assert all(not f.has_points() for f in diagram.flashes)  # flashes gone at the end
    guess = net.predict(x)
    box = diagram.highlight
    assert box.has_points()
    for part in (diagram.neuron(3, guess), diagram.output_label(guess)):
        assert box.get_left()[0] < part.get_center()[0] < box.get_right()[0]
        assert box.get_bottom()[1] < part.get_center()[1] < box.get_top()[1]


def test_layer_pass_flash_is_one_mobject_over_the_incoming_edges(diagram):
    anim = diagram.forward_pass(nn.test_image(0)[0])
    anim._setup_scene(Scene())
    anim.begin()
    anim.interpolate(0.3)  # inside the first layer pass
    lit = [f for f in diagram.flashes if f.has_points()]
    assert len(lit) == 1 and lit[0] is diagram.flashes[0]
    # every flash point lies on one of the drawn edges into layer 1
    a = np.array([line.get_start() for line in diagram.edges[0]])[None, :, :2]
    b = np.array([line.get_end() for line in diagram.edges[0]])[None, :, :2]
    p = lit[0].points[:, None, :2]
    t = np.clip(((p - a) * (b - a)).sum(-1) / ((b - a) ** 2).sum(-1), 0, 1)[..., None]
    assert np.linalg.norm(p - (a + t * (b - a)), axis=-1).min(axis=1).max() < 1e-9
    anim.finish()


# --- network diagram: edges follow the real weights --------------------------------------
def test_edges_follow_real_weights(diagram, net):
    diagram.color_edges_by_weights()
    for g, lines in enumerate(diagram.edges):
        pairs = diagram.edge_pairs(g)
        w = net.weights[g][pairs[:, 0], pairs[:, 1]]
        np.testing.assert_array_equal(diagram.edge_weights(g), w)
        colors = np.array([_rgb(line.get_stroke_color()) for line in lines])
        np.testing.assert_allclose(colors[w >= 0], np.tile(_rgb(GREEN), ((w >= 0).sum(), 1)))
        np.testing.assert_allclose(colors[w < 0], np.tile(_rgb(RED), ((w < 0).sum(), 1)))
        widths = np.array([line.get_stroke_width() for line in lines])
        order = np.argsort(np.abs(w))
        assert np.all(np.diff(widths[order]) >= -1e-9) and widths[order[-1]] > 3 * widths[order[0]]
        # each line really joins its source and target neurons
        for line, (t, s) in list(zip(lines, pairs))[::37]:
            src, dst = diagram.neuron(g, s).get_center(), diagram.neuron(g + 1, t).get_center()
            assert np.linalg.norm(line.get_start() - src) == pytest.approx(diagram.neuron_radius, abs=1e-6)
            assert np.linalg.norm(line.get_end() - dst) == pytest.approx(diagram.neuron_radius, abs=1e-6)
    diagram.color_edges_by_weights(positive_color=BLUE, groups=[2])
    w = diagram.edge_weights(2)
    assert np.allclose(_rgb(diagram.edges[2][int(np.argmax(w))].get_stroke_color()), _rgb(BLUE))
    diagram.reset_edges()
    assert {line.get_stroke_width() for line in diagram.edges[0]} == {style.EDGE_WIDTH}


# --- weight grid and digit image (one image each) ------------------------------------------
def test_weight_grid_follows_a_row(net):
    row = net.weights[0][5]
    grid = WeightGrid(row)
    rgba = grid.rgba.reshape(784, 4) / 255.0
    assert np.allclose(rgba[row > 0, :3], _rgb(GREEN), atol=1 / 255)
    assert np.allclose(rgba[row < 0, :3], _rgb(RED), atol=1 / 255)
    np.testing.assert_allclose(rgba[:, 3], np.abs(row) / np.abs(row).max(), atol=0.5 / 255)
    assert rgba[np.argmax(np.abs(row)), 3] == 1.0
    # row-major like the image: square 0 is top-left, square 27 top-right, 28 starts row 2
    c = [grid.cell_center(*divmod(i, 28)) for i in (0, 27, 28)]
    assert c[0][0] < c[1][0] and c[0][1] == pytest.approx(c[1][1]) and c[2][1] < c[0][1]
    assert np.allclose(grid.cell_centers()[[0, 27, 28]], c)


def test_weight_grid_custom_row_scale_and_overlay():
    row = np.zeros(784)
    row[14 * 28 + 10: 14 * 28 + 18] = 2.0  # a bright bar ...
    row[13 * 28 + 10: 13 * 28 + 18] = -1.0  # ... with negative weights above it
    grid = WeightGrid(row, scale=4.0)
    alpha = grid.rgba[..., 3] / 255.0
    assert alpha[14, 12] == pytest.approx(0.5, abs=1 / 255) and alpha[13, 12] == pytest.approx(0.25, abs=1 / 255)
    assert alpha[0, 0] == 0.0 and np.count_nonzero(alpha) == 16
    image = DigitImage(0, frame=False).to_corner(UL)
    grid.overlay_on(image, opacity=0.5)
    assert np.allclose(grid.get_center(), image.get_center())
    assert grid.width == pytest.approx(image.width)
    assert grid.rgba[..., 3].max() / 255.0 == pytest.approx(0.25, abs=1 / 255)


def test_digit_image_draws_the_pixels_and_changes_them(media):
    pixels, label = nn.test_image(3)
    image = DigitImage(3)
    assert image.label == label and image.rgba.shape == (28, 28, 4)
    np.testing.assert_allclose(image.gray_values(), pixels, atol=0.5 / 255)
    assert (image.rgba[..., 3] == 255).all()  # opaque, like the paper it was scanned from
    other = nn.test_image(4)[0]
    np.testing.assert_allclose(image.set_pixels(other).gray_values(), other, atol=0.5 / 255)
    assert image.frame is not None and np.allclose(_rgb(image.frame.get_stroke_color()), _rgb(BLUE))
    block = DigitImage(np.reshape(other, (28, 28))[5:10, 3:9], side=1.2)  # a cut-out block
    assert block.rgba.shape == (5, 6, 4) and block.width == pytest.approx(1.2)
    with pytest.raises(ValueError, match="784"):
        DigitImage(np.zeros(100))


def test_part_image_shows_only_the_masked_ink():
    pixels = nn.test_image(0)[0]
    mask = np.zeros(784, dtype=bool)
    mask[:392] = True  # the top half
    part = PartImage(pixels, mask, GREEN)
    alpha = part.rgba.reshape(784, 4)[:, 3] / 255.0
    np.testing.assert_allclose(alpha[mask], pixels[mask], atol=0.5 / 255)
    assert not alpha[~mask].any()
    assert np.allclose(part.rgba.reshape(784, 4)[mask & (pixels > 0), :3] / 255.0, _rgb(GREEN), atol=1 / 255)


# --- pixel image ---------------------------------------------------------------------------
def test_pixel_image_fills_equal_pixels(media):
    pixels, label = nn.test_image(3)
    image = PixelImage(3)
    assert image.label == label and len(image.squares) == 784
    np.testing.assert_allclose(image.fill_values(), pixels, atol=1e-6)
    other = nn.test_image(4)[0]
    np.testing.assert_allclose(image.set_pixels(other).fill_values(), other, atol=1e-6)
    circles = image.circles()
    assert len(circles) == 784
    np.testing.assert_allclose([c.get_fill_color().to_rgb()[0] for c in circles], other, atol=1e-6)
    assert np.allclose(circles[100].get_center(), image.squares[100].get_center())
    assert image.frame is not None and np.allclose(_rgb(image.frame.get_stroke_color()), _rgb(BLUE))


# --- one real frame ------------------------------------------------------------------------
class _TinyDemo(Scene):
    def construct(self) -> None:
        net = nn.load_pretrained()
        self.image = DigitImage(0).to_corner(UL, buff=style.FRAME_MARGIN)
        self.grid = WeightGrid(net.weights[0][0], frame=True).to_corner(DL, buff=style.FRAME_MARGIN)
        self.diagram = NetworkDiagram(net).show_image(self.image.pixels)
        self.add(self.image, self.grid, self.diagram)


def test_render_one_small_frame(tmp_path):
    with tempconfig({
        "pixel_width": 320, "pixel_height": 180, "frame_rate": 5, "disable_caching": True,
        "media_dir": str(tmp_path), "write_to_movie": False, "save_last_frame": True, "verbosity": "ERROR",
    }):
        scene = _TinyDemo()
        scene.render()
        frame = scene.renderer.get_frame()[:, :, :3].astype(float).mean(axis=2)
        h, w = frame.shape

        def px(point: np.ndarray) -> tuple[int, int]:
            col = int((point[0] / config.frame_width + 0.5) * w)
            row = int((0.5 - point[1] / config.frame_height) * h)
            return row, col

        assert frame.mean() > 5 and frame.max() > 200  # not blank
        pixels = scene.image.pixels
        for i in np.flatnonzero(pixels > 0.95)[:10]:  # bright digit pixels are bright on screen
            assert frame[px(scene.image.cell_center(*divmod(int(i), 28)))] > 200
        assert frame[px(scene.image.cell_center(0, 0))] < 30  # the black corner stays black
        rgb = scene.renderer.get_frame()[:, :, :3].astype(float)
        weights = scene.grid.weights
        strongest = int(np.argmax(np.abs(weights)))  # drawn fully opaque, green if positive
        r, g, b = rgb[px(scene.grid.cell_center(*divmod(strongest, 28)))]
        assert (g > 100 and g > 1.5 * r) if weights[strongest] > 0 else (r > 100 and r > 1.5 * g)
        guess = scene.diagram.network.predict(pixels)
        assert frame[px(scene.diagram.neuron(3, guess).get_center())] > 200
        assert list(tmp_path.rglob("*.png"))  # the still was written


# --- quick output: the same pictures, less work -----------------------------------------------
class _Images(Scene):
    def construct(self) -> None:
        net = nn.load_pretrained()
        image = DigitImage(0, side=3).shift(LEFT * 3)
        faded = DigitImage(2, side=2).shift(RIGHT * 2)
        faded.image.set_opacity(0.4)
        self.add(image, WeightGrid(net.weights[0][0]).overlay_on(image), faded,
                 DigitImage(1, side=2.5).move_to([6.5, 3.5, 0]))  # the last one partly off the frame


def test_quick_camera_draws_images_like_manims_camera(tmp_path):
    frames = {}
    for camera in (Camera, QuickCamera):
        with tempconfig({"pixel_width": 640, "pixel_height": 360, "write_to_movie": False, "disable_caching": True,
                         "media_dir": str(tmp_path), "verbosity": "ERROR"}):
            scene = _Images(camera_class=camera)
            scene.render()
            frames[camera] = scene.renderer.get_frame().astype(int)
    differs = np.abs(frames[Camera] - frames[QuickCamera]).max(axis=2) > 8
    assert frames[Camera].max() > 200  # something was drawn
    # the same picture; only a one-pixel seam along an image's edge may round the other way
    assert differs.sum() < 0.01 * differs.size
    rows, cols = np.nonzero(differs)
    assert len(np.unique(rows)) < 0.6 * differs.shape[0] or len(np.unique(cols)) < 0.6 * differs.shape[1]


def test_quick_camera_draws_vector_shapes_exactly_like_manims_camera(diagram):
    from manim import (
        YELLOW,
        Arc,
        Arrow,
        CapStyleType,
        Circle,
        DashedLine,
        Line,
        LineJointType,
        MathTex,
        Rectangle,
        Square,
        Text,
    )

    shapes = [
        diagram,  # hundreds of edges and neurons
        Text("Several glyphs, 0.95", font_size=40).to_edge(DL),  # paths of many subpaths, some closed
        MathTex(r"\sigma(w_1 a_1 + b)").to_edge(UL),
        DashedLine(LEFT * 6, RIGHT * 6 + DL * 2, color=YELLOW),  # many short open curves
        Arrow(LEFT * 3, UL * 2, color=RED),
        Arc(radius=1, angle=4, stroke_width=8).shift(LEFT * 4),  # open path
        Circle(radius=0.7, fill_opacity=0.6, color=BLUE).set_stroke(width=0).shift(RIGHT * 4),
        Square(2).set_fill([RED, GREEN], opacity=0.7).set_stroke([YELLOW, BLUE], width=6),  # gradients
        Rectangle(width=3, height=1, stroke_opacity=0, fill_opacity=0).shift(UP),  # wholly transparent
        Line(ORIGIN, RIGHT, joint_type=LineJointType.ROUND, cap_style=CapStyleType.ROUND, stroke_width=12),
        Text("over", stroke_width=2).set_background_stroke(width=6, color=RED).shift(DOWN),
    ]
    frames = []
    with tempconfig({"pixel_width": 640, "pixel_height": 360}):
        for camera_class in (Camera, QuickCamera):
            camera = camera_class()
            camera.capture_mobjects(shapes)
            frames.append(camera.pixel_array.copy())
    assert (frames[0][..., :3] > 0).any(axis=2).mean() > 0.1  # a good share of the frame is drawn
    assert np.array_equal(frames[0], frames[1])


def test_the_drawing_order_is_manims_even_where_a_mobject_is_in_two_families(diagram):
    from manim.utils.family import extract_mobject_family_members

    shared, lone = Circle(), Square()
    first, second = VGroup(shared, Square()), VGroup(Circle(), shared, VGroup(shared, Circle()))
    empty_parent = VGroup(lone, VGroup(Circle()))  # no points of its own
    cases = [[diagram], [first, second], [second, first, shared], [empty_parent, lone, diagram.edges[0][:5]],
             [diagram.foreground, diagram, Text("ab")]]
    for mobjects in cases:
        manims = extract_mobject_family_members(mobjects, only_those_with_points=True)
        assert len(manims) > 2 and drawing_order(mobjects) == manims


class _HeldFrame(NarratedScene):
    def construct(self) -> None:
        self.add(DigitImage(0, side=3))
        self.wait(1)  # one frame handed to the encoder 5 times


def test_quick_encoder_holds_a_still_frame_for_its_whole_wait(tmp_path):
    with tempconfig({"pixel_width": 320, "pixel_height": 180, "frame_rate": 5, "disable_caching": True,
                     "media_dir": str(tmp_path), "verbosity": "ERROR"}):
        scene = _HeldFrame()
        scene.render()
        drawn = scene.renderer.get_frame()[:, :, :3].astype(float)
    video = next(tmp_path.rglob("_HeldFrame.mp4"))
    with av.open(str(video)) as container:
        stream = container.streams.video[0]
        assert stream.codec_context.name == "h264"
        frames = [(float(f.pts * stream.time_base), f.to_ndarray(format="rgb24").astype(float))
                  for f in container.decode(stream)]
        length = float(stream.duration * stream.time_base)
    # written at the start and the end of the one-second hold (5 frames at 5 fps): shown for all of it
    assert [t for t, _ in frames] == [0.0, pytest.approx(0.8)] and length == pytest.approx(1.0)
    for _, frame in frames:  # each copy is the drawn frame (up to video compression)
        assert np.abs(frame - drawn).mean() < 3
    assert scene.renderer.file_writer.quick_frames == 5, "the quick path wrote the hold"


class _Moving(NarratedScene):
    def construct(self) -> None:
        square = Square(1, fill_opacity=1, color=RED).shift(LEFT * 3)
        self.play(square.animate.shift(RIGHT * 6), run_time=1, rate_func=linear)  # a new picture every frame
        self.wait(0.4)


def _decoded(video) -> list[tuple[float, np.ndarray]]:  # noqa: ANN001
    with av.open(str(video)) as container:
        stream = container.streams.video[0]
        return [(float(f.pts * stream.time_base), f.to_ndarray(format="rgb24")) for f in container.decode(stream)]


def test_quick_renderer_writes_every_frame_as_it_was_drawn(tmp_path):
    """The quick renderer converts each frame straight from the camera's array (no copy of it) while the
    camera goes on drawing the next: the video must be exactly what manim's renderer writes."""
    from manim.renderer.cairo_renderer import CairoRenderer

    videos = {}
    for renderer_class in (CairoRenderer, QuickRenderer):
        with tempconfig({"pixel_width": 320, "pixel_height": 180, "frame_rate": 10, "disable_caching": True,
                         "media_dir": str(tmp_path / renderer_class.__name__), "verbosity": "ERROR"}):
            scene = _Moving(renderer=renderer_class(file_writer_class=QuickEncodingFileWriter, camera_class=QuickCamera))
            scene.render()
            assert scene.renderer.file_writer.quick_frames == 14  # 10 moving, 4 held
        videos[renderer_class] = _decoded(next((tmp_path / renderer_class.__name__).rglob("_Moving.mp4")))
    manims, quick = videos[CairoRenderer], videos[QuickRenderer]
    assert len(manims) == len(quick) == 12  # the hold written at its start and end
    assert len({frame.tobytes() for _, frame in quick[:10]}) == 10  # the square moved every frame
    for (time_m, frame_m), (time_q, frame_q) in zip(manims, quick, strict=True):
        assert time_m == time_q and np.array_equal(frame_m, frame_q)


class _FrameRecorder(QuickRenderer):
    """Keeps every frame a play draws."""

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.frames: list[np.ndarray] = []

    def render(self, scene, time, moving_mobjects=None) -> None:  # noqa: ANN001
        super().render(scene, time, moving_mobjects)
        self.frames.append(self.camera.pixel_array.astype(int))


class _StillBetweenMoving(Scene):
    """A still fan of lines between a square moving below it and a disc moving over it, and a
    spinner whose lines its parent's updater turns (they move though no animation holds them)."""

    def construct(self) -> None:
        below = Square(2, fill_opacity=1, color=BLUE).shift(LEFT * 4)
        fan = VGroup(*(Line(LEFT * 6 + UP * 0.2 * i, RIGHT * 6 + DOWN * 0.15 * i, stroke_width=3, stroke_opacity=0.6)
                       for i in range(-10, 11)))
        spinner = VGroup(*(Line(ORIGIN, RIGHT * 2 + UP * 0.1 * k, color=GREEN) for k in range(20))).shift(DOWN * 2)
        spinner.add_updater(lambda m, dt: m.rotate(2 * dt))
        above = Circle(0.6, fill_opacity=1, color=RED)
        self.add(below, fan, spinner, above)
        self.play(below.animate.shift(RIGHT * 8), above.animate.shift(UP * 2), run_time=1)


def test_still_shapes_between_moving_ones_are_painted_once_and_look_the_same(tmp_path):
    frames, layers = {}, {}
    for still_layers in (False, True):
        with tempconfig({"pixel_width": 320, "pixel_height": 180, "frame_rate": 10, "write_to_movie": False,
                         "disable_caching": True, "media_dir": str(tmp_path), "verbosity": "ERROR"}):
            renderer = _FrameRecorder(file_writer_class=QuickEncodingFileWriter, camera_class=QuickCamera,
                                      still_layers=still_layers)
            _StillBetweenMoving(renderer=renderer).render()
        frames[still_layers] = renderer.frames
        layers[still_layers] = renderer.still_layers
    assert layers[False] is None and len(layers[True].layers) == 1  # the fan; not the turning spinner
    assert len(frames[True]) == len(frames[False]) == 10
    assert len({f.tobytes() for f in frames[True]}) == 10  # the picture moved
    for drawn, layered in zip(frames[False], frames[True], strict=True):
        assert np.abs(drawn - layered).max() <= 2  # rounding where the fan's lines overlap


def test_another_manim_switches_the_hooks_off_loudly_and_scenes_still_render(monkeypatch, tmp_path, capsys):
    """Every private manim name is checked in one place; with another manim a scene falls back to
    manim's own camera and encoder, with one loud warning, and still renders."""
    import manim
    from manim.scene import scene_file_writer

    from scenes.runtime import manim_hooks

    assert manim_hooks.hook_problems() == []  # the pinned manim passes
    monkeypatch.delattr(scene_file_writer._PartialMovieEncodeJob, "_encode_and_write_frame")
    assert manim_hooks.hook_problems() == ["manim.scene.scene_file_writer._PartialMovieEncodeJob."
                                           "_encode_and_write_frame is missing"]
    monkeypatch.undo()
    monkeypatch.setattr(manim, "__version__", "0.22.0")
    manim_hooks.hooks_usable.cache_clear()
    try:
        assert manim_hooks.hook_problems() == ["manim 0.22.0 is installed, the hooks were written for 0.21.0"]
        with tempconfig({"pixel_width": 160, "pixel_height": 90, "frame_rate": 5, "media_dir": str(tmp_path),
                         "verbosity": "ERROR", "progress_bar": "none"}):
            scene = _HeldFrame()
            scene.render()
        assert type(scene.renderer.camera) is Camera and not hasattr(scene.renderer.file_writer, "quick_frames")
        assert next(tmp_path.rglob("_HeldFrame.mp4")).stat().st_size > 0
        assert capsys.readouterr().err.count("manim 0.22.0 is installed") == 1
    finally:
        manim_hooks.hooks_usable.cache_clear()


class _MovingSquare(NarratedScene):
    def construct(self) -> None:
        square = Square(1).set_fill(WHITE, opacity=1).move_to(LEFT * 5)
        self.add(square)
        self.play(square.animate.move_to(RIGHT * 5), run_time=1, rate_func=linear)


def test_each_animated_frame_is_encoded_as_drawn(tmp_path):
    # frames are encoded on another thread: each must be the picture drawn at its time
    with tempconfig({"pixel_width": 320, "pixel_height": 180, "frame_rate": 10, "disable_caching": True,
                     "media_dir": str(tmp_path), "verbosity": "ERROR"}):
        _MovingSquare().render()
    video = next(tmp_path.rglob("_MovingSquare.mp4"))
    with av.open(str(video)) as container:
        columns = [np.nonzero(f.to_ndarray(format="gray").max(axis=0) > 128)[0].mean() for f in container.decode(video=0)]
    assert len(columns) == 10
    assert columns[0] < 100 and columns[-1] > 220 and np.all(np.diff(columns) > 15)  # a new position every frame


@pytest.mark.parametrize("width", [320, 854])  # rows that need no padding, and rows that may
def test_rgba_video_frame_equals_pyavs_own_conversion(width):
    rgba = np.random.default_rng(0).integers(0, 256, (90, width, 4), dtype=np.uint8)
    quick = rgba_video_frame(rgba)
    assert np.array_equal(quick.to_ndarray(), rgba)
    slow = av.VideoFrame.from_ndarray(rgba, format="rgba")
    assert np.array_equal(quick.reformat(format="yuv420p").to_ndarray(), slow.reformat(format="yuv420p").to_ndarray())


# --- pixel views -------------------------------------------------------------------------------
def test_grid_lines_lie_between_the_squares():
    from scenes.components.pixel_views import grid_lines

    grid = DigitImage(np.zeros((3, 4)), side=2.0, frame=False).move_to((1.0, -1.0, 0.0))
    paths = grid_lines(grid, 1.0).get_subpaths()
    assert len(paths) == 3 + 2  # cols - 1 vertical, rows - 1 horizontal
    left, top = grid.image.get_corner((-1, 1, 0))[:2]
    xs = sorted(p[0][0] for p in paths if p[0][0] == pytest.approx(p[-1][0]))
    np.testing.assert_allclose(xs, left + np.array([1, 2, 3]) * grid.pixel_side)


def test_value_glyphs_use_one_mobject_per_text_colour():
    from scenes.components.pixel_views import glyph_layer

    assert len(glyph_layer(np.array([0.0, 0.3, 0.9, 1.0]), np.zeros((4, 3)), 0.5)) == 3  # grey, light, dark
    assert len(glyph_layer(np.array([0.0, 0.3]), np.zeros((2, 3)), 0.5, skip_zero=True)) == 1


def test_square_outlines_surround_exactly_the_chosen_squares():
    from scenes.components.pixel_views import square_outlines

    grid = DigitImage(np.zeros(784), side=2.8, frame=False)
    mask = np.zeros(784, dtype=bool)
    mask[[0, 100, 783]] = True
    outline = square_outlines(grid, mask)
    assert len(outline.get_subpaths()) == 3  # one closed square per chosen pixel
    np.testing.assert_allclose(outline.get_corner(UL)[:2], grid.image.get_corner(UL)[:2], atol=1e-9)


# --- the neuron, captions, transitions ---------------------------------------------------------
def test_a_numbered_neuron_shows_its_activation_as_fill_and_number(media):
    from scenes.components import numbered_neuron, set_activation

    big = numbered_neuron(0.62, radius=1.0)
    circle, number = big
    assert circle.get_fill_opacity() == pytest.approx(0.62) and number.get_value() == pytest.approx(0.62)
    set_activation(big, 1.0)
    assert circle.get_fill_opacity() == 1.0 and number.get_value() == 1.0
    assert np.allclose(_rgb(number.get_fill_color()), _rgb(style.VALUE_DARK_TEXT))  # dark on a bright fill


def test_forward_pass_records_what_it_shows_when_it_has_played(diagram, net):
    a, b = nn.test_image(1)[0], nn.test_image(18)[0]
    diagram.show_image(a)
    anim = diagram.forward_pass(b)
    np.testing.assert_allclose(diagram.activations_shown[-1], net.forward(a))  # built, not played: still a's
    _run(anim, (0.5,))
    np.testing.assert_allclose(diagram.activations_shown[-1], net.forward(b))


def _play(scene, *animations, alphas=(0.25, 0.5, 0.75)):
    """Run animations as ``scene.play`` would (set up, begin, frames at ``alphas``, finish, clean up)."""
    scene.animations = list(animations)
    scene.add_mobjects_from_animations(scene.animations)
    seen = []
    for anim in animations:
        anim._setup_scene(scene)
        anim.begin()
    for a in alphas:
        for anim in animations:
            anim.interpolate(a)
        seen.append(a)
    for anim in animations:
        anim.finish()
        anim.clean_up_from_scene(scene)
    return seen


def test_every_caption_stands_on_the_same_line_whatever_its_letters():
    """Captions are placed by their baseline: one with descenders (g, y, p) does not sit higher."""
    from scenes.components.captions import caption

    def bottom_of_first_l(text: str) -> float:  # a caption has one glyph per character (no ligatures)
        return caption(text).submobjects[text.index("l")].get_bottom()[1]

    plain, with_descenders = bottom_of_first_l("Hello there"), bottom_of_first_l("Hello, gypsy jumping")
    words = "A line that is long enough to need a second line of words: still level"
    two_lines = caption(words)
    last_l = two_lines.submobjects[len(words) - 1 - words[::-1].index("l")].get_bottom()[1]
    assert plain == pytest.approx(with_descenders, abs=0.01)
    assert last_l == pytest.approx(plain, abs=0.01)


def test_a_caption_change_never_shows_two_captions_at_once(media):
    from scenes.components.captions import CHANGE_TIME, Captions
    from tests.support.layout import visible_text_boxes

    scene = Scene()
    captions = Captions()
    _play(scene, captions.change("First words"))
    change = captions.change("Second words")
    change.run_time = 4 * CHANGE_TIME  # in a longer play, the change is done in its first CHANGE_TIME
    change._setup_scene(scene)
    change.begin()
    for alpha in np.linspace(0, 1, 41):
        change.interpolate(alpha)
        visible = [b.text for b in visible_text_boxes(scene.mobjects) if b.visibility > 0.3]
        assert len(visible) <= 1
        if alpha >= 0.25:
            assert visible == ["Text('Secondwords')"]  # manim's Text.text drops the spaces
    change.finish()
    change.clean_up_from_scene(scene)
    assert [t for _, t in captions.history] == ["First words", "Second words"]
    assert [m for m in scene.mobjects if isinstance(m, Text)] == [captions.current]


def test_conceal_removes_groups_and_their_parts_added_alone(media):
    from scenes.components.transitions import Conceal, Reveal

    scene = Scene()
    a, b, c = Square(), Circle(), Text("c")
    _play(scene, Reveal(VGroup(a, b)))  # added as one group
    scene.add(c)  # added alone
    _play(scene, Conceal(a, c))  # a sits inside the group
    family = [m for mob in scene.mobjects for m in mob.get_family()]
    assert b in family and a not in family and c not in family
    assert not [m for m in scene.mobjects if type(m).__name__ == "Cover"]


def test_swap_fades_the_old_out_before_the_new_comes_in(media):
    from scenes.components.transitions import Swap

    scene = Scene()
    old, new = Text("0.57"), Text("0.03")
    scene.add(old)
    swap = Swap(old, new)
    swap._setup_scene(scene)
    swap.begin()
    for alpha in np.linspace(0, 1, 21):
        swap.interpolate(alpha)
        both = min(old.get_fill_opacity(), new.get_fill_opacity())
        assert both < 0.05, f"both visible at {alpha:.2f}"
    swap.finish()
    swap.clean_up_from_scene(scene)
    assert scene.mobjects == [new] and new.get_fill_opacity() == 1.0


# --- the layout checker can fail -----------------------------------------------------------------
def test_the_layout_checker_catches_overlaps_text_off_the_frame_and_tiny_text(media):
    from scenes.components.transitions import Cover
    from tests.support.layout import visible_text_boxes

    a, b = Text("one", font_size=36), Text("two", font_size=36).shift(RIGHT * 0.2)
    boxes = visible_text_boxes([a, b])
    assert boxes[0].overlaps(boxes[1])
    off = visible_text_boxes([Text("edge").move_to(RIGHT * 7.2)])[0]
    assert not off.inside_frame()
    assert visible_text_boxes([Text("ok", font_size=24)])[0].cap_height >= 12
    assert visible_text_boxes([MathTex("784", font_size=24)])[0].cap_height < 12
    assert visible_text_boxes([Text("small").scale(0.3)])[0].cap_height < 12  # shrunk to 14.4
    far = Text("far").shift(RIGHT * 4)
    lid = Cover(far)
    lid.set_fill(opacity=0.8)
    covered = visible_text_boxes([a, far, lid])
    assert covered[1].visibility == pytest.approx(0.2) and covered[0].visibility == 1.0  # only "far" is under it

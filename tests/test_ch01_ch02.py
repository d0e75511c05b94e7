"""Chapters 1 and 2 show what they claim: the chosen images follow their rules, and every number,
fill and box stands for the trained network's real forward pass."""
from __future__ import annotations

import numpy as np
import pytest
from numpy.lib.stride_tricks import sliding_window_view

import nn
from conftest import run_final_state
from scenes.ch01_introduction import (
    DEFAULT_INDEX,
    EXAMPLE_SIDE,
    IMAGE_SIDE,
    N_OTHERS,
    ZOOM_CELL,
    ZOOM_PIXELS,
    IntroductionExample,
    Reading,
    example_indices,
    sloppiest_confident_index,
    zoom_region,
)
from scenes.ch02_series_preview import SeriesPreview, answer_caption, image_tag, more_image_indices
from scenes.components import DigitImage, mnist_input, style
from scenes.components.digit_input import DigitInput
from scenes.components.pixel_image import value_text_color
from scenes.components.pixel_views import glyph_layer, grid_lines



#: a gray drawn as uint8 is within half a step of the pixel's value
GRAY_STEP = 0.5 / 255 + 1e-9


@pytest.fixture(scope="module")
def chapter1(media):
    """Chapter 1 run once (final states only) with the default digit, shared by the tests below."""
    return run_final_state(IntroductionExample)


def subpaths(mob) -> int:
    """How many subpaths a VMobject's points make."""
    return len(mob.get_subpaths())


# --- chapter 1: which images ----------------------------------------------------------------
def test_default_image_follows_its_rule(net):
    assert sloppiest_confident_index(net) == DEFAULT_INDEX
    pixels, label = nn.test_image(DEFAULT_INDEX)
    out = net.forward(pixels)
    assert label == 3 and int(np.argmax(out)) == 3 and out[3] >= 0.5
    # no correctly read 3 above the floor has a lower output for "3"
    images, labels = nn.load_mnist().test
    outputs = net.forward(images)
    ok = (labels == 3) & (outputs.argmax(axis=1) == 3) & (outputs[:, 3] >= 0.5)
    assert outputs[ok, 3].min() == pytest.approx(out[3])


def test_other_examples_are_the_first_threes_and_all_differ():
    indices = example_indices(3, f"MNIST test #{DEFAULT_INDEX}")
    _, labels = nn.load_mnist().test
    assert indices == [int(i) for i in np.where(labels == 3)[0][:N_OTHERS]]
    main = nn.test_image(DEFAULT_INDEX)[0]
    for i in indices:
        pixels, label = nn.test_image(i)
        assert label == 3
        assert np.sum(np.abs(pixels - main) > 0.1) > 100  # different pixel by pixel
    # the main image is never repeated among the examples
    first = indices[0]
    assert first not in example_indices(3, f"MNIST test #{first}")


def test_zoom_window_has_the_most_grey_pixels():
    pixels = nn.test_image(DEFAULT_INDEX)[0]
    r0, r1, c0, c1 = zoom_region(pixels)
    assert (r1 - r0, c1 - c0) == (ZOOM_PIXELS, ZOOM_PIXELS)
    grey = ((pixels > 0) & (pixels < 1)).reshape(28, 28)
    counts = sliding_window_view(grey, (ZOOM_PIXELS, ZOOM_PIXELS)).sum(axis=(2, 3))
    assert grey[r0:r1, c0:c1].sum() == counts.max()


def test_captions_only_name_the_digit_the_label_gives(net):
    seven = Reading.of(mnist_input(0))
    assert seven.name() == "a 7" and seven.shown_digit == 7
    unlabelled = Reading.of(DigitInput(nn.test_image(0)[0], None, "/tmp/mine.png"))
    assert unlabelled.name() == "a digit" and unlabelled.shown_digit == int(net.predict(nn.test_image(0)[0]))
    wrong = next(i for i in range(10000) if net.predict(nn.test_image(i)[0]) != nn.test_image(i)[1])
    reading = Reading.of(mnist_input(wrong))
    assert f"but it is a {reading.digit.label}" in reading.answer_caption()  # test #8: a 5 read as 6
    eight = Reading.of(mnist_input(61))
    assert eight.digit.label == 8 and eight.name() == "an 8"


def test_chapter1_shows_the_networks_real_outputs(net, chapter1):
    scene = chapter1
    neurons, numbers, box = scene.answer
    out = net.forward(nn.test_image(DEFAULT_INDEX)[0])
    np.testing.assert_allclose([n.get_value() for n in numbers], out)
    np.testing.assert_allclose([c.get_fill_opacity() for c in neurons], out, atol=1e-6)
    boxed = [k for k, c in enumerate(neurons) if box.get_left()[0] < c.get_x() < box.get_right()[0]
             and box.get_bottom()[1] < c.get_y() < box.get_top()[1]]
    assert boxed == [int(np.argmax(out))]
    assert scene.mobjects == []  # ends faded out


def test_chapter1_draws_the_mnist_pixels(chapter1):
    scene = chapter1
    pixels = nn.test_image(DEFAULT_INDEX)[0]
    assert isinstance(scene.image, DigitImage) and scene.image.side_length == pytest.approx(IMAGE_SIDE)
    np.testing.assert_allclose(scene.image.gray_values(), pixels, atol=GRAY_STEP)
    assert np.all(scene.image.rgba[..., 3] == 255)
    # the other examples: exactly the test images the rule picks, drawn in their own greys
    indices = example_indices(3, f"MNIST test #{DEFAULT_INDEX}")
    assert [img.label for img in scene.examples] == [3] * N_OTHERS
    for i, img in zip(indices, scene.examples):
        np.testing.assert_allclose(img.gray_values(), nn.test_image(i)[0], atol=GRAY_STEP)
        assert img.side_length == pytest.approx(EXAMPLE_SIDE)


def test_chapter1_values_are_written_on_their_pixels(chapter1):
    scene = chapter1
    pixels = nn.test_image(DEFAULT_INDEX)[0]
    # all 784 values, on the image: as many glyph outlines as the same values written alone
    alone = glyph_layer(pixels, scene.image.cell_centers(), scene.image.pixel_side)
    assert [subpaths(m) for m in scene.values] == [subpaths(m) for m in alone]
    assert [m.get_fill_color().to_hex() for m in scene.values] == [m.get_fill_color().to_hex() for m in alone]
    for drawn, expected in zip(scene.values, alone):  # each value centred on its own square
        np.testing.assert_allclose(drawn.points, expected.points, atol=1e-9)
    inner = scene.image.image
    assert inner.get_left()[0] < scene.values.get_left()[0] and scene.values.get_right()[0] < inner.get_right()[0]
    assert inner.get_bottom()[1] < scene.values.get_bottom()[1] and scene.values.get_top()[1] < inner.get_top()[1]


def test_chapter1_zoom_window_enlarges_its_region(chapter1):
    pixels_zoomed, grid, frame, values = chapter1.zoom
    r0, r1, c0, c1 = zoom_region(nn.test_image(DEFAULT_INDEX)[0])
    block = nn.test_image(DEFAULT_INDEX)[0].reshape(28, 28)[r0:r1, c0:c1]
    assert (pixels_zoomed.rows, pixels_zoomed.cols) == (ZOOM_PIXELS, ZOOM_PIXELS)
    np.testing.assert_allclose(pixels_zoomed.gray_values(), block.reshape(-1), atol=GRAY_STEP)
    assert pixels_zoomed.pixel_side == pytest.approx(ZOOM_CELL)
    assert subpaths(grid) == 2 * (ZOOM_PIXELS - 1) and grid.get_stroke_color() == style.PIXEL_GRID_COLOR
    assert frame.get_stroke_color() == style.HIGHLIGHT_COLOR
    np.testing.assert_allclose(frame.get_center(), pixels_zoomed.image.get_center(), atol=1e-9)
    assert frame.width == pytest.approx(pixels_zoomed.side_length)
    # one value per pixel, on its square, in the colours value_text_color gives (dark on bright)
    colours = {value_text_color(v).to_hex() for v in block.reshape(-1)}
    assert {m.get_fill_color().to_hex() for m in values} == colours
    alone = glyph_layer(block, pixels_zoomed.cell_centers(), ZOOM_CELL)
    for drawn, expected in zip(values, alone, strict=True):
        np.testing.assert_allclose(drawn.points, expected.points, atol=1e-9)


# --- pixel views (used by chapter 1) ----------------------------------------------------------
def test_grid_lines_lie_between_the_squares():
    grid = DigitImage(np.zeros((3, 4)), side=2.0, frame=False).move_to((1.0, -1.0, 0.0))
    lines = grid_lines(grid, 1.0)
    paths = lines.get_subpaths()
    assert len(paths) == 3 + 2  # cols - 1 vertical, rows - 1 horizontal
    left, top = grid.image.get_corner((-1, 1, 0))[:2]
    xs = sorted(p[0][0] for p in paths if p[0][0] == pytest.approx(p[-1][0]))
    ys = sorted((p[0][1] for p in paths if p[0][1] == pytest.approx(p[-1][1])), reverse=True)
    np.testing.assert_allclose(xs, left + np.array([1, 2, 3]) * grid.pixel_side)
    np.testing.assert_allclose(ys, top - np.array([1, 2]) * grid.pixel_side)
    assert lines.width == pytest.approx(grid.image.width) and lines.height == pytest.approx(grid.image.height)


def test_value_glyphs_use_one_mobject_per_text_colour():
    layer = glyph_layer(np.array([0.0, 0.3, 0.9, 1.0]), np.zeros((4, 3)), 0.5)
    assert len(layer) == 3  # grey 0.0, light 0.3, dark 0.9 and 1.0
    assert len(glyph_layer(np.array([0.0, 0.3]), np.zeros((2, 3)), 0.5, skip_zero=True)) == 1


# --- chapter 2 --------------------------------------------------------------------------------
def test_more_images_are_the_first_of_the_test_set():
    assert more_image_indices(mnist_input(DEFAULT_INDEX)) == [0, 1, 2, 3]
    assert more_image_indices(mnist_input(2)) == [0, 1, 3, 4]


def test_pass_captions_tell_the_truth(net):
    for i in range(12):
        digit = mnist_input(i)
        predicted = int(net.predict(digit.pixels))
        words = answer_caption(digit, predicted)
        assert words.endswith(f"is {predicted}")
        assert ("but" in words) == (predicted != digit.label)
        assert image_tag(digit) == f"test #{i}, {'an' if digit.label == 8 else 'a'} {digit.label}"


def test_chapter2_passes_are_the_networks_own(net, monkeypatch):
    scene = run_final_state(SeriesPreview)
    indices = [DEFAULT_INDEX] + more_image_indices(mnist_input(DEFAULT_INDEX))
    assert [d.source for d in scene.digits] == [f"MNIST test #{i}" for i in indices]
    images = np.array([nn.test_image(i)[0] for i in indices])
    assert scene.predictions == [int(p) for p in net.predict(images)]
    last = net.activations(images[-1])
    for layer in range(4):  # the diagram ends lit by the last image's genuine pass
        np.testing.assert_allclose(scene.diagram.fill_opacities(layer),
                                   last[layer][scene.diagram.drawn_indices(layer)], atol=1e-6)
    np.testing.assert_array_equal(scene.image.pixels, images[-1])  # ... the image shown top-left
    assert isinstance(scene.image, DigitImage)
    np.testing.assert_allclose(scene.image.gray_values(), images[-1], atol=GRAY_STEP)  # ... drawn in its greys
    assert scene.mobjects == []

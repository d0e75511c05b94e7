"""Chapters 1 and 2 show what they claim: the chosen images follow their rules, and every number,
fill and box stands for the trained network's real forward pass."""
from __future__ import annotations

import numpy as np
import pytest
from manim import tempconfig
from numpy.lib.stride_tricks import sliding_window_view

import nn
from scenes.ch01_introduction import (
    DEFAULT_INDEX,
    N_OTHERS,
    ZOOM_PIXELS,
    IntroductionExample,
    Reading,
    example_indices,
    sloppiest_confident_index,
    zoom_region,
)
from scenes.ch02_series_preview import SeriesPreview, answer_caption, image_tag, more_image_indices
from scenes.components import mnist_input
from scenes.components.digit_input import ENV_DIGIT, ENV_IMAGE, DigitInput
from scenes.components.pixel_views import PixelPatch, glyph_layer

# every animation skipped (final states only), nothing written: the scenes' content, fast
SKIP = {"skip_animations": True, "write_to_movie": False, "disable_caching": True, "verbosity": "ERROR",
        "progress_bar": "none", "pixel_width": 256, "pixel_height": 144, "frame_rate": 5}


def run_scene(scene_class, monkeypatch):
    monkeypatch.delenv(ENV_DIGIT, raising=False)
    monkeypatch.delenv(ENV_IMAGE, raising=False)
    with tempconfig(SKIP):
        scene = scene_class()
        scene.render()
    return scene


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


def test_chapter1_shows_the_networks_real_outputs(net, monkeypatch):
    scene = run_scene(IntroductionExample, monkeypatch)
    neurons, numbers, box = scene.answer
    out = net.forward(nn.test_image(DEFAULT_INDEX)[0])
    np.testing.assert_allclose([n.get_value() for n in numbers], out)
    np.testing.assert_allclose([c.get_fill_opacity() for c in neurons], out, atol=1e-6)
    boxed = [k for k, c in enumerate(neurons) if box.get_left()[0] < c.get_x() < box.get_right()[0]
             and box.get_bottom()[1] < c.get_y() < box.get_top()[1]]
    assert boxed == [int(np.argmax(out))]
    assert scene.mobjects == []  # ends faded out


# --- pixel views (used by chapter 1) ----------------------------------------------------------
def test_pixel_patch_draws_every_lit_pixel_in_its_exact_grey():
    pixels = nn.test_image(DEFAULT_INDEX)[0]
    patch = PixelPatch(pixels, 0.1, frame=False)
    assert sum(len(cell.points) for cell in patch.cells) == 16 * int(np.sum(pixels > 0))
    shown = sorted(round(cell.get_fill_color().to_rgb()[0] * 255) for cell in patch.cells)
    assert shown == sorted(round(v * 255) for v in np.unique(pixels[pixels > 0]))


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
    scene = run_scene(SeriesPreview, monkeypatch)
    indices = [DEFAULT_INDEX] + more_image_indices(mnist_input(DEFAULT_INDEX))
    assert [d.source for d in scene.digits] == [f"MNIST test #{i}" for i in indices]
    images = np.array([nn.test_image(i)[0] for i in indices])
    assert scene.predictions == [int(p) for p in net.predict(images)]
    last = net.activations(images[-1])
    for layer in range(4):  # the diagram ends lit by the last image's genuine pass
        np.testing.assert_allclose(scene.diagram.fill_opacities(layer),
                                   last[layer][scene.diagram.drawn_indices(layer)], atol=1e-6)
    np.testing.assert_array_equal(scene.image.pixels, images[-1])  # ... the image shown top-left
    assert scene.mobjects == []

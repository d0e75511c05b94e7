"""Chapters 3 and 4 show the real image and the real network: values, fills, answers, layout."""
from __future__ import annotations

import numpy as np
import pytest
from manim import UL, config, tempconfig

from scenes.ch03_neurons import (
    DEFAULT_INDEX,
    MID_GRAY,
    WhatAreNeurons,
    big_neuron,
    demo_values,
    grid_image,
    neuron_grid,
    pulled_pixels,
)
from scenes.ch04_layers import MORE_IMAGES, IntroducingLayers, build_diagram, source_label
from scenes.components import INPUT_PIXELS_SHOWN, caption, mnist_input, style
from scenes.components.digit_input import ENV_DIGIT, ENV_IMAGE


@pytest.fixture(scope="module")
def digit():
    return mnist_input(DEFAULT_INDEX)


def _construct(scene_class, tmp_path_factory):
    """Run a chapter's construct() with every animation skipped (final states only, no video)."""
    mp = pytest.MonkeyPatch()
    mp.delenv(ENV_DIGIT, raising=False)
    mp.delenv(ENV_IMAGE, raising=False)
    options = {"media_dir": str(tmp_path_factory.mktemp("skip")), "disable_caching": True, "verbosity": "ERROR",
               "progress_bar": "none", "write_to_movie": False, "from_animation_number": 10**6}
    try:
        with tempconfig(options):
            scene = scene_class()
            scene.render()
    finally:
        mp.undo()
    return scene


@pytest.fixture(scope="module")
def ch03(tmp_path_factory):
    return _construct(WhatAreNeurons, tmp_path_factory)


@pytest.fixture(scope="module")
def ch04(tmp_path_factory):
    return _construct(IntroducingLayers, tmp_path_factory)


# --- chapter 3: every number shown is a pixel value of the image -----------------------------
def test_lone_neuron_steps_through_real_pixel_values(digit):
    values = demo_values(digit.pixels)
    assert len(values) >= 3 and values[0] == 0.0 and max(values) == pytest.approx(float(digit.pixels.max()))
    for v in values:
        assert np.any(np.isclose(digit.pixels, v)), f"{v} is not a pixel value of the image"
    assert len(set(np.round(values, 2))) == len(values), "each step shows a different number"


def test_pulled_out_neurons_are_what_the_captions_say(digit):
    mid, bright, dark = pulled_pixels(digit.pixels)
    p = digit.pixels
    assert abs(p[mid] - MID_GRAY) == pytest.approx(np.min(np.abs(p - MID_GRAY)))
    assert 0.2 < p[mid] < 0.9, "the first one is partly lit"
    assert p[bright] == p.max() and p[dark] == p.min() == 0.0


def test_grid_neurons_fill_with_pixel_values(media, digit):
    image = grid_image(digit)
    grid = neuron_grid(image)
    assert len(grid) == 784
    np.testing.assert_allclose([c.get_fill_opacity() for c in grid], digit.pixels, atol=1e-6)
    for i in (0, 300, 783):  # each circle sits on its own pixel
        np.testing.assert_allclose(grid[i].get_center(), image.squares[i].get_center(), atol=1e-9)


@pytest.mark.parametrize("value", [0.0, 0.3725, 0.62, 1.0])
def test_big_neuron_shows_its_number_and_fill(media, value):
    circle, number = big_neuron(value, np.zeros(3))
    assert circle.get_fill_opacity() == pytest.approx(value)
    assert number.get_value() == pytest.approx(value)


def test_chapter3_shows_the_real_activations(ch03, digit):
    assert ch03.digit.source == digit.source
    assert ch03.lone_values == demo_values(digit.pixels)
    assert [z[0] for z in ch03.zoomed] == list(pulled_pixels(digit.pixels))
    for index, number, opacity in ch03.zoomed:
        assert number == pytest.approx(float(digit.pixels[index]))
        assert opacity == pytest.approx(float(digit.pixels[index]))
    np.testing.assert_allclose([c.get_fill_opacity() for c in ch03.grid], digit.pixels, atol=1e-6)
    values = [f"{digit.pixels[i]:.2f}" for i in pulled_pixels(digit.pixels)[1:]]
    assert all(any(v in text for text in ch03.captions) for v in values), "captions quote the real values"
    assert ch03.mobjects == [], "the chapter ends on an empty frame"


# --- chapter 4: the real network, its real answers ---------------------------------------------
def test_diagram_is_784_16_16_10_with_the_documented_input_pixels(media, net):
    d = build_diagram(net)
    assert d.sizes == (784, 16, 16, 10)
    assert d.drawn_indices(0) == list(INPUT_PIXELS_SHOWN)
    assert [len(c) for c in d.neurons] == [16, 16, 16, 10]


def test_diagram_leaves_room_for_image_and_captions(media, net):
    d = build_diagram(net)
    w, h = config.frame_width / 2, config.frame_height / 2
    assert -w < d.get_left()[0] and d.get_right()[0] < w and d.get_top()[1] < h
    assert d.get_bottom()[1] > caption("A caption of ours").get_top()[1], "captions fit under the diagram"


def test_more_images_are_real_varied_and_read_correctly(net):
    digits = [mnist_input(i) for i in MORE_IMAGES]
    labels = [d.label for d in digits]
    assert len(set(labels)) == len(labels) == 3 and DEFAULT_INDEX not in MORE_IMAGES
    assert labels == [int(net.predict(d.pixels)) for d in digits]  # the module says "a 4, a 7 and a 5"
    assert labels == [4, 7, 5]


def test_chapter4_passes_are_the_network_s_own(ch04, net, digit):
    fed = [d for d, _ in ch04.answers]
    assert [d.source for d in fed] == [digit.source] + [mnist_input(i).source for i in MORE_IMAGES]
    for d, answer in ch04.answers:
        assert answer == int(net.predict(d.pixels))
        assert f"Brightest output: {answer}, the network's answer" in ch04.captions
    # the diagram ends lit by the last image's genuine activations, its brightest output boxed
    last = fed[-1].pixels
    acts = net.activations(last)
    for layer in range(4):
        expected = acts[layer][ch04.diagram.drawn_indices(layer)]
        np.testing.assert_allclose(ch04.diagram.fill_opacities(layer), expected, atol=1e-6)
    np.testing.assert_allclose(ch04.image.pixels, last)
    assert ch04.label.text.replace(" ", "") == source_label(fed[-1]).replace(" ", "")


def test_chapter4_image_sits_top_left(ch04):
    corner = ch04.image.get_corner(UL)
    assert corner[0] < -config.frame_width / 2 + 2 * style.FRAME_MARGIN
    assert corner[1] > config.frame_height / 2 - 2 * style.FRAME_MARGIN
    assert ch04.image.get_right()[0] < ch04.diagram.get_left()[0]

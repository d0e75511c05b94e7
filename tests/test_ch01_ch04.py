"""Chapters 1 to 4: the images follow their rules, and what the scenes draw is the data and the network."""
import numpy as np
import pytest
from numpy.lib.stride_tricks import sliding_window_view

import nn
from scenes.chapters.ch01_introduction import ZOOM_PIXELS, differing_pixels, zoom_region
from scenes.chapters.ch02_series_preview import more_image_indices
from scenes.chapters.ch03_neurons import MID_GRAY, demo_values, pulled_pixels
from scenes.chapters.ch04_layers import MORE_IMAGES
from scenes.components import INPUT_PIXELS_SHOWN, DigitImage
from scenes.content.digit_input import DigitInput, mnist_input
from scenes.content.examples import HERO_INDEX, same_digit_examples, sloppy_shortlist
from scenes.film.chapters import CHAPTERS

GRAY_STEP = 1 / 255 + 1e-9  # a grey is drawn rounded to a byte


@pytest.fixture(scope="module")
def hero():
    return mnist_input(HERO_INDEX)


# --- which images (rules, no rendering) ---------------------------------------------------------
def test_main_image_is_a_sloppy_three_the_network_reads(net, hero):
    assert hero.label == 3
    out = net.forward(hero.pixels)
    assert int(np.argmax(out)) == 3 and out[3] >= 0.5, "read as a 3, and not as a coin flip"
    assert HERO_INDEX in sloppy_shortlist(), "among the correctly read 3s least like the average 3"


def test_other_examples_are_the_first_threes_and_all_differ(hero):
    indices = same_digit_examples(3, hero.source)
    labels = nn.load_split("test").labels
    assert indices == [int(i) for i in np.flatnonzero(labels == 3)[:4]]
    for i in indices:
        assert differing_pixels(hero.pixels, nn.test_image(i)[0]).sum() > 50, "different pixel by pixel"
    assert indices[0] not in same_digit_examples(3, f"MNIST test #{indices[0]}")


def test_zoom_window_has_the_most_grey_pixels(hero):
    r0, r1, c0, c1 = zoom_region(hero.pixels)
    assert (r1 - r0, c1 - c0) == (ZOOM_PIXELS, ZOOM_PIXELS)
    grey = ((hero.pixels > 0) & (hero.pixels < 1)).reshape(28, 28)
    assert grey[r0:r1, c0:c1].sum() == sliding_window_view(grey, (ZOOM_PIXELS, ZOOM_PIXELS)).sum(axis=(2, 3)).max()


def test_narration_names_the_digit_only_when_its_label_says_so(hero):
    from scenes.content.narration import load_script

    beat = load_script("en").chapter("ch01").beat("sloppy-digit")
    assert beat.filled({"digit": hero.label}).say.startswith("This is a three, written by hand")
    assert beat.filled({"digit": mnist_input(61).label}).say.startswith("This is an eight,")
    assert beat.filled({"digit": DigitInput(hero.pixels, None, "mine.png").label}).say.startswith("This is your digit,")


def test_image_tags_name_the_source_and_the_true_digit():
    assert mnist_input(0).tag == "test #0, a 7"
    assert mnist_input(61).tag == "test #61, an 8"
    assert DigitInput(np.zeros(784), None, "photo.jpg").tag == "photo.jpg"


def test_chapter2_reads_the_first_test_images_after_ours(hero):
    assert more_image_indices(hero) == [0, 1, 2]
    assert more_image_indices(mnist_input(1)) == [0, 2, 3]


def test_chapter3_values_are_real_pixel_values(hero):
    values = demo_values(hero.pixels)
    assert values[0] == 0.0 and max(values) == pytest.approx(float(hero.pixels.max()))
    for v in values:
        assert np.any(np.isclose(hero.pixels, v)), f"{v} is not a pixel value of the image"
    assert len(set(np.round(values, 2))) == len(values), "each step shows a different number"
    mid, bright, dark = pulled_pixels(hero.pixels)
    p = hero.pixels
    assert abs(p[mid] - MID_GRAY) == pytest.approx(np.min(np.abs(p - MID_GRAY))) and 0.2 < p[mid] < 0.9
    assert p[bright] == p.max() and p[dark] == p.min() == 0.0


def test_chapter4_more_images_are_real_and_read_correctly(net):
    digits = [mnist_input(i) for i in MORE_IMAGES]
    assert [d.label for d in digits] == [int(net.predict(d.pixels)) for d in digits] == [4, 5]


# --- what the rendered chapters show ------------------------------------------------------------
@pytest.mark.render
def test_chapter1_draws_the_image_and_the_differences(chapter_run, hero):
    scene = chapter_run(CHAPTERS[0]).scene
    assert isinstance(scene.image, DigitImage)
    np.testing.assert_allclose(scene.image.gray_values(), hero.pixels, atol=GRAY_STEP)
    images = scene.examples[0]
    for img, i in zip(images, same_digit_examples(3, hero.source)):
        np.testing.assert_allclose(img.gray_values(), nn.test_image(i)[0], atol=GRAY_STEP)
    outline = scene.outlines[0]  # one closed square per differing pixel
    assert len(outline.get_subpaths()) == int(differing_pixels(hero.pixels, images[0].pixels).sum())
    assert "output" not in " ".join(b["caption"] for b in chapter_run(CHAPTERS[0]).timing["beats"])


@pytest.mark.render
def test_chapter3_pulled_out_neurons_show_their_pixels(chapter_run, hero):
    scene = chapter_run(CHAPTERS[2]).scene
    mid, bright, dark = pulled_pixels(hero.pixels)
    assert [i for i, _, _ in scene.zoomed] == [mid, bright, dark, mid]
    for index, number, fill in scene.zoomed:
        assert number == pytest.approx(hero.pixels[index], abs=0.005) and fill == pytest.approx(hero.pixels[index])
    assert scene.lone_values == demo_values(hero.pixels)
    assert [hero.pixels[i] for i in scene.lone_sources] == scene.lone_values  # the marked pixels hold them


@pytest.mark.render
def test_chapter4_passes_are_the_networks_own(chapter_run, net, hero):
    scene = chapter_run(CHAPTERS[3]).scene
    fed = [d for d, _ in scene.answers]
    assert [d.source for d in fed] == [hero.source] + [mnist_input(i).source for i in MORE_IMAGES]
    for digit, answer in scene.answers:
        assert answer == int(net.predict(digit.pixels))
    acts = net.activations(fed[-1].pixels)
    for layer in range(4):  # the diagram ends lit by the last image's genuine activations
        np.testing.assert_allclose(scene.diagram.fill_opacities(layer), acts[layer][scene.diagram.drawn_indices(layer)],
                                   atol=1e-6)
    assert float(scene.value.get_tex_string()) == pytest.approx(acts[-1].max(), abs=0.005)
    assert scene.diagram.drawn_indices(0) == list(INPUT_PIXELS_SHOWN)

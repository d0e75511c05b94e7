"""Content of chapters 7, 8 and 10: every number they show is the network's own."""
import numpy as np
import pytest
from manim import config

import nn
from conftest import run_final_state
from scenes import ch07_counting as ch07
from scenes import ch08_learning as ch08
from scenes import ch10_recap as ch10
from scenes.components import DigitImage, mnist_input, style
from scenes.components.digit_input import ENV_DIGIT, ENV_IMAGE

#: a gray drawn as uint8 is within half a step of the pixel's value
GRAY_STEP = 0.5 / 255 + 1e-9


def inside_frame(mob) -> bool:
    w, h = config.frame_width / 2, config.frame_height / 2
    return -w <= mob.get_left()[0] and mob.get_right()[0] <= w and -h <= mob.get_bottom()[1] and mob.get_top()[1] <= h


@pytest.fixture
def default_input(monkeypatch):
    monkeypatch.delenv(ENV_DIGIT, raising=False)
    monkeypatch.delenv(ENV_IMAGE, raising=False)


# --- chapter 7: counting ---------------------------------------------------------------------
def test_ch07_terms_are_the_arrays_shapes(net):
    assert ch07.weight_terms(net) == [(784, 16), (16, 16), (16, 10)]
    assert ch07.weight_terms(net) == [(w.shape[1], w.shape[0]) for w in net.weights]
    assert ch07.bias_terms(net) == [16, 16, 10] == [b.size for b in net.biases]


def test_ch07_tally_adds_up_to_the_parameter_count(net):
    weights = sum(a * b for a, b in ch07.weight_terms(net))
    biases = sum(ch07.bias_terms(net))
    assert weights == net.n_weights and biases == net.n_biases
    assert weights + biases == net.n_parameters == 13002


def test_ch07_tally_on_screen_shows_those_numbers(net):
    scene = ch07.CountingParameters()
    scene.net = net
    scene.build_tally()
    weight_texts = [m.tex_string for m in scene.weights_row if m.tex_string != "+"]
    bias_texts = [m.tex_string for m in scene.biases_row if m.tex_string != "+"]
    assert weight_texts == [r"784 \times 16", r"16 \times 16", r"16 \times 10"]
    assert bias_texts == ["16", "16", "10"]
    assert scene.total.tex_string == "13{,}002"


def test_ch07_tally_follows_another_network():
    small = nn.Network([5, 3, 2])
    assert ch07.weight_terms(small) == [(5, 3), (3, 2)]
    assert ch07.thousands(small.n_parameters) == str(5 * 3 + 3 * 2 + 3 + 2)


# --- chapter 8: learning and a real mistake ------------------------------------------------------
def test_ch08_first_misclassified_is_the_lowest_wrong_index(net):
    images, labels = nn.load_mnist().test
    i = ch08.first_misclassified(net, images, labels)
    assert net.predict(images[i]) != labels[i]
    assert np.all(net.predict(images[:i]) == labels[:i])


def test_ch08_default_example_really_is_misclassified(net, default_input):
    digit = ch08.wrong_example(net)
    assert digit.label is not None
    assert net.predict(digit.pixels) != digit.label
    images, labels = nn.load_mnist().test
    assert digit.source == f"MNIST test #{ch08.first_misclassified(net, images, labels)}"


def test_ch08_user_digit_used_only_when_it_is_wrong(net, monkeypatch):
    images, labels = nn.load_mnist().test
    wrong = np.flatnonzero(net.predict(images) != labels)
    monkeypatch.setenv(ENV_DIGIT, str(wrong[1]))  # a mistake other than the default one
    assert ch08.wrong_example(net).source == f"MNIST test #{wrong[1]}"
    right = int(np.flatnonzero(net.predict(images) == labels)[0])
    monkeypatch.setenv(ENV_DIGIT, str(right))  # classified correctly: not a mistake to show
    digit = ch08.wrong_example(net)
    assert net.predict(digit.pixels) != digit.label


def test_ch08_dials_show_real_parameters(net):
    params = ch08.dial_parameters(net)
    weights = [v for k, v in params if k == "w"]
    biases = [v for k, v in params if k == "b"]
    drawn = list(ch08.INPUT_PIXELS_SHOWN[: len(weights)])
    np.testing.assert_allclose(weights, net.weights[0][0, drawn])
    np.testing.assert_allclose(biases, net.biases[0][: len(biases)])
    dial = ch08.dial("w", weights[0], max(abs(w) for w in weights))
    assert dial[2].get_value() == pytest.approx(weights[0], abs=0.005)


def test_ch08_draws_the_mistake_in_its_own_greys(net, media):
    scene = run_final_state(ch08.HowLearningRelates)
    digit = ch08.wrong_example(net)
    assert isinstance(scene.image, DigitImage) and scene.image.label is None
    np.testing.assert_allclose(scene.image.gray_values(), digit.pixels, atol=GRAY_STEP)
    assert scene.image.side_length == pytest.approx(style.IMAGE_SIDE) and inside_frame(scene.image)
    assert scene.mobjects == []  # the image fades out with everything else


# --- chapter 10: recap -------------------------------------------------------------------------
def test_ch10_images_start_with_the_chosen_input_and_differ(net, default_input):
    images = ch10.recap_images(net, ch10.chosen_input(ch10.DEFAULT_INDEX))
    assert len(images) == ch10.N_IMAGES
    assert images[0].source == f"MNIST test #{ch10.DEFAULT_INDEX}"
    assert len({d.label for d in images}) == len(images)


def test_ch10_neuron_values_are_real_and_different(net, default_input):
    images = ch10.recap_images(net, ch10.chosen_input(ch10.DEFAULT_INDEX))
    j = ch10.most_varying_neuron(net, images)
    values = ch10.neuron_values(net, images, j)
    for digit, value in zip(images, values):
        assert value == pytest.approx(net.activations(digit.pixels)[ch10.LAYER][j])
        assert 0.0 <= value <= 1.0
    assert max(values) - min(values) > 0.5, "the three numbers should visibly differ"
    acts = net.activations(np.stack([d.pixels for d in images]))[ch10.LAYER]
    assert np.ptp(acts[:, j]) == pytest.approx(np.ptp(acts, axis=0).max())


def test_ch10_draws_the_images_it_feeds(net, media):
    scene = run_final_state(ch10.Recap)
    images = ch10.recap_images(net, mnist_input(ch10.DEFAULT_INDEX))
    assert len(scene.thumbs) == len(images)
    for thumb, digit in zip(scene.thumbs, images):
        assert isinstance(thumb, DigitImage) and thumb.side_length == pytest.approx(ch10.THUMB_SIDE)
        np.testing.assert_allclose(thumb.gray_values(), digit.pixels, atol=GRAY_STEP)
        assert inside_frame(thumb)
    machine = scene.machine_image  # the whole network as one function: fed the first image
    np.testing.assert_allclose(machine.gray_values(), images[0].pixels, atol=GRAY_STEP)
    assert machine.side_length == pytest.approx(ch10.MACHINE_IMAGE_SIDE) and inside_frame(machine)
    assert scene.mobjects == []  # the images fade out with everything else


def test_ch10_signature_and_count_come_from_the_network(net):
    assert ch10.network_signature(net) == r"f(a_0, \dots, a_{783}) = (y_0, \dots, y_{9})"
    small = nn.Network([6, 4, 3])
    assert "a_{5}" in ch10.network_signature(small) and "y_{2}" in ch10.network_signature(small)
    assert ch10.thousands(net.n_parameters) == "13{,}002"


def test_ch10_uses_other_images_after_a_chosen_digit(net, monkeypatch):
    monkeypatch.setenv(ENV_DIGIT, "1")  # a 2
    images = ch10.recap_images(net, ch10.chosen_input(ch10.DEFAULT_INDEX))
    assert images[0].source == "MNIST test #1"
    assert len({d.label for d in images}) == len(images)
    assert mnist_input(1).label == images[0].label

"""Chapter 6: the made-up weights are what the scene says, and every number shown is genuine."""
from __future__ import annotations

import numpy as np
import pytest

import nn
from scenes.chapters import ch06_edge_detection as ch06
from scenes.components import INPUT_PIXELS_SHOWN
from tests.conftest import run_final_state


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + np.exp(-x))


def _bar_mask() -> np.ndarray:
    mask = np.zeros((28, 28), dtype=bool)
    mask[8:10, 10:18] = True
    return mask.reshape(-1)


def test_bar_weights_are_a_positive_bar_and_nothing_else():
    w = ch06.bar_weights()
    assert w.shape == (784,)
    assert np.all(w[_bar_mask()] == 1.0) and np.all(w[~_bar_mask()] == 0.0)


def test_edge_weights_add_a_negative_surround_above_and_below():
    w = ch06.edge_weights().reshape(28, 28)
    assert np.all(w[8:10, 10:18] == 1.0)
    assert np.all(w[6:8, 10:18] == -1.0) and np.all(w[10:12, 10:18] == -1.0)
    assert np.count_nonzero(w) == 16 + 32


def test_default_example_has_a_stroke_in_the_bar():
    pixels, label = nn.test_image(ch06.EXAMPLE_INDEX)
    assert label == 7
    assert pixels[_bar_mask()].mean() > 0.7, "the 7's top stroke fills the bar"
    s = ch06.weighted_sum(ch06.edge_weights(), pixels)
    assert s > -ch06.BIAS_EXAMPLE, "the example beats the bias's threshold, as the scene shows"
    assert ch06.weighted_sum(ch06.bar_weights(), pixels) == pytest.approx(float(pixels[_bar_mask()].sum()))


def test_weak_example_is_positive_but_below_the_threshold():
    pixels, label = nn.test_image(ch06.WEAK_INDEX)
    s = ch06.weighted_sum(ch06.edge_weights(), pixels)
    assert 0 < s < -ch06.BIAS_EXAMPLE
    assert _sigmoid(s) > 0.5 > _sigmoid(s + ch06.BIAS_EXAMPLE)


def test_plot_range_shows_every_sum_and_the_threshold():
    lo, hi, step = ch06.plot_x_range([12.15, 3.4])
    assert lo == -hi and hi >= 10 + ch06.PLOT_MARGIN and hi % step == 0
    lo, hi, step = ch06.plot_x_range([-30.0])
    assert lo <= -30 and hi % step == 0


@pytest.fixture(scope="module")
def scene():
    """The chapter run once with its default digit (final states only)."""
    return run_final_state(ch06.EdgeDetection)


def drawn(mob) -> float:
    """The number a MathTex on screen shows, read from what it writes (not from the scene's data)."""
    return float(mob.get_tex_string().replace(" ", "").replace("{", "").replace("}", ""))


def expected_numbers() -> dict[str, float]:
    """Every number the chapter shows, computed here from nn and the made-up weights alone."""
    pixels = nn.test_image(ch06.EXAMPLE_INDEX)[0].astype(float)
    weak = nn.test_image(ch06.WEAK_INDEX)[0].astype(float)
    edge, weak_sum = float(ch06.edge_weights() @ pixels), float(ch06.edge_weights() @ weak)
    net = nn.load_pretrained()
    b = float(net.biases[0][ch06.NEURON])
    bar = _bar_mask()
    numbers = {
        "bar sum": float(pixels[bar].sum()),
        "bar part": float(pixels[bar].sum()), "rim part": float(-pixels[_rim_mask()].sum()),
        "edge sum": edge, "sum": edge,
        "no bias": _sigmoid(edge), "with bias": _sigmoid(edge - 10),
        "sum weak": weak_sum, "no bias weak": _sigmoid(weak_sum), "with bias weak": _sigmoid(weak_sum - 10),
        "real bias": b, "real activation": float(net.activations(pixels)[1][ch06.NEURON]),
    }
    drawn = list(INPUT_PIXELS_SHOWN)  # the named connections' real weights (w₁, w₂, w₃, w₇₈₄), beside the neuron
    for position, name in zip(ch06.LABELLED_INPUTS, ch06.TERM_NAMES):
        numbers[f"w{name}"] = float(net.weights[0][ch06.NEURON][drawn[position]])
    for index in (ch06.ONE_INDEX, ch06.WEAK_INDEX):  # the other digits: both shares and the total
        other = nn.test_image(index)[0].astype(float)
        numbers[f"bar part #{index}"] = float(other[bar].sum())
        numbers[f"rim part #{index}"] = float(-other[_rim_mask()].sum())
        numbers[f"edge sum #{index}"] = float(ch06.edge_weights() @ other)
    return numbers


def _rim_mask() -> np.ndarray:
    mask = np.zeros((28, 28), dtype=bool)
    mask[6:8, 10:18] = mask[10:12, 10:18] = True
    return mask.reshape(-1)


def test_the_edge_sum_is_the_bar_share_plus_the_rim_share():
    assert np.all(ch06.rim_weights()[_rim_mask()] == -1.0) and np.count_nonzero(ch06.rim_weights()) == 32
    for index in (ch06.EXAMPLE_INDEX, ch06.ONE_INDEX, ch06.WEAK_INDEX):
        parts = ch06.edge_parts(nn.test_image(index)[0])
        assert parts["bar"] + parts["rim"] == pytest.approx(parts["sum"])


def test_the_other_digits_touch_the_bar_and_lose_on_the_rim():
    """What the narration says of the 1 and the 9: their strokes touch the bar, and the negative rows
    around it pull them below our digit's sum."""
    ours = ch06.edge_parts(nn.test_image(ch06.EXAMPLE_INDEX)[0])
    for index in (ch06.ONE_INDEX, ch06.WEAK_INDEX):
        parts = ch06.edge_parts(nn.test_image(index)[0])
        assert parts["bar"] > 1.0 and parts["rim"] < ours["rim"] - 4.0 and parts["sum"] < ours["sum"] / 2


@pytest.mark.render
def test_every_number_drawn_is_what_nn_says(scene):
    expected = expected_numbers()
    assert set(scene.shown) - {"real weighted sum"} == set(expected)
    for name, value in expected.items():
        assert drawn(scene.shown[name]) == pytest.approx(value, abs=0.005), name
    net = nn.load_pretrained()
    pixels = nn.test_image(ch06.EXAMPLE_INDEX)[0].astype(float)
    dot = float(net.weights[0][ch06.NEURON] @ pixels)
    assert f"{dot:.2f}" in scene.shown["real weighted sum"].get_tex_string()


@pytest.mark.render
def test_the_real_activation_is_sigma_of_sum_plus_bias(scene):
    net = nn.load_pretrained()
    pixels = nn.test_image(ch06.EXAMPLE_INDEX)[0].astype(float)
    w, b = net.weights[0][ch06.NEURON], float(net.biases[0][ch06.NEURON])
    assert drawn(scene.shown["real activation"]) == pytest.approx(_sigmoid(float(w @ pixels) + b), abs=0.005)


@pytest.mark.render
def test_made_up_weights_are_labelled_as_made_up(scene):
    script = " ".join(f"{beat.caption} {beat.say}" for beat in scene.script().beats)
    assert "made-up" in script and "bias" in script
    assert scene.captions.history  # every beat's caption was shown


@pytest.mark.render
def test_every_weight_in_the_sum_has_the_colour_of_its_sign(scene):
    """w₁, w₂, w₃, w₇₈₄ in the formula are green or red like their connections (``style.weight_color``)."""
    from scenes.components import style

    net = nn.load_pretrained()
    drawn = list(INPUT_PIXELS_SHOWN)
    signs = [float(net.weights[0][ch06.NEURON][drawn[position]]) for position in ch06.LABELLED_INPUTS]
    colours = [part.get_color().to_hex() for part in scene.equation.weights]
    assert colours == [style.weight_color(w).to_hex() for w in signs]
    assert min(signs) < 0 < max(signs), "the example shows both signs"

"""Chapter 6: the made-up weights are what the scene says, and every number shown is genuine."""
from __future__ import annotations

import numpy as np
import pytest
from manim import tempconfig
from manim.renderer.cairo_renderer import CairoRenderer

import nn
from scenes import ch06_edge_detection as ch06
from scenes.components.chapter_scene import ChapterScene
from scenes.components.digit_input import ENV_DIGIT, ENV_IMAGE


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
def constructed(tmp_path_factory):
    """Run the scene's construct() without rendering frames; return (scene, beats)."""
    mp = pytest.MonkeyPatch()
    mp.delenv(ENV_DIGIT, raising=False)
    mp.delenv(ENV_IMAGE, raising=False)
    beats: list = []
    mp.setattr(ChapterScene, "beat_log", beats)
    options = {"dry_run": True, "disable_caching": True, "verbosity": "ERROR",
               "progress_bar": "none", "media_dir": str(tmp_path_factory.mktemp("ch06"))}
    with tempconfig(options):
        scene = ch06.EdgeDetection(renderer=CairoRenderer(skip_animations=True))  # end states only
        scene.render()
    mp.undo()
    return scene, beats


def test_every_number_shown_is_written_as_its_value(constructed):
    scene, _ = constructed
    for name, (mob, value) in scene.shown.items():
        assert ch06.fmt(value) in mob.get_tex_string().replace(" ", ""), name


def test_numbers_shown_are_genuine(constructed):
    scene, _ = constructed
    shown = {name: value for name, (_, value) in scene.shown.items()}
    pixels, _ = nn.test_image(ch06.EXAMPLE_INDEX)
    pixels = pixels.astype(float)
    edge = float(ch06.edge_weights() @ pixels)
    assert shown["bar sum"] == pytest.approx(float(pixels[_bar_mask()].sum()))
    assert shown["edge sum"] == pytest.approx(edge)
    assert shown["sum"] == pytest.approx(edge)
    assert shown["no bias"] == pytest.approx(_sigmoid(edge))
    assert shown["with bias"] == pytest.approx(_sigmoid(edge - 10))
    weak = float(ch06.edge_weights() @ nn.test_image(ch06.WEAK_INDEX)[0].astype(float))
    assert shown["sum weak"] == pytest.approx(weak)
    assert shown["with bias weak"] == pytest.approx(_sigmoid(weak - 10))
    for index in ch06.OTHER_INDICES:
        assert shown[f"edge sum #{index}"] == pytest.approx(float(ch06.edge_weights() @ nn.test_image(index)[0]))

    net = nn.load_pretrained()
    w, b = net.weights[0][ch06.NEURON], float(net.biases[0][ch06.NEURON])
    assert shown["real bias"] == pytest.approx(b)
    assert shown["real weighted sum"] == pytest.approx(float(w @ pixels))
    assert shown["real activation"] == pytest.approx(float(net.activations(pixels)[1][ch06.NEURON]))
    assert shown["real activation"] == pytest.approx(_sigmoid(float(w @ pixels) + b))


def test_made_up_weights_are_labelled_as_made_up(constructed):
    _, beats = constructed
    texts = {name: " ".join(box.text for box in boxes) for name, boxes in beats}
    for beat in ("bar", "edge detector"):
        assert "made-up" in texts[beat]
    assert "trained" in texts["weight grid"] and "made-up" not in texts["weight grid"]
    assert "bias" in texts["bias"]

"""Content of chapters 9, 11 and 12: what they show is what nn computes."""
import re

import numpy as np
import pytest

import nn
from scenes import ch09_notation as ch09
from scenes import ch11_learned_weights as ch11
from scenes import ch12_relu as ch12
from scenes.components import style
from scenes.components.digit_input import ENV_DIGIT, ENV_IMAGE


@pytest.fixture(autouse=True)
def default_input(monkeypatch):
    monkeypatch.delenv(ENV_DIGIT, raising=False)
    monkeypatch.delenv(ENV_IMAGE, raising=False)


# --- chapter 9 ------------------------------------------------------------------------------
def test_ch09_small_network_is_a_real_8_to_6_network_with_biases():
    net = ch09.small_network()
    assert net.sizes == (8, 6)
    assert np.all(np.abs(net.biases[0]) > 0), "b is shown, so the biases should not be zero"


def test_ch09_input_is_eight_pixels_of_the_chosen_image(monkeypatch):
    pixels, _ = nn.test_image(ch09.DEFAULT_INDEX)
    assert np.allclose(ch09.small_input(), pixels[list(ch09.SMALL_INPUT_PIXELS)])
    assert np.count_nonzero(ch09.small_input()) >= 4, "the default image lights most of the 8 inputs"
    monkeypatch.setenv(ENV_DIGIT, "3")
    assert np.allclose(ch09.small_input(), nn.test_image(3)[0][list(ch09.SMALL_INPUT_PIXELS)])


def test_ch09_code_line_on_screen_computes_the_networks_layer():
    net, x = ch09.small_network(), ch09.small_input()
    a1 = ch09.run_code_line(net.weights[0], x, net.biases[0])
    assert np.allclose(a1, net.activations(x)[1])
    assert ch09.CODE_LINE == "a1 = sigmoid(W @ a0 + b)"


def test_ch09_printed_values_are_the_fills_of_layer_1():
    net, x = ch09.small_network(), ch09.small_input()
    shown = [float(v) for v in re.findall(r"-?\d\.\d\d", ch09.values_line(net.activations(x)[1]))]
    assert np.allclose(shown, net.activations(x)[1], atol=0.005)
    assert len(shown) == net.sizes[1]


def test_ch09_matrix_rows_run_to_k_and_bias_to_b_k():
    w = ch09.weight_matrix()
    rows = w.get_rows()
    assert rows[0][0].get_tex_string() == "w_{0,0}" and rows[-1][-1].get_tex_string() == "w_{k,n}"
    b = ch09.column(["b_0", "b_1", r"\vdots", "b_k"], style.B_COLOR)
    assert b.get_entries()[-1].get_tex_string() == "b_k"  # the published correction: k, not n


# --- chapter 11 -----------------------------------------------------------------------------
def test_ch11_grids_are_the_shipped_first_layer():
    rows = ch11.learned_rows()
    assert rows.shape == (16, 784)
    assert np.array_equal(rows, nn.load_pretrained().weights[0])


def test_ch11_accuracy_is_computed_on_the_test_set():
    images, labels = nn.load_mnist().test
    expected = float(np.mean(nn.load_pretrained().predict(images) == labels))
    assert ch11.test_accuracy() == pytest.approx(expected)
    assert ch11.accuracy_text(ch11.test_accuracy()) == f"{100 * expected:.1f} %"
    assert expected > 0.95


def test_ch11_hopes_are_hand_made_edge_detectors():
    hopes = ch11.hoped_edges()
    assert hopes.shape == (len(ch11.HOPED_STROKES), 784)
    assert set(np.unique(hopes)) == {-1.0, 0.0, 1.0}
    for row in hopes:
        assert (row > 0).sum() > 5 and (row < 0).sum() > (row > 0).sum()  # a bar inside a negative band


# --- chapter 12 -----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def plot():
    return ch12.FunctionPlot(nn.sigmoid, ch12.X_RANGE, ch12.Y_RANGE)


def _graph_coords(plot, graph):
    return np.array([plot.axes.p2c(p) for p in graph.points[::4]])


def test_ch12_sigmoid_curve_is_nn_sigmoid(plot):
    xy = _graph_coords(plot, plot.graph)
    assert np.allclose(xy[:, 1], nn.sigmoid(xy[:, 0]), atol=1e-3)


def test_ch12_relu_pieces_are_inactive_then_identity(plot):
    inactive, identity = ch12.relu_pieces(plot)
    lo = _graph_coords(plot, inactive)
    hi = _graph_coords(plot, identity)
    assert lo[:, 0].max() <= 1e-6 and np.allclose(lo[:, 1], 0, atol=1e-6)
    assert hi[:, 0].min() >= -1e-6 and np.allclose(hi[:, 1], hi[:, 0], atol=1e-3)
    assert np.allclose(hi[:, 1], nn.relu(hi[:, 0]), atol=1e-3)

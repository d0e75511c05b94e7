"""The network's mathematics: shapes, gradients against finite differences, file handling."""
import pickle
import zipfile

import numpy as np
import pytest

from nn import Network, NetworkFileError, sigmoid
from nn.train import backprop, cost, one_hot


def test_sigmoid_is_safe_and_correct():
    z = np.array([-1000.0, -2.0, 0.0, 2.0, 1000.0])
    with np.errstate(all="raise"):
        s = sigmoid(z)
    np.testing.assert_allclose(s, [0, 1 / (1 + np.e**2), 0.5, 1 / (1 + np.e**-2), 1])


@pytest.mark.parametrize("hidden", ["sigmoid", "relu"])
def test_activations_for_one_image_and_a_batch(hidden):
    net = Network([784, 16, 16, 10], seed=1, hidden=hidden)
    x = np.random.default_rng(0).random((5, 784))
    batch = net.activations(x)
    assert [a.shape for a in batch] == [(5, 784), (5, 16), (5, 16), (5, 10)]
    single = net.activations(x[3])
    assert [a.shape for a in single] == [(784,), (16,), (16,), (10,)]
    for a_single, a_batch in zip(single, batch, strict=True):
        np.testing.assert_allclose(a_single, a_batch[3])
    assert net.forward(x).shape == (5, 10) and isinstance(net.predict(x[0]), int)
    assert np.all((batch[-1] > 0) & (batch[-1] < 1))


def test_forward_is_sigma_of_w_a_plus_b():
    net = Network([6, 4, 3], seed=2)
    x = np.linspace(0, 1, 6)
    hidden = 1 / (1 + np.exp(-(net.weights[0] @ x + net.biases[0])))
    out = 1 / (1 + np.exp(-(net.weights[1] @ hidden + net.biases[1])))
    np.testing.assert_allclose(net.forward(x), out)


def test_parameter_count_of_the_film_network():
    net = Network([784, 16, 16, 10])
    assert net.n_weights == 784 * 16 + 16 * 16 + 16 * 10
    assert net.n_biases == 16 + 16 + 10
    assert net.n_parameters == 13_002


def test_bad_input_shape_is_a_clear_error():
    with pytest.raises(ValueError, match="input must have shape"):
        Network([784, 10]).forward(np.zeros(783))


@pytest.mark.parametrize("hidden", ["sigmoid", "relu"])
@pytest.mark.parametrize("kind", ["cross-entropy", "quadratic", "softmax", "mixed"])
def test_gradients_match_finite_differences(kind, hidden):
    rng = np.random.default_rng(3)
    net = Network([7, 5, 4, 3], seed=4, hidden=hidden, init="gaussian")
    x = rng.random((6, 7))
    y = one_hot(rng.integers(0, 3, 6), 3)
    grad_w, grad_b = backprop(net, x, y, kind)
    h = 1e-6
    for analytic, params in zip(grad_w + grad_b, net.weights + net.biases, strict=True):
        numeric = np.zeros_like(params)
        for i in np.ndindex(params.shape):
            old = params[i]
            params[i] = old + h
            up = cost(net, x, y, kind)
            params[i] = old - h
            down = cost(net, x, y, kind)
            params[i] = old
            numeric[i] = (up - down) / (2 * h)
        np.testing.assert_allclose(analytic, numeric, rtol=1e-5, atol=1e-8)


def test_save_and_load_round_trip(tmp_path):
    net = Network([784, 16, 16, 10], seed=5, hidden="relu")
    path = tmp_path / "net.npz"
    net.save(path)
    loaded = Network.load(path)
    assert loaded.sizes == net.sizes and loaded.hidden == "relu"
    for a, b in zip(loaded.weights + loaded.biases, net.weights + net.biases, strict=True):
        np.testing.assert_array_equal(a, b)


class _Payload:
    """Unpickling this would create a file: the test checks that never happens."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (open, (str(self.marker), "w"))


def test_load_rejects_a_pickle_without_running_it(tmp_path):
    marker = tmp_path / "payload-ran"
    raw = tmp_path / "raw.npz"
    raw.write_bytes(pickle.dumps(_Payload(marker)))
    with pytest.raises(NetworkFileError, match="not a network file"):
        Network.load(raw)
    inside = tmp_path / "object-array.npz"
    np.savez(inside, w0=np.array([_Payload(marker)], dtype=object), b0=np.zeros(1), hidden=np.array("sigmoid"))
    with pytest.raises(NetworkFileError, match="plain arrays"):
        Network.load(inside)
    assert not marker.exists()


def test_load_rejects_text_missing_and_mismatched_files(tmp_path):
    text = tmp_path / "notes.npz"
    text.write_text("w0 = [[1, 2]]\n")
    with pytest.raises(NetworkFileError, match="not a network file"):
        Network.load(text)
    with pytest.raises(NetworkFileError, match="not found"):
        Network.load(tmp_path / "absent.npz")
    bad = tmp_path / "mismatch.npz"
    np.savez(bad, w0=np.zeros((16, 784)), b0=np.zeros(16), w1=np.zeros((10, 15)), b1=np.zeros(10),
             hidden=np.array("sigmoid"))
    with pytest.raises(NetworkFileError, match="takes 15 inputs"):
        Network.load(bad)
    nan = tmp_path / "nan.npz"
    np.savez(nan, w0=np.full((10, 784), np.nan), b0=np.zeros(10), hidden=np.array("sigmoid"))
    with pytest.raises(NetworkFileError, match="finite"):
        Network.load(nan)
    assert zipfile.is_zipfile(bad)


@pytest.mark.parametrize("name", ["sigmoid", "relu"])
def test_each_activation_derivative_matches_its_slope(name):
    from nn.network import ACTIVATIONS

    f, f_prime = ACTIVATIONS[name]
    z = np.array([-6.0, -1.3, -0.2, 0.3, 1.7, 5.0])  # away from ReLU's kink at 0
    h = 1e-6
    np.testing.assert_allclose(f_prime(z), (f(z + h) - f(z - h)) / (2 * h), rtol=1e-6, atol=1e-9)


def test_forward_pass_gives_the_sums_inside_each_activation():
    net = Network([6, 4, 3], seed=2, hidden="relu")
    x = np.linspace(-1, 1, 6)
    activations, sums = net.forward_pass(x)
    for layer, z in enumerate(sums):
        np.testing.assert_allclose(z, net.weights[layer] @ activations[layer] + net.biases[layer])
        np.testing.assert_allclose(activations[layer + 1], net.activation_function(layer)(z))


def test_the_shipped_network_is_checked_against_its_sha256(tmp_path):
    from nn.pretrained import PRETRAINED_PATH, load_pretrained

    net = Network.load(PRETRAINED_PATH)
    net.weights[0][0, 0] += 1e-9  # one weight changed ever so slightly
    tampered = tmp_path / "network.npz"
    net.save(tampered)
    with pytest.raises(NetworkFileError, match="fail their checksum"):
        load_pretrained.__wrapped__(tampered)
    assert load_pretrained().sizes == (784, 16, 16, 10)

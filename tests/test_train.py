"""Training: the same seed gives the same weights, and a short run learns."""
import dataclasses
import re

import numpy as np
import pytest

from nn.train import RECIPES, Recipe, main, shifted, train

QUICK = Recipe(sizes=(784, 8, 10), epochs=1, batch_size=100, learning_rate=0.01, final_fit=False)


def test_same_seed_same_weights_and_another_seed_differs():
    first, second = train(QUICK, log=lambda _: None), train(QUICK, log=lambda _: None)
    for a, b in zip(first.weights + first.biases, second.weights + second.biases, strict=True):
        np.testing.assert_array_equal(a, b)
    other = train(dataclasses.replace(QUICK, seed=1), log=lambda _: None)
    assert not np.array_equal(other.weights[0], first.weights[0])


def test_one_quick_epoch_already_learns():
    from nn import load_mnist

    val = load_mnist().val
    assert train(QUICK, log=lambda _: None).accuracy(val.images, val.labels) > 0.85


def test_centring_is_folded_back_into_the_biases():
    plain = dataclasses.replace(QUICK, center=False)
    from nn import load_mnist

    val = load_mnist().val
    for recipe in (plain, QUICK):
        net = train(recipe, log=lambda _: None)  # raw pixels in, whatever the recipe
        assert net.accuracy(val.images, val.labels) > 0.85


def test_shift_moves_images_by_at_most_the_given_pixels():
    rng = np.random.default_rng(0)
    image = np.zeros((28, 28), np.float32)
    image[10:14, 12:15] = 1
    out = shifted(np.repeat(image.reshape(1, -1), 50, axis=0), 1, rng).reshape(-1, 28, 28)
    assert np.all(out.sum(axis=(1, 2)) == image.sum())
    rows, cols = np.nonzero(out.sum(axis=0))
    assert rows.min() == 9 and rows.max() == 14 and cols.min() == 11 and cols.max() == 15


def test_nielsen_recipe_is_the_books():
    r = RECIPES["nielsen"]
    assert (r.sizes, r.epochs, r.batch_size, r.learning_rate) == ((784, 30, 10), 30, 10, 3.0)
    assert (r.optimizer, r.cost, r.init) == ("sgd", "quadratic", "gaussian")


@pytest.mark.parametrize("argv, message", [
    (["--sizes", "784,16,9"], "end with 10"),
    (["--sizes", "a,b"], "integers"),
    (["--epochs", "0"], "at least 1"),
    (["--lr", "-1"], "positive"),
    (["--output", "/no/such/dir/net.npz"], "does not exist"),
])
def test_cli_rejects_bad_options_with_one_line(argv, message, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    err = capsys.readouterr().err.strip()
    assert message in err and "\n" not in err


@pytest.mark.parametrize("hidden", ["sigmoid", "relu"])
@pytest.mark.parametrize("kind", ["cross-entropy", "quadratic", "softmax", "mixed"])
def test_vectorised_backprop_equals_textbook_per_example_backprop(hidden, kind):
    from nn import Network
    from nn.reference import mean_gradients
    from nn.train import backprop, one_hot

    rng = np.random.default_rng(7)
    net = Network([784, 16, 16, 10], seed=3, init="gaussian", hidden=hidden)
    x, y = rng.random((20, 784)), one_hot(rng.integers(0, 10, 20))
    for fast, slow in zip(sum(backprop(net, x, y, kind), []), sum(mean_gradients(net, x, y, kind), []), strict=True):
        np.testing.assert_allclose(fast, slow, rtol=1e-9, atol=1e-12)


def test_backprop_refuses_an_unknown_cost_like_cost_does():
    from nn import Network
    from nn.train import backprop, cost, one_hot

    net = Network([4, 3, 2], seed=0)
    x, y = np.ones((2, 4)), one_hot(np.array([0, 1]), 2)
    with pytest.raises(ValueError, match="cost"):
        cost(net, x, y, "hinge")
    with pytest.raises(ValueError, match="cost"):
        backprop(net, x, y, "hinge")


def test_backprop_uses_only_the_networks_public_interface():
    import inspect

    from nn import train as train_module

    source = inspect.getsource(train_module.backprop)
    assert not re.search(r"net\._", source), "backprop reaches into the network's private parts"


def test_train_learns_from_the_data_it_is_given():
    from nn.data import Mnist, Split

    rng = np.random.default_rng(0)
    labels = rng.integers(0, 2, 200)
    images = 0.5 * rng.random((200, 28, 28)).astype(np.float32)
    images[labels == 0, :14] += 0.5  # class 0: a bright top half; class 1: a bright bottom half
    images[labels == 1, 14:] += 0.5
    images = images.reshape(200, 784)
    data = Mnist(Split(images[:150], labels[:150]), Split(images[150:], labels[150:]), Split(images[150:], labels[150:]))
    recipe = dataclasses.replace(QUICK, epochs=30, batch_size=10, shift=0, learning_rate=0.01)
    seen: list[float] = []
    net = train(recipe, log=seen.append, data=data)
    assert "on 150 images" in seen[0]
    assert net.accuracy(images[150:], labels[150:]) > 0.8

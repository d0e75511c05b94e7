"""Training and inference speed, printed as figures (a benchmark, not a test).

    python -m nn.benchmark            # full: includes training the shipped recipe (about a minute)
    python -m nn.benchmark --quick    # skips the full training run
"""
from __future__ import annotations

import argparse
import time

import numpy as np

from .data import load_mnist
from .network import Network
from .train import Recipe, backprop, one_hot, train


def per_example_gradients(net: Network, x: np.ndarray, y: np.ndarray) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Textbook backpropagation, one example at a time with column vectors (cross-entropy cost).

    The slow reference the vectorised :func:`nn.train.backprop` is measured against; both give the
    same mean gradient.
    """
    grad_w = [np.zeros_like(w) for w in net.weights]
    grad_b = [np.zeros_like(b) for b in net.biases]
    for xi, yi in zip(x, y):
        activation = xi.reshape(-1, 1)
        activations = [activation]
        for w, b in zip(net.weights, net.biases):
            activation = 1 / (1 + np.exp(-(w @ activation + b.reshape(-1, 1))))
            activations.append(activation)
        delta = activations[-1] - yi.reshape(-1, 1)
        for layer in range(len(net.weights) - 1, -1, -1):
            grad_w[layer] += delta @ activations[layer].T
            grad_b[layer] += delta.ravel()
            if layer:
                a = activations[layer]
                delta = (net.weights[layer].T @ delta) * a * (1 - a)
    return [g / len(x) for g in grad_w], [g / len(x) for g in grad_b]


def _rate(fn, n_items: int, min_seconds: float = 1.0) -> float:
    """Items per second of ``fn`` (which handles ``n_items``), repeated for at least ``min_seconds``."""
    runs, start = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - start) < min_seconds or runs == 0:
        fn()
        runs += 1
    return runs * n_items / elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m nn.benchmark", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="skip training the shipped recipe")
    args = parser.parse_args(argv)
    data = load_mnist()
    net = Network([784, 16, 16, 10], seed=0)
    x64 = data.train.images[:2000].astype(np.float64)
    y64 = one_hot(data.train.labels[:2000])

    batch_size = Recipe().batch_size
    vectorised = _rate(lambda: [backprop(net, x64[i:i + batch_size], y64[i:i + batch_size]) for i in range(0, 2000, batch_size)], 2000)
    reference = _rate(lambda: per_example_gradients(net, x64[:500], y64[:500]), 500)
    print(f"backprop, mini-batches of {batch_size} (vectorised): {vectorised:12,.0f} examples/s")
    print(f"backprop, one example at a time (reference):      {reference:12,.0f} examples/s")
    print(f"speed-up of the vectorised version:                {vectorised / reference:12.1f}x")

    test = data.test.images.astype(np.float64)
    batch = _rate(lambda: net.forward(test), len(test))
    single = _rate(lambda: [net.forward(img) for img in test[:1000]], 1000)
    print(f"forward pass, 10,000 images as one batch:          {batch:12,.0f} images/s")
    print(f"forward pass, one image at a time:                 {single:12,.0f} images/s")

    if not args.quick:
        recipe = Recipe()
        reached: list[tuple[int, float, float]] = []
        start = time.perf_counter()

        def check(epoch: int, snapshot: Network) -> None:
            accuracy = snapshot.accuracy(data.test.images, data.test.labels)
            reached.append((epoch, accuracy, time.perf_counter() - start))

        trained = train(recipe, log=lambda _: None, on_epoch=check)
        total = time.perf_counter() - start
        n_examples = recipe.epochs * (len(data.train.labels) + (len(data.val.labels) if recipe.final_fit else 0))
        print(f"training the shipped recipe ({recipe.epochs} epochs): {total:9.1f} s, {n_examples / total:,.0f} examples/s (with per-epoch checks)")
        first = next(((e, a, t) for e, a, t in reached if a >= 0.96), None)
        if first:
            print(f"time to >= 96 % test accuracy:                   {first[2]:9.1f} s (epoch {first[0]}, {first[1]:.2%})")
        else:
            print("time to >= 96 % test accuracy:                   not reached")
        print(f"final test accuracy:                               {trained.accuracy(data.test.images, data.test.labels):9.2%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

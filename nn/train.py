"""Mini-batch backpropagation in NumPy, and the command line that trains the shipped network.

    python -m nn.train --output assets/network.npz            # the shipped 784-16-16-10 net
    python -m nn.train --recipe nielsen --output nielsen.npz  # Nielsen's chapter-1 recipe
"""
from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, NoReturn, get_args

import numpy as np
from scipy.special import log_softmax, softmax

from .data import IMAGE_SIDE, N_PIXELS, DataFileError, Mnist, load_mnist, load_split
from .network import Activation, Init, Network

Cost = Literal["mixed", "cross-entropy", "softmax", "quadratic"]
Optimizer = Literal["adam", "sgd"]
Schedule = Literal["cosine", "constant"]
COSTS: tuple[str, ...] = get_args(Cost)
# "mixed" = softmax cross-entropy of the output sums + this × the σ outputs' cross-entropy: the
# softmax term ranks the right digit first (≈ +0.5 % accuracy), the σ term keeps every output an
# honest 0-to-1 activation (wrong digits near 0, as the film shows them)
MIXED_CROSS_ENTROPY = 0.2
OPTIMIZERS: tuple[str, ...] = get_args(Optimizer)
SCHEDULES: tuple[str, ...] = get_args(Schedule)


def check_cost(kind: str) -> None:
    """ValueError unless ``kind`` is one of :data:`COSTS`."""
    if kind not in COSTS:
        raise ValueError(f"unknown cost {kind!r}; choose one of {', '.join(COSTS)}")


@dataclass(frozen=True)
class Recipe:
    """Everything that decides the trained weights (with the data)."""

    sizes: tuple[int, ...] = (784, 16, 16, 10)
    epochs: int = 40
    batch_size: int = 32
    learning_rate: float = 0.004
    optimizer: Optimizer = "adam"
    schedule: Schedule = "cosine"
    cost: Cost = "mixed"
    init: Init = "xavier"
    hidden: Activation = "sigmoid"
    center: bool = True  # train on pixels minus their mean, folded back into the first biases at the end
    shift: int = 1  # augment: move each training image by up to this many pixels per epoch
    final_fit: bool = True  # train on train + validation (after choosing the recipe on validation)
    seed: int = 0


RECIPES = {
    "film": Recipe(),
    # Nielsen, "Neural Networks and Deep Learning", chapter 1: about 95 % on the test images
    "nielsen": Recipe(
        sizes=(784, 30, 10), epochs=30, batch_size=10, learning_rate=3.0, optimizer="sgd",
        schedule="constant", cost="quadratic", init="gaussian", center=False, shift=0, final_fit=False,
    ),
}


def one_hot(labels: np.ndarray, n: int = 10, dtype: type = np.float64) -> np.ndarray:
    """Rows of zeros with a one at each label."""
    y: np.ndarray = np.zeros((len(labels), n), dtype=dtype)
    y[np.arange(len(labels)), labels] = 1
    return y


def cost(net: Network, x: np.ndarray, y: np.ndarray, kind: Cost = "cross-entropy") -> float:
    """Mean cost over the batch, of one of :data:`COSTS`.

    quadratic ½‖a − y‖²; cross-entropy −Σ y ln a + (1−y) ln(1−a) of the σ outputs a;
    softmax −Σ y ln softmax(z) of the output sums z; mixed: softmax + 0.2 × cross-entropy.
    """
    check_cost(kind)
    z = net.weighted_sums(x)[-1]
    a = net.activation_function(len(net.weights) - 1)(z)
    if kind == "quadratic":
        return float(0.5 * np.sum((a - y) ** 2) / len(x))
    # ln σ(z) = −ln(1 + e^−z), written with logaddexp so that it never overflows
    sigmoid_ce = np.sum(y * np.logaddexp(0, -z) + (1 - y) * np.logaddexp(0, z))
    softmax_ce = -np.sum(y * log_softmax(z, axis=-1))
    mixed = softmax_ce + MIXED_CROSS_ENTROPY * sigmoid_ce
    total = {"cross-entropy": sigmoid_ce, "softmax": softmax_ce, "mixed": mixed}[kind]
    return float(total / len(x))


def backprop(
    net: Network, x: np.ndarray, y: np.ndarray, kind: Cost = "cross-entropy"
) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Gradients of the mean ``cost`` over a batch, for every weight matrix and bias vector.

    The textbook steps of :mod:`nn.reference`, for all rows of ``x`` at once (one row per example).
    """
    check_cost(kind)
    activations, sums = net.forward_pass(x)
    out = activations[-1]
    # ∂C/∂z of the output sums: with σ outputs, cross-entropy's is a − y; the quadratic cost keeps σ'
    if kind == "quadratic":
        delta = (out - y) * out * (1 - out)
    elif kind == "cross-entropy":
        delta = out - y
    else:
        delta = softmax(sums[-1], axis=-1) - y
        if kind == "mixed":
            delta += MIXED_CROSS_ENTROPY * (out - y)
    n = len(x)
    grad_w, grad_b = [], []
    for layer in range(len(net.weights) - 1, -1, -1):
        grad_w.append(delta.T @ activations[layer] / n)
        grad_b.append(delta.sum(axis=0) / n)
        if layer:
            delta = (delta @ net.weights[layer]) * net.activation_derivative(layer - 1)(sums[layer - 1])
    return grad_w[::-1], grad_b[::-1]


def shifted(images: np.ndarray, max_shift: int, rng: np.random.Generator, rows: np.ndarray | None = None) -> np.ndarray:
    """``images[rows]``, each 28×28 image moved by a random (dx, dy) in [−max_shift, max_shift]², zero-filled."""
    rows = np.arange(len(images)) if rows is None else rows
    if max_shift == 0:
        return images[rows]
    m, n = max_shift, len(rows)
    side = IMAGE_SIDE
    padded = np.zeros((n, side + 2 * m, side + 2 * m), images.dtype)
    padded[:, m:m + side, m:m + side] = images[rows].reshape(n, side, side)
    windows = np.lib.stride_tricks.sliding_window_view(padded, (side, side), axis=(1, 2))
    dy, dx = rng.integers(0, 2 * m + 1, (2, n))
    return windows[np.arange(n), dy, dx].reshape(n, -1)


class Adam:
    """Adam (Kingma & Ba) on one flat parameter vector, updated in place."""

    def __init__(self, size: int, beta1: float = 0.9, beta2: float = 0.999, eps: float = 1e-8):
        self.m = np.zeros(size, np.float32)
        self.v = np.zeros(size, np.float32)
        self.beta1, self.beta2, self.eps, self.t = beta1, beta2, eps, 0

    def step(self, params: np.ndarray, grad: np.ndarray, lr: float) -> None:
        self.t += 1
        scale = lr * np.sqrt(1 - self.beta2 ** self.t) / (1 - self.beta1 ** self.t)
        self.m += (1 - self.beta1) * (grad - self.m)
        self.v += (1 - self.beta2) * (grad * grad - self.v)
        params -= scale * self.m / (np.sqrt(self.v) + self.eps)


def flatten_into_one_vector(net: Network) -> np.ndarray:
    """Copy all weights and biases into one vector and make the network's arrays views of it."""
    arrays = net.weights + net.biases
    flat = np.concatenate([a.ravel() for a in arrays])
    views, offset = [], 0
    for a in arrays:
        views.append(flat[offset:offset + a.size].reshape(a.shape))
        offset += a.size
    n = len(net.weights)
    net.weights, net.biases = views[:n], views[n:]
    return flat


def learning_rate(recipe: Recipe, progress: float) -> float:
    """The rate at ``progress`` ∈ [0, 1) of training: constant, or cosine-decayed to zero."""
    if recipe.schedule == "constant":
        return recipe.learning_rate
    return recipe.learning_rate * 0.5 * (1 + np.cos(np.pi * progress))


def train(
    recipe: Recipe = Recipe(),
    log: Callable[[str], None] = print,
    on_epoch: Callable[[int, Network], None] | None = None,
    data: Mnist | None = None,
) -> Network:
    """Train a network from ``recipe``; the same recipe and data give the same weights.

    ``data``: the train and validation splits to learn from (default: the shipped MNIST); the
    validation split is checked after every epoch (and learned from too with ``final_fit``).
    ``on_epoch(epoch, network)``, if given, sees a copy of the network after every epoch.
    """
    _check_recipe(recipe)
    data = data or load_mnist()
    images, labels = data.train
    if recipe.final_fit:
        images = np.concatenate([images, data.val.images])
        labels = np.concatenate([labels, data.val.labels])
    targets = one_hot(labels, recipe.sizes[-1], np.float32)
    # centring the inputs conditions the problem better; W(x − μ) + b = Wx + (b − Wμ) keeps it exact
    mean = images.mean(axis=0) if recipe.center else np.zeros(images.shape[1], np.float32)
    rng = np.random.default_rng(recipe.seed)
    net = Network(recipe.sizes, seed=recipe.seed, init=recipe.init, hidden=recipe.hidden).astype(np.float32)
    params = flatten_into_one_vector(net)  # one update for all 13,002 numbers, not one per array
    adam = Adam(params.size) if recipe.optimizer == "adam" else None
    steps_per_epoch = -(-len(images) // recipe.batch_size)
    total_steps, step = recipe.epochs * steps_per_epoch, 0
    val_note = " (seen in training: final fit)" if recipe.final_fit else ""
    log(f"training {'-'.join(map(str, recipe.sizes))} on {len(images):,} images: {_describe(recipe)}")
    start = time.perf_counter()
    for epoch in range(1, recipe.epochs + 1):
        order = rng.permutation(len(images))
        for first in range(0, len(images), recipe.batch_size):
            batch = order[first:first + recipe.batch_size]
            x = shifted(images, recipe.shift, rng, batch) - mean  # per batch: small arrays stay in cache
            y = targets[batch]
            grad_w, grad_b = backprop(net, x, y, recipe.cost)
            grad = np.concatenate([g.ravel() for g in grad_w + grad_b])
            lr = learning_rate(recipe, step / total_steps)
            if adam:
                adam.step(params, grad, lr)
            else:
                params -= lr * grad
            step += 1
        accuracy = net.accuracy(data.val.images - mean, data.val.labels)
        if on_epoch:
            on_epoch(epoch, _finished(net, mean))
        log(f"epoch {epoch:>3}/{recipe.epochs}  validation {accuracy:6.2%}{val_note}  {time.perf_counter() - start:6.1f} s")
    return _finished(net, mean)


def _finished(net: Network, mean: np.ndarray) -> Network:
    """A float64 copy that takes raw pixels: the centring folded into the first biases."""
    out = net.astype(np.float64)
    out.biases[0] -= out.weights[0] @ mean
    return out


def _describe(recipe: Recipe) -> str:
    fields = dataclasses.asdict(recipe)
    fields.pop("sizes")
    return ", ".join(f"{k.replace('_', '-')} {v}" for k, v in fields.items())


def _check_recipe(recipe: Recipe) -> None:
    if len(recipe.sizes) < 2 or recipe.sizes[0] != N_PIXELS or recipe.sizes[-1] != 10:
        raise ValueError(f"sizes must start with {N_PIXELS} (pixels) and end with 10 (digits), got {list(recipe.sizes)}")
    if min(recipe.sizes) < 1:
        raise ValueError(f"every layer needs at least one neuron, got {list(recipe.sizes)}")
    if recipe.epochs < 1 or recipe.batch_size < 1:
        raise ValueError("epochs and batch size must be at least 1")
    if not (recipe.learning_rate > 0 and np.isfinite(recipe.learning_rate)):
        raise ValueError(f"learning rate must be a positive number, got {recipe.learning_rate}")
    if not 0 <= recipe.shift <= 4:
        raise ValueError(f"shift must be between 0 and 4 pixels, got {recipe.shift}")
    for value, allowed in ((recipe.cost, COSTS), (recipe.optimizer, OPTIMIZERS), (recipe.schedule, SCHEDULES)):
        if value not in allowed:
            raise ValueError(f"{value!r} is not one of {', '.join(allowed)}")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, not usage + message
        self.exit(2, f"error: {message} (see --help)\n")


def _parse_sizes(text: str) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in text.replace("-", ",").split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"sizes must be integers like 784,16,16,10, got {text!r}") from None


def main(argv: Sequence[str] | None = None) -> int:
    parser = _Parser(prog="python -m nn.train", description=__doc__.split("\n")[0])
    parser.add_argument("--recipe", choices=RECIPES, default="film",
                        help="starting point for every option below (default: film)")
    parser.add_argument("--sizes", type=_parse_sizes, help="layer sizes, e.g. 784,16,16,10")
    parser.add_argument("--epochs", type=int)
    parser.add_argument("--batch-size", type=int)
    parser.add_argument("--learning-rate", "--lr", type=float)
    parser.add_argument("--optimizer", choices=OPTIMIZERS)
    parser.add_argument("--schedule", choices=SCHEDULES)
    parser.add_argument("--cost", choices=COSTS)
    parser.add_argument("--init", choices=("xavier", "gaussian"))
    parser.add_argument("--hidden", choices=("sigmoid", "relu"))
    parser.add_argument("--shift", type=int, help="random shift augmentation in pixels (0 = off)")
    parser.add_argument("--final-fit", action=argparse.BooleanOptionalAction, help="also train on the validation split")
    parser.add_argument("--seed", type=int)
    parser.add_argument("--output", "-o", type=Path, default=Path("trained-network.npz"),
                        help="where to save (default: %(default)s)")
    args = parser.parse_args(argv)
    overrides = {k: v for k, v in vars(args).items() if k not in ("recipe", "output") and v is not None}
    recipe = dataclasses.replace(RECIPES[args.recipe], **overrides)
    if not args.output.parent.is_dir():
        parser.exit(2, f"error: output folder {args.output.parent} does not exist\n")
    try:
        start = time.perf_counter()
        net = train(recipe)
        seconds = time.perf_counter() - start
    except (ValueError, DataFileError) as exc:
        parser.exit(2, f"error: {exc}\n")
    except KeyboardInterrupt:
        parser.exit(130, "interrupted: nothing was saved\n")
    test = load_split("test")
    accuracy = net.accuracy(test.images, test.labels)
    print(f"test accuracy {accuracy:.2%} ({len(test.labels):,} images), trained in {seconds:.1f} s")
    partial = args.output.with_name(args.output.name + ".partial.npz")
    net.save(partial)
    os.replace(partial, args.output)
    print(f"saved {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

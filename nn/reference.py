"""Backpropagation as the textbook writes it: one example at a time, with column vectors.

For one example x with target y, in a network whose layer l computes zˡ = Wˡ aˡ⁻¹ + bˡ and
aˡ = f(zˡ):

1. Forward: a⁰ = x, then zˡ and aˡ for every layer, keeping them all.
2. Output error δᴸ = ∂C/∂zᴸ. For the cross-entropy cost with σ outputs this is simply aᴸ − y;
   for the quadratic cost ½‖aᴸ − y‖² it is (aᴸ − y) ⊙ σ'(zᴸ); for softmax cross-entropy of the
   sums, softmax(zᴸ) − y ("mixed" adds 0.2 × the cross-entropy term).
3. Backwards, layer by layer: δˡ = ((Wˡ⁺¹)ᵀ δˡ⁺¹) ⊙ f'(zˡ).
4. Gradients of this example's cost: ∂C/∂Wˡ = δˡ (aˡ⁻¹)ᵀ and ∂C/∂bˡ = δˡ.

The gradient of the mean cost over a batch is the mean of the examples' gradients. This is slow
and clear; :func:`nn.train.backprop` does the same for a whole batch at once with matrices, and a
test checks that both give the same numbers, for sigmoid and ReLU hidden layers and every cost.
"""
from __future__ import annotations

import numpy as np
from scipy.special import softmax

from .network import Network
from .train import MIXED_CROSS_ENTROPY, Cost, check_cost


def output_error(a: np.ndarray, z: np.ndarray, y: np.ndarray, kind: Cost) -> np.ndarray:
    """δᴸ = ∂C/∂zᴸ for one example (column vectors), for the output layer's σ and cost ``kind``."""
    check_cost(kind)
    if kind == "quadratic":
        return (a - y) * a * (1 - a)
    if kind == "cross-entropy":
        return a - y
    delta = softmax(z, axis=0) - y
    return delta + MIXED_CROSS_ENTROPY * (a - y) if kind == "mixed" else delta


def example_gradients(net: Network, x: np.ndarray, y: np.ndarray,
                      kind: Cost = "cross-entropy") -> tuple[list[np.ndarray], list[np.ndarray]]:
    """∂C/∂W and ∂C/∂b of one example ``x`` (784,) with target ``y`` (10,), steps 1–4 above."""
    a = x.reshape(-1, 1)
    activations, sums = [a], []
    for layer, (w, b) in enumerate(zip(net.weights, net.biases)):  # 1. forward
        z = w @ a + b.reshape(-1, 1)
        a = net.activation_function(layer)(z)
        sums.append(z)
        activations.append(a)
    delta = output_error(activations[-1], sums[-1], y.reshape(-1, 1), kind)  # 2. output error
    grad_w: list[np.ndarray] = [np.empty(0)] * len(net.weights)
    grad_b: list[np.ndarray] = [np.empty(0)] * len(net.weights)
    for layer in range(len(net.weights) - 1, -1, -1):
        grad_w[layer] = delta @ activations[layer].T  # 4. gradients
        grad_b[layer] = delta.ravel()
        if layer:  # 3. the error one layer back
            delta = (net.weights[layer].T @ delta) * net.activation_derivative(layer - 1)(sums[layer - 1])
    return grad_w, grad_b


def mean_gradients(net: Network, x: np.ndarray, y: np.ndarray,
                   kind: Cost = "cross-entropy") -> tuple[list[np.ndarray], list[np.ndarray]]:
    """The gradient of the mean cost over the batch ``x`` (n, 784), ``y`` (n, 10): the mean of the
    examples' gradients."""
    grad_w = [np.zeros_like(w) for w in net.weights]
    grad_b = [np.zeros_like(b) for b in net.biases]
    for xi, yi in zip(x, y):
        gw, gb = example_gradients(net, xi, yi, kind)
        for total, g in zip(grad_w + grad_b, gw + gb):
            total += g
    return [g / len(x) for g in grad_w], [g / len(x) for g in grad_b]

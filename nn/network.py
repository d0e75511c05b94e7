"""The multilayer perceptron of the film: layers of neurons, a = σ(W a_prev + b)."""
from __future__ import annotations

import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Literal, NamedTuple, cast, get_args

import numpy as np
from scipy.special import expit

#: the function a hidden layer applies to its weighted sums (the output layer is always σ)
Activation = Literal["sigmoid", "relu"]
#: how fresh weights are drawn
Init = Literal["gaussian", "xavier"]
HIDDEN_ACTIVATIONS: tuple[str, ...] = get_args(Activation)


class NetworkFileError(ValueError):
    """A network file that is missing, not an .npz of arrays, or inconsistent."""


def sigmoid(z: np.ndarray) -> np.ndarray:
    """σ(z) = 1 / (1 + e^(−z)), numerically safe for any z (scipy's expit)."""
    return expit(z)


def sigmoid_prime(z: np.ndarray) -> np.ndarray:
    """σ'(z) = σ(z)(1 − σ(z))."""
    s = expit(z)
    return s * (1 - s)


def relu(z: np.ndarray) -> np.ndarray:
    """ReLU(z) = max(0, z)."""
    return np.maximum(z, 0)


def relu_prime(z: np.ndarray) -> np.ndarray:
    """ReLU'(z) = 1 where z > 0, else 0 (0 at z = 0 itself)."""
    return (np.asarray(z) > 0).astype(np.result_type(z, np.float32))


ActivationFunction = Callable[[np.ndarray], np.ndarray]
#: each activation with its derivative, by name
ACTIVATIONS: dict[str, tuple[ActivationFunction, ActivationFunction]] = {
    "sigmoid": (sigmoid, sigmoid_prime),
    "relu": (relu, relu_prime),
}


class ForwardPass(NamedTuple):
    """Everything a forward pass computes: a⁰ … aᴸ (input included) and z¹ … zᴸ (W a + b)."""

    activations: list[np.ndarray]
    sums: list[np.ndarray]


class Network:
    """A fully connected network with one weight matrix (n_out, n_in) and bias (n_out,) per layer.

    Every layer applies σ, as in the film; ``hidden="relu"`` uses ReLU in the hidden layers
    instead (the output layer stays σ, so outputs lie in [0, 1]).
    """

    def __init__(
        self,
        sizes: Sequence[int],
        *,
        seed: int | None = 0,
        init: Init = "xavier",
        hidden: Activation = "sigmoid",
    ) -> None:
        """A freshly initialised network with layer ``sizes``, e.g. ``Network([784, 16, 16, 10])``.

        ``init="gaussian"``: every weight and bias ~ N(0, 1) (Nielsen's chapter 1);
        ``init="xavier"``: weights ~ N(0, 1/n_in), biases 0.
        """
        if len(sizes) < 2 or any(int(n) < 1 for n in sizes):
            raise ValueError(f"sizes must be at least two positive layer sizes, got {list(sizes)}")
        if init not in get_args(Init):
            raise ValueError(f"init must be 'gaussian' or 'xavier', not {init!r}")
        rng = np.random.default_rng(seed)
        weights, biases = [], []
        for n_in, n_out in zip(sizes[:-1], sizes[1:]):
            w = rng.standard_normal((n_out, n_in))
            weights.append(w if init == "gaussian" else w / np.sqrt(n_in))
            biases.append(rng.standard_normal(n_out) if init == "gaussian" else np.zeros(n_out))
        self._set(weights, biases, hidden)

    @classmethod
    def from_arrays(
        cls, weights: Sequence[np.ndarray], biases: Sequence[np.ndarray], hidden: Activation = "sigmoid"
    ) -> Network:
        """A network with the given weight matrices (n_out, n_in) and bias vectors (n_out,)."""
        net = cls.__new__(cls)
        net._set(weights, biases, hidden)
        return net

    def _set(self, weights: Sequence[np.ndarray], biases: Sequence[np.ndarray], hidden: str) -> None:
        if hidden not in HIDDEN_ACTIVATIONS:
            raise ValueError(f"hidden activation must be one of {HIDDEN_ACTIVATIONS}, not {hidden!r}")
        self.weights = [_as_float(w) for w in weights]
        self.biases = [_as_float(b) for b in biases]
        self.hidden: Activation = hidden  # type: ignore[assignment]  # checked just above
        _check_shapes(self.weights, self.biases)

    @property
    def sizes(self) -> tuple[int, ...]:
        """Neurons per layer, input layer first, e.g. (784, 16, 16, 10)."""
        return (self.weights[0].shape[1], *(w.shape[0] for w in self.weights))

    @property
    def n_weights(self) -> int:
        return sum(w.size for w in self.weights)

    @property
    def n_biases(self) -> int:
        return sum(b.size for b in self.biases)

    @property
    def n_parameters(self) -> int:
        """All weights and biases: 13,002 for 784-16-16-10."""
        return self.n_weights + self.n_biases

    def activation_name(self, layer: int) -> Activation:
        """The activation of weight layer ``layer`` (0 = first hidden layer; the output layer is σ)."""
        return "sigmoid" if layer == len(self.weights) - 1 else self.hidden

    def activation_function(self, layer: int) -> ActivationFunction:
        """The function applied by weight layer ``layer`` (0 = first hidden layer)."""
        return ACTIVATIONS[self.activation_name(layer)][0]

    def activation_derivative(self, layer: int) -> ActivationFunction:
        """The derivative of :meth:`activation_function`, as a function of the weighted sum z."""
        return ACTIVATIONS[self.activation_name(layer)][1]

    def weighted_sums(self, x: np.ndarray) -> list[np.ndarray]:
        """z = W a_prev + b for every non-input layer (the numbers inside σ)."""
        return self.forward_pass(x).sums

    def activations(self, x: np.ndarray) -> list[np.ndarray]:
        """Activations of every layer, input included, for one image (784,) or a batch (n, 784)."""
        return self.forward_pass(x).activations

    def forward(self, x: np.ndarray) -> np.ndarray:
        """Output-layer activations for one image or a batch."""
        return self.activations(x)[-1]

    def predict(self, x: np.ndarray) -> int | np.ndarray:
        """The digit of the brightest output neuron: an int for one image, an array for a batch."""
        out = self.forward(x)
        return int(np.argmax(out)) if out.ndim == 1 else np.argmax(out, axis=1)

    def accuracy(self, images: np.ndarray, labels: np.ndarray) -> float:
        """Fraction of ``images`` whose prediction equals ``labels``."""
        return float(np.mean(self.predict(images) == labels))

    def forward_pass(self, x: np.ndarray) -> ForwardPass:
        """Every layer's activations and weighted sums for one image (784,) or a batch (n, 784)."""
        a = _as_float(x)
        if a.ndim not in (1, 2) or a.shape[-1] != self.sizes[0]:
            raise ValueError(f"input must have shape ({self.sizes[0]},) or (n, {self.sizes[0]}), got {a.shape}")
        activations, sums = [a], []
        for layer, (w, b) in enumerate(zip(self.weights, self.biases)):
            z = a @ w.T + b
            a = self.activation_function(layer)(z)
            sums.append(z)
            activations.append(a)
        return ForwardPass(activations, sums)

    def astype(self, dtype: type) -> Network:
        """A copy with every array in ``dtype`` (float32 trains about twice as fast)."""
        return Network.from_arrays(
            [w.astype(dtype) for w in self.weights], [b.astype(dtype) for b in self.biases], self.hidden
        )

    def save(self, path: str | Path) -> None:
        """Write the arrays to an .npz file (no pickle)."""
        arrays: dict[str, Any] = {f"w{i}": w for i, w in enumerate(self.weights)}
        arrays.update({f"b{i}": b for i, b in enumerate(self.biases)})
        arrays["hidden"] = np.array(self.hidden)
        np.savez(path, **arrays)

    @classmethod
    def load(cls, path: str | Path) -> Network:
        """Read a network written by :meth:`save`; raise NetworkFileError for anything else."""
        path = Path(path)
        if not path.is_file():
            raise NetworkFileError(f"network file not found: {path}")
        if not zipfile.is_zipfile(path):
            raise NetworkFileError(f"{path} is not a network file (expected an .npz written by Network.save)")
        try:
            with np.load(path, allow_pickle=False) as data:
                arrays = {name: data[name] for name in data.files}
        except (ValueError, OSError, zipfile.BadZipFile) as exc:
            raise NetworkFileError(f"{path} is not a network file of plain arrays: {exc}") from None
        n_layers = sum(1 for name in arrays if name.startswith("w"))
        expected = {f"w{i}" for i in range(n_layers)} | {f"b{i}" for i in range(n_layers)} | {"hidden"}
        if n_layers == 0 or set(arrays) != expected:
            raise NetworkFileError(f"{path} holds arrays {sorted(arrays)}, expected w0.., b0.. and hidden")
        weights = [arrays[f"w{i}"] for i in range(n_layers)]
        biases = [arrays[f"b{i}"] for i in range(n_layers)]
        for a in weights + biases:
            if a.dtype.kind != "f" or not np.all(np.isfinite(a)):
                raise NetworkFileError(f"{path}: weights and biases must be finite floats")
        hidden = str(arrays["hidden"])
        if hidden not in HIDDEN_ACTIVATIONS:
            raise NetworkFileError(f"{path}: unknown hidden activation {hidden!r}")
        try:
            return cls.from_arrays(weights, biases, hidden=cast(Activation, hidden))
        except ValueError as exc:
            raise NetworkFileError(f"{path}: {exc}") from None


def _check_shapes(weights: list[np.ndarray], biases: list[np.ndarray]) -> None:
    if not weights or len(weights) != len(biases):
        raise ValueError(f"need one bias per weight matrix, got {len(weights)} weights and {len(biases)} biases")
    for i, (w, b) in enumerate(zip(weights, biases)):
        if w.ndim != 2 or b.shape != (w.shape[0],):
            raise ValueError(f"layer {i}: weights {w.shape} and biases {b.shape} do not match (n_out, n_in) and (n_out,)")
        if i and w.shape[1] != weights[i - 1].shape[0]:
            raise ValueError(f"layer {i}: takes {w.shape[1]} inputs but layer {i - 1} has {weights[i - 1].shape[0]} neurons")


def _as_float(x: np.ndarray) -> np.ndarray:
    """``x`` as an array, keeping float32/float64 and turning anything else into float64."""
    a = np.asarray(x)
    return a if a.dtype in (np.float32, np.float64) else a.astype(np.float64)

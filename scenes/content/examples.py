"""Which real images and neurons the chapters show, each chosen by a stated rule (no manim here).

Every choice is a function of the data and the shipped network, so a test can re-derive it.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np

import nn

from .digit_input import DigitInput, mnist_input

#: The film's main image (chapters 1 to 4): MNIST test image 9925, a hastily written 3 with a stroke
#: across its middle. Picked by eye from ``sloppy_shortlist()``: the correctly read 3s that look
#: least like the average training 3. The network reads it as a 3, with output 0.80.
HERO_INDEX = 9925
HERO_DIGIT = 3
SHORTLIST = 16
CONFIDENCE_FLOOR = 0.5


def sloppy_shortlist(digit: int = HERO_DIGIT, n: int = SHORTLIST) -> list[int]:
    """The ``n`` test images of ``digit`` the network reads correctly (output ≥ 0.5) that correlate
    least with the average training image of that digit: the sloppiest that are still read."""
    net = nn.load_pretrained()
    test, train = nn.load_split("test"), nn.load_split("train")
    outputs = net.forward(test.images)
    readable = np.flatnonzero((test.labels == digit) & (outputs.argmax(axis=1) == digit)
                              & (outputs[:, digit] >= CONFIDENCE_FLOOR))
    mean = train.images[train.labels == digit].mean(axis=0)
    likeness = [np.corrcoef(test.images[i], mean)[0, 1] for i in readable]
    return [int(i) for i in readable[np.argsort(likeness, kind="stable")[:n]]]


def same_digit_examples(digit: int, exclude: str, n: int = 4) -> list[int]:
    """The first ``n`` test images labelled ``digit``, skipping the one whose source is ``exclude``."""
    labels = nn.load_split("test").labels
    chosen = [int(i) for i in np.flatnonzero(labels == digit) if mnist_input(int(i)).source != exclude]
    return chosen[:n]


def first_misread(net: nn.Network) -> int:
    """The lowest test index the network reads wrong (ValueError if it reads every one right)."""
    test = nn.load_split("test")
    wrong = np.flatnonzero(net.predict(test.images) != test.labels)
    if wrong.size == 0:
        raise ValueError("the network reads every test image correctly")
    return int(wrong[0])


def images_with_new_labels(net: nn.Network, first: DigitInput, n: int) -> list[DigitInput]:
    """``first``, then the lowest-index test images whose labels are not yet among those shown
    (for a file, its prediction stands in for its label)."""
    seen = {first.label if first.label is not None else int(net.predict(first.pixels))}
    images = [first]
    for index, label in enumerate(nn.load_split("test").labels):
        if len(images) == n:
            break
        if int(label) not in seen:
            seen.add(int(label))
            images.append(mnist_input(index))
    return images


# --- the parts chapter 5 hopes for, measured on the test set (chapters 5 and 11) ----------------
#: A neuron's *preference* for a part: its mean activation over the test digits that have the part,
#: minus its mean over the test digits that usually have none. Loops: 0, 6, 8, 9 have a closed loop;
#: 1, 4, 7 usually have none (2, 3, 5 are left out: some writers close a loop in them, some not).
LOOP_DIGITS = (0, 6, 8, 9)
NO_LOOP_DIGITS = (1, 4, 7)
#: Lines: 1, 4, 7, 9 have a long upright stroke (a 9's is the line below its loop); 0, 2, 3, 5, 6, 8
#: are drawn with curves and short bars and usually have none.
LINE_DIGITS = (1, 4, 7, 9)
NO_LINE_DIGITS = (0, 2, 3, 5, 6, 8)
PART_DIGITS = {"loop": (LOOP_DIGITS, NO_LOOP_DIGITS), "line": (LINE_DIGITS, NO_LINE_DIGITS)}


@lru_cache(maxsize=4)
def activations_on_test_set(net: nn.Network, layer: int = -2) -> np.ndarray:
    """Every test image's activations in ``layer`` (default: the last hidden layer), (10000, n); computed once."""
    return net.activations(nn.load_split("test").images)[layer]


def part_means(net: nn.Network, part: str, layer: int = -2) -> tuple[np.ndarray, np.ndarray]:
    """(with, without): each neuron's mean activation in ``layer`` (default: the last hidden layer) over the
    test digits that have ``part`` ("loop" or "line", see ``PART_DIGITS``) and over those usually without."""
    with_digits, without_digits = PART_DIGITS[part]
    labels = nn.load_split("test").labels
    acts = activations_on_test_set(net, layer)
    return acts[np.isin(labels, with_digits)].mean(axis=0), acts[np.isin(labels, without_digits)].mean(axis=0)


def part_preference(net: nn.Network, part: str, layer: int = -2) -> np.ndarray:
    """Each neuron's preference for ``part``: mean on digits with it minus mean on digits without it."""
    with_part, without_part = part_means(net, part, layer)
    return with_part - without_part


def part_neuron(net: nn.Network, part: str, layer: int = -2) -> int:
    """The neuron of ``layer`` (default: the last hidden layer) that prefers ``part`` the most: the one
    chapter 5 rings as its "loop?" or "line?" neuron, and chapter 11 comes back to."""
    return int(np.argmax(part_preference(net, part, layer)))


@lru_cache(maxsize=1)
def accuracy_on_test_set() -> float:
    """The shipped network's accuracy on the 10,000 MNIST test images."""
    test = nn.load_split("test")
    return nn.load_pretrained().accuracy(test.images, test.labels)


def percent(fraction: float) -> str:
    """0.9622 → "96.2 %"."""
    return f"{100 * fraction:.1f} %"


def digit_name(digit: int | None) -> str:
    """3 → "three"; None → "digit"."""
    names = "zero one two three four five six seven eight nine".split()
    return names[digit] if digit is not None else "digit"


def with_article(word: str) -> str:
    """"three" → "a three", "eight" → "an eight"."""
    return f"{'an' if word[0] in 'aeio' else 'a'} {word}"

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

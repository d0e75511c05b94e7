"""The shipped assets: MNIST splits and checksums, and the shipped network's accuracy."""
import hashlib

import numpy as np
import pytest

import nn
from nn.data import ARRAY_SHA256, DataFileError, read_verified_arrays


def test_mnist_splits_have_the_standard_sizes_and_ranges():
    data = nn.load_mnist()
    for split, n in zip(data, (50_000, 10_000, 10_000)):
        assert split.images.shape == (n, 784) and split.labels.shape == (n,)
        assert split.images.dtype == np.float32
        assert split.images.min() == 0 and 0.99 < split.images.max() <= 1
        assert set(np.unique(split.labels)) == set(range(10))


def test_every_array_matches_its_checksum():
    arrays = read_verified_arrays()
    for name, digest in ARRAY_SHA256.items():
        assert hashlib.sha256(arrays[name].tobytes()).hexdigest() == digest


def test_a_damaged_or_missing_mnist_file_is_named(tmp_path):
    with pytest.raises(DataFileError, match="not found"):
        read_verified_arrays(tmp_path / "mnist.npz")
    lfs = tmp_path / "pointer.npz"
    lfs.write_text("version https://git-lfs.github.com/spec/v1\n")
    with pytest.raises(DataFileError, match="not an .npz"):
        read_verified_arrays(lfs)
    arrays = read_verified_arrays()
    arrays["test_labels"] = arrays["test_labels"].copy()
    arrays["test_labels"][0] ^= 1
    tampered = tmp_path / "tampered.npz"
    np.savez(tampered, **arrays)
    with pytest.raises(DataFileError, match="test_labels.*checksum"):
        read_verified_arrays(tampered)


def test_test_image_checks_its_index():
    pixels, label = nn.test_image(0)
    assert pixels.shape == (784,) and label == 7
    with pytest.raises(IndexError, match="between 0 and 9999"):
        nn.test_image(10_000)


def test_shipped_network_reaches_96_percent_on_the_test_split():
    net = nn.load_pretrained()
    assert net.sizes == (784, 16, 16, 10) and net.hidden == "sigmoid"
    test = nn.load_mnist().test
    assert net.accuracy(test.images, test.labels) >= 0.96


def test_a_split_loads_alone_and_equals_the_full_load():
    nn.data.load_split.cache_clear()
    test = nn.load_split("test")
    assert nn.data.load_split.cache_info().currsize == 1  # only the test split was read
    full = nn.load_mnist()
    assert full.test is test  # the same cached arrays
    assert full.train.images.shape == (50_000, 784) and test.images.shape == (10_000, 784)
    with pytest.raises(ValueError, match="train, val, test"):
        nn.load_split("validation")

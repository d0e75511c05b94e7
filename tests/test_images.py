"""load_image: a user's picture of a digit becomes an MNIST-like 784-vector."""
import numpy as np
import pytest
from PIL import Image, ImageDraw
from scipy import ndimage

import nn
from nn.images import ImageFileError, load_image


def draw_digit(path, size=(200, 300), box=(60, 60, 140, 240), ink="black", paper="white"):
    """A hand-made 0: an ellipse outline, written to ``path``."""
    image = Image.new("L", size, paper)
    ImageDraw.Draw(image).ellipse(box, outline=ink, width=14)
    image.save(path)
    return path


def grid(vector):
    return vector.reshape(28, 28)


def test_dark_ink_on_light_paper_becomes_light_on_dark(tmp_path):
    x = load_image(draw_digit(tmp_path / "zero.png"))
    assert x.shape == (784,) and 0 <= x.min() and x.max() <= 1
    g = grid(x)
    assert g[0].max() == 0 and g[:, 0].max() == 0  # dark background
    assert g.max() > 0.9  # bright ink
    assert g[14, 14] < 0.2  # the hole of the 0 stays dark


def test_light_ink_on_dark_paper_keeps_its_polarity(tmp_path):
    dark = load_image(draw_digit(tmp_path / "dark.png", ink="white", paper="black"))
    light = load_image(draw_digit(tmp_path / "light.png"))
    np.testing.assert_allclose(dark, light, atol=1e-6)


def test_off_centre_digit_is_centred_by_mass_and_fits_20_pixels(tmp_path):
    x = load_image(draw_digit(tmp_path / "corner.png", size=(600, 600), box=(10, 20, 90, 160)))
    g = grid(x)
    row, col = ndimage.center_of_mass(g)
    assert abs(row - 14) <= 0.5 and abs(col - 14) <= 0.5  # as in MNIST
    rows = np.flatnonzero(g.max(axis=1) > 0.05)
    cols = np.flatnonzero(g.max(axis=0) > 0.05)
    assert rows[-1] - rows[0] + 1 <= 21 and cols[-1] - cols[0] + 1 <= 21
    assert rows[-1] - rows[0] >= 17  # the tall side is scaled to about 20 pixels


def test_large_photo_of_an_mnist_digit_is_read_back(tmp_path):
    pixels, label = nn.test_image(0)
    big = np.kron(1 - pixels.reshape(28, 28), np.ones((20, 20)))  # dark on light, 560×560
    Image.fromarray((big * 255).astype(np.uint8)).save(tmp_path / "big.png")
    x = load_image(tmp_path / "big.png")
    assert nn.load_pretrained().predict(x) == label
    assert np.corrcoef(x, pixels)[0, 1] > 0.8


def test_transparent_png_counts_as_paper(tmp_path):
    image = Image.new("RGBA", (100, 100), (0, 0, 0, 0))
    ImageDraw.Draw(image).line((50, 10, 50, 90), fill=(0, 0, 0, 255), width=10)
    image.save(tmp_path / "one.png")
    g = grid(load_image(tmp_path / "one.png"))
    assert g.max() > 0.9 and g[:, 0].max() == 0


def test_blank_missing_and_non_images_are_clear_errors(tmp_path):
    Image.new("L", (50, 50), "white").save(tmp_path / "blank.png")
    with pytest.raises(ImageFileError, match="looks empty"):
        load_image(tmp_path / "blank.png")
    with pytest.raises(ImageFileError, match="not found"):
        load_image(tmp_path / "nothing.png")
    (tmp_path / "notes.png").write_text("not a picture")
    with pytest.raises(ImageFileError, match="not a readable image"):
        load_image(tmp_path / "notes.png")

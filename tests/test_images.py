"""load_image: a user's picture of a digit (a scan, a drawing, a phone photo) becomes an MNIST-like 784-vector."""
import struct
import zlib

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFile
from scipy import ndimage

import nn
from nn.images import ImageFileError, ImageWarning, load_image, prepare_image
from nn.preview import PANEL, read_digit, save_preview
from tests.support.phone_photos import VARIANTS, photo_set

# Measured on the photo set of test_phone_photos_read_as_well_as_the_originals (seed 0, 90 photos
# at 400×300, 10 of each variant): the shipped network reads 82 of the photos right, and 85 of
# the same digits as their 28×28 originals. (The full-size figures come from tools.nn_benchmark.)
PHOTO_COUNT = 90
PHOTOS_READ_RIGHT = 82


def draw_digit(path, size=(200, 300), box=(60, 60, 140, 240), ink="black", paper="white", width=14):
    """A hand-made 0: an ellipse outline, written to ``path``."""
    image = Image.new("L", size, paper)
    ImageDraw.Draw(image).ellipse(box, outline=ink, width=width)
    image.save(path)
    return path


def grid(vector):
    return vector.reshape(28, 28)


def written_digit(index, shape=(300, 400), height=150, top_left=(70, 130)):
    """MNIST test digit ``index`` written in dark ink (0.1) on white paper: reflectance (2-D, [0, 1]) and label."""
    pixels, label = nn.test_image(index)
    side = round(height * 28 / 20)
    upscaled = Image.fromarray(pixels.reshape(28, 28).astype(np.float32)).resize((side, side), Image.Resampling.BICUBIC)
    ink = np.clip((np.asarray(upscaled) - 0.5) * 4 + 0.5, 0, 1)  # smooth strokes, edges a few pixels soft
    paper = np.ones(shape, np.float32)
    top, left = top_left
    paper[top:top + side, left:left + side] -= 0.9 * ink
    return paper, label


def save_gray(path, values):
    Image.fromarray(np.round(np.clip(values, 0, 1) * 255).astype(np.uint8)).save(path)
    return path


def stroke_width(vector):
    """Stroke width of a 28×28 digit in pixels of its 20-pixel box: 4 × mean distance of ink to paper."""
    big = np.asarray(Image.fromarray(grid(vector).astype(np.float32)).resize((280, 280), Image.Resampling.BICUBIC)) > 0.5
    rows, cols = np.flatnonzero(big.any(axis=1)), np.flatnonzero(big.any(axis=0))
    extent = max(rows[-1] - rows[0], cols[-1] - cols[0]) + 1
    return 4 * ndimage.distance_transform_edt(big)[big].mean() * 20 / extent


def reads(x, label):
    return nn.load_pretrained().predict(x) == label


# --- what worked before ----------------------------------------------------------------------

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


@pytest.mark.parametrize("index", [1, 7])  # a 2, and a 9 whose loop, read the wrong way round, looks like ink
def test_a_28_pixel_mnist_image_is_read_back(tmp_path, index):
    pixels, label = nn.test_image(index)
    x = load_image(save_gray(tmp_path / "mnist.png", pixels.reshape(28, 28)))
    assert reads(x, label) and np.corrcoef(x, pixels)[0, 1] > 0.9


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


# --- phone photos: orientation, light, specks, pens ------------------------------------------

@pytest.mark.parametrize("orientation, stored_as", [
    (6, Image.Transpose.ROTATE_90), (8, Image.Transpose.ROTATE_270), (3, Image.Transpose.ROTATE_180)])
def test_exif_orientation_is_applied(tmp_path, orientation, stored_as):
    paper, _ = written_digit(2)
    upright = load_image(save_gray(tmp_path / "upright.png", paper))
    exif = Image.Exif()
    exif[0x0112] = orientation
    sideways = Image.open(save_gray(tmp_path / "plain.png", paper)).transpose(stored_as)
    sideways.save(tmp_path / "sideways.png", exif=exif.tobytes())
    np.testing.assert_allclose(load_image(tmp_path / "sideways.png"), upright, atol=1e-6)


def test_a_light_gradient_across_the_page_is_not_ink(tmp_path):
    paper, label = written_digit(3)
    light = np.linspace(1.0, 0.3, paper.shape[1])[None, :]  # the right of the page gets 30 % of the light
    path = save_gray(tmp_path / "gradient.png", paper * light)
    x = load_image(path)
    clean = load_image(save_gray(tmp_path / "clean.png", paper))
    assert reads(x, label) and np.corrcoef(x, clean)[0, 1] > 0.95
    left, top, right, bottom = prepare_image(path).box
    assert 120 <= left and right <= 345 and 60 <= top and bottom <= 285  # the digit, not the page


def test_a_shadow_over_the_digit_is_not_ink(tmp_path):
    paper, label = written_digit(4)
    rows = np.arange(paper.shape[0])[:, None]
    light = 1 - 0.55 / (1 + np.exp(-(rows - 150) / 4))  # the lower half in a shadow with a soft edge
    x = load_image(save_gray(tmp_path / "shadow.png", paper * light))
    clean = load_image(save_gray(tmp_path / "clean.png", paper))
    assert reads(x, label) and np.corrcoef(x, clean)[0, 1] > 0.95


def test_specks_and_a_ruled_line_are_ignored(tmp_path):
    paper, label = written_digit(5)
    clean = load_image(save_gray(tmp_path / "clean.png", paper))
    rng = np.random.default_rng(0)
    for y, x in [(20, 30), (250, 60), (40, 350), (270, 380), (150, 40), (280, 250)]:
        paper[y - 3:y + 3, x - 3:x + 3] = rng.uniform(0.2, 0.5)  # pencil specks
    paper[12:15, :] *= 0.6  # a ruled line along the top edge
    paper *= 1 + rng.normal(0, 0.02, paper.shape)  # paper grain
    x = load_image(save_gray(tmp_path / "specks.png", paper))
    assert reads(x, label) and np.corrcoef(x, clean)[0, 1] > 0.95


def test_a_ruled_line_longer_than_the_digit_is_not_taken_for_it(tmp_path):
    paper, label = written_digit(10, shape=(400, 600), height=70, top_left=(160, 250))
    paper[390:396, :] *= 0.4  # a bold line along the bottom edge: more ink than the small digit
    prepared = prepare_image(save_gray(tmp_path / "ruled.png", paper))
    assert prepared.photo.size == (512, 341)  # reduced to the working size: the box is in its pixels
    left, top, right, bottom = np.array(prepared.box) * 600 / 512
    assert 250 <= left and right <= 350 and 160 <= top and bottom <= 260
    assert reads(prepared.pixels, label)


def test_a_page_on_a_dark_table_is_read_as_dark_ink(tmp_path):
    paper, label = written_digit(4, shape=(400, 500), height=180, top_left=(90, 120))
    page = Image.fromarray(np.round(paper * 235).astype(np.uint8)).rotate(9, expand=True, fillcolor=235)
    page.save(tmp_path / "page.png")
    scene = Image.new("L", (800, 600), 40)  # the table
    scene.paste(page, (120, 60), Image.new("L", (500, 400), 255).rotate(9, expand=True))
    scene.save(tmp_path / "table.png")
    x = load_image(tmp_path / "table.png")
    assert reads(x, label) and np.corrcoef(x, load_image(tmp_path / "page.png"))[0, 1] > 0.95


def separate_strokes(path, strokes, size=(300, 300)):
    image = Image.new("L", size, "white")
    for stroke in strokes:
        ImageDraw.Draw(image).line(stroke, fill="black", width=12, joint="curve")
    image.save(path)
    return path


@pytest.mark.parametrize("name, strokes", [
    ("five", [[(110, 150), (100, 100), (150, 95), (185, 135), (170, 200), (120, 215), (95, 195)],  # body
              [(118, 75), (190, 72)]]),  # the hat, 14 pixels above
    ("four", [[(110, 60), (95, 160), (185, 160)], [(160, 105), (160, 250)]]),  # two strokes that do not touch
    ("seven", [[(90, 60), (200, 60), (130, 250)], [(120, 155), (195, 155)]]),  # a crossbar beside the stem
])
def test_nearby_strokes_belong_to_the_digit(tmp_path, name, strokes):
    prepared = prepare_image(separate_strokes(tmp_path / f"{name}.png", strokes))
    points = np.array([p for stroke in strokes for p in stroke])
    left, top, right, bottom = prepared.box
    assert left <= points[:, 0].min() and top <= points[:, 1].min()  # every stroke inside the box
    assert right >= points[:, 0].max() and bottom >= points[:, 1].max()
    assert not prepared.notes


def test_a_thin_pen_and_a_fat_marker_give_mnist_strokes(tmp_path):
    box = (200, 100, 400, 500)
    thin = load_image(draw_digit(tmp_path / "thin.png", size=(600, 600), box=box, width=3))
    fat = load_image(draw_digit(tmp_path / "fat.png", size=(600, 600), box=box, width=70))
    mnist = [stroke_width(nn.test_image(i)[0]) for i in range(0, 1000, 10)]
    low, high = np.percentile(mnist, [10, 90])
    assert low <= stroke_width(thin) <= high
    assert low <= stroke_width(fat) <= high
    assert grid(fat)[14, 14] < 0.2  # the marker's 0 keeps its hole


def test_phone_photos_read_as_well_as_the_originals(tmp_path):
    network = nn.load_pretrained()
    photos = list(photo_set(PHOTO_COUNT, seed=0, size=(400, 300)))
    assert {photo.variant for photo in photos} == set(VARIANTS)
    read = [network.predict(load_image(photo.save(tmp_path))) == photo.label for photo in photos]
    test = nn.load_split("test")
    originals = [network.predict(test.images[photo.index]) == photo.label for photo in photos]
    assert sum(read) >= PHOTOS_READ_RIGHT
    assert sum(read) >= sum(originals) - 3  # at most 3 photos behind the 28×28 originals


# --- bad input -------------------------------------------------------------------------------

def png_header_only(path, width, height):
    """A tiny PNG file that claims to be ``width``×``height`` (its pixel data is a few bytes)."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64))
                     + chunk(b"IEND", b""))
    return path


@pytest.mark.parametrize("width, height", [(30_000, 30_000), (9_000, 8_000)])  # Pillow's limit, then ours
def test_a_decompression_bomb_is_refused_before_decoding(tmp_path, monkeypatch, width, height):
    def no_decoding(self):
        raise AssertionError("the pixels were decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", no_decoding)
    with pytest.raises(ImageFileError, match="too large.*refused before decoding"):
        load_image(png_header_only(tmp_path / "bomb.png", width, height))


def test_an_animated_gif_is_read_from_its_first_frame(tmp_path):
    frames = [Image.new("L", (120, 120), "white") for _ in range(2)]
    ImageDraw.Draw(frames[0]).line((60, 15, 60, 105), fill="black", width=10)  # a 1 ...
    ImageDraw.Draw(frames[1]).ellipse((30, 15, 90, 105), outline="black", width=10)  # ... then a 0
    frames[0].save(tmp_path / "one.gif")
    frames[0].save(tmp_path / "animated.gif", save_all=True, append_images=frames[1:], duration=200)
    with pytest.warns(ImageWarning, match="animated.*first frame"):
        x = load_image(tmp_path / "animated.gif")
    np.testing.assert_allclose(x, load_image(tmp_path / "one.gif"), atol=1e-6)


def test_a_16_bit_png_is_read_like_its_8_bit_copy(tmp_path):
    paper, label = written_digit(6)
    levels = 20_000 + paper * 40_000  # ink at 20,000, paper at 60,000 of 65,535
    Image.fromarray(np.round(levels).astype(np.uint16)).save(tmp_path / "deep.png")
    assert Image.open(tmp_path / "deep.png").mode == "I;16"
    eight_bit = save_gray(tmp_path / "eight.png", levels / 65535)
    np.testing.assert_allclose(load_image(tmp_path / "deep.png"), load_image(eight_bit), atol=1e-6)


def test_a_cmyk_jpeg_is_read_like_a_gray_one(tmp_path):
    paper, label = written_digit(7)
    gray = Image.open(save_gray(tmp_path / "gray.png", paper))
    gray.save(tmp_path / "gray.jpg", quality=95)
    gray.convert("CMYK").save(tmp_path / "cmyk.jpg", quality=95)
    assert Image.open(tmp_path / "cmyk.jpg").mode == "CMYK"
    x = load_image(tmp_path / "cmyk.jpg")
    assert reads(x, label) and np.corrcoef(x, load_image(tmp_path / "gray.jpg"))[0, 1] > 0.98


def test_a_palette_png_with_transparency_counts_as_paper(tmp_path):
    image = Image.new("P", (120, 120), 0)
    image.putpalette([0, 0, 0, 0, 0, 0])  # both entries black: entry 0 is the transparent one
    ImageDraw.Draw(image).ellipse((30, 15, 90, 105), outline=1, width=10)
    image.save(tmp_path / "palette.png", transparency=0)
    plain = Image.new("L", (120, 120), "white")
    ImageDraw.Draw(plain).ellipse((30, 15, 90, 105), outline="black", width=10)
    plain.save(tmp_path / "plain.png")
    np.testing.assert_allclose(load_image(tmp_path / "palette.png"), load_image(tmp_path / "plain.png"), atol=1e-6)


def test_a_1_by_1_image_is_too_small(tmp_path):
    Image.new("L", (1, 1), "black").save(tmp_path / "dot.png")
    with pytest.raises(ImageFileError, match=r"1×1 pixels: too small to hold a digit"):
        load_image(tmp_path / "dot.png")


@pytest.mark.parametrize("grain", [1, 10])  # pixel noise, and blotches 10 pixels wide
def test_pure_noise_is_no_digit(tmp_path, grain):
    noise = np.random.default_rng(grain).random((300 // grain, 300 // grain))
    with pytest.raises(ImageFileError, match="no digit found"):
        load_image(save_gray(tmp_path / "noise.png", np.kron(noise, np.ones((grain, grain)))))


def test_two_digits_read_the_largest_and_say_which(tmp_path):
    image = Image.new("L", (500, 300), "white")
    ImageDraw.Draw(image).ellipse((40, 40, 190, 260), outline="black", width=16)  # a big 0 on the left
    image.save(tmp_path / "zero.png")
    ImageDraw.Draw(image).line((380, 70, 380, 230), fill="black", width=16)  # a smaller 1 on the right
    image.save(tmp_path / "two.png")
    with pytest.warns(ImageWarning, match="found 2 separate digits: reading the largest, the one on the left"):
        x = load_image(tmp_path / "two.png")
    np.testing.assert_allclose(x, load_image(tmp_path / "zero.png"), atol=1e-6)


# --- what the network sees -------------------------------------------------------------------

def test_read_digit_gives_the_top_three_outputs(tmp_path):
    paper, label = written_digit(11)
    reading = read_digit(save_gray(tmp_path / "digit.png", paper))
    output = nn.load_pretrained().forward(reading.pixels)
    assert reading.digit == label == int(output.argmax())
    assert [d for d, _ in reading.top3] == list(np.argsort(output)[::-1][:3])
    assert [v for _, v in reading.top3] == sorted(output, reverse=True)[:3]
    assert str(reading).startswith(f"reads {label} (output {output.max():.2f}); next ")


def test_save_preview_shows_the_photo_beside_the_network_input(tmp_path):
    paper, _ = written_digit(9)
    path = save_gray(tmp_path / "digit.png", paper)
    written = save_preview(path, tmp_path / "preview.png")
    preview = np.asarray(Image.open(written).convert("L"), float) / 255
    x = load_image(path)
    assert preview.shape[0] == PANEL and preview.shape[1] > 2 * PANEL
    shown = preview[5::10, -PANEL + 5::10]  # the centre of each of the input's 28×28 pixels, shown 10× big
    np.testing.assert_allclose(shown, grid(x), atol=1 / 255)
    assert preview[:, :PANEL].mean() > 0.5  # the photo itself: light paper

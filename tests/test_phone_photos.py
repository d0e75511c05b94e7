"""The synthetic phone photos that load_image is measured on: deterministic, and photo-like."""
import io

import numpy as np
from PIL import Image, ImageOps

import nn
from tests.support.phone_photos import VARIANTS, phone_photo, photo_set

SIZE = (320, 240)


def opened(photo):
    return Image.open(io.BytesIO(photo.jpeg))


def test_the_same_seed_gives_the_same_photos_byte_for_byte():
    first = list(photo_set(4, seed=3, size=SIZE))
    again = list(photo_set(4, seed=3, size=SIZE))
    other = list(photo_set(4, seed=4, size=SIZE))
    assert [p.jpeg for p in first] == [p.jpeg for p in again]
    assert [p.index for p in first] != [p.index for p in other]


def test_photos_are_distinct_test_digits_cycling_through_the_variants():
    photos = list(photo_set(2 * len(VARIANTS), seed=0, size=SIZE))
    assert [p.variant for p in photos] == list(VARIANTS) * 2
    assert len({p.index for p in photos}) == len(photos)
    test = nn.load_split("test")
    assert all(p.label == test.labels[p.index] for p in photos)


def test_about_a_third_are_stored_sideways_with_an_exif_tag_that_turns_them_upright():
    photos = list(photo_set(60, seed=1, size=SIZE))
    sideways = [p for p in photos if p.orientation in (6, 8)]
    assert 12 <= len(sideways) <= 28
    for photo in photos[:12]:
        stored = opened(photo)
        assert stored.size == SIZE and stored.format == "JPEG"
        assert stored.getexif().get(0x0112) == photo.orientation
        upright = ImageOps.exif_transpose(stored)
        assert upright.size == (SIZE if photo.orientation == 1 else SIZE[::-1])


def test_the_digit_is_dark_ink_on_lighter_paper_under_uneven_light():
    pixels, _ = nn.test_image(0)
    jpeg = phone_photo(pixels, "shadow", np.random.default_rng(0), size=(400, 300))
    gray = np.asarray(Image.open(io.BytesIO(jpeg)).convert("L"), float)
    paper = np.percentile(gray, 90)
    assert np.percentile(gray, 1) < 0.6 * paper  # ink, well darker than the paper
    column_light = np.median(gray, axis=0)
    row_light = np.median(gray, axis=1)
    unevenness = max(np.ptp(column_light), np.ptp(row_light))
    assert unevenness > 0.15 * paper  # the light is not even across the page


def test_pens_change_the_stroke_width():
    pixels, _ = nn.test_image(3)  # a 0
    ink = {}
    for pen_variant in ("thin pen", "plain", "fat marker"):
        jpeg = phone_photo(pixels, pen_variant, np.random.default_rng(1), size=(400, 300))
        gray = np.asarray(Image.open(io.BytesIO(jpeg)).convert("L"), float)
        ink[pen_variant] = (gray < 0.6 * np.percentile(gray, 90)).sum()
    assert ink["thin pen"] < 0.3 * ink["plain"]
    assert ink["fat marker"] > 1.2 * ink["plain"]

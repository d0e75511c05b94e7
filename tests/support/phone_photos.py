"""Synthetic phone photos of MNIST test digits, for measuring :func:`nn.images.load_image`.

Each photo is an MNIST test digit written on paper and photographed with a phone: the digit's
strokes are upscaled into smooth ink (a pen, a thin pen or a fat marker), on paper with grain,
a few pencil specks away from the digit, under uneven light (a gradient and a vignette), then
slightly blurred, given sensor noise and saved as JPEG. About a third are stored sideways with an
EXIF orientation tag, as phones do. Each photo also has one *variant* (:data:`VARIANTS`): a
shadow, a ruled line near an edge, a perspective tilt, a colour cast, low contrast (pencil in
haze), a thin pen, a fat marker, or all of the first four at once.

The same seed gives the same photos, byte for byte.
"""
from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter
from scipy import ndimage

from nn.data import load_split

VARIANTS = (
    "plain", "shadow", "ruled line", "perspective tilt", "colour cast", "low contrast", "thin pen",
    "fat marker", "all at once",
)
PHONE_SIZE = (4032, 3024)  # 12 MP, as stored by the sensor (landscape)
EXIF_ORIENTATION = 0x0112
# how a phone stores an upright scene under each EXIF orientation tag (exif_transpose undoes it)
STORED_AS = {1: None, 3: Image.Transpose.ROTATE_180, 6: Image.Transpose.ROTATE_90, 8: Image.Transpose.ROTATE_270}
ORIENTATIONS = (1, 1, 1, 1, 6, 8)  # a third stored sideways
FIELD_SCALE = 8  # the digit's ink field is built at 8× MNIST resolution (224×224) before scaling to the photo
LIGHT_SCALE = 16  # the lighting is computed 16× smaller than the photo (it varies slowly)

PEN_INKS = {"black pen": (0.10, 0.10, 0.12), "blue ballpoint": (0.13, 0.17, 0.45)}
MARKER_INK = (0.06, 0.06, 0.07)
PENCIL = (0.33, 0.33, 0.35)
RULE_BLUE = (0.55, 0.68, 0.90)
MARGIN_RED = (0.90, 0.55, 0.55)
COLOUR_CASTS = ((1.0, 0.82, 0.60), (0.78, 0.90, 1.0), (0.86, 1.0, 0.80), (1.0, 0.85, 0.95))


@dataclass(frozen=True)
class PhonePhoto:
    """One synthetic photo: a JPEG file's bytes and what it shows."""

    index: int  # the MNIST test image it was made from
    label: int
    variant: str
    orientation: int  # EXIF orientation tag (1: stored upright)
    jpeg: bytes

    def save(self, folder: str | Path) -> Path:
        """Write the JPEG into ``folder`` as ``photo-<index>.jpg``; its path."""
        path = Path(folder) / f"photo-{self.index:04d}.jpg"
        path.write_bytes(self.jpeg)
        return path


@dataclass(frozen=True)
class Conditions:
    """What one photo's variant switches on."""

    pen: str = "pen"  # "pen", "thin pen" or "fat marker"
    shadow: bool = False
    ruled_line: bool = False
    tilt: bool = False
    colour_cast: bool = False
    low_contrast: bool = False


def conditions(variant: str) -> Conditions:
    """The conditions of a variant from :data:`VARIANTS`."""
    return {
        "plain": Conditions(),
        "shadow": Conditions(shadow=True),
        "ruled line": Conditions(ruled_line=True),
        "perspective tilt": Conditions(tilt=True),
        "colour cast": Conditions(colour_cast=True),
        "low contrast": Conditions(low_contrast=True),
        "thin pen": Conditions(pen="thin pen"),
        "fat marker": Conditions(pen="fat marker"),
        "all at once": Conditions(shadow=True, ruled_line=True, tilt=True, colour_cast=True),
    }[variant]


def photo_set(count: int, seed: int = 0, size: tuple[int, int] = PHONE_SIZE) -> Iterator[PhonePhoto]:
    """``count`` photos of distinct MNIST test digits (chosen by ``seed``), cycling through :data:`VARIANTS`.

    ``size`` is the stored (landscape) size in pixels; the same seed and size give the same photos.
    """
    test = load_split("test")
    indices = np.random.default_rng(seed).permutation(len(test.labels))[:count]
    for number, index in enumerate(indices):
        variant = VARIANTS[number % len(VARIANTS)]
        rng = np.random.default_rng([seed, number])
        orientation = int(rng.choice(ORIENTATIONS))
        jpeg = phone_photo(test.images[index], variant, rng, size, orientation)
        yield PhonePhoto(int(index), int(test.labels[index]), variant, orientation, jpeg)


def phone_photo(pixels: np.ndarray, variant: str, rng: np.random.Generator,
                size: tuple[int, int] = PHONE_SIZE, orientation: int = 1) -> bytes:
    """A JPEG photo of the 28×28 digit ``pixels`` written on paper, under ``variant``'s conditions."""
    setup = conditions(variant)
    width, height = size if orientation in (1, 3) else size[::-1]  # the upright scene
    scale = rng.uniform(0.30, 0.50) * min(width, height) / 20  # photo pixels per MNIST pixel
    reflectance = paper(height, width, rng)
    ink_colour = ink_for(setup, rng)
    box = write_digit(reflectance, pixels, setup.pen, scale, ink_colour, rng)
    add_specks(reflectance, box, rng)
    if setup.ruled_line:
        add_ruled_lines(reflectance, rng)
    scene = reflectance * lighting(height, width, setup.shadow, rng)[..., None]
    scene *= white_balance(setup.colour_cast, rng) * rng.uniform(0.85, 1.0)
    if setup.low_contrast:
        scene = haze(scene, rng)
    photo = Image.fromarray(to_uint8(scene))
    if setup.tilt:
        photo = tilted(photo, rng)
    photo = photo.filter(ImageFilter.GaussianBlur(rng.uniform(0.08, 0.25) * scale))
    photo = with_sensor_noise(photo, rng)
    return jpeg_bytes(photo, orientation, int(rng.integers(75, 93)))


def ink_for(setup: Conditions, rng: np.random.Generator) -> tuple[float, float, float]:
    """The ink's reflectance (RGB): pencil in low contrast, a black marker, else a black or blue pen."""
    if setup.low_contrast:
        return PENCIL
    if setup.pen == "fat marker":
        return MARKER_INK
    return PEN_INKS[str(rng.choice(list(PEN_INKS)))]


def paper(height: int, width: int, rng: np.random.Generator) -> np.ndarray:
    """White paper's reflectance (height, width, 3) with a fine grain."""
    grain_small = rng.normal(0, 0.025, (height // 3 + 1, width // 3 + 1)).astype(np.float32)
    grain = np.asarray(Image.fromarray(grain_small).resize((width, height), Image.Resampling.BILINEAR))
    colour = np.array([0.92, 0.91, 0.88], dtype=np.float32) * rng.uniform(0.97, 1.0)
    return (1 + grain)[..., None] * colour


def digit_field(pixels: np.ndarray, pen: str) -> np.ndarray:
    """A smooth ink field (224×224) of the digit: ink where it is above 0.5, shaped by the pen."""
    side = 28 * FIELD_SCALE
    upscaled = Image.fromarray(np.asarray(pixels, np.float32).reshape(28, 28)).resize(
        (side, side), Image.Resampling.BICUBIC)
    field = ndimage.gaussian_filter(np.asarray(upscaled), 0.4 * FIELD_SCALE)
    if pen == "fat marker":  # strokes about 1.1 MNIST pixels wider
        radius = 0.55 * FIELD_SCALE
        return ndimage.grey_dilation(field, footprint=disk(radius))
    if pen == "thin pen":  # a line along the middle of each stroke, about 0.6 MNIST pixels wide
        return thin_line(field > 0.5, 0.3 * FIELD_SCALE)
    return field


def thin_line(strokes: np.ndarray, radius: float) -> np.ndarray:
    """A smooth field (ink above 0.5) of lines 2 × ``radius`` wide along the strokes' middles (their medial axis)."""
    depth = ndimage.distance_transform_edt(strokes)
    middle = (depth >= ndimage.maximum_filter(depth, size=3) - 0.5) & (depth > 1)
    line = ndimage.binary_dilation(middle, structure=disk(radius))
    return ndimage.gaussian_filter(line.astype(np.float32), 1.0)


def disk(radius: float) -> np.ndarray:
    """A boolean disk footprint of ``radius`` pixels."""
    r = int(np.ceil(radius))
    y, x = np.ogrid[-r:r + 1, -r:r + 1]
    return x * x + y * y <= radius * radius


def write_digit(reflectance: np.ndarray, pixels: np.ndarray, pen: str, scale: float,
                colour: tuple[float, float, float], rng: np.random.Generator) -> tuple[int, int, int, int]:
    """Write the digit in ink onto ``reflectance`` near its centre; the inked box (top, left, bottom, right)."""
    height, width = reflectance.shape[:2]
    side = int(round(28 * scale))
    field = Image.fromarray(digit_field(pixels, pen)).resize((side, side), Image.Resampling.BICUBIC)
    alpha = np.clip((np.asarray(field) - 0.5) * scale / 1.5 + 0.5, 0, 1)  # edges about 1.5 pixels soft
    top = int(np.clip((height - side) / 2 + rng.uniform(-0.12, 0.12) * height, 0, height - side))
    left = int(np.clip((width - side) / 2 + rng.uniform(-0.12, 0.12) * width, 0, width - side))
    apply_ink(reflectance[top:top + side, left:left + side], alpha, colour)
    rows, cols = np.flatnonzero(alpha.max(axis=1) > 0.5), np.flatnonzero(alpha.max(axis=0) > 0.5)
    return top + rows[0], left + cols[0], top + rows[-1] + 1, left + cols[-1] + 1


def apply_ink(region: np.ndarray, alpha: np.ndarray, colour: tuple[float, float, float]) -> None:
    """Ink of ``colour`` (reflectance) with coverage ``alpha`` over ``region``, in place (inks multiply)."""
    region *= 1 - alpha[..., None] * (1 - np.asarray(colour, np.float32))


def add_specks(reflectance: np.ndarray, digit_box: tuple[int, int, int, int], rng: np.random.Generator) -> None:
    """3 to 8 pencil specks, each well away from the digit."""
    height, width = reflectance.shape[:2]
    top, left, bottom, right = digit_box
    margin = 0.15 * (bottom - top)
    for _ in range(int(rng.integers(3, 9))):
        radius = rng.uniform(0.0015, 0.005) * min(height, width)
        for _attempt in range(20):
            y, x = rng.uniform(radius, height - radius), rng.uniform(radius, width - radius)
            if not (top - margin < y < bottom + margin and left - margin < x < right + margin):
                break
        else:
            continue
        r = int(np.ceil(radius)) + 1
        y0, x0 = int(y) - r, int(x) - r
        yy, xx = np.ogrid[y0:y0 + 2 * r + 1, x0:x0 + 2 * r + 1]
        alpha = np.clip(radius - np.hypot(yy - y, xx - x) + 0.5, 0, 1) * rng.uniform(0.5, 0.9)
        y0c, x0c = max(y0, 0), max(x0, 0)
        region = reflectance[y0c:y0 + 2 * r + 1, x0c:x0 + 2 * r + 1]
        apply_ink(region, alpha[y0c - y0:y0c - y0 + region.shape[0], x0c - x0:x0c - x0 + region.shape[1]], PENCIL)


def add_ruled_lines(reflectance: np.ndarray, rng: np.random.Generator) -> None:
    """A blue ruled line across the page near its top or bottom edge, and half the time a red margin line."""
    height, width = reflectance.shape[:2]
    thickness = max(1, round(0.002 * min(height, width)))
    y = int(rng.uniform(0.03, 0.10) * height)
    if rng.random() < 0.5:
        y = height - y - thickness
    apply_ink(reflectance[y:y + thickness], np.ones((thickness, width), np.float32), RULE_BLUE)
    if rng.random() < 0.5:
        x = int(rng.uniform(0.03, 0.10) * width)
        apply_ink(reflectance[:, x:x + thickness], np.ones((height, thickness), np.float32), MARGIN_RED)


def lighting(height: int, width: int, shadow: bool, rng: np.random.Generator) -> np.ndarray:
    """Illumination (height, width): brighter on one side, darker corners, and optionally a soft shadow."""
    small_h, small_w = height // LIGHT_SCALE + 2, width // LIGHT_SCALE + 2
    v, u = np.ogrid[0:1:small_h * 1j, 0:1:small_w * 1j]
    angle = rng.uniform(0, 2 * np.pi)
    ramp = np.cos(angle) * (u - 0.5) + np.sin(angle) * (v - 0.5)
    ramp = (ramp - ramp.min()) / (ramp.max() - ramp.min())
    light = 1 - rng.uniform(0.35, 0.65) * ramp  # the far side gets 35–65 % of the light
    light = light * (1 - rng.uniform(0.1, 0.3) * ((u - 0.5) ** 2 + (v - 0.5) ** 2) * 2)
    if shadow:
        light = light * shadow_mask(u, v, rng)
    light_image = Image.fromarray(light.astype(np.float32)).resize((width, height), Image.Resampling.BILINEAR)
    return np.asarray(light_image)


def shadow_mask(u: np.ndarray, v: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """A soft-edged shadow (of a hand or the phone) over part of the page, edge near the middle."""
    angle = rng.uniform(0, 2 * np.pi)
    centre_u, centre_v = rng.uniform(0.3, 0.7, size=2)
    distance = np.cos(angle) * (u - centre_u) + np.sin(angle) * (v - centre_v)
    softness = rng.uniform(0.01, 0.04)
    shade = 1 / (1 + np.exp(-distance / softness))
    return 1 - rng.uniform(0.35, 0.55) * shade


def white_balance(cast: bool, rng: np.random.Generator) -> np.ndarray:
    """Channel gains: nearly neutral, or a strong colour cast (tungsten, shade, fluorescent, LED)."""
    if cast:
        return np.asarray(COLOUR_CASTS[int(rng.integers(len(COLOUR_CASTS)))], np.float32)
    return np.array([1.0, rng.uniform(0.97, 1.0), rng.uniform(0.92, 1.0)], np.float32)


def haze(scene: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Low contrast: the picture squeezed towards a grey (glare, a cheap lens, a dim room)."""
    keep = rng.uniform(0.35, 0.5)
    return scene * keep + (1 - keep) * rng.uniform(0.45, 0.65)


GAMMA_LEVELS = 4096
GAMMA_TABLE = (np.linspace(0, 1, GAMMA_LEVELS) ** (1 / 2.2) * 255 + 0.5).astype(np.uint8)


def to_uint8(scene: np.ndarray) -> np.ndarray:
    """[0, 1] floats to 8-bit, with a display gamma (through a table: much faster than a power)."""
    levels = np.clip(scene * (GAMMA_LEVELS - 1) + 0.5, 0, GAMMA_LEVELS - 1).astype(np.uint16)
    return GAMMA_TABLE[levels]


def tilted(photo: Image.Image, rng: np.random.Generator) -> Image.Image:
    """The photo as taken by a tilted phone: a perspective view of an inner quadrilateral of the scene."""
    width, height = photo.size
    keystone = rng.uniform(0.05, 0.12)
    jitter = rng.uniform(-0.03, 0.03, size=(4, 2))
    inset = np.array([[keystone, 0.02], [1 - keystone, 0.02], [0.98, 0.98], [0.02, 0.98]]) + jitter
    if rng.random() < 0.5:  # leaning the other way: bottom edge narrower
        inset = inset[[3, 2, 1, 0]] * [1, -1] + [0, 1]
    source = np.clip(inset, 0, 1) * [width, height]
    target = np.array([[0, 0], [width, 0], [width, height], [0, height]], float)
    return photo.transform(photo.size, Image.Transform.PERSPECTIVE, perspective_coefficients(target, source),
                           Image.Resampling.BICUBIC)


def perspective_coefficients(target: np.ndarray, source: np.ndarray) -> tuple[float, ...]:
    """Pillow's 8 PERSPECTIVE coefficients mapping the 4 ``target`` corners onto the 4 ``source`` corners."""
    rows = []
    for (x, y), (sx, sy) in zip(target, source):
        rows.append([x, y, 1, 0, 0, 0, -sx * x, -sx * y])
        rows.append([0, 0, 0, x, y, 1, -sy * x, -sy * y])
    return tuple(np.linalg.solve(np.array(rows, float), source.reshape(-1)))


def with_sensor_noise(photo: Image.Image, rng: np.random.Generator) -> Image.Image:
    """Gaussian sensor noise (in brightness), a little stronger in some photos than others."""
    pixels = np.asarray(photo, np.float32)
    noise = rng.standard_normal(pixels.shape[:2], dtype=np.float32) * np.float32(rng.uniform(1.5, 4.0))
    return Image.fromarray(np.clip(pixels + (noise + 0.5)[..., None], 0, 255).astype(np.uint8))


def jpeg_bytes(upright: Image.Image, orientation: int, quality: int) -> bytes:
    """The photo as a phone stores it: rotated to the sensor's orientation, with the EXIF tag to undo it."""
    method = STORED_AS[orientation]
    stored = upright if method is None else upright.transpose(method)
    exif = Image.Exif()
    exif[EXIF_ORIENTATION] = orientation
    buffer = io.BytesIO()
    stored.save(buffer, "JPEG", quality=quality, exif=exif.tobytes())
    return buffer.getvalue()

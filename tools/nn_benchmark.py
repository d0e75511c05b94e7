"""Training and inference speed, printed as figures (a benchmark, not a test).

    python -m tools.nn_benchmark            # full: includes training the shipped recipe (about a minute)
    python -m tools.nn_benchmark --quick    # skips the full training run
"""
from __future__ import annotations

import argparse
import time

import numpy as np

from nn.data import load_mnist
from nn.network import Network
from nn.reference import mean_gradients
from nn.train import Recipe, backprop, one_hot, train


def _rate(fn, n_items: int, min_seconds: float = 1.0) -> float:
    """Items per second of ``fn`` (which handles ``n_items``), repeated for at least ``min_seconds``."""
    runs, start = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - start) < min_seconds or runs == 0:
        fn()
        runs += 1
    return runs * n_items / elapsed


def image_loading(photo_count: int, photo_size: tuple[int, int] = (2016, 1512), seed: int = 0) -> None:
    """Print load_image's time on a 12 MP phone photo (JPEG, PNG) and how well the shipped network reads
    ``photo_count`` synthetic phone photos (tests/support/phone_photos.py) beside the same digits as 28×28 originals."""
    import tempfile
    import warnings
    from pathlib import Path

    from PIL import Image, ImageOps

    from nn.data import load_split
    from nn.images import ImageFileError, load_image
    from nn.pretrained import load_pretrained
    from tests.support.phone_photos import PHONE_SIZE, phone_photo, photo_set

    with tempfile.TemporaryDirectory() as folder:
        jpeg = Path(folder) / "phone.jpg"
        jpeg.write_bytes(phone_photo(load_split("test").images[0], "plain", np.random.default_rng(seed), PHONE_SIZE, 6))
        png = Path(folder) / "phone.png"
        ImageOps.exif_transpose(Image.open(jpeg)).save(png)
        for kind, path in (("JPEG", jpeg), ("PNG", png)):
            seconds = 1 / _rate(lambda path=path: load_image(path), 1)
            print(f"{f'load_image, a 12 MP phone photo ({kind}):':<51}{seconds:12.3f} s")

        network, test = load_pretrained(), load_split("test")
        tally: dict[str, list[int]] = {}
        for photo in photo_set(photo_count, seed, photo_size):
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    read = network.predict(load_image(photo.save(folder))) == photo.label
            except ImageFileError:
                read = False
            original = network.predict(test.images[photo.index]) == photo.label
            counts = tally.setdefault(photo.variant, [0, 0, 0])
            counts[0] += 1
            counts[1] += int(read)
            counts[2] += int(original)
    photos, read, originals = (sum(c[i] for c in tally.values()) for i in range(3))
    megapixels = photo_size[0] * photo_size[1] / 1e6
    standard_error = np.sqrt(read * (photos - read)) / photos / np.sqrt(photos)  # a small set is a rough figure
    print(f"{f'phone photos read right ({photos} at {megapixels:.0f} MP):':<51}{read:12d} = {read / photos:.1%}"
          f" ± {standard_error:.1%} (the same digits as 28×28 originals: {originals} = {originals / photos:.1%})")
    print("  by condition, photos/originals right of each: "
          + ", ".join(f"{variant} {c[1]}/{c[2]} of {c[0]}" for variant, c in tally.items()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.nn_benchmark", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="skip training the shipped recipe")
    args = parser.parse_args(argv)
    data = load_mnist()
    net = Network([784, 16, 16, 10], seed=0)
    x64 = data.train.images[:2000].astype(np.float64)
    y64 = one_hot(data.train.labels[:2000])

    batch_size = Recipe().batch_size
    vectorised = _rate(lambda: [backprop(net, x64[i:i + batch_size], y64[i:i + batch_size])
                                for i in range(0, 2000, batch_size)], 2000)
    reference = _rate(lambda: mean_gradients(net, x64[:500], y64[:500]), 500)
    print(f"backprop, mini-batches of {batch_size} (vectorised): {vectorised:12,.0f} examples/s")
    print(f"backprop, one example at a time (reference):      {reference:12,.0f} examples/s")
    print(f"speed-up of the vectorised version:                {vectorised / reference:12.1f}x")

    test = data.test.images.astype(np.float64)
    batch = _rate(lambda: net.forward(test), len(test))
    single = _rate(lambda: [net.forward(img) for img in test[:1000]], 1000)
    print(f"forward pass, 10,000 images as one batch:          {batch:12,.0f} images/s")
    print(f"forward pass, one image at a time:                 {single:12,.0f} images/s")

    image_loading(45 if args.quick else 270)

    if not args.quick:
        recipe = Recipe()
        reached: list[tuple[int, float, float]] = []
        start = time.perf_counter()

        def check(epoch: int, snapshot: Network) -> None:
            accuracy = snapshot.accuracy(data.test.images, data.test.labels)
            reached.append((epoch, accuracy, time.perf_counter() - start))

        trained = train(recipe, log=lambda _: None, on_epoch=check)
        total = time.perf_counter() - start
        n_examples = recipe.epochs * (len(data.train.labels) + (len(data.val.labels) if recipe.final_fit else 0))
        print(f"training the shipped recipe ({recipe.epochs} epochs): {total:9.1f} s, "
              f"{n_examples / total:,.0f} examples/s (with per-epoch checks)")
        first = next(((e, a, t) for e, a, t in reached if a >= 0.96), None)
        if first:
            print(f"time to >= 96 % test accuracy:                   {first[2]:9.1f} s "
                  f"(epoch {first[0]}, {first[1]:.2%})")
        else:
            print("time to >= 96 % test accuracy:                   not reached")
        final = trained.accuracy(data.test.images, data.test.labels)
        print(f"final test accuracy:                               {final:9.2%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

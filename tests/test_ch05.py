"""Chapter 5 (Why layers?): the digit parts are computed from real MNIST digits, and what the
scene says about them and about the network holds."""
import numpy as np
import pytest
from scipy import ndimage as ndi

import nn
from scenes.ch05_why_layers import DIGITS_IN_ORDER, OUTPUT_HOPE, PART_COLORS, hoped_neuron
from scenes.components import PixelImage
from scenes.components import digit_parts as dp


@pytest.fixture(scope="module", params=DIGITS_IN_ORDER)
def example(request):
    return dp.first_clean_example(request.param)


def grid(mask):
    return np.asarray(mask).reshape(28, 28)


def extent(mask):
    rows, cols = np.nonzero(grid(mask))
    return rows.max() - rows.min() + 1, cols.max() - cols.min() + 1


def test_examples_are_real_test_digits_the_network_reads(example, net):
    pixels, label = nn.test_image(example.index)
    assert label == example.label
    np.testing.assert_array_equal(example.pixels, pixels)
    assert int(net.predict(example.pixels)) == example.label
    assert len(example.masks) == len(example.names) == len(PART_COLORS[example.label])


def test_example_is_the_first_that_the_rule_splits(example, net):
    images, labels = nn.load_mnist().test
    for i in np.flatnonzero(labels == example.label):
        if i == example.index:
            break
        split = dp.split_digit(images[i], example.label)
        assert split is None or int(net.predict(images[i])) != example.label, f"test #{i} came first"


def test_parts_are_disjoint_and_cover_the_ink(example):
    masks = np.array(example.masks)
    assert masks.shape == (len(example.names), 784)
    assert (masks.sum(axis=0) <= 1).all(), "parts overlap"
    assert all(m.sum() >= dp.MIN_PART_PIXELS for m in masks)
    np.testing.assert_array_equal(masks.any(axis=0), dp.ink_mask(example.pixels).reshape(-1))
    for k in range(len(masks)):
        kept = example.part_pixels(k)
        assert np.all(kept[~masks[k]] == 0) and np.all(kept[masks[k]] == example.pixels[masks[k]])


def encloses(mask, hole):
    return (ndi.binary_fill_holes(grid(mask)) & grid(hole)).sum() == grid(hole).sum()


def test_nine_is_an_upper_loop_plus_a_line():
    nine = dp.first_clean_example(9)
    (hole,) = dp.holes(nine.pixels)
    loop, line = nine.masks
    assert encloses(loop, hole), "the loop part surrounds the 9's hole"
    assert not ndi.binary_fill_holes(grid(line)).sum() > grid(line).sum(), "the line encloses nothing"
    hole_row = ndi.center_of_mass(hole)[0]
    assert hole_row < 14 and ndi.center_of_mass(grid(line))[0] > hole_row, "loop on top, line below"
    rows, cols = extent(line)
    assert rows >= 2 * cols, "the line is long and upright"


def test_eight_is_two_stacked_loops():
    eight = dp.first_clean_example(8)
    upper_hole, lower_hole = dp.holes(eight.pixels)
    upper, lower = eight.masks
    assert encloses(upper, upper_hole) and encloses(lower, lower_hole)
    assert ndi.center_of_mass(grid(upper))[0] < ndi.center_of_mass(grid(lower))[0]


def test_four_is_three_lines():
    four = dp.first_clean_example(4)
    left, bar, right = four.masks
    assert ndi.center_of_mass(grid(left))[1] < ndi.center_of_mass(grid(right))[1]
    bar_rows, bar_cols = extent(bar)
    assert bar_cols > 2 * bar_rows, "the cross-bar runs across"
    for upright in (left, right):
        rows, cols = extent(upright)
        assert rows > cols, "the other two strokes run up and down"
    for part in four.masks:
        assert ndi.label(grid(part), structure=np.ones((3, 3)))[1] == 1, "each line is one stroke"


def test_parts_split_into_the_short_edges_the_scene_counts():
    nine = dp.first_clean_example(9)
    loop, line = nine.masks
    sectors = dp.loop_edges(loop, dp.hole_centre(nine.pixels))
    pieces = dp.line_edges(line)
    assert len(sectors) == dp.LOOP_EDGES and len(pieces) == dp.LINE_EDGES
    for whole, parts in ((loop, sectors), (line, pieces)):
        stacked = np.array(parts)
        assert (stacked.sum(axis=0) <= 1).all()
        np.testing.assert_array_equal(stacked.any(axis=0), whole)


def test_line_pieces_follow_the_line():
    line = dp.first_clean_example(9).masks[1]
    rows = [ndi.center_of_mass(grid(p))[0] for p in dp.line_edges(line)]
    assert rows == sorted(rows) or rows == sorted(rows, reverse=True)


def test_hoped_neurons_really_feed_the_outputs_the_caption_names(net):
    """The caption says both hoped-for neurons would push the output 9 up: their weights must."""
    w = net.weights[-1]
    for name, outputs in OUTPUT_HOPE.items():
        j = hoped_neuron(net, outputs)
        assert j == int(np.argmax(w[list(outputs)].min(axis=0)))
        assert w[9, j] > 0, f"the {name}? neuron's real weight into output 9 is positive"
    assert hoped_neuron(net, OUTPUT_HOPE["loop"]) != hoped_neuron(net, OUTPUT_HOPE["line"])


def test_part_image_draws_only_the_mask_with_pixel_values():
    nine = dp.first_clean_example(9)
    image = dp.PartImage(nine.pixels, nine.masks[0], PART_COLORS[9][0])
    assert len(image.squares) == nine.masks[0].sum()
    opacities = [sq.get_fill_opacity() for sq in image.squares]
    np.testing.assert_allclose(opacities, nine.pixels[nine.masks[0]], atol=1e-6)


def test_ink_image_matches_pixel_image_placement_and_gray(example):
    light = dp.ink_image(example.pixels)
    full = PixelImage(example.pixels)
    lit = np.flatnonzero(example.pixels > 0)
    assert len(light.squares) == len(lit)
    for sq, i in zip(light.squares, lit):
        np.testing.assert_allclose(sq.get_center(), full.squares[i].get_center(), atol=1e-9)
        gray_over_black = sq.get_fill_opacity() * np.array(sq.get_fill_color().to_rgb())
        np.testing.assert_allclose(gray_over_black, full.squares[i].get_fill_color().to_rgb(), atol=2 / 255)

"""Chapter 5 (Why layers?): the digit parts are computed from real MNIST digits, and what the
scene says about them and about the network holds."""
import numpy as np
import pytest
from manim import ManimColor
from scipy import ndimage as ndi

import nn
from scenes.chapters.ch05_why_layers import (
    DIGIT_X,
    DIGITS_IN_ORDER,
    HOPE_NAMES,
    PART_COLORS,
    PIECE_ALT_COLOR,
    ROW_SIDE,
    ROW_YS,
    WhyLayers,
    first_test_images,
    ink_bounds,
    ink_image,
    square_window,
    window_tile,
)
from scenes.components import DigitImage, PartImage, style
from scenes.content import digit_parts as dp
from scenes.content import examples


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


def second_layer_on_test_set(net):
    test = nn.load_split("test")
    return net.activations(test.images)[2], test.labels


def preference(net, with_digits, without_digits):
    """Recomputed here, independently: mean on test digits with the part minus mean on those without."""
    a2, labels = second_layer_on_test_set(net)
    return a2[np.isin(labels, with_digits)].mean(axis=0) - a2[np.isin(labels, without_digits)].mean(axis=0)


def test_ringed_neurons_are_those_that_prefer_loops_and_lines_over_the_test_set(net):
    """The narration: "over the ten thousand test digits, neuron N responds most to digits with a loop, compared
    with digits without one. And neuron M responds most to digits with a long upright line"."""
    loop = preference(net, [0, 6, 8, 9], [1, 4, 7])
    line = preference(net, [1, 4, 7, 9], [0, 2, 3, 5, 6, 8])
    assert examples.part_neuron(net, "loop") == int(np.argmax(loop))
    assert examples.part_neuron(net, "line") == int(np.argmax(line))
    np.testing.assert_allclose(examples.part_preference(net, "loop"), loop, atol=1e-9)
    np.testing.assert_allclose(examples.part_preference(net, "line"), line, atol=1e-9)
    assert examples.part_neuron(net, "loop") != examples.part_neuron(net, "line")
    for values in (loop, line):  # a real preference, not a tie
        assert values.max() > 0.3 and values.max() - np.sort(values)[-2] > 0.05
    # the digits the measures name: loops in 0 6 8 9 and none in 1 4 7; a long upright stroke in 1 4 7 9
    assert examples.PART_DIGITS == {"loop": ((0, 6, 8, 9), (1, 4, 7)), "line": ((1, 4, 7, 9), (0, 2, 3, 5, 6, 8))}


def test_the_line_neuron_fires_on_the_nine_and_the_loop_neuron_barely_stirs(net):
    """"Neuron N ... is at only 0.16 on this nine ... So the line neuron fires, but this nine's loop barely
    stirs the loop neuron": the claims hold for the real activations on the chapter's 9."""
    nine = dp.first_clean_example(9)
    a2 = net.activations(nine.pixels)[2]
    loop, line = (int(np.argmax(preference(net, *d))) for d in (([0, 6, 8, 9], [1, 4, 7]),
                                                               ([1, 4, 7, 9], [0, 2, 3, 5, 6, 8])))
    assert a2[loop] < 0.3, "barely stirs"
    assert a2[line] > 0.7, "fires"


def test_measure_cards_show_a_real_test_digit_of_each_kind(net):
    labels = nn.load_split("test").labels
    for part in HOPE_NAMES:
        for digits in examples.PART_DIGITS[part]:
            indices = first_test_images(digits)
            assert [int(labels[i]) for i in indices] == list(digits)
            assert all((labels[:i] != d).all() for i, d in zip(indices, digits)), "the first of each digit"
    with_part, without_part = examples.part_means(net, "loop")
    a2, labels = second_layer_on_test_set(net)
    j = examples.part_neuron(net, "loop")
    assert with_part[j] == pytest.approx(a2[np.isin(labels, [0, 6, 8, 9]), j].mean())
    assert without_part[j] == pytest.approx(a2[np.isin(labels, [1, 4, 7]), j].mean())


def rgb255(color):
    return np.rint(np.array(ManimColor(color).to_rgb()) * 255)


def test_part_image_draws_only_the_mask_with_pixel_values():
    nine = dp.first_clean_example(9)
    mask = nine.masks[0]
    image = PartImage(nine.pixels, mask, PART_COLORS[9][0])
    rgba = image.rgba.reshape(784, 4).astype(float)
    np.testing.assert_allclose(rgba[mask, 3] / 255, nine.pixels[mask], atol=0.5 / 255)
    assert np.all(rgba[~mask, 3] == 0), "nothing drawn outside the part"
    np.testing.assert_array_equal(rgba[mask, :3], np.broadcast_to(rgb255(PART_COLORS[9][0]), (mask.sum(), 3)))


def test_ink_image_matches_digit_image_placement_and_gray(example):
    """The scene's white ink image over the black background is the DigitImage of the same side and place."""
    where = np.array([DIGIT_X, ROW_YS[0], 0.0])
    light = ink_image(example.pixels, side=ROW_SIDE).move_to(where)
    full = DigitImage(example.pixels, side=ROW_SIDE).move_to(where)
    lit = np.flatnonzero(example.pixels > 0)
    r, c = divmod(int(lit[0]), 28)
    np.testing.assert_allclose(light.cell_center(r, c), full.cell_center(r, c), atol=1e-9)
    np.testing.assert_allclose(light.cell_centers(), full.cell_centers(), atol=1e-9)
    np.testing.assert_allclose(light.frame.get_center(), full.frame.get_center(), atol=1e-9)
    rgba = light.rgba.reshape(784, 4).astype(float)
    np.testing.assert_array_equal(rgba[:, :3], np.broadcast_to(rgb255(style.TEXT_COLOR), (784, 3)))
    gray_over_black = rgba[:, 3] / 255 * rgb255(style.TEXT_COLOR)[0] / 255
    np.testing.assert_allclose(gray_over_black, full.gray_values(), atol=1 / 255)
    np.testing.assert_allclose(full.gray_values(), example.pixels, atol=0.5 / 255)


def test_ink_bounds_are_the_drawn_squares():
    nine = dp.first_clean_example(9)
    part = PartImage(nine.pixels, nine.masks[1], PART_COLORS[9][1], side=2.8).move_to([1.0, -0.5, 0])
    rows, cols = np.nonzero(grid(nine.masks[1]))
    left, top = part.image.get_left()[0], part.image.get_top()[1]
    low, high = ink_bounds(part)
    np.testing.assert_allclose(low[:2], [left + 0.1 * cols.min(), top - 0.1 * (rows.max() + 1)], atol=1e-9)
    np.testing.assert_allclose(high[:2], [left + 0.1 * (cols.max() + 1), top - 0.1 * rows.min()], atol=1e-9)


def test_edge_pieces_move_outwards_in_alternating_colours():
    nine = dp.first_clean_example(9)
    loop = PartImage(nine.pixels, nine.masks[0], PART_COLORS[9][0], side=4.0)
    masks = dp.loop_edges(nine.masks[0], dp.hole_centre(nine.pixels))
    pieces = WhyLayers.split_into_edges(loop, masks, PART_COLORS[9][0])
    assert len(pieces) == len(pieces.moves) == len(masks)
    centre = np.mean(ink_bounds(loop), axis=0)
    for k, ((piece, shift, colours), mask) in enumerate(zip(pieces.moves, masks)):
        np.testing.assert_array_equal(piece.mask, mask)
        np.testing.assert_allclose(piece.cell_centers(), loop.cell_centers(), atol=1e-9)  # starts in place
        assert np.dot(shift, np.mean(ink_bounds(piece), axis=0) - centre) > 0, "moves away from the loop's centre"
        drawn = colours.reshape(784, 4)
        np.testing.assert_array_equal(drawn[:, 3], piece.rgba.reshape(784, 4)[:, 3])  # same opacities
        want = PART_COLORS[9][0] if k % 2 == 0 else PIECE_ALT_COLOR
        np.testing.assert_array_equal(drawn[mask, :3], np.broadcast_to(rgb255(want), (mask.sum(), 3)))


def test_varied_loops_are_clean_examples_whose_loops_differ_in_shape():
    for digit in (9, 8):
        examples = dp.varied_loops(digit)
        assert len({e.index for e in examples}) == 3
        clean = {e.index for e in dp.clean_examples(digit, 30)}
        assert {e.index for e in examples} <= clean

        def aspect(e):
            rows, cols = np.divmod(np.flatnonzero(e.masks[0]), 28)
            return (np.ptp(rows) + 1) / (np.ptp(cols) + 1)

        ratios = [aspect(e) for e in examples]
        assert ratios == sorted(ratios) and ratios[-1] > 1.3 * ratios[0], "from a wide loop to a tall one"


def test_square_window_holds_the_whole_part_inside_the_grid(example):
    for mask in (*example.masks, dp.ink_mask(example.pixels)):
        r0, r1, c0, c1 = square_window(mask, pad=1, at_least=7)
        assert r1 - r0 == c1 - c0 >= 7 and 0 <= r0 and r1 <= 28 and 0 <= c0 and c1 <= 28
        rows, cols = np.nonzero(grid(mask))
        assert r0 <= rows.min() and rows.max() < r1 and c0 <= cols.min() and cols.max() < c1


def test_a_zoomed_tile_draws_the_real_pixels_of_its_window():
    nine = dp.first_clean_example(9)
    loop = nine.masks[0]
    r0, r1, c0, c1 = window = square_window(loop)
    tile = window_tile(nine.pixels, [(loop, PART_COLORS[9][0])], window, side=1.0, context=0.3)
    rgba = tile.rgba.astype(float)
    assert rgba.shape == (r1 - r0, c1 - c0, 4)
    values, part = grid(nine.pixels)[r0:r1, c0:c1], grid(loop)[r0:r1, c0:c1]
    np.testing.assert_allclose(rgba[part, 3] / 255, values[part], atol=0.5 / 255)  # the part at full strength
    np.testing.assert_allclose(rgba[~part, 3] / 255, 0.3 * values[~part], atol=0.5 / 255)  # the rest faint
    np.testing.assert_array_equal(rgba[part, :3], np.broadcast_to(rgb255(PART_COLORS[9][0]), (part.sum(), 3)))


@pytest.mark.render
def test_the_hoped_cascade_is_labelled_a_hope_and_the_real_one_is_the_network(chapter_run, net):
    from scenes.film.chapters import CHAPTERS

    run = chapter_run(CHAPTERS[4])
    scene = run.scene
    title = scene.cascade_group[-1]
    assert "hope" in title.text and "notournetwork" in title.text  # (manim's Text.text drops spaces)
    nine = dp.first_clean_example(9)
    acts = net.activations(nine.pixels)
    for layer in range(4):  # the real cascade: the diagram lit by the trained network's pass on that 9
        np.testing.assert_allclose(scene.diagram.fill_opacities(layer), acts[layer][scene.diagram.drawn_indices(layer)],
                                   atol=1e-6)
    # the neurons the hope was pinned on (the measured ones), named in the real network with their real activations
    assert scene.hoped == [examples.part_neuron(net, name) for name in HOPE_NAMES]
    for name, j in zip(HOPE_NAMES, scene.hoped):
        assert scene.hope_readings[name] == pytest.approx(acts[2][j])
    for name, card in (("line", scene.card),):  # the card left on screen: the line neuron's two means, written
        with_part, without_part = examples.part_means(net, name)
        j = examples.part_neuron(net, name)
        numbers = [number.text for _, number in card.bars]
        assert numbers == [f"{with_part[j]:.2f}", f"{without_part[j]:.2f}"]

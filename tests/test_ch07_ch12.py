"""Chapters 7 to 12: every count, image, weight and value shown comes from the shipped network."""
import numpy as np
import pytest

import nn
from scenes.chapters import ch07_counting as ch07
from scenes.chapters import ch08_learning as ch08
from scenes.chapters import ch09_notation as ch09
from scenes.chapters import ch10_recap as ch10
from scenes.chapters import ch11_learned_weights as ch11
from scenes.chapters import ch12_relu as ch12
from scenes.content.digit_input import ENV_DIGIT, mnist_input
from scenes.content.examples import accuracy_on_test_set, first_misread, images_with_new_labels
from scenes.film.chapters import CHAPTERS
from tests.conftest import run_final_state


# --- chapter 7 ---------------------------------------------------------------------------------
def test_ch07_tally_adds_up_to_the_parameter_count(net):
    weights = sum(a * b for a, b in ch07.weight_terms(net))
    biases = sum(ch07.bias_terms(net))
    assert ch07.weight_terms(net) == [(784, 16), (16, 16), (16, 10)]
    assert weights + biases == net.n_parameters == 13_002
    assert ch07.thousands(net.n_parameters) == "13{,}002"


def test_ch07_tally_follows_another_network():
    other = nn.Network([784, 30, 10])
    assert ch07.weight_terms(other) == [(784, 30), (30, 10)] and ch07.bias_terms(other) == [30, 10]


def test_ch07_the_weight_turned_pushes_the_answer_most_and_turning_it_lowers_the_answer(net):
    """"Turn any of them, and the network behaves a little differently": a real weight, a real forward pass."""
    pixels = nn.test_image(0)[0]
    activations = net.activations(pixels)
    answer, source = ch07.turned_weight(net, pixels, list(range(net.sizes[-2])))
    assert answer == int(np.argmax(activations[-1]))
    assert source == int(np.argmax(np.abs(net.weights[-1][answer] * activations[-2])))
    before = net.weights[-1][answer, source]
    after = ch07.outputs_without(net, pixels, answer, source)
    assert net.weights[-1][answer, source] == before != 0, "the shipped network itself is untouched"
    assert 0.05 < activations[-1][answer] - after[answer] < 0.5, "a little differently"


# --- chapter 8 ---------------------------------------------------------------------------------
def test_ch08_mistake_is_the_lowest_misread_test_image(net):
    index = first_misread(net)
    test = nn.load_split("test")
    assert net.predict(test.images[index]) != test.labels[index]
    assert all(net.predict(test.images[i]) == test.labels[i] for i in range(index))
    assert ch08.wrong_example(net).source == f"MNIST test #{index}"


def test_ch08_user_digit_is_used_only_when_it_is_misread(net, monkeypatch):
    monkeypatch.setenv(ENV_DIGIT, "0")  # read correctly: the default mistake instead
    assert ch08.wrong_example(net).source == f"MNIST test #{first_misread(net)}"
    wrong = next(i for i in range(first_misread(net) + 1, 10_000)
                 if net.predict(nn.test_image(i)[0]) != nn.test_image(i)[1])
    monkeypatch.setenv(ENV_DIGIT, str(wrong))
    assert ch08.wrong_example(net).source == f"MNIST test #{wrong}"


def test_ch08_pushes_are_activation_times_weight(net):
    pixels = nn.test_image(first_misread(net))[0]
    answer = int(net.predict(pixels))
    a2 = net.activations(pixels)[2]
    np.testing.assert_allclose(ch08.pushes(net, pixels, answer), [a2[j] * net.weights[2][answer, j] for j in range(16)])
    # together with the bias they make the wrong output's weighted sum
    z = ch08.pushes(net, pixels, answer).sum() + net.biases[2][answer]
    assert z == pytest.approx(net.weighted_sums(pixels)[-1][answer])


def test_ch08_dials_show_real_parameters(net):
    params = ch08.dial_parameters(net)
    for layer in ch08.DIAL_LAYERS:  # per hidden layer: weights into its neuron 0, then that neuron's bias
        row = [(k, v) for la, k, v in params if la == layer]
        assert row[-1] == ("b", pytest.approx(net.biases[layer - 1][0]))
        weights = [v for k, v in row if k == "w"]
        assert len(weights) == ch08.N_WEIGHT_DIALS
        assert all(np.isclose(v, net.weights[layer - 1][0]).any() for v in weights)
    # one scale for every dial, wide enough for each of them, stated as a whole number
    scale = ch08.dial_scale(params)
    assert scale == int(np.ceil(max(abs(v) for _, _, v in params)))
    assert len(params) == 12 and net.n_parameters - len(params) == 12_990  # "twelve thousand nine hundred ninety more"


def test_ch08_dial_needle_follows_its_value_on_the_shared_scale():
    dial = ch08.Dial(0.0, 4, ch08.style.W_COLOR)
    up = dial.needle.get_end() - dial.needle.get_start()
    assert abs(up[0]) < 1e-9 and up[1] > 0  # zero points straight up
    dial.set_value(-4.0)  # the end of the scale: turned the whole half-arc to the left, below level
    end = dial.needle.get_end() - dial.needle.get_start()
    assert end[0] < 0 and end[1] < 0
    dial.set_value(2.0)
    half = dial.needle.get_end() - dial.needle.get_start()
    assert np.degrees(np.arctan2(half[0], half[1])) == pytest.approx(np.degrees(ch08.DIAL_ARC) / 4)
    assert dial.number.get_value() == pytest.approx(2.0)


def test_ch08_what_makes_a_suspect_fire_is_computed_from_the_test_set(net):
    test = nn.load_split("test")
    pixels = nn.test_image(first_misread(net))[0]
    answer = int(net.predict(pixels))
    values = ch08.pushes(net, pixels, answer)
    chosen = ch08.suspects(values)
    assert sorted(chosen, key=lambda j: -values[j]) == list(np.argsort(-values)[:ch08.N_SUSPECTS])
    for j in chosen:
        acts = net.activations(test.images)[-2][:, j]
        firing = ch08.firing_images(net, j)
        assert (acts[firing] > ch08.FIRING).all() or len(firing) == ch08.MIN_FIRING_IMAGES
        assert ch08.firing_counts(net, j).sum() == len(firing)
        average = ch08.firing_average(net, j)
        assert average.max() == pytest.approx(1.0)
        np.testing.assert_allclose(average * test.images[firing].mean(axis=0).max(), test.images[firing].mean(axis=0),
                                   atol=1e-6)


def test_ch08_dials_are_coloured_by_the_sign_of_their_weight():
    """A weight's number, needle and face are green when positive and red when negative (also while turning);
    a bias dial stays blue."""
    for value in (-1.46, -0.19, 0.0, 0.41, 3.01):
        dial = ch08.Dial(value, 4)
        want = ch08.style.weight_color(round(value, 2))
        assert dial.number.get_color() == want and dial.needle.get_color() == want
        assert dial.disc.get_fill_color() == want
        assert dial.disc.get_fill_opacity() == pytest.approx(ch08.FACE_OPACITY * abs(value) / 4)
    dial = ch08.Dial(0.5, 4)
    dial.set_value(-0.5)  # crossing zero while a needle turns: the colour follows
    assert dial.number.get_color() == ch08.style.NEGATIVE_WEIGHT_COLOR
    bias = ch08.Dial(-0.37, 4, ch08.style.B_COLOR)
    assert bias.number.get_color() == ch08.style.B_COLOR


def test_ch08_learning_starts_from_the_recipes_random_weights(net):
    from nn.train import Recipe

    recipe = Recipe()
    start = nn.Network(list(net.sizes), seed=recipe.seed, init=recipe.init, hidden=recipe.hidden)
    shown = ch08.random_start_parameters(net)
    assert shown == [v for _, _, v in ch08.dial_parameters(start)]
    assert shown != [v for _, _, v in ch08.dial_parameters(net)]


def test_ch08_the_finding_told_is_the_networks(net):
    """The narration of the last beat, recomputed here from the network: the longest bar is neuron 7 of the second
    hidden layer; of the test images it fires on (> 0.9) most are sixes and fives; its weight into 6 is large and into
    5 small, so it pushes this 5 towards 6."""
    scene = run_final_state(ch08.HowLearningRelates)
    test = nn.load_split("test")
    index = first_misread(net)
    pixels, label = nn.test_image(index)
    answer = int(net.predict(pixels))
    a2 = net.activations(pixels)[2]
    focus = int(np.argmax(a2 * net.weights[2][answer]))
    fires = np.flatnonzero(net.activations(test.images)[2][:, focus] > ch08.FIRING)
    counts = np.bincount(test.labels[fires], minlength=10)
    first, second = np.argsort(-counts, kind="stable")[:2]
    finding = scene.finding
    assert finding == {"focus": focus, "n_fires": len(fires), "first": int(first), "second": int(second),
                       "n_first": int(counts[first]), "n_second": int(counts[second]), "answer": answer, "label": label,
                       "w_answer": pytest.approx(net.weights[2][answer, focus]),
                       "w_label": pytest.approx(net.weights[2][label, focus])}
    # what the voice says it means: a shape these two digits share (most of its firing images), pushed to the answer
    assert {finding["first"], finding["second"]} == {answer, label}
    assert (counts[first] + counts[second]) / len(fires) > 0.9
    assert finding["w_answer"] > 2.0 and abs(finding["w_label"]) < 0.5, "strongly towards 6, hardly towards 5"
    # the real images shown are ones it fires on, of those two digits, lowest index first
    for digit, shown in zip((first, second), scene.firing_shown):
        assert shown == [int(i) for i in fires if test.labels[i] == digit][:ch08.N_FIRING_SHOWN]


# --- chapter 9 ---------------------------------------------------------------------------------
def test_ch09_small_network_is_a_real_8_to_6_network_with_biases():
    net = ch09.small_network()
    assert net.sizes == (8, 6) and np.abs(net.biases[0]).min() > 0


def test_ch09_code_line_computes_a_layer_of_any_network(net):
    x = nn.test_image(0)[0]
    np.testing.assert_allclose(ch09.run_code_line(net.weights[0], x, net.biases[0]), net.activations(x)[1])
    small = ch09.small_network()
    x8 = x[list(ch09.SMALL_INPUT_PIXELS)]
    assert ch09.values_line(small.activations(x8)[1]).count(".") == 6


# --- chapter 10 ----------------------------------------------------------------------------------
def test_ch10_images_start_with_the_chosen_input_and_have_new_labels(net):
    images = images_with_new_labels(net, mnist_input(ch10.DEFAULT_INDEX), ch10.N_IMAGES)
    assert images[0].source == "MNIST test #9925" and len({d.label for d in images}) == 3
    values = ch10.neuron_values(net, images, ch10.most_varying_neuron(net, images))
    assert max(values) - min(values) > 0.5, "the same neuron, clearly different numbers"


def test_ch10_varied_handwriting_is_the_same_digit_and_not_the_example():
    digit = mnist_input(ch10.DEFAULT_INDEX)
    indices = ch10.varied_examples(digit)
    labels = nn.load_split("test").labels
    assert len(indices) == ch10.N_VARIED and ch10.DEFAULT_INDEX not in indices
    assert set(labels[indices]) == {digit.label}


# --- chapter 11 ----------------------------------------------------------------------------------
def test_ch11_hopes_are_hand_made_edge_detectors():
    hopes = ch11.hoped_edges()
    assert hopes.shape == (4, 784) and set(np.unique(hopes)) == {-1.0, 0.0, 1.0}


def test_ch11_loop_preference_is_computed_on_the_test_images(net):
    loopy, plain = ch11.loop_preference(net)
    test = nn.load_split("test")
    a2 = net.activations(test.images)[2]
    np.testing.assert_allclose(loopy, a2[np.isin(test.labels, [0, 6, 8, 9])].mean(axis=0))
    np.testing.assert_allclose(plain, a2[np.isin(test.labels, [1, 4, 7])].mean(axis=0))
    best = int(np.argmax(loopy - plain))
    top = ch11.top_images(net, best)
    assert a2[top, best].min() >= np.sort(a2[:, best])[-len(top)]


def test_ch11_comes_back_to_the_loop_neuron_chapter_5_ringed(net):
    """ "Neuron N of the second hidden layer, the one chapter five ringed": the same neuron, by the same measure."""
    from scenes.chapters import ch05_why_layers as ch05

    loopy, plain = ch11.loop_preference(net)
    best = int(np.argmax(loopy - plain))
    scene = run_final_state(ch05.WhyLayers)
    assert scene.hoped[0] == best == ch11.part_neuron(net, "loop")
    # "some neurons do favour loopy digits": those boxed, recomputed
    assert ch11.loop_favourers(net) == [int(j) for j in np.flatnonzero(loopy - plain >= ch11.FAVOUR)]
    assert len(ch11.loop_favourers(net)) >= 2 and best in ch11.loop_favourers(net)


def test_ch11_stroke_like_neuron_has_the_most_concentrated_weights(net):
    w2 = net.weights[0] ** 2
    k = round(ch11.STRONGEST_SHARE * w2.shape[1])
    share = np.sort(w2, axis=1)[:, -k:].sum(axis=1) / w2.sum(axis=1)
    assert ch11.stroke_like_neuron(net) == int(np.argmax(share))


def test_ch11_cost_runs_downhill_from_random_to_trained_weights(net):
    ts, costs = ch11.cost_path()
    assert ts[0] == 0.0 and ts[-1] == 1.0 and (np.diff(costs) < 0).all()
    test = nn.load_split("test")
    x, y = test.images[:ch11.N_COST_IMAGES], np.eye(10)[test.labels[:ch11.N_COST_IMAGES]]
    assert costs[-1] == pytest.approx(0.5 * np.sum((net.forward(x) - y) ** 2) / len(x))


def test_ch11_accuracy_is_computed_on_the_test_set(net):
    test = nn.load_split("test")
    assert accuracy_on_test_set() == pytest.approx(float(np.mean(net.predict(test.images) == test.labels)))


# --- chapter 12 ----------------------------------------------------------------------------------
def test_ch12_curves_are_nn_functions_and_their_slopes():
    plot = ch12.FunctionPlot(nn.sigmoid, ch12.X_RANGE, ch12.Y_RANGE)
    for x in (-3.0, 0.0, 2.5):
        assert plot.value(x) == pytest.approx(float(nn.sigmoid(x)))
    inactive, identity = ch12.relu_pieces(plot)
    axes = plot.axes
    assert all(abs(axes.p2c(p)[1]) < 1e-6 for p in inactive.points)
    assert all(abs(axes.p2c(p)[1] - axes.p2c(p)[0]) < 1e-6 for p in identity.points)


def test_ch12_slopes_and_their_products_are_computed():
    from nn.network import sigmoid_prime

    tex, value = ch12.slope_product(float(sigmoid_prime(0.0)))
    assert value == pytest.approx(0.25 ** 3) and tex.endswith("= 0.016") and tex.count("0.25") == 3
    assert ch12.slope_product(1.0) == (r"1 \times 1 \times 1 = 1", 1.0)
    plot = ch12.FunctionPlot(nn.sigmoid, ch12.SIGMOID_X_RANGE, ch12.SIGMOID_Y_RANGE)
    line = plot.tangent(2.0, float(sigmoid_prime(2.0)))
    (x0, y0), (x1, y1) = plot.axes.p2c(line.get_start())[:2], plot.axes.p2c(line.get_end())[:2]
    assert (y1 - y0) / (x1 - x0) == pytest.approx(float(sigmoid_prime(2.0)), rel=1e-6)


# --- rendered ------------------------------------------------------------------------------------
@pytest.mark.render
def test_ch09_our_network_shows_the_real_first_hidden_layer(chapter_run, net):
    scene = chapter_run(CHAPTERS[8]).scene
    from scenes.content.examples import HERO_INDEX

    np.testing.assert_allclose(scene.first_layer_fills, net.activations(nn.test_image(HERO_INDEX)[0])[1], atol=1e-6)
    small = ch09.small_network()
    x8 = nn.test_image(HERO_INDEX)[0][list(ch09.SMALL_INPUT_PIXELS)]
    np.testing.assert_allclose(scene.sums, small.weights[0] @ x8)  # the sums W a written as a column
    shown = [e.get_tex_string() for e in scene.bias_column.get_entries()]
    assert shown == ch09.shown_entries(net.biases[0])


@pytest.mark.render
def test_ch10_values_written_are_the_neurons_real_activations(chapter_run, net):
    scene = chapter_run(CHAPTERS[9]).scene
    from manim import MathTex

    numbers = [m for m in scene.thumbs if isinstance(m, MathTex)]
    assert [float(m.get_tex_string()) for m in numbers] == [pytest.approx(v, abs=0.005) for v in scene.values]
    outputs = net.forward(scene.images[0].pixels)
    shown = [float(row.get_tex_string().split("=")[1]) for row in scene.machine_outputs]
    np.testing.assert_allclose(shown, outputs, atol=0.005)


@pytest.mark.render
def test_ch11_shows_both_layers_from_the_network(chapter_run, net):
    scene = chapter_run(CHAPTERS[10]).scene
    grids = scene.page[0]
    np.testing.assert_array_equal(np.stack([g.weights for g in grids]), net.weights[0])  # all 16 at once
    chart = scene.test_group[0]
    loopy, plain = ch11.loop_preference(net)
    np.testing.assert_allclose([bar.height / ch11.BAR_HEIGHT for bar in chart[0]], loopy, atol=1e-6)
    # weight pictures read at least a third of the frame high: the hopes side by side, one neuron enlarged
    assert ch11.HOPE_READ_SIDE >= 8 / 3 and scene.enlarged[0].height >= 8 / 3
    np.testing.assert_array_equal(scene.enlarged[0].weights, net.weights[0][ch11.stroke_like_neuron(net)])


@pytest.mark.render
def test_ch07_final_state_tally_is_the_networks(net):
    scene = run_final_state(ch07.CountingParameters)
    ledger = scene.ledger
    assert ledger.bias_line[0].get_tex_string() == " + ".join(str(n) for n in ch07.bias_terms(net))
    # every subtotal written is the product of its line, as the narration says it
    for line, (a, b) in zip(ledger.weight_lines, ch07.weight_terms(net)):
        assert line[0].get_tex_string() == rf"{a} \times {b}"
        assert line[2].get_tex_string() == ch07.thousands(a * b)
    assert [line[2].get_tex_string() for line in ledger.weight_lines] == ["12{,}544", "256", "160"]
    assert ledger.weights_total[2].get_tex_string() == ch07.thousands(net.n_weights) == "12{,}960"
    assert ledger.bias_line[2].get_tex_string() == str(net.n_biases) == "42"
    assert ledger.total[2].get_tex_string() == ch07.thousands(net.n_parameters)
    pixels = nn.test_image(ch07.EXAMPLE_INDEX)[0]
    answer, source = ch07.turned_weight(net, pixels, list(range(net.sizes[-2])))
    before, after = net.activations(pixels)[-1][answer], ch07.outputs_without(net, pixels, answer, source)[answer]
    assert [m.get_tex_string() for m in scene.outputs_shown] == [f"{before:.2f}", f"{after:.2f}"]


@pytest.mark.render
def test_ch09_captions_play_with_the_animations_they_describe(monkeypatch):
    """A beat's caption changes in the same play as the beat's first animation: never in a play of its
    own right before it (which showed the words first and the picture after)."""
    from scenes.runtime.narrated_scene import NarratedScene

    plays: list[list[str]] = []
    original = NarratedScene.play

    def recording_play(self, *animations, **kwargs):
        own = [type(a).__name__ for a in animations] or ["(nothing of its own)"]
        plays.append(own + [type(a).__name__ for a in self._pending])
        return original(self, *animations, **kwargs)

    monkeypatch.setattr(NarratedScene, "play", recording_play)
    scene = run_final_state(ch09.LinearAlgebraNotation)
    assert sum(names.count("CaptionChange") for names in plays) == len(scene.script().beats)
    for names, following in zip(plays, plays[1:]):
        if names[0] == "(nothing of its own)":
            assert following == ["Wait"], f"a caption on its own, then {following}"

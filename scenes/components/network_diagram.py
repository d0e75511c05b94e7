"""The network as columns of neurons and edges, drawn from any ``nn.Network`` and lit by real passes.

Layer ``l`` is column ``l`` (0 = input); edge group ``g`` joins layer ``g`` to layer ``g + 1``,
so the incoming edges of layer ``l`` are ``edges[l - 1]``. Every fill opacity shown comes from
``Network.activations``; nothing is scripted.

Render cost: edges are drawn once and stay static during a forward pass; the feed-forward
flash of one edge group is ONE VMobject whose points are recomputed per frame, so a pass
redraws only that flash, the neurons, the labels and the box. Add big static mobjects (a
PixelImage) to the scene *before* the diagram, so the renderer keeps them in its static frame.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from manim import (
    LEFT,
    RIGHT,
    Animation,
    Brace,
    Circle,
    Line,
    ManimColor,
    MathTex,
    Succession,
    SurroundingRectangle,
    VGroup,
    VMobject,
    linear,
)

import nn
from scenes.content.narration import screen_text

from . import style
from .labels import highlight_box
from .neuron import neuron

# --- which 16 of the 784 input pixels the input column draws -------------------------------
#: The 784-neuron input column draws these pixels (row-major indices into the 28×28 image,
#: i = 28·row + col), top neuron first. They are the 16 pixels of highest variance over the
#: MNIST training set, chosen greedily (most variable first) with no two closer than 4 pixels
#: in both directions (Chebyshev distance ≥ 4), so they spread over the strokes' area instead
#: of clustering; then sorted row-major so the column reads top to bottom like the image.
#: Border pixels, always black, are never shown. ``compute_input_pixels_shown()`` re-derives
#: this tuple from the data (a test checks they agree).
INPUT_PIXELS_SHOWN: tuple[int, ...] = (
    151, 183, 243, 259, 263, 374, 378, 382, 482, 486, 490, 522, 595, 627, 631, 635,
)
INPUT_PIXEL_MIN_DISTANCE = 4


def compute_input_pixels_shown(
    images: np.ndarray | None = None, n: int = 16, min_distance: int = INPUT_PIXEL_MIN_DISTANCE
) -> tuple[int, ...]:
    """The rule behind ``INPUT_PIXELS_SHOWN``: greedy highest-variance pixels, spaced, row-major.

    Args:
        images: (n_images, 784) pixels; default the MNIST training set (loading it takes ~2 s).
        n: how many pixels to choose.
        min_distance: the least Chebyshev distance (in pixels) between two chosen pixels.

    Example:
        shown = compute_input_pixels_shown(n=8)
        diagram = NetworkDiagram(net, max_drawn=8, input_pixels=shown)
    """
    if images is None:
        images = nn.load_mnist().train.images
    variance = np.asarray(images, dtype=np.float64).var(axis=0)
    chosen: list[int] = []
    for i in np.argsort(-variance, kind="stable"):
        r, c = divmod(int(i), nn.IMAGE_SIDE)
        if all(max(abs(r - q // nn.IMAGE_SIDE), abs(c - q % nn.IMAGE_SIDE)) >= min_distance for q in chosen):
            chosen.append(int(i))
            if len(chosen) == n:
                break
    return tuple(sorted(chosen))


def layer_name(layer: int, n_layers: int) -> str:
    """The film's one naming of the layers: "input layer", "first hidden layer", …, "output layer".

    Args:
        layer: the layer's index (0 = input).
        n_layers: how many layers the network has, input and output included.

    Example:
        name = layer_name(1, len(net.sizes))   # "first hidden layer"
        self.add(label_next_to(diagram.layers[1], name))
    """
    if layer == 0:
        return screen_text("input_layer")
    if layer == n_layers - 1:
        return screen_text("output_layer")
    return screen_text("hidden_layer", n=layer)


def layer_symbol(layer: int) -> str:
    """The TeX of the activations of ``layer``: a^{(0)} for the input layer, and so on.

    Args:
        layer: the layer's index (0 = input).

    Example:
        symbol = MathTex(layer_symbol(2))   # a^{(2)}
        self.add(symbol.next_to(diagram.layers[2], UP))
    """
    return f"a^{{({layer})}}"


def drawn_neuron_indices(
    size: int, layer: int, max_drawn: int = style.MAX_DRAWN_NEURONS,
    input_pixels: Sequence[int] = INPUT_PIXELS_SHOWN,
) -> list[int]:
    """True indices of the neurons drawn for a layer of ``size`` neurons, top to bottom.

    Small layers draw all; a 784-neuron input layer draws ``input_pixels``; any other big
    layer draws its first and last ``max_drawn // 2`` neurons.

    Args:
        size: how many neurons the layer has.
        layer: the layer's index (0 = input).
        max_drawn: the most neurons a column draws.
        input_pixels: the pixels a 784-neuron input column draws (``max_drawn`` of them).

    Example:
        drawn_neuron_indices(100, 1)   # [0, …, 7, 92, …, 99]
        drawn_neuron_indices(784, 0)   # INPUT_PIXELS_SHOWN
    """
    if size <= max_drawn:
        return list(range(size))
    if layer == 0 and size == nn.N_PIXELS and len(input_pixels) == max_drawn:
        return [int(i) for i in input_pixels]
    half = max_drawn // 2
    return list(range(half)) + list(range(size - (max_drawn - half), size))


class NetworkDiagram(VGroup):
    """Columns of hollow neurons (fill opacity = activation) joined by edges, for any network.

    Submobjects: ``edges``, ``annotations`` (labels, braces, ellipses), ``foreground`` (neurons,
    flashes, box: what a pass changes). Handy views, not submobjects: ``layers[l]`` (neurons,
    ellipsis and brace of layer l, e.g. to fade a layer in). Parts: ``neurons[l]``
    (the drawn Circles), ``edges[g]`` (Lines, grouped by target neuron then source, top to
    bottom), ``output_labels``, ``braces`` (dict layer → brace with its label), ``ellipses``
    (dict layer → ⋮), ``highlight`` (the prediction box; empty until a pass ends).

    Args:
        network: the ``nn.Network`` to draw; every weight and activation shown comes from it.
        layer_gap: horizontal distance between layer centres.
        neuron_radius: the neurons' radius.
        neuron_gap: vertical space between neighbouring neurons.
        max_drawn: the most neurons a column draws (a bigger layer: half, ⋮, half, and a brace).
        input_pixels: the pixels a 784-neuron input column draws, top first.
        output_labels: True writes 0, 1, … beside the outputs; a sequence gives the words; False none.
        center: where the diagram is centred.
        kwargs: passed to ``VGroup``.

    Example:
        diagram = NetworkDiagram(net)
        self.add(diagram)
        self.play(diagram.forward_pass(pixels))   # real activations, answer boxed
        self.play(diagram.animate.color_edges_by_weights())
    """

    def __init__(
        self,
        network: nn.Network,
        *,
        layer_gap: float = style.LAYER_GAP,
        neuron_radius: float = style.NEURON_RADIUS,
        neuron_gap: float = style.NEURON_GAP,
        max_drawn: int = style.MAX_DRAWN_NEURONS,
        input_pixels: Sequence[int] = INPUT_PIXELS_SHOWN,
        output_labels: bool | Sequence[str] = True,
        center: np.ndarray = style.DIAGRAM_CENTER,
        **kwargs,
    ) -> None:
        super().__init__(**kwargs)
        self.network = network
        self.sizes: tuple[int, ...] = tuple(network.sizes)
        self.neuron_radius = neuron_radius
        self._drawn = [
            drawn_neuron_indices(n, layer, max_drawn, input_pixels) for layer, n in enumerate(self.sizes)
        ]
        self._position = [{idx: k for k, idx in enumerate(d)} for d in self._drawn]
        self.activations_shown: list[np.ndarray] | None = None

        self.neurons = VGroup()
        self.layers = VGroup()
        self.ellipses: dict[int, VMobject] = {}
        self.braces: dict[int, VGroup] = {}
        for layer, size in enumerate(self.sizes):
            self._build_layer(layer, size, layer * layer_gap, neuron_radius, neuron_gap, max_drawn)

        self.edges = VGroup()
        self._edge_pairs: list[np.ndarray] = []
        for g in range(len(self.sizes) - 1):
            self._build_edges(g)
        self.reset_edges()

        self.output_labels = VGroup()
        if output_labels is not False:
            last = len(self.sizes) - 1
            texts = (
                [str(i) for i in self._drawn[last]] if output_labels is True
                else [str(output_labels[i]) for i in self._drawn[last]]
            )
            tex = MathTex(*texts, font_size=style.FONT_SIZE_LABEL)
            for part, neuron in zip(tex, self.neurons[last]):
                part.next_to(neuron, RIGHT, buff=style.LABEL_BUFF)
            self.output_labels = VGroup(*tex)

        # one empty VMobject per edge group: the travelling yellow flash of a forward pass
        self.flashes = VGroup(*(
            VMobject().set_stroke(style.FLASH_COLOR, style.FLASH_WIDTH).set_fill(opacity=0)
            for _ in self._edge_pairs
        ))
        self.highlight = VMobject().set_stroke(style.HIGHLIGHT_COLOR, style.HIGHLIGHT_WIDTH).set_fill(opacity=0)
        # paint order: edges, then the static labels, then ``foreground`` = what a pass changes
        # (neurons, flashes, box). Edges stop at the circles' rims, so the flash never crosses a
        # neuron. Pass animations target ``foreground`` (already in the scene's family, so manim
        # adds nothing new) and manim keeps everything before it in its static frame.
        self.annotations = VGroup(self.output_labels, *self.ellipses.values(), *self.braces.values())
        self.foreground = VGroup(self.neurons, self.flashes, self.highlight)
        self.add(self.edges, self.annotations, self.foreground)
        self.move_to(center)

    # --- construction -------------------------------------------------------------------
    def _build_layer(self, layer: int, size: int, x: float, r: float, gap: float, max_drawn: int) -> None:
        drawn = self._drawn[layer]
        split = size > max_drawn
        half = max_drawn // 2
        ys, y = [], 0.0
        for k in range(len(drawn)):
            if k > 0:
                y -= 2 * r + gap + (style.ELLIPSIS_GAP if split and k == half else 0.0)
            ys.append(y)
        mid = (ys[0] + ys[-1]) / 2
        template = neuron(0.0, radius=r)
        column = VGroup(*(template.copy().move_to([x, yk - mid, 0.0]) for yk in ys))
        self.neurons.add(column)
        parts = VGroup(column)
        if split:
            dots = MathTex(r"\vdots", font_size=style.FONT_SIZE_LABEL * 1.4)
            dots.move_to((column[half - 1].get_center() + column[half].get_center()) / 2)
            self.ellipses[layer] = dots
            brace = Brace(column, LEFT, buff=style.BRACE_BUFF)
            label = MathTex(str(size), font_size=style.FONT_SIZE_LABEL)
            label.next_to(brace, LEFT, buff=style.LABEL_BUFF)
            self.braces[layer] = VGroup(brace, label)
            parts.add(dots, self.braces[layer])
        self.layers.add(parts)

    def _build_edges(self, g: int) -> None:
        sources, targets = self.neurons[g], self.neurons[g + 1]
        pairs, lines = [], []
        for kt, t in enumerate(self._drawn[g + 1]):
            for ks, s in enumerate(self._drawn[g]):
                a, b = sources[ks].get_center(), targets[kt].get_center()
                lines.append(Line(a, b, buff=self.neuron_radius))
                pairs.append((t, s))
        self.edges.add(VGroup(*lines))
        self._edge_pairs.append(np.array(pairs, dtype=int).reshape(-1, 2))

    # --- queries ------------------------------------------------------------------------
    def drawn_indices(self, layer: int) -> list[int]:
        """True neuron indices drawn in ``layer``, top to bottom."""
        return list(self._drawn[layer])

    def neuron(self, layer: int, index: int) -> Circle:
        """The circle of neuron ``index`` (true index) of ``layer``; KeyError if not drawn."""
        return self.neurons[layer][self._position[layer][index]]

    def fill_opacities(self, layer: int) -> np.ndarray:
        """Current fill opacity of each drawn neuron of ``layer``, top to bottom."""
        return np.array([c.get_fill_opacity() for c in self.neurons[layer]], dtype=float)

    def edge_pairs(self, group: int) -> np.ndarray:
        """(n_edges, 2) array of (target, source) true indices, in the order of ``edges[group]``."""
        return self._edge_pairs[group].copy()

    def edge_weights(self, group: int) -> np.ndarray:
        """The real weight behind each drawn edge of ``group``, in the order of ``edges[group]``."""
        t, s = self._edge_pairs[group].T
        return self.network.weights[group][t, s]

    def incoming_edges(self, layer: int, index: int) -> VGroup:
        """The drawn edges into neuron ``index`` of ``layer`` (layer ≥ 1)."""
        pairs = self._edge_pairs[layer - 1]
        return VGroup(*(e for e, (t, _) in zip(self.edges[layer - 1], pairs) if t == index))

    def output_label(self, index: int) -> VMobject:
        """The digit label beside output neuron ``index``."""
        return self.output_labels[self._position[-1][index]]

    # --- activations --------------------------------------------------------------------
    def set_activations(self, activations: Sequence[np.ndarray]) -> NetworkDiagram:
        """Fill opacity of each drawn neuron := its activation (list from ``net.activations(x)``)."""
        if len(activations) != len(self.sizes):
            raise ValueError(f"expected {len(self.sizes)} layers of activations, got {len(activations)}")
        shown = []
        for layer, (a, column) in enumerate(zip(activations, self.neurons)):
            a = np.asarray(a, dtype=float)
            if a.shape != (self.sizes[layer],):
                raise ValueError(f"layer {layer}: expected shape ({self.sizes[layer]},), got {a.shape}")
            for circle, value in zip(column, a[self._drawn[layer]]):
                circle.set_fill(opacity=float(value))
            shown.append(a)
        self.activations_shown = shown
        return self

    def show_image(self, x: np.ndarray) -> NetworkDiagram:
        """Run the real forward pass on ``x`` (784,) and show every layer's activations."""
        return self.set_activations(self.network.activations(np.asarray(x, dtype=float)))

    def prediction_box(self, index: int) -> SurroundingRectangle:
        """A box around output neuron ``index`` and its label (a new mobject)."""
        target = VGroup(self.neuron(len(self.sizes) - 1, index))
        if len(self.output_labels):
            target.add(self.output_label(index))
        return highlight_box(target)

    def forward_pass(
        self,
        x: np.ndarray,
        layer_time: float = style.LAYER_PASS_TIME,
        input_time: float = style.INPUT_PASS_TIME,
        box_time: float = style.BOX_TIME,
        box: bool = True,
        from_layer: int = 0,
        quick: bool = False,
    ) -> Succession:
        """The feed-forward animation of the real pass on ``x`` (from ``from_layer``: 1 when the
        input column already shows ``x``, see :meth:`light_input`).

        Input column lights up (other layers and any old box fade out), then per layer a
        yellow flash runs over its incoming edges, lagged top to bottom, while its fills change
        to the genuine activations; finally the brightest output and its label get a box.
        ``activations_shown`` becomes the pass's activations when the animation has played.
        ``quick``: the times of ``style.QUICK_PASS_TIMES`` (for passes the viewer has seen before).
        """
        if quick:
            layer_time, input_time, box_time = (style.QUICK_PASS_TIMES[k] for k in ("layer_time", "input_time",
                                                                                    "box_time"))
        acts = [np.asarray(a, dtype=float) for a in self.network.activations(np.asarray(x, dtype=float))]
        steps: list[Animation] = [_InputStep(self, acts[0], run_time=input_time)] if from_layer == 0 else []
        for g in range(max(0, from_layer - 1), len(self.edges)):
            steps.append(_LayerPass(self, g, acts[g + 1], run_time=layer_time))
        if box:
            steps.append(_DrawBox(self, self.prediction_box(int(np.argmax(acts[-1]))), run_time=box_time))
        return _ForwardPass(self, acts, *steps, group=self.foreground)

    def light_input(self, x: np.ndarray, run_time: float = style.INPUT_PASS_TIME) -> Animation:
        """Only the first step of a pass: the input column shows ``x`` (the rest goes dark)."""
        return _InputStep(self, np.asarray(x, dtype=float), run_time=run_time)

    # --- edge styles --------------------------------------------------------------------
    def reset_edges(self) -> NetworkDiagram:
        """All edges thin and neutral (the default look)."""
        self.edges.set_stroke(style.EDGE_COLOR, style.EDGE_WIDTH, opacity=style.EDGE_OPACITY)
        return self

    def edge_weight_strokes(
        self,
        group: int,
        positive_color: ManimColor = style.POSITIVE_WEIGHT_COLOR,
        negative_color: ManimColor = style.NEGATIVE_WEIGHT_COLOR,
        min_width: float = style.EDGE_MIN_WIDTH,
        max_width: float = style.EDGE_MAX_WIDTH,
    ) -> list[tuple[ManimColor, float]]:
        """(colour, width) of each drawn edge of ``group`` by its real weight (``style.weight_stroke``): the
        sign picks the colour, and width = min_width + (max_width − min_width)·|w| / (largest drawn |w| of the group)."""
        w = self.edge_weights(group)
        largest = float(np.max(np.abs(w))) or 1.0
        return [style.weight_stroke(float(value), largest, min_width, max_width, positive_color, negative_color)
                for value in w]

    def color_edges_by_weights(self, groups: Sequence[int] | None = None,
                               opacity: float = style.EDGE_WEIGHT_OPACITY, **colors: ManimColor) -> NetworkDiagram:
        """Colour every drawn edge of ``groups`` (default all) by its real weight (``edge_weight_strokes``)."""
        for g in range(len(self.edges)) if groups is None else groups:
            for line, (color, width) in zip(self.edges[g], self.edge_weight_strokes(g, **colors)):
                line.set_stroke(color, width, opacity=opacity)
        return self


# --- animations used by forward_pass (one per step, each a single cheap Animation) -------
def _ease(t: np.ndarray | float) -> np.ndarray:
    """Smooth start and stop (3t² − 2t³), elementwise."""
    t = np.clip(t, 0.0, 1.0)
    return t * t * (3 - 2 * t)


def _lag_progress(alpha: float, n: int, share: float) -> np.ndarray:
    """Progress in [0, 1] of n items run top to bottom, each for ``share`` of the time."""
    if n <= 1:
        return np.array([alpha] * n, dtype=float)
    starts = np.arange(n) / (n - 1) * (1.0 - share)
    return np.clip((alpha - starts) / share, 0.0, 1.0)


class _ForwardPass(Succession):
    """The steps of one pass; when they have played, the diagram records what it shows."""

    def __init__(self, diagram: NetworkDiagram, activations: list[np.ndarray], *steps: Animation, **kwargs) -> None:
        self.diagram, self.activations = diagram, activations
        super().__init__(*steps, **kwargs)

    def begin(self) -> None:
        self.diagram.activations_shown = None  # mid-pass the fills show no single image
        super().begin()

    def finish(self) -> None:
        super().finish()
        self.diagram.activations_shown = self.activations


class _PassStep(Animation):
    """Base of the pass animations: they set fills and points directly, so no starting copy."""

    def create_starting_mobject(self) -> VMobject:
        return VMobject()


class _InputStep(_PassStep):
    """Input fills go to the pixels (lagged top to bottom); other layers and the old box fade."""

    def __init__(self, diagram: NetworkDiagram, inputs: np.ndarray, **kwargs) -> None:
        self.diagram = diagram
        self.targets = [np.asarray(inputs, dtype=float)[diagram.drawn_indices(0)]] + [
            np.zeros(len(column)) for column in diagram.neurons[1:]
        ]
        super().__init__(diagram.foreground, rate_func=linear, **kwargs)

    def begin(self) -> None:
        self.starts = [self.diagram.fill_opacities(layer) for layer in range(len(self.diagram.neurons))]
        self.box_opacity = self.diagram.highlight.get_stroke_opacity() if self.diagram.highlight.has_points() else 0
        super().begin()

    def interpolate_mobject(self, alpha: float) -> None:
        for layer, column in enumerate(self.diagram.neurons):
            start, target = self.starts[layer], self.targets[layer]
            t = _ease(_lag_progress(alpha, len(column), 0.5)) if layer == 0 else _ease(alpha)
            for circle, value in zip(column, start + (target - start) * t):
                circle.set_fill(opacity=float(value))
        box = self.diagram.highlight
        if alpha >= 1.0:
            box.clear_points()
        elif box.has_points():
            box.set_stroke(opacity=self.box_opacity * (1 - float(_ease(alpha))))


class _LayerPass(_PassStep):
    """A flash over edge group g (one VMobject), lagged by target neuron, while layer g+1 fills."""

    def __init__(self, diagram: NetworkDiagram, group: int, activations: np.ndarray, **kwargs) -> None:
        self.diagram, self.group = diagram, group
        self.column = diagram.neurons[group + 1]
        self.flash = diagram.flashes[group]
        self.targets = np.asarray(activations, dtype=float)[diagram.drawn_indices(group + 1)]
        super().__init__(diagram.foreground, rate_func=linear, **kwargs)

    def begin(self) -> None:
        lines = self.diagram.edges[self.group]
        self.a = np.array([line.get_start() for line in lines])
        self.b = np.array([line.get_end() for line in lines])
        position = self.diagram._position[self.group + 1]
        self.target_slot = np.array([position[t] for t in self.diagram.edge_pairs(self.group)[:, 0]])
        self.starts = self.diagram.fill_opacities(self.group + 1)
        super().begin()

    def interpolate_mobject(self, alpha: float) -> None:
        u = _lag_progress(alpha, len(self.column), style.FLASH_EDGE_SHARE)
        w = style.FLASH_TIME_WIDTH
        head = np.clip(u[self.target_slot] * (1 + w), 0, 1)[:, None]
        tail = np.clip(u[self.target_slot] * (1 + w) - w, 0, 1)[:, None]
        on = (head - tail)[:, 0] > 1e-3
        if on.any():
            p0 = self.a[on] + (self.b[on] - self.a[on]) * tail[on]
            p1 = self.a[on] + (self.b[on] - self.a[on]) * head[on]
            d = p1 - p0
            curves = np.stack([p0, p0 + d / 3, p0 + 2 * d / 3, p1], axis=1)
            self.flash.set_points(curves.reshape(-1, 3))
        else:
            self.flash.clear_points()
        fill = _ease((u - 0.35) / 0.65)  # neurons light as the flash arrives
        for circle, value in zip(self.column, self.starts + (self.targets - self.starts) * fill):
            circle.set_fill(opacity=float(value))


class _DrawBox(_PassStep):
    """Draw the prediction box into ``highlight`` (a Create-like stroke, never an added mobject)."""

    def __init__(self, diagram: NetworkDiagram, box: VMobject, **kwargs) -> None:
        self.box, self.highlight = box, diagram.highlight
        super().__init__(diagram.foreground, **kwargs)

    def begin(self) -> None:
        self.highlight.set_stroke(self.box.get_stroke_color(), self.box.get_stroke_width(), opacity=1.0)
        super().begin()

    def interpolate_mobject(self, alpha: float) -> None:
        if alpha <= 0:
            self.highlight.clear_points()
        else:
            self.highlight.pointwise_become_partial(self.box, 0, alpha)

"""Colour-coded algebra: weights green, bias blue, σ and its big parentheses yellow.

``WeightedSum`` writes ``σ( w₁a₁ + w₂a₂ + ⋯ + wₙaₙ + b )`` (any terms, with or without σ, bias
or left-hand side) as one MathTex whose parts can be picked by role, so a scene can move a
weight label into its term, box the bias, or wrap the sum in σ; ``build_weighted_sum`` assembles one
from copies of the weights and activations it multiplies. ``sigma_formula`` writes
σ(x) = 1 / (1 + e^(−x)). ``tag`` boxes a part and names it ("bias").
"""
from __future__ import annotations

from collections.abc import Sequence

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    Animation,
    AnimationGroup,
    FadeIn,
    FadeOut,
    LaggedStart,
    ManimColor,
    MathTex,
    ReplacementTransform,
    TransformFromCopy,
    VGroup,
    VMobject,
)

from . import style
from .labels import highlight_box, label_next_to

#: (weight, activation) TeX of one term; ``None`` stands for ``\cdots``
Term = tuple[str, str] | None

#: w₁a₁ + w₂a₂ + w₃a₃ + ⋯ + wₙaₙ
DEFAULT_TERMS: tuple[Term, ...] = (("w_1", "a_1"), ("w_2", "a_2"), ("w_3", "a_3"), None, ("w_n", "a_n"))

OPEN_PAREN = r"\Big("
CLOSE_PAREN = r"\Big)"


class WeightedSum(MathTex):
    """``lhs = σ( w a + w a + ⋯ ± bias )``, every part coloured by its role.

    Parts by role (lists of MathTex parts, in reading order): ``weights`` (green),
    ``activations``, ``plus_signs``, ``dots`` (the ⋯), ``bias`` (VGroup of sign and value,
    blue; empty without a bias), ``sigma`` (VGroup of σ and both parentheses, yellow; empty
    without σ), ``lhs`` (VGroup of the left-hand side and "="; empty without one).
    ``roles[i]`` names the role of part ``i`` ("lhs", "equals", "sigma", "open", "w", "a",
    "plus", "dots", "bias_sign", "bias", "close").

    Args:
        terms: (weight, activation) TeX pairs; ``None`` writes ⋯ (default w₁a₁ + w₂a₂ + w₃a₃ + ⋯ + wₙaₙ).
        bias: TeX of the bias with its sign, e.g. ``"+ b"`` or ``"-10"`` (a bare ``"b"`` means ``+ b``); None: no bias.
        sigma: wrap the sum in σ( … ).
        lhs: TeX of a left-hand side, written before "="; None: none.
        font_size: the size of the whole sum.
        weight_color: colour of the weights.
        bias_color: colour of the bias and its sign.
        sigma_color: colour of σ and its parentheses.
        kwargs: passed to ``MathTex``.

    Example:
        plain = WeightedSum(bias="b")
        self.play(Write(plain))
        self.play(plain.morph_into(WeightedSum(bias="b", sigma=True, lhs="a^{(1)}_0")))
    """

    def __init__(
        self,
        terms: Sequence[Term] = DEFAULT_TERMS,
        *,
        bias: str | None = None,
        sigma: bool = False,
        lhs: str | None = None,
        font_size: float = style.FONT_SIZE_BODY,
        weight_color: ManimColor = style.W_COLOR,
        bias_color: ManimColor = style.B_COLOR,
        sigma_color: ManimColor = style.SIGMA_COLOR,
        **kwargs,
    ) -> None:
        parts: list[str] = []
        roles: list[str] = []

        def put(tex: str, role: str) -> None:
            parts.append(tex)
            roles.append(role)

        if lhs is not None:
            put(lhs, "lhs")
            put("=", "equals")
        if sigma:
            put(r"\sigma", "sigma")
            put(OPEN_PAREN, "open")
        for i, term in enumerate(terms):
            if i:
                put("+", "plus")
            if term is None:
                put(r"\cdots", "dots")
            else:
                put(term[0], "w")
                put(term[1], "a")
        if bias is not None:
            text = bias.strip()
            put("-" if text.startswith("-") else "+", "bias_sign")
            put(text.lstrip("+-").strip(), "bias")
        if sigma:
            put((r"\," if bias is not None else "") + CLOSE_PAREN, "close")  # room for a box round the bias
        super().__init__(*parts, font_size=font_size, **kwargs)
        self.roles = roles
        self.terms = tuple(terms)

        self.weights = self.parts("w")
        self.activations = self.parts("a")
        self.plus_signs = self.parts("plus")
        self.dots = self.parts("dots")
        self.bias = VGroup(*self.parts("bias_sign", "bias"))
        self.sigma = VGroup(*self.parts("sigma", "open", "close"))
        self.lhs = VGroup(*self.parts("lhs", "equals"))
        for w in self.weights:
            w.set_color(weight_color)
        self.bias.set_color(bias_color)
        self.sigma.set_color(sigma_color)

    def parts(self, *roles: str) -> list[VMobject]:
        """The parts with any of these roles, in reading order."""
        return [part for part, role in zip(self.submobjects, self.roles) if role in roles]

    def body(self) -> list[VMobject]:
        """The parts of the sum itself (terms, plus signs, dots), without σ, bias or lhs."""
        return self.parts("w", "a", "plus", "dots")

    def morph_into(self, new: WeightedSum) -> AnimationGroup:
        """This sum becomes ``new`` (centred where this one is): parts of the same role move into
        place, new ones fade in, dropped ones fade out."""
        new.move_to(self)
        anims: list[Animation] = []
        for role in ("lhs", "equals", "w", "a", "plus", "dots", "sigma", "open", "close", "bias_sign", "bias"):
            a, b = self.parts(role), new.parts(role)
            anims += [ReplacementTransform(x, y) for x, y in zip(a, b)]
            anims += [FadeIn(y) for y in b[len(a):]]
            anims += [FadeOut(x) for x in a[len(b):]]
        return AnimationGroup(*anims)


def build_weighted_sum(equation: WeightedSum, weights: Sequence[VMobject], activations: Sequence[VMobject],
                       lag_ratio: float = 0.6, **kwargs) -> LaggedStart:
    """The sum assembled from what it multiplies: a copy of each ``weights[i]`` (e.g. an edge's label) and of
    each ``activations[i]`` (e.g. an input neuron's label) moves into term ``i`` of ``equation``, term after
    term, left to right; each plus sign and the ⋯ fade in as their turn comes. ``equation`` is not added by
    itself: it is on screen, whole, when the animation ends. The sources stay where they are.

    Args:
        equation: the ``WeightedSum`` to build (placed where it will be; its terms without ⋯ are matched,
            in order, with the sources).
        weights: one mobject per written term (not the ⋯), whose copy becomes that term's weight.
        activations: one mobject per written term, whose copy becomes that term's activation.
        lag_ratio: how far one term is along before the next starts (1: one after another).
        kwargs: passed to ``LaggedStart`` (e.g. ``run_time``).

    Example:
        sum_ = WeightedSum().to_edge(DOWN)
        self.play(build_weighted_sum(sum_, w_labels, a_labels, run_time=3))
    """
    if not len(weights) == len(activations) == len(equation.weights):
        raise ValueError(f"{len(equation.weights)} terms, but {len(weights)} weights and {len(activations)} activations")
    steps: list[Animation] = []
    pending: list[Animation] = []  # a plus sign or the ⋯, shown with what follows it
    term = 0
    for part, role in zip(equation.submobjects, equation.roles):
        if role == "w":
            steps.append(AnimationGroup(*pending, TransformFromCopy(weights[term], part),
                                        TransformFromCopy(activations[term], equation.activations[term])))
            pending, term = [], term + 1
        elif role in ("plus", "dots"):
            pending.append(FadeIn(part))
            if role == "dots":
                steps.append(AnimationGroup(*pending))
                pending = []
        elif role != "a":
            pending.append(FadeIn(part))
    if pending:
        steps.append(AnimationGroup(*pending))
    return LaggedStart(*steps, lag_ratio=lag_ratio, **kwargs)


def sigma_formula(variable: str = "x", font_size: float = style.FONT_SIZE_BODY,
                  sigma_color: ManimColor = style.SIGMA_COLOR) -> MathTex:
    """σ(x) = 1 / (1 + e^(−x)) with σ in the σ colour; parts: σ, (x), =, fraction.

    Args:
        variable: TeX of the argument (``"x"``, ``"z"``, …).
        font_size: the formula's size.
        sigma_color: the colour of σ.

    Example:
        formula = sigma_formula().to_edge(UP)
        self.play(Write(formula))
    """
    tex = MathTex(r"\sigma", f"({variable})", "=", rf"\frac{{1}}{{1 + e^{{-{variable}}}}}", font_size=font_size)
    tex[0].set_color(sigma_color)
    return tex


def tag(target: VMobject, text: str, color: ManimColor, direction=DOWN,
        font_size: float = style.FONT_SIZE_SMALL) -> VGroup:
    """A box around ``target`` and a word naming it beside the box (e.g. the bias): VGroup(box, word).

    Args:
        target: the part to box (e.g. ``equation.bias``).
        text: the word naming it.
        color: colour of box and word.
        direction: where the word goes, from the box.
        font_size: the word's size.

    Example:
        equation = WeightedSum(bias="b")
        self.play(Create(tag(equation.bias, "bias", style.B_COLOR)))
    """
    box = highlight_box(target, color=color)
    return VGroup(box, label_next_to(box, text, direction, color=color, font_size=font_size))


def algebra_color(part: str) -> ManimColor:
    """The colour code of the film's algebra: w green, b blue, σ and big parentheses yellow, else plain.

    Args:
        part: the TeX of one part (``"W^{(1)}"``, ``"b"``, ``r"\\sigma"``, ``"("``, …), coloured by how it starts.

    Example:
        weight = MathTex("w_1", color=algebra_color("w_1"))   # green
        bias = MathTex("b", color=algebra_color("b"))         # blue
    """
    if part.startswith("w") or part.startswith("W"):
        return style.W_COLOR
    if part.startswith("b"):
        return style.B_COLOR
    if part.startswith(r"\sigma") or part in (r"\Big(", r"\Big)", "(", ")"):
        return style.SIGMA_COLOR
    return style.TEXT_COLOR


def colored_tex(*parts: str, **kwargs) -> MathTex:
    """``MathTex(*parts)`` with every part coloured by ``algebra_color``.

    Args:
        *parts: the TeX of each part, as for ``MathTex``.
        **kwargs: passed to ``MathTex`` (e.g. ``font_size``).

    Example:
        step = colored_tex("z", "=", "W", "a", "+", "b", font_size=style.FONT_SIZE_BODY)
        self.play(Write(step))
    """
    tex = MathTex(*parts, **kwargs)
    for part, mob in zip(parts, tex):
        mob.set_color(algebra_color(part))
    return tex


def layer_step(layer: int, font_size: float = style.FONT_SIZE_BODY) -> MathTex:
    """a⁽ˡ⁾ = σ(W⁽ˡ⁾ a⁽ˡ⁻¹⁾ + b⁽ˡ⁾): the step into ``layer`` (1 = first hidden layer), colour-coded.

    Args:
        layer: the layer the step computes (1 = first hidden layer).
        font_size: the formula's size.

    Example:
        step = layer_step(1).to_edge(UP)
        self.play(Write(step))
    """
    return colored_tex(f"a^{{({layer})}}", "=", r"\sigma", "(", f"W^{{({layer})}}", f"a^{{({layer - 1})}}", "+",
                       f"b^{{({layer})}}", ")", font_size=font_size)


def layer_steps(shapes: Sequence[tuple[int, int]], font_size: float = style.FONT_SIZE_BODY) -> VGroup:
    """One ``layer_step`` per weight matrix, each with its real shape ("16 × 784") beside it, as rows.

    Args:
        shapes: (rows, columns) of each weight matrix, first layer first.
        font_size: the formulas' size.

    Example:
        steps = layer_steps([w.shape for w in net.weights])
        self.play(Write(steps))
    """
    rows = VGroup()
    for layer, (n_out, n_in) in enumerate(shapes, start=1):
        shape = MathTex(rf"W^{{({layer})}}:\ {n_out} \times {n_in}", font_size=font_size, color=style.W_COLOR)
        rows.add(VGroup(layer_step(layer, font_size), shape).arrange(RIGHT, buff=0.8))
    rows.arrange(DOWN, buff=0.35, aligned_edge=LEFT)
    shapes_left = max(row[1].get_left()[0] for row in rows)
    for row in rows:  # the shapes in one column, clear of the longest step
        row[1].align_to([shapes_left, 0, 0], LEFT)
    return rows

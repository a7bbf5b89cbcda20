"""The legend can tell the story's layers apart: no two near-twin colours across layers.

Colours are compared as they are drawn (an area's fill at its opacity over the land, a line or
a point at full strength), in CIELAB: below 12 (CIE76 ΔE) two patches read as one colour at a
glance, which is what the first edition's legend suffered from (Held by Russia and the Russian
zone were 5 apart).
"""

from __future__ import annotations

from itertools import combinations

import pytest

LAND = (0xEF, 0xE7, 0xD4)  # the basemap's land (static/js/map/layers.js)
NEAR_TWIN = 12.0


def rgb(hex_colour: str) -> tuple[float, ...]:
    return tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))


def drawn(colour: str, style: dict) -> tuple[float, ...]:
    if style.get("geometry", "area") != "area":
        return rgb(colour)
    alpha = style.get("fill_opacity", 0.35)
    return tuple(alpha * c + (1 - alpha) * land for c, land in zip(rgb(colour), LAND, strict=True))


def lab(colour: tuple[float, ...]) -> tuple[float, float, float]:
    def linear(value: float) -> float:
        value /= 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = map(linear, colour)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def delta_e(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    return sum((p - q) ** 2 for p, q in zip(lab(a), lab(b), strict=True)) ** 0.5


def test_the_measure_agrees_with_a_known_pair():
    assert delta_e(rgb("#000000"), rgb("#ffffff")) == pytest.approx(100, abs=0.1)


@pytest.mark.parametrize("palette", ["colors", "contrast_colors"])
def test_no_two_layers_share_a_near_twin_colour(atlas_store, palette):
    swatches = []
    for layer in atlas_store:
        if layer.spec.role != "theme":
            continue
        style = layer.spec.style
        for value, colour in (style.get(palette) or style["colors"]).items():
            swatches.append((layer.id, value, drawn(colour, style)))
    assert len(swatches) > 20
    twins = [
        (a[:2], b[:2], round(delta_e(a[2], b[2]), 1))
        for a, b in combinations(swatches, 2)
        if a[0] != b[0] and delta_e(a[2], b[2]) < NEAR_TWIN
    ]
    assert not twins, twins


def test_the_context_layers_are_roles_of_their_own(atlas_store):
    roles = {layer.id: layer.spec.role for layer in atlas_store}
    assert roles["states"] == roles["modern_borders"] == "context"
    assert roles["gazetteer"] == "names"
    assert atlas_store.layer("states").spec.style["label_by"] == "state"
    assert atlas_store.layer("modern_borders").spec.default_on is False

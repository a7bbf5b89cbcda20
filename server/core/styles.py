"""The types of a catalogue entry's ``style``, ``properties``, ``order`` and ``default_on``.

The map page, the legend, the static build and the browser's drawing code all read these, so a
``style`` that is a string or ``colors`` that are a list must stop the start, not answer 500 at
the first page view (as the reliability review found). Each check raises ``ValueError`` with
the dotted name of the field; ``server.core.contract`` adds the file and the layer.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

COLOR = re.compile(r"#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")
COLOR_MAPS = ("colors", "contrast_colors")
STRINGS = ("property", "dash")
NUMBERS = ("weight", "fill_opacity", "radius")
SCALARS = (str, int, float, bool)


def check_style(style: Any, geometries: Mapping[str, Any]) -> dict[str, Any]:
    """Check a layer's ``style`` and return it: every field the page reads, of its type."""
    if not isinstance(style, dict):
        raise ValueError("'style' must be an object")
    if style.get("geometry", "area") not in geometries:
        raise ValueError(f"style.geometry must be one of {', '.join(geometries)}")
    for name in COLOR_MAPS:
        if name in style:
            _check_colors(style[name], f"style.{name}")
    if "color" in style:
        _check_color(style["color"], "style.color")
    if "labels" in style:
        _check_texts(style["labels"], "style.labels")
    for name in STRINGS:
        if name in style and not isinstance(style[name], str):
            raise ValueError(f"style.{name} must be a string")
    for name in NUMBERS:
        if name in style and not _is_number(style[name]):
            raise ValueError(f"style.{name} must be a number of 0 or more")
    return style


def check_property_rules(rules: Any) -> dict[str, dict[str, Any]]:
    """Check ``properties``: each rule an object with text labels, a list of values, a flag."""
    if not isinstance(rules, dict):
        raise ValueError("'properties' must be an object")
    for name, rule in rules.items():
        where = f"properties.{name}"
        if not isinstance(rule, dict):
            raise ValueError(f"{where} must be an object")
        for key in ("label", "description"):
            if key in rule and not isinstance(rule[key], str):
                raise ValueError(f"{where}.{key} must be a string")
        values = rule.get("values")
        if values is not None and not (
            isinstance(values, list) and all(isinstance(v, SCALARS) for v in values)
        ):
            raise ValueError(f"{where}.values must be a list of strings or numbers")
        if not isinstance(rule.get("required", False), bool):
            raise ValueError(f"{where}.required must be true or false")
    return rules


def check_order(entry: Mapping[str, Any]) -> int:
    """Return the layer's ``order`` (0 if absent): a whole number."""
    order = entry.get("order", 0)
    if isinstance(order, bool) or not isinstance(order, int):
        raise ValueError(f"'order' must be a whole number, not {order!r:.40}")
    return order


def check_default_on(entry: Mapping[str, Any]) -> bool:
    """Return ``default_on`` (true if absent): a boolean, not a string like "no"."""
    default_on = entry.get("default_on", True)
    if not isinstance(default_on, bool):
        raise ValueError("'default_on' must be true or false")
    return default_on


def _check_colors(colors: Any, name: str) -> None:
    if not isinstance(colors, dict):
        raise ValueError(f"{name} must be an object of value: colour")
    for value, color in colors.items():
        _check_color(color, f"{name}.{value}")


def _check_color(color: Any, name: str) -> None:
    if not isinstance(color, str) or not COLOR.fullmatch(color):
        raise ValueError(f"{name} must be a colour like #4a6a8f, not {color!r:.40}")


def _check_texts(texts: Any, name: str) -> None:
    if not isinstance(texts, dict) or not all(isinstance(t, str) for t in texts.values()):
        raise ValueError(f"{name} must be an object of value: label")


def _is_number(value: Any) -> bool:
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and math.isfinite(value)
        and value >= 0
    )

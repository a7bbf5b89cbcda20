"""``catalog.json``: the layers, their style and property rules, and their translations.

A layer's entry says what its features may hold (``properties``), what it draws
(``style.geometry``) and its title and labels in every language: English in the plain fields,
Persian and Russian beside them as ``title_fa``, ``labels_ru``, ``label_fa``…, so the data's
translations live with the data and the interface catalogues hold interface strings only.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from server.core.errors import DataError
from server.core.properties import (
    LANGUAGES,
    TRANSLATED,
    check_status_values,
    check_value_labels,
    resolve_properties,
    treaty_dates,
)
from server.core.styles import check_default_on, check_order, check_property_rules, check_style

LAYER_ID = re.compile(r"[a-z][a-z0-9_]*")
__all__ = ["LANGUAGES", "TRANSLATED"]  # re-exported: the catalogue's languages
# What a layer's style.geometry promises about its features (CSV export needs plain points).
STYLE_GEOMETRIES = {
    "area": ("Polygon", "MultiPolygon"),
    "line": ("LineString", "MultiLineString"),
    "point": ("Point",),
}
# How a layer takes part in the page. "theme": the story's layers (legend swatches of what is
# drawn, framing, numbered keys). "context": drawn to read the story against (the states
# beneath it, today's borders), switchable but never framed. "names": the gazetteer, drawn as
# names on the map rather than as features.
ROLES = ("theme", "context", "names")


@dataclass(frozen=True)
class LayerSpec:
    """A layer as ``catalog.json`` describes it."""

    id: str
    title: str
    description: str
    order: int
    default_on: bool
    style: Mapping[str, Any]
    role: str = "theme"
    properties: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    # Per language: {"title", "description", "labels": {value: label}, "properties": {name:
    # label}}, from the catalogue's title_<lang>, description_<lang>, style.labels_<lang> and
    # properties.<name>.label_<lang> fields.
    texts: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    # Every treaty the catalogue declares (any layer's treaty values), with the day it took
    # effect where value_dates gives it: what a feature's recognised_by may name.
    treaties: Mapping[str, date | None] = field(default_factory=dict)

    def text(self, lang: str) -> Mapping[str, Any]:
        """Return the layer's title and labels in ``lang`` (empty in English or untranslated)."""
        return self.texts.get(lang, {})


def parse_catalog(raw: Any, path: str) -> list[LayerSpec]:
    """Check ``catalog.json`` and return its layers in display order."""
    layers = raw.get("layers") if isinstance(raw, dict) else None
    if not isinstance(layers, list) or not layers:
        raise DataError(path, 'expected {"layers": [...]} with at least one layer')
    specs = [_parse_layer_spec(entry, path) for entry in layers]
    ids = [spec.id for spec in specs]
    duplicates = sorted({layer_id for layer_id in ids if ids.count(layer_id) > 1})
    if duplicates:
        raise DataError(path, f"layer ids repeat: {', '.join(duplicates)}")
    treaties: dict[str, date | None] = {}
    for spec in specs:
        try:
            treaties |= treaty_dates(spec.properties)
        except ValueError as error:
            raise DataError(path, f"layer {spec.id!r}: {error}") from None
    specs = [replace(spec, treaties=treaties) for spec in specs]
    return sorted(specs, key=lambda spec: spec.order)


def _parse_layer_spec(entry: Any, path: str) -> LayerSpec:
    if not isinstance(entry, dict) or not LAYER_ID.fullmatch(str(entry.get("id", ""))):
        raise DataError(path, f"each layer needs an 'id' like spheres_1907, got {entry!r:.60}")
    for key in ("title", "description"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise DataError(path, f"layer {entry['id']!r} needs a non-empty {key!r}")
    try:
        properties = resolve_properties(check_property_rules(entry.get("properties", {})))
        style = check_style(entry.get("style", {}), STYLE_GEOMETRIES)
        order, default_on = check_order(entry), check_default_on(entry)
        check_status_values(properties.get("status") or {}, style.get("geometry", "area"))
        for name, rule in properties.items():
            check_value_labels(name, rule)
        texts = {lang: _layer_texts(style, properties, entry, lang) for lang in TRANSLATED}
        role = _check_role(entry.get("role", "theme"), style, properties)
    except ValueError as error:
        raise DataError(path, f"layer {entry['id']!r}: {error}") from None
    return LayerSpec(
        id=entry["id"],
        title=entry["title"],
        description=entry["description"],
        order=order,
        default_on=default_on,
        style=style,
        role=role,
        properties=properties,
        texts={lang: text for lang, text in texts.items() if text},
    )


def _check_role(role: Any, style: dict, properties: dict) -> str:
    """Check a layer's role and what it needs: names are points; label_by names a property."""
    if role not in ROLES:
        raise ValueError(f"'role' must be one of {', '.join(ROLES)}, got {role!r:.40}")
    if role == "names" and style.get("geometry") != "point":
        raise ValueError("a layer of role 'names' needs style.geometry 'point' (a name at a place)")
    label_by = style.get("label_by")
    if label_by is not None and label_by not in properties:
        raise ValueError(f"style.label_by {label_by!r:.40} is not one of the layer's properties")
    return role


def _layer_texts(style: dict, properties: dict, entry: dict, lang: str) -> dict[str, Any]:
    """Gather a layer's ``<field>_<lang>`` translations; each must translate a known field."""
    text: dict[str, Any] = {}
    for key in ("title", "description"):
        if f"{key}_{lang}" in entry:
            text[key] = check_text(entry[f"{key}_{lang}"], f"{key}_{lang}")
    labels = style.get(f"labels_{lang}")
    if labels is not None:
        known = {**style.get("colors", {}), **style.get("labels", {})}
        text["labels"] = check_labels(labels, known, f"style.labels_{lang}")
    names = {
        name: check_text(rule[f"label_{lang}"], f"properties.{name}.label_{lang}")
        for name, rule in properties.items()
        if isinstance(rule, dict) and f"label_{lang}" in rule
    }
    if names:
        text["properties"] = names
    return text


def check_text(value: Any, name: str) -> str:
    """Return ``value`` if it is a non-empty string, else say which field is wrong."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{name!r} must be a non-empty string")
    return value


def check_labels(labels: Any, known: Mapping[str, Any], name: str) -> dict[str, str]:
    """Check a translation of style labels: strings, for values the style knows."""
    if not isinstance(labels, dict):
        raise ValueError(f"{name!r} must be an object of value: label")
    unknown = [value for value in labels if value not in known]
    if unknown:
        raise ValueError(f"{name!r} labels values the style does not have: {', '.join(unknown)}")
    return {value: check_text(label, f"{name}.{value}") for value, label in labels.items()}


def geometry_of(spec: LayerSpec) -> str:
    """Return what a layer draws: ``area``, ``line`` or ``point`` (its ``style.geometry``)."""
    return spec.style.get("geometry", "area")

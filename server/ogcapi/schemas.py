"""JSON Schemas of a layer: its features (Part 5), its queryables (Part 3), and for GDAL.

Without a schema, GDAL (3.6 in Debian 12) and QGIS 3.22 type each field from a first page: a first
page of full dates makes ``end_date`` a Date, and ``1806-08`` on a later page becomes NULL.
The schemas say that the partial dates are text and that ``start_day``/``end_day`` are dates,
so clients that read them keep every value.

- ``feature_schema``: OGC API – Features Part 5 (``/collections/{id}/schema``): the properties
  at the top level with ``x-ogc-role`` and ``x-ogc-propertySeq`` (QGIS 3.40 and later).
- ``geojson_schema``: a JSON Schema of one item as GeoJSON (``properties`` nested), which is
  what GDAL's OAPIF driver reads from a ``describedby`` link.
- ``queryables``: what ``filter`` (CQL2) may name (``/collections/{id}/queryables``).

A value the data do not have is ``null``; such properties are not ``required``.
"""

from __future__ import annotations

from typing import Any

from server.core.columns import REQUIRED
from server.core.contract import CERTAINTIES, geometry_of
from server.core.store import Layer

JSON_SCHEMA = "https://json-schema.org/draft/2020-12/schema"
PARTIAL_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
GEOMETRY_FORMATS = {
    "area": "geometry-multipolygon",
    "line": "geometry-multilinestring",
    "point": "geometry-point",
}
REQUIRED_VALUES = [name for name in REQUIRED if name not in ("start_date", "end_date")]
ROLES = {"id": "id", "start_day": "primary-interval-start", "end_day": "primary-interval-end"}
CONTRACT_TEXTS = {
    "id": ("Id", "Stable identifier, unique across the atlas."),
    "name": ("Name", "English name."),
    "name_fa": ("Name (Persian)", "Persian name."),
    "name_ru": ("Name (Russian)", "Russian name."),
    "kind": ("Kind", "What sort of feature this is, in the layer's own vocabulary."),
    "start_date": (
        "Start (as sourced)",
        "First day it holds as the sources give it: YYYY, YYYY-MM or YYYY-MM-DD (a partial "
        "date covers its whole period); null if it predates the atlas.",
    ),
    "end_date": (
        "End (as sourced)",
        "Last day it holds as the sources give it, same forms; null while it still holds.",
    ),
    "start_day": ("First day", "The first day covered by start_date; null if open."),
    "end_day": ("Last day", "The last day covered by end_date (inclusive); null if open."),
    "date_note": ("Date note", "Julian dates of the originals, uncertainty, de facto vs de jure."),
    "certainty": ("Certainty", "How sure the shape and dates are."),
    "sources": ("Sources", "Keys of the bibliography, with page or article where known."),
    "description": ("Description", "One to three sentences, in English."),
    "chain": ("Chain", "Features sharing a chain follow each other with no gap or overlap."),
}


def property_schemas(layer: Layer) -> dict[str, dict[str, Any]]:
    """Return each published property's JSON Schema (type, format, enum, title), in order."""
    return {name: _property_schema(layer, name) for name in layer.columns}


def _property_schema(layer: Layer, name: str) -> dict[str, Any]:
    rule = layer.spec.properties.get(name, {})
    title, about = CONTRACT_TEXTS.get(name, (rule.get("label", name), rule.get("description", "")))
    schema: dict[str, Any] = {"title": title, "description": about, "type": "string"}
    if name in ("start_date", "end_date"):
        schema["pattern"] = PARTIAL_DATE
    elif name in ("start_day", "end_day"):
        schema["format"] = "date"
    elif any(isinstance(f["properties"][name], list) for f in layer.published):
        schema.update(type="array", items={"type": "string"})
    elif _whole_numbers(layer, name):
        schema["type"] = "integer"
    values = CERTAINTIES if name == "certainty" else rule.get("values")
    if values:
        schema["enum"] = list(values)
    return schema


def _whole_numbers(layer: Layer, name: str) -> bool:
    """Say whether every value of ``name`` is a whole number (a gazetteer's rank)."""
    values = [f["properties"][name] for f in layer.published if f["properties"][name] is not None]
    return bool(values) and all(type(value) is int for value in values)


def sortables(layer: Layer) -> tuple[str, ...]:
    """Return the properties ``sortby`` accepts: every one that is not a list."""
    schemas = property_schemas(layer)
    return tuple(name for name, schema in schemas.items() if schema["type"] != "array")


def geometry_schema(layer: Layer) -> dict[str, Any]:
    """Return the primary geometry's Part 5 description (the items are promoted to Multi*)."""
    return {
        "title": "Geometry",
        "x-ogc-role": "primary-geometry",
        "format": GEOMETRY_FORMATS[geometry_of(layer.spec)],
    }


def _head(layer: Layer, url: str, title: str) -> dict[str, Any]:
    return {"$schema": JSON_SCHEMA, "$id": url, "title": title, "type": "object"}


def feature_schema(layer: Layer, url: str) -> dict[str, Any]:
    """Return the Part 5 schema of the layer's features: properties at the top level."""
    properties: dict[str, Any] = {"geometry": geometry_schema(layer)}
    for sequence, (name, schema) in enumerate(property_schemas(layer).items(), start=1):
        role = {"x-ogc-role": ROLES[name]} if name in ROLES else {}
        properties[name] = {**schema, **role, "x-ogc-propertySeq": sequence}
    return {
        **_head(layer, url, layer.spec.title),
        "description": layer.spec.description,
        "required": ["geometry", *REQUIRED_VALUES],
        "properties": properties,
    }


def geojson_schema(layer: Layer, url: str) -> dict[str, Any]:
    """Return a JSON Schema of one item as GeoJSON, for GDAL's ``describedby`` reading.

    GDAL adds the feature's ``id`` itself and would repeat it, so the nested ``properties``
    list every property but ``id`` (which they also carry).
    """
    nested = {name: s for name, s in property_schemas(layer).items() if name != "id"}
    return {
        **_head(layer, url, f"{layer.spec.title} (GeoJSON feature)"),
        "required": ["type", "id", "geometry", "properties"],
        "properties": {
            "type": {"type": "string", "enum": ["Feature"]},
            "id": {"type": "string"},
            "geometry": {"type": "object", "description": "A GeoJSON geometry in WGS 84."},
            "properties": {
                "type": "object",
                "required": [name for name in REQUIRED_VALUES if name != "id"],
                "properties": nested,
            },
            "time": {"type": "object", "description": "JSON-FG: the interval it holds."},
        },
    }


def queryables(layer: Layer, url: str) -> dict[str, Any]:
    """Return what a CQL2 ``filter`` on this layer may name: every property and the geometry."""
    return {
        **_head(layer, url, f"Queryables of {layer.spec.title}"),
        "properties": {"geometry": geometry_schema(layer), **property_schemas(layer)},
        "additionalProperties": False,
    }

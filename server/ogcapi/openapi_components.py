"""The OpenAPI document's component schemas and shared responses (answers' shapes)."""

from __future__ import annotations

from typing import Any

REF = "#/components"


def _object(required: list[str], properties: dict[str, Any]) -> dict[str, Any]:
    """Return the schema of a JSON object with ``properties``, of which ``required`` must be."""
    return {"type": "object", "required": required, "properties": properties}


def ref(kind: str, name: str) -> dict[str, str]:
    """Return a ``$ref`` to a component."""
    return {"$ref": f"{REF}/{kind}/{name}"}


_LINK = _object(
    ["href"],
    {
        "href": {"type": "string"},
        "rel": {"type": "string"},
        "type": {"type": "string"},
        "title": {"type": "string"},
    },
)
_LINKS = {"type": "array", "items": ref("schemas", "Link")}
_NULLABLE_TEXT = {"type": "string", "nullable": True}
SCHEMAS: dict[str, Any] = {
    "Link": _LINK,
    "Exception": _object(
        ["code"],
        {"code": {"type": "string"}, "description": {"type": "string"}},
    ),
    "LandingPage": _object(
        ["links"],
        {
            "title": {"type": "string"},
            "description": {"type": "string"},
            "links": _LINKS,
        },
    ),
    "ConfClasses": _object(
        ["conformsTo"],
        {"conformsTo": {"type": "array", "items": {"type": "string"}}},
    ),
    "Collection": _object(
        ["id", "links"],
        {
            "id": {"type": "string"},
            "title": {"type": "string"},
            "description": {"type": "string"},
            "itemType": {"type": "string"},
            "links": _LINKS,
            "extent": {
                "type": "object",
                "properties": {
                    "spatial": {
                        "type": "object",
                        "properties": {
                            "bbox": {
                                "type": "array",
                                "items": {"type": "array", "items": {"type": "number"}},
                            }
                        },
                    },
                    "temporal": {
                        "type": "object",
                        "properties": {
                            "interval": {
                                "type": "array",
                                "items": {"type": "array", "items": _NULLABLE_TEXT},
                            }
                        },
                    },
                },
            },
        },
    ),
    "Collections": _object(
        ["collections", "links"],
        {
            "collections": {"type": "array", "items": ref("schemas", "Collection")},
            "links": _LINKS,
        },
    ),
    "Geometry": {
        "type": "object",
        "required": ["type"],
        "nullable": True,
        "properties": {"type": {"type": "string"}},
    },
    "Feature": _object(
        ["type", "geometry", "properties"],
        {
            "type": {"type": "string", "enum": ["Feature"]},
            "id": {"type": "string"},
            "geometry": ref("schemas", "Geometry"),
            "properties": {"type": "object", "nullable": True},
            "time": {"type": "object", "nullable": True},
            "links": _LINKS,
        },
    ),
    "JsonSchema": _object(
        ["type", "properties"],
        {
            "$schema": {"type": "string"},
            "$id": {"type": "string"},
            "title": {"type": "string"},
            "type": {"type": "string", "enum": ["object"]},
            "properties": {"type": "object"},
        },
    ),
    "FeatureCollection": _object(
        ["type", "features"],
        {
            "type": {"type": "string", "enum": ["FeatureCollection"]},
            "features": {"type": "array", "items": ref("schemas", "Feature")},
            "bbox": {"type": "array", "items": {"type": "number"}},
            "links": _LINKS,
            "numberMatched": {"type": "integer", "minimum": 0},
            "numberReturned": {"type": "integer", "minimum": 0},
            "timeStamp": {"type": "string", "format": "date-time"},
        },
    ),
}
ERROR = {"application/json": {"schema": ref("schemas", "Exception")}}
RESPONSES = {
    "BadRequest": {"description": "A parameter is malformed or unknown", "content": ERROR},
    "NotFound": {"description": "No such collection, feature or file", "content": ERROR},
}

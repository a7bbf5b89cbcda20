"""The OpenAPI document's component schemas and shared responses (answers' shapes)."""

from __future__ import annotations

from typing import Any

REF = "#/components"


def ref(kind: str, name: str) -> dict[str, str]:
    """Return a ``$ref`` to a component."""
    return {"$ref": f"{REF}/{kind}/{name}"}


_LINK = {
    "type": "object",
    "required": ["href"],
    "properties": {
        "href": {"type": "string"},
        "rel": {"type": "string"},
        "type": {"type": "string"},
        "title": {"type": "string"},
    },
}
_LINKS = {"type": "array", "items": ref("schemas", "Link")}
_NULLABLE_TEXT = {"type": "string", "nullable": True}
SCHEMAS: dict[str, Any] = {
    "Link": _LINK,
    "Exception": {
        "type": "object",
        "required": ["code"],
        "properties": {"code": {"type": "string"}, "description": {"type": "string"}},
    },
    "LandingPage": {
        "type": "object",
        "required": ["links"],
        "properties": {
            "title": {"type": "string"},
            "description": {"type": "string"},
            "links": _LINKS,
        },
    },
    "ConfClasses": {
        "type": "object",
        "required": ["conformsTo"],
        "properties": {"conformsTo": {"type": "array", "items": {"type": "string"}}},
    },
    "Collection": {
        "type": "object",
        "required": ["id", "links"],
        "properties": {
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
    },
    "Collections": {
        "type": "object",
        "required": ["collections", "links"],
        "properties": {
            "collections": {"type": "array", "items": ref("schemas", "Collection")},
            "links": _LINKS,
        },
    },
    "Geometry": {
        "type": "object",
        "required": ["type"],
        "nullable": True,
        "properties": {"type": {"type": "string"}},
    },
    "Feature": {
        "type": "object",
        "required": ["type", "geometry", "properties"],
        "properties": {
            "type": {"type": "string", "enum": ["Feature"]},
            "id": {"type": "string"},
            "geometry": ref("schemas", "Geometry"),
            "properties": {"type": "object", "nullable": True},
            "time": {"type": "object", "nullable": True},
            "links": _LINKS,
        },
    },
    "JsonSchema": {
        "type": "object",
        "required": ["type", "properties"],
        "properties": {
            "$schema": {"type": "string"},
            "$id": {"type": "string"},
            "title": {"type": "string"},
            "type": {"type": "string", "enum": ["object"]},
            "properties": {"type": "object"},
        },
    },
    "FeatureCollection": {
        "type": "object",
        "required": ["type", "features"],
        "properties": {
            "type": {"type": "string", "enum": ["FeatureCollection"]},
            "features": {"type": "array", "items": ref("schemas", "Feature")},
            "bbox": {"type": "array", "items": {"type": "number"}},
            "links": _LINKS,
            "numberMatched": {"type": "integer", "minimum": 0},
            "numberReturned": {"type": "integer", "minimum": 0},
            "timeStamp": {"type": "string", "format": "date-time"},
        },
    },
}
ERROR = {"application/json": {"schema": ref("schemas", "Exception")}}
RESPONSES = {
    "BadRequest": {"description": "A parameter is malformed or unknown", "content": ERROR},
    "NotFound": {"description": "No such collection, feature or file", "content": ERROR},
}

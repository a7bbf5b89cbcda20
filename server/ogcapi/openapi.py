"""The OpenAPI 3.0 definition of the atlas's API, generated from the store and the parser.

Generated rather than hand-written so it cannot drift from the data or from ``params.py``
(parameter names, formats, limits and allowed values are read from there): every layer gets its own
items path listing the property filters its catalog entry documents (with their allowed values),
as pygeoapi does, and export paths exist only for formats a layer supports (CSV for points).
``/api`` serves it; OWSLib, QGIS and schemathesis read it.
"""

from __future__ import annotations

from typing import Any

from server.core.export import MIMETYPES, formats_of
from server.core.formats import GEOJSON, HTML, JSON, MAX_OFFSET, MAX_VALUE_LENGTH, OPENAPI
from server.core.store import Layer, LayerStore
from server.ogcapi.params import FORMATS, ITEMS_PARAMETERS, allowed_values, filter_names
from server.ogcapi.schemas import SCHEMAS, ref

# The documents about the service: path, summary, parameters, what answers and its schema.
CAPABILITIES = (
    ("/conformance", "Conformance classes", ("f",), "The conformance classes", "ConfClasses"),
    ("/collections", "Collections", ("f",), "Every layer", "Collections"),
    (
        "/collections/{collectionId}",
        "One collection",
        ("collectionId", "f"),
        "One layer",
        "Collection",
    ),
)
AS_HTML = {HTML: {"schema": {"type": "string"}}}
TEXT = {"type": "string", "maxLength": MAX_VALUE_LENGTH}


def _ok(description: str, media: str, schema: str | None, html: bool = True) -> dict:
    content = {media: {"schema": ref("schemas", schema) if schema else {"type": "string"}}}
    if html:
        content.update(AS_HTML)
    return {"description": description, "content": content}


def _get(summary: str, tag: str, params: list, ok: dict, not_found: bool = False) -> dict:
    responses = {"200": ok, "400": ref("responses", "BadRequest")}
    if not_found:
        responses["404"] = ref("responses", "NotFound")
    operation_id = summary.lower().replace(" ", "_").replace("'", "").replace(",", "")
    return {
        "get": {
            "summary": summary,
            "operationId": operation_id,
            "tags": [tag],
            "parameters": params,
            "responses": responses,
        }
    }


def _filter_parameter(layer: Layer, name: str) -> dict[str, Any]:
    spec = layer.spec.properties.get(name, {})
    schema: dict[str, Any] = TEXT
    values = allowed_values(layer, name)
    if values:
        schema = {"type": "string", "enum": list(values)}
    about = spec.get("description") or f"Only features whose {name} is this value."
    return _query(name, about, schema)


def _query(name: str, about: str, schema: dict) -> dict[str, Any]:
    """Return an optional query parameter, given once (``style: form``, not exploded)."""
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": about,
        "schema": schema,
        "style": "form",
        "explode": False,
    }


def _layer_paths(layer: Layer) -> dict[str, Any]:
    items = f"/collections/{layer.id}/items"
    filters = [_filter_parameter(layer, name) for name in filter_names(layer)]
    common = [ref("parameters", name) for name in ITEMS_PARAMETERS]
    paths = {
        items: _get(
            f"Features of {layer.id}",
            layer.id,
            [*common, *filters],
            _ok("A page of features", GEOJSON, "FeatureCollection"),
            True,
        ),
        f"{items}/{{featureId}}": _get(
            f"One feature of {layer.id}",
            layer.id,
            [ref("parameters", "featureId"), ref("parameters", "f")],
            _ok("One feature", GEOJSON, "Feature"),
            True,
        ),
    }
    for fmt in formats_of(layer):
        schema = "FeatureCollection" if fmt == "geojson" else None
        paths[f"/export/{layer.id}.{fmt}"] = _export_path(layer.id, fmt, MIMETYPES[fmt], schema)
    return paths


def _export_path(name: str, fmt: str, media: str, schema: str | None) -> dict[str, Any]:
    ok = _ok(f"The file, as an attachment named {name}[_date].{fmt}", media, schema, html=False)
    if schema is None:
        ok["content"][media]["schema"]["format"] = "binary"
    return _get(f"Download {name} as {fmt}", "export", [ref("parameters", "date")], ok, True)


def _landing() -> dict[str, Any]:
    """``/`` is also the map page, whose errors are HTML for browsers (views' error page)."""
    path = _get(
        "Landing page",
        "capabilities",
        [ref("parameters", "f")],
        _ok("The landing page (the map in HTML)", JSON, "LandingPage"),
    )
    content = {**_ERROR, **AS_HTML}
    path["get"]["responses"]["400"] = {"description": "A bad f", "content": content}
    return path


def openapi_doc(
    store: LayerStore, title: str, description: str, max_limit: int, default_limit: int
) -> dict:
    """Return the OpenAPI 3.0 document describing every route and parameter of the API."""
    paths: dict[str, Any] = {"/": _landing()}
    for path, summary, names, answer, schema in CAPABILITIES:
        parameters = [ref("parameters", name) for name in names]
        ok = _ok(answer, JSON, schema)
        paths[path] = _get(summary, "capabilities", parameters, ok, "collectionId" in names)
    paths["/api"] = _get(
        "This API definition", "capabilities", [], _ok("OpenAPI 3.0", OPENAPI, None, html=False)
    )
    paths["/export/atlas.geojson"] = _export_path("atlas", "geojson", GEOJSON, "FeatureCollection")
    for layer in store:
        paths.update(_layer_paths(layer))
    return {
        "openapi": "3.0.3",
        "info": {
            "title": title,
            "description": description,
            "version": "1.0.0",
            "license": {"name": "MIT"},
        },
        "paths": paths,
        "components": {
            "parameters": _parameters(max_limit, default_limit),
            "schemas": SCHEMAS,
            "responses": _RESPONSES,
        },
    }


def _parameters(max_limit: int, default_limit: int) -> dict[str, Any]:
    def path(name: str, about: str) -> dict[str, Any]:
        return {
            "name": name,
            "in": "path",
            "required": True,
            "description": about,
            "schema": {"type": "string", "maxLength": 200},
        }

    bbox_items = {"type": "number", "minimum": -180, "maximum": 180}
    return {
        "f": _query(
            "f",
            "Answer format: json (default) or html.",
            {"type": "string", "enum": list(FORMATS)},
        ),
        "datetime": _query(
            "datetime",
            "An instant (1813-10-24, 1813, RFC 3339 date-time) or an "
            "interval start/end, open with '..' or empty on one side.",
            TEXT,
        ),
        "bbox": _query(
            "bbox",
            "minLon,minLat,maxLon,maxLat in WGS84 degrees.",
            {"type": "array", "minItems": 4, "maxItems": 4, "items": bbox_items},
        ),
        "limit": _query(
            "limit",
            f"Features per page, 1 to {max_limit}.",
            {"type": "integer", "minimum": 1, "maximum": max_limit, "default": default_limit},
        ),
        "offset": _query(
            "offset",
            "Features to skip before the page starts.",
            {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET, "default": 0},
        ),
        "date": _query(
            "date",
            "Only features holding at this date (YYYY, YYYY-MM, YYYY-MM-DD).",
            TEXT,
        ),
        "collectionId": path("collectionId", "A layer id."),
        "featureId": path("featureId", "A feature id."),
    }


_ERROR = {JSON: {"schema": ref("schemas", "Exception")}}
_RESPONSES = {
    "BadRequest": {"description": "A parameter is malformed or unknown", "content": _ERROR},
    "NotFound": {"description": "No such collection, feature or file", "content": _ERROR},
}

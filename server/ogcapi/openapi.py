"""The OpenAPI 3.0 definition of the atlas's API, generated from the store and the parameters.

Generated rather than hand-written so it cannot drift: every query parameter comes from its one
definition in ``server.ogcapi.params.PARAMETERS`` (which the parsers enforce), every layer gets
its own items path listing the property filters its catalog entry documents (with their allowed
values), as pygeoapi does, and export paths exist only for formats a layer supports (CSV for
points). ``/api`` serves it; OWSLib, QGIS, GDAL and schemathesis read it.
"""

from __future__ import annotations

from typing import Any

from server.core.contract import CERTAINTIES
from server.core.export import MIMETYPES, formats_of
from server.core.formats import GEOJSON, JSON, OPENAPI, SCHEMA
from server.core.store import Layer, LayerStore
from server.ogcapi.openapi_components import ERROR, RESPONSES, SCHEMAS, ref
from server.ogcapi.params import ITEMS_PARAMETERS, PARAMETERS, filter_names

HTML = {"text/html": {"schema": {"type": "string"}}}
SCHEMA_KINDS = {
    "schema": "The schema of the layer's features (OGC API – Features Part 5)",
    "queryables": "What a CQL2 filter on this layer may name (Part 3)",
    "geojson-schema": "A JSON Schema of one item as GeoJSON (read by GDAL)",
}


def _ok(description: str, media: str, schema: str | None, html: bool = True) -> dict:
    content = {media: {"schema": ref("schemas", schema) if schema else {"type": "string"}}}
    if html:
        content.update(HTML)
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
    schema: dict[str, Any] = {"type": "string", "maxLength": 1000}
    values = CERTAINTIES if name == "certainty" else spec.get("values")
    if values:
        schema = {"type": "string", "enum": list(values)}
    about = spec.get("description") or f"Only features whose {name} is this value."
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
    url = f"/collections/{layer.id}"
    filters = [_filter_parameter(layer, name) for name in filter_names(layer)]
    common = [ref("parameters", name) for name in ITEMS_PARAMETERS]
    paths = {
        f"{url}/items": _get(
            f"Features of {layer.id}",
            layer.id,
            [*common, *filters],
            _ok("A page of features", GEOJSON, "FeatureCollection"),
            True,
        ),
        f"{url}/items/{{featureId}}": _get(
            f"One feature of {layer.id}",
            layer.id,
            [ref("parameters", "featureId"), ref("parameters", "f")],
            _ok("One feature", GEOJSON, "Feature"),
            True,
        ),
    }
    for kind, about in SCHEMA_KINDS.items():
        paths[f"{url}/{kind}"] = _get(
            f"{kind} of {layer.id}",
            layer.id,
            [ref("parameters", "f")],
            _ok(about, SCHEMA, "JsonSchema"),
            True,
        )
    for fmt in formats_of(layer):
        schema = "FeatureCollection" if fmt == "geojson" else None
        paths[f"/export/{layer.id}.{fmt}"] = _export_path(layer.id, fmt, MIMETYPES[fmt], schema)
    return paths


def _export_path(name: str, fmt: str, media: str, schema: str | None) -> dict[str, Any]:
    ok = _ok(f"The file, as an attachment named {name}[_date].{fmt}", media, schema, html=False)
    if schema is None:
        ok["content"][media]["schema"]["format"] = "binary"
    path = _get(f"Download {name} as {fmt}", "export", [ref("parameters", "date")], ok, True)
    path["get"]["responses"]["206"] = {
        "description": "The bytes a Range header asked for",
        "content": {media: {"schema": {"type": "string", "format": "binary"}}},
    }
    return path


def _landing() -> dict[str, Any]:
    """``/`` is also the map page, whose errors are HTML for browsers (views' error page)."""
    path = _get(
        "Landing page",
        "capabilities",
        [ref("parameters", "f")],
        _ok("The landing page (in HTML: with links, or the map without f)", JSON, "LandingPage"),
    )
    content = {**ERROR, **HTML}
    path["get"]["responses"]["400"] = {"description": "A bad f", "content": content}
    return path


def _capability(
    summary: str, answer: str, media: str, schema: str | None = None, of_a_collection=False
) -> dict[str, Any]:
    """Describe a read-only document of the service (tag "capabilities"), JSON or HTML by f."""
    params = [ref("parameters", "collectionId")] if of_a_collection else []
    ok = _ok(answer, media, schema)
    return _get(summary, "capabilities", [*params, ref("parameters", "f")], ok, of_a_collection)


def openapi_doc(
    store: LayerStore, title: str, description: str, max_limit: int, default_limit: int
) -> dict:
    """Return the OpenAPI 3.0 document describing every route and parameter of the API."""
    paths: dict[str, Any] = {
        "/": _landing(),
        "/conformance": _capability(
            "Conformance classes", "The conformance classes", JSON, "ConfClasses"
        ),
        "/api": _capability(
            "This API definition", "OpenAPI 3.0 (in HTML: a page to read and try it)", OPENAPI
        ),
        "/collections": _capability("Collections", "Every layer", JSON, "Collections"),
        "/collections/{collectionId}": _capability(
            "One collection", "One layer", JSON, "Collection", of_a_collection=True
        ),
        "/export/atlas.geojson": _export_path("atlas", "geojson", GEOJSON, "FeatureCollection"),
    }
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
            "responses": RESPONSES,
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

    parameters = {name: parameter.openapi(max_limit) for name, parameter in PARAMETERS.items()}
    parameters["limit"]["schema"] = {**parameters["limit"]["schema"], "default": default_limit}
    return {
        **parameters,
        "collectionId": path("collectionId", "A layer id."),
        "featureId": path("featureId", "A feature id."),
    }

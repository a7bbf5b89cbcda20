"""Blueprint of the OGC API – Features (Part 1 Core, GeoJSON, HTML, OpenAPI 3.0) and exports.

Each route parses the request with ``server.ogcapi.params`` (which raises ``InvalidParameter``
for the one error handler to answer), asks the core for bytes and answers them with an ETag.
Answers are kept per normalised query (``server.web.caching``), because the data never change
while the app runs: a repeated request costs a dictionary lookup, not a query.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from flask import Blueprint, Flask, Response, current_app, render_template, request
from werkzeug.exceptions import RequestedRangeNotSatisfiable

from server.core import export as exports
from server.core.formats import GEOJSON, HTML, JSON, OPENAPI, SCHEMA, dumps
from server.core.store import LayerStore
from server.ogcapi import documents, params, schemas
from server.ogcapi.items import LayerIndex, items_bytes
from server.ogcapi.openapi import openapi_doc
from server.web import caching
from server.web.caching import Answer
from server.web.negotiation import prefers_html
from server.web.state import store_of

bp = Blueprint("api", __name__)
STATE_KEY = "atlas_api"
TITLE = "Iran–Russia Historical Atlas"
DESCRIPTION = (
    "Sourced, time-aware layers of Iran–Russia relations (territories, spheres, occupations, "
    "corridors, missions) as OGC API – Features collections; filter any layer by datetime, "
    "bbox or a CQL2 filter."
)
SCHEMAS = {
    "schema": schemas.feature_schema,
    "geojson-schema": schemas.geojson_schema,
    "queryables": schemas.queryables,
}


class ApiState:
    """What the API keeps beside the read-only store: each layer's features, serialised once."""

    def __init__(self, store: LayerStore) -> None:
        self.store = store
        self.indexes: dict[str, LayerIndex] = {}

    def index(self, layer_id: str) -> LayerIndex:
        """Return a layer's serialised features, built on first use (raises ``UnknownLayer``)."""
        if layer_id not in self.indexes:
            self.indexes[layer_id] = LayerIndex(self.store.layer(layer_id))
        return self.indexes[layer_id]


def init_app(app: Flask) -> None:
    """Register the API blueprint and what it keeps beside the store.

    Byte ranges of downloads are cut last, after compression, so a range is always of the
    bytes sent: this ``after_request`` must be registered before ``caching.init_app`` adds
    Flask-Compress's (Flask runs them in reverse order).
    """
    app.register_blueprint(bp)
    app.extensions[STATE_KEY] = ApiState(store_of(app))
    app.after_request(_answer_range)


def _state() -> ApiState:
    return current_app.extensions[STATE_KEY]


def _args() -> dict[str, list[str]]:
    return request.args.to_dict(flat=False)


def _cached(key: Any, build: Callable[[], Answer]) -> Response:
    return caching.cached_answer(key, build, vary="Accept")


def _encode(
    doc: dict, fmt: params.Format, mimetype: str, title: str, resource: str, **page: Any
) -> Answer:
    """Encode a document as JSON, or as the HTML page of its kind (``templates/ogcapi/``)."""
    if fmt == "json":
        return dumps(doc), mimetype, {}
    links = [_as_seen_in_html(link) for link in doc.get("links", [])]
    template = f"ogcapi/{resource}.html"
    html = render_template(template, title=title, doc={**doc, "links": links}, **page)
    return html.encode(), HTML, {}


def _as_seen_in_html(link: dict[str, str]) -> dict[str, str]:
    """Return a link as an HTML page lists it: the HTML twin is ``self``, JSON ``alternate``."""
    if link["rel"] in ("self", "alternate"):
        rel = "self" if link["type"] == "text/html" else "alternate"
        return {**link, "rel": rel}
    return link


def _document(name: str, build: Callable[[], dict], title: str, *path: str) -> Response:
    """Answer a small document (landing, conformance, collections) as JSON or HTML."""
    args = _args()
    params.check_parameters(args, ["f"])
    fmt = params.parse_format(args, prefers_html(request))
    key = (name, *path, fmt, request.url_root)
    return _cached(key, lambda: _encode(build(), fmt, JSON, title, name))


def landing() -> Response:
    """Answer the OGC landing page as JSON (``/`` asks when ``root_wants_json`` says so)."""
    params.check_parameters(_args(), ["f"])
    params.parse_format(_args(), False)  # refuses any f other than json or html
    return _landing("json")


def landing_html_if_asked() -> Response | None:
    """Return the landing page as HTML for ``/?f=html`` (links to the API's parts), else None."""
    if request.args.get("f") != "html":
        return None
    params.check_parameters(_args(), ["f"])
    return _landing("html")


def _landing(fmt: params.Format) -> Response:
    def build() -> Answer:
        doc = documents.landing_doc(request.url_root, TITLE, DESCRIPTION)
        return _encode(doc, fmt, JSON, TITLE, "landing")

    return _cached(("landing", fmt, request.url_root), build)


@bp.get("/conformance")
def conformance():
    """Answer the conformance classes the API implements."""
    return _document("conformance", documents.conformance_doc, "Conformance")


@bp.get("/api")
def api_definition():
    """Answer the OpenAPI 3.0 definition: JSON, or in HTML a page to read and try it."""
    args = _args()
    params.check_parameters(args, ["f"])
    fmt = params.parse_format(args, prefers_html(request))
    if fmt == "html":
        return _cached(
            ("api-html", request.url_root),
            lambda: (render_template("api_definition.html", title=TITLE).encode(), "text/html", {}),
        )
    max_limit, default_limit = current_app.config["MAX_LIMIT"], current_app.config["DEFAULT_LIMIT"]
    return _cached(
        ("api", request.url_root),
        lambda: (
            dumps(openapi_doc(_state().store, TITLE, DESCRIPTION, max_limit, default_limit)),
            OPENAPI,
            {},
        ),
    )


@bp.get("/collections")
def collections():
    """Answer every layer as a collection."""
    url = request.url_root
    return _document(
        "collections", lambda: documents.collections_doc(_state().store, url), "Layers"
    )


@bp.get("/collections/<collection_id>")
def collection(collection_id: str):
    """Answer one layer: its extents in space and time, and links to its items."""
    layer = _state().store.layer(collection_id)
    url = request.url_root
    return _document(
        "collection", lambda: documents.collection_doc(layer, url), layer.spec.title, collection_id
    )


@bp.get('/collections/<collection_id>/<any(schema, queryables, "geojson-schema"):kind>')
def schema(collection_id: str, kind: str):
    """Answer a layer's Part 5 schema, its queryables, or its GeoJSON item schema (for GDAL)."""
    layer = _state().store.layer(collection_id)
    args = _args()
    params.check_parameters(args, ["f"])
    fmt = params.parse_format(args, prefers_html(request))
    url = f"{request.url_root}collections/{collection_id}/{kind}"
    return _cached(
        ("schema", kind, collection_id, fmt, request.url_root),
        lambda: _encode(
            SCHEMAS[kind](layer, url), fmt, SCHEMA, f"{layer.spec.title}: {kind}", "schema"
        ),
    )


@bp.get("/collections/<collection_id>/items")
def items(collection_id: str):
    """Answer a page of a layer's features, filtered by datetime, bbox and properties."""
    config, args = current_app.config, _args()
    index = _state().index(collection_id)
    query = params.parse_items_query(
        args, index.layer, config["DEFAULT_LIMIT"], config["MAX_LIMIT"]
    )
    fmt = params.parse_format(args, prefers_html(request))
    # A digest, not the query: a 20 KB filter would otherwise sit in the cache uncounted.
    key = ("items", collection_id, caching.etag_of(repr(query).encode()), fmt, request.url_root)
    return _cached(key, lambda: _items_entry(index, query, fmt))


def _items_entry(index: LayerIndex, query: params.ItemsQuery, fmt: params.Format) -> Answer:
    positions = index.select(query)
    links = documents.items_links(request.url_root, index.layer.id, query, len(positions), fmt)
    # The answer's own time; a cached answer keeps the time it was made (README, "API").
    time_stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    body = items_bytes(index, positions, query, links, time_stamp)
    if fmt == "json":
        return body, GEOJSON, {}
    title = index.layer.spec.title
    return _encode(json.loads(body), "html", "", title, "items", layer=index.layer.id)


@bp.get("/collections/<collection_id>/items/<feature_id>")
def item(collection_id: str, feature_id: str):
    """Answer one feature (in HTML with a link to the map at the day it starts)."""
    index, args = _state().index(collection_id), _args()
    params.check_parameters(args, ["f"])
    fmt = params.parse_format(args, prefers_html(request))
    key = ("item", collection_id, feature_id, fmt, request.url_root)
    return _cached(
        key,
        lambda: _encode(
            documents.feature_doc(index, feature_id, request.url_root, fmt),
            fmt,
            GEOJSON,
            feature_id,
            "item",
            layer=collection_id,
        ),
    )


@bp.get("/export/<name>.<any(geojson, gpkg, csv):fmt>")
def download(name: str, fmt: str):
    """Answer a layer (or ``atlas``: every layer) as a file, at one date if ``?date=``."""
    args = _args()
    params.check_parameters(args, ["date"])
    at = args.get("date", [None])[0]
    return _cached(("export", name, fmt, at), lambda: _export_entry(name, fmt, at))


def _export_entry(name: str, fmt: str, at: str | None) -> Answer:
    made = exports.export(_state().store, name, fmt, at)
    disposition = f'attachment; filename="{made.filename}"'
    return made.body, made.mimetype, {"Content-Disposition": disposition}


def _answer_range(response: Response) -> Response:
    """Cut a download to the bytes a ``Range`` header asks for (206), or answer 416.

    GDAL and QGIS open remote files through ``/vsicurl/``, which reads them in ranges; a
    download that refused ranges could only be fetched whole.
    """
    if request.endpoint != "api.download" or response.status_code != 200:
        return response
    length = response.calculate_content_length()
    try:
        response.make_conditional(request, accept_ranges=True, complete_length=length)
    except RequestedRangeNotSatisfiable:
        return Response(status=416, headers={"Content-Range": f"bytes */{length}"})
    return response

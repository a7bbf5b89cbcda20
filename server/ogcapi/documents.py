"""OGC API – Features documents, without HTTP: landing, conformance, collections, features.

Each function takes the store (or a layer) and the service's base URL and returns a dict ready to
be encoded as JSON or shown as HTML; the links every document carries are built here.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote, urlencode

from server.core.dates import EARLIEST, LATEST
from server.core.formats import GEOJSON, HTML, JSON, OPENAPI
from server.core.store import Layer, LayerStore
from server.ogcapi.items import LayerIndex
from server.ogcapi.params import Format, ItemsQuery

CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
GREGORIAN = "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian"
CONFORMANCE = [
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
]


def items_links(base: str, layer_id: str, query: ItemsQuery, matched: int, fmt: Format) -> list:
    """Return self, alternate, collection and (where they exist) next and prev links."""
    url = f"{base}collections/{quote(layer_id)}/items?"
    other = "html" if fmt == "json" else "json"
    links = [
        link(url + urlencode({**query.params(), "f": fmt}), "self", fmt, "This page"),
        link(url + urlencode({**query.params(), "f": other}), "alternate", other, "This page"),
        link(f"{base}collections/{quote(layer_id)}", "collection", "json", "The collection"),
    ]
    if query.offset + query.limit < matched:
        next_params = {**query.params(query.offset + query.limit), "f": fmt}
        links.append(link(url + urlencode(next_params), "next", fmt, "Next page"))
    if query.offset > 0:
        prev_params = {**query.params(max(query.offset - query.limit, 0)), "f": fmt}
        links.append(link(url + urlencode(prev_params), "prev", fmt, "Previous page"))
    return links


def link(href: str, rel: str, fmt: str, title: str) -> dict[str, str]:
    """Return an OGC link object; ``fmt`` is json, geojson, html or openapi."""
    types = {"json": JSON, "geojson": GEOJSON, "html": HTML, "openapi": OPENAPI}
    if fmt == "json" and "/items" in href:
        fmt = "geojson"
    return {"href": href, "rel": rel, "type": types[fmt], "title": title}


def landing_doc(base: str, title: str, description: str) -> dict[str, Any]:
    """Return the landing page: what this service is and where its parts are."""
    return {
        "title": title,
        "description": description,
        "links": [
            link(f"{base}?f=json", "self", "json", "This document"),
            link(f"{base}?f=html", "alternate", "html", "The atlas map"),
            link(f"{base}api", "service-desc", "openapi", "The API definition (OpenAPI 3.0)"),
            link(f"{base}conformance", "conformance", "json", "Conformance classes"),
            link(f"{base}collections", "data", "json", "The layers as collections"),
        ],
    }


def conformance_doc() -> dict[str, Any]:
    """Return the conformance classes this API implements."""
    return {"conformsTo": CONFORMANCE}


def collection_doc(layer: Layer, base: str) -> dict[str, Any]:
    """Return one layer as an OGC collection: extents, item type and links."""
    url = f"{base}collections/{quote(layer.id)}"
    return {
        "id": layer.id,
        "title": layer.spec.title,
        "description": layer.spec.description,
        "itemType": "feature",
        "crs": [CRS84],
        "extent": {
            "spatial": {"bbox": [list(layer.bbox)], "crs": CRS84},
            "temporal": {"interval": [layer_interval(layer)], "trs": GREGORIAN},
        },
        "links": [
            link(f"{url}?f=json", "self", "json", "This collection"),
            link(f"{url}?f=html", "alternate", "html", "This collection"),
            link(f"{url}/items?f=json", "items", "geojson", "Its features"),
            link(f"{url}/items?f=html", "items", "html", "Its features"),
        ],
    }


def collections_doc(store: LayerStore, base: str) -> dict[str, Any]:
    """Return every layer as a collection."""
    return {
        "collections": [collection_doc(layer, base) for layer in store],
        "links": [
            link(f"{base}collections?f=json", "self", "json", "The collections"),
            link(f"{base}collections?f=html", "alternate", "html", "The collections"),
        ],
    }


def feature_doc(index: LayerIndex, feature_id: str, base: str, fmt: Format) -> dict[str, Any]:
    """Return one feature with self and collection links (``FeatureNotFound`` if it is not)."""
    feature = json.loads(index.features[index.layer.position(feature_id)])
    url = f"{base}collections/{quote(index.layer.id)}"
    other = "html" if fmt == "json" else "json"
    feature["links"] = [
        link(f"{url}/items/{quote(feature_id)}?f={fmt}", "self", fmt, "This feature"),
        link(f"{url}/items/{quote(feature_id)}?f={other}", "alternate", other, "This feature"),
        link(f"{url}?f=json", "collection", "json", "Its collection"),
    ]
    return feature


def layer_interval(layer: Layer) -> list[str | None]:
    """Return ``[earliest start, latest end]`` as RFC 3339, ``None`` where a side is open."""
    first, last = layer.span
    return [
        None if first == EARLIEST else f"{first.isoformat()}T00:00:00Z",
        None if last == LATEST else f"{last.isoformat()}T23:59:59Z",
    ]

"""OGC API – Features documents, without HTTP: landing, conformance, collections, features.

Each function takes the store (or a layer) and the service's base URL and returns a dict ready to
be encoded as JSON or shown as HTML; the links every document carries are built here.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote, urlencode

from server.core.dates import EARLIEST, LATEST
from server.core.export import MIMETYPES, formats_of
from server.core.formats import GEOJSON, HTML, JSON, OPENAPI, SCHEMA
from server.core.store import Layer, LayerStore
from server.ogcapi.items import JSON_FG, LayerIndex
from server.ogcapi.params import Format, ItemsQuery

CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
GREGORIAN = "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian"
OGC_REL = "http://www.opengis.net/def/rel/ogc/1.0/"
FEATURES = "http://www.opengis.net/spec/ogcapi-features-{part}/1.0/conf/{name}"
CQL2 = "http://www.opengis.net/spec/cql2/1.0/conf/{}"
CONFORMANCE = [
    *(FEATURES.format(part=1, name=n) for n in ("core", "geojson", "html", "oas30")),
    *(FEATURES.format(part=3, name=n) for n in ("queryables", "features-filter", "filter")),
    FEATURES.format(part=3, name="queryables-query-parameters"),
    *(FEATURES.format(part=5, name=n) for n in ("schemas", "core-roles-features")),
    *(
        CQL2.format(name)
        for name in (
            "cql2-text",
            "cql2-json",
            "basic-cql2",
            "advanced-comparison-operators",
            "case-insensitive-comparison",
            "accent-insensitive-comparison",
            "basic-spatial-functions",
            "basic-spatial-functions-plus",
            "spatial-functions",
            "temporal-functions",
            "array-functions",
            "property-property",
        )
    ),
    JSON_FG,
]


def items_links(base: str, layer_id: str, query: ItemsQuery, matched: int, fmt: Format) -> list:
    """Return self, alternate, collection and (where they exist) next and prev links.

    Every link repeats the client's parameters as written (``ItemsQuery.echo``).
    """
    url = f"{base}collections/{quote(layer_id)}/items?"
    other = "html" if fmt == "json" else "json"

    def page(offset: int, page_fmt: str) -> str:
        return url + urlencode({**query.link_params(offset), "f": page_fmt}, safe=",")

    links = [
        link(page(query.offset, fmt), "self", fmt, "This page"),
        link(page(query.offset, other), "alternate", other, "This page"),
        link(f"{base}collections/{quote(layer_id)}", "collection", "json", "The collection"),
    ]
    if query.offset + query.limit < matched:
        links.append(link(page(query.offset + query.limit, fmt), "next", fmt, "Next page"))
    if query.offset > 0:
        previous = max(query.offset - query.limit, 0)
        links.append(link(page(previous, fmt), "prev", fmt, "Previous page"))
    return links


def link(href: str, rel: str, fmt: str, title: str) -> dict[str, str]:
    """Return an OGC link object; ``fmt`` is json, geojson, html, openapi or a media type."""
    types = {"json": JSON, "geojson": GEOJSON, "html": HTML, "openapi": OPENAPI, "schema": SCHEMA}
    if fmt == "json" and "/items" in href:
        fmt = "geojson"
    return {"href": href, "rel": rel, "type": types.get(fmt, fmt), "title": title}


def landing_doc(base: str, title: str, description: str) -> dict[str, Any]:
    """Return the landing page: what this service is and where its parts are."""
    return {
        "title": title,
        "description": description,
        "links": [
            link(f"{base}?f=json", "self", "json", "This document"),
            link(f"{base}?f=html", "alternate", "html", "This document as HTML"),
            link(f"{base}api", "service-desc", "openapi", "The API definition (OpenAPI 3.0)"),
            link(f"{base}api?f=html", "service-doc", "html", "The API definition, to read"),
            link(f"{base}conformance", "conformance", "json", "Conformance classes"),
            link(f"{base}collections", "data", "json", "The layers as collections"),
            link(base, "related", "html", "The atlas map"),
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
            *schema_links(url),
            *(
                link(
                    f"{base}export/{quote(layer.id)}.{fmt}",
                    "enclosure",
                    MIMETYPES[fmt],
                    f"The whole layer as {fmt}",
                )
                for fmt in formats_of(layer)
            ),
        ],
    }


def schema_links(url: str) -> list[dict[str, str]]:
    """Return a collection's links to its schemas and queryables.

    ``describedby`` points to the schema of one item as GeoJSON, which GDAL's OAPIF driver
    reads to type its fields; GDAL 3.6 (Debian 12) matches only the spelling ``describedBy`` (link
    relations are case-insensitive, RFC 8288), hence the second link to the same schema.
    """
    feature = f"{url}/geojson-schema"
    return [
        link(feature, "describedby", "schema", "JSON Schema of one item as GeoJSON"),
        link(
            feature,
            "describedBy",
            "schema",
            "The same, for GDAL 3.6 (Debian 12), which matches this spelling only",
        ),
        link(f"{url}/schema", f"{OGC_REL}schema", "schema", "The features' schema (Part 5)"),
        link(f"{url}/queryables", f"{OGC_REL}queryables", "schema", "What filter may name"),
    ]


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

"""OGC API – Features, Part 1 Core, without HTTP: query parameters in, documents out.

The blueprint in ``api.py`` hands this module plain mappings and a base URL and gets back
checked queries (or an ``InvalidParameter`` saying which parameter is wrong and why) and
documents as dicts or bytes. Keeping HTTP out makes every rule testable without a client, as in
pygeoapi's ``api/`` package. Features are serialised once per layer (``LayerIndex``) and pages
are assembled by joining those bytes, because re-encoding GeoJSON per request is what makes
Python feature servers slow; see ``server.feature_index``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal
from urllib.parse import quote, urlencode

from server.errors import FeatureNotFound, InvalidDate, InvalidParameter
from server.feature_index import LayerIndex
from server.store import BBox, Layer, LayerStore
from server.timeline import EARLIEST, LATEST, parse_instant_or_interval, span_of
from server.validate import CERTAINTIES

Format = Literal["json", "html"]
Args = Mapping[str, Sequence[str]]
GEOJSON = "application/geo+json"
JSON = "application/json"
OPENAPI = "application/vnd.oai.openapi+json;version=3.0"
CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
GREGORIAN = "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian"
CONFORMANCE = [
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
]
ITEMS_PARAMETERS = ("f", "datetime", "bbox", "limit", "offset")
COMMON_FILTERS = ("kind", "certainty")
MAX_OFFSET = 2**31 - 1
MAX_VALUE_LENGTH = 1000


@dataclass(frozen=True)
class ItemsQuery:
    """A checked, normalised items query: equal queries share one cached answer."""

    span: tuple[date, date] | None = None
    bbox: BBox | None = None
    limit: int = 100
    offset: int = 0
    filters: tuple[tuple[str, str], ...] = ()

    def params(self, offset: int | None = None) -> dict[str, str]:
        """Return the query as URL parameters, with ``offset`` replaced (for next/prev links)."""
        params = dict(self.filters)
        if self.span is not None:
            params["datetime"] = interval_text(*self.span)
        if self.bbox is not None:
            params["bbox"] = ",".join(f"{value:g}" for value in self.bbox)
        params["limit"] = str(self.limit)
        params["offset"] = str(self.offset if offset is None else offset)
        return params


def check_parameters(args: Args, allowed: Iterable[str]) -> None:
    """Refuse unknown or repeated parameters, as OGC API – Features requires (400)."""
    allowed = list(allowed)
    for name, values in args.items():
        if name not in allowed:
            raise InvalidParameter(
                f"unknown query parameter {show(name)}; allowed: {', '.join(allowed)}"
            )
        if len(values) > 1:
            raise InvalidParameter(f"parameter {name!r} is given more than once")
        if len(values[0]) > MAX_VALUE_LENGTH:
            raise InvalidParameter(f"parameter {name!r} is longer than {MAX_VALUE_LENGTH} chars")


def parse_format(args: Args, prefers_html: bool) -> Format:
    """Return ``json`` or ``html`` from ``f``, else from the Accept header's preference."""
    value = args.get("f", [None])[0]
    if value is None:
        return "html" if prefers_html else "json"
    if value not in ("json", "html"):
        raise InvalidParameter(f"f={show(value)} is not a format; use f=json or f=html")
    return value  # type: ignore[return-value]


def parse_datetime(text: str) -> tuple[date, date]:
    """Return the inclusive days an OGC ``datetime`` instant or interval selects."""
    try:
        return parse_instant_or_interval(text)
    except InvalidDate as error:
        raise InvalidDate(f"datetime: {error}") from None
    except (ValueError, OverflowError):
        raise InvalidDate(f"datetime: {show(text)} is not a date or interval") from None


def parse_bbox(text: str) -> BBox:
    """Return ``(minx, miny, maxx, maxy)`` in degrees, or say which rule the text breaks."""
    parts = text.split(",")
    if len(parts) not in (4, 6):
        raise InvalidParameter("bbox: give 4 numbers minLon,minLat,maxLon,maxLat")
    try:
        numbers = [float(part) for part in parts]
    except ValueError:
        raise InvalidParameter(f"bbox: {show(text)} has a value that is not a number") from None
    if not all(math.isfinite(number) for number in numbers):
        raise InvalidParameter("bbox: values must be finite numbers (no NaN or Infinity)")
    if len(numbers) == 6:  # minx, miny, minz, maxx, maxy, maxz: heights do not matter here
        numbers = [numbers[0], numbers[1], numbers[3], numbers[4]]
    minx, miny, maxx, maxy = numbers
    if not (-180 <= minx <= 180 and -180 <= maxx <= 180):
        raise InvalidParameter("bbox: longitudes must lie within -180 to 180")
    if not (-90 <= miny <= 90 and -90 <= maxy <= 90):
        raise InvalidParameter("bbox: latitudes must lie within -90 to 90")
    if minx > maxx or miny > maxy:
        raise InvalidParameter(
            "bbox: the minimum must not exceed the maximum (minx<=maxx, miny<=maxy)"
        )
    return minx, miny, maxx, maxy


def parse_count(text: str, name: str, lowest: int, highest: int) -> int:
    """Return an integer parameter within ``lowest``–``highest``, or say the allowed range."""
    digits = text.strip()
    if not (digits.isascii() and digits.lstrip("+-").isdigit()) or len(digits) > 20:
        raise InvalidParameter(f"{name}: {show(text)} is not an integer ({lowest} to {highest})")
    value = int(digits)
    if not lowest <= value <= highest:
        raise InvalidParameter(f"{name}: {value} is out of range; allowed {lowest} to {highest}")
    return value


def filter_names(layer: Layer) -> list[str]:
    """Return the properties a layer's items may be filtered by: its catalogued ones + common."""
    return [*layer.spec.properties, *(n for n in COMMON_FILTERS if n not in layer.spec.properties)]


def parse_items_query(args: Args, layer: Layer, default_limit: int, max_limit: int) -> ItemsQuery:
    """Check every items parameter (unknown ones are refused) and return the normalised query."""
    names = filter_names(layer)
    check_parameters(args, [*ITEMS_PARAMETERS, *names])
    value = {name: values[0] for name, values in args.items()}
    return ItemsQuery(
        span=parse_datetime(value["datetime"]) if "datetime" in value else None,
        bbox=parse_bbox(value["bbox"]) if "bbox" in value else None,
        limit=parse_count(value.get("limit", str(default_limit)), "limit", 1, max_limit),
        offset=parse_count(value.get("offset", "0"), "offset", 0, MAX_OFFSET),
        filters=tuple(sorted(_check_filter(layer, n, value[n]) for n in names if n in value)),
    )


def _check_filter(layer: Layer, name: str, value: str) -> tuple[str, str]:
    values = (
        CERTAINTIES if name == "certainty" else layer.spec.properties.get(name, {}).get("values")
    )
    if values and value not in values:
        raise InvalidParameter(f"{name}: {show(value)} is not one of {', '.join(values)}")
    return name, value


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
    types = {"json": JSON, "geojson": GEOJSON, "html": "text/html", "openapi": OPENAPI}
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
            "spatial": {"bbox": [layer_bbox(layer)], "crs": CRS84},
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
    feature = json.loads(index.features[_position(index, feature_id)])
    url = f"{base}collections/{quote(index.layer.id)}"
    other = "html" if fmt == "json" else "json"
    feature["links"] = [
        link(f"{url}/items/{quote(feature_id)}?f={fmt}", "self", fmt, "This feature"),
        link(f"{url}/items/{quote(feature_id)}?f={other}", "alternate", other, "This feature"),
        link(f"{url}?f=json", "collection", "json", "Its collection"),
    ]
    return feature


def _position(index: LayerIndex, feature_id: str) -> int:
    if feature_id not in index.positions:
        raise FeatureNotFound(f"collection {index.layer.id!r} has no feature {show(feature_id)}")
    return index.positions[feature_id]


def layer_bbox(layer: Layer) -> list[float]:
    """Return the layer's bounds ``[minx, miny, maxx, maxy]`` (the whole world if empty)."""
    if not len(layer.frame):
        return [-180.0, -90.0, 180.0, 90.0]
    return [round(float(value), 6) for value in layer.frame.total_bounds]


def layer_interval(layer: Layer) -> list[str | None]:
    """Return ``[earliest start, latest end]`` as RFC 3339, ``None`` where a side is open."""
    spans = [
        span_of(f["properties"].get("start_date"), f["properties"].get("end_date"))
        for f in layer.features
    ]
    first = min((start for start, _ in spans), default=EARLIEST)
    last = max((end for _, end in spans), default=LATEST)
    return [
        None if first == EARLIEST else f"{first.isoformat()}T00:00:00Z",
        None if last == LATEST else f"{last.isoformat()}T23:59:59Z",
    ]


def interval_text(start: date, end: date) -> str:
    """Write a span of days as an OGC ``datetime`` (an instant if one day, ``..`` if open)."""
    if start == end:
        return start.isoformat()
    return f"{'..' if start == EARLIEST else start}/{'..' if end == LATEST else end}"


def show(text: str, limit: int = 40) -> str:
    """Quote a user's value for a message, shortened so a 10 KB value cannot flood a reply."""
    return repr(text if len(text) <= limit else text[:limit] + "…")

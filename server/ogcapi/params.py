"""OGC API – Features query parameters, without HTTP: definitions, and checked queries out.

``PARAMETERS`` defines every query parameter once (name, meaning, JSON Schema); the OpenAPI
document (``server.ogcapi.openapi``) is generated from it and the parsers below accept exactly
what it publishes. The blueprint (``server.web.api``) hands this module the request's
arguments and gets back a normalised ``ItemsQuery`` or an ``InvalidParameter`` saying which
parameter is wrong and why. Keeping HTTP out makes every rule testable without a client.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from server.core.contract import CERTAINTIES
from server.core.errors import InvalidParameter
from server.core.formats import DEFAULT_LIMIT, MAX_OFFSET, MAX_VALUE_LENGTH
from server.core.formats import quote as show
from server.core.store import BBox, Layer
from server.ogcapi.filtering import CRS84, LANGUAGES, parse_filter
from server.ogcapi.schemas import sortables
from server.ogcapi.values import (
    parse_bbox,
    parse_boolean,
    parse_count,
    parse_datetime,
    parse_limit,
    parse_names,
    parse_sortby,
)

Format = Literal["json", "html"]
FORMATS: tuple[Format, ...] = ("json", "html")
Args = Mapping[str, Sequence[str]]
COMMON_FILTERS = ("kind", "certainty")
MAX_FILTER_LENGTH = 4000  # a CQL2 filter may carry a polygon; a request line is ~4 KB at most
NAMES = r"^[A-Za-z_][A-Za-z0-9_]*(,[A-Za-z_][A-Za-z0-9_]*)*$"
SORT_KEYS = r"^[+-]?[A-Za-z_][A-Za-z0-9_]*(,[+-]?[A-Za-z_][A-Za-z0-9_]*)*$"


@dataclass(frozen=True)
class Parameter:
    """One query parameter as ``/api`` publishes it: what it does and the values it takes."""

    name: str
    about: str
    schema: Mapping[str, Any]

    def openapi(self, max_limit: int) -> dict[str, Any]:
        """Return the OpenAPI parameter object (``{max_limit}`` filled in)."""
        return {
            "name": self.name,
            "in": "query",
            "required": False,
            "description": self.about.format(max_limit=max_limit),
            "schema": dict(self.schema),
            "style": "form",
            "explode": False,
        }


def _text(length: int = MAX_VALUE_LENGTH, **extra: Any) -> dict[str, Any]:
    return {"type": "string", "maxLength": length, **extra}


PARAMETERS = {
    parameter.name: parameter
    for parameter in (
        Parameter(
            "f", "Answer format: json (default) or html.", {"type": "string", "enum": list(FORMATS)}
        ),
        Parameter(
            "datetime",
            "An instant (1813-10-24, 1813, an RFC 3339 date-time, which selects its day in "
            "UTC) or an interval start/end, open with '..' or empty on one side: the features "
            "that hold at any time in it.",
            _text(),
        ),
        Parameter(
            "bbox",
            "minLon,minLat,maxLon,maxLat in WGS84 degrees (6 numbers with heights also do); "
            "minLon > maxLon crosses the antimeridian.",
            {
                "type": "array",
                "minItems": 4,
                "maxItems": 6,
                "items": {"type": "number", "minimum": -180, "maximum": 180},
            },
        ),
        Parameter(
            "limit",
            "Features per page; pages hold at most {max_limit}, and a larger limit is capped "
            "to that (the next link goes on).",
            {"type": "integer", "minimum": 1, "default": DEFAULT_LIMIT},
        ),
        Parameter(
            "offset",
            "Features to skip before the page starts.",
            {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET, "default": 0},
        ),
        Parameter(
            "filter",
            "A CQL2 filter over the queryables (/collections/{{collectionId}}/queryables), e.g. "
            "T_INTERSECTS(INTERVAL(start_day, end_day), INTERVAL('1800-01-01','1830-12-31')) "
            "or S_INTERSECTS(geometry, BBOX(44,39,47,42)).",
            _text(MAX_FILTER_LENGTH),
        ),
        Parameter(
            "filter-lang", "The filter's encoding.", {"type": "string", "enum": list(LANGUAGES)}
        ),
        Parameter(
            "filter-crs", "The CRS of the filter's geometries.", {"type": "string", "enum": [CRS84]}
        ),
        Parameter(
            "sortby",
            "Properties to sort by, comma-separated; '-' before a name sorts it descending.",
            _text(pattern=SORT_KEYS),
        ),
        Parameter(
            "properties",
            "Only these properties in each feature, comma-separated.",
            _text(pattern=NAMES),
        ),
        Parameter("skipGeometry", "true: features without geometry.", {"type": "boolean"}),
        Parameter(
            "date",
            "Only features holding at this date (YYYY, YYYY-MM, YYYY-MM-DD).",
            _text(),
        ),
    )
}
ITEMS_PARAMETERS = tuple(name for name in PARAMETERS if name != "date")


@dataclass(frozen=True)
class ItemsQuery:
    """A checked items query; equal queries (``echo`` included) share one cached answer.

    ``echo`` is what the client wrote (every parameter but ``f`` and ``offset``, in its order),
    repeated verbatim in ``self``, ``next`` and ``prev`` links: a bbox of ``46.29194`` stays
    ``46.29194``, so every page of a walk selects the same features.
    """

    span: tuple[date, date] | None = None
    bbox: BBox | None = None
    limit: int = DEFAULT_LIMIT
    offset: int = 0
    filters: tuple[tuple[str, str], ...] = ()
    matches: tuple[int, ...] | None = None  # positions the CQL2 filter selects
    sortby: tuple[tuple[str, bool], ...] = ()
    properties: tuple[str, ...] | None = None
    skip_geometry: bool = False
    echo: tuple[tuple[str, str], ...] = ()

    def link_params(self, offset: int) -> dict[str, str]:
        """Return the parameters of a link to the page at ``offset``: the client's, echoed."""
        params = dict(self.echo)
        params.setdefault("limit", str(self.limit))
        params["offset"] = str(offset)
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
        longest = MAX_FILTER_LENGTH if name == "filter" else MAX_VALUE_LENGTH
        if len(values[0]) > longest:
            raise InvalidParameter(f"parameter {name!r} is longer than {longest} chars")


def parse_format(args: Args, prefers_html: bool) -> Format:
    """Return ``json`` or ``html`` from ``f``, else from the Accept header's preference."""
    value = args.get("f", [None])[0]
    if value is None:
        return "html" if prefers_html else "json"
    if value not in FORMATS:
        raise InvalidParameter(f"f={show(value)} is not a format; use f=json or f=html")
    return value  # type: ignore[return-value]


def filter_names(layer: Layer) -> list[str]:
    """Return the properties a layer's items may be filtered by: its catalogued ones + common."""
    return [*layer.spec.properties, *(n for n in COMMON_FILTERS if n not in layer.spec.properties)]


def parse_items_query(args: Args, layer: Layer, default_limit: int, max_limit: int) -> ItemsQuery:
    """Check every items parameter (unknown ones are refused) and return the normalised query."""
    names = filter_names(layer)
    check_parameters(args, [*ITEMS_PARAMETERS, *names])
    value = {name: values[0] for name, values in args.items()}
    if ("filter-lang" in value or "filter-crs" in value) and "filter" not in value:
        raise InvalidParameter("filter-lang and filter-crs describe a filter; give filter too")
    matches = None
    if "filter" in value:
        matches = parse_filter(
            value["filter"], value.get("filter-lang"), value.get("filter-crs"), layer
        )
    return ItemsQuery(
        span=parse_datetime(value["datetime"]) if "datetime" in value else None,
        bbox=parse_bbox(value["bbox"]) if "bbox" in value else None,
        limit=parse_limit(value.get("limit", str(default_limit)), max_limit),
        offset=parse_count(value.get("offset", "0"), "offset", 0, MAX_OFFSET),
        filters=tuple(sorted(_check_filter(layer, n, value[n]) for n in names if n in value)),
        matches=matches,
        sortby=parse_sortby(value["sortby"], sortables(layer)) if "sortby" in value else (),
        properties=(
            parse_names(value["properties"], "properties", layer.columns)
            if "properties" in value
            else None
        ),
        skip_geometry=parse_boolean(value.get("skipGeometry", "false"), "skipGeometry"),
        echo=tuple((n, v) for n, v in value.items() if n not in ("f", "offset")),
    )


def allowed_values(layer: Layer, name: str) -> Sequence[str] | None:
    """Return the values a filter accepts (None: any text): certainty's, or the catalogue's."""
    if name == "certainty":
        return CERTAINTIES
    return layer.spec.properties.get(name, {}).get("values")


def _check_filter(layer: Layer, name: str, value: str) -> tuple[str, str]:
    values = allowed_values(layer, name)
    if values and value not in values:
        raise InvalidParameter(f"{name}: {show(value)} is not one of {', '.join(values)}")
    return name, value

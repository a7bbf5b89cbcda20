"""OGC API – Features query parameters, without HTTP: plain mappings in, checked queries out.

The blueprint (``server.web.api``) hands this module the request's arguments and gets back a
normalised ``ItemsQuery`` or an ``InvalidParameter`` saying which parameter is wrong and why.
Keeping HTTP out makes every rule testable without a client, as in pygeoapi's ``api/`` package.
The names, limits and allowed values here are the ones ``openapi.py`` publishes.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from server.core.contract import CERTAINTIES
from server.core.dates import EARLIEST, LATEST, parse_instant_or_interval
from server.core.errors import InvalidDate, InvalidParameter
from server.core.formats import DEFAULT_LIMIT, MAX_OFFSET, MAX_VALUE_LENGTH
from server.core.formats import quote as show
from server.core.store import BBox, Layer

Format = Literal["json", "html"]
FORMATS: tuple[Format, ...] = ("json", "html")
Args = Mapping[str, Sequence[str]]
ITEMS_PARAMETERS = ("f", "datetime", "bbox", "limit", "offset")
COMMON_FILTERS = ("kind", "certainty")


@dataclass(frozen=True)
class ItemsQuery:
    """A checked, normalised items query: equal queries share one cached answer."""

    span: tuple[date, date] | None = None
    bbox: BBox | None = None
    limit: int = DEFAULT_LIMIT
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
    if value not in FORMATS:
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


def interval_text(start: date, end: date) -> str:
    """Write a span of days as an OGC ``datetime`` (an instant if one day, ``..`` if open)."""
    if start == end:
        return start.isoformat()
    return f"{'..' if start == EARLIEST else start}/{'..' if end == LATEST else end}"

"""One query parameter's value at a time: text in, a checked value out, or a precise error.

Each parser raises ``InvalidParameter`` (or ``InvalidDate``) naming the parameter and the rule
the text breaks; ``server.ogcapi.params`` puts them together into a query.
"""

from __future__ import annotations

import math
import re
from datetime import date

from server.core.dates import parse_instant_or_interval
from server.core.errors import InvalidDate, InvalidParameter
from server.core.formats import quote as show
from server.core.store import BBox

NAME_LIST = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:,[A-Za-z_][A-Za-z0-9_]*)*")
HUGE_DIGITS = 30
SORT_KEY = re.compile(r"([+-]?)([A-Za-z_][A-Za-z0-9_]*)")


def parse_datetime(text: str) -> tuple[date, date]:
    """Return the inclusive days an OGC ``datetime`` instant or interval selects."""
    try:
        return parse_instant_or_interval(text)
    except InvalidDate as error:
        raise InvalidDate(f"datetime: {error}") from None
    except (ValueError, OverflowError):
        raise InvalidDate(f"datetime: {show(text)} is not a date or interval") from None


def parse_bbox(text: str) -> BBox:
    """Return ``(west, south, east, north)`` in degrees; west > east crosses the antimeridian."""
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
    west, south, east, north = numbers
    if not (-180 <= west <= 180 and -180 <= east <= 180):
        raise InvalidParameter("bbox: longitudes must lie within -180 to 180")
    if not (-90 <= south <= 90 and -90 <= north <= 90):
        raise InvalidParameter("bbox: latitudes must lie within -90 to 90")
    if south > north:
        raise InvalidParameter("bbox: the minimum latitude must not exceed the maximum")
    return west, south, east, north


def parse_count(text: str, name: str, lowest: int, highest: int) -> int:
    """Return an integer parameter within ``lowest``–``highest``, or say the allowed range."""
    value = _integer(text, name, f"{lowest} to {highest}")
    if not lowest <= value <= highest:
        raise InvalidParameter(f"{name}: {value} is out of range; allowed {lowest} to {highest}")
    return value


def parse_limit(text: str, highest: int) -> int:
    """Return a page size: at least 1; a larger one than ``highest`` is capped to it.

    The standard's own example asks for 50000 and gets the server's maximum and a ``next``
    link (opengeospatial/ogcapi-features#640), and GDAL's ``PAGE_SIZE`` expects that.
    """
    allowed = f"1 to {highest}; a larger limit is capped to {highest}"
    value = _integer(text, "limit", allowed)
    if value < 1:
        raise InvalidParameter(f"limit: {value} is out of range; allowed {allowed}")
    return min(value, highest)


def _integer(text: str, name: str, allowed: str) -> int:
    digits = text.strip()
    unsigned = digits.removeprefix("+").removeprefix("-")
    if not (unsigned.isascii() and unsigned.isdigit()):
        raise InvalidParameter(f"{name}: {show(text)} is not an integer ({allowed})")
    if len(unsigned) > HUGE_DIGITS:  # beyond any range: no need to convert thousands of digits
        return -(10**HUGE_DIGITS) if digits.startswith("-") else 10**HUGE_DIGITS
    return int(digits)


def parse_names(text: str, name: str, known: tuple[str, ...]) -> tuple[str, ...]:
    """Return a comma-separated list of property names, each one of ``known``."""
    if not NAME_LIST.fullmatch(text):
        raise InvalidParameter(f"{name}: give property names separated by commas, not {show(text)}")
    names = tuple(text.split(","))
    for item in names:
        if item not in known:
            raise InvalidParameter(f"{name}: no property {show(item)}; use {', '.join(known)}")
    return names


def parse_sortby(text: str, sortable: tuple[str, ...]) -> tuple[tuple[str, bool], ...]:
    """Return ``(property, descending)`` pairs from ``name,-other`` (``+`` or none: ascending)."""
    keys = []
    for part in text.split(","):
        match = SORT_KEY.fullmatch(part.strip())
        if not match:
            raise InvalidParameter(
                f"sortby: {show(part)} is not a property, +property or -property"
            )
        sign, name = match.groups()
        if name not in sortable:
            raise InvalidParameter(
                f"sortby: cannot sort by {show(name)}; use {', '.join(sortable)}"
            )
        keys.append((name, sign == "-"))
    return tuple(keys)


def parse_boolean(text: str, name: str) -> bool:
    """Return ``true`` or ``false`` as a bool."""
    if text not in ("true", "false"):
        raise InvalidParameter(f"{name}: {show(text)} is not true or false")
    return text == "true"

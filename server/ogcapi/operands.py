"""CQL2 operands and operators: the tables of what each operator means, and literal values.

``server.ogcapi.predicates`` walks a filter and uses these; the semantics (days as points,
closed intervals, UTC days for timestamps, CRS84 geometries) are described there.
"""

from __future__ import annotations

import operator
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely
from shapely.errors import GEOSException
from shapely.geometry import shape
from shapely.validation import explain_validity

from server.core.dates import parse_instant_or_interval
from server.core.errors import InvalidParameter
from server.core.formats import quote
from server.core.store import boxes_of

OPEN = ".."
COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "=": operator.eq,
    "<>": operator.ne,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}
SPATIAL = {
    "s_intersects": shapely.intersects,
    "s_disjoint": shapely.disjoint,
    "s_equals": shapely.equals,
    "s_touches": shapely.touches,
    "s_within": shapely.within,
    "s_overlaps": shapely.overlaps,
    "s_crosses": shapely.crosses,
    "s_contains": shapely.contains,
}
# Closed intervals [a1, a2] and [b1, b2] of day numbers, as in the CQL2 standard's table.
TEMPORAL: dict[str, Callable[..., np.ndarray]] = {
    "t_after": lambda a1, a2, b1, b2: a1 > b2,
    "t_before": lambda a1, a2, b1, b2: a2 < b1,
    "t_contains": lambda a1, a2, b1, b2: (a1 < b1) & (a2 > b2),
    "t_disjoint": lambda a1, a2, b1, b2: (a2 < b1) | (a1 > b2),
    "t_during": lambda a1, a2, b1, b2: (a1 > b1) & (a2 < b2),
    "t_equals": lambda a1, a2, b1, b2: (a1 == b1) & (a2 == b2),
    "t_finishedby": lambda a1, a2, b1, b2: (a1 < b1) & (a2 == b2),
    "t_finishes": lambda a1, a2, b1, b2: (a1 > b1) & (a2 == b2),
    "t_intersects": lambda a1, a2, b1, b2: (a1 <= b2) & (a2 >= b1),
    "t_meets": lambda a1, a2, b1, b2: a2 == b1,
    "t_metby": lambda a1, a2, b1, b2: a1 == b2,
    "t_overlappedby": lambda a1, a2, b1, b2: (a1 > b1) & (a1 < b2) & (a2 > b2),
    "t_overlaps": lambda a1, a2, b1, b2: (a1 < b1) & (a2 > b1) & (a2 < b2),
    "t_startedby": lambda a1, a2, b1, b2: (a1 == b1) & (a2 > b2),
    "t_starts": lambda a1, a2, b1, b2: (a1 == b1) & (a2 < b2),
}
ARRAYS = {
    "a_equals": lambda left, right: left == right,
    "a_contains": lambda left, right: set(left) >= set(right),
    "a_containedby": lambda left, right: set(left) <= set(right),
    "a_overlaps": lambda left, right: bool(set(left) & set(right)),
}


@dataclass(frozen=True)
class Values:
    """An operand: one value per feature (a property) or one for all (a literal)."""

    kind: str  # text, number, boolean, date (a day number), array, geometry, null
    items: list[Any]
    name: str  # what the user wrote, for messages


def fail(message: str) -> InvalidParameter:
    """Return the error a filter's mistake raises."""
    return InvalidParameter(f"filter: {message}")


def literal(node: Any) -> Values:
    """Return a literal: null, a boolean, a number, text or a list of text."""
    if node is None:
        return Values("null", [None], "null")
    if isinstance(node, bool):
        return Values("boolean", [node], str(node).lower())
    if isinstance(node, int | float):
        return Values("number", [node], repr(node))
    if isinstance(node, str):
        return Values("text", [node], quote(node))
    if isinstance(node, list) and all(isinstance(item, str) for item in node):
        return Values("array", [tuple(node)], "a list")
    raise fail(f"{quote(str(node))} is not a value this server compares")


def comparable(left: Values, right: Values) -> tuple[Values, Values]:
    """Return both sides as one kind: text is read as a day where the other side is a day."""
    if left.kind == "date" and right.kind == "text" and len(right.items) == 1:
        return left, Values("date", [day_number(right.items[0])], right.name)
    if right.kind == "date" and left.kind == "text" and len(left.items) == 1:
        return Values("date", [day_number(left.items[0])], left.name), right
    if "null" in (left.kind, right.kind) or left.kind == right.kind:
        return left, right
    if {left.kind, right.kind} == {"date", "text"}:
        raise fail(
            "start_date and end_date are partial dates as text; compare days with "
            "start_day and end_day, or compare the text with text"
        )
    raise fail(f"cannot compare {left.name} ({left.kind}) with {right.name} ({right.kind})")


def day_number(text: Any) -> int:
    """Return the day number of a date or an RFC 3339 timestamp (its day in UTC)."""
    if not isinstance(text, str):
        raise fail(f"{quote(str(text))} is not a date")
    try:
        first, last = parse_instant_or_interval(text)
    except ValueError as error:
        raise fail(f"{error}") from None
    if first != last or "/" in text:
        raise fail(f"{quote(text)} is not one day; write YYYY-MM-DD")
    return first.toordinal()


def geometry(node: dict) -> shapely.Geometry:
    """Return a literal geometry or BBOX (two boxes if it crosses the antimeridian)."""
    if "bbox" in node:
        box = node["bbox"]
        west, south, east, north = (box[0], box[1], box[3], box[4]) if len(box) == 6 else box
        return shapely.MultiPolygon(boxes_of((west, south, east, north)))  # as the bbox parameter
    try:
        geometry = shape(node)
    except (ValueError, TypeError, AttributeError, IndexError, GEOSException):
        raise fail("a geometry's coordinates are malformed") from None
    if not geometry.is_valid:
        raise fail(f"the geometry is not valid: {explain_validity(geometry)}")
    return geometry


def like_regex(pattern: str) -> re.Pattern[str]:
    """Return LIKE's pattern as a regular expression (``%``, ``_``, backslash escapes)."""
    parts, escaped = [], False
    for char in pattern:
        if escaped:
            parts.append(re.escape(char))
            escaped = False
        elif char == "\\":
            escaped = True
        else:
            parts.append({"%": ".*", "_": "."}.get(char, re.escape(char)))
    return re.compile("".join(parts), re.DOTALL)


def strip_accents(text: str) -> str:
    """Return text without its accents (ACCENTI)."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))

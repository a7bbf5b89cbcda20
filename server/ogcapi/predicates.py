"""Evaluate a CQL2 filter (its JSON form) over a layer: one yes or no per feature.

The ``cql2`` library parses and validates the filter; this module gives it our data's meaning,
on whole columns at once, so the answers agree with ``datetime`` and ``bbox`` by construction:

- Days are points at day precision; ``start_day``/``start_date`` stand for the first day a
  feature holds, ``end_day``/``end_date`` for the last (inclusive). In ``INTERVAL(start_day,
  end_day)`` a null end is open (``..``); alone, a null day compares as unknown (false).
- Temporal operators relate closed intervals of days as the CQL2 standard's table does
  (``T_INTERSECTS``: they share a day; ``T_MEETS``: the first ends on the day the second starts).
- A timestamp selects its day in UTC; geometry literals are in CRS84 (lon/lat); a ``BBOX``
  whose west edge is east of its east edge crosses the antimeridian.
- A comparison with null is false (SQL's unknown, kept as false, also under ``NOT``).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from server.core.dates import EARLIEST, LATEST
from server.core.formats import quote
from server.core.store import Layer
from server.ogcapi.operands import (
    ARRAYS,
    COMPARE,
    OPEN,
    SPATIAL,
    TEMPORAL,
    Values,
    comparable,
    day_number,
    fail,
    geometry,
    like_regex,
    literal,
    strip_accents,
)
from server.ogcapi.schemas import property_schemas


def matches(tree: Any, layer: Layer) -> np.ndarray:
    """Return a boolean mask of the layer's features that the filter ``tree`` selects."""
    return Evaluator(layer).condition(tree)


class Evaluator:
    """Walks a CQL2 JSON tree; conditions give masks, operands give ``Values``."""

    def __init__(self, layer: Layer) -> None:
        self.layer = layer
        self.size = len(layer.published)
        self.schemas = property_schemas(layer)

    def condition(self, node: Any) -> np.ndarray:
        """Return the mask of a condition (and, or, not, comparisons, predicates)."""
        if isinstance(node, bool):
            return np.full(self.size, node)
        op = node.get("op") if isinstance(node, dict) else None
        args = node.get("args", []) if op else []
        if op in ("and", "or"):
            masks = [self.condition(arg) for arg in args]
            return np.logical_and.reduce(masks) if op == "and" else np.logical_or.reduce(masks)
        if op == "not":
            return ~self.condition(args[0])
        handlers = {"like": self.like, "between": self.between, "in": self.in_list}
        if op in COMPARE:
            return self.compare(op, *args)
        if op in handlers:
            return handlers[op](*args)
        if op == "isNull":
            return np.array([item is None for item in self.broadcast(self.value(args[0]))])
        if op in SPATIAL:
            return self.spatial(op, *args)
        if op in TEMPORAL:
            return TEMPORAL[op](*self.interval(args[0]), *self.interval(args[1]))
        if op in ARRAYS:
            return self.arrays(op, *args)
        raise fail(f"{quote(str(op or node))} is not a condition this server evaluates")

    def broadcast(self, values: Values) -> list[Any]:
        """Return one item per feature (a literal repeated)."""
        return values.items if len(values.items) == self.size else values.items * self.size

    def value(self, node: Any) -> Values:
        """Return an operand: a property, a literal, or CASEI/ACCENTI of one."""
        if isinstance(node, dict) and "property" in node:
            return self.column(node["property"])
        if isinstance(node, dict) and node.get("op") in ("casei", "accenti"):
            inner = self.value(node["args"][0])
            if inner.kind != "text":
                raise fail(f"{node['op'].upper()} takes text, not {inner.name}")
            fold = str.casefold if node["op"] == "casei" else strip_accents
            items = [None if item is None else fold(item) for item in inner.items]
            return Values("text", items, inner.name)
        if isinstance(node, dict) and ("date" in node or "timestamp" in node):
            text = node.get("date") or node.get("timestamp")
            return Values("date", [day_number(text)], quote(text))
        if isinstance(node, dict) and "op" in node:
            raise fail(
                f"{quote(str(node['op']))} is not supported here (no arithmetic or functions)"
            )
        if isinstance(node, dict) and ("bbox" in node or "type" in node):
            return Values("geometry", [geometry(node)], "a geometry")
        return literal(node)

    def column(self, name: str) -> Values:
        """Return a property's values (``geometry``: the shapes)."""
        if name == "geometry":
            return Values("geometry", list(self.layer.frame.geometry.values), "geometry")
        if name not in self.schemas:
            known = ", ".join(["geometry", *self.schemas])
            raise fail(f"no queryable {quote(name)}; queryables are: {known}")
        items = [feature["properties"][name] for feature in self.layer.published]
        schema = self.schemas[name]
        if schema.get("format") == "date":
            return Values("date", [None if i is None else day_number(i) for i in items], name)
        if schema["type"] == "array":
            return Values("array", [tuple(item or ()) for item in items], name)
        return Values("text", items, name)

    def compare(self, op: str, left_node: Any, right_node: Any) -> np.ndarray:
        """Return ``left op right`` per feature; false where either side is null."""
        left, right = comparable(self.value(left_node), self.value(right_node))
        test = COMPARE[op]
        return np.array(
            [a is not None and b is not None and test(a, b) for a, b in self.pairs(left, right)],
            dtype=bool,
        )

    def pairs(self, left: Values, right: Values) -> zip:
        """Return the features' (left, right) pairs."""
        return zip(self.broadcast(left), self.broadcast(right), strict=True)

    def like(self, value_node: Any, pattern_node: Any) -> np.ndarray:
        """Return LIKE per feature: ``%`` any text, ``_`` one character, a backslash escapes."""
        value, pattern = self.value(value_node), self.value(pattern_node)
        if value.kind != "text" or pattern.kind != "text" or len(pattern.items) != 1:
            raise fail("LIKE compares a text property with a text pattern")
        regex = like_regex(pattern.items[0])
        return np.array([item is not None and bool(regex.fullmatch(item)) for item in value.items])

    def between(self, value_node: Any, low_node: Any, high_node: Any) -> np.ndarray:
        """Return ``low <= value <= high`` per feature."""
        return self.compare(">=", value_node, low_node) & self.compare("<=", value_node, high_node)

    def in_list(self, value_node: Any, options: Any) -> np.ndarray:
        """Return whether each feature's value is one of the listed ones."""
        if not isinstance(options, list):
            raise fail("IN takes a list of values")
        masks = [self.compare("=", value_node, option) for option in options]
        return np.logical_or.reduce(masks) if masks else np.zeros(self.size, dtype=bool)

    def spatial(self, op: str, left_node: Any, right_node: Any) -> np.ndarray:
        """Return a spatial predicate per feature, both operands in lon/lat."""
        left, right = self.value(left_node), self.value(right_node)
        for side in (left, right):
            if side.kind != "geometry":
                raise fail(f"{op.upper()} relates geometries; {side.name} is not one")
        shapes = [np.array(self.broadcast(side), dtype=object) for side in (left, right)]
        return np.asarray(SPATIAL[op](*shapes), dtype=bool)

    def interval(self, node: Any) -> tuple[np.ndarray, np.ndarray]:
        """Return first and last day numbers per feature for a temporal operand."""
        if isinstance(node, dict) and "interval" in node:
            first, _ = self.bound(node["interval"][0])
            _, last = self.bound(node["interval"][1])
            return first, last
        if isinstance(node, dict) and "property" in node:
            first, last = self.days(node["property"])
            day = first if node["property"].startswith("start_") else last
            unknown = np.isin(day, (EARLIEST.toordinal(), LATEST.toordinal()))
            day = np.where(unknown, np.nan, day)  # a null day: no relation holds (NaN)
            return day, day
        value = self.value(node)
        if value.kind != "date":
            raise fail(f"temporal operators take dates or intervals; {value.name} is not one")
        number = np.full(self.size, float(value.items[0]))
        return number, number

    def bound(self, node: Any) -> tuple[np.ndarray, np.ndarray]:
        """Return an interval end: a date, a timestamp, ``..`` or a day property."""
        if node == OPEN:
            return np.full(self.size, float(EARLIEST.toordinal())), np.full(
                self.size, float(LATEST.toordinal())
            )
        if isinstance(node, dict) and "property" in node:
            first, last = self.days(node["property"])
            day = first if node["property"].startswith("start_") else last
            return day.astype(float), day.astype(float)
        text = node.get("date") or node.get("timestamp") if isinstance(node, dict) else node
        number = np.full(self.size, float(day_number(text)))
        return number, number

    def days(self, name: str) -> tuple[np.ndarray, np.ndarray]:
        """Return the layer's first and last days for a start or end property."""
        if name not in ("start_day", "end_day", "start_date", "end_date"):
            self.column(name)  # an unknown name gets the list of queryables
            raise fail(f"{quote(name)} is not a date; use start_day or end_day")
        return self.layer.first_days, self.layer.last_days

    def arrays(self, op: str, left_node: Any, right_node: Any) -> np.ndarray:
        """Return an array comparison per feature (``sources`` against a list)."""
        left, right = self.value(left_node), self.value(right_node)
        if left.kind != "array" or right.kind != "array":
            raise fail(f"{op.upper()} compares a list property with a list")
        return np.array([ARRAYS[op](a, b) for a, b in self.pairs(left, right)], dtype=bool)

"""Features serialised once, and pages assembled from their bytes.

Re-encoding GeoJSON on every request is what makes Python feature servers slow; the store is
read-only, so each layer's features are encoded once (``LayerIndex``) and every page is a join
of those bytes plus a small JSON tail. Only a page that selects ``properties`` or skips the
geometry is encoded afresh. Nothing here knows about HTTP or Flask.

Each feature is GeoJSON with JSON-FG's ``time`` member beside its properties: the interval it
holds, as dates, ``..`` where open (so GDAL 3.8 and later read ``time_start``/``time_end``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np

from server.core.formats import dumps
from server.core.store import Layer

if TYPE_CHECKING:
    from server.ogcapi.params import ItemsQuery

JSON_FG = "http://www.opengis.net/spec/json-fg-1/0.2/conf/core"
HEAD = b'{"type":"FeatureCollection","conformsTo":' + dumps([JSON_FG]) + b',"features":['


class LayerIndex:
    """A layer's features serialised once as GeoJSON bytes, with lookups for filters and ids."""

    def __init__(self, layer: Layer) -> None:
        self.layer = layer
        self.features = tuple(feature_bytes(feature) for feature in layer.published)
        self._columns: dict[str, np.ndarray] = {}

    def column(self, name: str) -> np.ndarray:
        """Return every feature's value of a property as text (None where missing)."""
        if name not in self._columns:
            values = [feature["properties"][name] for feature in self.layer.published]
            texts = [None if value is None else str(value) for value in values]
            self._columns[name] = np.array(texts, dtype=object)
        return self._columns[name]

    def select(self, query: ItemsQuery) -> np.ndarray:
        """Return the positions of the features that match ``query``, sorted (before paging)."""
        positions = self.layer.select(query.span, query.bbox)
        for name, value in query.filters:
            positions = positions[self.column(name)[positions] == value]
        if query.matches is not None:
            positions = positions[np.isin(positions, query.matches)]
        return self.sort(positions, query.sortby)

    def sort(self, positions: np.ndarray, sortby: tuple[tuple[str, bool], ...]) -> np.ndarray:
        """Return positions in ``sortby`` order (stable; nulls last, or first when descending).

        Start and end properties sort by the days they cover, so an open start comes first.
        """
        order = list(positions)
        for name, descending in reversed(sortby):
            keys = self._sort_keys(name)
            order.sort(key=lambda i, keys=keys: keys[i], reverse=descending)
        return np.array(order, dtype=positions.dtype)

    def _sort_keys(self, name: str) -> list[tuple[bool, Any]]:
        if name.startswith(("start_day", "start_date")):
            return [(False, day) for day in self.layer.first_days]
        if name.startswith(("end_day", "end_date")):
            return [(False, day) for day in self.layer.last_days]
        return [(value is None, value or "") for value in self.column(name)]


def time_member(properties: Mapping[str, Any]) -> dict[str, list[str]] | None:
    """Return JSON-FG's ``time``: the interval of days a feature holds (null if fully open)."""
    start, end = properties.get("start_day"), properties.get("end_day")
    if start is None and end is None:
        return None
    return {"interval": [start or "..", end or ".."]}


def feature_json(
    feature: Mapping[str, Any], names: tuple[str, ...] | None = None, geometry: bool = True
) -> dict[str, Any]:
    """Return one feature as published: id first, JSON-FG ``time`` beside the properties."""
    properties = feature["properties"]
    shown = properties if names is None else {name: properties[name] for name in names}
    return {
        "type": "Feature",
        "id": feature["id"],
        "geometry": feature["geometry"] if geometry else None,
        "properties": shown,
        "time": time_member(properties),
        "place": None,  # JSON-FG: the geometry is in WGS 84, so there is no other place
    }


def feature_bytes(feature: Mapping[str, Any]) -> bytes:
    """Return one feature as compact JSON (the form pages are joined from)."""
    return dumps(feature_json(feature))


def items_bytes(
    index: LayerIndex, positions: np.ndarray, query: ItemsQuery, links: list, time_stamp: str
) -> bytes:
    """Assemble a FeatureCollection page from pre-serialised features, without re-encoding."""
    page = positions[query.offset : query.offset + query.limit]
    tail = {
        "numberMatched": len(positions),
        "numberReturned": len(page),
        "timeStamp": time_stamp,
        "links": links,
    }
    if query.properties is None and not query.skip_geometry:
        features = b",".join(index.features[i] for i in page)
    else:
        published = index.layer.published
        chosen = [
            dumps(feature_json(published[i], query.properties, not query.skip_geometry))
            for i in page
        ]
        features = b",".join(chosen)
    return HEAD + features + b"]," + dumps(tail)[1:]

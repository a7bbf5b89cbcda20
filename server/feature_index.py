"""Features serialised once, pages assembled from bytes, and a bounded cache of answers.

Re-encoding GeoJSON on every request is what makes Python feature servers slow; the store is
read-only, so each layer's features are encoded once (``LayerIndex``) and every page is a join
of those bytes plus a small JSON tail. Nothing here knows about HTTP or Flask.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Mapping
from threading import Lock
from typing import TYPE_CHECKING, Any

import numpy as np

from server.store import Layer, LayerStore

if TYPE_CHECKING:
    from server.ogc import ItemsQuery


class LayerIndex:
    """A layer's features serialised once as GeoJSON bytes, with lookups for filters and ids."""

    def __init__(self, layer: Layer) -> None:
        self.layer = layer
        self.features = tuple(feature_bytes(feature) for feature in layer.features)
        self.positions = {f["properties"]["id"]: i for i, f in enumerate(layer.features)}
        self._columns: dict[str, np.ndarray] = {}

    def column(self, name: str) -> np.ndarray:
        """Return every feature's value of a property as text (None where missing)."""
        if name not in self._columns:
            values = [feature["properties"].get(name) for feature in self.layer.features]
            texts = [None if value is None else str(value) for value in values]
            self._columns[name] = np.array(texts, dtype=object)
        return self._columns[name]

    def select(self, query: ItemsQuery) -> np.ndarray:
        """Return the positions of the features that match ``query`` (before paging)."""
        mask = np.ones(len(self.features), dtype=bool)
        if not len(mask):
            return np.flatnonzero(mask)
        if query.span is not None:
            mask &= LayerStore.mask_during(self.layer, *query.span)
        if query.bbox is not None:
            mask &= LayerStore.mask_within(self.layer, query.bbox)
        for name, value in query.filters:
            mask &= self.column(name) == value
        return np.flatnonzero(mask)


def feature_bytes(feature: Mapping[str, Any]) -> bytes:
    """Return one feature as compact GeoJSON with its id at the top, as OGC clients expect."""
    properties = feature["properties"]
    out = {"type": "Feature", "id": properties["id"], "geometry": feature["geometry"]}
    out["properties"] = properties
    return dumps(out)


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
    features = b",".join(index.features[i] for i in page)
    return b'{"type":"FeatureCollection","features":[' + features + b"]," + dumps(tail)[1:]


def dumps(value: Any) -> bytes:
    """Return compact UTF-8 JSON, the one encoding every API answer uses."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


class ResponseCache:
    """A bounded, thread-safe LRU of finished answers, bounded by their total size in bytes."""

    OVERHEAD = 256  # bytes counted per entry for its key, so tiny answers cannot pile up

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.total = 0
        self._entries: OrderedDict[Any, tuple[Any, int]] = OrderedDict()
        self._lock = Lock()

    def get(self, key: Any) -> Any:
        """Return the cached value (marking it recently used) or None."""
        with self._lock:
            if key not in self._entries:
                return None
            self._entries.move_to_end(key)
            return self._entries[key][0]

    def put(self, key: Any, value: Any, size: int | None = None) -> Any:
        """Keep ``value`` (size: given, or its first item's length); return it."""
        weight = (len(value[0]) if size is None else size) + self.OVERHEAD
        if weight > self.max_bytes:
            return value
        with self._lock:
            old = self._entries.pop(key, None)
            self.total += weight - (old[1] if old else 0)
            self._entries[key] = (value, weight)
            while self.total > self.max_bytes:
                _, (_, dropped) = self._entries.popitem(last=False)
                self.total -= dropped
        return value

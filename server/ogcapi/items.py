"""Features serialised once, and pages assembled from their bytes.

Re-encoding GeoJSON on every request is what makes Python feature servers slow; the store is
read-only, so each layer's features are encoded once (``LayerIndex``) and every page is a join
of those bytes plus a small JSON tail. Nothing here knows about HTTP or Flask.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np

from server.core.formats import dumps
from server.core.store import Layer

if TYPE_CHECKING:
    from server.ogcapi.params import ItemsQuery


class LayerIndex:
    """A layer's features serialised once as GeoJSON bytes, with lookups for filters and ids."""

    def __init__(self, layer: Layer) -> None:
        self.layer = layer
        self.features = tuple(feature_bytes(feature) for feature in layer.features)
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
        positions = self.layer.select(query.span, query.bbox)
        for name, value in query.filters:
            positions = positions[self.column(name)[positions] == value]
        return positions


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

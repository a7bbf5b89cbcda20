"""Read the store the way the API and exports do (``Layer.select``), as frames for assertions."""

from __future__ import annotations

from datetime import date

import geopandas as gpd

from server.core.store import BBox, LayerStore


def features_during(
    store: LayerStore, layer_id: str, start: date, end: date, bbox: BBox | None = None
) -> gpd.GeoDataFrame:
    """Return the features of a layer whose span meets ``start``–``end`` (and the bbox)."""
    layer = store.layer(layer_id)
    return layer.frame.iloc[layer.select((start, end), bbox)]


def features_at(
    store: LayerStore, layer_id: str, day: date, bbox: BBox | None = None
) -> gpd.GeoDataFrame:
    """Return the features of a layer that hold on ``day`` (inside ``bbox`` if given)."""
    return features_during(store, layer_id, day, day, bbox)


def feature(store: LayerStore, layer_id: str, feature_id: str) -> dict:
    """Return one feature as published (``FeatureNotFound`` if the layer has no such id)."""
    layer = store.layer(layer_id)
    return layer.features[layer.position(feature_id)]

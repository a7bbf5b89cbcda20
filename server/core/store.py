"""LayerStore: every layer of ``geodata/``, loaded and validated once, then read-only.

One store answers every question of the form "what held at date D (inside bbox B)?"; the API,
exports and map pages are views of its answers. Nothing mutates it after loading, so any number
of worker processes can share it (gunicorn preloads it before forking).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import shapely

from server.core.contract import (
    LayerSpec,
    check_collection,
    check_unique_across_layers,
    parse_catalog,
    read_json,
    read_sources,
)
from server.core.dates import span_of
from server.core.errors import DataError, FeatureNotFound, UnknownLayer
from server.core.keydates import KeyDate, parse_key_dates

BBox = tuple[float, float, float, float]


@dataclass(frozen=True)
class Layer:
    """One layer: its catalog entry, its features as published, and a GeoDataFrame to query."""

    spec: LayerSpec
    features: tuple[dict, ...]
    frame: gpd.GeoDataFrame
    first_days: np.ndarray
    last_days: np.ndarray

    @property
    def id(self) -> str:
        """Return the layer's id (its collection id in the API)."""
        return self.spec.id


class LayerStore:
    """All layers, the bibliography, the key dates and the basemap, loaded once."""

    def __init__(
        self,
        layers: dict[str, Layer],
        sources: dict[str, str],
        key_dates: list[KeyDate],
        basemap: dict[str, dict],
    ) -> None:
        self.layers = layers
        self.sources = sources
        self.key_dates = key_dates
        self.basemap = basemap

    @classmethod
    def load(cls, geodata_dir: Path | str) -> LayerStore:
        """Read and validate ``geodata_dir``; raise ``DataError`` naming file, feature, reason."""
        root = Path(geodata_dir)
        sources = read_sources(root / "SOURCES.md")
        catalog_path = root / "catalog.json"
        specs = parse_catalog(read_json(catalog_path), str(catalog_path))
        _check_files_match_catalog(root, specs)
        raw_layers = {}
        for spec in specs:
            path = root / f"{spec.id}.geojson"
            raw_layers[spec.id] = check_collection(read_json(path), str(path), spec, sources)
        check_unique_across_layers(raw_layers, str(root))
        layers = {spec.id: _build_layer(spec, raw_layers[spec.id]) for spec in specs}
        key_dates_path = root / "key_dates.json"
        key_dates = (
            parse_key_dates(read_json(key_dates_path), str(key_dates_path), layers, sources)
            if key_dates_path.exists()
            else []
        )
        return cls(layers, sources, key_dates, _read_basemap(root / "basemap"))

    def layer(self, layer_id: str) -> Layer:
        """Return a layer or raise ``UnknownLayer`` listing the ones that exist."""
        try:
            return self.layers[layer_id]
        except (KeyError, TypeError):
            known = ", ".join(self.layers)
            raise UnknownLayer(f"no layer {str(layer_id)[:60]!r}; layers are: {known}") from None

    def __iter__(self) -> Iterator[Layer]:
        return iter(self.layers.values())

    def features_at(self, layer_id: str, day: date, bbox: BBox | None = None) -> gpd.GeoDataFrame:
        """Return the features of a layer that hold on ``day`` (inside ``bbox`` if given)."""
        return self.features_during(layer_id, day, day, bbox)

    def features_during(
        self, layer_id: str, start: date, end: date, bbox: BBox | None = None
    ) -> gpd.GeoDataFrame:
        """Return the features whose span meets the inclusive interval ``start``–``end``."""
        layer = self.layer(layer_id)
        mask = self.mask_during(layer, start, end)
        if bbox is not None:
            mask &= self.mask_within(layer, bbox)
        return layer.frame[mask]

    @staticmethod
    def mask_during(layer: Layer, start: date, end: date) -> np.ndarray:
        """Return a boolean mask of the features that hold on any day from start to end."""
        return (layer.first_days <= end.toordinal()) & (layer.last_days >= start.toordinal())

    @staticmethod
    def mask_within(layer: Layer, bbox: BBox) -> np.ndarray:
        """Return a boolean mask of the features whose geometry meets the bbox."""
        mask = np.zeros(len(layer.frame), dtype=bool)
        mask[layer.frame.sindex.query(shapely.box(*bbox), predicate="intersects")] = True
        return mask

    def feature(self, layer_id: str, feature_id: str) -> dict:
        """Return one feature of a layer as published, or raise ``FeatureNotFound``."""
        layer = self.layer(layer_id)
        for feature in layer.features:
            if feature["properties"]["id"] == feature_id:
                return feature
        raise FeatureNotFound(f"layer {layer_id!r} has no feature {str(feature_id)[:60]!r}")

    def timeline(self) -> tuple[date, date]:
        """Return the atlas's span: the earliest start of any feature, and today."""
        firsts = [
            layer.first_days[layer.first_days > 1].min() for layer in self if len(layer.frame)
        ]
        first = date.fromordinal(int(min(firsts))) if firsts else date(1, 1, 1)
        return first, date.today()


def _check_files_match_catalog(root: Path, specs: list[LayerSpec]) -> None:
    listed = {spec.id for spec in specs}
    for path in sorted(root.glob("*.geojson")):
        if path.stem not in listed:
            raise DataError(str(path), "layer file is not listed in catalog.json")


def _build_layer(spec: LayerSpec, features: list[dict]) -> Layer:
    spans = [
        span_of(f["properties"].get("start_date"), f["properties"].get("end_date"))
        for f in features
    ]
    frame = gpd.GeoDataFrame.from_features(features, crs="EPSG:4326")
    if len(frame):
        frame.index = [feature["properties"]["id"] for feature in features]
    return Layer(
        spec=spec,
        features=tuple(features),
        frame=frame,
        first_days=np.array([first.toordinal() for first, _ in spans], dtype=np.int64),
        last_days=np.array([last.toordinal() for _, last in spans], dtype=np.int64),
    )


def _read_basemap(folder: Path) -> dict[str, dict]:
    basemap = {}
    for path in sorted(folder.glob("*.geojson")):
        raw: Any = read_json(path)
        if not isinstance(raw, dict) or raw.get("type") != "FeatureCollection":
            raise DataError(str(path), "not a GeoJSON FeatureCollection")
        basemap[path.stem] = raw
    return basemap

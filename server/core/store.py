"""LayerStore: every layer of ``geodata/``, loaded and validated once, then read-only.

One store answers every question of the form "what held at date D (inside bbox B)?"; the API,
exports and map pages are views of its answers. Nothing mutates it after loading, so any number
of worker processes can share it (`atlas serve` loads it before forking them).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import shapely

from server.core.catalog import LayerSpec, geometry_of, parse_catalog
from server.core.columns import layer_columns, published_properties
from server.core.contract import (
    check_collection,
    check_unique_across_layers,
)
from server.core.dates import EARLIEST, LATEST, span_of
from server.core.errors import DataError, FeatureNotFound, UnknownLayer
from server.core.formats import quote
from server.core.keydates import KeyDate, parse_key_dates
from server.core.reading import read_json, read_sources

BBox = tuple[float, float, float, float]
WORLD: BBox = (-180.0, -90.0, 180.0, 90.0)


@dataclass(frozen=True)
class Layer:
    """One layer, with everything a question about it needs computed once at load.

    ``select`` is the one read path: the API's items, the exports and the tests all ask it which
    features hold during a span and meet a bbox, and get positions into ``features`` (the
    features as written in ``geodata/``), ``published`` (the same features as the API and the
    downloads publish them: every column, ``start_day``/``end_day`` filled in) and ``frame``
    (a GeoDataFrame), all in one order.
    """

    spec: LayerSpec
    features: tuple[dict, ...]
    published: tuple[dict, ...]
    columns: tuple[str, ...]  # the published property names, in order (server.core.columns)
    frame: gpd.GeoDataFrame
    first_days: np.ndarray  # ordinal of the first day each feature holds (1 if open)
    last_days: np.ndarray  # ordinal of the last day each feature holds (date.max if open)
    positions: Mapping[str, int]  # feature id -> position
    bbox: BBox  # the features' bounds; the whole world if the layer is empty
    span: tuple[date, date]  # the earliest first day and the latest last day of any feature
    is_point_layer: bool  # the catalogue's style.geometry, which the contract checks

    @classmethod
    def build(cls, spec: LayerSpec, features: list[dict]) -> Layer:
        """Index checked features: their days as ordinals, a GeoDataFrame, ids, extents."""
        spans = [
            span_of(f["properties"].get("start_date"), f["properties"].get("end_date"))
            for f in features
        ]
        frame = gpd.GeoDataFrame.from_features(features, crs="EPSG:4326")
        ids = [feature["properties"]["id"] for feature in features]
        if len(frame):
            frame.index = ids
        bbox = tuple(round(float(v), 6) for v in frame.total_bounds) if ids else WORLD
        columns = layer_columns(spec, features)
        published = tuple(
            {
                "type": "Feature",
                "id": feature["properties"]["id"],
                "geometry": as_multi(feature["geometry"]),
                "properties": published_properties(feature["properties"], columns, span),
            }
            for feature, span in zip(features, spans, strict=True)
        )
        return cls(
            spec=spec,
            features=tuple(features),
            published=published,
            columns=columns,
            frame=frame,
            first_days=np.array([first.toordinal() for first, _ in spans], dtype=np.int64),
            last_days=np.array([last.toordinal() for _, last in spans], dtype=np.int64),
            positions={feature_id: index for index, feature_id in enumerate(ids)},
            bbox=bbox,
            span=(
                min((first for first, _ in spans), default=EARLIEST),
                max((last for _, last in spans), default=LATEST),
            ),
            is_point_layer=geometry_of(spec) == "point",
        )

    @property
    def id(self) -> str:
        """Return the layer's id (its collection id in the API)."""
        return self.spec.id

    def holds_during(self, start: date, end: date) -> np.ndarray:
        """Return a boolean mask of the features that hold on any day from start to end."""
        return (self.first_days <= end.toordinal()) & (self.last_days >= start.toordinal())

    def meets_bbox(self, bbox: BBox) -> np.ndarray:
        """Return a boolean mask of the features whose geometry meets the bbox."""
        mask = np.zeros(len(self.features), dtype=bool)
        if len(self.frame):
            for box in boxes_of(bbox):
                mask[self.frame.sindex.query(box, predicate="intersects")] = True
        return mask

    def select(self, span: tuple[date, date] | None = None, bbox: BBox | None = None) -> np.ndarray:
        """Return the positions of the features holding during ``span`` and meeting ``bbox``."""
        mask = np.ones(len(self.features), dtype=bool)
        if span is not None:
            mask &= self.holds_during(*span)
        if bbox is not None:
            mask &= self.meets_bbox(bbox)
        return np.flatnonzero(mask)

    def position(self, feature_id: str) -> int:
        """Return where a feature is in ``features``, or raise ``FeatureNotFound``."""
        if feature_id not in self.positions:
            raise FeatureNotFound(f"collection {self.id!r} has no feature {quote(feature_id)}")
        return self.positions[feature_id]


def as_multi(geometry: dict) -> dict:
    """Return a Polygon or LineString as its one-part Multi* (one geometry type per layer).

    Clients type a layer from its first features, so a layer mixing Polygon and MultiPolygon
    shows as ``Unknown`` in GDAL, or as ``Polygon`` in QGIS, which then writes MultiPolygons
    into a Polygon GeoPackage. The shape is unchanged.
    """
    if geometry["type"] in ("Polygon", "LineString"):
        return {"type": f"Multi{geometry['type']}", "coordinates": [geometry["coordinates"]]}
    return geometry


def boxes_of(bbox: BBox) -> list[shapely.Polygon]:
    """Return a bbox as polygons: two when it crosses the antimeridian (west > east)."""
    west, south, east, north = bbox
    if west <= east:
        return [shapely.box(west, south, east, north)]
    return [shapely.box(west, south, 180.0, north), shapely.box(-180.0, south, east, north)]


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
        layers = {spec.id: Layer.build(spec, raw_layers[spec.id]) for spec in specs}
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
            raise UnknownLayer(f"no layer {quote(str(layer_id))}; layers are: {known}") from None

    def __iter__(self) -> Iterator[Layer]:
        return iter(self.layers.values())

    def texts(self, lang: str) -> dict[str, dict[str, Any]]:
        """Return the data's own translations in ``lang``: layer titles and labels, key dates."""
        return {
            "layers": {layer.id: layer.spec.text(lang) for layer in self if layer.spec.text(lang)},
            "key_dates": {
                moment.id: moment.text(lang) for moment in self.key_dates if moment.text(lang)
            },
        }

    def timeline(self) -> tuple[date, date]:
        """Return the atlas's span: the earliest start of any feature, and today."""
        # Undated features (today's borders, a place named the same throughout) start nothing.
        dated = [layer.first_days[layer.first_days > 1] for layer in self]
        firsts = [days.min() for days in dated if len(days)]
        first = date.fromordinal(int(min(firsts))) if firsts else date(1, 1, 1)
        return first, date.today()


def _check_files_match_catalog(root: Path, specs: list[LayerSpec]) -> None:
    listed = {spec.id for spec in specs}
    for path in sorted(root.glob("*.geojson")):
        if path.stem not in listed:
            raise DataError(str(path), "layer file is not listed in catalog.json")


def _read_basemap(folder: Path) -> dict[str, dict]:
    basemap = {}
    for path in sorted(folder.glob("*.geojson")):
        raw: Any = read_json(path)
        if not isinstance(raw, dict) or raw.get("type") != "FeatureCollection":
            raise DataError(str(path), "not a GeoJSON FeatureCollection")
        basemap[path.stem] = raw
    return basemap

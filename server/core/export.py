"""Writers for downloads: GeoJSON (RFC 7946), GeoPackage and CSV, for one layer or the atlas.

Pure functions of the store: the blueprint and ``atlas export`` call the same ``export`` and
get the same bytes and filename, so a file from the website and one from the command line never
differ. GeoPackage dates are real ``DATE`` columns (written with ``pyogrio.raw``, because
GeoPandas turns dates into ``DATETIME``) next to the original partial-date text, so GIS users
can filter by day without losing "1813 only".
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pyogrio.raw
import shapely
from shapely.geometry import mapping, shape

from server.core.catalog import geometry_of
from server.core.dates import parse_date, span_of
from server.core.errors import InvalidDate, InvalidParameter
from server.core.formats import CSV, GEOJSON, GEOPACKAGE, dumps, quote
from server.core.store import Layer, LayerStore

ExportFormat = Literal["geojson", "gpkg", "csv"]
FORMATS: tuple[ExportFormat, ...] = ("geojson", "gpkg", "csv")
ALL_LAYERS = "atlas"
MIMETYPES = {"geojson": GEOJSON, "gpkg": GEOPACKAGE, "csv": CSV}
DECIMALS = 6


@dataclass(frozen=True)
class Export:
    """A finished download: what to call it, what it is, and its bytes."""

    filename: str
    mimetype: str
    body: bytes


def export(store: LayerStore, layer_id: str, fmt: str, at: str | None = None) -> Export:
    """Export a layer (or ``atlas``: every layer, GeoJSON only), at one moment if ``at`` is given.

    ``at`` is a date like ``1828-02-22`` or a partial one (``1828`` selects every feature that
    held at any time that year, as the API's ``datetime`` instant does). Raises
    ``InvalidParameter`` or ``UnknownLayer`` with a message a user can act on.
    """
    if fmt not in FORMATS:
        raise InvalidParameter(f"format {quote(fmt, 20)} is not one of {', '.join(FORMATS)}")
    moment = _parse_moment(at)
    name = f"{layer_id}_{moment}" if moment else layer_id
    filename = f"{name}.{fmt}"
    if layer_id == ALL_LAYERS:
        if fmt != "geojson":
            raise InvalidParameter("the whole atlas exports as GeoJSON only; export one layer")
        features = [
            _with_layer(feature, layer.id)
            for layer in store
            for feature in select(store, layer.id, moment)
        ]
        return Export(filename, MIMETYPES[fmt], to_geojson(features))
    features = select(store, layer_id, moment)
    writers = {"geojson": to_geojson, "gpkg": lambda f: to_gpkg(f, layer_id), "csv": to_csv}
    if fmt == "csv":
        _check_points(store, layer_id)
    return Export(filename, MIMETYPES[fmt], writers[fmt](features))


def _parse_moment(at: str | None) -> str | None:
    if at is None:
        return None
    try:
        return str(parse_date(at))
    except InvalidDate as error:
        raise InvalidDate(f"date: {error}") from None


def select(store: LayerStore, layer_id: str, moment: str | None) -> list[dict]:
    """Return a layer's features as published, only those holding at ``moment`` if given."""
    layer = store.layer(layer_id)
    if moment is None:
        return list(layer.features)
    partial = parse_date(moment)
    return [layer.features[i] for i in layer.select((partial.first_day(), partial.last_day()))]


def _with_layer(feature: Mapping[str, Any], layer_id: str) -> dict:
    return {**feature, "properties": {**feature["properties"], "layer": layer_id}}


def formats_of(layer: Layer) -> tuple[ExportFormat, ...]:
    """Return the formats a layer downloads as: CSV only for a point layer."""
    return FORMATS if layer.is_point_layer else ("geojson", "gpkg")


def downloads(store: LayerStore) -> list[tuple[str, ExportFormat]]:
    """Return every whole-history download, ``(layer id, format)``, the whole atlas first."""
    files: list[tuple[str, ExportFormat]] = [(ALL_LAYERS, "geojson")]
    for layer in store:
        files += [(layer.id, fmt) for fmt in formats_of(layer)]
    return files


def _check_points(store: LayerStore, layer_id: str) -> None:
    layer = store.layer(layer_id)
    if "csv" not in formats_of(layer):
        raise InvalidParameter(
            f"CSV export is for point layers only; {layer_id!r} draws "
            f"{geometry_of(layer.spec)}s: download .geojson or .gpkg instead"
        )


def rfc7946_geometry(geometry: Mapping[str, Any]) -> shapely.Geometry:
    """Return a geometry as RFC 7946 wants it: exterior rings CCW, at most 6 decimals."""
    shaped = shapely.orient_polygons(shape(geometry), exterior_cw=False)
    return shapely.transform(shaped, lambda coords: np.round(coords, DECIMALS))


def to_geojson(features: Iterable[Mapping[str, Any]]) -> bytes:
    """Return an RFC 7946 FeatureCollection with a top-level bbox and no ``crs`` member."""
    out, geometries = [], []
    for feature in features:
        geometry = rfc7946_geometry(feature["geometry"])
        geometries.append(geometry)
        properties = feature["properties"]
        out.append(
            {
                "type": "Feature",
                "id": properties["id"],
                "geometry": mapping(geometry),
                "properties": properties,
            }
        )
    collection: dict[str, Any] = {"type": "FeatureCollection"}
    if geometries:
        bounds = shapely.total_bounds(np.array(geometries, dtype=object))
        collection["bbox"] = [round(float(value), DECIMALS) for value in bounds]
    collection["features"] = out
    return dumps(collection)


def _columns(features: list[Mapping[str, Any]]) -> list[str]:
    names: dict[str, None] = {}
    for feature in features:
        names.update(dict.fromkeys(feature["properties"]))
    return list(names)


def _as_text(value: Any) -> str | None:
    """Flatten a property for a table cell: lists as ``a; b``, mappings as JSON."""
    if value is None:
        return None
    if isinstance(value, list | tuple):
        return "; ".join(str(item) for item in value)
    if isinstance(value, Mapping):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def to_csv(features: list[Mapping[str, Any]]) -> bytes:
    """Return point features as CSV: ``lon``, ``lat``, then every property."""
    columns = _columns(features)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["lon", "lat", *columns])
    for feature in features:
        lon, lat = rfc7946_geometry(feature["geometry"]).coords[0]
        cells = [_as_text(feature["properties"].get(name)) for name in columns]
        writer.writerow([lon, lat, *("" if cell is None else cell for cell in cells)])
    return buffer.getvalue().encode()


def _days(features: list[Mapping[str, Any]]) -> tuple[np.ndarray, np.ndarray]:
    """Return first and last days as ``datetime64[D]`` (NaT where the span is open)."""
    firsts, lasts = [], []
    for feature in features:
        start, end = (feature["properties"].get(key) for key in ("start_date", "end_date"))
        first, last = span_of(start, end)
        firsts.append(np.datetime64(first.isoformat()) if start else np.datetime64("NaT"))
        lasts.append(np.datetime64(last.isoformat()) if end else np.datetime64("NaT"))
    return np.array(firsts, dtype="datetime64[D]"), np.array(lasts, dtype="datetime64[D]")


def _geometry_type(geometries: list[shapely.Geometry]) -> tuple[str, bool]:
    kinds = {geometry.geom_type.removeprefix("Multi") for geometry in geometries}
    if len(kinds) != 1:
        return "Unknown", False
    kind = kinds.pop()
    multi = any(geometry.geom_type.startswith("Multi") for geometry in geometries)
    return (f"Multi{kind}", True) if multi else (kind, False)


def _field(values: list[Any]) -> np.ndarray:
    """Return a GeoPackage column: whole numbers and booleans keep their type, the rest is text.

    A column with a gap stays text: GDAL's integer and boolean fields have no null of their own
    here, and a rank of 0 for "missing" would be a lie.
    """
    if values and all(isinstance(value, bool) for value in values):
        return np.array(values, dtype=bool)
    if values and all(isinstance(value, int) and not isinstance(value, bool) for value in values):
        return np.array(values, dtype=np.int64)
    return np.array([_as_text(value) for value in values], dtype=object)


def to_gpkg(features: list[Mapping[str, Any]], layer_name: str) -> bytes:
    """Return a GeoPackage of one layer, with ``start_day``/``end_day`` as real DATE columns."""
    geometries = [rfc7946_geometry(feature["geometry"]) for feature in features]
    columns = _columns(features)
    fields = [_field([f["properties"].get(name) for f in features]) for name in columns]
    first_days, last_days = _days(features)
    geometry_type, promote = _geometry_type(geometries) if geometries else ("Unknown", False)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{layer_name}.gpkg"
        pyogrio.raw.write(
            str(path),
            geometry=shapely.to_wkb(np.array(geometries, dtype=object)),
            field_data=[*fields, first_days, last_days],
            fields=[*columns, "start_day", "end_day"],
            layer=layer_name,
            driver="GPKG",
            geometry_type=geometry_type,
            promote_to_multi=promote,
            crs="EPSG:4326",
        )
        return path.read_bytes()

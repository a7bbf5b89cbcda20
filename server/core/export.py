"""Writers for downloads: GeoJSON (RFC 7946), GeoPackage and CSV, for one layer or the atlas.

Pure functions of the store: the blueprint and ``atlas export`` call the same ``export`` and
get the same bytes and filename, so a file from the website and one from the command line never
differ. Columns are the layer's published properties in their fixed order
(``server.core.columns``), whatever the date, so batch exports line up and an empty cut still
has every column.

GeoPackage dates are real ``DATE`` columns (``start_day``/``end_day``, written with
``pyogrio.raw``, because GeoPandas turns dates into ``DATETIME``) next to the original
partial-date text, so GIS users can filter by day without losing "1813 only". QGIS's temporal
controller compares a DATE with a datetime at midnight and so drops a feature on its last day;
``start_time``/``end_time`` (UTC ``DATETIME``, the end at 23:59:59) are the columns to give it.
Files are GeoPackage 1.2, which GDAL 3.6 and QGIS 3.22 (Debian, Ubuntu LTS) open without a
warning; 1.4, pyogrio's default, makes them warn on every open.
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
from server.core.columns import DAY_COLUMNS
from server.core.dates import parse_date
from server.core.errors import InvalidDate, InvalidParameter
from server.core.formats import CSV, GEOJSON, GEOPACKAGE, dumps, quote
from server.core.store import Layer, LayerStore

ExportFormat = Literal["geojson", "gpkg", "csv"]
FORMATS: tuple[ExportFormat, ...] = ("geojson", "gpkg", "csv")
ALL_LAYERS = "atlas"
MIMETYPES = {"geojson": GEOJSON, "gpkg": GEOPACKAGE, "csv": CSV}
DECIMALS = 6
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
GPKG_GEOMETRY = {"area": "MultiPolygon", "line": "MultiLineString", "point": "Point"}
TIME_COLUMNS = ("start_time", "end_time")  # GeoPackage only: DATETIME, for QGIS's time controller
UTC = 100  # GDAL's time-zone flag for UTC (pyogrio's gdal_tz_offsets)


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
    layer = store.layer(layer_id)
    features = select(store, layer_id, moment)
    if fmt == "csv":
        _check_points(store, layer_id)
    writers = {
        "geojson": lambda: to_geojson(features),
        "gpkg": lambda: to_gpkg(features, layer),
        "csv": lambda: to_csv(features, layer.columns),
    }
    return Export(filename, MIMETYPES[fmt], writers[fmt]())


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
        return list(layer.published)
    partial = parse_date(moment)
    return [layer.published[i] for i in layer.select((partial.first_day(), partial.last_day()))]


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


def _as_text(value: Any) -> str | None:
    """Flatten a property for a table cell: lists as ``a; b``, mappings as JSON."""
    if value is None:
        return None
    if isinstance(value, list | tuple):
        return "; ".join(str(item) for item in value)
    if isinstance(value, Mapping):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def to_csv(features: list[Mapping[str, Any]], columns: Iterable[str]) -> bytes:
    """Return point features as CSV: ``lon``, ``lat``, then every column, in order."""
    columns = list(columns)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["lon", "lat", *columns])
    for feature in features:
        lon, lat = rfc7946_geometry(feature["geometry"]).coords[0]
        cells = [_csv_cell(feature["properties"].get(name)) for name in columns]
        writer.writerow([lon, lat, *cells])
    return buffer.getvalue().encode()


def _csv_cell(value: Any) -> str | int | float:
    """Return a property as a CSV cell; text a spreadsheet would run as a formula gets a ``'``.

    OWASP's advice against CSV injection: a cell starting with ``=``, ``+``, ``-``, ``@`` (or a
    tab or carriage return) is a formula to Excel and LibreOffice. Numbers stay numbers.
    """
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    text = _as_text(value)
    if text is None:
        return ""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _day_array(features: list[Mapping[str, Any]], column: str) -> np.ndarray:
    """Return a day column as ``datetime64[D]`` (NaT where the span is open)."""
    days = [feature["properties"][column] or "NaT" for feature in features]
    return np.array(days, dtype="datetime64[D]")


def _field(values: list[Any]) -> np.ndarray:
    """Return a GeoPackage column: whole numbers keep their type (a rank), the rest is text.

    A column with a gap stays text: a rank of 0 for "missing" would be a lie.
    """
    if values and all(type(value) is int for value in values):
        return np.array(values, dtype=np.int64)
    return np.array([_as_text(value) for value in values], dtype=object)


def _time_arrays(features: list[Mapping[str, Any]]) -> list[np.ndarray]:
    """Return ``start_time`` (00:00:00) and ``end_time`` (23:59:59) as ``datetime64[s]``."""
    first = _day_array(features, "start_day").astype("datetime64[s]")
    last = _day_array(features, "end_day").astype("datetime64[s]") + np.timedelta64(86399, "s")
    return [first, last]


def _gpkg_fields(features: list[Mapping[str, Any]], layer: Layer) -> dict[str, np.ndarray]:
    """Return the GeoPackage's columns in order: text, days as DATE, then the two DATETIMEs."""
    fields: dict[str, np.ndarray] = {}
    for name in layer.columns:
        if name in DAY_COLUMNS:
            fields[name] = _day_array(features, name)
        else:
            fields[name] = _field([feature["properties"][name] for feature in features])
        if name == DAY_COLUMNS[-1]:
            fields.update(zip(TIME_COLUMNS, _time_arrays(features), strict=True))
    return fields


def to_gpkg(features: list[Mapping[str, Any]], layer: Layer) -> bytes:
    """Return a GeoPackage 1.2 of one layer, typed by its catalogue entry whatever the date."""
    geometries = [rfc7946_geometry(feature["geometry"]) for feature in features]
    fields = _gpkg_fields(features, layer)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{layer.id}.gpkg"
        pyogrio.raw.write(
            str(path),
            geometry=shapely.to_wkb(np.array(geometries, dtype=object)),
            field_data=list(fields.values()),
            fields=list(fields),
            layer=layer.id,
            driver="GPKG",
            geometry_type=GPKG_GEOMETRY[geometry_of(layer.spec)],
            promote_to_multi=not layer.is_point_layer,
            crs="EPSG:4326",
            dataset_options={"VERSION": "1.2"},
            gdal_tz_offsets={name: np.full(len(features), UTC) for name in TIME_COLUMNS},
        )
        return path.read_bytes()

"""Exports keep one set of columns in one order whatever the date, and GIS-ready time columns.

Batch exports per date must line up, and an empty cut must still say what a row would hold:
the columns come from the layer (catalogue and data contract), not from the features of the
day. The GeoPackage is version 1.2 (GDAL 3.6 and QGIS 3.22 open it without a warning) with
DATE days and UTC DATETIME start_time/end_time for QGIS's temporal controller.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest

from server.core.export import export

DATES = [None, "0800", "1000", "1720", "1828-03-01", "1910", "2000-01-01"]
GPKG_GEOMETRY = {"area": "MULTIPOLYGON", "line": "MULTILINESTRING", "point": "POINT"}


def gpkg_columns(body: bytes, tmp_path: Path, layer_id: str) -> tuple[list[str], str, int]:
    path = tmp_path / f"{layer_id}.gpkg"
    path.write_bytes(body)
    with sqlite3.connect(path) as db:
        columns = [row[1] for row in db.execute(f'pragma table_info("{layer_id}")')]
        (geometry,) = db.execute("select geometry_type_name from gpkg_geometry_columns").fetchone()
        (version,) = db.execute("pragma user_version").fetchone()
    return columns, geometry, version


@pytest.mark.parametrize("at", DATES)
def test_every_format_has_the_layers_columns_whatever_the_date(atlas_store, tmp_path, at):
    for layer in atlas_store:
        document = json.loads(export(atlas_store, layer.id, "geojson", at).body)
        for feature in document["features"]:
            assert tuple(feature["properties"]) == layer.columns
        columns, geometry, version = gpkg_columns(
            export(atlas_store, layer.id, "gpkg", at).body, tmp_path, layer.id
        )
        end = layer.columns.index("end_day") + 1
        assert columns == [
            "fid",
            "geom",
            *layer.columns[:end],
            "start_time",
            "end_time",
            *layer.columns[end:],
        ]
        assert geometry == GPKG_GEOMETRY[layer.spec.style.get("geometry", "area")]
        assert version == 10200  # GeoPackage 1.2
        if layer.is_point_layer:
            header = next(
                csv.reader(io.StringIO(export(atlas_store, layer.id, "csv", at).body.decode()))
            )
            assert header == ["lon", "lat", *layer.columns]


def test_an_empty_cut_still_has_every_column(atlas_store, tmp_path):
    document = json.loads(export(atlas_store, "consulates", "geojson", "0800").body)
    assert document["features"] == []
    assert (
        export(atlas_store, "consulates", "csv", "0800")
        .body.decode()
        .startswith("lon,lat,id,name,")
    )
    columns, geometry, _ = gpkg_columns(
        export(atlas_store, "cessions", "gpkg", "0800").body, tmp_path, "cessions"
    )
    assert "chain" in columns and geometry == "MULTIPOLYGON"


def test_the_geopackage_times_span_whole_days_in_utc(tiny_store, tmp_path):
    path = tmp_path / "places.gpkg"
    path.write_bytes(export(tiny_store, "places", "gpkg").body)
    with sqlite3.connect(path) as db:
        rows = dict(
            (row[0], row[1:])
            for row in db.execute("select id, start_day, end_day, start_time, end_time from places")
        )
    assert rows["consulate-a"] == (
        "1850-01-01",
        "1918-03-31",
        "1850-01-01T00:00:00.000Z",
        "1918-03-31T23:59:59.000Z",
    )
    assert rows["consulate-b"][1] is None and rows["consulate-b"][3] is None  # still open

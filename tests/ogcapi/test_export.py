"""Exports read back with GeoPandas hold the same features and properties as the source."""

from __future__ import annotations

import io
import json
import sqlite3
from datetime import date

import geopandas as gpd
import pandas as pd
import pytest
import shapely
from shapely.geometry import shape

from server.cli import main
from server.core.dates import span_of
from tests.paths import FIXTURE_DATA


def read(body: bytes, tmp_path, suffix: str) -> gpd.GeoDataFrame:
    path = tmp_path / f"export.{suffix}"
    path.write_bytes(body)
    # GDAL would turn "1828-02-21" into a timestamp; the export keeps the text, so read text.
    options = {"DATE_AS_STRING": "YES"} if suffix == "geojson" else {}
    return gpd.read_file(path, **options)


def as_cell(value):
    return "; ".join(value) if isinstance(value, list) else value


def assert_same_features(frame: gpd.GeoDataFrame, features: list[dict], lists_as_text=False):
    assert sorted(frame["id"]) == sorted(f["properties"]["id"] for f in features)
    rows = frame.set_index("id")
    for feature in features:
        row = rows.loc[feature["properties"]["id"]]
        for name, value in feature["properties"].items():
            if name == "id":
                continue
            got = row[name]
            expected = as_cell(value) if lists_as_text else value
            if expected is None:
                assert got is None or pd.isna(got), name
            elif isinstance(expected, list):
                assert list(got) == expected, name
            else:
                assert got == expected, name
        assert shapely.equals_exact(
            shapely.normalize(row.geometry), shapely.normalize(shape(feature["geometry"])), 1e-6
        ) or row.geometry.equals(shape(feature["geometry"]))


def assert_rfc7946(document: dict):
    assert "crs" not in document and len(document["bbox"]) == 4
    for feature in document["features"]:
        geometry = shape(feature["geometry"])
        for polygon in getattr(geometry, "geoms", [geometry]):
            if polygon.geom_type == "Polygon":
                assert polygon.exterior.is_ccw
        text = json.dumps(feature["geometry"]["coordinates"])
        assert all(len(number.split(".")[-1]) <= 6 for number in text.replace("]", "").split(","))


def test_a_layer_exports_as_rfc7946_geojson_attachment(tiny_client, tiny_store, tmp_path):
    response = tiny_client.get("/export/zones.geojson")
    assert response.headers["Content-Disposition"] == 'attachment; filename="zones.geojson"'
    assert response.mimetype == "application/geo+json"
    assert_rfc7946(response.get_json())
    features = list(tiny_store.layer("zones").features)
    assert_same_features(read(response.data, tmp_path, "geojson"), features)


def test_an_export_at_a_date_says_so_in_its_name(tiny_client, tmp_path):
    response = tiny_client.get("/export/zones.geojson?date=1828-02-22")
    assert 'filename="zones_1828-02-22.geojson"' in response.headers["Content-Disposition"]
    frame = read(response.data, tmp_path, "geojson")
    assert sorted(frame["id"]) == ["north-russia", "south-persia"]


def test_the_atlas_export_has_every_layer_with_a_layer_property(tiny_client, tiny_store):
    document = tiny_client.get("/export/atlas.geojson").get_json()
    layers = {f["properties"]["id"]: f["properties"]["layer"] for f in document["features"]}
    assert layers == {
        f["properties"]["id"]: layer.id for layer in tiny_store for f in layer.features
    }
    assert_rfc7946(document)


def test_geopackage_has_real_date_columns_and_text_lists(tiny_client, tiny_store, tmp_path):
    response = tiny_client.get("/export/zones.gpkg")
    assert 'filename="zones.gpkg"' in response.headers["Content-Disposition"]
    path = tmp_path / "zones.gpkg"
    path.write_bytes(response.data)
    schema = sqlite3.connect(path).execute("select sql from sqlite_master where name='zones'")
    assert '"start_day" DATE' in schema.fetchone()[0]
    frame = gpd.read_file(path)
    features = list(tiny_store.layer("zones").features)
    assert_same_features(frame.drop(columns=["start_day", "end_day"]), features, lists_as_text=True)
    for feature in features:
        props = feature["properties"]
        row = frame.set_index("id").loc[props["id"]]
        first, last = span_of(props["start_date"], props["end_date"])
        assert row["start_day"].date() == first
        assert (
            pd.isna(row["end_day"]) if props["end_date"] is None else row["end_day"].date() == last
        )


def test_partial_dates_become_first_and_last_days(tiny_client, tmp_path):
    frame = read(tiny_client.get("/export/places.gpkg").data, tmp_path, "gpkg").set_index("id")
    assert frame.loc["consulate-a", "start_day"].date() == date(1850, 1, 1)
    assert frame.loc["consulate-a", "end_day"].date() == date(1918, 3, 31)
    assert frame.loc["consulate-a", "end_date"] == "1918-03"


def test_point_layers_export_as_csv_with_lon_lat(tiny_client, tiny_store):
    response = tiny_client.get("/export/places.csv")
    assert 'filename="places.csv"' in response.headers["Content-Disposition"]
    table = pd.read_csv(io.BytesIO(response.data), keep_default_na=False).set_index("id")
    for feature in tiny_store.layer("places").features:
        row = table.loc[feature["properties"]["id"]]
        assert [row["lon"], row["lat"]] == feature["geometry"]["coordinates"]
        assert row["name"] == feature["properties"]["name"]
        assert row["sources"] == as_cell(feature["properties"]["sources"])


@pytest.mark.parametrize("fmt", ["geojson", "gpkg"])
def test_every_real_layer_exports_and_reads_back(atlas_client, atlas_store, tmp_path, fmt):
    for layer in atlas_store:
        response = atlas_client.get(f"/export/{layer.id}.{fmt}")
        assert response.status_code == 200, response.data[:200]
        frame = read(response.data, tmp_path, fmt)
        if fmt == "gpkg":
            frame = frame.drop(columns=["start_day", "end_day"])
        assert_same_features(frame, list(layer.features), lists_as_text=fmt == "gpkg")


def test_real_point_layers_export_as_csv_and_others_refuse(atlas_client, atlas_store):
    for layer in atlas_store:
        response = atlas_client.get(f"/export/{layer.id}.csv")
        is_points = set(layer.frame.geom_type) == {"Point"}
        assert response.status_code == (200 if is_points else 400)
        if is_points:
            table = pd.read_csv(io.BytesIO(response.data))
            assert len(table) == len(layer.features)


def run(args: list[str]) -> int:
    with pytest.raises(SystemExit) as exit_:
        main(["export", "--geodata", str(FIXTURE_DATA), *args])
    return exit_.value.code


@pytest.mark.parametrize("fmt", ["geojson", "gpkg", "csv"])
def test_cli_writes_the_same_bytes_as_the_website(tiny_client, tmp_path, fmt):
    layer = "places"
    target = tmp_path / f"out.{fmt}"
    assert run(["--layer", layer, "--date", "1900", "--format", fmt, "-o", str(target)]) == 0
    assert (
        target.read_bytes() == tiny_client.get(f"/export/{layer}.{fmt}?date=1900").data
        or fmt == "gpkg"
    )

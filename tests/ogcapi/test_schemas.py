"""Schemas (Part 5), queryables (Part 3) and the GeoJSON item schema GDAL reads; one set of keys.

GDAL (3.6 in Debian 12) and QGIS 3.22 type each field from the first page they read; these pin
what they are told instead: partial dates are text, start_day/end_day are dates, and every
feature of a layer carries the same keys in the same order on every page and at every date.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from jsonschema import Draft202012Validator

from server.core.columns import DAY_COLUMNS
from server.core.dates import span_of

PARTIAL = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
DATES = ["0913-06-01", "1722-09-03", "1806-08-15", "1828-03-01", "1907-09-01", "1991-12-26"]


def rels(document) -> dict[str, dict]:
    return {link["rel"]: link for link in document["links"]}


def test_a_collection_links_its_schemas_as_gdal_and_part_5_readers_look_for_them(client):
    links = rels(client.get("/collections/zones").get_json())
    for rel in ("describedby", "describedBy"):
        assert links[rel]["href"].endswith("/collections/zones/geojson-schema")
        assert links[rel]["type"] == "application/schema+json"
    ogc = "http://www.opengis.net/def/rel/ogc/1.0/"
    assert links[f"{ogc}schema"]["href"].endswith("/collections/zones/schema")
    assert links[f"{ogc}queryables"]["href"].endswith("/collections/zones/queryables")
    first = [link["rel"] for link in client.get("/collections/zones").get_json()["links"]]
    assert first.index("describedby") < first.index(f"{ogc}schema")  # GDAL 3.12 takes the first


@pytest.mark.parametrize("kind", ["schema", "queryables", "geojson-schema"])
def test_schemas_are_json_schema_documents(client, kind):
    response = client.get(f"/collections/zones/{kind}")
    assert response.status_code == 200 and response.mimetype == "application/schema+json"
    document = response.get_json()
    Draft202012Validator.check_schema(document)
    assert document["$id"].endswith(f"/collections/zones/{kind}")
    assert client.get(f"/collections/zones/{kind}?f=html").mimetype == "text/html"


def test_the_part_5_schema_types_partial_dates_as_text_and_days_as_dates(client):
    properties = client.get("/collections/zones/schema").get_json()["properties"]
    assert properties["end_date"]["type"] == "string" and "format" not in properties["end_date"]
    assert properties["end_date"]["pattern"] == PARTIAL.pattern
    start_day = properties["start_day"]
    assert (start_day["type"], start_day["format"]) == ("string", "date")
    assert start_day["x-ogc-role"] == "primary-interval-start"
    assert properties["end_day"]["x-ogc-role"] == "primary-interval-end"
    assert properties["id"]["x-ogc-role"] == "id"
    assert properties["geometry"] == {
        "title": "Geometry",
        "x-ogc-role": "primary-geometry",
        "format": "geometry-multipolygon",
    }
    assert properties["controller"]["enum"] == ["Persia", "Russia"]
    assert properties["sources"]["type"] == "array"
    sequence = [p["x-ogc-propertySeq"] for name, p in properties.items() if name != "geometry"]
    assert sequence == list(range(1, len(sequence) + 1))


def test_the_geojson_schema_nests_the_properties_where_gdal_reads_them(client):
    document = client.get("/collections/zones/geojson-schema").get_json()
    nested = document["properties"]["properties"]["properties"]
    assert nested["end_date"]["type"] == "string" and "format" not in nested["end_date"]
    assert nested["start_day"]["format"] == nested["end_day"]["format"] == "date"
    assert "id" not in nested  # GDAL adds the id itself; listing it would make two id fields


def test_queryables_name_every_property_and_the_geometry(client, tiny_store):
    document = client.get("/collections/places/queryables").get_json()
    assert list(document["properties"]) == ["geometry", *tiny_store.layer("places").columns]
    assert document["properties"]["geometry"]["format"] == "geometry-point"
    assert document["additionalProperties"] is False


def test_every_real_feature_keeps_to_its_layer_schema(atlas_client, atlas_store):
    for layer in atlas_store:
        schema = atlas_client.get(f"/collections/{layer.id}/schema").get_json()["properties"]
        page = atlas_client.get(f"/collections/{layer.id}/items?limit=10000").get_json()
        for feature in page["features"]:
            for name, value in feature["properties"].items():
                if value is None:
                    assert name not in ("id", "name", "kind", "certainty", "sources")
                    continue
                rule = {k: v for k, v in schema[name].items() if not k.startswith("x-ogc")}
                Draft202012Validator(rule).validate(value)
                if rule.get("format") == "date":
                    date.fromisoformat(value)


@pytest.mark.parametrize("when", DATES)
def test_every_feature_of_a_layer_has_the_same_keys_in_the_same_order(
    atlas_client, atlas_store, when
):
    for layer in atlas_store:
        for limit in (1, 7):
            url = f"/collections/{layer.id}/items?datetime={when}&limit={limit}"
            for feature in atlas_client.get(url).get_json()["features"]:
                assert tuple(feature["properties"]) == layer.columns, (layer.id, when)


def test_start_day_and_end_day_are_the_first_and_last_days_covered(atlas_store):
    for layer in atlas_store:
        for feature in layer.published:
            props = feature["properties"]
            first, last = span_of(props["start_date"], props["end_date"])
            assert props["start_day"] == (first.isoformat() if props["start_date"] else None)
            assert props["end_day"] == (last.isoformat() if props["end_date"] else None)
            assert set(DAY_COLUMNS) <= set(props)


def test_items_carry_json_fg_time_and_declare_it(client):
    page = client.get("/collections/zones/items").get_json()
    assert page["conformsTo"] == ["http://www.opengis.net/spec/json-fg-1/0.2/conf/core"]
    times = {f["id"]: f["time"] for f in page["features"]}
    assert times["north-persia"] == {"interval": ["0900-01-01", "1828-02-21"]}
    assert times["north-russia"] == {"interval": ["1828-02-22", ".."]}
    conformance = client.get("/conformance").get_json()["conformsTo"]
    assert "http://www.opengis.net/spec/json-fg-1/0.2/conf/core" in conformance
    assert client.get("/collections/zones/items/north-russia").get_json()["time"] == {
        "interval": ["1828-02-22", ".."]
    }


def test_area_and_line_layers_are_published_as_multi_geometries(atlas_client, atlas_store):
    expected = {"area": {"MultiPolygon"}, "line": {"MultiLineString"}, "point": {"Point"}}
    for layer in atlas_store:
        page = atlas_client.get(f"/collections/{layer.id}/items?limit=10000").get_json()
        kinds = {feature["geometry"]["type"] for feature in page["features"]}
        assert kinds == expected[layer.spec.style.get("geometry", "area")], layer.id

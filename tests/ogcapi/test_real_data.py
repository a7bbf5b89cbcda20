"""The API on the real atlas: every layer is a collection whose items filter by date."""

from __future__ import annotations

import pytest

from tests.reading import features_during


def test_every_layer_is_a_collection_with_extents(atlas_client, atlas_store):
    collections = atlas_client.get("/collections").get_json()["collections"]
    assert [c["id"] for c in collections] == [layer.id for layer in atlas_store]
    for collection in collections:
        minx, miny, maxx, maxy = collection["extent"]["spatial"]["bbox"][0]
        assert -180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90


def test_items_page_through_each_whole_layer(atlas_client, atlas_store):
    for layer in atlas_store:
        page = atlas_client.get(f"/collections/{layer.id}/items?limit=10000").get_json()
        assert page["numberMatched"] == page["numberReturned"] == len(layer.features)


@pytest.mark.parametrize("when", ["1828-03-01", "1910", "1813-10/1828-02", "1991/.."])
def test_datetime_matches_the_store(atlas_client, atlas_store, when):
    from server.ogcapi.params import parse_datetime

    start, end = parse_datetime(when)
    for layer in atlas_store:
        page = atlas_client.get(f"/collections/{layer.id}/items?limit=10000&datetime={when}")
        expected = set(features_during(atlas_store, layer.id, start, end).index)
        assert {f["id"] for f in page.get_json()["features"]} == expected


def test_consulates_filter_by_sending_country(atlas_client):
    page = atlas_client.get("/collections/consulates/items?sending_country=Iran&limit=10000")
    features = page.get_json()["features"]
    assert features and all(f["properties"]["sending_country"] == "Iran" for f in features)


def test_every_feature_page_links_to_the_map(atlas_client, atlas_store):
    layer = next(iter(atlas_store))
    feature = layer.features[0]["properties"]
    page = atlas_client.get(f"/collections/{layer.id}/items/{feature['id']}?f=html")
    assert f"layers={layer.id}" in page.get_data(as_text=True)

"""Real OGC API clients read the atlas over HTTP: OWSLib against a live server on 127.0.0.1."""

from __future__ import annotations

import pytest
from owslib.ogcapi.features import Features


@pytest.fixture(scope="module")
def owslib(api_server):
    return Features(api_server.url + "/")


def test_owslib_lists_the_layers_as_feature_collections(owslib):
    assert owslib.feature_collections() == ["zones", "places"]
    assert "conf/core" in " ".join(owslib.conformance()["conformsTo"])


def test_owslib_reads_items_with_a_datetime_filter(owslib):
    page = owslib.collection_items("zones", datetime_="1828-02-22")
    assert sorted(f["id"] for f in page["features"]) == ["north-russia", "south-persia"]
    page = owslib.collection_items("zones", datetime_="../1828-02-21", bbox=[44, 40.5, 46, 42])
    assert [f["id"] for f in page["features"]] == ["north-persia"]


def test_owslib_reads_one_feature_and_the_api_definition(owslib):
    assert owslib.collection_item("places", "consulate-a")["properties"]["start_date"] == "1850"
    assert "/collections/zones/items" in owslib.api()["paths"]


def test_owslib_sees_the_collection_extent(owslib):
    zones = owslib.collection("zones")
    assert zones["extent"]["temporal"]["interval"][0][0].startswith("0900-01-01")

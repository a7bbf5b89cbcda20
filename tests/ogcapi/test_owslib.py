"""OWSLib reads the schemas, the queryables and filtered pages over HTTP (a live server)."""

from __future__ import annotations

import pytest
from owslib.ogcapi.features import Features

from server import create_app
from tests.live import LiveServer
from tests.paths import FIXTURE_DATA


@pytest.fixture(scope="module")
def owslib():
    live = LiveServer(
        create_app({"TESTING": True, "GEODATA_DIR": str(FIXTURE_DATA), "MAX_LIMIT": 2})
    )
    yield Features(live.url + "/")
    live.stop()


def test_owslib_reads_the_queryables_and_the_schema(owslib):
    queryables = owslib.collection_queryables("zones")
    assert queryables["properties"]["start_day"]["format"] == "date"
    schema = owslib.collection_schema("zones")
    assert schema["properties"]["end_date"]["type"] == "string"
    assert schema["properties"]["geometry"]["x-ogc-role"] == "primary-geometry"


def test_owslib_filters_with_cql2_and_sorts(owslib):
    page = owslib.collection_items(
        "zones",
        filter="T_INTERSECTS(INTERVAL(start_day, end_day), DATE('1828-02-22'))",
        sortby=("start_day", "desc"),
    )
    assert [f["id"] for f in page["features"]] == ["north-russia", "south-persia"]


def test_owslib_asking_for_more_than_the_maximum_gets_a_full_page(owslib):
    page = owslib.collection_items("zones", limit=20000)
    assert page["numberReturned"] == 2 and page["numberMatched"] == 3
    assert any(link["rel"] == "next" for link in page["links"])

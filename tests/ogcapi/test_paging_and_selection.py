"""Paging, selection and the answer's shape: links echo the client, limits cap, time is UTC.

A walk along ``next`` links must select the same features on every page, so links repeat the
client's parameters exactly (a bbox of 46.29194 used to come back as 46.2919 and duplicate
features); a limit above the maximum gives a full page and a next link, as the standard's own
example and GDAL's PAGE_SIZE expect.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from urllib.parse import parse_qs, urlsplit

import pytest

from server import create_app
from tests.paths import FIXTURE_DATA


def rels(document) -> dict[str, dict]:
    return {link["rel"]: link for link in document["links"]}


def ids(response) -> list[str]:
    return [feature["id"] for feature in response.get_json()["features"]]


def walk(client, url: str) -> tuple[list[str], int]:
    """Follow next links from ``url``; return every id seen and numberMatched."""
    seen, matched = [], None
    while url:
        page = client.get(url).get_json()
        matched = page["numberMatched"]
        seen += [feature["id"] for feature in page["features"]]
        url = rels(page).get("next", {}).get("href")
    return seen, matched


def test_links_repeat_a_seven_digit_bbox_exactly(atlas_client):
    page = atlas_client.get("/collections/consulates/items?bbox=46.2919400,30,60,45&limit=5")
    for rel in ("self", "next"):
        query = parse_qs(urlsplit(rels(page.get_json())[rel]["href"]).query)
        assert query["bbox"] == ["46.2919400,30,60,45"] and query["limit"] == ["5"]


def test_walking_next_links_with_a_precise_bbox_yields_each_feature_once(atlas_client):
    seen, matched = walk(
        atlas_client, "/collections/consulates/items?bbox=46.29194,30,60,45&limit=4"
    )
    assert len(seen) == len(set(seen)) == matched == 23


def test_a_limit_above_the_maximum_is_capped_with_a_next_link():
    client = create_app(
        {"TESTING": True, "GEODATA_DIR": str(FIXTURE_DATA), "MAX_LIMIT": 2}
    ).test_client()
    response = client.get("/collections/zones/items?limit=20000")
    assert response.status_code == 200
    page = response.get_json()
    assert page["numberReturned"] == 2 and page["numberMatched"] == 3
    query = parse_qs(urlsplit(rels(page)["next"]["href"]).query)
    assert query["limit"] == ["20000"] and query["offset"] == ["2"]
    assert walk(client, "/collections/zones/items?limit=99999999999999999999999")[0] == [
        "north-persia",
        "north-russia",
        "south-persia",
    ]


def test_limit_20000_is_a_page_of_everything_on_the_real_atlas(atlas_client, atlas_store):
    for layer in atlas_store:
        response = atlas_client.get(f"/collections/{layer.id}/items?limit=20000")
        assert response.status_code == 200
        assert response.get_json()["numberReturned"] == len(layer.features)


@pytest.mark.parametrize(
    ("bbox", "expected"),
    [
        ("170,-90,-170,90", []),
        ("40,30,-170,50", ["north-persia", "north-russia", "south-persia"]),
        ("170,30,45,39.5", ["south-persia"]),
    ],
)
def test_a_bbox_across_the_antimeridian_is_accepted(client, bbox, expected):
    response = client.get("/collections/zones/items", query_string={"bbox": bbox})
    assert response.status_code == 200 and sorted(ids(response)) == expected


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        ("1828-02-21T23:30:00-05:00", ["north-russia", "south-persia"]),  # 04:30 on the 22nd UTC
        ("1828-02-22T04:30:00Z", ["north-russia", "south-persia"]),
        ("1828-02-22T01:00:00+03:00", ["north-persia", "south-persia"]),  # 22:00 on the 21st UTC
        (
            "1828-02-20T23:00:00Z/1828-02-21T23:00:00-05:00",
            ["north-persia", "north-russia", "south-persia"],
        ),
    ],
)
def test_datetimes_with_offsets_select_their_day_in_utc(client, when, expected):
    response = client.get("/collections/zones/items", query_string={"datetime": when})
    assert sorted(ids(response)) == expected


def test_a_datetime_pushed_out_of_the_calendar_by_its_offset_is_400(client):
    response = client.get("/collections/zones/items?datetime=0001-01-01T00:30:00%2B01:00")
    assert response.status_code == 400
    assert "outside the years 0001 to 9999 in UTC" in response.get_json()["description"]


def test_sortby_orders_by_days_then_text(client):
    by_start = ids(client.get("/collections/zones/items?sortby=-start_day"))
    assert by_start == ["north-russia", "south-persia", "north-persia"]
    assert ids(client.get("/collections/zones/items?sortby=controller,-name")) == [
        "south-persia",
        "north-persia",
        "north-russia",
    ]
    assert ids(client.get("/collections/places/items?sortby=end_day")) == [
        "consulate-a",
        "hostile-place",
        "consulate-b",  # still open: last
    ]


def test_properties_and_skip_geometry_shape_each_feature(client):
    page = client.get("/collections/zones/items?properties=name,controller&skipGeometry=true")
    for feature in page.get_json()["features"]:
        assert list(feature["properties"]) == ["name", "controller"]
        assert feature["geometry"] is None and feature["id"] and "interval" in feature["time"]
    query = parse_qs(urlsplit(rels(page.get_json())["self"]["href"]).query)
    assert query["properties"] == ["name,controller"] and query["skipGeometry"] == ["true"]


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ("sortby=colour", "sortby: cannot sort by 'colour'; use id, name"),
        ("sortby=sources", "cannot sort by 'sources'"),
        ("sortby=%2B%2Bname", "is not a property, +property or -property"),
        ("properties=name,colour", "properties: no property 'colour'"),
        ("properties=name;id", "give property names separated by commas"),
        ("skipGeometry=yes", "skipGeometry: 'yes' is not true or false"),
    ],
)
def test_bad_selection_parameters_are_400(client, query, says):
    response = client.get(f"/collections/zones/items?{query}")
    assert response.status_code == 400 and says in response.get_json()["description"]


def test_time_stamp_is_when_the_answer_was_made():
    client = create_app(
        {"TESTING": True, "GEODATA_DIR": str(FIXTURE_DATA), "CACHE_BYTES": 0}
    ).test_client()
    before = datetime.now(UTC).replace(microsecond=0)
    stamp = client.get("/collections/zones/items").get_json()["timeStamp"]
    made = datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    assert before <= made <= datetime.now(UTC)


def test_the_html_landing_page_links_the_api_conformance_and_collections(client):
    response = client.get("/?f=html")
    assert response.status_code == 200 and response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    for href in ("/api", "/api?f=html", "/conformance", "/collections"):
        assert f'href="http://localhost{href}"' in page, href
    assert client.get("/").get_data(as_text=True) != page  # without f, browsers get the map


def test_the_api_definition_in_html_loads_swagger_ui_from_our_own_files(client):
    response = client.get("/api", headers={"Accept": "text/html"})
    assert response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert "<script>" not in page  # no inline script: the CSP needs no exception
    ours = re.search(r'src="(/static/[0-9a-f]{12}/js/api-definition\.js)"', page)
    assert ours, "our script at its versioned address"
    for asset in (
        "/vendor/swaggerui/swagger-ui-bundle.js",
        "/vendor/swaggerui/swagger-ui.css",
        ours[1],
    ):
        assert asset in page
        with client.get(asset) as loaded:
            assert loaded.status_code == 200, asset
    landing = client.get("/?f=json").get_json()
    assert rels(landing)["service-doc"]["href"].endswith("/api?f=html")
    assert client.get("/api", headers={"Accept": "*/*"}).mimetype.startswith(
        "application/vnd.oai.openapi+json"
    )

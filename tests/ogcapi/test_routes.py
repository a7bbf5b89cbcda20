"""Every OGC API route on the fixture data: answers, filters, paging, formats and caching."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import pytest
from flask import request

from server.web import api
from server.web.negotiation import root_wants_json

# The documents of the API over the tiny data; "consulate-b" has markup in its name.
DOCUMENTS = [
    "/conformance",
    "/collections",
    "/collections/zones",
    "/collections/places/items",
    "/collections/places/items/consulate-b",
    "/api",
]


def ids(response) -> list[str]:
    return sorted(feature["id"] for feature in response.get_json()["features"])


def rels(document) -> dict[str, dict]:
    return {link["rel"]: link for link in document["links"]}


def test_conformance_lists_core_geojson_html_and_openapi(tiny_client):
    classes = tiny_client.get("/conformance").get_json()["conformsTo"]
    assert {"core", "geojson", "html", "oas30"} <= {c.rsplit("/", 1)[1] for c in classes}


def test_collections_list_every_layer_as_features(tiny_client):
    document = tiny_client.get("/collections").get_json()
    assert [c["id"] for c in document["collections"]] == ["zones", "places"]
    assert all(c["itemType"] == "feature" for c in document["collections"])
    assert rels(document)["self"]["href"].endswith("/collections?f=json")


def test_a_collection_has_its_extent_in_space_and_time(tiny_client):
    zones = tiny_client.get("/collections/zones").get_json()
    assert zones["extent"]["spatial"]["bbox"] == [[44.0, 38.0, 46.0, 42.0]]
    assert zones["extent"]["temporal"]["interval"] == [["0900-01-01T00:00:00Z", None]]
    places = tiny_client.get("/collections/places").get_json()
    assert places["extent"]["temporal"]["interval"] == [["1850-01-01T00:00:00Z", None]]
    assert {"self", "alternate", "items"} <= set(rels(zones))


def test_items_are_geojson_with_counts_timestamp_and_links(tiny_client):
    response = tiny_client.get("/collections/zones/items")
    assert response.mimetype == "application/geo+json"
    page = response.get_json()
    assert page["type"] == "FeatureCollection"
    assert page["numberMatched"] == page["numberReturned"] == 3
    assert page["timeStamp"].endswith("Z")
    assert {"self", "alternate", "collection"} <= set(rels(page))
    assert "next" not in rels(page)


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        ("1828-02-21", ["north-persia", "south-persia"]),
        ("1828-02-22", ["north-russia", "south-persia"]),
        ("1828-02-22T23:59:59+03:00", ["north-russia", "south-persia"]),
        ("1828", ["north-persia", "north-russia", "south-persia"]),
        ("1828-02", ["north-persia", "north-russia", "south-persia"]),
        ("1000/1499", ["north-persia"]),
        ("../1000", ["north-persia"]),
        ("/1000", ["north-persia"]),
        ("1900/..", ["north-russia", "south-persia"]),
        ("1900/", ["north-russia", "south-persia"]),
        ("0800", []),
    ],
)
def test_datetime_selects_features_holding_then(tiny_client, when, expected):
    response = tiny_client.get("/collections/zones/items", query_string={"datetime": when})
    assert ids(response) == expected


def test_bbox_and_datetime_combine(tiny_client):
    query = {"bbox": "44,40.5,46,41", "datetime": "1830"}
    assert ids(tiny_client.get("/collections/zones/items", query_string=query)) == ["north-russia"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"controller": "Russia"}, ["north-russia"]),
        ({"controller": "Persia", "datetime": "1900"}, ["south-persia"]),
        ({"kind": "province"}, ["south-persia"]),
        ({"certainty": "exact"}, ["north-russia"]),
    ],
)
def test_documented_properties_filter_items(tiny_client, query, expected):
    assert ids(tiny_client.get("/collections/zones/items", query_string=query)) == expected


def test_paging_walks_every_feature_once_with_next_links(tiny_client):
    seen, url = [], "/collections/zones/items?limit=1"
    while url:
        page = tiny_client.get(url).get_json()
        assert page["numberReturned"] == 1 and page["numberMatched"] == 3
        seen += [f["id"] for f in page["features"]]
        url = rels(page).get("next", {}).get("href")
    assert sorted(seen) == ["north-persia", "north-russia", "south-persia"]


def test_prev_link_goes_back_one_page(tiny_client):
    page = tiny_client.get("/collections/zones/items?limit=1&offset=2&controller=Persia").get_json()
    assert page["numberReturned"] == 0  # only two Persian periods
    query = parse_qs(urlsplit(rels(page)["prev"]["href"]).query)
    assert query["offset"] == ["1"] and query["controller"] == ["Persia"]


def test_one_feature_has_links_to_itself_and_its_collection(tiny_client):
    response = tiny_client.get("/collections/zones/items/north-russia")
    assert response.mimetype == "application/geo+json"
    feature = response.get_json()
    assert feature["id"] == "north-russia" and feature["properties"]["controller"] == "Russia"
    assert rels(feature)["collection"]["href"].endswith("/collections/zones?f=json")


@pytest.mark.parametrize("url", [url + "?f=html" for url in DOCUMENTS if url != "/api"])
def test_html_pages_escape_data_and_load_nothing_from_elsewhere(tiny_client, url):
    response = tiny_client.get(url)
    assert response.status_code == 200 and response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert "<b>B</b>" not in page
    assert "http://" not in page.replace("http://localhost/", "").replace(
        "http://www.opengis.net/", ""
    )


def test_a_feature_page_links_to_the_map_at_its_start(tiny_client):
    page = tiny_client.get("/collections/places/items/consulate-b?f=html").get_data(as_text=True)
    assert "Consulate &lt;b&gt;B&lt;/b&gt;" in page
    assert "/?date=1990-05-01&amp;layers=places" in page


def test_browsers_get_html_and_clients_get_json_without_f(tiny_client):
    html = tiny_client.get("/collections", headers={"Accept": "text/html,*/*;q=0.8"})
    assert html.mimetype == "text/html"
    assert tiny_client.get("/collections", headers={"Accept": "*/*"}).mimetype == "application/json"
    assert "Accept" in html.headers["Vary"]


def test_the_root_answers_json_only_when_asked(tiny_app):
    with tiny_app.test_request_context("/?f=json"):
        assert root_wants_json(request)
        landing = json.loads(api.landing().get_data())
    assert {"self", "service-desc", "conformance", "data"} <= set(rels(landing))
    assert rels(landing)["service-desc"]["type"].startswith("application/vnd.oai.openapi+json")
    for accept in ("text/html,application/xhtml+xml,*/*;q=0.8", None):
        headers = {"Accept": accept} if accept else {}
        with tiny_app.test_request_context("/", headers=headers):
            assert not root_wants_json(request)
    with tiny_app.test_request_context("/?f=html", headers={"Accept": "application/json"}):
        assert not root_wants_json(request)
    for accept in ("application/json", "*/*"):
        with tiny_app.test_request_context("/", headers={"Accept": accept}):
            assert root_wants_json(request)


def test_the_root_is_the_landing_page_for_json_clients(tiny_client):
    response = tiny_client.get("/?f=json")
    assert response.get_json()["links"]
    assert tiny_client.get("/").mimetype == "text/html"


@pytest.mark.parametrize("url", [*DOCUMENTS, "/export/zones.geojson"])
def test_data_answers_are_cacheable_and_revalidate_with_304(tiny_client, url):
    first = tiny_client.get(url)
    assert first.status_code == 200 and first.headers["ETag"]
    assert "max-age" in first.headers["Cache-Control"]
    again = tiny_client.get(url, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and not again.data


@pytest.mark.parametrize("encoding", ["gzip", "br"])
def test_answers_are_compressed_and_still_revalidate(tiny_client, encoding):
    url = "/collections/zones/items"
    response = tiny_client.get(url, headers={"Accept-Encoding": encoding})
    assert response.headers["Content-Encoding"] == encoding
    etag = response.headers["ETag"]
    again = tiny_client.get(url, headers={"Accept-Encoding": encoding, "If-None-Match": etag})
    assert again.status_code == 304

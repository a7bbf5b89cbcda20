"""Other web pages and GIS clients can reach the data: CORS everywhere, byte ranges on downloads."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "url",
    [
        "/?f=json",
        "/collections/zones/items",
        "/collections/zones/schema",
        "/export/zones.gpkg",
        "/collections/nope",
        "/api",
    ],
)
def test_every_answer_may_be_read_by_any_origin(client, url):
    response = client.get(url, headers={"Origin": "https://viewer.example.org"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response.headers["Access-Control-Expose-Headers"]


def test_a_preflight_request_is_answered(client):
    response = client.options(
        "/export/zones.gpkg",
        headers={
            "Origin": "https://viewer.example.org",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "range",
        },
    )
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response.headers["Access-Control-Allow-Methods"]
    assert "Range" in response.headers["Access-Control-Allow-Headers"]


@pytest.mark.parametrize(
    "url", ["/export/zones.gpkg", "/export/places.csv?date=1900", "/export/zones.geojson"]
)
def test_downloads_answer_byte_ranges(client, url):
    whole = client.get(url)
    assert whole.headers["Accept-Ranges"] == "bytes"
    for _ in range(2):  # the second time past a cached whole answer
        part = client.get(url, headers={"Range": "bytes=0-99"})
        assert part.status_code == 206 and len(part.data) == 100
        assert part.data == whole.data[:100]
        assert part.headers["Content-Range"] == f"bytes 0-99/{len(whole.data)}"
    tail = client.get(url, headers={"Range": "bytes=-10"})
    assert tail.status_code == 206 and tail.data == whole.data[-10:]


def test_a_range_past_the_end_is_416(client):
    response = client.get("/export/zones.gpkg", headers={"Range": "bytes=99999999-"})
    assert response.status_code == 416
    assert response.headers["Content-Range"].startswith("bytes */")


def test_a_range_for_another_version_gets_the_whole_file(client):
    response = client.get(
        "/export/zones.gpkg", headers={"Range": "bytes=0-99", "If-Range": '"not-this-one"'}
    )
    assert response.status_code == 200 and len(response.data) > 100


def test_api_answers_do_not_take_ranges(client):
    response = client.get("/collections/zones/items", headers={"Range": "bytes=0-9"})
    assert response.status_code == 200 and "Accept-Ranges" not in response.headers

"""Every malformed request gets a JSON 4xx saying what is wrong; nothing ever answers 5xx."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

BAD_DATES = [
    "0000-00-00",
    "99999",
    "1813-02-30",
    "-500",
    "x" * 10_000,
    "١٨١٣-١٠",
    "18\x0013",
    "1830/1800",
    "../..",
    "1813/1814/1815",
    "1813-10-24T99:00:00Z",
    "🙂",
]
BAD_BBOXES = [
    "NaN,1,2,3",
    "1,2,Infinity,3",
    "-inf,0,0,0",
    "1,2,3",
    "1,2,3,4,5",
    "a,b,c,d",
    "200,0,201,1",
    "0,95,1,96",
    "1" * 10_000,
    "\x00,1,2,3",
]
BAD_COUNTS = ["-1", "0", "1.5", "ten", ""]  # a limit above 10000 is capped (#15)


def assert_refused(response, status=400, code="InvalidParameterValue", says=""):
    assert response.status_code == status, response.data[:300]
    body = response.get_json()
    assert body["code"] == code
    assert says in body["description"]
    assert len(response.data) < 2000  # a 10 KB value is never echoed back whole


@pytest.mark.parametrize("value", BAD_DATES)
def test_bad_datetimes_are_400(tiny_client, value):
    response = tiny_client.get("/collections/zones/items", query_string={"datetime": value})
    assert_refused(response, says="datetime")


@pytest.mark.parametrize("value", BAD_BBOXES)
def test_bad_bboxes_are_400(tiny_client, value):
    response = tiny_client.get("/collections/zones/items", query_string={"bbox": value})
    assert_refused(response, says="bbox")


@pytest.mark.parametrize("value", BAD_COUNTS)
def test_bad_limits_say_the_allowed_range(tiny_client, value):
    response = tiny_client.get("/collections/zones/items", query_string={"limit": value})
    assert_refused(response, says="1 to 10000")


@pytest.mark.parametrize("value", ["-1", "99999999999999", "x", "2147483648"])
def test_bad_offsets_are_400(tiny_client, value):
    response = tiny_client.get("/collections/zones/items", query_string={"offset": value})
    assert_refused(response, says="offset")


def test_a_huge_but_valid_offset_is_an_empty_page(tiny_client):
    page = tiny_client.get("/collections/zones/items?offset=2147483647").get_json()
    assert page["numberReturned"] == 0 and page["numberMatched"] == 3


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("/collections/zones/items?colour=red", "unknown query parameter 'colour'"),
        ("/collections/places/items?controller=Russia", "allowed: f, datetime"),
        ("/collections/zones/items?controller=Prussia", "Persia, Russia"),
        ("/collections/zones/items?certainty=sure", "exact, approximate, disputed"),
        ("/collections/zones/items?limit=1&limit=2", "more than once"),
        ("/collections/zones/items?f=xml", "f=json or f=html"),
        ("/collections?f=geojson", "f=json or f=html"),
        ("/collections?page=2", "unknown query parameter 'page'"),
        ("/conformance?x=1", "unknown"),
        ("/api?f=yaml", "f=json or f=html"),
        ("/export/zones.geojson?date=1813-02-30", "no day 30"),
        ("/export/zones.geojson?when=1813", "unknown"),
        ("/export/zones.csv", "point layers only"),
        ("/export/atlas.gpkg", "GeoJSON only"),
    ],
)
def test_malformed_requests_say_which_parameter_and_why(tiny_client, url, says):
    assert_refused(tiny_client.get(url), says=says)


@pytest.mark.parametrize(
    "url",
    [
        "/collections/nope",
        "/collections/nope/items",
        "/collections/zones/items/nope",
        "/collections/zones/items/" + "x" * 10_000,
        "/collections/zones/items/%C3%A9%00",
        "/collections/%2e%2e/items",
        "/export/nope.geojson",
        "/export/nope.csv",
    ],
)
def test_unknown_collections_and_features_are_404(tiny_client, url):
    assert_refused(tiny_client.get(url), status=404, code="NotFound")


@pytest.mark.parametrize(
    "url",
    [
        "/export/../../etc/passwd",
        "/export/..%2F..%2Fetc%2Fpasswd.geojson",
        "/export/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/export/....//etc/passwd.csv",
        "/export/zones.geojson/../../../etc/passwd",
        "/export/%252e%252e%252fetc.gpkg",
        "/export/zones.exe",
        "/export/.geojson",
    ],
)
def test_path_traversal_never_reaches_the_file_system(tiny_client, url):
    response = tiny_client.get(url)
    assert response.status_code == 404
    assert b"root:" not in response.data


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("post", "/"),
        ("post", "/collections"),
        ("put", "/collections/zones/items"),
        ("delete", "/collections/zones/items/north-russia"),
        ("patch", "/conformance"),
        ("post", "/api"),
        ("delete", "/export/zones.geojson"),
    ],
)
def test_wrong_methods_are_405_with_allow(tiny_client, method, url):
    response = getattr(tiny_client, method)(url)
    assert_refused(response, status=405, code="MethodNotAllowed")
    assert "GET" in response.headers["Allow"]


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    datetime_=st.one_of(
        st.text(max_size=40),
        st.from_regex(r"\A(\d{1,5}(-\d{1,2}){0,2}|\.\.)?/?(\d{1,5}(-\d{1,2}){0,2}|\.\.)?\Z"),
    ),
    bbox=st.one_of(
        st.text(max_size=30),
        st.lists(st.floats(allow_nan=True, allow_infinity=True), min_size=3, max_size=7).map(
            lambda values: ",".join(map(str, values))
        ),
    ),
)
def test_generated_datetimes_and_bboxes_never_cause_a_server_error(tiny_client, datetime_, bbox):
    query = {"datetime": datetime_, "bbox": bbox}
    response = tiny_client.get("/collections/zones/items", query_string=query)
    assert response.status_code in (200, 400), response.data[:300]
    if response.status_code == 400:
        assert response.get_json()["code"] == "InvalidParameterValue"

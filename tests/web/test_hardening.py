"""Forged headers and hostile data cannot reach other visitors' answers or the worker's memory.

Flask's test client goes through the whole WSGI stack (the origin gate and the fast path in
front of Flask), so these run without a server; `tests/load` checks the real one.
"""

from __future__ import annotations

import json
import re

import folium
import pytest
from branca.element import Element

from server import create_app
from server.core.errors import SettingError
from server.mapview.build import render_parts
from server.web.caching import CachingMiddleware, ResponseCache
from tests.paths import FIXTURE_DATA

POISON = "attacker.example"
LINKED = [
    "/?f=json",
    "/collections?f=json",
    "/collections/zones",
    "/collections/zones/items?limit=1",
    "/collections/zones/items?limit=1&f=html",
    "/collections/zones/items/north-russia",
    "/collections/zones/items/north-russia?f=html",
    "/conformance?f=html",
]
SECURITY = [
    "Content-Security-Policy",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
    "Cross-Origin-Resource-Policy",
    "Permissions-Policy",
]


def make_app(**settings):
    return create_app({"TESTING": True, "GEODATA_DIR": str(FIXTURE_DATA), **settings})


def fast_path(app) -> CachingMiddleware:
    layer = app.wsgi_app
    while not isinstance(layer, CachingMiddleware):
        layer = layer.app
    return layer


@pytest.mark.parametrize("path", LINKED)
@pytest.mark.parametrize("accept", [None, "text/html"])
def test_a_forged_host_never_reaches_a_later_visitors_links(client, path, accept):
    headers = {"Accept": accept} if accept else {}
    for _ in range(4):  # enough for the fast path and every other cache to keep the answer
        client.get(path, headers={**headers, "Host": POISON})
    answer = client.get(path, headers=headers)  # the same request from an honest client
    assert answer.status_code == 200
    assert POISON not in answer.get_data(as_text=True)


def test_paging_links_follow_the_visitors_own_host_and_scheme(client):
    client.get("/collections/zones/items?limit=1", headers={"Host": POISON})
    client.get("/collections/zones/items?limit=1", base_url="https://localhost")
    answer = client.get("/collections/zones/items?limit=1")
    following = [link["href"] for link in answer.json["links"] if link["rel"] == "next"]
    assert following == ["http://localhost/collections/zones/items?limit=1&offset=1&f=json"]


def test_with_a_base_url_links_never_come_from_the_request():
    client = make_app(BASE_URL="https://atlas.example.edu/atlas").test_client()
    answer = client.get("/collections/zones/items?limit=1", headers={"Host": POISON})
    hrefs = [link["href"] for link in answer.json["links"]]
    assert hrefs and all(href.startswith("https://atlas.example.edu/atlas/") for href in hrefs)
    page = client.get("/", headers={"Host": POISON}).get_data(as_text=True)
    assert POISON not in page and 'src="/atlas/static/' in page


def test_a_bad_base_url_stops_the_start():
    with pytest.raises(SettingError, match="BASE_URL must be like https://atlas.example.edu/"):
        make_app(BASE_URL="atlas.example.edu")


@pytest.mark.parametrize(
    ("trusted", "host", "status"),
    [
        ("atlas.example.edu", "atlas.example.edu", 200),
        ("atlas.example.edu", "atlas.example.edu:8000", 200),
        ("atlas.example.edu", POISON, 400),
        ([".example.edu"], "www.example.edu", 200),
        ([".example.edu"], "example.edu.evil.org", 400),
        (None, "a b", 400),
        (None, "x" * 300, 400),
    ],
)
def test_only_trusted_and_valid_hosts_are_answered(trusted, host, status):
    client = make_app(TRUSTED_HOSTS=trusted).test_client()
    for _ in range(3):  # a refused host is refused every time, not only until a cache hit
        answer = client.get("/conformance", headers={"Host": host})
        assert answer.status_code == status
    if status == 400:
        assert answer.json["code"] == "InvalidHost"
        assert all(name in answer.headers for name in SECURITY)


def test_many_spellings_of_accept_headers_make_one_cache_entry(client):
    cache = fast_path(client.application).cache
    for n in range(100):
        headers = {
            "Accept": f"application/json, x/{n}-{'a' * 7000};q=0.1",
            "Accept-Encoding": f"identity, x-{n}-{'b' * 7000}",
        }
        assert client.get("/conformance", headers=headers).status_code == 200
    assert len(cache._entries) == 1
    assert cache.total < 4_000


def test_answers_negotiated_differently_are_kept_apart(client):
    cache = fast_path(client.application).cache
    html = client.get("/conformance", headers={"Accept": "text/html"})
    json_ = client.get("/conformance", headers={"Accept": "application/json"})
    gzipped = client.get("/conformance?f=html", headers={"Accept-Encoding": "gzip"})
    for _ in range(2):
        assert client.get("/conformance", headers={"Accept": "text/html"}).data == html.data
        assert client.get("/conformance", headers={"Accept": "application/json"}).data == json_.data
    assert html.mimetype == "text/html" and json_.mimetype == "application/json"
    assert gzipped.headers["Content-Encoding"] == "gzip"
    assert len(cache._entries) == 3


def test_a_cache_counts_its_keys_against_its_budget():
    cache = ResponseCache(max_bytes=20_000)
    for n in range(100):
        cache.put(("q" * 5_000, n), (b"tiny",))
    assert cache.total <= 20_000 and len(cache._entries) <= 3


@pytest.mark.parametrize("header", ["Accept", "Accept-Encoding", "Host", "If-None-Match"])
def test_an_oversized_header_that_keys_a_cache_always_gets_the_apps_431(client, header):
    for _ in range(2):  # also once the answer without that header is in the fast path
        client.get("/conformance")
        answer = client.get("/conformance", headers={header: "a" * 9_000})
        assert answer.status_code == 431, header
        assert answer.json["code"] == "RequestHeaderFieldsTooLarge"
        assert all(name in answer.headers for name in SECURITY)


def test_any_oversized_header_gets_the_apps_431_when_the_app_answers(client):
    answer = client.get("/collections/zones/items?limit=3", headers={"X-Any": "a" * 9_000})
    assert answer.status_code == 431 and "X-Any header is longer" in answer.json["description"]
    assert all(name in answer.headers for name in SECURITY)


# Pages and their scripts are for this site only; data may be read by any site's scripts.
RESOURCE_POLICY = {
    "/": "same-origin",
    "/data/atlas.js": "same-origin",
    "/static/js/atlas-map.js": "same-origin",
    "/collections/zones/items": "cross-origin",
    "/export/places.csv": "cross-origin",
    "/collections/nope": "cross-origin",
}


@pytest.mark.parametrize(("path", "policy"), RESOURCE_POLICY.items())
def test_resource_policy_is_per_route_and_other_headers_are_everywhere(client, path, policy):
    answer = client.get(path)
    assert answer.headers["Cross-Origin-Resource-Policy"] == policy
    assert "camera=()" in answer.headers["Permissions-Policy"]
    assert answer.headers["X-Permitted-Cross-Domain-Policies"] == "none"
    assert answer.headers["Server"] == "atlas"
    answer.close()


def test_the_resource_policy_can_be_set_per_endpoint():
    client = make_app(RESOURCE_POLICIES={"api": "cross-origin", "views.data_script": "same-site"})
    answer = client.test_client().get("/data/atlas.js")
    assert answer.headers["Cross-Origin-Resource-Policy"] == "same-site"


def test_only_our_own_script_carries_the_nonce(geodata_copy):
    path = geodata_copy / "places.geojson"
    path.write_text(path.read_text().replace("A mission in the north.", "<script>x()</script>"))
    client = make_app(GEODATA_DIR=str(geodata_copy)).test_client()
    page = client.get("/tour").get_data(as_text=True)
    scripts = re.findall(r"<script\b[^>]*>", page)
    inline = [tag for tag in scripts if "src=" not in tag]
    assert len(inline) == 1 and "nonce=" in inline[0]
    assert all("nonce=" not in tag for tag in scripts if "src=" in tag)
    assert "<style" not in page
    assert "<script>x()" not in page


def test_a_control_bringing_inline_code_is_refused_before_any_page_is_served():
    atlas_map = folium.Map(tiles=None)
    atlas_map.get_root().header.add_child(Element("<style>body{}</style>"), name="sneaky")
    with pytest.raises(ValueError, match="inline code"):
        render_parts(atlas_map)


def test_the_same_view_renders_the_same_page():
    first = make_app().test_client().get("/?date=1850").get_data(as_text=True)
    second = make_app().test_client().get("/?date=1850").get_data(as_text=True)
    strip = lambda html: re.sub(r'nonce="[^"]+"', "", html)  # noqa: E731
    assert strip(first) == strip(second)


def test_assets_have_versioned_urls_cached_for_a_year(client):
    page = client.get("/").get_data(as_text=True)
    assets = re.findall(r'(?:src|href)="(/(?:static|vendor)/[^"]+)"', page)
    assert assets and all(re.match(r"/(static|vendor/leaflet)/[0-9a-f]{12}/", a) for a in assets)
    for path in assets:
        answer = client.get(path)
        assert answer.status_code == 200, path
        assert answer.headers["Cache-Control"] == "public, max-age=31536000, immutable"
        answer.close()
    stale = re.sub(r"/[0-9a-f]{12}/", "/000000000000/", assets[0], count=1)
    answer = client.get(stale)
    assert answer.status_code == 200 and "immutable" not in answer.headers["Cache-Control"]
    answer.close()


def test_csv_exports_neutralise_spreadsheet_formulas(geodata_copy):
    path = geodata_copy / "places.geojson"
    data = json.loads(path.read_text())
    data["features"][0]["properties"]["name"] = '=HYPERLINK("http://evil.example","x")'
    data["features"][1]["properties"]["name"] = "@SUM(1+1)*cmd|' /C calc'!A0"
    path.write_text(json.dumps(data))
    client = make_app(GEODATA_DIR=str(geodata_copy)).test_client()
    text = client.get("/export/places.csv").get_data(as_text=True)
    assert "\"'=HYPERLINK(" in text and "'@SUM(1+1)" in text
    assert not re.search(r"(^|,)[=+@]", text, re.MULTILINE)

"""The map page and the files it loads, through Flask's test client."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

URL = re.compile(r"""(?:https?:)?//[^\s"'<>)]+""")


# Names, not addresses: XML namespaces identify a vocabulary and are never fetched.
NAMESPACES = ("http://www.w3.org/2000/svg",)


def off_host_urls(text: str) -> list[str]:
    return [
        url
        for url in URL.findall(text)
        if not url.startswith(("http://localhost", "//localhost")) and url not in NAMESPACES
    ]


def fetch(client, path: str, **kwargs):
    """GET a path and close the response (file-backed responses hold an open file)."""
    with client.get(path, **kwargs) as response:
        return response.status_code, response.get_data(as_text=True)


def test_the_map_page_names_no_off_host_url(client):
    page = client.get("/?date=1830-01-01")
    assert page.status_code == 200
    assert off_host_urls(page.get_data(as_text=True)) == []
    assets = re.findall(
        r'(?<![-\w])(?:src|href)="(/(?:static|data|vendor)/[^"]+)"', page.get_data(as_text=True)
    )
    assert len(assets) > 5
    for path in assets:
        status, text = fetch(client, path)
        assert status == 200, path
        # SVG namespaces and third-party code name URLs as strings; they are not requests.
        if not path.endswith(".svg") and not path.startswith("/vendor/"):
            assert off_host_urls(text) == [], path


def test_the_map_page_uses_no_folium_cdn_assets(client):
    page = client.get("/").get_data(as_text=True)
    for unused in ("jquery", "bootstrap", "awesome", "font-awesome", "glyphicon"):
        assert unused not in page.lower()


def test_the_date_in_the_url_sets_the_view(client):
    page = client.get("/?date=1828-02-22&layers=zones").get_data(as_text=True)
    assert "<title>Iran–Russia Historical Atlas — 22 February 1828</title>" in page
    assert re.search(r'"layers":\s*\[\s*"zones"\s*\]', page)  # the view the map opens on


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("/?date=1813-02-30", "February 1813 has no day 30"),
        ("/?date=0000-00-00", "year 0000 does not exist"),
        ("/?date=99999", "is not a date"),
        ("/?date=-500", "is not a date"),
        ("/?date=" + "9" * 10_000, "is not a date"),
        ("/?date=%00", "is not a date"),
        ("/?layers=zones,nowhere", "layers: unknown 'nowhere'"),
        ("/?layers=%3Cscript%3Ealert(1)%3C/script%3E", "layers: unknown"),
        ("/compare?left=1812-13-01", "left: '1812-13-01': month must be 01 to 12"),
        ("/compare?right=yesterday", "right: "),
        ("/compare?left=1812&layers=nowhere", "layers: unknown 'nowhere'"),
    ],
)
def test_a_bad_view_gets_a_precise_400(client, url, reason):
    answer = client.get(url)
    assert answer.status_code == 400
    assert reason in answer.get_json()["description"]


def test_a_browser_gets_a_readable_error_page_with_the_input_escaped(client):
    answer = client.get("/?layers=<script>alert(1)</script>", headers={"Accept": "text/html"})
    assert answer.status_code == 400
    assert answer.content_type.startswith("text/html")
    text = answer.get_data(as_text=True)
    assert "<script>alert(1)" not in text
    assert "&lt;script&gt;" in text


def test_a_date_after_today_is_refused_saying_where_the_atlas_ends(client):
    tomorrow = date.today() + timedelta(days=1)
    answer = client.get(f"/?date={tomorrow.isoformat()}")
    assert answer.status_code == 400
    description = answer.get_json()["description"]
    assert description == (
        f"date: {tomorrow.isoformat()} is after today ({date.today().isoformat()}); "
        "the atlas ends today"
    )
    assert client.get(f"/?date={date.today().isoformat()}").status_code == 200


@pytest.mark.parametrize(
    ("lang", "heading", "home"),
    [
        ("en", "The address asks for something the atlas cannot show", 'href="/"'),
        ("fa", "این نشانی چیزی می‌خواهد که اطلس نمی‌تواند نشان دهد", 'href="/?lang=fa"'),
        ("ru", "По этому адресу атлас не может ничего показать", 'href="/?lang=ru"'),
    ],
)
def test_error_pages_speak_the_language_asked_for_and_look_like_the_atlas(
    client, lang, heading, home
):
    answer = client.get(f"/?date=banana&lang={lang}", headers={"Accept": "text/html"})
    assert answer.status_code == 400
    page = answer.get_data(as_text=True)
    assert f'<html lang="{lang}" dir="{"rtl" if lang == "fa" else "ltr"}">' in page
    assert f"<h1>{heading}</h1>" in page
    assert home in page
    assert 'name="viewport"' in page and "css/atlas.css" in page
    assert "is not a date" in page, "the precise reason stays"
    if lang != "en":
        assert '<p class="atlas-error-message" lang="en" dir="ltr">' in page


def test_the_map_page_lets_readers_zoom_it(client):
    page = client.get("/", headers={"Accept": "text/html"}).get_data(as_text=True)
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert "user-scalable=no" not in page and "maximum-scale" not in page


def test_data_scripts_carry_an_etag_and_answer_304(client):
    first = client.get("/data/atlas.js")
    assert first.status_code == 200
    assert first.content_type == "text/javascript; charset=utf-8"
    assert first.get_data(as_text=True).startswith("window.ATLAS_DATA = JSON.parse('{")
    again = client.get("/data/atlas.js", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
    assert again.headers["ETag"] == first.headers["ETag"]


def test_data_scripts_escape_markup_from_the_data(client):
    script = client.get("/data/atlas.js").get_data(as_text=True)
    assert "Consulate \\u003cb\\u003eB\\u003c/b\\u003e" in script
    assert "<b>" not in script


def test_leaflet_comes_from_its_pip_package(client):
    status, text = fetch(client, "/vendor/leaflet/leaflet.js")
    assert status == 200
    assert "Leaflet" in text[:500]
    with client.get("/vendor/leaflet/images/marker-icon.png") as icon:
        assert icon.status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/vendor/leaflet/../../../etc/passwd",
        "/vendor/leaflet/%2e%2e/%2e%2e/etc/passwd",
        "/vendor/jquery/jquery.js",
        "/data/secret.js",
        "/static/../server/config.py",
    ],
)
def test_paths_outside_the_assets_are_not_found(client, path):
    assert fetch(client, path)[0] == 404


def test_the_map_page_has_a_geojson_twin_at_its_date(client):
    page = client.get("/?date=1828-02-22&layers=zones").get_data(as_text=True)
    twin = re.search(
        r'<link rel="alternate" type="application/geo\+json" href="([^"]+)"', page
    ).group(1)
    assert twin == "/export/atlas.geojson?date=1828-02-22"
    answer = client.get(twin)
    assert answer.status_code == 200
    ids = {feature["properties"]["id"] for feature in answer.get_json()["features"]}
    assert "north-russia" in ids and "north-persia" not in ids

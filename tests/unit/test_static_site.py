"""The static build, written without an app or a request: every page link resolves inside it."""

from __future__ import annotations

import re

import pytest

from server.config import DEFAULTS
from server.core.export import downloads
from server.mapview.links import PAGES
from server.mapview.static_site import build_static

LINK = re.compile(r'(?:src|href)="([^"#?]+)')


@pytest.fixture
def built(tiny_store, tmp_path):
    files = build_static(tiny_store, DEFAULTS, tmp_path / "site")
    return tmp_path / "site", files


def test_the_build_holds_pages_data_downloads_and_assets(built, tiny_store):
    site, files = built
    expected = [*PAGES.values(), "data/atlas.js", "data/basemap.js", "vendor/leaflet/leaflet.js"]
    expected += [f"data/{layer_id}.{fmt}" for layer_id, fmt in downloads(tiny_store)]
    for name in expected:
        assert (site / name) in files, name
    assert not (site / "data" / "zones.csv").exists(), "CSV is for point layers only"


@pytest.mark.parametrize("page", PAGES.values())
def test_every_link_of_a_page_is_relative_and_inside_the_build(built, page):
    site, _ = built
    html = (site / page).read_text(encoding="utf-8")
    links = [link for link in LINK.findall(html) if not link.startswith("data:")]
    assert len(links) > 5
    for link in links:
        assert not link.startswith(("/", "http:", "https:")), link
        assert (site / link).is_file(), link
    assert "nonce=" not in html, "a static build has no server to send a policy"

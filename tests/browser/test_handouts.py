"""Taking the view away: GeoJSON of what is drawn, the server's cut files, a PNG, a printed page."""

from __future__ import annotations

import json
import re
import struct

import geopandas as gpd
import pytest

from tests.browser.mapping import open_atlas, tour_step
from tests.reading import feature

VIEW = "?date=1910-01-01&layers=spheres_1907,consulates"


def test_export_this_view_downloads_exactly_what_is_drawn(page, live_server, atlas_store, tmp_path):
    open_atlas(page, live_server.url, VIEW)
    page.get_by_text("Export", exact=True).click()
    with page.expect_download() as download:
        page.get_by_role("button", name="This view as GeoJSON").click()
    assert download.value.suggested_filename == "atlas_1910-01-01_spheres_1907-consulates.geojson"
    path = tmp_path / "view.geojson"
    download.value.save_as(path)
    frame = gpd.read_file(path)
    drawn = page.evaluate(
        "() => Atlas.debug.atlases[0].shownEntries().map(e => e.feature.properties.id)"
    )
    assert sorted(frame["id"]) == sorted(drawn)
    assert set(frame["layer"]) == {"spheres_1907", "consulates"}
    source = feature(
        atlas_store, "spheres_1907", frame[frame["layer"] == "spheres_1907"]["id"].iloc[0]
    )
    assert json.loads(path.read_text())["features"][0]["properties"]["name"]
    assert source["properties"]["sphere"] in set(frame["sphere"].dropna())


def test_server_downloads_follow_the_view_date(page, live_server):
    open_atlas(page, live_server.url, VIEW)
    page.get_by_text("Export", exact=True).click()
    hrefs = page.eval_on_selector_all(
        ".atlas-export-link", "links => links.map(l => [l.href, !l.closest('li').hidden])"
    )
    shown = [href for href, visible in hrefs if visible]
    assert any(href.endswith("/export/consulates.gpkg?date=1910-01-01") for href in shown)
    assert any(href.endswith("/export/consulates.csv?date=1910-01-01") for href in shown)
    assert not any("/export/cessions." in href for href in shown), (
        "layers that are off are not offered"
    )
    with page.expect_download() as download:
        page.locator(".atlas-export-link[data-href*='consulates.csv']").click()
    assert download.value.suggested_filename == "consulates_1910-01-01.csv"


def test_save_image_makes_a_plate_of_the_view_in_the_browser(
    page, live_server, tmp_path, artifacts
):
    open_atlas(page, live_server.url, VIEW)
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    with page.expect_download() as download:
        page.get_by_role("button", name="Save image").click()
    path = artifacts / "saved-view-1910.png"
    download.value.save_as(path)
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert width == 1280 and height > 800 + 150, "the map, with a head and a foot round it"
    assert len(data) > 50_000, "a real picture of the map, not an empty canvas"
    assert not [url for url in requests if not url.startswith(("blob:", "data:"))], (
        "no server round trip"
    )


PLATE_TEXT = """async () => {
    const written = [];
    const fillText = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (text, x, y) {
        written.push({text: String(text), direction: this.direction, x});
        return fillText.apply(this, arguments);
    };
    await Atlas.snapshot.draw(Atlas.debug.atlases[0]);
    CanvasRenderingContext2D.prototype.fillText = fillText;
    return written;
}"""


def test_the_saved_plate_has_title_date_legend_scale_sources_and_credit(page, live_server):
    open_atlas(page, live_server.url, VIEW)
    written = [item["text"] for item in page.evaluate(PLATE_TEXT)]
    for expected in (
        "Iran–Russia Historical Atlas",
        "1 January 1910",
        "Spheres of influence, 1907",
        "Russian zone",
        "Russia's missions in Iran",
        "Sources",
    ):
        assert expected in written, expected
    assert "Military occupation" not in written, "the legend lists only what is drawn"
    assert any(text.endswith(" km") for text in written), "a scale bar"
    assert any(text.startswith("1. ") for text in written), "numbered sources"
    assert any("date=1910-01-01" in text for text in written), "the view's address"


def test_the_saved_plate_writes_a_persian_date_right_to_left(page, live_server, artifacts):
    open_atlas(page, live_server.url, "?date=1828-02-22&layers=cessions&lang=fa")
    written = page.evaluate(PLATE_TEXT)
    date = next(item for item in written if item["text"] == "۲۲ فوریه ۱۸۲۸")
    assert date["direction"] == "rtl", "a right-to-left run keeps ۲۲ فوریه ۱۸۲۸ in order"
    with page.expect_download() as download:
        page.get_by_role("button", name="ذخیرهٔ تصویر").click()
    download.value.save_as(artifacts / "saved-view-fa-1828.png")


def test_the_print_layout_is_one_a4_landscape_page_without_controls(page, live_server, artifacts):
    open_atlas(page, live_server.url, f"/tour/{tour_step('anglo-russian-convention-1907')}")
    page.emulate_media(media="print")
    for hidden in (
        ".atlas-toolbar",
        ".atlas-play",
        ".atlas-range",
        ".atlas-tour-buttons",
        ".atlas-classroom",
    ):
        assert page.locator(hidden).is_hidden(), hidden
    for shown in (".atlas-date", ".atlas-legend", ".atlas-tour-caption", ".atlas-header h1"):
        assert page.locator(shown).is_visible(), shown
    pdf = page.pdf(format="A4", landscape=True, print_background=True)
    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) == 1, "one page"


FEATURES_INSIDE_MAP = """() => {
    const map = document.querySelector(".folium-map").getBoundingClientRect();
    return Array.from(document.querySelectorAll("path.atlas-feature"))
        .filter(node => node.style.display !== "none")
        .map(node => node.getBoundingClientRect())
        .every(box => box.left >= map.left - 1 && box.right <= map.right + 1
            && box.top >= map.top - 1 && box.bottom <= map.bottom + 1);
}"""


def test_printing_makes_a_plate_framed_on_what_is_drawn(page, live_server, artifacts):
    page.set_viewport_size({"width": 1366, "height": 768})
    open_atlas(page, live_server.url, "/?date=1907-08-31&layers=spheres_1907,consulates")
    page.evaluate("() => { Atlas.debug.atlases[0].map.setView([41, 46], 7, {animate: false}); }")
    assert not page.evaluate(FEATURES_INSIDE_MAP), "the screen shows only part of the subject"
    center = "() => { const c = Atlas.debug.atlases[0].map.getCenter(); return [c.lat, c.lng]; }"
    before = page.evaluate(center)
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    plate = page.locator(".atlas-plate")
    assert plate.locator(".atlas-plate-title").inner_text() == "Iran–Russia Historical Atlas"
    assert plate.locator(".atlas-plate-date").inner_text() == "31 August 1907"
    assert "Anglo-Russian Convention" in plate.locator(".atlas-plate-caption").inner_text()
    legend = plate.locator(".atlas-plate-legend").inner_text()
    assert "British zone" in legend and "Russia's missions in Iran" in legend
    assert "Held by Persia" not in legend, "only what is drawn"
    assert plate.locator(".atlas-plate-sources li").count() >= 2
    assert "date=1907-08-31" in plate.locator(".atlas-plate-credit").inner_text()
    assert page.locator(".leaflet-control-scale").is_visible()
    for hidden in (".atlas-timebar", ".atlas-legend", ".atlas-header", ".atlas-toolbar"):
        assert page.locator(hidden).is_hidden(), hidden
    assert page.evaluate(FEATURES_INSIDE_MAP), "re-framed: every shape drawn is on the paper"
    page.screenshot(path=artifacts / "print-plate-1907.png")
    # Chromium's print sends afterprint once the PDF is made: the screen comes back.
    pdf = page.pdf(format="A4", landscape=True, print_background=True)
    (artifacts / "print-plate-1907.pdf").write_bytes(pdf)
    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) == 1, "one page"
    page.emulate_media(media="screen")
    assert plate.count() == 0
    page.wait_for_timeout(100)
    assert page.evaluate(center) == pytest.approx(before)


SNAPSHOT_PIXELS = """async (places) => {
    const atlas = Atlas.debug.atlases[0];
    const drawn = await Atlas.snapshot.draw(atlas);
    const context = drawn.canvas.getContext("2d");
    return places.map(([lat, lon]) => {
        const point = atlas.map.latLngToContainerPoint([lat, lon]);
        return Array.from(context.getImageData(point.x, point.y + drawn.mapTop, 1, 1).data);
    });
}"""


def tinted(colour: str, opacity: float) -> list[int]:
    """A fill over the basemap's land (#efe7d4), as the map and the saved image draw it."""
    fill = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    land = (239, 231, 212)
    return [round(opacity * c + (1 - opacity) * g) for c, g in zip(fill, land, strict=True)]


def test_the_saved_image_puts_layers_where_the_map_shows_them(page, live_server, atlas_store):
    open_atlas(page, live_server.url, "?date=1910-01-01&layers=spheres_1907")
    tehran_live = page.evaluate(
        "() => { const p = Atlas.debug.atlases[0].map.latLngToContainerPoint([35.69, 51.39]);"
        " return document.elementFromPoint(p.x, p.y).getAttribute('class'); }"
    )
    assert "atlas-f-sphere-1907-russian" in tehran_live
    places = [[42.0, 50.5], [38.2, 51.0], [35.69, 51.39], [29.61, 52.53]]
    caspian, south_caspian, tehran, shiraz = page.evaluate(SNAPSHOT_PIXELS, places)
    assert caspian[:3] == [198, 216, 223], "open water, with no layer drawn over it"
    assert south_caspian == caspian, "the zone stops at the shore, as on the map"
    zones = atlas_store.layer("spheres_1907").spec.style
    for pixel, zone in ((tehran, "Russian"), (shiraz, "Neutral")):
        expected = tinted(zones["colors"][zone], zones["fill_opacity"])
        close = [abs(got - want) <= 3 for got, want in zip(pixel[:3], expected, strict=True)]
        assert all(close), (zone, pixel, expected)

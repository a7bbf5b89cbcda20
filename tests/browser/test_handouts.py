"""Taking the view away: GeoJSON of what is drawn, the server's cut files, a PNG, a printed page."""

from __future__ import annotations

import json
import re
import struct

import geopandas as gpd

from tests.browser.mapping import open_atlas
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


def test_save_image_makes_a_png_of_the_view_in_the_browser(page, live_server, tmp_path, artifacts):
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
    assert (width, height) == (1280, 800)
    assert len(data) > 50_000, "a real picture of the map, not an empty canvas"
    assert not [url for url in requests if not url.startswith(("blob:", "data:"))], (
        "no server round trip"
    )


def test_the_print_layout_is_one_a4_landscape_page_without_controls(page, live_server, artifacts):
    open_atlas(page, live_server.url, "/tour/16")
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
    page.screenshot(path=artifacts / "print-layout.png")
    pdf = page.pdf(format="A4", landscape=True, print_background=True)
    (artifacts / "print-layout.pdf").write_bytes(pdf)
    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) == 1, "one page"


SNAPSHOT_PIXELS = """async (places) => {
    const atlas = Atlas.debug.atlases[0];
    const bitmap = await createImageBitmap(await Atlas.snapshot.toBlob(atlas));
    const canvas = document.createElement("canvas");
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    const context = canvas.getContext("2d");
    context.drawImage(bitmap, 0, 0);
    return places.map(([lat, lon]) => {
        const point = atlas.map.latLngToContainerPoint([lat, lon]);
        return Array.from(context.getImageData(point.x, point.y, 1, 1).data);
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

"""The calendars of the sources beside every date, and occupation, claim and uncertainty drawn."""

from __future__ import annotations

from datetime import date

import pytest

from tests.browser.mapping import open_atlas
from tests.live import LiveServer
from tests.status_data import geodata_with_status, real_data_has_status

GANJA = (40.55, 46.2)  # inside the Ganja khanate at every date
DAY_1950 = date(1950, 6, 1).toordinal()
POINT_AT = """([lat, lon]) => {
    const atlas = Atlas.debug.atlases[0];
    const p = atlas.map.latLngToContainerPoint([lat, lon]);
    const box = atlas.map.getContainer().getBoundingClientRect();
    return [box.left + p.x, box.top + p.y];
}"""
POPUP_OF = """(id) => {
    const atlas = Atlas.debug.atlases[0];
    const entry = atlas.entries.cessions.find(e => e.feature.properties.id === id);
    const layer = atlas.data.layers.find(l => l.id === "cessions");
    const root = Atlas.popup.content(entry.feature, layer, atlas.data.sources, atlas.state.day);
    document.body.appendChild(root);
    const bar = root.querySelector(".atlas-timeline-bar");
    return {text: root.querySelector(".atlas-timeline-uncertain").textContent,
            background: getComputedStyle(bar).backgroundImage};
}"""

FILL_AT = """([lat, lon]) => {
    const atlas = Atlas.debug.atlases[0];
    atlas.map.setView([lat, lon], 7, {animate: false});
    const point = atlas.map.latLngToContainerPoint([lat, lon]);
    const box = atlas.map.getContainer().getBoundingClientRect();
    const path = document.elementFromPoint(box.left + point.x, box.top + point.y);
    return {fill: path.getAttribute("fill"), dash: path.getAttribute("stroke-dasharray"),
            filter: path.getAttribute("filter"), classes: path.getAttribute("class")};
}"""


@pytest.fixture(scope="module")
def status_server(make_app, tmp_path_factory):
    folder = geodata_with_status(tmp_path_factory.mktemp("status") / "geodata")
    server = LiveServer(make_app(GEODATA_DIR=str(folder)))
    yield server
    server.stop()


def calendars_line(page) -> str:
    return page.locator(".atlas-date-calendars").inner_text()


def test_a_russian_page_gives_the_old_style_date(page, live_server, artifacts):
    open_atlas(page, live_server.url, "?date=1828-02-22&lang=ru")
    assert page.locator(".atlas-date").inner_text() == "22 февраля 1828 г."
    assert "10 февраля 1828 г. (ст. ст.)" in calendars_line(page)
    tick = page.locator(".atlas-tick[title*='Туркманчай']").first
    assert "10 февраля 1828 г. (ст. ст.)" in tick.get_attribute("title")
    page.screenshot(path=str(artifacts / "calendars-ru-1828.png"))


def test_a_persian_page_gives_the_lunar_then_the_solar_hijri_year(page, live_server, artifacts):
    open_atlas(page, live_server.url, "?date=1828-02-22&lang=fa")
    assert "۱۲۴۳" in calendars_line(page)
    assert "1243" not in calendars_line(page)
    page.evaluate(f"() => Atlas.debug.atlases[0].state.setDay({DAY_1950})")
    assert "۱۳۲۹" in calendars_line(page)
    assert "ه.ش." in calendars_line(page)
    page.screenshot(path=str(artifacts / "calendars-fa-1950.png"))


def test_the_date_box_keeps_its_height_when_a_calendar_drops_out(page, live_server):
    open_atlas(page, live_server.url, "?date=1828-02-22")
    before = page.locator(".atlas-timebar").bounding_box()["height"]
    page.evaluate(f"() => Atlas.debug.atlases[0].state.setDay({DAY_1950})")
    assert "1918" not in calendars_line(page) and "O.S." not in calendars_line(page)
    assert page.locator(".atlas-timebar").bounding_box()["height"] == before


@pytest.mark.parametrize("data", ["fixture with status", "real data"])
def test_ganja_in_1812_is_drawn_unlike_ganja_in_1814(
    page, status_server, live_server, data, artifacts
):
    if data == "real data" and not real_data_has_status():
        pytest.skip("geodata/cessions.geojson has no status yet (the history branch adds it)")
    server = status_server if data == "fixture with status" else live_server
    open_atlas(page, server.url, "?date=1812-06-01&layers=cessions")
    before = page.evaluate(FILL_AT, list(GANJA))
    page.screenshot(path=str(artifacts / f"ganja-1812-{data.replace(' ', '-')}.png"))
    open_atlas(page, server.url, "?date=1814-06-01&layers=cessions")
    after = page.evaluate(FILL_AT, list(GANJA))
    page.screenshot(path=str(artifacts / f"ganja-1814-{data.replace(' ', '-')}.png"))
    assert (
        "atlas-f-ganja-russia-1804" in before["classes"]
        and "atlas-f-ganja-russia-1804" in after["classes"]
    )
    assert before["fill"].startswith("url(#atlas-hatch-"), before
    assert not after["fill"].startswith("url("), after
    assert before["filter"] == after["filter"] == "url(#atlas-soft-edge)"  # approximate shape


def test_a_claim_is_drawn_as_an_outline(page, status_server):
    open_atlas(page, status_server.url, "?date=1800-06-01&layers=cessions")
    dagestan = page.locator(".atlas-f-dagestan-persia-1736").first
    assert dagestan.get_attribute("fill-opacity") == "0"
    assert dagestan.get_attribute("stroke-dasharray")


def test_the_popup_says_who_held_it_and_which_treaty_ceded_it(page, status_server, artifacts):
    open_atlas(page, status_server.url, "?date=1812-06-01&layers=cessions")
    page.evaluate(FILL_AT, list(GANJA))
    point = page.evaluate(POINT_AT, list(GANJA))
    page.mouse.click(*point)
    status = page.locator(".atlas-popup-status")
    assert status.inner_text().startswith(
        "Occupied by Russia; ceded by the Treaty of Gulistan on 24 October 1813"
        " (12 October 1813 O.S."
    )
    assert (
        page.locator(".atlas-popup-calendars")
        .inner_text()
        .startswith("15 January 1804 · 3 January 1804 O.S.")
    )
    assert page.locator(".atlas-timeline-bar").is_visible()
    page.screenshot(path=str(artifacts / "popup-ganja-1812.png"))


def test_an_uncertain_start_fades_on_the_timeline(page, status_server):
    open_atlas(page, status_server.url, "?date=1800-06-01&layers=cessions")
    content = page.evaluate(POPUP_OF, "erivan-persia-1736")
    assert content["text"] == "Start: between 1735 and 1737"
    assert content["background"].startswith("linear-gradient(to right, rgba(0, 0, 0, 0)")


def test_the_legend_explains_occupied_and_approximate(page, status_server, live_server, artifacts):
    open_atlas(page, status_server.url, "?date=1812-06-01&layers=cessions")
    key = page.locator(".atlas-legend-looks")
    assert "occupied" in key.inner_text()
    assert "Soft edge: border approximate" in key.inner_text()
    key.screenshot(path=str(artifacts / "legend-looks.png"))
    open_atlas(page, live_server.url, "?date=1812-06-01")
    assert "border approximate" in page.locator(".atlas-legend-looks").inner_text()

"""The real atlas in Chromium: the 1907 spheres appear and vanish with the date, on our basemap."""

from tests.browser.mapping import (
    BASEMAP_COLOUR_AT,
    date_shown,
    drawn,
    feature_id_at,
    open_atlas,
    query_of,
)
from tests.live import LiveServer
from tests.reading import feature

TEHRAN = (35.69, 51.39)
TABRIZ = (38.08, 46.29)
CASPIAN = (42.0, 50.5)
LAND_COLOUR = [239, 231, 212, 255]  # --land in map/layers.js: #efe7d4


def test_no_sphere_is_drawn_before_the_convention(page, live_server):
    open_atlas(page, live_server.url, "?date=1900-01-01&layers=spheres_1907")
    assert date_shown(page) == "1 January 1900"
    assert drawn(page, "spheres_1907") == 0


def test_three_spheres_in_1910_and_tehran_lies_in_the_russian_one(page, live_server, atlas_store):
    open_atlas(page, live_server.url, "?date=1910-01-01&layers=spheres_1907")
    assert drawn(page, "spheres_1907") == 3
    feature_id = feature_id_at(page, *TEHRAN)
    assert feature_id is not None, "nothing is drawn at Tehran"
    assert feature(atlas_store, "spheres_1907", feature_id)["properties"]["sphere"] == "Russian"


def test_the_offline_basemap_draws_land_and_the_caspian(page, live_server, artifacts):
    open_atlas(page, live_server.url, "?date=1910-01-01")
    page.wait_for_timeout(300)
    page.screenshot(path=artifacts / "atlas-1910.png")
    assert page.evaluate(BASEMAP_COLOUR_AT, list(TABRIZ)) == LAND_COLOUR
    red, green, blue, _ = page.evaluate(BASEMAP_COLOUR_AT, list(CASPIAN))
    assert blue > red, "the middle of the Caspian should be water, not land"


def test_the_basemap_reaches_beyond_the_view_so_a_drag_uncovers_land(page, live_server):
    open_atlas(page, live_server.url, "?date=1910-01-01")
    # Drawn a little beyond the view first (the map is on screen sooner), then, once painted,
    # half a view beyond every side.
    page.wait_for_function(
        """() => {
            const canvas = document.querySelector(".leaflet-atlas-basemap-pane canvas");
            const view = Atlas.debug.atlases[0].map.getContainer();
            return canvas.getBoundingClientRect().width >= 2 * view.clientWidth;
        }""",
        timeout=5_000,
    )
    north_of_view = page.evaluate(
        """() => {
            const map = Atlas.debug.atlases[0].map;
            map.setView([41.7, 44.8], 7, {animate: false}); // Tbilisi, closer in
            const point = map.containerPointToLatLng([map.getSize().x / 2, -0.4 * map.getSize().y]);
            return [point.lat, point.lng];
        }"""
    )
    assert page.evaluate(BASEMAP_COLOUR_AT, north_of_view) == LAND_COLOUR


def test_every_layer_draws_something_at_its_key_moment(page, live_server):
    open_atlas(page, live_server.url, "?date=1943-01-01")
    for layer in ("cessions", "occupations", "consulates"):
        assert drawn(page, layer) > 0, layer


def test_web_tiles_are_an_optional_layer_that_stays_off_by_default(page, make_app):
    app = make_app()  # the tiny data: only the tiles are at stake here
    server = LiveServer(app)
    app.config["WEB_TILES_URL"] = server.url + "/static/favicon.svg?tile={z}-{x}-{y}"
    try:
        requested = []
        page.on("request", lambda request: "tile=" in request.url and requested.append(request.url))
        open_atlas(page, server.url, "?date=1910-01-01")
        page.wait_for_timeout(300)
        assert requested == [], "no tile is fetched unless asked for"
        page.get_by_label("Modern web map (needs internet)").check()
        page.wait_for_function("() => document.querySelectorAll('.leaflet-tile-loaded').length > 0")
        assert requested and "tiles=on" in query_of(page)
        page.wait_for_load_state("networkidle")
    finally:
        page.goto("about:blank")  # leave before the server goes, or tile loads are cut off
        server.stop()

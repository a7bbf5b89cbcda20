"""The map reads like an atlas (issue 11): names, whole states, framing, an honest legend, dates
at their precision. Each test opens the real atlas at 1366×768 unless it says otherwise."""

from __future__ import annotations

from datetime import date
from itertools import combinations

import pytest

from server.core.i18n import in_words
from tests.browser.mapping import date_shown, feature_id_at, open_atlas
from tests.reading import feature, features_at

LAPTOP = {"width": 1366, "height": 768}
PANELS = ".atlas-header, .atlas-legend, .atlas-timebar, .atlas-toolbar"

NAMES_SHOWN = """() => Array.from(document.querySelectorAll('.atlas-label'))
    .filter(n => n.style.display !== 'none')
    .map(n => n.textContent)"""
NAME_BOXES = """() => Array.from(document.querySelectorAll('.atlas-label'))
    .filter(n => n.style.display !== 'none')
    .map(n => n.getBoundingClientRect())
    .map(b => [b.left, b.top, b.right, b.bottom])"""
PANEL_BOXES = """(selector) => Array.from(document.querySelectorAll(selector))
    .map(n => n.getBoundingClientRect())
    .map(b => [b.left, b.top, b.right, b.bottom])"""
# Where a layer's drawn features are on the screen: the union of their boxes, in pixels.
DRAWN_BOX = """(layer) => {
    const boxes = Array.from(document.querySelectorAll('.atlas-layer-' + layer))
        .filter(n => n.style.display !== 'none').map(n => n.getBoundingClientRect());
    if (!boxes.length) { return null; }
    return [Math.min(...boxes.map(b => b.left)), Math.min(...boxes.map(b => b.top)),
            Math.max(...boxes.map(b => b.right)), Math.max(...boxes.map(b => b.bottom))];
}"""
VIEW = """() => {
    const map = Atlas.debug.atlases[0].map;
    return [map.getCenter().lat, map.getCenter().lng, map.getZoom()];
}"""


@pytest.fixture
def laptop(page):
    page.set_viewport_size(LAPTOP)
    return page


def names_of(atlas_store, place: str, day: date, lang: str) -> str:
    """The name a place has at a date in a language, from the gazetteer."""
    frame = features_at(atlas_store, "gazetteer", day)
    row = frame[frame["place"] == place].iloc[0]
    return row["name"] if lang == "en" else row[f"name_{lang}"]


def overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("lang", ["en", "ru", "fa"])
def test_names_of_1828_are_on_the_map_in_the_pages_language(laptop, live_server, atlas_store, lang):
    open_atlas(laptop, live_server.url, f"?date=1828-02-22&lang={lang}")
    shown = set(laptop.evaluate(NAMES_SHOWN))
    day = date(1828, 2, 22)
    for place in ("tbilisi", "tabriz", "caspian-sea"):
        assert names_of(atlas_store, place, day, lang) in shown, (place, sorted(shown))
    assert {"en": "Tiflis", "ru": "Тифлис", "fa": "تفلیس"}[lang] in shown


@pytest.mark.parametrize("lang", ["en", "ru", "fa"])
def test_tiflis_is_tbilisi_in_2005(laptop, live_server, lang):
    open_atlas(laptop, live_server.url, f"?date=2005&lang={lang}")
    shown = set(laptop.evaluate(NAMES_SHOWN))
    assert {"en": "Tbilisi", "ru": "Тбилиси", "fa": "تفلیس"}[lang] in shown
    if lang != "fa":  # Persian has called it Teflis throughout
        assert {"en": "Tiflis", "ru": "Тифлис"}[lang] not in shown


@pytest.mark.parametrize("lang", ["en", "fa"])
def test_names_never_collide_nor_hide_under_a_panel(laptop, live_server, lang):
    open_atlas(laptop, live_server.url, f"?date=1916&lang={lang}")
    boxes = laptop.evaluate(NAME_BOXES)
    assert len(boxes) >= 15
    for a, b in combinations(boxes, 2):
        assert not overlaps(a, b), (a, b)
    for panel in laptop.evaluate(PANEL_BOXES, PANELS):
        for box in boxes:
            assert not overlaps(box, panel), (box, panel)


@pytest.mark.parametrize(
    ("lat", "lon", "polity", "state_name"),
    [(33.5, 53.5, "iran", "Qajar Persia"), (55.4, 38.2, "russia", "Russian Empire")],
)
def test_central_iran_and_moscow_lie_in_coloured_named_states_in_1850(
    laptop, live_server, atlas_store, lat, lon, polity, state_name
):
    open_atlas(laptop, live_server.url, "?date=1850")
    laptop.evaluate(f"() => {{ Atlas.debug.atlases[0].map.setView([{lat}, {lon}], 5.5); }}")
    laptop.wait_for_timeout(300)
    feature_id = feature_id_at(laptop, lat, lon)
    assert feature_id, f"nothing is drawn at {lat}, {lon}"
    properties = feature(atlas_store, "states", feature_id)["properties"]
    assert properties["polity"] == polity and properties["name"] == state_name
    colour = laptop.evaluate(
        f"() => getComputedStyle(document.querySelector('.atlas-f-{feature_id}')).fill"
    )
    expected = atlas_store.layer("states").spec.style["colors"][polity]
    assert colour == "rgb({}, {}, {})".format(*(int(expected[i : i + 2], 16) for i in (1, 3, 5)))
    assert state_name.upper() in [name.upper() for name in laptop.evaluate(NAMES_SHOWN)]


@pytest.mark.parametrize(("day", "layer"), [("1907-08-31", "spheres_1907"), ("1570", "corridors")])
def test_what_holds_is_framed_on_first_load(laptop, live_server, day, layer):
    open_atlas(laptop, live_server.url, f"?date={day}")
    box = laptop.evaluate(DRAWN_BOX, layer)
    assert box, f"nothing of {layer} is drawn at {day}"
    limits = laptop.evaluate("() => Atlas.debug.atlases[0].options.limits")
    if layer == "corridors":
        # The Muscovy Company's route starts at the White Sea (64.6°N), beyond the map's window
        # (62°N, where the basemap and the states end): the part inside the window is framed.
        top = laptop.evaluate(
            f"() => Atlas.debug.atlases[0].map.latLngToContainerPoint([{limits[1][0]}, 40]).y"
        )
        box[1] = max(box[1], top)
    assert box[0] >= 0 and box[1] >= 0 and box[2] <= LAPTOP["width"] and box[3] <= LAPTOP["height"]
    for panel in laptop.evaluate(PANEL_BOXES, ".atlas-legend, .atlas-timebar"):
        visible = [max(box[0], 0), max(box[1], 0), min(box[2], 1366), min(box[3], 768)]
        area = (visible[2] - visible[0]) * (visible[3] - visible[1])
        covered = max(0, min(visible[2], panel[2]) - max(visible[0], panel[0])) * max(
            0, min(visible[3], panel[3]) - max(visible[1], panel[1])
        )
        assert covered <= 0.02 * area, f"{layer} lies under a panel at {panel}"


def test_dragging_the_slider_does_not_move_the_map_but_a_key_date_frames_it(laptop, live_server):
    open_atlas(laptop, live_server.url, "?date=1828-02-22")
    before = laptop.evaluate(VIEW)
    position = laptop.evaluate(
        f"() => Atlas.debug.sliders[0].positionOf({date(1855, 6, 1).toordinal()})"
    )
    laptop.locator(".atlas-range").fill(str(position))
    assert date_shown(laptop).endswith("1855"), "a drag lands within days of the aim"
    assert laptop.evaluate(VIEW) == before
    laptop.locator(".atlas-range").focus()
    for _ in range(3):  # 1879, 1881, then the Anglo-Russian Convention of 1907
        laptop.keyboard.press("PageDown")
    assert date_shown(laptop) == "31 August 1907"
    assert laptop.evaluate(VIEW) != before


def test_the_map_cannot_be_zoomed_out_past_its_window(laptop, live_server):
    open_atlas(laptop, live_server.url, "?date=1828-02-22")
    laptop.evaluate("() => { Atlas.debug.atlases[0].map.setZoom(0, {animate: false}); }")
    laptop.wait_for_timeout(200)
    zoom, minimum, maximum = laptop.evaluate(
        "() => { const m = Atlas.debug.atlases[0].map;"
        " return [m.getZoom(), m.getMinZoom(), m.getMaxZoom()]; }"
    )
    assert zoom == minimum >= 3.5 and maximum == 10
    # At the smallest zoom the window of the map fills the screen's height or its width.
    bounds = laptop.evaluate(
        "() => { const m = Atlas.debug.atlases[0].map, l = Atlas.debug.atlases[0].options.limits;"
        " const a = m.latLngToContainerPoint(l[0]), b = m.latLngToContainerPoint(l[1]);"
        " return [b.y, a.y, a.x, b.x]; }"
    )
    top, bottom, left, right = bounds
    fills_height = top <= 1 and bottom >= LAPTOP["height"] - 1
    fills_width = left <= 1 and right >= LAPTOP["width"] - 1
    assert fills_height or fills_width, bounds


def test_the_2024_legend_lists_only_what_is_drawn(laptop, live_server, atlas_store):
    open_atlas(laptop, live_server.url, "?date=2024")
    items = laptop.locator(".atlas-legend-swatches li >> visible=true").all_inner_texts()
    zones = atlas_store.layer("spheres_1907").spec.style["labels"].values()
    assert not set(items) & set(zones)
    assert "Held by Persia" in items and "Operating today" in items
    classes = laptop.locator('[data-legend-layer="spheres_1907"]').get_attribute("class")
    assert "atlas-legend-empty" in classes.split()


def test_legend_swatches_are_drawn_as_the_map_draws(laptop, live_server, atlas_store):
    open_atlas(laptop, live_server.url, "?date=1907-08-31")
    swatch = laptop.locator('.atlas-swatch[data-layer="spheres_1907"][data-value="Russian"] rect')
    fill, opacity, dash = (
        swatch.nth(1).get_attribute(name) for name in ("fill", "fill-opacity", "stroke-dasharray")
    )
    path = laptop.locator(".atlas-f-sphere-1907-russian").first
    assert fill == path.get_attribute("fill")
    assert float(opacity) == float(path.get_attribute("fill-opacity"))
    assert dash == path.get_attribute("stroke-dasharray")


def test_events_are_symbols_named_on_hover(laptop, live_server, atlas_store):
    open_atlas(laptop, live_server.url, "?date=1828-02-22")
    day = date(1828, 2, 22)
    events = features_at(atlas_store, "events", day)
    assert len(events)
    marker = laptop.locator(f".atlas-f-{events.index[0]}")
    assert marker.locator("svg.atlas-symbol").count() == 1
    marker.hover()
    tooltip = laptop.locator(".leaflet-tooltip")
    tooltip.wait_for()
    assert tooltip.inner_text() == events.iloc[0]["name"]


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("?date=1916", "1916"),
        ("?date=1920-06", "June 1920"),
        ("?date=1916&lang=ru", in_words("1916", "ru")),
        ("?date=1916&lang=fa", "۱۹۱۶"),
    ],
)
def test_a_date_reads_at_its_precision(laptop, live_server, query, words):
    open_atlas(laptop, live_server.url, query)
    assert date_shown(laptop) == words
    assert (
        laptop.evaluate("() => Atlas.debug.atlases[0].state.dateText()") == query[6:].split("&")[0]
    )


SCREENSHOT_DATES = [
    "1723-09-23", "1813-10-24", "1828-02-22", "1881-12-21", "1907-08-31",
    "1916", "1920-06", "1942", "1946-05-09", "2024",
]  # fmt: skip


def test_screenshots_of_the_atlas_at_two_sizes(page, live_server, artifacts):
    """Kept as artefacts to look at (test-artifacts/atlas-<size>-<date>.png). One page, the
    window resized, each date opened as a typed date opens it (drawn, framed, named)."""
    page.set_viewport_size(LAPTOP)
    open_atlas(page, live_server.url, f"?date={SCREENSHOT_DATES[0]}")
    page.wait_for_function("() => Atlas.debug.atlases[0].textsLoaded === true")
    for width, height in ((1366, 768), (1920, 1080)):
        page.set_viewport_size({"width": width, "height": height})
        page.wait_for_function(f"() => Atlas.debug.atlases[0].map.getSize().x === {width}")
        for day in SCREENSHOT_DATES:
            page.evaluate("(day) => Atlas.debug.atlases[0].state.openDate(day)", day)
            page.screenshot(path=artifacts / f"atlas-{width}x{height}-{day}.png")
            assert date_shown(page) == in_words(day), day
            assert len(page.evaluate(NAMES_SHOWN)) >= 10, day

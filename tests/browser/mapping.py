"""What a person sees on the map, read from the live page."""

from __future__ import annotations

import json
from datetime import date

from server.core.dates import parse_date
from tests.paths import GEODATA

WHAT_IS_AT = """([lat, lon]) => {
    const atlas = Atlas.debug.atlases[0];
    const point = atlas.map.latLngToContainerPoint([lat, lon]);
    const box = atlas.map.getContainer().getBoundingClientRect();
    const element = document.elementFromPoint(box.left + point.x, box.top + point.y);
    return element ? element.getAttribute("class") || "" : "";
}"""

BASEMAP_COLOUR_AT = """([lat, lon]) => {
    const atlas = Atlas.debug.atlases[0];
    const point = atlas.map.latLngToContainerPoint([lat, lon]);
    const box = atlas.map.getContainer().getBoundingClientRect();
    const canvas = document.querySelector(".leaflet-atlas-basemap-pane canvas");
    const rect = canvas.getBoundingClientRect();
    const x = (box.left + point.x - rect.left) * canvas.width / rect.width;
    const y = (box.top + point.y - rect.top) * canvas.height / rect.height;
    return Array.from(canvas.getContext("2d").getImageData(x, y, 1, 1).data);
}"""


def tour_step(moment_id: str) -> int:
    """The tour's step number of a key date (the tour runs in date order), so tests name the
    moment they mean, not a number that moves when a key date is added."""
    moments = json.loads((GEODATA / "key_dates.json").read_text(encoding="utf-8"))
    moments.sort(key=lambda moment: parse_date(moment["date"]).first_day())
    return 1 + [moment["id"] for moment in moments].index(moment_id)


def open_atlas(page, base_url: str, path: str = "") -> None:
    """Open a page of the atlas (``?date=…`` for the map, or a path such as ``/tour/3``)."""
    page.goto(base_url + (path if path.startswith("/") else "/" + path))
    wait_for_atlas(page)


def wait_for_atlas(page) -> None:
    """Wait until the page's map is made (its date shown), after opening or following a link."""
    page.wait_for_function("() => window.Atlas && Atlas.debug.atlases.length === 1")


def feature_id_at(page, lat: float, lon: float) -> str | None:
    """Return the id of the topmost atlas feature drawn at a place, or None."""
    classes = page.evaluate(WHAT_IS_AT, [lat, lon]).split()
    ids = [name.removeprefix("atlas-f-") for name in classes if name.startswith("atlas-f-")]
    return ids[0] if ids else None


def drawn(page, layer_id: str) -> int:
    """Count the features of a layer a person can see (hidden ones stay in the DOM)."""
    return page.locator(f".atlas-layer-{layer_id} >> visible=true").count()


def date_shown(page) -> str:
    return page.locator(".atlas-date").inner_text()


def query_of(page) -> str:
    """Return the address's query once it has caught up with the view (it follows shortly)."""
    page.wait_for_function("() => !Atlas.debug.atlases[0].state.urlPending")
    return page.evaluate("() => window.location.search")


def iso(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}-{day.day:02d}"


SLIDE_TO = """([day, release]) => {
    const slider = Atlas.debug.sliders[0];
    slider.input.value = slider.positionOf(day);
    slider.input.dispatchEvent(new Event("input", {bubbles: true}));
    if (release) slider.input.dispatchEvent(new Event("change", {bubbles: true}));
}"""


def slide_to(page, day: date, release: bool = True) -> None:
    """Move the slider's thumb to a day's place, as a drag ending there would (``release``)."""
    page.evaluate(SLIDE_TO, [day.toordinal(), release])


MAP_SHARE = """(cells) => {
    const map = Atlas.debug.atlases[0].map.getContainer();
    let seen = 0;
    for (let i = 0; i < cells; i++) {
        for (let j = 0; j < cells; j++) {
            const x = (i + 0.5) * window.innerWidth / cells;
            const y = (j + 0.5) * window.innerHeight / cells;
            const element = document.elementFromPoint(x, y);
            const control = element && element.closest(".leaflet-control-container");
            if (element && map.contains(element) && !control) {
                seen += 1;
            }
        }
    }
    return seen / (cells * cells);
}"""


def map_share(page, cells: int = 48) -> float:
    """Return the share of the window where the map itself shows: not a panel, not a control."""
    return page.evaluate(MAP_SHARE, cells)


def center_on(page, lat: float, lon: float) -> dict:
    """Centre the map on a place, at once, and return where it is in the window (x, y)."""
    return page.evaluate(
        """([lat, lon]) => {
            const map = Atlas.debug.atlases[0].map;
            map.setView([lat, lon], map.getZoom(), {animate: false});
            const point = map.latLngToContainerPoint([lat, lon]);
            const box = map.getContainer().getBoundingClientRect();
            return {x: box.left + point.x, y: box.top + point.y};
        }""",
        [lat, lon],
    )

"""The guided tour: every step in order, each with its own address, drawn within a second."""

from __future__ import annotations

import pytest

from server.core.i18n import in_words
from tests.browser.mapping import date_shown, open_atlas, tour_step

STEP_DRAWN_MS = 1000


def step_text(page) -> str:
    return page.locator(".atlas-tour-step").inner_text()


STEP_SHOWN = """() => {
    const text = (name) => document.querySelector(name).innerText;
    const state = Atlas.debug.atlases[0].state;
    return {
        step: text(".atlas-tour-step"), title: text(".atlas-tour-title"),
        caption: text(".atlas-tour-caption"), date: text(".atlas-date"),
        path: state.basePath, layers: state.layers,
    };
}"""


def test_the_tour_visits_every_step_in_order(page, live_server, atlas_store, artifacts):
    page.set_viewport_size({"width": 1920, "height": 1080})
    open_atlas(page, live_server.url, "/tour")
    total = len(atlas_store.key_dates)
    for number, moment in enumerate(atlas_store.key_dates, start=1):
        shown = page.evaluate(STEP_SHOWN)
        assert shown["step"] == f"{number} / {total}"
        assert (shown["title"], shown["caption"]) == (moment.title, moment.caption)
        assert shown["date"] == in_words(moment.date)
        assert shown["path"] == f"/tour/{number}", "each step has its own address"
        assert set(moment.layers) <= set(shown["layers"])
        if number == 7:
            page.screenshot(path=artifacts / "tour-step-7-en.png")
        page.keyboard.press("ArrowRight" if number % 2 else "PageDown")
    assert page.evaluate(STEP_SHOWN)["step"] == f"{total} / {total}", "the last step stays put"
    page.wait_for_function(f"() => location.pathname === '/tour/{total}'", timeout=STEP_DRAWN_MS)


def test_a_step_is_drawn_within_a_second_and_the_map_flies_there(page, live_server, atlas_store):
    moments = atlas_store.key_dates
    number = next(n for n in range(1, len(moments)) if moments[n - 1].bbox != moments[n].bbox)
    open_atlas(page, live_server.url, f"/tour/{number}")
    center_before = page.evaluate("() => Atlas.debug.atlases[0].map.getCenter().lng")
    started = page.evaluate("() => performance.now()")
    page.get_by_role("button", name="Next").click()
    page.wait_for_function(
        "() => !Atlas.debug.atlases[0].map._animatingZoom", timeout=STEP_DRAWN_MS
    )
    layer = moments[number].layers[0]
    page.wait_for_function(
        f"() => document.querySelectorAll('.atlas-layer-{layer}').length > 0", timeout=STEP_DRAWN_MS
    )
    assert page.evaluate("() => performance.now()") - started < STEP_DRAWN_MS + 200
    page.wait_for_timeout(900)  # the flight lasts 0.8 s
    assert page.evaluate("() => Atlas.debug.atlases[0].map.getCenter().lng") != center_before
    moment = moments[number]
    assert date_shown(page) == in_words(moment.date)


@pytest.mark.parametrize("step", [1, 12, 20, -1])  # -1: the last step, however many there are
def test_each_step_address_opens_that_step(page, live_server, atlas_store, step):
    number = step if step > 0 else len(atlas_store.key_dates)
    open_atlas(page, live_server.url, f"/tour/{number}")
    moment = atlas_store.key_dates[number - 1]
    assert step_text(page) == f"{number} / {len(atlas_store.key_dates)}"
    assert page.locator(".atlas-tour-title").inner_text() == moment.title


def test_previous_is_disabled_on_the_first_step(page, live_server):
    open_atlas(page, live_server.url, "/tour/1")
    assert page.get_by_role("button", name="Previous").is_disabled()
    page.keyboard.press("PageUp")
    assert step_text(page).startswith("1 / ")


FRAMED = """() => {
    const map = Atlas.debug.atlases[0].map;
    const b = map.getBounds();
    return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth(), map.getZoom()];
}"""


def test_a_step_frames_its_own_subject_whatever_context_is_on(page, live_server, atlas_store):
    number = tour_step("treaty-turkmenchay-1828")
    moment = atlas_store.key_dates[number - 1]
    page.set_viewport_size({"width": 1280, "height": 720})
    context = "states,modern_borders,gazetteer," + ",".join(moment.layers)
    frames = []
    for query in ("", f"?layers={context}"):
        open_atlas(page, live_server.url, f"/tour/{number}{query}")
        frames.append(page.evaluate(FRAMED))
    assert frames[0] == frames[1], "the states, today's borders and the names never widen it"
    west, south, east, north, _ = frames[0]
    left, bottom, right, top = moment.bbox
    assert west <= left and east >= right, "the step's extent is in view"
    assert north - south <= 2.5 * (top - bottom), "and framed on it, not on the whole region"

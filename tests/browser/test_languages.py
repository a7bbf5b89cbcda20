"""English, Persian and Russian: each loads; Persian is right-to-left and its controls work."""

from __future__ import annotations

import pytest

from server.core.i18n import catalogue, text
from tests.browser.mapping import (
    date_shown,
    drawn,
    open_atlas,
    query_of,
    tour_step,
    wait_for_atlas,
)

TURKMENCHAY = tour_step("treaty-turkmenchay-1828")

WORDS = {"en": "22 February 1828", "fa": "۲۲ فوریه ۱۸۲۸", "ru": "22 февраля 1828 г."}
TITLES = {"en": "Iran–Russia Historical Atlas", "fa": "اطلس تاریخی ایران و روسیه"}


@pytest.mark.parametrize("lang", ["en", "fa", "ru"])
def test_each_language_renders_dates_and_direction(page, live_server, atlas_store, lang, artifacts):
    page.set_viewport_size({"width": 1920, "height": 1080})
    open_atlas(page, live_server.url, f"/tour/{TURKMENCHAY}?lang={lang}")
    assert date_shown(page) == WORDS[lang]
    html = page.locator("html")
    assert html.get_attribute("lang") == lang
    assert html.get_attribute("dir") == ("rtl" if lang == "fa" else "ltr")
    total = len(atlas_store.key_dates)
    step = text(lang, "tour_step", step=TURKMENCHAY, total=total)
    digits = str.maketrans("0123456789", catalogue(lang)["calendar"]["digits"])
    assert page.locator(".atlas-tour-step").inner_text() == step.translate(digits)
    page.screenshot(path=artifacts / f"tour-step-12-{lang}.png")


def test_persian_layout_keeps_every_control_on_screen_and_working(page, live_server):
    page.set_viewport_size({"width": 1280, "height": 800})
    open_atlas(page, live_server.url, "/?date=1828-02-22&layers=cessions&lang=fa")
    assert page.title().startswith(TITLES["fa"])
    boxes = {}
    for selector in (
        ".atlas-header",
        ".atlas-legend",
        ".atlas-timebar",
        ".atlas-toolbar",
        ".atlas-range",
    ):
        box = page.locator(selector).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 1280, selector
        boxes[selector] = box
    legend, header = boxes[".atlas-legend"], boxes[".atlas-header"]
    assert legend["x"] + legend["width"] <= header["x"], "legend and title do not overlap"
    page.locator(".atlas-range").focus()
    page.keyboard.press("ArrowRight")
    assert date_shown(page) == "۲۲ فوریه ۱۸۲۹"
    assert query_of(page) == "?date=1829-02-22&layers=cessions&lang=fa"
    page.locator('input[data-layer="consulates"]').check()
    assert drawn(page, "consulates") > 0


def test_switching_language_keeps_the_moment(page, live_server):
    open_atlas(page, live_server.url, "/?date=1907-08-31&layers=spheres_1907")
    page.get_by_role("link", name="Русский").click()
    page.wait_for_url("**lang=ru")
    wait_for_atlas(page)
    assert date_shown(page) == "31 августа 1907 г."
    assert "layers=spheres_1907" in query_of(page)


def test_a_popup_speaks_the_page_language_with_labelled_values(page, fixture_server):
    open_atlas(page, fixture_server.url, "?date=1900-01-01&layers=zones&lang=fa")
    page.locator(".atlas-f-north-russia").click()
    popup = page.locator(".atlas-popup")
    assert popup.locator(".atlas-popup-name").inner_text() == "شمال (روسیه)"
    assert popup.locator(".atlas-popup-description").inner_text() == "شمال پس از عهدنامه."
    facts = popup.locator(".atlas-popup-facts").inner_text()
    assert "روسیه" in facts and "در تصرف" in facts, facts
    assert "Russia" not in facts and "held" not in facts, facts

"""The static build opened from a folder over file://: no server, no request outside the folder."""

from __future__ import annotations

from datetime import date

import pytest

from tests.browser.mapping import date_shown, drawn


@pytest.fixture
def file_roots(built):
    return [built.as_uri() + "/"]


def open_file(page, url: str) -> None:
    page.goto(url)
    page.wait_for_function("() => window.Atlas && Atlas.debug.atlases.length === 1")


def test_the_map_works_from_file_urls(page, built):
    open_file(page, (built / "index.html").as_uri() + "?date=1910-01-01&layers=spheres_1907")
    assert date_shown(page) == "1 January 1910"
    assert drawn(page, "spheres_1907") == 3
    page.locator(".atlas-range").focus()
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    assert date_shown(page) == "1 January 1907"
    assert drawn(page, "spheres_1907") == 0
    assert page.evaluate("() => Atlas.debug.atlases[0].state.day") == date(1907, 1, 1).toordinal()


def test_the_tour_starts_at_the_step_in_the_address(page, built, atlas_store):
    open_file(page, (built / "tour.html").as_uri() + "?step=12")
    assert page.locator(".atlas-tour-step").inner_text() == f"12 / {len(atlas_store.key_dates)}"
    page.keyboard.press("ArrowRight")
    assert page.locator(".atlas-tour-step").inner_text() == f"13 / {len(atlas_store.key_dates)}"

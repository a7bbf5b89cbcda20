"""Classroom mode at 1920×1080, as a teacher drives it from a keyboard or a clicker."""

from __future__ import annotations

from datetime import date
from itertools import combinations

import pytest

from server.core.i18n import in_words
from tests.browser.mapping import date_shown, drawn, open_atlas, query_of
from tests.reading import features_at

START = "1828-02-22"
SPY_ON_FULLSCREEN = """
    window.fullscreenRequests = 0;
    const request = Element.prototype.requestFullscreen;
    Element.prototype.requestFullscreen = function () {
        window.fullscreenRequests += 1;
        return request.call(this).catch(() => undefined);
    };
"""


@pytest.fixture
def classroom(page, live_server):
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.add_init_script(SPY_ON_FULLSCREEN)
    open_atlas(page, live_server.url, f"/classroom?date={START}&layers=cessions,consulates")
    return page


def key_days(atlas_store) -> list[str]:
    return [moment.date for moment in atlas_store.key_dates]


def shows(page, day: date | str) -> None:
    """The page shows a day, or a key date at its own precision ("1879", "1915-03")."""
    text = day if isinstance(day, str) else day.isoformat()
    assert date_shown(page) == in_words(text)
    assert f"date={text}&" in query_of(page)


def test_arrows_and_page_keys_walk_the_key_dates(classroom, atlas_store):
    days = key_days(atlas_store)
    here = days.index("1828-02-22")
    for key, expected in [
        ("ArrowRight", here + 1),
        ("PageDown", here + 2),
        ("ArrowLeft", here + 1),
        ("PageUp", here),
    ]:
        classroom.keyboard.press(key)
        shows(classroom, days[expected])


def test_shift_arrows_move_ten_years_and_up_down_one(classroom):
    for key, expected in [
        ("Shift+ArrowRight", date(1838, 2, 22)),
        ("Shift+ArrowLeft", date(1828, 2, 22)),
        ("ArrowUp", date(1829, 2, 22)),
        ("ArrowDown", date(1828, 2, 22)),
    ]:
        classroom.keyboard.press(key)
        shows(classroom, expected)


@pytest.mark.parametrize("play, pause", [(" ", "k"), ("k", " ")])
def test_space_and_k_play_and_pause(classroom, play, pause):
    classroom.keyboard.press(play)
    classroom.wait_for_function(
        f"() => document.querySelector('.atlas-date').textContent !== {in_words(START)!r}"
    )
    assert classroom.locator(".atlas-play").get_attribute("aria-pressed") == "true"
    classroom.keyboard.press(pause)
    assert classroom.locator(".atlas-play").get_attribute("aria-pressed") == "false"
    stopped = date_shown(classroom)
    classroom.wait_for_timeout(300)
    assert date_shown(classroom) == stopped
    assert query_of(classroom).startswith("?date=")


def test_l_hides_and_shows_the_legend_and_the_url_says_so(classroom):
    classroom.keyboard.press("l")
    assert classroom.locator(".atlas-legend").is_hidden()
    assert "legend=off" in query_of(classroom)
    classroom.keyboard.press("l")
    assert classroom.locator(".atlas-legend").is_visible()
    assert "legend=off" not in query_of(classroom)
    shows(classroom, date(1828, 2, 22))


def test_number_keys_toggle_the_layers_in_legend_order(classroom):
    assert drawn(classroom, "cessions") > 0
    classroom.keyboard.press("1")
    assert drawn(classroom, "cessions") == 0
    assert query_of(classroom) == f"?date={START}&layers=consulates"
    classroom.keyboard.press("2")
    assert query_of(classroom) == f"?date={START}&layers=consulates,spheres_1907"
    classroom.keyboard.press("1")
    assert drawn(classroom, "cessions") > 0
    classroom.keyboard.press("9")  # there is no ninth layer: nothing happens
    assert query_of(classroom) == f"?date={START}&layers=consulates,spheres_1907,cessions"


@pytest.mark.parametrize("key", ["b", "."])
def test_b_or_full_stop_blanks_the_screen_and_back(classroom, key, artifacts):
    classroom.keyboard.press(key)
    blank = classroom.locator(".atlas-blank")
    assert blank.is_visible()
    box = blank.bounding_box()
    assert box["width"] == 1920 and box["height"] == 1080
    assert blank.evaluate("node => getComputedStyle(node).backgroundColor") == "rgb(0, 0, 0)"
    classroom.keyboard.press(key)
    assert blank.is_hidden()
    shows(classroom, date(1828, 2, 22))


def test_escape_closes_the_help_and_unblanks(classroom):
    classroom.keyboard.press("?")
    assert classroom.get_by_role("dialog").is_visible()
    classroom.keyboard.press("Escape")
    assert classroom.get_by_role("dialog").is_hidden()
    classroom.keyboard.press("b")
    classroom.keyboard.press("Escape")
    assert classroom.locator(".atlas-blank").is_hidden()


def test_f_and_the_button_request_fullscreen(classroom):
    classroom.keyboard.press("f")
    classroom.wait_for_function("() => window.fullscreenRequests === 1")
    if classroom.evaluate("() => Boolean(document.fullscreenElement)"):
        classroom.keyboard.press("Escape")
        classroom.wait_for_function("() => !document.fullscreenElement")
    classroom.get_by_role("button", name="Full screen").click()
    classroom.wait_for_function("() => window.fullscreenRequests === 2")
    shows(classroom, date(1828, 2, 22))


def test_the_mouse_cursor_hides_after_three_idle_seconds(page, live_server):
    page.clock.install()
    open_atlas(page, live_server.url, "/classroom")
    page.mouse.move(600, 400)
    page.clock.fast_forward(2500)
    assert "atlas-cursor-hidden" not in page.evaluate("() => document.body.className")
    page.clock.fast_forward(700)
    assert "atlas-cursor-hidden" in page.evaluate("() => document.body.className")
    page.mouse.move(700, 450)
    assert "atlas-cursor-hidden" not in page.evaluate("() => document.body.className")


def px(page, selector: str, prop: str) -> list[float]:
    return page.eval_on_selector_all(
        selector,
        f"nodes => nodes.filter(n => n.offsetParent !== null || n instanceof SVGElement)"
        f".map(n => parseFloat(getComputedStyle(n)[{prop!r}]))",
    )


def test_type_and_lines_are_big_enough_for_the_back_row(classroom, artifacts):
    classroom.screenshot(path=artifacts / "classroom-1828.png")
    assert min(px(classroom, ".atlas-date", "fontSize")) >= 56
    assert min(px(classroom, ".atlas-legend-toggle, .atlas-legend-swatches li", "fontSize")) >= 24
    assert min(px(classroom, ".atlas-label", "fontSize")) >= 24
    assert min(px(classroom, ".atlas-classroom button, .atlas-toolbar button", "fontSize")) >= 24
    widths = classroom.eval_on_selector_all(
        "path.atlas-feature",
        "nodes => nodes.filter(n => n.style.display !== 'none')"
        ".map(n => parseFloat(n.getAttribute('stroke-width')))",
    )
    assert widths and min(widths) >= 3


def test_map_labels_name_what_is_shown_without_colliding(classroom, atlas_store):
    boxes = classroom.eval_on_selector_all(
        ".atlas-label",
        "nodes => nodes.filter(n => n.style.display !== 'none')"
        ".map(n => n.getBoundingClientRect())"
        ".map(b => [b.left, b.top, b.right, b.bottom])",
    )
    assert len(boxes) >= 3
    for a, b in combinations(boxes, 2):
        assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], f"{a} overlaps {b}"
    texts = classroom.eval_on_selector_all(
        ".atlas-label",
        "nodes => nodes.filter(n => n.style.display !== 'none').map(n => n.textContent)",
    )
    # The territories of the layers on, named without their holder (the colour says it).
    day = date(1828, 2, 22)
    frame = features_at(atlas_store, "cessions", day)
    shown = {
        name.removesuffix(f" ({holder})")
        for name, holder in zip(frame["name"], frame["controller"], strict=True)
    }
    assert set(texts) <= shown

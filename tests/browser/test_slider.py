"""The date slider, driven as a person drives it: keys, dragging, play; on tiny fixture data."""

from datetime import date

from tests.browser.mapping import date_shown, drawn, feature_id_at, open_atlas, query_of


def test_the_date_is_shown_in_words(page, fixture_server):
    open_atlas(page, fixture_server.url, "?date=1828-02-22&layers=zones")
    assert date_shown(page) == "22 February 1828"
    assert page.title() == "Iran–Russia Historical Atlas — 22 February 1828"


def test_the_view_changes_hands_on_the_treaty_day(page, fixture_server):
    open_atlas(page, fixture_server.url, "?date=1828-02-21&layers=zones")
    assert feature_id_at(page, 41.0, 45.0) == "north-persia"
    page.locator(".atlas-range").focus()
    page.keyboard.press("PageDown")
    assert date_shown(page) == "22 February 1828"
    assert feature_id_at(page, 41.0, 45.0) == "north-russia"


def test_arrow_keys_step_by_a_year_and_update_the_url(page, fixture_server):
    open_atlas(page, fixture_server.url, "?date=1828-02-22&layers=zones")
    page.locator(".atlas-range").focus()
    page.keyboard.press("ArrowRight")
    assert date_shown(page) == "22 February 1829"
    assert query_of(page) == "?date=1829-02-22&layers=zones"
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowDown")
    assert date_shown(page) == "22 February 1827"
    assert query_of(page) == "?date=1827-02-22&layers=zones"


def test_page_keys_jump_between_key_dates(page, fixture_server):
    open_atlas(page, fixture_server.url, "?date=1700-01-01&layers=zones")
    page.locator(".atlas-range").focus()
    page.keyboard.press("PageDown")
    assert date_shown(page) == "22 February 1828"
    page.keyboard.press("PageDown")
    assert date_shown(page) == "1850", "a key date known to the year reads as a year"
    page.keyboard.press("PageUp")
    assert date_shown(page) == "22 February 1828"


def test_dragging_to_a_date_repaints_at_once(page, fixture_server):
    open_atlas(page, fixture_server.url, "?date=1900-01-01&layers=zones,places")
    assert drawn(page, "places") == 1
    page.locator(".atlas-range").fill(str(date(1995, 6, 1).toordinal()))
    assert date_shown(page) == "1 June 1995"
    assert drawn(page, "places") == 1
    assert "date=1995-06-01" in query_of(page)
    page.locator(".atlas-range").fill(str(date(1960, 6, 1).toordinal()))
    assert drawn(page, "places") == 0


def test_dragging_near_a_key_date_snaps_to_it(page, fixture_server):
    open_atlas(page, fixture_server.url, "?date=1900-01-01&layers=zones")
    page.locator(".atlas-range").fill(str(date(1828, 3, 10).toordinal()))
    assert date_shown(page) == "22 February 1828"


def test_dates_before_1000_work(page, fixture_server):
    open_atlas(page, fixture_server.url, "?date=0900-01-01&layers=zones")
    assert date_shown(page) == "1 January 900"
    assert feature_id_at(page, 41.0, 45.0) == "north-persia"
    page.locator(".atlas-range").focus()
    page.keyboard.press("ArrowLeft")
    assert date_shown(page) == "1 January 900", "the slider starts at the earliest feature"
    page.keyboard.press("ArrowRight")
    assert date_shown(page) == "1 January 901"
    assert "date=0901-01-01" in query_of(page)


def test_play_animates_through_time_and_pauses(page, fixture_server):
    open_atlas(page, fixture_server.url, "?date=1800-01-01&layers=zones")
    page.get_by_role("button", name="Play through time").click()
    page.wait_for_function(
        "() => document.querySelector('.atlas-date').textContent !== '1 January 1800'"
    )
    page.wait_for_function(
        "() => /180[2-9]|18[1-9]\\d/.test(document.querySelector('.atlas-date').textContent)"
    )
    page.get_by_role("button", name="Pause").click()
    paused_at = date_shown(page)
    page.wait_for_timeout(400)
    assert date_shown(page) == paused_at


def test_legend_checkboxes_switch_layers_and_the_url(page, fixture_server):
    open_atlas(page, fixture_server.url, "?date=1900-01-01&layers=zones")
    assert drawn(page, "places") == 0
    page.get_by_label("Places").check()
    assert drawn(page, "places") == 1
    assert query_of(page) == "?date=1900-01-01&layers=zones,places"
    page.get_by_label("Zones").uncheck()
    assert drawn(page, "zones") == 0


def test_popups_show_dates_in_words_and_data_only_as_text(page, fixture_server):
    open_atlas(page, fixture_server.url, "?date=2000-01-01&layers=places")
    page.locator(".atlas-f-consulate-b").click()
    popup = page.locator(".atlas-popup")
    assert popup.locator(".atlas-popup-name").inner_text() == "Consulate <b>B</b>"
    assert popup.locator("b").count() == 0
    assert popup.locator(".atlas-popup-dates").inner_text() == "since 1 May 1990"
    assert "A Book for Tests" in popup.inner_text()


def test_the_javascript_calendar_agrees_with_python(page, fixture_server):
    open_atlas(page, fixture_server.url)
    days = [
        date(1, 1, 1),
        date(913, 7, 4),
        date(1582, 10, 15),
        date(1900, 2, 28),
        date(1900, 3, 1),
        date(1969, 12, 31),
        date(2000, 2, 29),
        date(9999, 12, 31),
    ]
    for day in days:
        text = f"{day.year:04d}-{day.month:02d}-{day.day:02d}"
        assert page.evaluate("t => Atlas.time.firstDay(t)", text) == day.toordinal()
        assert page.evaluate("n => Atlas.time.toIso(n)", day.toordinal()) == text
    assert page.evaluate("() => Atlas.time.lastDay('1828-02')") == date(1828, 2, 29).toordinal()
    assert (
        page.evaluate("() => Atlas.time.addYears(Atlas.time.firstDay('2000-02-29'), 1)")
        == date(2001, 2, 28).toordinal()
    )

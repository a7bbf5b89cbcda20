"""The date slider, driven as a person drives it: keys, dragging, play; on tiny fixture data."""

from datetime import date

from tests.browser.mapping import date_shown, drawn, feature_id_at, open_atlas, query_of, slide_to


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
    slide_to(page, date(1995, 6, 1), release=False)
    shown = date_shown(page)
    assert shown.endswith("1995"), shown
    assert drawn(page, "places") == 1
    assert "date=1995-" in query_of(page)
    slide_to(page, date(1960, 6, 1))
    assert drawn(page, "places") == 0


def test_releasing_near_a_key_date_settles_on_it_but_dragging_does_not(page, fixture_server):
    open_atlas(page, fixture_server.url, "?date=1900-01-01&layers=zones")
    slide_to(page, date(1828, 3, 10), release=False)
    assert date_shown(page) != "22 February 1828", "no snapping while the thumb is held"
    slide_to(page, date(1828, 3, 10))
    assert date_shown(page) == "22 February 1828"
    slide_to(page, date(1835, 6, 1))
    assert date_shown(page).endswith("1835"), "a release far from any key date stays put"


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
    assert "A Book for Tests" not in popup.inner_text(), "sources stay folded until asked for"
    popup.get_by_text("Sources (1)").click()
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


def type_date(page, text: str) -> None:
    page.locator(".atlas-date-edit").click()
    page.locator(".atlas-date-input").fill(text)
    page.keyboard.press("Enter")


def test_a_typed_date_is_read_as_people_write_dates(page, fixture_server):
    open_atlas(page, fixture_server.url, "?date=1900-01-01&layers=zones")
    type_date(page, "22.02.1828")
    assert date_shown(page) == "22 February 1828"
    assert page.evaluate("() => document.activeElement.className") == "atlas-date-edit"
    type_date(page, "June 1916")
    assert date_shown(page) == "1 June 1916"
    assert "date=1916-06-01" in query_of(page)


def test_a_typed_date_that_cannot_be_shown_is_refused_in_words(page, fixture_server):
    open_atlas(page, fixture_server.url, "?date=1900-01-01&layers=zones")
    type_date(page, "2100")
    message = page.locator(".atlas-date-message")
    assert message.is_visible()
    assert message.inner_text().startswith("2100 is after today: the atlas ends on ")
    assert page.locator(".atlas-date-input").get_attribute("aria-invalid") == "true"
    page.locator(".atlas-date-input").fill("1828-02-30")
    page.keyboard.press("Enter")
    assert message.inner_text() == "February 1828 has no day 30"
    page.keyboard.press("Escape")
    assert message.is_hidden() and date_shown(page) == "1 January 1900"


def test_enter_on_the_slider_opens_the_date_box_and_typing_keeps_the_keys_quiet(
    page, fixture_server
):
    open_atlas(page, fixture_server.url, "/classroom?date=1900-01-01&layers=zones")
    page.locator(".atlas-range").focus()
    page.keyboard.press("g")
    assert page.evaluate("() => document.activeElement.className") == "atlas-date-input"
    page.keyboard.type("1916")  # 1 and 9 would toggle layers, were the keys listening
    page.keyboard.press("Enter")
    assert date_shown(page) == "1 January 1916"
    assert query_of(page).endswith("layers=zones")


def test_the_date_box_keeps_its_width_whatever_the_date(page, fixture_server):
    open_atlas(page, fixture_server.url, "?date=1900-05-01&layers=zones")
    widths = set()
    for day in (date(1900, 5, 1), date(1723, 9, 22), date(913, 1, 1), date(1828, 2, 22)):
        slide_to(page, day)
        widths.add(page.locator(".atlas-range").bounding_box()["width"])
    assert len(widths) == 1, widths


def test_the_axis_names_its_centuries(page, fixture_server):
    page.set_viewport_size({"width": 1366, "height": 768})
    open_atlas(page, fixture_server.url, "?date=1900-01-01&layers=zones")
    labels = page.locator(".atlas-axis-label").all_inner_texts()
    assert {"1700", "1800", "1900", "2000"} <= set(labels), labels

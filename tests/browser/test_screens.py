"""Controls that fit every hand and screen (#12): a laptop, a phone, two projector sizes.

Each test drives the real atlas as a person would (a mouse or a thumb on the slider, a click on
Erivan) and measures what they would see; several window sizes share one page where the layout
follows the window without reloading. Screenshots land in test-artifacts/.
"""

from __future__ import annotations

import re

import pytest

from tests.browser.mapping import center_on, date_shown, map_share, open_atlas

LAPTOP = {"width": 1366, "height": 768}
PROJECTORS = [{"width": 1024, "height": 768}, {"width": 1280, "height": 720}]
ERIVAN = (40.18, 44.51)
MODERN = set(range(1800, 1951))

RECORD_DATES = """() => {
    window.datesShown = [];
    const output = document.querySelector(".atlas-date");
    new MutationObserver(() => window.datesShown.push(output.textContent))
        .observe(output, {childList: true, characterData: true, subtree: true});
}"""

THUMB_AT = """(year) => {
    const slider = Atlas.debug.sliders[0];
    const box = slider.input.getBoundingClientRect();
    const thumb = parseFloat(getComputedStyle(slider.root).getPropertyValue("--thumb"));
    const at = (value) => box.left + thumb / 2 + (value / +slider.input.max) * (box.width - thumb);
    const target = slider.positionOf(Atlas.time.toOrdinal(year, 1, 1));
    return {from: at(+slider.input.value), to: at(target), y: box.top + box.height / 2};
}"""

# Where along the track each year the drag meets begins to show, one place per year (the
# middle of its run of pixels, `step` CSS pixels apart): moving the thumb only there visits every
# year a finger could reach, in order, without a round trip for each pixel in between.
YEAR_STOPS = """([from, to, step]) => {
    const slider = Atlas.debug.sliders[0];
    const box = slider.input.getBoundingClientRect();
    const thumb = parseFloat(getComputedStyle(slider.root).getPropertyValue("--thumb"));
    const max = +slider.input.max;
    const yearAt = (x) => {
        const fraction = Math.min(Math.max((x - box.left - thumb / 2) / (box.width - thumb), 0), 1);
        return Atlas.time.fromOrdinal(slider.axis.dayAt(Math.round(fraction * max) / max)).year;
    };
    const runs = [];
    for (let x = from; x <= to; x += step) {
        const year = yearAt(x);
        const last = runs[runs.length - 1];
        if (last && last.year === year) { last.xs.push(x); } else { runs.push({year, xs: [x]}); }
    }
    return runs.map((run) => run.xs[Math.floor(run.xs.length / 2)]);
}"""


def size_name(size: dict) -> str:
    return f"{size['width']}x{size['height']}"


def years_of(dates: list[str]) -> list[int]:
    return [int(re.findall(r"\d+", text)[-1]) for text in dates]


def test_a_mouse_drag_reaches_the_years_of_the_modern_era_on_a_laptop(page, live_server, artifacts):
    page.set_viewport_size(LAPTOP)
    open_atlas(page, live_server.url, "/?date=1790-01-01&layers=cessions")
    page.evaluate(RECORD_DATES)
    track = page.evaluate(THUMB_AT, 1962)
    page.mouse.move(track["from"], track["y"])
    page.mouse.down()
    for x in page.evaluate(YEAR_STOPS, [track["from"] + 1, track["to"], 1]):
        page.mouse.move(x, track["y"])
    page.screenshot(path=artifacts / "screens-laptop-drag.png")
    page.mouse.up()
    years = years_of(page.evaluate("() => window.datesShown"))
    reached = MODERN & set(years)
    assert len(reached) >= 0.85 * len(MODERN), sorted(MODERN - reached)
    assert {1916, 1942} <= reached
    assert years == sorted(years), "the date only moves forward as the thumb does"


def test_a_thumb_drag_moves_through_time_in_order_on_a_phone(phone, live_server, artifacts):
    open_atlas(phone, live_server.url, "/?date=1790-01-01&layers=cessions")
    phone.evaluate(RECORD_DATES)
    track = phone.evaluate(THUMB_AT, 1962)
    touch = phone.context.new_cdp_session(phone)

    def finger(kind: str, x: float) -> None:
        points = [] if kind == "touchEnd" else [{"x": x, "y": track["y"]}]
        touch.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})

    finger("touchStart", track["from"])
    # One device pixel of a 3× screen apart.
    for x in phone.evaluate(YEAR_STOPS, [track["from"] + 1 / 3, track["to"], 1 / 3]):
        finger("touchMove", x)
    finger("touchEnd", x)
    phone.screenshot(path=artifacts / "screens-phone-drag.png")
    years = years_of(phone.evaluate("() => window.datesShown"))
    assert years == sorted(years), "no jumping back and forth as on the old slider"
    reached = MODERN & set(years)
    assert len(reached) >= 0.85 * len(MODERN), sorted(MODERN - reached)
    assert {1916, 1942} <= reached


def popup_on_erivan(page, tap: bool = False) -> dict:
    """Open the popup of what is drawn at Erivan and return where its parts are."""
    spot = center_on(page, *ERIVAN)
    if tap:
        page.touchscreen.tap(spot["x"], spot["y"])
    else:
        page.mouse.click(spot["x"], spot["y"])
    popup = page.locator(".leaflet-popup")
    popup.wait_for()
    page.wait_for_timeout(350)  # Leaflet pans the popup into the free space
    return page.evaluate(
        """() => {
            const box = (node) => node.getBoundingClientRect().toJSON();
            const title = document.querySelector(".atlas-popup-name");
            const t = box(title);
            const onTop = document.elementFromPoint(t.left + t.width / 2, t.top + t.height / 2);
            return {
                popup: box(document.querySelector(".leaflet-popup")),
                titleOnTop: Boolean(onTop && title.contains(onTop)),
                text: document.querySelector(".atlas-popup").innerText,
                window: {width: innerWidth, height: innerHeight},
            };
        }"""
    )


def assert_popup_reads_well(seen: dict) -> None:
    box, window = seen["popup"], seen["window"]
    assert box["left"] >= 0 and box["top"] >= 0, box
    assert box["right"] <= window["width"] and box["bottom"] <= window["height"], box
    assert seen["titleOnTop"], "nothing covers the popup's title"
    assert "Treaty of Turkmenchay" in seen["text"]
    assert "turkmenchay-1828" not in seen["text"] and "erivan" not in seen["text"]


def test_the_erivan_popup_fits_and_reads_well_on_a_laptop_and_projectors(
    page, live_server, artifacts
):
    page.set_viewport_size(LAPTOP)
    open_atlas(page, live_server.url, "/?date=1828-02-22&layers=cessions")
    seen = popup_on_erivan(page)
    assert_popup_reads_well(seen)
    assert page.evaluate("() => document.activeElement.tagName") == "path"
    assert page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") == "none"
    page.screenshot(path=artifacts / "screens-laptop-popup-erivan-1828.png")
    open_atlas(page, live_server.url, "/classroom?date=1828-02-22&layers=cessions")
    for size in PROJECTORS:
        page.set_viewport_size(size)
        page.keyboard.press("Escape")
        assert_popup_reads_well(popup_on_erivan(page))
        page.screenshot(path=artifacts / f"screens-classroom-{size_name(size)}-popup.png")


def test_the_erivan_popup_fits_a_phone(phone, live_server, artifacts):
    open_atlas(phone, live_server.url, "/?date=1828-02-22&layers=cessions")
    assert_popup_reads_well(popup_on_erivan(phone, tap=True))
    phone.screenshot(path=artifacts / "screens-phone-popup-erivan-1828.png")


def test_a_phone_shows_the_map_and_reaches_every_link(phone, live_server, artifacts):
    open_atlas(phone, live_server.url, "/?date=1828-02-22")
    phone.screenshot(path=artifacts / "screens-phone-landing.png")
    assert map_share(phone) >= 2 / 3
    viewport = phone.locator('meta[name="viewport"]').get_attribute("content")
    assert "user-scalable=no" not in viewport and "maximum-scale" not in viewport
    for name in ("Map", "Classroom", "Guided tour", "English", "فارسی", "Русский"):
        link = phone.get_by_role("link", name=name, exact=True)
        box = link.bounding_box()
        on_top = phone.evaluate(
            "([x, y]) => document.elementFromPoint(x, y).textContent.trim()",
            [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
        )
        assert on_top == name, f"{name} is covered by {on_top!r}"
    legend = phone.locator(".atlas-legend-fold")
    assert legend.get_attribute("aria-expanded") == "false", "the legend starts folded"
    legend.tap()
    assert phone.get_by_label("Embassies and consulates").is_visible()
    phone.screenshot(path=artifacts / "screens-phone-legend-open.png")
    legend.tap()
    tools = phone.get_by_role("button", name="Tools")
    assert tools.get_attribute("aria-expanded") == "false", "the tools start folded"
    assert not phone.get_by_text("Export", exact=True).is_visible()
    tools.tap()
    phone.get_by_text("Export", exact=True).tap()
    menu = phone.locator(".atlas-export-list").bounding_box()
    assert menu["x"] >= 0 and menu["x"] + menu["width"] <= 390, "the export menu stays on screen"
    phone.screenshot(path=artifacts / "screens-phone-export-menu.png")
    phone.get_by_text("Export", exact=True).tap()
    phone.get_by_role("link", name="Guided tour").tap()
    phone.wait_for_url(re.compile(r"/tour"))


@pytest.mark.parametrize("path", ["/classroom?date=1828-02-22", "/tour/12", "/tour/16", "/tour/17"])
def test_projectors_show_the_map_on_three_fifths_of_the_screen(page, live_server, artifacts, path):
    page.set_viewport_size(PROJECTORS[0])
    open_atlas(page, live_server.url, path)
    for size in PROJECTORS:
        page.set_viewport_size(size)
        page.wait_for_timeout(300)
        share = map_share(page)
        name = re.sub(r"\W+", "-", path.strip("/"))
        page.screenshot(path=artifacts / f"screens-{name}-{size_name(size)}.png")
        assert share >= 0.6, f"{path} at {size_name(size)}: the map shows on {share:.0%}"
        fonts = page.evaluate(
            """() => ["atlas-date", "atlas-legend", "atlas-tour-caption"]
                .map(name => document.querySelector("." + name))
                .filter(Boolean)
                .map(node => parseFloat(getComputedStyle(node).fontSize))"""
        )
        assert fonts[0] >= 38 and min(fonts[1:]) >= 17, fonts


def test_names_never_slide_under_the_legend_in_persian(page, live_server, artifacts):
    page.set_viewport_size(PROJECTORS[1])
    open_atlas(page, live_server.url, "/classroom?date=1828-02-22&lang=fa")
    page.wait_for_timeout(300)
    page.screenshot(path=artifacts / "screens-fa-classroom-1280x720.png")
    overlaps = page.evaluate(
        """() => {
            const panels = Array.from(document.querySelectorAll(Atlas.panels.SELECTOR))
                .map(node => node.getBoundingClientRect());
            return Array.from(document.querySelectorAll(".atlas-label"))
                .filter(node => node.style.display !== "none")
                .filter(node => {
                    const a = node.getBoundingClientRect();
                    return panels.some(b => a.left < b.right && b.left < a.right
                        && a.top < b.bottom && b.top < a.bottom);
                })
                .map(node => node.textContent);
        }"""
    )
    assert page.locator(".atlas-label >> visible=true").count() >= 3
    assert overlaps == []


def test_a_persian_popup_reads_in_persian_and_isolates_latin_citations(page, live_server):
    page.set_viewport_size(LAPTOP)
    open_atlas(page, live_server.url, "/?date=1828-02-22&layers=cessions&lang=fa")
    seen = popup_on_erivan(page)
    assert "عهدنامهٔ ترکمانچای" in seen["text"]
    description = page.locator(".atlas-popup-description")
    assert description.get_attribute("lang") is None, "the description is written in Persian"
    assert any("\u0600" <= char <= "\u06ff" for char in description.inner_text())
    assert page.locator(".atlas-popup-sources ol").get_attribute("dir") == "ltr"


def test_keyboard_users_skip_to_the_slider_and_shapes_are_not_tab_stops(page, live_server):
    open_atlas(page, live_server.url, "/?date=1828-02-22")
    page.keyboard.press("Tab")
    skip = page.locator(".atlas-skip")
    assert page.evaluate("() => document.activeElement.className") == "atlas-skip"
    assert skip.is_visible() and skip.bounding_box()["y"] >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.className") == "atlas-range"
    page.keyboard.press("ArrowRight")
    assert date_shown(page) == "22 February 1829"
    stops = page.evaluate(
        "() => Array.from(document.querySelectorAll('.leaflet-interactive'))"
        ".filter(node => node.tabIndex >= 0).length"
    )
    assert stops == 0


def test_play_from_the_opening_view_starts_at_the_first_content_and_moves_on(page, live_server):
    open_atlas(page, live_server.url, "/")
    page.evaluate(RECORD_DATES)
    page.get_by_role("button", name="Play through time").click()
    page.wait_for_function("() => new Set(window.datesShown).size >= 2")
    page.get_by_role("button", name="Pause").click()
    years = years_of(page.evaluate("() => window.datesShown"))
    assert years[0] < 1000, f"Play starts with the story's first moment, not at {years[0]}"
    assert years == sorted(years) and years[-1] > years[0], years

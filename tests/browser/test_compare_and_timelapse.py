"""Two dates side by side, and a timelapse to take away, as a person uses them."""

from __future__ import annotations

import base64

import pytest

from server.core.dates import parse_day
from server.core.i18n import in_words
from tests.browser.mapping import open_atlas


def key_date_after(store, day: str) -> str:
    """The first key date after ``day`` (ISO), as the comparison's Next button finds it."""
    after = parse_day(day)
    return next(m.date for m in store.key_dates if parse_day(m.date) > after)


WHO_IS_AT = """([lat, lon]) => {
    const map = Atlas.debug.atlases[0].map;
    const point = map.latLngToContainerPoint([lat, lon]);
    const box = map.getContainer().getBoundingClientRect();
    const element = document.elementFromPoint(box.left + point.x, box.top + point.y);
    const names = (element.getAttribute("class") || "").split(" ");
    return names.find(name => name.startsWith("atlas-f-")) || null;
}"""
ERIVAN = [40.1, 44.5]

VIDEO = """async (b64) => {
    const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
    const video = document.createElement("video");
    video.src = URL.createObjectURL(new Blob([bytes], {type: "video/webm"}));
    await new Promise((ok, bad) => {
        video.onloadedmetadata = ok;
        video.onerror = () => bad(video.error.message);
    });
    if (!isFinite(video.duration)) {  // MediaRecorder writes no duration: seek to the end
        video.currentTime = 1e101;
        await new Promise(ok => { video.ondurationchange = ok; });
    }
    video.currentTime = 3;
    await new Promise(ok => { video.onseeked = ok; });
    const canvas = document.createElement("canvas");
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    canvas.getContext("2d").drawImage(video, 0, 0);
    const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
    let distinct = new Set();
    for (let i = 0; i < pixels.length; i += 4 * 997) distinct.add(pixels[i] + "," + pixels[i + 1]);
    return {duration: video.duration, width: video.videoWidth, colours: distinct.size};
}"""


def open_compare(page, url: str) -> None:
    page.goto(url)
    page.wait_for_function("() => window.Atlas && Atlas.debug.atlases.length === 2")


def test_the_comparison_shows_both_dates_and_each_side_its_own(page, live_server, artifacts):
    open_compare(
        page, live_server.url + "/compare?left=1812-06-01&right=1829-06-01&layers=cessions"
    )
    dates = page.locator(".atlas-compare-date").all_inner_texts()
    assert dates == ["1 June 1812", "1 June 1829"]
    assert (
        "20 May 1812 O.S."
        in page.locator(".atlas-compare-left .atlas-compare-calendars").inner_text()
    )
    page.evaluate(
        "() => Atlas.debug.atlases[0].map.setView([40.1, 44.5], 7, {animate: false}) && 0"
    )
    # Erivan: Persian while it lies left of the divider, Russian once the divider passes it.
    page.locator(".atlas-compare-divider").focus()
    page.keyboard.press("End")
    assert page.evaluate(WHO_IS_AT, ERIVAN) == "atlas-f-erivan-persia-1736"
    page.keyboard.press("Home")
    assert page.evaluate(WHO_IS_AT, ERIVAN) == "atlas-f-erivan-russia-1828"
    page.keyboard.press("End")
    for _ in range(25):
        page.keyboard.press("ArrowLeft")
    assert page.locator(".atlas-compare-divider").get_attribute("aria-valuenow") == "50"
    page.screenshot(path=str(artifacts / "compare-1812-1829.png"))


def test_each_side_moves_alone_and_the_address_holds_both(page, live_server, atlas_store):
    following = key_date_after(atlas_store, "1812-06-01")
    open_compare(page, live_server.url + "/compare?left=1812-06-01&right=1829-06-01")
    page.locator(".atlas-compare-right .atlas-compare-range").focus()
    page.keyboard.press("ArrowRight")
    page.locator(".atlas-compare-left .atlas-compare-next").click()
    assert page.locator(".atlas-compare-date").all_inner_texts() == [
        in_words(parse_day(following)),
        "1 June 1830",
    ]
    page.wait_for_function("() => !Atlas.debug.atlases[0].state.urlPending")
    assert page.evaluate("() => location.search").startswith(f"?left={following}&right=1830-06-01&")
    page.locator("input[data-layer=cessions]").uncheck()
    assert page.locator(".atlas-layer-cessions >> visible=true").count() == 0


def test_the_map_links_to_a_comparison_at_its_date(page, live_server, atlas_store):
    following = key_date_after(atlas_store, "1812-06-01")
    open_atlas(page, live_server.url, "?date=1812-06-01&layers=cessions")
    link = page.locator(".atlas-toolbar .atlas-compare-link")
    assert (
        link.get_attribute("href") == f"/compare?left=1812-06-01&right={following}&layers=cessions"
    )
    link.click()
    page.wait_for_function("() => window.Atlas && Atlas.debug.atlases.length === 2")
    assert page.locator(".atlas-compare-date").all_inner_texts() == [
        "1 June 1812",
        in_words(parse_day(following)),
    ]


def test_the_classroom_comparison_is_large(page, live_server, artifacts):
    page.set_viewport_size({"width": 1920, "height": 1080})
    open_compare(page, live_server.url + "/classroom/compare?left=1812-06-01&right=1829-06-01")
    size = page.locator(".atlas-compare-date").first.evaluate("e => getComputedStyle(e).fontSize")
    assert float(size.removesuffix("px")) >= 40
    page.screenshot(path=str(artifacts / "compare-classroom.png"))


@pytest.fixture
def file_roots(built):
    return [built.as_uri() + "/"]


def test_the_static_comparison_reads_its_dates_from_the_address(page, built):
    open_compare(page, (built / "compare.html").as_uri() + "?left=1812-06-01&right=1829-06-01")
    assert page.locator(".atlas-compare-date").all_inner_texts() == ["1 June 1812", "1 June 1829"]


@pytest.mark.serial  # records in real time: its length is only right on an unhurried core
def test_a_timelapse_of_1800_to_1830_is_a_playable_webm_of_the_planned_length(
    page, live_server, artifacts
):
    open_atlas(page, live_server.url, "?date=1812-06-01&layers=cessions")
    page.locator(".atlas-timelapse > summary").click()
    page.fill("input[name=from]", "1800")
    page.fill("input[name=to]", "1830")
    page.fill("input[name=frame_ms]", "200")
    assert page.locator(".atlas-timelapse-length").inner_text() == "31 frames, 6.2 s"
    with page.expect_download(timeout=120_000) as download:
        page.locator(".atlas-timelapse-record").click()
    assert download.value.suggested_filename == "atlas_timelapse_1800-1830.webm"
    data = download.value.path().read_bytes()
    assert data[:4] == b"\x1a\x45\xdf\xa3"  # the EBML header of a WebM file
    (artifacts / "timelapse-1800-1830.webm").write_bytes(data)
    # Played in a blank page: the atlas's CSP allows no media from blob: URLs.
    video = page.context.new_page().evaluate(VIDEO, base64.b64encode(data).decode())
    assert abs(video["duration"] - 6.2) < 0.5, video
    assert video["width"] == 1280 and video["colours"] > 5, video
    assert page.locator(".atlas-date").inner_text() == "1 June 1812"  # the view comes back


def test_a_timelapse_can_be_cancelled(page, live_server):
    open_atlas(page, live_server.url, "?date=1812-06-01&layers=cessions")
    page.locator(".atlas-timelapse > summary").click()
    page.fill("input[name=frame_ms]", "1000")
    page.locator(".atlas-timelapse-record").click()
    page.locator(".atlas-timelapse-cancel").click()
    page.wait_for_function(
        "() => document.querySelector('.atlas-timelapse-status').textContent === 'Cancelled'"
    )
    assert page.locator(".atlas-date").inner_text() == "1 June 1812"

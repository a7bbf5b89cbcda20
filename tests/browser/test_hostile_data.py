"""Data is untrusted input: markup in names, descriptions and sources stays text; CSP holds."""

from __future__ import annotations

import pytest

from tests.browser.mapping import open_atlas, tour_step

RECORD_VIOLATIONS = """
    window.cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
        window.cspViolations.push(event.violatedDirective + " " + event.blockedURI);
    });
"""


def test_markup_in_the_data_is_shown_as_text(page, fixture_server):
    open_atlas(page, fixture_server.url, "?date=1950-06-01&layers=places")
    page.locator(".atlas-f-hostile-place").click()
    popup = page.locator(".atlas-popup")
    assert popup.locator(".atlas-popup-name").inner_text() == "<img src=x onerror=alert(1)>"
    assert "<b onmouseover=alert(4)>bold</b>" in popup.inner_text()
    for folded in popup.locator("summary").all():
        folded.click()  # the dating note and the sources: text too, once unfolded
    assert "javascript:alert(5)" in popup.inner_text()
    assert popup.locator("img, b, script, a").count() == 0
    page.locator(".atlas-f-hostile-place").hover()
    assert page.locator(".leaflet-tooltip img").count() == 0
    # The page fixture fails the test if any dialog opened or any script error was logged.


def test_markup_in_a_translated_name_is_text_too(page, fixture_server):
    open_atlas(page, fixture_server.url, "?date=1950-06-01&layers=places&lang=ru")
    page.locator(".atlas-f-hostile-place").click()
    assert page.locator(".atlas-popup-name").inner_text() == "<script>alert(3)</script>"


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/classroom?lang=fa",
        f"/tour/{tour_step('anglo-russian-convention-1907')}",
        "/collections?f=html",
        "/collections/cessions/items?f=html&limit=3",
    ],
)
def test_no_page_breaks_its_content_security_policy(page, live_server, path):
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(live_server.url + path, wait_until="load")
    page.wait_for_timeout(300)
    assert page.evaluate("() => window.cspViolations") == []
    if not path.startswith("/collections"):
        assert page.evaluate("() => document.querySelectorAll('script[nonce]').length") >= 1

"""A real server on 127.0.0.1 and headless Debian Chromium, watching every request it makes.

Every page fixture fails its test if the page logs a console error, throws, or asks for anything
that is not on 127.0.0.1: the atlas must work in a classroom with no internet.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

from tests.live import LiveServer
from tests.paths import GEODATA

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def live_server(make_app):
    server = LiveServer(make_app(GEODATA_DIR=str(GEODATA)))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def fixture_server(make_app):
    server = LiveServer(make_app())
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def is_loopback(url: str, file_roots: list[str]) -> bool:
    """Loopback, in-page data, or a file inside an allowed folder (a static build)."""
    parts = urlsplit(url)
    if parts.scheme == "file":
        return any(url.startswith(root) for root in file_roots)
    return parts.scheme in ("data", "blob", "about") or parts.hostname == "127.0.0.1"


@pytest.fixture
def file_roots() -> list[str]:
    """Folders a test may open over file:// (none unless the test adds its own)."""
    return []


def watched_page(browser, file_roots: list[str], **context_options):
    """A page in its own context that records requests off the host and console errors.

    Yields the page, then fails the test if it asked for anything off 127.0.0.1 or logged an
    error (the context options set the window: size, touch, a phone's pixel ratio).
    """
    options = {"viewport": {"width": 1280, "height": 800}, "locale": "en-GB"}
    context = browser.new_context(accept_downloads=True, **{**options, **context_options})
    off_host: list[str] = []
    errors: list[str] = []

    def refuse_off_host(route):
        off_host.append(route.request.url)
        route.abort()

    context.route(lambda url: not is_loopback(url, file_roots), refuse_off_host)
    page = context.new_page()
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("dialog", lambda dialog: errors.append(f"dialog opened: {dialog.message}"))
    yield page
    context.close()
    assert not off_host, f"the page asked for something off 127.0.0.1: {off_host}"
    assert not errors, f"the page logged errors: {errors}"


@pytest.fixture
def page(browser, file_roots):
    yield from watched_page(browser, file_roots)


@pytest.fixture
def phone(browser, file_roots):
    """A phone held upright: 390×844 CSS pixels at three device pixels each, touch only."""
    yield from watched_page(
        browser,
        file_roots,
        viewport={"width": 390, "height": 844},
        device_scale_factor=3,
        has_touch=True,
        is_mobile=True,
    )


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS

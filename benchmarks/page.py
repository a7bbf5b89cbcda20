"""Page benchmarks: bytes over the wire, navigation to map drawn, slider repaint per step.

Run with ``make bench`` (or ``.venv/bin/python benchmarks/page.py``). It serves the real atlas on
a free loopback port and drives headless Debian Chromium; it prints a table and writes nothing.
"""

from __future__ import annotations

import gzip
import logging
import re
import statistics
import sys
import threading
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from server import create_app  # noqa: E402

STEPS = 200
RUNS = 9  # page loads timed, each in a fresh browser context (nothing cached), after the first
DRAWN = f"navigation to map drawn, median of {RUNS} ms"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]

REPAINT_STEPS = """async (steps) => {
    const atlas = Atlas.debug.atlases[0];
    const first = Atlas.debug.sliders[0].first;
    const last = Atlas.debug.sliders[0].last;
    const sync = [], frame = [];
    for (let i = 0; i < steps; i++) {
        const day = Math.round(first + (last - first) * ((i * 37) % steps) / steps);
        const started = performance.now();
        atlas.state.setDay(day);
        sync.push(performance.now() - started);
        await new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        frame.push(performance.now() - started);
    }
    return {sync, frame};
}"""


def serve():
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = make_server("127.0.0.1", 0, create_app(), threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}"


def page_weight(base: str, path: str = "/") -> tuple[int, int]:
    """Bytes of the page and everything it loads, raw and gzip-compressed (not the downloads)."""
    html = urllib.request.urlopen(base + path).read()
    assets = re.findall(rb'(?<![-\w])(?:src|href)="(/(?:static|data|vendor)/[^"]+)"', html)
    bodies = [html] + [urllib.request.urlopen(base + asset.decode()).read() for asset in assets]
    return sum(map(len, bodies)), sum(len(gzip.compress(body, 6)) for body in bodies)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def navigation_to_drawn(browser, base: str) -> float:
    """Open the atlas in a fresh context; return ms from navigation to the map drawn and framed."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(base + "/")
    page.wait_for_function("() => performance.getEntriesByName('atlas-drawn').length")
    drawn = page.evaluate("() => performance.getEntriesByName('atlas-drawn')[0].startTime")
    page.close()
    return drawn


def measure_browser(base: str) -> dict[str, float]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        # The first load is reported apart: Chromium is only then starting its processes
        # (the server has already compressed every answer, for page_weight); the others are
        # what a reader meets, each in a context with nothing cached.
        first, *drawn = [navigation_to_drawn(browser, base) for _ in range(1 + RUNS)]
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.goto(base + "/?layers=" + ",".join(create_app().extensions["atlas_store"].layers))
        page.wait_for_function("() => performance.getEntriesByName('atlas-drawn').length")
        steps = page.evaluate(REPAINT_STEPS, STEPS)
        browser.close()
    return {
        "navigation to map drawn, first load after start ms": first,
        DRAWN: statistics.median(drawn),
        "slider step, filter+DOM p50 ms": percentile(steps["sync"], 0.5),
        "slider step, filter+DOM p95 ms": percentile(steps["sync"], 0.95),
        "slider step, to next painted frame p95 ms": percentile(steps["frame"], 0.95),
    }


def main() -> None:
    server, base = serve()
    raw, compressed = page_weight(base)
    rows = {"first view, raw KB": raw / 1024, "first view, gzip KB": compressed / 1024}
    rows.update(measure_browser(base))
    server.shutdown()
    print_table("page benchmark", rows)


def print_table(title: str, rows: dict[str, float]) -> None:
    """Print measured values in one aligned column under a title."""
    width = max(map(len, rows))
    print(f"{title:<{width}}  value")
    for name, value in rows.items():
        print(f"{name:<{width}}  {value:8.1f}")


if __name__ == "__main__":
    main()

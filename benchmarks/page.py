"""Page benchmarks: bytes over the wire, navigation to map drawn, slider repaint per step.

Run with ``make bench`` (or ``.venv/bin/python benchmarks/page.py``). It serves the real atlas on
a free loopback port and drives headless Debian Chromium; beside it, as the reference, the same
page from ``atlas build-static`` on Debian's nginx (skipped without nginx). It prints a table and
leaves nothing behind.
"""

from __future__ import annotations

import gzip
import logging
import re
import shutil
import statistics
import sys
import tempfile
import threading
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import live  # noqa: E402

from server import create_app  # noqa: E402
from server.mapview.static_site import build_static  # noqa: E402

STEPS = 200
RUNS = 9  # page loads timed, each in a fresh browser context (nothing cached), after the first
DRAWN = f"navigation to map drawn, median of {RUNS} ms"
REFERENCE_DRAWN = "  the same, static build on nginx (reference) ms"
# nginx at its fastest: types by extension, and each file compressed beforehand (gzip_static),
# as the atlas compresses each answer once.
NGINX_SERVING = "include /etc/nginx/mime.types; gzip_static on;"
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


def measure_browser(base: str, reference: str | None = None) -> dict[str, float]:
    """Time the page at ``base`` in Chromium, and the same page at ``reference`` if given.

    The two are loaded in turn, so that the machine's noise falls on both alike.
    """
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        # The first load is reported apart: Chromium is only then starting its processes
        # (the server has already compressed every answer, for page_weight); the others are
        # what a reader meets, each in a context with nothing cached.
        first = navigation_to_drawn(browser, base)
        drawn, nginx = [], []
        for _ in range(RUNS):
            drawn.append(navigation_to_drawn(browser, base))
            if reference:
                nginx.append(navigation_to_drawn(browser, reference))
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.goto(base + "/?layers=" + ",".join(create_app().extensions["atlas_store"].layers))
        page.wait_for_function("() => performance.getEntriesByName('atlas-drawn').length")
        steps = page.evaluate(REPAINT_STEPS, STEPS)
        browser.close()
    return {
        "navigation to map drawn, first load after start ms": first,
        DRAWN: statistics.median(drawn),
        **({REFERENCE_DRAWN: statistics.median(nginx)} if nginx else {}),
        "slider step, filter+DOM p50 ms": percentile(steps["sync"], 0.5),
        "slider step, filter+DOM p95 ms": percentile(steps["sync"], 0.95),
        "slider step, to next painted frame p95 ms": percentile(steps["frame"], 0.95),
    }


def main() -> None:
    live.ensure_debian_tools({"nginx": "nginx-light"})
    server, base = serve()
    raw, compressed = page_weight(base)
    rows = {"first view, raw KB": raw / 1024, "first view, gzip KB": compressed / 1024}
    with static_build_on_nginx(server.app) as reference:
        rows.update(measure_browser(base, reference))
    server.shutdown()
    print_table("page benchmark", rows)


@contextmanager
def static_build_on_nginx(app) -> Iterator[str | None]:
    """Serve ``atlas build-static``'s output with Debian's nginx; yield its address, or None.

    The reference: the same page, data and scripts from a server that only sends files.
    """
    if not shutil.which("nginx"):
        yield None
        return
    tmp = Path(tempfile.mkdtemp(prefix="atlas-page-bench-"))
    try:
        built = tmp / "built"
        build_static(app.extensions["atlas_store"], app.config, built)
        files = {}
        for path in (path for path in built.rglob("*") if path.is_file()):
            name = path.relative_to(built).as_posix()
            files[name] = path.read_bytes()
            files[name + ".gz"] = gzip.compress(files[name], 6)
        port = live.free_port()
        nginx = live.start_nginx(port, tmp, files, NGINX_SERVING)
        try:
            live.wait_until_answered(f"http://127.0.0.1:{port}/index.html", nginx)
            yield f"http://127.0.0.1:{port}"
        finally:
            live.stop(nginx)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def print_table(title: str, rows: dict[str, float]) -> None:
    """Print measured values in one aligned column under a title."""
    width = max(map(len, rows))
    print(f"{title:<{width}}  value")
    for name, value in rows.items():
        print(f"{name:<{width}}  {value:8.1f}")


if __name__ == "__main__":
    main()

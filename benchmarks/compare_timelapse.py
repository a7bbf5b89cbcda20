"""The comparison page's weight and the time to draw one timelapse frame.

Run with ``.venv/bin/python benchmarks/compare_timelapse.py`` (also in ``make bench``). It serves
the real atlas on a free loopback port and drives headless Debian Chromium; it prints a table.
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.page import CHROMIUM_ARGS, page_weight, print_table, serve  # noqa: E402

FRAMES = 30

# Draw frames as the timelapse does (set the day, then the Save image renderer), timing each.
FRAME_TIMES = """async (frames) => {
    const atlas = Atlas.debug.atlases[0];
    const box = atlas.map.getContainer().getBoundingClientRect();
    const canvas = document.createElement("canvas");
    canvas.width = box.width;
    canvas.height = box.height;
    const ctx = canvas.getContext("2d");
    const plan = Atlas.timelapsePlan.plan(1800, 1800 + frames - 1, 1, 200);
    const times = [];
    for (const day of plan.days) {
        const started = performance.now();
        atlas.state.setDay(day);
        await Atlas.snapshot.draw(atlas, ctx, {bigDate: true});
        times.push(performance.now() - started);
    }
    return times;
}"""


def frame_times(base: str) -> list[float]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.goto(base + "/?date=1800-01-01")
        page.wait_for_function("() => window.Atlas && Atlas.debug.atlases.length === 1")
        times = page.evaluate(FRAME_TIMES, FRAMES)
        browser.close()
    return times


def main() -> None:
    server, base = serve()
    raw, compressed = page_weight(base, "/compare?left=1812-06-01&right=1829-06-01")
    atlas_raw, atlas_compressed = page_weight(base, "/")
    times = frame_times(base)
    server.shutdown()
    rows = {
        "compare page + assets, raw KB": raw / 1024,
        "compare page + assets, gzip KB": compressed / 1024,
        "map page + assets, gzip KB (for scale)": atlas_compressed / 1024,
        f"timelapse frame (day + draw, 1280x800, default layers), median ms of {FRAMES}": (
            statistics.median(times)
        ),
        "timelapse frame, slowest ms": max(times),
    }
    print_table("compare and timelapse benchmark", rows)


if __name__ == "__main__":
    main()

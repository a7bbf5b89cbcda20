"""The map page's JavaScript: the source files in load order, and the one file a page loads.

The sources stay small files with one job each (``static/js/``), but a page loads them joined
into one script, ``js/atlas-map.js``. Thirty-six separate scripts cost the browser a request, a
task and a compile each before the map could start: about 75 ms of the 550 ms from navigation to
the map drawn on this project's 2-core machine (``benchmarks/page.py``). Joining needs no build
tool because every file is a classic script wrapped in its own function (the pattern is at the
top of ``atlas.js``), so the files run the same one after another in one script as in many.
The app joins them once at start; ``atlas build-static`` writes the same bytes to a file.
"""

from __future__ import annotations

from pathlib import Path

from server.paths import STATIC_DIR

# The script a map page loads, under static/: every file of SCRIPTS, in order.
PAGE_SCRIPT = "js/atlas-map.js"

# Every source of the map page's script, in load order, under static/js/: atlas.js first, since
# each other file attaches itself to its ``window.Atlas``.
SCRIPTS = (
    "atlas",
    "core/i18n",
    "core/time",
    "core/calendars",
    "core/state",
    "core/axis",
    "core/play",
    "core/typed_date",
    "core/packing",
    "map/patterns",
    "map/status",
    "map/popup_time",
    "map/panels",
    "map/popup",
    "map/symbols",
    "map/basemap",
    "map/layers",
    "map/placing",
    "map/framing",
    "map/labels",
    "map/plate",
    "map/snapshot",
    "controls/keys",
    "controls/calendar_line",
    "controls/date_box",
    "controls/slider",
    "controls/legend_looks",
    "controls/legend",
    "controls/timelapse_plan",
    "controls/timelapse",
    "controls/toolbar",
    "controls/tour",
    "controls/compare_maths",
    "controls/compare",
    "controls/classroom",
    "controls/screen",
)


def page_script(static_dir: Path = STATIC_DIR) -> bytes:
    """Return every source of SCRIPTS joined in order, each after a comment naming its file.

    The comment is what a reader of the browser's debugger needs to find the source to edit.
    """
    parts = []
    for name in SCRIPTS:
        source = (static_dir / "js" / f"{name}.js").read_bytes()
        parts.append(b"/* static/js/%s.js */\n%s\n" % (name.encode(), source.rstrip(b"\n")))
    return b"\n".join(parts)

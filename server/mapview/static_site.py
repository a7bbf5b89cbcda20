"""``atlas build-static DIR``: the whole atlas as plain files, for any static host or a USB stick.

The pages are rendered with relative links and load their data as scripts (which browsers allow
over ``file://``, unlike fetch), so the build needs no server at all; behind a CDN, every file is
immutable until the next build.

The same data make the same bytes: pages have no nonce and Folium's element ids are numbered
(``server.mapview.build``), and GeoPackages get the date of ``SOURCE_DATE_EPOCH`` (the
reproducible-builds convention; 1970-01-01 when unset) instead of the clock's. Only the slider's
last day, today, moves with the calendar.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyogrio

from server.core.export import downloads, export
from server.core.store import LayerStore
from server.mapview.about import render_about_page
from server.mapview.compare import compare_days
from server.mapview.data import DATA_SCRIPTS, data_script_bytes, windows_of
from server.mapview.links import MAP_PAGES, PAGES, relative_links
from server.mapview.render import render_map_page
from server.mapview.scripts import PAGE_SCRIPT, page_script
from server.mapview.view import COMPARE_MODES, default_view
from server.paths import LEAFLET_DIR, STATIC_DIR

VENDOR_SKIP = shutil.ignore_patterns("*.map", "*-src.js", "*.esm.js")


def build_static(store: LayerStore, config: Mapping[str, Any], target: Path) -> list[Path]:
    """Write the atlas into ``target`` (created if needed) and return the files written.

    ``config`` is the app's settings (map bounds, optional web tiles); no app or request is
    needed, so the build runs anywhere the store loads.
    """
    target.mkdir(parents=True, exist_ok=True)
    links = relative_links()
    for mode in MAP_PAGES:
        view, right = default_view(store), None
        if mode in COMPARE_MODES:  # the page reads ?left= and ?right= itself
            left, right = compare_days(store, {})
            view = replace(view, day=left, precision="day")
        html = render_map_page(store, view, links, config, mode=mode, tour_step=1, right_day=right)
        _write(target / PAGES[mode], html.encode())
    about = render_about_page(store, "en", links, Path(config["GEODATA_DIR"]))
    _write(target / PAGES["about"], about.encode())
    with _gdal_clock_fixed():
        for layer_id, fmt in downloads(store):
            _write(target / "data" / f"{layer_id}.{fmt}", export(store, layer_id, fmt).body)
    for name in DATA_SCRIPTS:
        script = data_script_bytes(store, name, windows_of(config))
        _write(target / "data" / f"{name}.js", script)
    shutil.copytree(STATIC_DIR, target / "static", dirs_exist_ok=True)
    _write(target / "static" / PAGE_SCRIPT, page_script())
    shutil.copytree(
        LEAFLET_DIR, target / "vendor" / "leaflet", ignore=VENDOR_SKIP, dirs_exist_ok=True
    )
    return sorted(path for path in target.rglob("*") if path.is_file())


@contextmanager
def _gdal_clock_fixed() -> Iterator[None]:
    """Make GDAL stamp GeoPackages with the build's fixed date (``last_change``), not now."""
    seconds = int(os.environ.get("SOURCE_DATE_EPOCH") or 0)
    stamp = datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": stamp})
    try:
        yield
    finally:
        pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": None})


def _write(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)

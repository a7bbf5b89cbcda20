"""``atlas build-static DIR``: the whole atlas as plain files, for any static host or a USB stick.

The pages are rendered with relative links and load their data as scripts (which browsers allow
over ``file://``, unlike fetch), so the build needs no server at all; behind a CDN, every file is
immutable until the next build.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from flask import Flask

from server.export import ALL_LAYERS, export
from server.links import relative_links
from server.maps import default_view
from server.pagedata import data_script_bytes
from server.pages import render_map_page
from server.paths import STATIC_DIR
from server.security import strip_nonces
from server.store import LayerStore, get_store
from server.views import LEAFLET_DIR

VENDOR_SKIP = shutil.ignore_patterns("*.map", "*-src.js", "*.esm.js")


def build_static(app: Flask, target: Path) -> list[Path]:
    """Write the atlas into ``target`` (created if needed) and return the files written."""
    target.mkdir(parents=True, exist_ok=True)
    links = relative_links()
    with app.test_request_context("/"):
        store = get_store()
        for mode, filename in (
            ("atlas", "index.html"),
            ("classroom", "classroom.html"),
            ("tour", "tour.html"),
        ):
            html = render_map_page(
                store, default_view(store), links, app.config, mode=mode, tour_step=1
            )
            _write(target / filename, strip_nonces(html).encode())
    for layer_id, fmt in _downloads(store):
        _write(target / "data" / f"{layer_id}.{fmt}", export(store, layer_id, fmt).body)
    for name in ("atlas", "basemap"):
        _write(target / "data" / f"{name}.js", data_script_bytes(store, name))
    shutil.copytree(STATIC_DIR, target / "static", dirs_exist_ok=True)
    shutil.copytree(
        LEAFLET_DIR, target / "vendor" / "leaflet", ignore=VENDOR_SKIP, dirs_exist_ok=True
    )
    return sorted(path for path in target.rglob("*") if path.is_file())


def _downloads(store: LayerStore) -> list[tuple[str, str]]:
    """Return every whole-history download the page links to: GeoJSON, GeoPackage, CSV."""
    files = [(ALL_LAYERS, "geojson")]
    for layer in store:
        files += [(layer.id, "geojson"), (layer.id, "gpkg")]
        if layer.spec.style.get("geometry") == "point":
            files.append((layer.id, "csv"))
    return files


def _write(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)

"""Render the map pages (atlas, classroom, tour), for the running app and the static build alike.

The three pages are one template and one map: classroom and tour differ only by body class,
palette and controls, so there is a single page to keep right.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import render_template

from server.errors import FeatureNotFound
from server.i18n import LANGUAGES, catalogue, page_catalogue
from server.links import Links
from server.maps import Mode, View, build_map, render_parts
from server.security import add_nonces
from server.store import LayerStore

BODY_CLASSES = {"atlas": "atlas-page", "classroom": "classroom", "tour": "classroom tour"}


def web_tiles_of(config: Mapping[str, Any]) -> dict[str, str] | None:
    """Return the optional web tile layer from the settings, or None (the offline default)."""
    url = config.get("WEB_TILES_URL")
    return {"url": url, "attribution": config.get("WEB_TILES_ATTRIBUTION", "")} if url else None


def render_map_page(
    store: LayerStore,
    view: View,
    links: Links,
    config: Mapping[str, Any],
    *,
    mode: Mode = "atlas",
    tour_step: int | None = None,
) -> str:
    """Return the HTML of a map page showing ``view`` in ``mode``."""
    if mode == "tour" and not 1 <= (tour_step or 1) <= len(store.key_dates):
        raise FeatureNotFound(
            f"the tour has steps 1 to {len(store.key_dates)}; there is no step {tour_step}"
        )
    atlas_map = build_map(
        store,
        view,
        links,
        bounds=config["MAP_BOUNDS"],
        limits=config["MAP_LIMITS"],
        mode=mode,
        tour_step=tour_step,
        web_tiles=web_tiles_of(config),
    )
    texts = page_catalogue(view.lang)
    html = render_template(
        "atlas.html",
        parts=render_parts(atlas_map),
        view=view,
        links=links,
        mode=mode,
        body_class=BODY_CLASSES[mode],
        ui=texts["interface"],
        language=texts["language"],
        languages=[(code, catalogue(code)["language"]["name"]) for code in LANGUAGES],
        data_twin=links.export("atlas", "geojson", True).replace("{date}", view.day.isoformat()),
    )
    return add_nonces(html)

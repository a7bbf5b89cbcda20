"""Render the map pages (atlas, classroom, tour), for the running app and the static build alike.

The three pages are one template and one map: classroom and tour differ only by body class,
palette and controls, so there is a single page to keep right. Pages are rendered with a Jinja
``Environment`` of our own (as pygeoapi's ``render_j2_template`` does), not Flask's, so the static
build needs no request context and this package never imports Flask.

The CSP nonce goes only where our own template writes it: the one inline ``<script>`` of
``atlas.html``, which frames the map's code. Nothing else on the page may be inline (the map's
header and body are checked for inline code in ``server.mapview.build.render_parts``), so no
``<script>`` that came from data can ever carry the nonce. The server passes a one-off marker as
the nonce and fills in a fresh value per response (``server.web.security``); a static build
passes none and gets no attribute.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import jinja2

from server.core.errors import FeatureNotFound
from server.core.i18n import LANGUAGES, catalogue, in_words, page_catalogue
from server.core.store import LayerStore
from server.mapview.build import build_map, render_parts
from server.mapview.links import Links
from server.mapview.view import Mode, View
from server.paths import TEMPLATE_DIR

BODY_CLASSES = {
    "atlas": "atlas-page",
    "classroom": "classroom",
    "tour": "classroom tour",
    "compare": "atlas-page compare",
    "classroom_compare": "classroom compare",
}

PAGES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
    autoescape=jinja2.select_autoescape(["html"]),
)
PAGES.filters["in_words"] = in_words


def render_page(name: str, **context: Any) -> str:
    """Render a page template (``atlas.html``, ``error.html``) with our own environment."""
    return PAGES.get_template(name).render(**context)


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
    right_day: date | None = None,
    nonce: str | None = None,
) -> str:
    """Return the HTML of a map page showing ``view`` in ``mode`` (and ``right_day``).

    Its one script carries ``nonce``.
    """
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
        right_day=right_day,
    )
    texts = page_catalogue(view.lang)
    return render_page(
        "atlas.html",
        parts=render_parts(atlas_map),
        view=view,
        right_day=right_day,
        links=links,
        mode=mode,
        body_class=BODY_CLASSES[mode],
        ui=texts["interface"],
        language=texts["language"],
        languages=[(code, catalogue(code)["language"]["name"]) for code in LANGUAGES],
        data_twin=links.export("atlas", "geojson", True).replace("{date}", view.day.isoformat()),
        nonce=nonce,
    )

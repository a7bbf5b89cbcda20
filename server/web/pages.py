"""Blueprint of the HTML pages (the map) and the files they load (data scripts, Leaflet)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from flask import Blueprint, current_app, request, send_from_directory

from server.core.errors import FeatureNotFound
from server.core.formats import JAVASCRIPT, quote
from server.core.i18n import language_of
from server.mapview.about import render_about_page
from server.mapview.compare import compare_days
from server.mapview.data import DATA_SCRIPTS, data_script_bytes, windows_of
from server.mapview.render import render_map_page
from server.mapview.view import view_from_query
from server.paths import LEAFLET_DIR, SWAGGER_UI_DIR
from server.web import api, caching, security
from server.web.links import served_links
from server.web.negotiation import root_wants_json
from server.web.state import get_store

bp = Blueprint("views", __name__)


@bp.get("/")
def atlas_page():
    """Show the atlas map at the date and layers the URL names (JSON clients: the landing)."""
    if root_wants_json(request):
        return api.landing()
    landing = api.landing_html_if_asked()
    if landing is not None:
        return landing
    return _map_page("atlas")


@bp.get("/about")
def about_page():
    """Say what the atlas is: its layers, how it writes dates, its sources and licences."""
    lang = language_of(request.args.get("lang"))
    return caching.cached_page(
        ("about", lang, request.url_root),
        lambda: render_about_page(
            get_store(), lang, served_links(), Path(current_app.config["GEODATA_DIR"])
        ),
    )


@bp.get("/classroom")
def classroom_page():
    """Show the same map for projection: large type, high contrast, keyboard control."""
    return _map_page("classroom")


@bp.get("/tour")
def tour_page():
    """Start the guided tour at its first step."""
    return tour_step_page(1)


@bp.get("/tour/<int:step>")
def tour_step_page(step: int):
    """Show one step of the guided tour through the key dates (steps count from 1)."""
    return _map_page("tour", tour_step=step)


@bp.get("/compare")
def compare_page():
    """Show the same place at two dates, ``?left=1812-06-01&right=1829-06-01``, with a divider."""
    return _compare_page("compare")


@bp.get("/classroom/compare")
def classroom_compare_page():
    """Show the comparison in the classroom's large type and high-contrast palette."""
    return _compare_page("classroom_compare")


def _compare_page(mode: str) -> str:
    store = get_store()
    left, right = compare_days(store, request.args)
    others = {key: value for key, value in request.args.items() if key != "date"}
    view = replace(view_from_query(store, others), day=left, precision="day")
    return _rendered(store, view, mode, right_day=right)


def _map_page(mode: str, tour_step: int | None = None) -> str:
    store = get_store()
    return _rendered(store, view_from_query(store, request.args), mode, tour_step=tour_step)


def _rendered(store, view, mode: str, **page: Any) -> str:
    """Render a map page, or reuse an earlier rendering of the same view.

    Pages hold nothing personal; each response gets its own CSP nonce.
    """
    segments = caching.cached_page(
        (mode, view, tuple(sorted(page.items())), request.url_root),
        lambda: security.nonce_slots(
            lambda nonce: render_map_page(
                store, view, served_links(), current_app.config, mode=mode, nonce=nonce, **page
            )
        ),
    )
    return security.with_fresh_nonce(segments)


@bp.get("/data/<name>.js")
def data_script(name: str):
    """Serve the page's data, loaded once per page: the layers, the basemap, or their prose."""
    if name not in DATA_SCRIPTS:
        raise FeatureNotFound(f"no data script {quote(name)}; they are {', '.join(DATA_SCRIPTS)}")
    windows = windows_of(current_app.config)
    return caching.cached_answer(
        ("data", name), lambda: (data_script_bytes(get_store(), name, windows), JAVASCRIPT, {})
    )


@bp.get("/vendor/<any(leaflet, swaggerui):package>/<path:filename>")
def vendor(package: str, filename: str):
    """Third-party browser assets, served from their pip packages (never from a CDN)."""
    directories = {"leaflet": LEAFLET_DIR, "swaggerui": SWAGGER_UI_DIR}
    return send_from_directory(directories[package], filename, max_age=86400)

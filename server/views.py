"""Blueprint of the HTML pages (the map) and the files they load (data scripts, Leaflet)."""

from __future__ import annotations

import xstatic.pkg.leaflet
from flask import Blueprint, current_app, render_template, request, send_from_directory, url_for

from server import responses
from server.maps import Assets, build_map, render_parts, view_from_query
from server.pagedata import as_script, atlas_data
from server.store import get_store

bp = Blueprint("views", __name__)
LEAFLET_DIR = xstatic.pkg.leaflet.BASE_DIR


def served_assets() -> Assets:
    """Return the URLs of the page's files when the atlas is served by this app."""
    return Assets(
        static=lambda path: url_for("static", filename=path),
        vendor=lambda path: url_for(
            "views.vendor", package=path.split("/")[0], filename=path.split("/", 1)[1]
        ),
        data=(
            url_for("views.data_script", name="basemap"),
            url_for("views.data_script", name="atlas"),
        ),
    )


@bp.get("/")
def atlas_page():
    """Show the atlas map at the date and layers the URL names."""
    store = get_store()
    view = view_from_query(store, request.args)
    config = current_app.config
    atlas_map = build_map(
        store, view, served_assets(), center=config["MAP_CENTER"], zoom=config["MAP_ZOOM"]
    )
    return render_template(
        "atlas.html", parts=render_parts(atlas_map), view=view, body_class="atlas-page"
    )


@bp.get("/data/<any(atlas, basemap):name>.js")
def data_script(name: str):
    """Serve the page's data, loaded once per page: every layer, or the basemap."""
    cache = current_app.extensions.setdefault("atlas_scripts", {})
    if name not in cache:
        store = get_store()
        script = (
            as_script("ATLAS_DATA", atlas_data(store))
            if name == "atlas"
            else as_script("ATLAS_BASEMAP", store.basemap)
        )
        cache[name] = script.encode()
    return responses.cached_bytes(cache[name], "text/javascript")


@bp.get("/vendor/<any(leaflet):package>/<path:filename>")
def vendor(package: str, filename: str):
    """Third-party browser assets, served from their pip packages (never from a CDN)."""
    directories = {"leaflet": LEAFLET_DIR}
    return send_from_directory(directories[package], filename, max_age=86400)

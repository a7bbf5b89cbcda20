"""Our static files and Leaflet at versioned URLs, so browsers keep them for a year.

Pages link ``/static/<version>/js/atlas-map.js``, where the version is a hash of the whole
folder's names and bytes, computed once at start. A file can then be cached as ``immutable``:
any change to any file makes a new version and new URLs, so no browser ever runs yesterday's
JavaScript with today's page. One version per folder (not per file) keeps relative references
inside CSS (Leaflet's ``images/``) working. Answers go through the fast path like any other
(compressed once, then replayed from memory). A request for an older version still gets the
current file, with the ordinary short cache lifetime, so a page cached before an upgrade keeps
working. The unversioned ``/static/...`` and ``/vendor/...`` URLs stay for other clients.

One file is not on disk: the map page's script, ``js/atlas-map.js``, is its sources joined once
at start (``server/mapview/scripts.py``), served at both addresses like the others.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from flask import Blueprint, Flask, Response, current_app, request, send_from_directory, url_for
from werkzeug.routing import BaseConverter

from server.mapview.scripts import PAGE_SCRIPT, page_script
from server.paths import LEAFLET_DIR, STATIC_DIR

bp = Blueprint("assets", __name__)
YEAR = 365 * 24 * 3600
VERSIONS_KEY = "atlas_asset_versions"
PAGE_SCRIPT_KEY = "atlas_page_script"
FOLDERS = {"static": STATIC_DIR, "leaflet": LEAFLET_DIR}


class VersionConverter(BaseConverter):
    """A version in a URL: exactly 12 hex digits, so ``/static/js/x.js`` stays unversioned."""

    regex = "[0-9a-f]{12}"


def init_app(app: Flask) -> None:
    """Hash each asset folder once and register the versioned routes."""
    app.extensions[VERSIONS_KEY] = {name: tree_version(path) for name, path in FOLDERS.items()}
    app.extensions[PAGE_SCRIPT_KEY] = page_script()
    app.url_map.converters["version"] = VersionConverter
    app.add_template_global(static_url)
    app.register_blueprint(bp)


def tree_version(folder: Path) -> str:
    """Return a short hash of every file's path and bytes under ``folder``."""
    digest = hashlib.blake2b(digest_size=6)
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def static_url(path: str) -> str:
    """Return the versioned URL of one of our files (for Flask-rendered templates)."""
    return url_for("assets.static_file", version=version_of("static"), filename=path)


def version_of(folder: str) -> str:
    """Return the current version of ``static`` or ``leaflet``."""
    return current_app.extensions[VERSIONS_KEY][folder]


@bp.get("/static/<version:version>/<path:filename>")
def static_file(version: str, filename: str) -> Response:
    """Serve one of our files, cacheable for a year when the version is current."""
    return _versioned("static", version, filename)


@bp.get("/vendor/leaflet/<version:version>/<path:filename>")
def leaflet_file(version: str, filename: str) -> Response:
    """Serve one of Leaflet's files from its pip package, likewise."""
    return _versioned("leaflet", version, filename)


@bp.get("/static/<path:filename>")
def unversioned_static_file(filename: str) -> Response:
    """Serve one of our files at the address without a version, cached for the usual hour."""
    return _send("static", filename)


def _versioned(folder: str, version: str, filename: str) -> Response:
    if version != version_of(folder):
        return _send(folder, filename)
    response = _send(folder, filename, max_age=YEAR)
    response.cache_control.immutable = True
    return response


def _send(folder: str, filename: str, max_age: int | None = None) -> Response:
    """Answer with a file of ``folder``, or with the page script joined at start, not on disk."""
    if folder != "static" or filename != PAGE_SCRIPT:
        return send_from_directory(FOLDERS[folder], filename, max_age=max_age)
    response = Response(current_app.extensions[PAGE_SCRIPT_KEY], mimetype="text/javascript")
    response.cache_control.public = True
    response.cache_control.max_age = max_age or current_app.get_send_file_max_age(filename)
    response.add_etag()
    return response.make_conditional(request)

"""The Iran–Russia Historical Atlas: a Flask app serving curated, time-aware GeoJSON layers.

This file holds the app factory and nothing else. Its imports sit inside ``create_app`` so that
importing ``server.core``, ``server.ogcapi`` or ``server.mapview`` (which run without Flask, as
``tests/test_layering.py`` checks) does not load Flask through the package's ``__init__``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from flask import Flask


def create_app(overrides: Mapping[str, Any] | None = None) -> Flask:
    """Build the atlas app: defaults, then ``ATLAS_*`` environment variables, then ``overrides``.

    The data are loaded and validated once, here.

    Raises ``server.core.errors.DataError`` (naming file, feature and reason) if a layer is
    invalid, so a broken data file stops the server at start instead of at the first request.
    """
    from flask import Flask

    from server import config
    from server.core import i18n
    from server.paths import TEMPLATE_DIR
    from server.web import api, assets, caching, cors, errors, origin, pages, security, state

    # Our files are served by web/assets.py: versioned, and the page script joined from sources.
    app = Flask(__name__, template_folder=str(TEMPLATE_DIR), static_folder=None)
    app.config.from_mapping(config.DEFAULTS)
    app.config.from_prefixed_env("ATLAS")  # e.g. ATLAS_FRAME_ANCESTORS, ATLAS_WEB_TILES_URL
    if overrides:
        app.config.from_mapping(overrides)
    cors.init_app(app)  # first, so it runs last: every answer is readable, errors included
    errors.init_app(app)
    state.init_app(app)
    app.add_template_filter(i18n.in_words, "in_words")
    app.register_blueprint(pages.bp)
    assets.init_app(app)  # /static/<version>/… and /vendor/leaflet/<version>/…, cached a year
    api.init_app(app)  # the OGC API blueprint and each layer's features, serialised once
    caching.init_app(app)  # every cache under CACHE_BYTES, gzip/Brotli, the WSGI fast path
    security.init_app(app)  # after Compress: after_request runs in reverse, so this sees plain HTML
    origin.init_app(app)  # outermost: header sizes, Host checks and BASE_URL, before the fast path
    return app

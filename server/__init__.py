"""The Iran–Russia Historical Atlas: a Flask app serving curated, time-aware GeoJSON layers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask

from server import config, errors, i18n, security, store
from server.fastpath import CachingMiddleware
from server.paths import STATIC_DIR, TEMPLATE_DIR


def create_app(overrides: Mapping[str, Any] | None = None) -> Flask:
    """Build the atlas app: defaults, then ``ATLAS_*`` environment variables, then ``overrides``.

    The data are loaded and validated once, here.

    Raises ``server.errors.DataError`` (naming file, feature and reason) if a layer is invalid,
    so a broken data file stops the server at start instead of at the first request.
    """
    app = Flask(__name__, template_folder=str(TEMPLATE_DIR), static_folder=str(STATIC_DIR))
    app.config.from_mapping(config.DEFAULTS)
    app.config.from_prefixed_env("ATLAS")  # e.g. ATLAS_FRAME_ANCESTORS, ATLAS_WEB_TILES_URL
    if overrides:
        app.config.from_mapping(overrides)
    errors.init_app(app)
    store.init_app(app)

    app.add_template_filter(i18n.in_words, "in_words")

    from server import api, views

    app.register_blueprint(views.bp)
    api.init_app(app)  # the OGC API blueprint, its caches, and gzip/Brotli (Flask-Compress)
    security.init_app(app)  # after Compress: after_request runs in reverse, so this sees plain HTML
    if app.config["RESPONSE_CACHE_BYTES"]:
        app.wsgi_app = CachingMiddleware(app.wsgi_app, app.config["RESPONSE_CACHE_BYTES"])
    return app

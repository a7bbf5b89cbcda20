"""What the app keeps beside its config: the store, loaded and validated once in ``init_app``."""

from __future__ import annotations

from flask import Flask, current_app

from server.core.store import LayerStore

STORE_KEY = "atlas_store"


def init_app(app: Flask) -> None:
    """Load the store from ``GEODATA_DIR`` once and keep it on the app."""
    app.extensions[STORE_KEY] = LayerStore.load(app.config["GEODATA_DIR"])


def get_store() -> LayerStore:
    """Return the current app's store (the one accessor views and the API use)."""
    return current_app.extensions[STORE_KEY]


def store_of(app: Flask) -> LayerStore:
    """Return the store ``init_app`` loaded onto ``app`` (no app context needed)."""
    return app.extensions[STORE_KEY]

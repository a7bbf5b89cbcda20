"""The app factory: defaults, then ``ATLAS_*`` environment variables, then overrides."""

from __future__ import annotations

import pytest

from server import create_app
from server.config import DEFAULTS
from server.core.errors import DataError
from server.web.caching import CACHES_KEY, CachingMiddleware
from server.web.state import STORE_KEY
from tests.paths import FIXTURE_DATA


def test_the_factory_takes_defaults_then_overrides():
    app = create_app({"TESTING": True, "GEODATA_DIR": str(FIXTURE_DATA), "MAX_LIMIT": 5})
    assert app.config["MAX_LIMIT"] == 5
    assert app.config["DEFAULT_LIMIT"] == DEFAULTS["DEFAULT_LIMIT"] == 100
    assert app.testing


def test_environment_variables_come_between_defaults_and_overrides(monkeypatch):
    monkeypatch.setenv("ATLAS_MAX_LIMIT", "7")
    monkeypatch.setenv("ATLAS_FRAME_ANCESTORS", "'none'")
    app = create_app({"GEODATA_DIR": str(FIXTURE_DATA), "MAX_LIMIT": 5})
    assert app.config["MAX_LIMIT"] == 5  # the override wins over the environment
    assert app.config["FRAME_ANCESTORS"] == "'none'"  # the environment wins over the default
    assert create_app({"GEODATA_DIR": str(FIXTURE_DATA)}).config["MAX_LIMIT"] == 7


def test_the_factory_loads_the_data_and_builds_every_cache_once(make_app):
    app = make_app()
    assert {STORE_KEY, CACHES_KEY} <= set(app.extensions)
    assert isinstance(app.wsgi_app.app, CachingMiddleware), "the origin gate comes first"
    assert {"views", "api"} <= set(app.blueprints)


def test_a_cache_budget_of_zero_turns_caching_off(make_app):
    app = make_app(CACHE_BYTES=0)
    assert not isinstance(app.wsgi_app.app, CachingMiddleware)
    client = app.test_client()
    assert client.get("/collections").data == client.get("/collections").data
    assert app.extensions[CACHES_KEY].answers.total == 0


def test_the_factory_refuses_invalid_data(geodata_copy):
    (geodata_copy / "zones.geojson").write_text("{")
    with pytest.raises(DataError, match="zones.geojson: not valid JSON"):
        create_app({"GEODATA_DIR": str(geodata_copy)})

"""A live server for clients that speak HTTP (OWSLib), and helpers shared by the API tests."""

from __future__ import annotations

import pytest

from server import create_app
from tests.live import LiveServer
from tests.paths import FIXTURE_DATA


@pytest.fixture(scope="module")
def fixture_app():
    """The fixture-data app, shared by a module's read-only tests (it is never mutated)."""
    return create_app({"TESTING": True, "GEODATA_DIR": str(FIXTURE_DATA)})


@pytest.fixture(scope="module")
def api_server(fixture_app):
    server = LiveServer(fixture_app)
    yield server
    server.stop()

"""A live server for clients that speak HTTP (OWSLib)."""

from __future__ import annotations

import pytest

from tests.live import LiveServer


@pytest.fixture(scope="module")
def api_server(tiny_app):
    server = LiveServer(tiny_app)
    yield server
    server.stop()

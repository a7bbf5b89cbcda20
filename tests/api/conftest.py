"""A live server for clients that speak HTTP (OWSLib), and helpers shared by the API tests."""

from __future__ import annotations

import inspect
import threading

import pytest
from werkzeug.serving import make_server

from server import api, create_app, views
from tests.conftest import FIXTURE_DATA


class LiveServer:
    """A threaded WSGI server on a free loopback port, serving one app."""

    def __init__(self, app):
        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


def wire_landing(app):
    """Make ``/`` answer the OGC landing JSON, if ``views.atlas_page`` does not do it yet.

    The lead wires ``api.landing_if_json()`` into the map view; until then clients such as
    OWSLib, which read ``/`` first, are tested against this stand-in of the same call.
    """
    if "landing_if_json" not in inspect.getsource(views.atlas_page):
        map_page = app.view_functions["views.atlas_page"]
        app.view_functions["views.atlas_page"] = lambda: api.landing_if_json() or map_page()
    return app


@pytest.fixture(scope="module")
def fixture_app():
    """The fixture-data app, shared by a module's read-only tests (it is never mutated)."""
    return wire_landing(create_app({"TESTING": True, "GEODATA_DIR": str(FIXTURE_DATA)}))


@pytest.fixture(scope="module")
def api_server(fixture_app):
    server = LiveServer(fixture_app)
    yield server
    server.stop()

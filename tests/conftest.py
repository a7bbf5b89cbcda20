"""Fixtures from the app factory: one ``make_app`` and its named variants.

- ``app``/``client``: the tiny hand-made data (``tests/fixtures/geodata``), fresh for each test,
  which may change its config;
- ``tiny_app``/``tiny_client``/``tiny_store``: the same data, shared by a module's read-only tests;
- ``atlas_app``/``atlas_client``/``atlas_store``: the real atlas, loaded once per session;
- ``geodata_copy``: a writable copy of the tiny data, for tests that break it on purpose.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask
from hypothesis import settings

from server import create_app
from server.core.store import LayerStore
from server.mapview.static_site import build_static
from server.web.state import store_of
from tests.paths import FIXTURE_DATA, GEODATA

MakeApp = Callable[..., Flask]

# No deadline for an example: a test is no stopwatch (benchmarks/ measure time), and a busy
# machine made computing an equinox look like a failure.
settings.register_profile("atlas", deadline=None)
settings.load_profile("atlas")


@pytest.fixture(scope="session")
def make_app() -> MakeApp:
    """Return the factory for tests: testing on, the tiny data unless ``GEODATA_DIR`` is given."""

    def make(**overrides) -> Flask:
        return create_app({"TESTING": True, "GEODATA_DIR": str(FIXTURE_DATA), **overrides})

    return make


@pytest.fixture
def app(make_app):
    return make_app()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture(scope="module")
def tiny_app(make_app):
    """The tiny-data app, shared by a module's read-only tests (they never change it)."""
    return make_app()


@pytest.fixture
def tiny_client(tiny_app):
    return tiny_app.test_client()


@pytest.fixture
def tiny_store() -> LayerStore:
    return LayerStore.load(FIXTURE_DATA)


@pytest.fixture(scope="session")
def atlas_store() -> LayerStore:
    """The real atlas, loaded once: read-only, so sharing it across tests is safe."""
    return LayerStore.load(GEODATA)


@pytest.fixture(scope="session")
def atlas_app(make_app):
    return make_app(GEODATA_DIR=str(GEODATA))


@pytest.fixture
def atlas_client(atlas_app):
    return atlas_app.test_client()


@pytest.fixture
def geodata_copy(tmp_path) -> Path:
    """A writable copy of the fixture data, for tests that break it on purpose."""
    target = tmp_path / "geodata"
    shutil.copytree(FIXTURE_DATA, target)
    return target


@pytest.fixture(scope="session")
def built(tmp_path_factory, atlas_app) -> Path:
    """The static build of the real atlas, made once for every test that reads or opens it."""
    target = tmp_path_factory.mktemp("site")
    build_static(store_of(atlas_app), atlas_app.config, target)
    return target

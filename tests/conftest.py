"""Fixtures from the app factory, with tiny hand-made data, and the real atlas where needed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from server import create_app
from server.core.store import LayerStore
from tests.paths import FIXTURE_DATA, GEODATA


@pytest.fixture
def app():
    return create_app({"TESTING": True, "GEODATA_DIR": str(FIXTURE_DATA)})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def fixture_store() -> LayerStore:
    return LayerStore.load(FIXTURE_DATA)


@pytest.fixture(scope="session")
def atlas_store() -> LayerStore:
    """The real atlas, loaded once: read-only, so sharing it across tests is safe."""
    return LayerStore.load(GEODATA)


@pytest.fixture(scope="session")
def atlas_app():
    return create_app({"TESTING": True})


@pytest.fixture
def atlas_client(atlas_app):
    return atlas_app.test_client()


@pytest.fixture
def geodata_copy(tmp_path) -> Path:
    """A writable copy of the fixture data, for tests that break it on purpose."""
    target = tmp_path / "geodata"
    shutil.copytree(FIXTURE_DATA, target)
    return target

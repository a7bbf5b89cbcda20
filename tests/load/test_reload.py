"""`atlas serve --reload` starts a fresh worker when the data change, and serves the new data."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.live import fetch, wait_for
from tests.load.serving import atlas_serve
from tests.load.test_load import workers_of
from tests.paths import FIXTURE_DATA

pytestmark = pytest.mark.load


def spawned_workers(master: int) -> set[int]:
    """The reloader's workers (spawned interpreters), not multiprocessing's resource tracker."""
    return {
        pid
        for pid in workers_of(master)
        if b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()
    }


def test_a_changed_layer_is_served_after_the_reload(tmp_path):
    data = shutil.copytree(FIXTURE_DATA, tmp_path / "data")
    with atlas_serve("--reload", "--geodata", str(data)) as (pid, port):
        first = spawned_workers(pid)
        catalog = json.loads((data / "catalog.json").read_text())
        catalog["layers"][0]["title"] = "Renamed zones"
        (data / "catalog.json").write_text(json.dumps(catalog))

        def renamed() -> bool:
            try:
                status, body = fetch(port, "/collections/zones", timeout=2)
            except OSError:
                return False
            return status == 200 and b"Renamed zones" in body

        assert wait_for(renamed, 30)
        assert spawned_workers(pid) and not spawned_workers(pid) & first

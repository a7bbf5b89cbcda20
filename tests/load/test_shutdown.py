"""SIGTERM drains `atlas serve`: requests already being answered finish, then it exits."""

from __future__ import annotations

import os
import signal
import threading
import time

import pytest

from tests.live import fetch, wait_for
from tests.load.serving import atlas_serve

pytestmark = pytest.mark.load


def test_sigterm_lets_requests_in_flight_finish():
    with atlas_serve("--workers", "2") as (pid, port):
        results: list[int | str] = []

        def export(year: int) -> None:  # a GeoPackage at a new date: built, not replayed
            try:
                results.append(fetch(port, f"/export/cessions.gpkg?date={year}", timeout=30)[0])
            except OSError as error:
                results.append(repr(error))

        threads = [threading.Thread(target=export, args=(1810 + n,)) for n in range(8)]
        for thread in threads:
            thread.start()
        time.sleep(0.05)
        os.kill(pid, signal.SIGTERM)
        for thread in threads:
            thread.join(timeout=40)
        assert results == [200] * 8
        assert wait_for(lambda: not os.path.exists(f"/proc/{pid}/status") or _zombie(pid), 20)


def _zombie(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/status") as status:
            return any(line.startswith("State:\tZ") for line in status)
    except OSError:
        return True

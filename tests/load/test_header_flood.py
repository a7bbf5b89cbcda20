"""Unique, large negotiation headers cannot grow a worker's memory (reliability review, D3).

Each request sends a new 7 KB Accept and 7 KB Accept-Encoding to /conformance, as the review's
`keyflood.py` did (which grew a worker by 14 KB per request, without limit). A fixed number of
requests from 8 threads to a one-worker `atlas serve` on 127.0.0.1; a few seconds.
"""

from __future__ import annotations

import http.client
import threading

import pytest

from tests.load.serving import atlas_serve
from tests.load.test_load import rss_mb, workers_of

pytestmark = pytest.mark.load

THREADS = 8
REQUESTS = 3_000  # 42 MB of unique header text in all
PADDING = 7_000


def flood(port: int, thread: int, statuses: list[int]) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        for n in range(REQUESTS // THREADS):
            unique = f"{thread}-{n}"
            connection.request(
                "GET",
                "/conformance",
                headers={
                    "Accept": f"application/json, x/{unique};q=0.1{'x' * PADDING}",
                    "Accept-Encoding": f"identity, x-{unique}{'y' * PADDING}",
                },
            )
            response = connection.getresponse()
            response.read()
            statuses.append(response.status)
    finally:
        connection.close()


def test_a_flood_of_unique_accept_headers_keeps_worker_memory_flat():
    with atlas_serve("--workers", "1") as (pid, port):
        (worker,) = workers_of(pid)
        statuses: list[int] = []
        flood(port, -1, statuses)  # warm up: first answers, allocator arenas
        before = rss_mb(worker)
        threads = [threading.Thread(target=flood, args=(port, i, statuses)) for i in range(THREADS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        after = rss_mb(worker)
    assert statuses.count(200) >= REQUESTS, set(statuses)
    print(f"worker RSS {before:.1f} -> {after:.1f} MB after {len(statuses)} requests")
    assert after - before < 15, f"worker RSS {before:.0f} -> {after:.0f} MB"

"""Start-up time of `atlas serve` (process start to first answer) and memory per worker.

    .venv/bin/python benchmarks/startup.py [--runs 3] [--workers N] [--servers granian gunicorn]

Each run starts `atlas serve` on a free loopback port, polls /conformance until it answers, then
reads VmRSS of the master and of each worker from /proc (workers are forked after the data is
loaded, so much of their memory is shared copy-on-write with the master; RSS counts it in each).
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
import urllib.request
from datetime import UTC, datetime

import live


def one_run(
    workers: int, server: str
) -> tuple[float, float, list[float], list[float], list[float]]:
    """Return seconds to first answer, master RSS, worker RSS before and after load, and PSS."""
    port = live.free_port()
    process = live.start_atlas(port, workers, server=server)
    try:
        seconds = live.wait_until_answered(f"http://127.0.0.1:{port}/conformance", process)
        deadline = time.monotonic() + 10
        while len(live.children(process.pid)) < workers and time.monotonic() < deadline:
            time.sleep(0.05)
        pids = live.children(process.pid)
        idle = [live.rss_mb(pid) for pid in pids]
        for path in (
            ["/", "/data/atlas.js", "/collections/cessions/items?limit=10000"] * workers * 4
        ):
            urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30).read()
        busy = [live.rss_mb(pid) for pid in pids]
        shared = [live.pss_mb(pid) for pid in pids]
        return seconds, live.rss_mb(process.pid), idle, busy, shared
    finally:
        live.stop(process)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=live.default_workers())
    parser.add_argument("--servers", nargs="+", default=["granian", "gunicorn"])
    args = parser.parse_args()
    for server in args.servers:
        report(server, args.workers, [one_run(args.workers, server) for _ in range(args.runs)])


def report(server: str, workers: int, runs: list) -> None:
    stamp = f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC"
    print(f"startup benchmark, {server}, {os.cpu_count()} cores, {stamp}, {workers} workers")
    rows = {
        "process start to first answer, median s": statistics.median(r[0] for r in runs),
        "process start to first answer, max s": max(r[0] for r in runs),
        "master RSS MB": statistics.median(r[1] for r in runs),
        "worker RSS after start, median MB": statistics.median(x for r in runs for x in r[2]),
        "worker RSS after serving every view, max MB": max(x for r in runs for x in r[3]),
        "worker PSS after serving every view, max MB": max(x for r in runs for x in r[4]),
    }
    width = max(map(len, rows))
    for name, value in rows.items():
        print(f"{name:<{width}}  {value:8.2f}")


if __name__ == "__main__":
    main()

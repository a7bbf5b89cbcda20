"""Hostile clients against `atlas serve`: slow connections, and a flood of unique headers.

    .venv/bin/python benchmarks/hostile.py [--flood-seconds 10] [--servers granian gunicorn]

For each server, `atlas serve --workers 2` on a free 127.0.0.1 port:

- slow clients: while 8 connections hold half-sent requests, then 200 and 1,000 connections
  sit idle, a probe asks for /conformance once a second; its latencies are printed (a probe
  not answered within 10 s counts as a timeout). Then whether the server closed the held
  connections (granian does after its header-read timeout; gunicorn has none);
- header flood: 8 threads send /conformance with a unique 7 KB Accept and 7 KB Accept-Encoding
  each (the reliability review's `keyflood.py`), for a fixed time; worker RSS before and after.

Every load is bounded in time and requests and goes to 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import http.client
import os
import statistics
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import live

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.load.serving import closed_by_server, hold_connections  # noqa: E402

PROBE = "/conformance"
HALF = b"GET / HTTP/1.1\r\nHost: x\r\n"
SCENARIOS = [("8 half-sent requests", 8, HALF), ("200 idle", 200, b""), ("1000 idle", 1000, b"")]
PROBES = 5
PADDING = 7_000


def probe(port: int) -> float | None:
    """Seconds to answer one probe, or None if it was not answered within 10 s."""
    started = time.monotonic()
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("GET", PROBE)
        connection.getresponse().read()
        connection.close()
    except OSError:
        return None
    return time.monotonic() - started


def slow_clients(port: int) -> list[str]:
    lines = []
    for name, count, send in SCENARIOS:
        held = hold_connections(port, count, send)
        try:
            latencies = []
            for _ in range(PROBES):
                latencies.append(probe(port))
                time.sleep(1)
            gone = sum(closed_by_server(connection) for connection in held)
        finally:
            for connection in held:
                connection.close()
        answered = [seconds * 1000 for seconds in latencies if seconds is not None]
        timeouts = len(latencies) - len(answered)
        shown = ", ".join(f"{ms:.0f}" if ms < 10_000 else "timeout" for ms in answered)
        median = f"{statistics.median(answered):.0f}" if answered else "-"
        worst = f"{max(answered):.0f}" if answered else "-"
        lines.append(
            f"  {name:22} probe ms: median {median:>6}, max {worst:>6}, "
            f"timeouts {timeouts}/{PROBES}  [{shown}]; closed by server after "
            f"{PROBES} s: {gone}/{count}"
        )
        time.sleep(1)
    return lines


def flood(port: int, seconds: float) -> tuple[int, int]:
    """Send unique large headers from 8 threads for ``seconds``; return (answers, errors)."""
    deadline = time.monotonic() + seconds
    counts = {"ok": 0, "errors": 0}
    lock = threading.Lock()

    def run(thread: int) -> None:
        n = 0
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        while time.monotonic() < deadline:
            n += 1
            headers = {
                "Accept": f"application/json, x/{thread}-{n};q=0.1{'x' * PADDING}",
                "Accept-Encoding": f"identity, x-{thread}-{n}{'y' * PADDING}",
            }
            try:
                connection.request("GET", PROBE, headers=headers)
                ok = connection.getresponse().read() and True
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                ok = False
            with lock:
                counts["ok" if ok else "errors"] += 1
        connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + 30)
    return counts["ok"], counts["errors"]


def one_server(server: str, flood_seconds: float) -> None:
    port = live.free_port()
    process = live.start_atlas(port, 2, server=server)
    try:
        live.wait_until_answered(f"http://127.0.0.1:{port}{PROBE}", process)
        deadline = time.monotonic() + 30
        while len(live.children(process.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        print(f"{server}, 2 workers:")
        for line in slow_clients(port):
            print(line)
        workers = live.children(process.pid)
        before = [live.rss_mb(pid) for pid in workers]
        answers, errors = flood(port, flood_seconds)
        after = [live.rss_mb(pid) for pid in workers]
        rss = ", ".join(f"{b:.0f} -> {a:.0f}" for b, a in zip(before, after, strict=True))
        print(
            f"  header flood: {answers:,} answers ({answers / flood_seconds:.0f}/s), "
            f"{errors} errors in {flood_seconds:.0f} s; worker RSS MB {rss}"
        )
    finally:
        live.stop(process)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--flood-seconds", type=float, default=10)
    parser.add_argument("--servers", nargs="+", default=["granian", "gunicorn"])
    args = parser.parse_args()
    print(
        f"hostile clients, {os.cpu_count()} cores, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, "
        f"load average before {os.getloadavg()[0]:.1f}"
    )
    for server in args.servers:
        one_server(server, args.flood_seconds)


if __name__ == "__main__":
    main()

"""A classroom's worth of load: 64 connections for 30 s over a mix of URLs, then a worker killed.

    .venv/bin/python benchmarks/soak.py [--seconds 30] [--connections 64]

Starts `atlas serve` with the default worker count on a free 127.0.0.1 port and drives it with
wrk (Debian) cycling through the map page, items at a date, a data script and two exports.
Reports requests, errors and non-2xx/304 answers, and each worker's RSS before and after; then
kills one worker during a second, shorter load and checks gunicorn replaces it. Every load is
bounded in time and sent only to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import subprocess
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import live

PATHS = [
    "/?date=1828-02-22&layers=cessions,consulates",
    "/collections/cessions/items?datetime=1828-03-01",
    "/data/atlas.js",
    "/export/consulates.csv",
    "/collections/consulates/items?datetime=1910-01-01&sending_country=Russia",
    "/export/spheres_1907.geojson?date=1910-01-01",
]
MIX = """
paths = {%s}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
"""


def start_wrk(port: int, seconds: int, connections: int, script: Path) -> subprocess.Popen:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "-s", str(script)]
    return subprocess.Popen(
        [*command, f"http://127.0.0.1:{port}"], stdout=subprocess.PIPE, text=True
    )


def wrk_result(load: subprocess.Popen, seconds: int) -> dict[str, int]:
    out = load.communicate(timeout=seconds + 60)[0]
    numbers = {
        "requests": r"(\d+) requests in",
        "non_2xx_3xx": r"Non-2xx or 3xx responses: (\d+)",
        "socket_errors": r"Socket errors: connect (\d+)",
        "read_errors": r"read (\d+)",
        "timeouts": r"timeout (\d+)",
    }
    return {
        name: int(m.group(1)) if (m := re.search(pattern, out)) else 0
        for name, pattern in numbers.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--connections", type=int, default=64)
    args = parser.parse_args()
    workers, port = live.default_workers(), live.free_port()
    process = live.start_atlas(port, workers)
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "mix.lua"
        script.write_text(MIX % ", ".join(f'"{path}"' for path in PATHS))
        try:
            live.wait_until_answered(f"http://127.0.0.1:{port}/conformance", process)
            deadline = time.monotonic() + 30
            while len(live.children(process.pid)) < workers and time.monotonic() < deadline:
                time.sleep(0.1)  # workers fork one by one after the first answers
            pids = live.children(process.pid)
            before = {pid: live.rss_mb(pid) for pid in pids}
            soak = wrk_result(start_wrk(port, args.seconds, args.connections, script), args.seconds)
            after = {pid: live.rss_mb(pid) for pid in pids}
            victim = pids[0]
            second = start_wrk(port, 8, args.connections, script)
            time.sleep(3)  # kill a worker three seconds into the second load
            os.kill(victim, signal.SIGKILL)
            during = wrk_result(second, 8)
            replaced = sorted(set(live.children(process.pid)) - set(pids))
        finally:
            live.stop(process)
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    print(
        f"soak benchmark, {os.cpu_count()} cores, {stamp}, {workers} workers, "
        f"{args.connections} connections, {args.seconds} s, {len(PATHS)} URLs in turn"
    )
    print(
        f"requests {soak['requests']}, non-2xx/304 {soak['non_2xx_3xx']}, socket errors "
        f"{soak['socket_errors'] + soak['read_errors'] + soak['timeouts']}"
    )
    for pid in pids:
        print(f"worker {pid}: RSS {before[pid]:.1f} MB before, {after[pid]:.1f} MB after")
    print(
        f"killed worker {victim} mid-load; replaced by {replaced}; "
        f"during that load: requests {during['requests']}, non-2xx/304 {during['non_2xx_3xx']}, "
        f"socket errors {during['socket_errors'] + during['read_errors'] + during['timeouts']}"
    )


if __name__ == "__main__":
    main()

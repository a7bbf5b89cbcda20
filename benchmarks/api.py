"""API throughput of the atlas on granian and on gunicorn, against pygeoapi and nginx.

    .venv/bin/python benchmarks/api.py [--seconds 8] [--connections 64] [--rounds 3]

In one run, with the same worker count each: `atlas serve` (granian, the default), `atlas serve
--server gunicorn`, pygeoapi (its own virtualenv from PyPI under ~/.cache/atlas-bench, its
GeoJSON provider on geodata/cessions.geojson, under gunicorn) and nginx serving our exact answer
bytes as a static file (the physical limit). Each is checked to serve the same features, then
timed with Debian's wrk on 127.0.0.1. Targets (issue 14): items at a date at least 0.5x nginx
and 100x pygeoapi. Needs `wrk` and `nginx` from Debian (installed here when run as root);
without wrk a bounded Python load runs.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

import live

CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "atlas-bench"
VENV = CACHE / "pygeoapi-venv"
CESSIONS = live.ROOT / "geodata" / "cessions.geojson"
AT_DATE = "/collections/cessions/items?datetime=1828-03-01"
WHOLE = "/collections/cessions/items?limit=10000"
HOME = "http://127.0.0.1/"


def ensure_pygeoapi() -> Path:
    """Create pygeoapi's own virtualenv (never the project's) on first use; return its bin/."""
    if not (VENV / "bin" / "pygeoapi").exists():
        print(f"installing pygeoapi and gunicorn from PyPI into {VENV} ...")
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(VENV)], check=True)
        pip = [str(VENV / "bin" / "pip"), "install", "--quiet", "pygeoapi", "gunicorn"]
        subprocess.run(pip, check=True)
    return VENV / "bin"


def pygeoapi_config(port: int, files: dict[str, Path]) -> dict:
    collection = lambda name, path: {  # noqa: E731
        "type": "collection",
        "title": name,
        "description": name,
        "keywords": ["atlas"],
        "extents": {"spatial": {"bbox": [-180, -90, 180, 90]}},
        "providers": [{"type": "feature", "name": "GeoJSON", "data": str(path), "id_field": "id"}],
    }
    return {
        "server": {
            "bind": {"host": "127.0.0.1", "port": port},
            "url": f"http://127.0.0.1:{port}",
            "mimetype": "application/json; charset=UTF-8",
            "encoding": "utf-8",
            "languages": ["en-US"],
            "map": {"url": HOME, "attribution": "none"},
            "limits": {"default_items": 100, "max_items": 10000},
        },
        "logging": {"level": "ERROR"},
        "metadata": {
            "identification": dict(title="b", description="b", keywords=["b"], url=HOME)
            | {"terms_of_service": "none"},  # pygeoapi's OpenAPI generator needs all of these
            "license": {"name": "MIT", "url": HOME},
            "provider": {"name": "b", "url": HOME},
            "contact": {"name": "b"},
        },
        "resources": {name: collection(name, path) for name, path in files.items()},
    }


def start_pygeoapi(bin_dir: Path, port: int, workers: int, files: dict, tmp: Path):
    config, openapi = tmp / "pygeoapi.yml", tmp / "openapi.yml"
    config.write_text(json.dumps(pygeoapi_config(port, files), indent=1))  # JSON is YAML
    env = {**os.environ, "PYGEOAPI_CONFIG": str(config), "PYGEOAPI_OPENAPI": str(openapi)}
    generate = [str(bin_dir / "pygeoapi"), "openapi", "generate", str(config)]
    subprocess.run([*generate, "--output-file", str(openapi)], check=True, env=env)
    command = [str(bin_dir / "gunicorn"), "-w", str(workers), "-b", f"127.0.0.1:{port}"]
    return subprocess.Popen(
        [*command, "pygeoapi.flask_app:APP"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def get(port: int, path: str) -> bytes:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as response:
        return response.read()


def features_of(body: bytes) -> dict[str, dict]:
    return {f["id"]: f["properties"] for f in json.loads(body)["features"]}


def serves(theirs: dict[str, dict], ours: dict[str, dict]) -> bool:
    """The same features, each with its file's properties as we serve them (we add the dates'
    ``start_day``/``end_day``, which a file-based server cannot know)."""
    return theirs.keys() == ours.keys() and all(theirs[i].items() <= ours[i].items() for i in ours)


def wrk(port: int, path: str, seconds: int, connections: int) -> dict:
    if not shutil.which("wrk"):
        return live.python_load(port, path, seconds, connections)
    url = f"http://127.0.0.1:{port}{path}"
    options = ["-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "30s"]
    command = ["wrk", *options, url]
    out = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 30).stdout
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}
    latency = {
        q: float(v) * scale[u] for q, v, u in re.findall(r"(\d+)%\s+([\d.]+)(us|ms|s|m)", out)
    }
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": latency["50"],
        "p99": latency["99"],
        "errors": int(bad.group(1)) if bad else 0,
        "socket": socket_errors.group(1) if socket_errors else "",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--rounds", type=int, default=3, help="runs per row; the best is kept")
    args = parser.parse_args()
    live.ensure_debian_tools({"wrk": "wrk", "nginx": "nginx-light"})
    bin_dir, workers = ensure_pygeoapi(), live.default_workers()
    tmp = Path(tempfile.mkdtemp(prefix="atlas-bench-"))
    names = ("atlas", "gunicorn", "pygeoapi", "nginx")
    ports = {name: live.free_port() for name in names}
    processes = [
        live.start_atlas(ports["atlas"], workers),
        live.start_atlas(ports["gunicorn"], workers, server="gunicorn"),
    ]
    try:
        for name, process in zip(("atlas", "gunicorn"), processes, strict=True):
            live.wait_until_answered(f"http://127.0.0.1:{ports[name]}/conformance", process)
        ours = {AT_DATE: get(ports["atlas"], AT_DATE), WHOLE: get(ports["atlas"], WHOLE)}
        at_date = tmp / "cessions_1828.geojson"  # pygeoapi cannot filter by date: pre-filter
        at_date.write_text(json.dumps({"type": "FeatureCollection", **json.loads(ours[AT_DATE])}))
        files = {"cessions": CESSIONS, "cessions_1828": at_date}
        processes.append(start_pygeoapi(bin_dir, ports["pygeoapi"], workers, files, tmp))
        url = f"http://127.0.0.1:{ports['pygeoapi']}/conformance"
        live.wait_until_answered(url, processes[-1], timeout=120)
        if shutil.which("nginx"):
            bodies = {"a.json": ours[AT_DATE], "b.json": ours[WHOLE]}
            serving = "default_type application/geo+json;"
            processes.append(live.start_nginx(ports["nginx"], tmp, bodies, serving))
            live.wait_until_answered(f"http://127.0.0.1:{ports['nginx']}/b.json", processes[-1])
        else:
            del ports["nginx"]
        print_header(args, workers)
        settle = lambda: [live.wait_idle(p.pid) for p in processes]  # noqa: E731
        for title, rows in cases(ports).items():
            print_case(title, time_case(rows, features_of(ours[title[4:]]), args, settle))
        print(FOOTNOTE)
        print(TARGETS)
    finally:
        for process in reversed(processes):
            live.stop(process)
        shutil.rmtree(tmp, ignore_errors=True)


def cases(ports: dict[str, int]) -> dict[str, list[tuple[str, int | None, str]]]:
    """The URLs to time, per case: ours, pygeoapi's equivalent, nginx's copy of our bytes."""
    py, nginx, gunicorn = ports["pygeoapi"], ports.get("nginx"), ports["gunicorn"]
    return {
        "(a) " + AT_DATE: [
            ("atlas, granian", ports["atlas"], AT_DATE),
            ("atlas, gunicorn", gunicorn, AT_DATE),
            ("pygeoapi, pre-filtered", py, "/collections/cessions_1828/items?limit=100"),
            ("pygeoapi, whole layer*", py, "/collections/cessions/items?limit=100"),
            ("nginx, static bytes", nginx, "/a.json"),
        ],
        "(b) " + WHOLE: [
            ("atlas, granian", ports["atlas"], WHOLE),
            ("atlas, gunicorn", gunicorn, WHOLE),
            ("pygeoapi", py, WHOLE),
            ("nginx, static bytes", nginx, "/b.json"),
        ],
    }


def time_case(rows: list, want: dict, args: argparse.Namespace, settle) -> dict:
    """Check each server answers our features (rows marked * are exempt), then time it.

    Rows are timed in turn, ``--rounds`` times, and each keeps its best round: on a shared
    machine other work only ever slows a run down. ``settle`` waits until every server is idle,
    since a slow one keeps working through the requests queued when wrk stopped.
    """
    rows = [row for row in rows if row[1] is not None]
    for name, port, path in rows:
        if not serves(features_of(get(port, path)), want) and not name.endswith("*"):
            raise SystemExit(f"{name} {path}: features differ from ours; not timing it")
        wrk(port, path, 2, args.connections)  # warm every worker's caches
    results: dict[str, tuple[str, dict]] = {}
    for _ in range(args.rounds):
        for name, port, path in rows:
            settle()
            run = wrk(port, path, args.seconds, args.connections)
            if name not in results or run["rps"] > results[name][1]["rps"]:
                results[name] = (path, run)
    return results


ROW = "  {:22} {:46} {:>8} {:>8} {:>8} {:>10} {:>8}  {}"
FOOTNOTE = (
    "* pygeoapi's GeoJSON provider ignores datetime: that row is the whole layer at the same\n"
    "  limit; the pre-filtered row serves exactly our features, and the ratios use it."
)
TARGETS = "targets (issue 14): atlas, granian, case (a): >= 0.5 x nginx and >= 100 x pygeoapi"


def print_header(args: argparse.Namespace, workers: int) -> None:
    tool = "wrk" if shutil.which("wrk") else "a Python load generator"
    print(
        f"API throughput, {os.cpu_count()} cores, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, "
        f"{workers} workers each, {tool}, best of {args.rounds} x {args.seconds} s, "
        f"{args.connections} connections, load average before {os.getloadavg()[0]:.1f}"
    )
    print(ROW.format("server", "URL", "req/s", "p50 ms", "p99 ms", "x pygeoapi", "x nginx", ""))


def print_case(title: str, results: dict[str, tuple[str, dict]]) -> None:
    anchor = next(r for name, (_, r) in results.items() if name.startswith("pygeoapi"))
    limit = results.get("nginx, static bytes", ("", {"rps": float("nan")}))[1]
    print(title)
    for name, (path, r) in results.items():
        vs_py, vs_nginx = r["rps"] / (anchor["rps"] or 1e-9), r["rps"] / limit["rps"]
        notes = f"errors {r['errors']} {r.get('socket', '')}".strip() if r["errors"] else ""
        notes = notes or (f"socket errors: {r['socket']}" if r.get("socket") else "")
        values = f"{r['rps']:.0f}", f"{r['p50']:.2f}", f"{r['p99']:.2f}"
        print(ROW.format(name, path, *values, f"{vs_py:.1f}", f"{vs_nginx:.2f}", notes))


if __name__ == "__main__":
    main()

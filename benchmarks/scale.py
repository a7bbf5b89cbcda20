"""The atlas at 20 times its size: API latency, page weight and slider repaint, beside the real one.

    .venv/bin/python benchmarks/scale.py [--copies 20] [--requests 400]

Builds a synthetic atlas in a temporary folder (never committed): every layer's features copied
``--copies`` times with new ids and chains, dates moved back a few days and shapes moved east a
little, so it still passes `atlas validate`. Then, for the real atlas and the synthetic one, it
times items-at-a-date in-process (each request a new date, so nothing is answered from cache),
weighs the first page and drives headless Chromium over 200 slider steps with every layer on.
"""

from __future__ import annotations

import argparse
import json
import logging
import shutil
import statistics
import subprocess
import tempfile
import threading
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import live
from page import DRAWN, measure_browser, page_weight, percentile
from werkzeug.serving import make_server

from server import create_app
from server.core.dates import parse_date

GEODATA = live.ROOT / "geodata"
STEP_DEGREES = 0.002


def day_text(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}-{day.day:02d}"


def shifted_dates(props: dict, days: int) -> dict:
    """Move a feature's span back ``days`` days, written out in full (chains stay contiguous)."""
    # Their EDTF forms (ranges, "~", open ends) are dropped: they are optional, and the plain
    # dates, which must fall inside them, are what moves.
    out = {key: value for key, value in props.items() if not key.endswith("_edtf")}
    if props.get("start_date"):
        out["start_date"] = day_text(parse_date(props["start_date"]).first_day() - timedelta(days))
    if props.get("end_date"):
        out["end_date"] = day_text(parse_date(props["end_date"]).last_day() - timedelta(days))
    return out


def moved(coords, east: float):
    if isinstance(coords[0], (int, float)):
        return [round(coords[0] + east, 6), *coords[1:]]
    return [moved(part, east) for part in coords]


def copy_feature(feature: dict, copy: int) -> dict:
    if copy == 0:
        return feature
    props = shifted_dates(feature["properties"], copy)
    props["id"] = f"{props['id']}-x{copy}"
    if props.get("chain"):
        props["chain"] = f"{props['chain']}-x{copy}"
    geometry = dict(feature["geometry"])
    if geometry["type"] == "GeometryCollection":
        geometry["geometries"] = [
            {**g, "coordinates": moved(g["coordinates"], copy * STEP_DEGREES)}
            for g in geometry["geometries"]
        ]
    else:
        geometry["coordinates"] = moved(geometry["coordinates"], copy * STEP_DEGREES)
    return {**feature, "id": props["id"], "properties": props, "geometry": geometry}


def build_synthetic(target: Path, copies: int) -> None:
    """Write an atlas ``copies`` times larger into ``target`` and check it with `atlas validate`."""
    shutil.copytree(GEODATA, target, dirs_exist_ok=True)
    for layer in json.loads((GEODATA / "catalog.json").read_text())["layers"]:
        path = target / f"{layer['id']}.geojson"
        collection = json.loads(path.read_text())
        features = collection["features"]
        collection["features"] = [copy_feature(f, c) for c in range(copies) for f in features]
        path.write_text(json.dumps(collection, ensure_ascii=False))
    command = [str(live.ATLAS), "validate", "--geodata", str(target)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    if done.returncode:
        raise SystemExit(f"synthetic atlas is invalid: {done.stderr.strip()}")
    print(f"synthetic atlas ({copies}x): {done.stdout.strip()}")


def items_latency(app, requests: int) -> tuple[float, float]:
    """p50 and p99 in ms of cessions' items at distinct dates (every answer is computed)."""
    client = app.test_client()
    times = []
    for i in range(requests):
        url = f"/collections/cessions/items?datetime={1700 + i % 320}-{1 + i // 320 % 12:02d}"
        started = time.perf_counter()
        response = client.get(url + "&limit=10000")
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.data[:200]
    return statistics.median(times), percentile(times, 0.99)


def measure(geodata: Path, requests: int) -> dict[str, float]:
    app = create_app({"GEODATA_DIR": str(geodata)})
    p50, p99 = items_latency(app, requests)
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    try:
        raw, compressed = page_weight(base)
        browser = measure_browser(base)
    finally:
        server.shutdown()
    return {
        "items at a date, in-process p50 ms": p50,
        "items at a date, in-process p99 ms": p99,
        "first view, raw KB": raw / 1024,
        "first view, gzip KB": compressed / 1024,
        DRAWN: browser[DRAWN],
        "slider step, filter+DOM p95 ms": browser["slider step, filter+DOM p95 ms"],
        "slider step, to next painted frame p95 ms": browser[
            "slider step, to next painted frame p95 ms"
        ],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--requests", type=int, default=400)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="atlas-scale-") as tmp:
        build_synthetic(Path(tmp), args.copies)
        results = {
            "real": measure(GEODATA, args.requests),
            f"{args.copies}x": measure(Path(tmp), args.requests),
        }
    stamp = f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC"
    print(f"scale benchmark, {live.os.cpu_count()} cores, {stamp}, all layers on, 200 steps")
    names = list(results["real"])
    width = max(map(len, names))
    print(f"{'':{width}}  {'real':>9}  {f'{args.copies}x':>9}")
    for name in names:
        print(
            f"{name:{width}}  {results['real'][name]:9.1f}  {results[f'{args.copies}x'][name]:9.1f}"
        )


if __name__ == "__main__":
    main()

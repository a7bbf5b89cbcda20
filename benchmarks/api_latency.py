"""In-process latency of the items endpoint (Flask test client), p50 and p99 over N requests.

    python benchmarks/api_latency.py [--requests 2000] [--fixture]

Measures the app as a WSGI callable, without a network or a server: what our code costs per
request. Two cases are timed: repeated queries (served from the answer cache) and distinct
queries (each a new datetime, so every request filters and assembles a page).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from server import create_app
from server.paths import GEODATA_DIR

FIXTURE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "geodata"


def measure(client, urls: list[str]) -> tuple[float, float]:
    times = []
    for url in urls:
        start = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.data[:200])
    times.sort()
    return statistics.median(times) * 1000, times[int(len(times) * 0.99)] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--fixture", action="store_true", help="use the tiny test data")
    args = parser.parse_args()
    app = create_app({"GEODATA_DIR": str(FIXTURE if args.fixture else GEODATA_DIR)})
    client = app.test_client()
    layers = [rule for rule in client.get("/collections").get_json()["collections"]]
    n = args.requests
    for layer in (c["id"] for c in layers):
        base = f"/collections/{layer}/items"
        years = [1700 + i % 320 for i in range(n)]
        cases = {
            "no datetime (cached)": [base] * n,
            "datetime (cached)": [f"{base}?datetime=1828-03-01"] * n,
            "datetime (distinct)": [
                f"{base}?datetime={y}-{1 + i % 12:02d}-01&offset={i // 3840}"
                for i, y in enumerate(years)
            ],
        }
        for name, urls in cases.items():
            p50, p99 = measure(client, urls)
            print(f"{layer:14} {name:22} p50 {p50:6.2f} ms   p99 {p99:6.2f} ms")


if __name__ == "__main__":
    main()

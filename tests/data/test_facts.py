"""Historical facts, checked by point-in-polygon at a date against the real atlas.

The rows live in ``facts/<layer>.csv`` (date, lon, lat, place, layer, property, expected, note),
written from the scholarship cited in each row's note, with both sides of every change.
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

import pytest
from shapely.geometry import Point

from server.core.dates import parse_day
from tests.reading import features_at

FACTS_DIR = Path(__file__).parent / "facts"
NEAR_KM = 30.0


def read_facts() -> list[dict]:
    rows = []
    for path in sorted(FACTS_DIR.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            rows.extend(csv.DictReader(handle))
    return rows


FACTS = read_facts()


def km_between(geometry, point: Point) -> float:
    """Distance in km on a local equirectangular projection (plenty for 30 km tests)."""
    scale = math.cos(math.radians(point.y))
    nearest = (
        geometry.interpolate(geometry.project(point))
        if geometry.geom_type.endswith("LineString")
        else None
    )
    if nearest is None:
        coords = [(p.x, p.y) for p in getattr(geometry, "geoms", [geometry])]
        return min(math.hypot((x - point.x) * scale, y - point.y) * 111.32 for x, y in coords)
    return math.hypot((nearest.x - point.x) * scale, nearest.y - point.y) * 111.32


def matches(frame, point: Point):
    for feature_id, row in frame.iterrows():
        geometry = row.geometry
        if geometry.geom_type.endswith("Polygon"):
            if geometry.covers(point):
                yield feature_id, row
        elif km_between(geometry, point) <= NEAR_KM:
            yield feature_id, row


def fact_id(row: dict) -> str:
    return f"{row['layer']}:{row['place']}@{row['date']}:{row['property'] or ''}={row['expected']}"


def test_there_are_at_least_thirty_facts_across_all_five_layers(atlas_store):
    assert len(FACTS) >= 30
    assert {row["layer"] for row in FACTS} >= set(atlas_store.layers)


@pytest.mark.parametrize("row", FACTS, ids=fact_id)
def test_historical_fact(atlas_store, row):
    frame = features_at(atlas_store, row["layer"], parse_day(row["date"]))
    point = Point(float(row["lon"]), float(row["lat"]))
    found = list(matches(frame, point))
    if row["expected"] == "NONE":
        assert not found, (
            f"{row['place']} should have no {row['layer']} feature: {[f for f, _ in found]}"
        )
        return
    values = [str(feature[row["property"]]) for _, feature in found]
    assert row["expected"] in values, (
        f"{row['place']} on {row['date']}: found {values} ({row['note']})"
    )

"""The gazetteer and states layers, read straight from their files (issue #11).

These tests do not need the layers to be in ``catalog.json``: they apply the data contract's
checks from ``server.validate`` with a spec of their own, then check what only these layers
promise: names by period in three languages, states that never overlap, and states that agree
with the cessions layer on who held each contested territory.
"""

from __future__ import annotations

import csv
import json
import math
from functools import lru_cache
from pathlib import Path

import pytest
import shapely
from shapely.geometry import Point, shape
from shapely.ops import nearest_points

from server.core.catalog import LayerSpec
from server.core.contract import check_collection
from server.core.dates import parse_day, span_of
from server.core.reading import read_sources
from server.paths import GEODATA_DIR

FACTS_DIR = Path(__file__).parent / "facts"
NEAR_KM = 30.0
# Between the October Revolution and the union treaty the states layer names what the cessions
# layer calls Russia more finely: the Transcaucasian Commissariat and federation until the
# republics declared independence, then the Soviet republics (Armenian SSR ...) until the USSR.
REVOLUTION = (parse_day("1917-11-08"), parse_day("1922-12-29"))
REVOLUTION_POLITIES = {"transcaucasia", "georgia", "armenia", "azerbaijan"}
# The states layer's polity for each controller of the cessions layer; Armenia's last stand in
# Zangezur (December 1920 – July 1921) is a polity of its own there.
CONTROLLER_POLITIES = {
    "Persia": {"iran"},
    "Russia": {"russia"},
    "Georgia": {"georgia"},
    "Armenia": {"armenia", "mountainous-armenia"},
    "Azerbaijan": {"azerbaijan"},
    "Contested": {"contested"},
    "Transcaspia": {"transcaspia"},
    "Centrocaspian": {"centrocaspian"},
}


def read_layer(name: str) -> list[dict]:
    return json.loads((GEODATA_DIR / f"{name}.geojson").read_text(encoding="utf-8"))["features"]


GAZETTEER = read_layer("gazetteer")
MODERN = read_layer("modern_borders")
STATES = read_layer("states")
CESSIONS = read_layer("cessions")
KEY_DATES = [parse_day(k["date"]) for k in json.loads((GEODATA_DIR / "key_dates.json").read_text())]
STATE_SHAPES = [(f["properties"], shape(f["geometry"])) for f in STATES]


def holds(props: dict, day) -> bool:
    first, last = span_of(props.get("start_date"), props.get("end_date"))
    return first <= day <= last


@lru_cache(maxsize=64)
def states_at(day) -> list[tuple[dict, shapely.Geometry]]:
    return [(p, g) for p, g in STATE_SHAPES if holds(p, day)]


@lru_cache(maxsize=64)
def state_tree(day) -> shapely.STRtree:
    return shapely.STRtree([g for _, g in states_at(day)])


@pytest.mark.parametrize("layer", ["gazetteer", "states", "modern_borders"])
def test_layer_meets_the_data_contract(layer):
    spec = LayerSpec(layer, layer, layer, 0, True, {}, role="context")
    raw = json.loads((GEODATA_DIR / f"{layer}.geojson").read_text(encoding="utf-8"))
    check_collection(raw, f"{layer}.geojson", spec, read_sources(GEODATA_DIR / "SOURCES.md"))


def test_feature_ids_are_unique_across_the_atlas():
    ids = [
        f["properties"]["id"]
        for path in GEODATA_DIR.glob("*.geojson")
        for f in json.loads(path.read_text(encoding="utf-8"))["features"]
    ]
    assert len(ids) == len(set(ids))


def test_modern_borders_are_one_undated_reference_feature():
    (props,) = [f["properties"] for f in MODERN]
    assert props["start_date"] is None and props["end_date"] is None


def test_the_gazetteer_covers_the_region_with_ninety_places_or_more():
    places = {f["properties"]["place"] for f in GAZETTEER}
    kinds = {f["properties"]["kind"] for f in GAZETTEER}
    assert len(places) >= 90
    assert {"city", "port", "sea", "lake", "river", "mountain", "region"} <= kinds


def test_every_name_is_given_in_english_persian_and_russian():
    for feature in GAZETTEER + STATES:
        props = feature["properties"]
        for key in ("name", "name_fa", "name_ru", "description_fa", "description_ru"):
            assert props.get(key, "").strip(), f"{props['id']} lacks {key}"


def test_names_of_one_place_follow_each_other_without_gap_or_overlap():
    by_place: dict[str, list] = {}
    for feature in GAZETTEER:
        props = feature["properties"]
        assert props["chain"] == props["place"]
        by_place.setdefault(props["place"], []).append(
            span_of(props["start_date"], props["end_date"])
        )
    for place, spans in by_place.items():
        spans.sort()
        for (_, last), (first, _) in zip(spans, spans[1:], strict=False):
            assert (first - last).days == 1, f"{place}: names do not join"


def test_a_place_keeps_one_point_through_its_names():
    points: dict[str, set] = {}
    for feature in GAZETTEER:
        points.setdefault(feature["properties"]["place"], set()).add(
            tuple(feature["geometry"]["coordinates"])
        )
    assert all(len(p) == 1 for p in points.values())


@pytest.mark.parametrize("day", KEY_DATES, ids=str)
def test_states_do_not_overlap_at_a_key_date(day):
    shapes, tree = states_at(day), state_tree(day)
    for i, (props, geom) in enumerate(shapes):
        for j in tree.query(geom, predicate="intersects"):
            if j > i:
                overlap = geom.intersection(shapes[j][1]).area
                assert overlap < 1e-6, f"{props['id']} overlaps {shapes[j][0]['id']}"


def cession_checks():
    for day in KEY_DATES:
        for feature in CESSIONS:
            if holds(feature["properties"], day):
                fid = feature["properties"]["id"]
                yield pytest.param(day, feature, id=f"{day}:{fid}")


@pytest.mark.parametrize(("day", "cession"), list(cession_checks()))
def test_the_state_covering_a_cession_territory_is_its_controller(day, cession):
    territory = shape(cession["geometry"])
    shapes = states_at(day)
    near = state_tree(day).query(territory, predicate="intersects")
    overlaps = [(shapes[i][1].intersection(territory).area, shapes[i][0]) for i in near]
    area, props = max(overlaps, key=lambda pair: pair[0], default=(0, None))
    assert props is not None and area > 0.5 * territory.area, "no state covers the territory"
    expected = CONTROLLER_POLITIES[cession["properties"]["controller"]]
    if REVOLUTION[0] <= day <= REVOLUTION[1] and "russia" in expected:
        expected = expected | REVOLUTION_POLITIES
    assert props["polity"] in expected, f"{props['id']} covers {cession['properties']['id']}"


def km_between(geom, point: Point) -> float:
    """Distance in km on a local equirectangular projection (plenty for 30 km checks)."""
    nearest = nearest_points(geom, point)[0]
    scale = math.cos(math.radians(point.y))
    return math.hypot((nearest.x - point.x) * scale, nearest.y - point.y) * 111.32


def read_facts(layer: str) -> list[dict]:
    with (FACTS_DIR / f"{layer}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def found(layer: str, row: dict) -> list[dict]:
    day, point = parse_day(row["date"]), Point(float(row["lon"]), float(row["lat"]))
    if layer == "states":
        shapes = states_at(day)
        return [shapes[i][0] for i in state_tree(day).query(point, predicate="covered_by")]
    features = GAZETTEER if layer == "gazetteer" else MODERN
    return [
        f["properties"]
        for f in features
        if holds(f["properties"], day) and km_between(shape(f["geometry"]), point) <= NEAR_KM
    ]


@pytest.mark.parametrize(
    ("layer", "least"), [("gazetteer", 30), ("states", 30), ("modern_borders", 2)]
)
def test_facts_cover_the_new_layers(layer, least):
    assert len(read_facts(layer)) >= least


@pytest.mark.parametrize(
    ("layer", "row"),
    [(lay, row) for lay in ("gazetteer", "states", "modern_borders") for row in read_facts(lay)],
    ids=lambda v: v if isinstance(v, str) else f"{v['place']}@{v['date']}={v['expected']}",
)
def test_historical_fact(layer, row):
    features = found(layer, row)
    if row["expected"] == "NONE":
        assert not features, f"{row['place']}: {[f['id'] for f in features]}"
        return
    values = [str(f.get(row["property"])) for f in features]
    assert row["expected"] in values, f"{row['place']} on {row['date']}: {values} ({row['note']})"

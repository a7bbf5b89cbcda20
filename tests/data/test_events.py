"""The events layer: its records, the file built from them, and the facts they must keep.

The records (``geodata/records/events.toml``) are the source; ``geodata/events.geojson`` is
built from them by ``tools/build_events.py``. These tests read both without the store, so they
say what is wrong with a record even before the layer is listed in ``catalog.json``.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import math
import re
from datetime import date
from pathlib import Path

import pytest

from server.core.catalog import parse_catalog
from server.core.contract import check_collection, check_sources, read_sources
from server.core.dates import parse_date, span_of
from server.paths import GEODATA_DIR

ROOT = Path(__file__).resolve().parents[2]
RECORDS = GEODATA_DIR / "records" / "events.toml"
PUBLISHED = GEODATA_DIR / "events.geojson"
FACTS = Path(__file__).parent / "facts" / "events.csv"
# West, south, east, north: from London to Herat and from Hormuz to Arkhangelsk.
REGION = (-10.0, 20.0, 75.0, 66.0)
NEAR_KM = 30.0
# Centuries for which no Rus'/Russian–Iranian event could be dated from a scholarly source.
UNSOURCED_CENTURIES = {13, 14}
PERSIAN = re.compile(r"[\u0600-\u06FF]")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
LATIN = re.compile(r"[A-Za-z]")
MONTHS = {
    name: number
    for number, name in enumerate(
        "January February March April May June July August September October November "
        "December".split(),
        start=1,
    )
}
OLD_STYLE = re.compile(r"^(\d{1,2})(?:–(\d{1,2}))? ([A-Z][a-z]+) (\d{4}) Old Style")


def load_builder():
    spec = importlib.util.spec_from_file_location("build_events", ROOT / "tools/build_events.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BUILDER = load_builder()
DOCUMENT = BUILDER.read_records(RECORDS)
EVENTS = DOCUMENT["event"]
KINDS = DOCUMENT["kinds"]


def event_id(record: dict) -> str:
    return record["id"]


def julian_to_gregorian(day: int, month: int, year: int) -> date:
    """Convert a Julian calendar date by way of its Julian Day Number."""
    a = (14 - month) // 12
    y, m = year + 4800 - a, month + 12 * a - 3
    jdn = day + (153 * m + 2) // 5 + 365 * y + y // 4 - 32083
    return date.fromordinal(jdn - 1721425)


def km_between(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    scale = math.cos(math.radians((lat1 + lat2) / 2))
    return math.hypot((lon1 - lon2) * scale, lat1 - lat2) * 111.32


def other_layer_ids() -> set[str]:
    ids = set()
    for path in GEODATA_DIR.glob("*.geojson"):
        if path != PUBLISHED:
            ids |= {f["properties"]["id"] for f in json.loads(path.read_text())["features"]}
    return ids


def treaty_slugs() -> set[str]:
    catalog = json.loads((GEODATA_DIR / "catalog.json").read_text())
    slugs = set()
    for layer in catalog["layers"]:
        slugs |= set(layer.get("properties", {}).get("treaty", {}).get("values", []))
    return slugs


def test_the_published_file_is_exactly_what_the_records_build():
    assert PUBLISHED.read_text(encoding="utf-8") == BUILDER.to_text(
        BUILDER.build_collection(DOCUMENT)
    ), "geodata/events.geojson is stale: run python tools/build_events.py"


def test_the_published_file_passes_the_atlas_data_contract():
    entry = BUILDER.catalog_entry(DOCUMENT)
    (spec,) = parse_catalog({"layers": [entry]}, "events-catalog-entry")
    sources = read_sources(GEODATA_DIR / "SOURCES.md")
    features = check_collection(json.loads(PUBLISHED.read_text()), str(PUBLISHED), spec, sources)
    assert len(features) == len(EVENTS)


def test_there_are_at_least_seventy_events_in_a_small_vocabulary():
    assert len(EVENTS) >= 70
    assert 1 <= len(KINDS) <= 12
    assert {record["kind"] for record in EVENTS} == set(KINDS), "every kind should be used"


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_has_labels_in_three_languages_and_colours(kind):
    spec = KINDS[kind]
    assert spec["label"] and PERSIAN.search(spec["label_fa"]) and CYRILLIC.search(spec["label_ru"])
    assert re.fullmatch(r"#[0-9A-Fa-f]{6}", spec["color"])
    assert re.fullmatch(r"#[0-9A-Fa-f]{6}", spec["contrast_color"])


def mostly(script: re.Pattern, text: str) -> bool:
    """Whether nearly all letters of ``text`` are in ``script`` (a few Latin names are fine)."""
    ours, latin = len(script.findall(text)), len(LATIN.findall(text))
    return ours > 0 and latin <= 0.1 * (ours + latin)


@pytest.mark.parametrize("record", EVENTS, ids=event_id)
def test_every_event_is_named_and_described_in_english_persian_and_russian(record):
    for key in ("name", "description"):
        english = record[key] + record["place"]
        assert LATIN.search(english) and not PERSIAN.search(english), f"{key} is not English"
        assert not CYRILLIC.search(english), f"{key} is not English"
        assert mostly(PERSIAN, record[f"{key}_fa"]), f"{key}_fa is not Persian"
        assert mostly(CYRILLIC, record[f"{key}_ru"]), f"{key}_ru is not Russian"
    for language in ("", "_fa", "_ru"):
        sentences = re.split(r"(?<=[.!?])\s+", record[f"description{language}"].strip())
        assert 1 <= len(sentences) <= 3, f"description{language}: one to three sentences"


@pytest.mark.parametrize("record", EVENTS, ids=event_id)
def test_every_event_has_a_valid_kind_span_place_and_certainty(record):
    assert record["kind"] in KINDS
    first, last = span_of(record["start_date"], record.get("end_date") or record["start_date"])
    assert first <= last
    assert date(913, 1, 1) <= first and last <= date(2025, 12, 31)
    west, south, east, north = REGION
    assert west <= record["lon"] <= east and south <= record["lat"] <= north
    assert record["certainty"] in ("exact", "approximate", "disputed")


@pytest.mark.parametrize("record", EVENTS, ids=event_id)
def test_every_event_cites_sources_that_resolve(record):
    check_sources(record["sources"], read_sources(GEODATA_DIR / "SOURCES.md"))


def test_event_ids_are_slugs_unique_across_the_atlas_and_the_key_dates():
    ids = [record["id"] for record in EVENTS]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", event) for event in ids)
    moments = json.loads((GEODATA_DIR / "key_dates.json").read_text())
    key_dates = {moment["id"] for moment in moments}
    assert not set(ids) & (other_layer_ids() | key_dates | treaty_slugs())


@pytest.mark.parametrize("record", [r for r in EVENTS if r.get("related")], ids=event_id)
def test_related_ids_name_features_treaties_or_events_that_exist(record):
    known = other_layer_ids() | treaty_slugs() | {event["id"] for event in EVENTS}
    assert set(record["related"]) <= known, set(record["related"]) - known


def test_every_century_from_the_tenth_to_the_twenty_first_has_an_event_where_sourced():
    centuries = {parse_date(record["start_date"]).year // 100 + 1 for record in EVENTS}
    expected = set(range(10, 22)) - UNSOURCED_CENTURIES
    assert expected <= centuries, f"missing centuries: {sorted(expected - centuries)}"


@pytest.mark.parametrize(
    "record", [r for r in EVENTS if OLD_STYLE.match(r.get("date_note", ""))], ids=event_id
)
def test_old_style_dates_in_the_notes_convert_to_the_gregorian_span(record):
    first_day, last_day, month, year = OLD_STYLE.match(record["date_note"]).groups()
    start = julian_to_gregorian(int(first_day), MONTHS[month], int(year))
    assert parse_date(record["start_date"]).first_day() == start
    if last_day:
        end = julian_to_gregorian(int(last_day), MONTHS[month], int(year))
        assert parse_date(record["end_date"]).first_day() == end


def test_julian_conversion_matches_the_known_offsets():
    assert julian_to_gregorian(2, 10, 1552) == date(1552, 10, 12)
    assert julian_to_gregorian(29, 2, 1700) == date(1700, 3, 11)
    assert julian_to_gregorian(30, 1, 1829) == date(1829, 2, 11)
    assert julian_to_gregorian(10, 6, 1908) == date(1908, 6, 23)


def read_facts() -> list[dict]:
    with FACTS.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def fact_id(row: dict) -> str:
    return f"{row['place']}@{row['date']}:{row['property'] or ''}={row['expected']}"


@pytest.mark.parametrize("row", read_facts(), ids=fact_id)
def test_historical_fact_holds_in_the_published_layer(row):
    day = parse_date(row["date"]).first_day()
    lon, lat = float(row["lon"]), float(row["lat"])
    found = []
    for feature in json.loads(PUBLISHED.read_text())["features"]:
        props = feature["properties"]
        first, last = span_of(props["start_date"], props["end_date"])
        near = km_between(lon, lat, *feature["geometry"]["coordinates"]) <= NEAR_KM
        if first <= day <= last and near:
            found.append(props)
    if row["expected"] == "NONE":
        assert not found, f"{row['place']}: {[p['id'] for p in found]} ({row['note']})"
    else:
        values = [str(props.get(row["property"])) for props in found]
        assert row["expected"] in values, f"found {values} ({row['note']})"


def test_a_bad_record_stops_the_build_with_one_line_naming_it(tmp_path, capsys):
    broken = RECORDS.read_text(encoding="utf-8").replace('kind = "battle"', 'kind = "skirmish"', 1)
    records = tmp_path / "events.toml"
    records.write_text(broken, encoding="utf-8")
    out = tmp_path / "events.geojson"
    assert BUILDER.main(["--records", str(records), "--out", str(out)]) == 1
    message = capsys.readouterr().err.strip()
    assert "\n" not in message and "skirmish" in message and "battle-" in message
    assert not out.exists()


def test_check_mode_tells_a_stale_file_from_a_fresh_one(tmp_path):
    out = tmp_path / "events.geojson"
    assert BUILDER.main(["--out", str(out), "--check"]) == 1
    assert BUILDER.main(["--out", str(out)]) == 0
    assert BUILDER.main(["--out", str(out), "--check"]) == 0

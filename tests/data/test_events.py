"""The events layer: what its records must keep beyond the data contract.

The records (``geodata/records/events.toml``) are read through ``tools/records.py``, as the
builder reads them. The contract (kinds, dates, sources, certainty, unique ids) is checked when
the atlas loads (``test_atlas_data.py``), the published file against the records in
``test_records.py`` and the facts of ``facts/events.csv`` in ``test_facts.py``. Here: three
languages, an end and a place for every event, Old Style notes, links, and coverage in time.
"""

from __future__ import annotations

import json
import re
from datetime import date

import pytest

from server.core.dates import parse_date, span_of
from tests.data.records_tool import records
from tests.paths import GEODATA

# West, south, east, north: from London to Herat and from Hormuz to Arkhangelsk.
REGION = (-10.0, 20.0, 75.0, 66.0)
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

RECORDS = records.read_layer("events")
EVENTS = [record.properties for record in RECORDS]
POINTS = {record.properties["id"]: record.recipe["point"] for record in RECORDS}
CATALOG = json.loads((GEODATA / "catalog.json").read_text(encoding="utf-8"))
SPEC = next(layer for layer in CATALOG["layers"] if layer["id"] == "events")
KINDS = SPEC["properties"]["kind"]["values"]


def event_id(props: dict) -> str:
    return props["id"]


def julian_to_gregorian(day: int, month: int, year: int) -> date:
    """Convert a Julian calendar date by way of its Julian Day Number."""
    a = (14 - month) // 12
    y, m = year + 4800 - a, month + 12 * a - 3
    jdn = day + (153 * m + 2) // 5 + 365 * y + y // 4 - 32083
    return date.fromordinal(jdn - 1721425)


def other_layer_ids() -> set[str]:
    ids = set()
    for path in GEODATA.glob("*.geojson"):
        if path.name != "events.geojson":
            ids |= {f["properties"]["id"] for f in json.loads(path.read_text())["features"]}
    return ids


def treaty_slugs() -> set[str]:
    slugs = set()
    for layer in CATALOG["layers"]:
        slugs |= set(layer.get("properties", {}).get("treaty", {}).get("values", []))
    return slugs


def test_there_are_at_least_seventy_events_in_a_small_vocabulary():
    assert len(EVENTS) >= 70
    assert 1 <= len(KINDS) <= 12
    assert {props["kind"] for props in EVENTS} == set(KINDS), "every kind should be used"


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_has_labels_in_three_languages_and_colours(kind):
    style = SPEC["style"]
    assert style["labels"][kind] and not PERSIAN.search(style["labels"][kind])
    assert PERSIAN.search(style["labels_fa"][kind]) and CYRILLIC.search(style["labels_ru"][kind])
    assert re.fullmatch(r"#[0-9A-Fa-f]{6}", style["colors"][kind])
    assert re.fullmatch(r"#[0-9A-Fa-f]{6}", style["contrast_colors"][kind])


def mostly(script: re.Pattern, text: str) -> bool:
    """Whether nearly all letters of ``text`` are in ``script`` (a few Latin names are fine)."""
    ours, latin = len(script.findall(text)), len(LATIN.findall(text))
    return ours > 0 and latin <= 0.1 * (ours + latin)


@pytest.mark.parametrize("props", EVENTS, ids=event_id)
def test_every_event_is_named_and_described_in_english_persian_and_russian(props):
    for key in ("name", "description"):
        english = props[key] + props["place"]
        assert LATIN.search(english) and not PERSIAN.search(english), f"{key} is not English"
        assert not CYRILLIC.search(english), f"{key} is not English"
        assert mostly(PERSIAN, props[f"{key}_fa"]), f"{key}_fa is not Persian"
        assert mostly(CYRILLIC, props[f"{key}_ru"]), f"{key}_ru is not Russian"
    for language in ("", "_fa", "_ru"):
        sentences = re.split(r"(?<=[.!?])\s+", props[f"description{language}"].strip())
        assert 1 <= len(sentences) <= 3, f"description{language}: one to three sentences"


@pytest.mark.parametrize("props", EVENTS, ids=event_id)
def test_every_event_ended_within_the_atlas_and_happened_in_the_region(props):
    assert props["end_date"] is not None, "an event ends: a null end_date means 'still holds'"
    first, last = span_of(props["start_date"], props["end_date"])
    assert date(913, 1, 1) <= first and last <= date(2025, 12, 31)
    (lon, lat), (west, south, east, north) = POINTS[props["id"]], REGION
    assert west <= lon <= east and south <= lat <= north


def test_the_records_are_in_date_order_the_order_they_are_published_in():
    days = [parse_date(props["start_date"]).first_day() for props in EVENTS]
    assert days == sorted(days)


def test_event_ids_are_not_key_dates_or_treaties():
    moments = json.loads((GEODATA / "key_dates.json").read_text())
    key_dates = {moment["id"] for moment in moments}
    assert not {props["id"] for props in EVENTS} & (key_dates | treaty_slugs())


@pytest.mark.parametrize("props", [p for p in EVENTS if p.get("related")], ids=event_id)
def test_related_ids_name_features_treaties_or_events_that_exist(props):
    known = other_layer_ids() | treaty_slugs() | {event["id"] for event in EVENTS}
    assert set(props["related"]) <= known, set(props["related"]) - known


def test_every_century_from_the_tenth_to_the_twenty_first_has_an_event_where_sourced():
    centuries = {parse_date(props["start_date"]).year // 100 + 1 for props in EVENTS}
    expected = set(range(10, 22)) - UNSOURCED_CENTURIES
    assert expected <= centuries, f"missing centuries: {sorted(expected - centuries)}"


@pytest.mark.parametrize(
    "props", [p for p in EVENTS if OLD_STYLE.match(p.get("date_note", ""))], ids=event_id
)
def test_old_style_dates_in_the_notes_convert_to_the_gregorian_span(props):
    first_day, last_day, month, year = OLD_STYLE.match(props["date_note"]).groups()
    start = julian_to_gregorian(int(first_day), MONTHS[month], int(year))
    assert parse_date(props["start_date"]).first_day() == start
    if last_day:
        end = julian_to_gregorian(int(last_day), MONTHS[month], int(year))
        assert parse_date(props["end_date"]).first_day() == end


def test_julian_conversion_matches_the_known_offsets():
    assert julian_to_gregorian(2, 10, 1552) == date(1552, 10, 12)
    assert julian_to_gregorian(29, 2, 1700) == date(1700, 3, 11)
    assert julian_to_gregorian(30, 1, 1829) == date(1829, 2, 11)
    assert julian_to_gregorian(10, 6, 1908) == date(1908, 6, 23)

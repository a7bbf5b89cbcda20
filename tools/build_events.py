#!/usr/bin/env python3
"""Build ``geodata/events.geojson`` from the records in ``geodata/records/events.toml``.

The records are what historians and translators edit: one ``[[event]]`` table per dated point,
and one ``[kinds.<kind>]`` table per value of the small ``kind`` vocabulary (labels in three
languages and map colours). This script turns them into an RFC 7946 FeatureCollection of
Points, in a fixed order (by date, then id), so the same records always give the same bytes.

Dates follow the atlas convention (DESIGN.md §3): every published feature has ``start_date``
and ``end_date``, inclusive, as ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``. A record gives
``start_date`` and, only if the event spans more than that, ``end_date``; an event without one
holds for the day, month or year of its ``start_date`` and no longer.

Usage::

    python tools/build_events.py                  # write geodata/events.geojson
    python tools/build_events.py --check          # exit 1 if the published file is stale
    python tools/build_events.py --catalog-entry FILE   # also write the catalog.json entry

Only the standard library and the atlas's own date rules (``server.core.dates``) are used.
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from server.core.dates import parse_date, span_of  # noqa: E402
from server.core.errors import InvalidDate  # noqa: E402

RECORDS = ROOT / "geodata" / "records" / "events.toml"
OUTPUT = ROOT / "geodata" / "events.geojson"
CATALOG_ENTRY = Path("events-catalog-entry.json")

REQUIRED = (
    "id",
    "kind",
    "name",
    "name_fa",
    "name_ru",
    "start_date",
    "place",
    "lon",
    "lat",
    "certainty",
    "sources",
    "description",
    "description_fa",
    "description_ru",
)
OPTIONAL = ("end_date", "date_note", "related")
# The order of the published properties: what a reader looks for first comes first.
PUBLISHED = (
    "id",
    "kind",
    "name",
    "name_fa",
    "name_ru",
    "start_date",
    "end_date",
    "date_note",
    "place",
    "certainty",
    "sources",
    "description",
    "description_fa",
    "description_ru",
    "related",
)
CERTAINTIES = ("exact", "approximate", "disputed")
NDIGITS = 6


class RecordError(ValueError):
    """A record breaks the events contract; the message names the record and the reason."""


def read_records(path: Path = RECORDS) -> dict[str, Any]:
    """Read the events records file (TOML) as a plain mapping."""
    with path.open("rb") as handle:
        return tomllib.load(handle)


def event_properties(record: Mapping[str, Any], kinds: Iterable[str]) -> dict[str, Any]:
    """Return the published properties of one event record, checked.

    ``end_date`` defaults to ``start_date`` (an event holds only for its own day, month or
    year); ``lon``/``lat`` become the geometry and are not repeated among the properties.
    """
    name = record.get("id", "<no id>")
    unknown = set(record) - set(REQUIRED) - set(OPTIONAL)
    if unknown:
        raise RecordError(f"event {name}: unknown fields {sorted(unknown)}")
    for key in REQUIRED:
        if record.get(key) in (None, "", []):
            raise RecordError(f"event {name}: missing {key!r}")
    for key in ("lon", "lat"):
        if isinstance(record[key], bool) or not isinstance(record[key], int | float):
            raise RecordError(f"event {name}: {key} must be a number of degrees")
    if not isinstance(record["sources"], list) or not all(
        isinstance(ref, str) for ref in record["sources"]
    ):
        raise RecordError(f"event {name}: sources must be a list of strings")
    if record["kind"] not in set(kinds):
        raise RecordError(f"event {name}: kind {record['kind']!r} is not in [kinds]")
    if record["certainty"] not in CERTAINTIES:
        raise RecordError(f"event {name}: certainty must be one of {', '.join(CERTAINTIES)}")
    properties = {key: record.get(key) for key in PUBLISHED if key != "end_date"}
    properties["end_date"] = record.get("end_date") or record["start_date"]
    properties["sources"] = list(record["sources"])
    properties["related"] = list(record.get("related", []))
    _check_dates(name, properties["start_date"], properties["end_date"])
    return {key: properties[key] for key in PUBLISHED if properties.get(key) not in (None, [])}


def _check_dates(name: str, start: Any, end: Any) -> None:
    try:
        first, last = span_of(start, end)
    except InvalidDate as error:
        raise RecordError(f"event {name}: {error}") from None
    if last < first:
        raise RecordError(f"event {name}: end_date {end} is before start_date {start}")


def event_feature(record: Mapping[str, Any], kinds: Iterable[str]) -> dict[str, Any]:
    """Return one event as a GeoJSON Point Feature (``id`` both on the Feature and inside)."""
    properties = event_properties(record, kinds)
    lon, lat = float(record["lon"]), float(record["lat"])
    return {
        "type": "Feature",
        "id": properties["id"],
        "properties": properties,
        "geometry": {"type": "Point", "coordinates": [round(lon, NDIGITS), round(lat, NDIGITS)]},
    }


def build_collection(document: Mapping[str, Any]) -> dict[str, Any]:
    """Return the FeatureCollection of all events, ordered by start date, then id."""
    kinds = document.get("kinds", {})
    features = [event_feature(record, kinds) for record in document.get("event", [])]
    ids = [feature["id"] for feature in features]
    repeated = sorted({event_id for event_id in ids if ids.count(event_id) > 1})
    if repeated:
        raise RecordError(f"event ids repeat: {', '.join(repeated)}")
    features.sort(key=lambda f: (parse_date(f["properties"]["start_date"]).first_day(), f["id"]))
    return {"type": "FeatureCollection", "features": features}


def to_text(collection: Mapping[str, Any]) -> str:
    """Serialise a collection one feature per line, as the other layer files are."""
    lines = [json.dumps(feature, ensure_ascii=False) for feature in collection["features"]]
    return '{"type": "FeatureCollection", "features": [\n' + ",\n".join(lines) + "\n]}\n"


def catalog_entry(document: Mapping[str, Any]) -> dict[str, Any]:
    """Return the ``catalog.json`` layer entry, its kind labels and colours taken from [kinds]."""
    layer = dict(document["layer"])
    kinds = document["kinds"]
    style = dict(layer.pop("style"))
    style["property"] = "kind"
    style["colors"] = {kind: spec["color"] for kind, spec in kinds.items()}
    style["labels"] = {kind: spec["label"] for kind, spec in kinds.items()}
    style["labels_fa"] = {kind: spec["label_fa"] for kind, spec in kinds.items()}
    style["labels_ru"] = {kind: spec["label_ru"] for kind, spec in kinds.items()}
    style["contrast_colors"] = {kind: spec["contrast_color"] for kind, spec in kinds.items()}
    properties = {name: dict(rule) for name, rule in layer.pop("properties").items()}
    properties["kind"]["values"] = list(kinds)
    properties["kind"]["value_labels"] = {
        kind: {"en": spec["label"], "fa": spec["label_fa"], "ru": spec["label_ru"]}
        for kind, spec in kinds.items()
    }
    return {**layer, "style": style, "properties": properties}


def main(argv: list[str] | None = None) -> int:
    """Write (or with ``--check`` compare) the published layer; one line and 1 on bad records."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=Path, default=RECORDS)
    parser.add_argument("--out", type=Path, default=OUTPUT)
    parser.add_argument("--check", action="store_true", help="fail if --out is not up to date")
    parser.add_argument("--catalog-entry", type=Path, help="also write the catalog entry here")
    args = parser.parse_args(argv)
    try:
        document = read_records(args.records)
        collection = build_collection(document)
        text = to_text(collection)
    except (OSError, tomllib.TOMLDecodeError, RecordError) as error:
        print(f"build_events: {args.records}: {error}", file=sys.stderr)
        return 1
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != text:
            print(f"build_events: {args.out} is stale; run tools/build_events.py", file=sys.stderr)
            return 1
        return 0
    args.out.write_text(text, encoding="utf-8")
    if args.catalog_entry:
        entry = json.dumps(catalog_entry(document), ensure_ascii=False, indent=2)
        args.catalog_entry.write_text(entry + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(collection['features'])} events)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

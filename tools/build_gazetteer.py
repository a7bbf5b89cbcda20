#!/usr/bin/env python3
"""Build geodata/gazetteer.geojson: historical place names by period, from two CSV records.

Inputs (edited by historians and translators, see geodata/README.md)::

    geodata/records/gazetteer/places.csv   one row per place: id, kind, rank, lon, lat,
                                           sources, description(_fa, _ru)
    geodata/records/gazetteer/names.csv    one row per name period: place_id, start_date,
                                           end_date, name, name_fa, name_ru, certainty,
                                           sources, note

Output: one Point feature per place per name period, so the map's date filter shows the name
a place bore on the day (Tiflis until 1935, Tbilisi from 1936). Successive names of a place
share ``chain`` = the place id and must follow each other without gap or overlap; the
builder checks that before writing. Seas, lakes, rivers and mountains get a label point.

Run::

    python tools/build_gazetteer.py [--records geodata/records/gazetteer] [--out ...]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RECORDS = ROOT / "geodata" / "records" / "gazetteer"
OUT = ROOT / "geodata" / "gazetteer.geojson"
KINDS = {"city", "port", "town", "fortress", "island", "region", "sea", "lake", "river", "mountain"}


def read_rows(path: Path) -> list[dict[str, str]]:
    """Read a CSV record file as dicts with stripped values."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle)]


def split_sources(cell: str) -> list[str]:
    """Sources are written ``key: locator; key2`` in one cell."""
    return [part.strip() for part in cell.split(";") if part.strip()]


def slug(text: str) -> str:
    """ASCII slug of a display name (Türkmenbaşy -> turkmenbasy, Barda'a -> bardaa)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower().replace("'", "")).strip("-")


def first_day(value: str) -> date:
    """First day of a partial ISO date (``1936`` -> 1936-01-01); empty = the distant past."""
    if not value:
        return date.min
    parts = [int(p) for p in value.split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])


def last_day(value: str) -> date:
    """Last day of a partial ISO date (``1935`` -> 1935-12-31); empty = still holds."""
    if not value:
        return date.max
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        year, month = parts
        return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return date(parts[0], 12, 31)


def check_chain(place_id: str, periods: list[dict[str, str]]) -> None:
    """Successive names of one place: the first may start in the distant past, then no gap."""
    for before, after in zip(periods, periods[1:], strict=False):
        end = last_day(before["end_date"])
        if end == date.max or first_day(after["start_date"]) != end + timedelta(days=1):
            reason = f"{after['name']!r} does not start the day after {before['name']!r}"
            sys.exit(f"{place_id}: {reason}")


def place_feature(place: dict[str, str], period: dict[str, str]) -> dict:
    """One Point feature: a place under one name, for one period."""
    start = period["start_date"] or None
    feature_id = f"{slug(period['name'])}-{start[:4] if start else 'early'}"
    cited = split_sources(period["sources"]) + split_sources(place["sources"])
    sources = list(dict.fromkeys(cited))
    props = {
        "id": feature_id,
        "chain": place["id"],
        "place": place["id"],
        "kind": place["kind"],
        "rank": int(place["rank"]),
        "name": period["name"],
        "name_fa": period["name_fa"],
        "name_ru": period["name_ru"],
        "start_date": start,
        "end_date": period["end_date"] or None,
        "certainty": period["certainty"],
        "sources": sources,
        "description": place["description"],
        "description_fa": place["description_fa"],
        "description_ru": place["description_ru"],
    }
    if period["note"]:
        props["date_note"] = period["note"]
        props["date_note_fa"] = period["note_fa"]
        props["date_note_ru"] = period["note_ru"]
    point = [round(float(place["lon"]), 4), round(float(place["lat"]), 4)]
    return {
        "type": "Feature",
        "id": feature_id,
        "properties": props,
        "geometry": {"type": "Point", "coordinates": point},
    }


def build(records: Path) -> list[dict]:
    """Join places and names, check every place's chain, return the features."""
    places = {row["id"]: row for row in read_rows(records / "places.csv")}
    periods: dict[str, list[dict[str, str]]] = {place_id: [] for place_id in places}
    for row in read_rows(records / "names.csv"):
        if row["place_id"] not in places:
            sys.exit(f"names.csv: unknown place {row['place_id']!r}")
        if not all(row[key] for key in ("name", "name_fa", "name_ru", "certainty", "sources")):
            sys.exit(f"names.csv: {row['place_id']} {row['name']!r} lacks a name or a source")
        periods[row["place_id"]].append(row)
    features = []
    for place_id, place in places.items():
        if place["kind"] not in KINDS or place["rank"] not in {"1", "2", "3", "4"}:
            sys.exit(f"places.csv: {place_id} has kind {place['kind']!r} rank {place['rank']!r}")
        named = sorted(periods[place_id], key=lambda row: first_day(row["start_date"]))
        if not named:
            sys.exit(f"places.csv: {place_id} has no name in names.csv")
        check_chain(place_id, named)
        features.extend(place_feature(place, period) for period in named)
    ids = [feature["id"] for feature in features]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        sys.exit(f"feature ids repeat: {repeated}")
    return features


def write_collection(features: list[dict], out: Path) -> None:
    """Write one feature per line, so diffs of the generated file stay readable."""
    lines = [json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features]
    out.write_text('{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=Path, default=RECORDS)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    features = build(args.records)
    write_collection(features, args.out)
    places = len({f["properties"]["place"] for f in features})
    size = args.out.stat().st_size
    print(f"wrote {args.out} ({places} places, {len(features)} name periods, {size:,} bytes)")


if __name__ == "__main__":
    main()

"""``tools/records.py`` for the data tests, and ``drift``: where a layer and its records differ.

``tools/`` is a folder of scripts, not a package, so the module is loaded from its file once
and shared by every test that reads records. The builders publish through the same reader, so
``drift`` checks exactly what a builder would write.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

from server.core.dates import span_of
from tests.paths import ROOT


def _load_records():
    spec = importlib.util.spec_from_file_location("atlas_tools_records", ROOT / "tools/records.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it is created
    spec.loader.exec_module(module)
    return module


records = _load_records()
ABSENT = object()  # a property a feature leaves out (unlike one that is null)


def drift(layer: str, geodata: Path | None = None) -> list[str]:
    """Say where ``geodata/<layer>.geojson`` differs from its records (empty: they agree)."""
    if layer == "states":
        return states_drift(geodata)
    geodata = geodata or records.GEODATA
    path = geodata / f"{layer}.geojson"
    expected = {r.properties["id"]: r.properties for r in records.read_layer(layer, geodata)}
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    published = {f["properties"].get("id"): f["properties"] for f in features}
    problems = [
        f"{path}: {fid}: in the records, not in the file"
        for fid in expected.keys() - published.keys()
    ]
    problems += [
        f"{path}: {fid}: in the file, not in the records"
        for fid in published.keys() - expected.keys()
    ]
    if not problems and list(expected) != list(published):
        problems.append(f"{path}: the features are not in the order of the records")
    for fid, want in expected.items():
        have = published.get(fid, want)
        problems += [
            f"{path}: {fid}: {key} is {_shown(have, key)}, records say {_shown(want, key)}"
            for key in sorted(want.keys() | have.keys())
            if want.get(key, ABSENT) != have.get(key, ABSENT)
        ]
    return problems


def _shown(props: dict, key: str) -> str:
    return repr(props[key]) if key in props else "absent"


def states_drift(geodata: Path | None = None) -> list[str]:
    """Say where ``states.geojson`` differs from its records.

    Each feature must carry its state's names, kind and descriptions, lie within that name
    period, cite its sources, and quote one holders row's date note in all three languages.
    """
    geodata = geodata or records.GEODATA
    path = geodata / "states.geojson"
    periods = {r.properties["state"]: r for r in records.states(geodata)}
    holders = records.read_csv(geodata / "records" / "states" / "holders.csv")
    notes = {note_of(row) for row in holders}
    problems = []
    for props in (f["properties"] for f in json.loads(path.read_text("utf-8"))["features"]):
        where, period = f"{path}: {props['id']}", periods.get(props.get("state"))
        if period is None:
            problems.append(f"{where}: state {props.get('state')!r} not in polities.csv")
            continue
        problems += [
            f"{where}: {key} is {_shown(props, key)}, records say {_shown(period.properties, key)}"
            for key, value in period.properties.items()
            if props.get(key, ABSENT) != value
        ]
        first, last = span_of(props["start_date"], props["end_date"])
        if first < period.recipe["span"][0] or last > period.recipe["span"][1]:
            problems.append(f"{where}: its days are not all within {props['state']}'s")
        if not set(period.recipe["sources"]) <= set(props["sources"]):
            problems.append(f"{where}: sources lack those of {props['state']}")
        if note_of(props) not in notes | {(None, None, None)}:
            problems.append(f"{where}: date_note is in no row of holders.csv")
    return problems


def note_of(fields: dict) -> tuple:
    """A date note in its three languages."""
    return tuple(fields.get(f"date_note{tail}") for tail in ("", "_fa", "_ru"))

"""Read ``geodata/records/`` into the properties each published layer carries.

The records are what historians and translators edit (CSV and TOML, see
``geodata/records/README.md``); the builders turn them into ``geodata/*.geojson``. Both the
builders and ``tests/data/test_records.py`` read records through this module, so the test checks
exactly what a builder would write. Standard library only: it runs without GeoPandas, without a
network and without the server.
"""

from __future__ import annotations

import csv
import datetime
import fnmatch
import json
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

GEODATA = Path(__file__).resolve().parents[1] / "geodata"

# The data contract's properties (geodata/README.md), in the order they are written.
COMMON = (
    "id",
    "name",
    "name_fa",
    "name_ru",
    "kind",
    "start_date",
    "end_date",
    "date_note",
    "certainty",
    "sources",
    "description",
    "chain",
)
# Fields a record may carry beyond the contract and its layer's catalogue properties; they are
# published as they are (translations of any text field, and the history issue's additions).
PASS_THROUGH = ("*_fa", "*_ru", "status", "recognised_by", "start_date_edtf", "end_date_edtf")
ALWAYS_WRITTEN = ("start_date", "end_date")  # written as null when a record leaves them out
PHRASE = re.compile(r"\{([a-z0-9_]+)\}")
ABSENT = object()  # a property a feature leaves out (unlike one that is null)


class RecordError(ValueError):
    """A record that cannot become a feature; the message names the file and the record."""


@dataclass(frozen=True)
class Record:
    """One feature as the records give it: published properties and how to draw it."""

    properties: dict[str, Any]
    recipe: dict[str, Any] = field(default_factory=dict)


def read_toml(path: Path) -> dict[str, Any]:
    """Read a TOML records file, naming the file in any syntax error."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise RecordError(f"{path}: {error}") from None


def read_csv(path: Path) -> list[dict[str, str]]:
    """Read a CSV records file: one dict per row, empty cells left out."""
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except OSError as error:
        raise RecordError(f"{path}: {error}") from None
    return [{key: value for key, value in row.items() if value not in ("", None)} for row in rows]


def numbers(text: str) -> list[float]:
    """Parse ``"47.95 41.0 49.2 42.3"`` (a box or one point) into floats."""
    return [float(value) for value in text.split()]


def points(text: str) -> list[tuple]:
    """Parse ``"lon lat; lon lat hand; …"`` into tuples; a trailing word is kept as a flag."""
    out = []
    for item in text.split(";"):
        lon, lat, *flag = item.split()
        out.append((float(lon), float(lat), *flag))
    return out


def _expand(value: Any, phrases: dict[str, str], where: str) -> Any:
    if not isinstance(value, str):
        return value

    def phrase(match: re.Match) -> str:
        if match.group(1) not in phrases:
            raise RecordError(f"{where}: no phrase {{{match.group(1)}}} in [phrases]")
        return phrases[match.group(1)]

    return PHRASE.sub(phrase, value)


def _as_date(value: Any, key: str, where: str) -> Any:
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:04d}"
    if value is None or isinstance(value, str):
        return value
    raise RecordError(f'{where}: {key} must be a date such as "1828" or "1828-02-22"')


def publish(
    fields: dict[str, Any], allowed: set[str], where: str, phrases: dict[str, str] | None = None
) -> dict[str, Any]:
    """Turn a record's fields into published properties, in the contract's order.

    ``allowed`` are the layer's own properties; contract and pass-through fields are always
    allowed, anything else is a typo and stops the build.
    """
    where = f"{where} {fields.get('id', '(no id)')}"
    unknown = [
        key
        for key in fields
        if key not in COMMON
        and key not in allowed
        and not any(fnmatch.fnmatchcase(key, pattern) for pattern in PASS_THROUGH)
    ]
    if unknown:
        raise RecordError(f"{where}: unknown field(s) {', '.join(unknown)}")
    if "id" not in fields:
        raise RecordError(f"{where}: every record needs an id")
    values = {key: _expand(value, phrases or {}, where) for key, value in fields.items()}
    for key in ALWAYS_WRITTEN:
        values[key] = _as_date(values.get(key), key, where)
    head = {key: values[key] for key in COMMON if key in values}
    return head | {key: value for key, value in values.items() if key not in head}


def layer_properties(layer: str, geodata: Path = GEODATA) -> set[str]:
    """Return the layer-specific properties that ``catalog.json`` documents for ``layer``."""
    catalog = json.loads((geodata / "catalog.json").read_text(encoding="utf-8"))
    for spec in catalog["layers"]:
        if spec["id"] == layer:
            return set(spec.get("properties", {}))
    return set()


# ------------------------------------------------------------------------------ the layers
def cessions(geodata: Path = GEODATA) -> list[Record]:
    """Periods of ``cessions/periods.toml``, named after the territories of territories.csv."""
    path = geodata / "records" / "cessions" / "periods.toml"
    doc = read_toml(path)
    lands = {row["territory"]: row for row in territories(geodata)}
    allowed = layer_properties("cessions", geodata)
    names = Naming(lands, doc.get("suffixes", {}))
    return [
        _period(period, names, allowed, f"{path}: period", doc.get("phrases"))
        for period in doc.get("period", [])
    ]


@dataclass(frozen=True)
class Naming:
    """How a period is named: ``<territory name> (<suffix>)`` in each language.

    The suffix is the period's ``suffix`` key of the ``[suffixes]`` table (``soviet``,
    ``protectorate``), else its controller's; a language the table leaves out gets the
    territory's name alone, and a controller the table leaves out is its own English suffix.
    """

    lands: dict[str, dict[str, str]]
    suffixes: dict[str, dict[str, str]]

    def derive(self, period: dict, where: str) -> dict[str, str]:
        land = self.lands.get(period.get("territory"))
        if land is None:
            raise RecordError(f"{where} {period.get('id')}: territory not in territories.csv")
        key = period.get("suffix", period.get("controller"))
        if "suffix" in period and key not in self.suffixes:
            raise RecordError(f"{where} {period.get('id')}: suffix {key!r} not in [suffixes]")
        suffix = self.suffixes.get(key, {"en": key})
        names = {"kind": land["kind"], "chain": land["territory"]}
        for tail, lang in (("", "en"), ("_fa", "fa"), ("_ru", "ru")):
            base = land.get(f"name{tail}")
            if base:
                names[f"name{tail}"] = f"{base} ({suffix[lang]})" if lang in suffix else base
        return names


def _period(period: dict, names: Naming, allowed: set[str], where: str, phrases: Any) -> Record:
    derived = names.derive(period, where)
    fields = derived | {key: value for key, value in period.items() if key != "suffix"}
    props = publish(fields, allowed, where, phrases)
    props.setdefault("treaty", None)  # null: the period began by conquest or annexation
    return Record(props, {"territory": derived["chain"]})


def territories(geodata: Path = GEODATA) -> list[dict[str, str]]:
    """Rows of ``cessions/territories.csv`` in table order (the order shapes are cut in)."""
    return read_csv(geodata / "records" / "cessions" / "territories.csv")


def toml_layer(layer: str, geodata: Path = GEODATA) -> list[Record]:
    """The ``[[feature]]`` tables of ``<layer>.toml``; ``shape`` says how to draw each."""
    path = geodata / "records" / f"{layer}.toml"
    doc = read_toml(path)
    allowed = layer_properties(layer, geodata)
    return [
        Record(
            publish(
                {k: v for k, v in table.items() if k != "shape"},
                allowed,
                f"{path}: feature",
                doc.get("phrases"),
            ),
            table.get("shape", {}),
        )
        for table in doc.get("feature", [])
    ]


def consulates(geodata: Path = GEODATA) -> list[Record]:
    """Rows of ``consulates.csv``: one mission per row, placed at lon/lat."""
    path = geodata / "records" / "consulates.csv"
    allowed = layer_properties("consulates", geodata)
    records = []
    for row in read_csv(path):
        fields = {key: value for key, value in row.items() if key not in ("lon", "lat")}
        fields["sources"] = [ref.strip() for ref in row.get("sources", "").split(";")]
        where = f"{path}: row"
        try:
            recipe = {"point": (float(row["lon"]), float(row["lat"]))}
        except (KeyError, ValueError):
            raise RecordError(f"{where} {row.get('id')}: lon and lat must be numbers") from None
        records.append(Record(publish(fields, allowed, where), recipe))
    return records


def _named_rows(name: str, kind: str, recipe_keys: tuple[str, ...], geodata: Path) -> list:
    path = geodata / "records" / "basemap" / f"{name}.csv"
    records = []
    for row in read_csv(path):
        fields = {key: value for key, value in row.items() if key not in recipe_keys}
        fields["kind"] = kind
        props = publish(fields, set(), f"{path}: row")
        for key in ALWAYS_WRITTEN:  # the basemap is timeless: no dates
            del props[key]
        records.append(Record(props, {key: row[key] for key in recipe_keys}))
    return records


def seas(geodata: Path = GEODATA) -> list[Record]:
    """Seas of ``basemap/seas.csv``, each with the region that names its pieces of sea."""
    return _named_rows("seas", "sea", ("region",), geodata)


def lakes(geodata: Path = GEODATA) -> list[Record]:
    """Lakes of ``basemap/lakes.csv``, each with a point inside it."""
    return _named_rows("lakes", "lake", ("lon", "lat"), geodata)


def rivers(geodata: Path = GEODATA) -> list[Record]:
    """Rivers of ``basemap/rivers.csv`` with the points each is routed through."""
    return _named_rows("rivers", "river", ("points",), geodata)


READERS: dict[str, Callable[[Path], list[Record]]] = {
    "cessions": cessions,
    "spheres_1907": lambda geodata: toml_layer("spheres_1907", geodata),
    "occupations": lambda geodata: toml_layer("occupations", geodata),
    "corridors": lambda geodata: toml_layer("corridors", geodata),
    "consulates": consulates,
    "events": lambda geodata: toml_layer("events", geodata),
    "basemap/water": lambda geodata: seas(geodata) + lakes(geodata),
    "basemap/rivers": rivers,
}


def read_layer(layer: str, geodata: Path = GEODATA) -> list[Record]:
    """Return the records of ``layer`` (a key of ``READERS``) in publishing order."""
    return READERS[layer](geodata)


# ------------------------------------------------------------------------------ drift
def drift(layer: str, geodata: Path = GEODATA) -> list[str]:
    """Say where ``geodata/<layer>.geojson`` differs from its records (empty: they agree)."""
    path = geodata / f"{layer}.geojson"
    expected = {r.properties["id"]: r.properties for r in read_layer(layer, geodata)}
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

"""Read ``geodata/records/`` into the properties each published layer carries.

The records are what historians and translators edit (CSV and TOML, see
``geodata/records/README.md``); the builders turn them into ``geodata/*.geojson``. Both the
builders and ``tests/data/test_records.py`` read records through this module, so the test checks
exactly what a builder would write. Standard library and the server's core (the contract's column
order, its dates) only: it runs without GeoPandas, without a network and without Flask.
"""

from __future__ import annotations

import csv
import datetime
import fnmatch
import json
import re
import tomllib
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from server.core.columns import CONTRACT_ORDER, DAY_COLUMNS
from server.core.dates import span_of

GEODATA = Path(__file__).resolve().parents[1] / "geodata"

# Fields a record may carry beyond the contract and its layer's catalogue properties; they are
# published as they are (translations of any text field, and the history issue's additions).
PASS_THROUGH = ("*_fa", "*_ru", "status", "recognised_by", "start_date_edtf", "end_date_edtf")
ALWAYS_WRITTEN = ("start_date", "end_date")  # written as null when a record leaves them out
PHRASE = re.compile(r"\{([a-z0-9_]+)\}")


def passes_through(key: str) -> bool:
    """True for a field published as the record gives it (``description_fa``, ``status`` …)."""
    return any(fnmatch.fnmatchcase(key, pattern) for pattern in PASS_THROUGH)


# The contract's fields in the one order of the data contract (server/core/columns.py); the
# names come together, the fields that pass through follow in the record's own order.
COMMON = tuple(
    key
    for key in CONTRACT_ORDER
    if key not in DAY_COLUMNS and (key.startswith("name") or not passes_through(key))
)


class RecordError(ValueError):
    """A record that cannot become a feature; the message names the file and the record."""


@dataclass(frozen=True)
class Record:
    """One feature as the records give it: published properties and how to draw it."""

    properties: dict[str, Any]
    recipe: dict[str, Any]


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


def split_sources(cell: str) -> list[str]:
    """Parse a CSV ``sources`` cell, ``key: locator; key2``, into its keys, each once."""
    return list(dict.fromkeys(ref.strip() for ref in cell.split(";") if ref.strip()))


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
        if key not in COMMON and key not in allowed and not passes_through(key)
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
    allowed, out, where = layer_properties("cessions", geodata), [], f"{path}: period"
    for period in doc.get("period", []):
        derived = _period_names(period, lands, doc.get("suffixes", {}), where)
        fields = derived | {key: value for key, value in period.items() if key != "suffix"}
        props = publish(fields, allowed, where, doc.get("phrases"))
        props.setdefault("treaty", None)  # null: the period began by conquest or annexation
        out.append(Record(props, {"territory": derived["chain"]}))
    return out


def _period_names(period: dict, lands: dict, suffixes: dict, where: str) -> dict[str, str]:
    """Name a period ``<territory name> (<suffix>)`` in each language.

    The suffix is the period's ``suffix`` key of the ``[suffixes]`` table (``soviet``,
    ``protectorate``), else its controller's; a language the table leaves out gets the
    territory's name alone, and a controller the table leaves out is its own English suffix.
    """
    land = lands.get(period.get("territory"))
    if land is None:
        raise RecordError(f"{where} {period.get('id')}: territory not in territories.csv")
    key = period.get("suffix", period.get("controller"))
    if "suffix" in period and key not in suffixes:
        raise RecordError(f"{where} {period.get('id')}: suffix {key!r} not in [suffixes]")
    suffix = suffixes.get(key, {"en": key})
    names = {"kind": land["kind"], "chain": land["territory"]}
    for tail, lang in (("", "en"), ("_fa", "fa"), ("_ru", "ru")):
        base = land.get(f"name{tail}")
        if base:
            names[f"name{tail}"] = f"{base} ({suffix[lang]})" if lang in suffix else base
    return names


def territories(geodata: Path = GEODATA) -> list[dict[str, str]]:
    """Rows of ``cessions/territories.csv`` in table order (the order shapes are cut in)."""
    return read_csv(geodata / "records" / "cessions" / "territories.csv")


def toml_layer(layer: str, geodata: Path = GEODATA) -> list[Record]:
    """The ``[[feature]]`` tables of ``<layer>.toml``; ``shape`` says how to draw each."""
    path = geodata / "records" / f"{layer}.toml"
    doc = read_toml(path)
    allowed, out = layer_properties(layer, geodata), []
    for table in doc.get("feature", []):
        fields = {key: value for key, value in table.items() if key != "shape"}
        props = publish(fields, allowed, f"{path}: feature", doc.get("phrases"))
        out.append(Record(props, table.get("shape", {})))
    return out


def consulates(geodata: Path = GEODATA) -> list[Record]:
    """Rows of ``consulates.csv``: one mission per row, placed at lon/lat."""
    path = geodata / "records" / "consulates.csv"
    allowed = layer_properties("consulates", geodata)
    records = []
    for row in read_csv(path):
        fields = {key: value for key, value in row.items() if key not in ("lon", "lat")}
        fields["sources"] = split_sources(row.get("sources", ""))
        where = f"{path}: row"
        try:
            recipe = {"point": (float(row["lon"]), float(row["lat"]))}
        except (KeyError, ValueError):
            raise RecordError(f"{where} {row.get('id')}: lon and lat must be numbers") from None
        records.append(Record(publish(fields, allowed, where), recipe))
    return records


BASEMAP_KINDS = {  # each basemap table: the kind of its features, the columns that draw them
    "seas": ("sea", ("region",)),  # the region that names its pieces of sea
    "lakes": ("lake", ("lon", "lat")),  # a point inside the lake
    "rivers": ("river", ("points",)),  # the points the river is routed through
}


def basemap(table: str, geodata: Path = GEODATA) -> list[Record]:
    """Rows of ``basemap/<table>.csv`` (a key of ``BASEMAP_KINDS``): timeless, so no dates."""
    path = geodata / "records" / "basemap" / f"{table}.csv"
    kind, recipe_keys = BASEMAP_KINDS[table]
    records = []
    for row in read_csv(path):
        fields = {key: value for key, value in row.items() if key not in recipe_keys}
        props = publish(fields | {"kind": kind}, set(), f"{path}: row")
        for key in ALWAYS_WRITTEN:
            del props[key]
        records.append(Record(props, {key: row[key] for key in recipe_keys}))
    return records


def gazetteer(geodata: Path = GEODATA) -> list[Record]:
    """Name periods of ``gazetteer/names.csv`` at the points of ``places.csv``, place by place.

    A place's names share ``chain`` (and ``place``): its id. A period's id is its name's slug
    and first year (``tiflis-early``, ``tbilisi-1936``).
    """
    folder = geodata / "records" / "gazetteer"
    places = {row["id"]: row for row in read_csv(folder / "places.csv")}
    names = sorted(read_csv(folder / "names.csv"), key=lambda row: row.get("start_date", ""))
    unknown = sorted({row.get("place_id", "") for row in names} - set(places))
    if unknown:
        raise RecordError(f"{folder / 'names.csv'}: unknown place(s) {', '.join(unknown)}")
    allowed, out = layer_properties("gazetteer", geodata), []
    for place_id, place in places.items():
        texts = {key: value for key, value in place.items() if key.startswith("description")}
        rank, cited = place.get("rank", ""), place.get("sources", "")
        for row in (row for row in names if row["place_id"] == place_id):
            start = row.get("start_date")
            fields = {key: value for key, value in row.items() if key != "place_id"} | {
                "id": f"{slug(row.get('name', ''))}-{start[:4] if start else 'early'}",
                **{"chain": place_id, "place": place_id, "kind": place.get("kind")},
                "rank": int(rank) if rank.isdigit() else rank,
                "sources": split_sources(f"{row.get('sources', '')};{cited}"),
            }
            fields |= texts
            recipe = {"point": (float(place["lon"]), float(place["lat"]))}
            out.append(Record(publish(fields, allowed, f"{folder}/names.csv: name"), recipe))
    return out


def slug(text: str) -> str:
    """ASCII slug of a display name (Türkmenbaşy -> turkmenbasy, Barda'a -> bardaa)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower().replace("'", "")).strip("-")


def states(geodata: Path = GEODATA) -> list[Record]:
    """The name periods of ``states/polities.csv``: what each gives every feature of its state.

    Which land a state held, and so its features, comes from the shapes and ``holders.csv``
    (``tools/build_states.py``); the recipe keeps the period's days and sources.
    """
    out = []
    for row in read_csv(geodata / "records" / "states" / "polities.csv"):
        props = {k: v for k, v in row.items() if k not in ("start_date", "end_date", "sources")}
        recipe = {"span": span_of(row.get("start_date"), row.get("end_date"))}
        recipe |= {"sources": split_sources(row["sources"]), "certainty": props.pop("certainty")}
        out.append(Record(props, recipe))
    return out


READERS: dict[str, Callable[[Path], list[Record]]] = {
    "states": states,
    "cessions": cessions,
    "spheres_1907": lambda geodata: toml_layer("spheres_1907", geodata),
    "occupations": lambda geodata: toml_layer("occupations", geodata),
    "corridors": lambda geodata: toml_layer("corridors", geodata),
    "consulates": consulates,
    "events": lambda geodata: toml_layer("events", geodata),
    "modern_borders": lambda geodata: toml_layer("modern_borders", geodata),
    "gazetteer": gazetteer,
    "basemap/water": lambda geodata: basemap("seas", geodata) + basemap("lakes", geodata),
    "basemap/rivers": lambda geodata: basemap("rivers", geodata),
}


def read_layer(layer: str, geodata: Path = GEODATA) -> list[Record]:
    """Return the records of ``layer`` (a key of ``READERS``) in publishing order."""
    return READERS[layer](geodata)

"""The properties a layer publishes: one set of keys, in one order, whatever the date or page.

GIS clients type a field from the first features they see and build tables from the first
page's keys, so a property that appears only on some features (``chain``, ``regime``) or in a
different order from one date to the next breaks joins, batch exports and type guesses. Every
feature of a layer is therefore published with the same keys in the same order: the data
contract's fields first (those the layer uses), then the catalogue's properties in catalogue
order, then anything else the data carries, sorted; a missing value is ``null``.

Beside the partial-date text (``start_date: "1806-08"``), every feature gets the full days it
covers, ``start_day`` and ``end_day`` (``1806-08-01``, ``1806-08-31``; ``null`` where the span is
open), so clients that type dates get correct dates and nothing is lost for those that do not.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from server.core.contract import LayerSpec
from server.core.dates import EARLIEST, LATEST

DAY_COLUMNS = ("start_day", "end_day")
# The data contract's fields (geodata/README.md), in the order tables show them.
CONTRACT_ORDER = (
    "id",
    "name",
    "name_fa",
    "name_ru",
    "kind",
    "start_date",
    "end_date",
    *DAY_COLUMNS,
    "date_note",
    "start_date_edtf",
    "end_date_edtf",
    "certainty",
    "status",
    "recognised_by",
    "sources",
    "description",
    "description_fa",
    "description_ru",
    "chain",
)
# Published on every layer even if no feature has a value (they are required or derived).
REQUIRED = ("id", "name", "kind", "start_date", "end_date", "certainty", "sources", "description")
ALWAYS = frozenset((*REQUIRED, *DAY_COLUMNS))


def layer_columns(spec: LayerSpec, features: Iterable[Mapping[str, Any]]) -> tuple[str, ...]:
    """Return the property names a layer publishes, in their fixed order."""
    used = {name for feature in features for name in feature["properties"]}
    contract = [name for name in CONTRACT_ORDER if name in ALWAYS or name in used]
    catalogued = [name for name in spec.properties if name not in contract]
    others = sorted(used - set(contract) - set(catalogued))
    return (*contract, *catalogued, *others)


def day_text(day: date) -> str | None:
    """Return a day as ``YYYY-MM-DD``, or ``None`` for an open side of a span."""
    return None if day in (EARLIEST, LATEST) else day.isoformat()


def published_properties(
    properties: Mapping[str, Any], columns: Iterable[str], span: tuple[date, date]
) -> dict[str, Any]:
    """Return a feature's properties as published: every column, days filled in."""
    days = dict(zip(DAY_COLUMNS, (day_text(span[0]), day_text(span[1])), strict=True))
    return {name: days[name] if name in days else properties.get(name) for name in columns}

"""What a map page shows: one day, the layers that are on, and the page's language.

``view_from_query`` reads ``?date=``, ``?layers=`` and ``?lang=`` (plain mappings, no request);
a bad value raises ``InvalidParameter`` naming the parameter, and so does a date after today:
the atlas does not carry today's map into the future.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Literal

from server.core.dates import parse_day
from server.core.errors import InvalidParameter
from server.core.formats import quote
from server.core.i18n import language_of
from server.core.store import LayerStore

Mode = Literal["atlas", "classroom", "tour", "compare", "classroom_compare"]
CONTRAST_MODES = ("classroom", "tour", "classroom_compare")  # projected: the bold palette
COMPARE_MODES = ("compare", "classroom_compare")  # two dates side by side


@dataclass(frozen=True)
class View:
    """What the map shows: one day, the layers that are on, and the page's language."""

    day: date
    layers: tuple[str, ...]
    lang: str = "en"


def default_view(store: LayerStore, lang: str = "en") -> View:
    """Return the view the atlas opens on: the latest key date, or today, with default layers."""
    layers = tuple(layer.id for layer in store if layer.spec.default_on)
    day = parse_day(store.key_dates[-1].date) if store.key_dates else store.timeline()[1]
    return View(day=day, layers=layers, lang=lang)


def view_from_query(store: LayerStore, query: Mapping[str, str], base: View | None = None) -> View:
    """Read ``?date=``, ``?layers=`` and ``?lang=`` into a View; bad values raise precisely."""
    lang = language_of(query.get("lang"))
    view = base or default_view(store, lang)
    day = view.day
    if "date" in query:
        try:
            day = parse_day(query["date"])
        except ValueError as error:
            raise InvalidParameter(f"date: {error}") from None
        last = store.timeline()[1]
        if day > last:
            raise InvalidParameter(
                f"date: {day.isoformat()} is after today ({last.isoformat()}); the atlas ends today"
            )
    layers = view.layers
    if "layers" in query:
        layers = tuple(part for part in query["layers"].split(",") if part)
        unknown = [part for part in layers if part not in store.layers]
        if unknown:
            known = ", ".join(store.layers)
            raise InvalidParameter(
                f"layers: unknown {quote(', '.join(unknown), 80)}; layers are {known}"
            )
    return View(day=day, layers=layers, lang=lang)

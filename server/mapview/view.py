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

from server.core.dates import parse_date
from server.core.errors import InvalidParameter
from server.core.formats import quote
from server.core.i18n import language_of
from server.core.store import LayerStore

Mode = Literal["atlas", "classroom", "tour", "compare", "classroom_compare"]
CONTRAST_MODES = ("classroom", "tour", "classroom_compare")  # projected: the bold palette
COMPARE_MODES = ("compare", "classroom_compare")  # two dates side by side
Precision = Literal["year", "month", "day"]
# The moment the atlas opens on when the address names none: the Treaty of Turkmenchay, the
# story's hinge (the Caucasus khanates pass from Persia to Russia, the Aras becomes the border).
OPENING_MOMENT = "treaty-turkmenchay-1828"


@dataclass(frozen=True)
class View:
    """What the map shows: one day, the layers that are on, and the page's language."""

    day: date
    layers: tuple[str, ...]
    lang: str = "en"
    # What the date is known to: ?date=1916 is the year 1916, drawn from its first day.
    precision: Precision = "day"

    @property
    def date_text(self) -> str:
        """Return the date at its precision: ``1916``, ``1920-06`` or ``1828-02-22``."""
        return self.day.isoformat()[: {"year": 4, "month": 7, "day": 10}[self.precision]]


def precision_of(text: str) -> Precision:
    """Return what a partial date is known to; raise ``InvalidDate`` if it is no date."""
    partial = parse_date(text)
    return "day" if partial.day else "month" if partial.month else "year"


def default_view(store: LayerStore, lang: str = "en") -> View:
    """Return the view the atlas opens on: its opening moment with the default layers.

    The opening moment is ``OPENING_MOMENT`` if the key dates have it, else the latest key date,
    else today.
    """
    layers = tuple(layer.id for layer in store if layer.spec.default_on)
    moments = {moment.id: moment for moment in store.key_dates}
    moment = moments.get(OPENING_MOMENT) or (store.key_dates[-1] if store.key_dates else None)
    if moment is None:
        return View(day=store.timeline()[1], layers=layers, lang=lang)
    partial = parse_date(moment.date)
    return View(partial.first_day(), layers, lang, precision_of(moment.date))


def view_from_query(store: LayerStore, query: Mapping[str, str], base: View | None = None) -> View:
    """Read ``?date=``, ``?layers=`` and ``?lang=`` into a View; bad values raise precisely."""
    lang = language_of(query.get("lang"))
    view = base or default_view(store, lang)
    day, precision = view.day, view.precision
    if "date" in query:
        try:
            day, precision = parse_date(query["date"]).first_day(), precision_of(query["date"])
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
    return View(day=day, layers=layers, lang=lang, precision=precision)

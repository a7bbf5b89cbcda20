"""The comparison page's two days: ``/compare?left=1812-06-01&right=1829-06-01``.

Each side is a day, as ``?date=`` is on the map; a missing side is filled from the key dates
(the one before ``right``, or after ``left``), so ``/compare`` alone opens on the atlas's last
two key moments. A bad day raises ``InvalidParameter`` naming the side.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from server.core.dates import parse_day
from server.core.errors import InvalidParameter
from server.core.store import LayerStore
from server.mapview.view import default_view

SIDES = ("left", "right")


def compare_days(store: LayerStore, query: Mapping[str, str]) -> tuple[date, date]:
    """Return the left and right days the query asks for, filling a missing one."""
    asked = {}
    for side in SIDES:
        if side in query:
            try:
                asked[side] = parse_day(query[side])
            except ValueError as error:
                raise InvalidParameter(f"{side}: {error}") from None
    moments = sorted({parse_day(moment.date) for moment in store.key_dates})
    right = asked.get("right") or _after(moments, asked.get("left")) or default_view(store).day
    left = asked.get("left") or _before(moments, right) or right
    return left, right


def _before(moments: list[date], day: date) -> date | None:
    earlier = [moment for moment in moments if moment < day]
    return earlier[-1] if earlier else None


def _after(moments: list[date], day: date | None) -> date | None:
    later = [moment for moment in moments if day is not None and moment > day]
    return later[0] if later else None

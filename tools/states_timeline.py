"""Timelines of the states layer: who held each piece of land, under which state name, when.

Pure functions over the records in ``geodata/records/states`` (no geometry here), so the
rules can be read and tested on their own. ``tools/build_states.py`` does the geometry.

A *segment* is a closed interval of days during which one state held a piece of land. The
holders of a zone come from ``holders.csv``; a row whose polity is ``=cessions`` follows the
cessions layer for land inside a cession territory (its controller's polity: Persia ->
``iran``, Russia -> ``russia``, Armenia -> ``armenia`` ...), ``=cessions/iran`` falls back to
``iran`` where the cessions layer draws nothing, and ``Controller:polity`` words after it
redraw one controller as another polity (``=cessions/armenia Russia:armenia``: the Soviet
rule the cessions call Russia is the Armenian SSR until the union treaty). The polity's name
on each day comes from ``polities.csv`` (Qajar Persia, Russian Empire, ...).
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

# The polity of the states layer that each controller of the cessions layer stands for.
CONTROLLER_POLITY = {
    "Persia": "iran",
    "Russia": "russia",
    "Georgia": "georgia",
    "Armenia": "armenia",
    "Azerbaijan": "azerbaijan",
    "Contested": "contested",
    "Transcaspia": "transcaspia",
    "Centrocaspian": "centrocaspian",
}
CERTAINTY_ORDER = ("exact", "approximate", "disputed")


@dataclass(frozen=True)
class Segment:
    """Days ``first``..``last`` (ordinals) held by ``polity``; ``start``/``end`` as written."""

    first: int
    last: int
    start: str
    end: str | None
    polity: str
    row: int  # index of the holders.csv row that produced it (for sources and notes)
    state: str = ""


def first_day(value: str | None) -> int:
    """Ordinal of the first day of a partial ISO date; None = the distant past."""
    if not value:
        return date.min.toordinal()
    parts = [int(p) for p in value.split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2]).toordinal()


def last_day(value: str | None) -> int:
    """Ordinal of the last day of a partial ISO date; None = still holds."""
    if not value:
        return date.max.toordinal()
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return date(*parts).toordinal()
    if len(parts) == 2:
        year, month = parts
        return (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).toordinal()
    return date(parts[0], 12, 31).toordinal()


def iso(ordinal: int) -> str:
    """A full ISO date for a computed boundary."""
    return date.fromordinal(ordinal).isoformat()


def read_csv(path: Path) -> list[dict[str, str]]:
    """Read a record file as dicts of stripped strings."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle)]


def cession_periods(cessions_path: Path) -> dict[str, list[tuple[int, int, str, str | None, str]]]:
    """Each cession territory's periods: (first, last, start, end, controller), in date order."""
    periods: dict[str, list] = {}
    for feature in json.loads(cessions_path.read_text(encoding="utf-8"))["features"]:
        p = feature["properties"]
        start, end = p["start_date"], p["end_date"]
        entry = (first_day(start), last_day(end), start, end, p["controller"])
        periods.setdefault(p["territory"], []).append(entry)
    return {k: sorted(v) for k, v in periods.items()}


def clip(seg: Segment, first: int, last: int, start: str, end: str | None) -> Segment | None:
    """The part of ``seg`` inside first..last, keeping the written form of each boundary."""
    lo, hi = max(seg.first, first), min(seg.last, last)
    if lo > hi:
        return None
    new_start = seg.start if seg.first >= first else start
    new_end = seg.end if seg.last <= last else end
    return replace(seg, first=lo, last=hi, start=new_start, end=new_end)


def follow_cessions(row_seg: Segment, periods: list, spec: str) -> list[Segment]:
    """Resolve an ``=cessions`` row: cession controllers where drawn, the fallback elsewhere."""
    head, *remaps = spec.split()
    fallback = head.partition("/")[2] or None
    polity_of = CONTROLLER_POLITY | dict(word.split(":") for word in remaps)
    out, cursor = [], row_seg.first
    for first, last, start, end, controller in periods:
        piece = clip(replace(row_seg, polity=polity_of[controller]), first, last, start, end)
        if piece is None:
            continue
        if piece.first > cursor and fallback:
            out.append(
                replace(
                    row_seg,
                    first=cursor,
                    last=piece.first - 1,
                    polity=fallback,
                    start=row_seg.start if cursor == row_seg.first else iso(cursor),
                    end=iso(piece.first - 1),
                )
            )
        out.append(piece)
        cursor = piece.last + 1
    if cursor <= row_seg.last and fallback:
        start = row_seg.start if cursor == row_seg.first else iso(cursor)
        out.append(replace(row_seg, first=cursor, polity=fallback, start=start))
    return out


def holder_segments(rows: list[tuple[int, dict]], territory: str | None, cessions: dict) -> list:
    """The polity segments of one piece of land in one zone."""
    out = []
    for index, row in rows:
        seg = Segment(
            first_day(row["start_date"]),
            last_day(row["end_date"]),
            row["start_date"],
            row["end_date"] or None,
            row["polity"],
            index,
        )
        if not seg.polity.startswith("=cessions"):
            out.append(seg)
            continue
        out.extend(follow_cessions(seg, cessions.get(territory, []), seg.polity))
    return sorted(out, key=lambda s: s.first)


def name_segments(segments: list[Segment], polities: list[dict]) -> list[Segment]:
    """Split polity segments by the polity's name periods; fail on days with no name."""
    out = []
    for seg in segments:
        covered = 0
        for period in (p for p in polities if p["polity"] == seg.polity):
            part = clip(
                seg,
                first_day(period["start_date"]),
                last_day(period["end_date"]),
                period["start_date"],
                period["end_date"] or None,
            )
            if part:
                out.append(replace(part, state=period["state"]))
                covered += part.last - part.first + 1
        if covered != seg.last - seg.first + 1:
            raise ValueError(f"{seg.polity} has no name for some days of {seg.start}..{seg.end}")
    return merge_adjacent(sorted(out, key=lambda s: s.first))


def merge_adjacent(segments: list[Segment]) -> list[Segment]:
    """Join back-to-back segments of the same state (one feature, not two)."""
    out: list[Segment] = []
    for seg in segments:
        if out and out[-1].state == seg.state and out[-1].last + 1 == seg.first:
            out[-1] = replace(out[-1], last=seg.last, end=seg.end)
        else:
            out.append(seg)
    return out


def worst_certainty(*values: str) -> str:
    """The least certain of several certainties."""
    return max(values, key=CERTAINTY_ORDER.index)

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

from datetime import date
from typing import NamedTuple

from server.core.contract import CERTAINTIES
from server.core.dates import span_of

# A controller of the cessions layer stands for the polity of its own name in lower case
# (Russia -> russia, Contested -> contested), except Persia: the states layer's ``iran``.
CONTROLLER_POLITY = {"Persia": "iran"}


class Segment(NamedTuple):
    """Days ``first``..``last`` (ordinals) held by ``polity``; ``start``/``end`` as written.

    ``row`` is the index of the holders.csv row that produced it (for sources and notes).
    """

    first: int
    last: int
    start: str
    end: str | None
    polity: str
    row: int = -1
    state: str = ""


def segment(start: str | None, end: str | None, polity: str = "", row: int = -1) -> Segment:
    """The segment of a record's partial dates (empty = open); ordinals make day arithmetic."""
    first, last = span_of(start or None, end or None)
    return Segment(first.toordinal(), last.toordinal(), start or "", end or None, polity, row)


def cession_periods(features: list[dict]) -> dict[str, list[Segment]]:
    """Each cession territory's periods, as segments of its controller, in date order."""
    periods: dict[str, list[Segment]] = {}
    for props in (feature["properties"] for feature in features):
        periods.setdefault(props["territory"], []).append(
            segment(props["start_date"], props["end_date"], props["controller"])
        )
    return {k: sorted(v) for k, v in periods.items()}


def clip(seg: Segment, span: Segment) -> Segment | None:
    """The part of ``seg`` inside ``span``, keeping the written form of each boundary."""
    lo, hi = max(seg.first, span.first), min(seg.last, span.last)
    if lo > hi:
        return None
    start = seg.start if seg.first >= span.first else span.start
    end = seg.end if seg.last <= span.last else span.end
    return seg._replace(first=lo, last=hi, start=start, end=end)


def follow_cessions(row_seg: Segment, periods: list[Segment]) -> list[Segment]:
    """Resolve an ``=cessions`` row: cession controllers where drawn, the fallback elsewhere."""
    head, *remaps = row_seg.polity.split()
    fallback = head.partition("/")[2]
    polity_of = CONTROLLER_POLITY | dict(word.split(":") for word in remaps)
    out, cursor = [], row_seg.first
    for period in periods:
        polity = polity_of.get(period.polity, period.polity.lower())
        piece = clip(row_seg._replace(polity=polity), period)
        if piece is None:
            continue
        if piece.first > cursor and fallback:
            out.append(clip(row_seg._replace(polity=fallback), days(cursor, piece.first - 1)))
        out.append(piece)
        cursor = piece.last + 1
    if cursor <= row_seg.last and fallback:
        out.append(clip(row_seg._replace(polity=fallback), days(cursor, row_seg.last)))
    return out


def days(first: int, last: int) -> Segment:
    """The days ``first``..``last`` (ordinals) as a segment, to clip another to."""
    return segment(date.fromordinal(first).isoformat(), date.fromordinal(last).isoformat())


def holder_segments(rows: list[tuple[int, dict]], periods: list[Segment]) -> list[Segment]:
    """The polity segments of one piece of land in one zone (``periods``: its territory's)."""
    out = []
    for index, row in rows:
        seg = segment(row["start_date"], row.get("end_date"), row["polity"], index)
        out.extend(follow_cessions(seg, periods) if seg.polity.startswith("=") else [seg])
    return sorted(out, key=lambda s: s.first)


def name_segments(segments: list[Segment], polities: list[dict]) -> list[Segment]:
    """Split polity segments by the polity's name periods; fail on days with no name."""
    out = []
    for seg in segments:
        names = [p for p in polities if p["polity"] == seg.polity]
        parts = [(p, clip(seg, segment(p["start_date"], p.get("end_date")))) for p in names]
        named = [part._replace(state=p["state"]) for p, part in parts if part]
        if sum(part.last - part.first + 1 for part in named) != seg.last - seg.first + 1:
            raise ValueError(f"{seg.polity} has no name for some days of {seg.start}..{seg.end}")
        out += named
    return merge_adjacent(sorted(out, key=lambda s: s.first))


def merge_adjacent(segments: list[Segment]) -> list[Segment]:
    """Join back-to-back segments of the same state (one feature, not two)."""
    out: list[Segment] = []
    for seg in segments:
        if out and out[-1].state == seg.state and out[-1].last + 1 == seg.first:
            out[-1] = out[-1]._replace(last=seg.last, end=seg.end)
        else:
            out.append(seg)
    return out


def worst_certainty(*values: str) -> str:
    """The least certain of several certainties."""
    return max(values, key=CERTAINTIES.index)

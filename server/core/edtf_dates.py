"""Uncertain dates in EDTF (``1813~``, ``1908/1909``, ``[..1935]``), beside the plain dates.

A feature's ``start_date``/``end_date`` drive every filter (the slider, ``datetime=``, exports);
``start_date_edtf``/``end_date_edtf`` say how well the sources know them: approximately, within
a range of years, or "on or before". They are parsed with the maintained ``edtf`` package (the
Library of Congress specification, ISO 8601-2), checked against the plain dates (the EDTF range
must contain them, or the two say different things), and published unchanged; the map page
gets each range as day ordinals, to draw the uncertain part of a feature's timeline fading.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date
from typing import Any

import edtf

from server.core.dates import parse_date
from server.core.errors import InvalidDate

EDGES = (("start_date", "start_date_edtf"), ("end_date", "end_date_edtf"))


def edtf_range(text: Any) -> tuple[date | None, date | None]:
    """Return the widest days an EDTF string allows (its fuzzy bounds); None where open.

    ``1813~`` (approximately 1813) spans 1812–1814, as the edtf package widens an approximate
    year by one on each side; ``1908/1909`` spans both years; ``[..1935]`` has no lower bound.
    """
    if not isinstance(text, str) or not text.strip():
        raise ValueError("must be a non-empty EDTF string such as '1813~' or '1908/1909'")
    try:
        parsed = edtf.parse_edtf(text)
        bounds = (parsed.lower_fuzzy(), parsed.upper_fuzzy())
    except (edtf.EDTFParseException, ValueError, TypeError, AttributeError) as error:
        reason = str(error)[:80] or "unreadable"
        raise ValueError(f"{text!r} is not valid EDTF ({reason})") from None
    return _day(bounds[0], text), _day(bounds[1], text)


def _day(bound: Any, text: str) -> date | None:
    if isinstance(bound, float) and math.isinf(bound):
        return None
    try:
        return date(bound.tm_year, bound.tm_mon, bound.tm_mday)
    except (ValueError, AttributeError):
        raise ValueError(f"{text!r} reaches outside the years 1–9999") from None


def check_edtf(props: Mapping[str, Any]) -> None:
    """Check a feature's EDTF dates: valid EDTF, and a range that holds its plain date."""
    for plain_key, edtf_key in EDGES:
        if edtf_key not in props or props[edtf_key] is None:
            continue
        try:
            low, high = edtf_range(props[edtf_key])
        except ValueError as error:
            raise ValueError(f"{edtf_key}: {error}") from None
        plain = props.get(plain_key)
        if plain is None:
            raise ValueError(f"{edtf_key} needs a {plain_key} to stand beside")
        try:
            partial = parse_date(plain)
        except InvalidDate:
            return  # the plain date's own check names the problem
        day = partial.first_day() if plain_key == "start_date" else partial.last_day()
        if (low and day < low) or (high and day > high):
            allowed = f"{low or '..'} to {high or '..'}"
            raise ValueError(
                f"{edtf_key} {props[edtf_key]!r} allows {allowed}, which does not hold "
                f"{plain_key} {plain}: the plain date must fall inside its EDTF range"
            )


def uncertain_ranges(features: list[dict]) -> dict[str, dict[str, list[int | None]]]:
    """Return ``{feature id: {"start"|"end": [first, last]}}`` as ordinals, for EDTF dates only.

    A bound the EDTF leaves open is None (the page fades to the edge of the feature's bar).
    """
    ranges: dict[str, dict[str, list[int | None]]] = {}
    for feature in features:
        props = feature["properties"]
        for plain_key, edtf_key in EDGES:
            if props.get(edtf_key):
                low, high = edtf_range(props[edtf_key])
                edge = plain_key.removesuffix("_date")
                ranges.setdefault(props["id"], {})[edge] = [
                    low.toordinal() if low else None,
                    high.toordinal() if high else None,
                ]
    return ranges

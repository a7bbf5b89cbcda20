"""Lines and areas packed for the page: whole-number steps instead of decimal coordinates.

A polygon written as ``[[44.12345, 40.54321], [44.12401, 40.54388], …]`` repeats its degrees in
every position; written as the first position in units of the layer's precision and then the
step to each next one (``[4412345, 4054321, 56, 67, …]``) it is about a third smaller once
compressed. Nothing is lost: the unit is the finest decimal the layer's data use, so each
coordinate comes back exactly as published (``static/js/core/packing.js`` unpacks a geometry
when it is first read; ``map/basemap.js`` projects the basemap's steps without unpacking them).
Points travel as they are.

A packed collection says so with ``"packed": <units per degree>``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np

# How many levels of lists lie above a line of positions, by geometry type.
DEPTH = {"LineString": 0, "MultiPoint": 0, "Polygon": 1, "MultiLineString": 1, "MultiPolygon": 2}
FINEST = 7  # decimals (about 1 cm); finer data would be a mistake, and is refused


def packed_collection(features: list[dict[str, Any]]) -> dict[str, Any]:
    """Return a FeatureCollection of ``features`` with their lines and areas packed."""
    scale = 10 ** _decimals(features)
    return {
        "type": "FeatureCollection",
        "packed": scale,
        "features": [
            {**feature, "geometry": _packed(feature["geometry"], scale)} for feature in features
        ],
    }


def _packed(geometry: dict[str, Any] | None, scale: int) -> dict[str, Any] | None:
    if geometry is None or geometry["type"] not in DEPTH:
        return geometry
    return {
        **geometry,
        "coordinates": _pack(geometry["coordinates"], DEPTH[geometry["type"]], scale),
    }


def _pack(coordinates: list, depth: int, scale: int) -> list:
    if depth:
        return [_pack(part, depth - 1, scale) for part in coordinates]
    steps: list[int] = []
    last_x = last_y = 0
    for x, y in coordinates:
        unit_x, unit_y = round(x * scale), round(y * scale)
        steps += (unit_x - last_x, unit_y - last_y)
        last_x, last_y = unit_x, unit_y
    return steps


def _decimals(features: list[dict[str, Any]]) -> int:
    """Find the fewest decimals at which every line and area of ``features`` packs exactly.

    Exactly: each coordinate, as a whole number of units divided by the units per degree (what
    the page computes), is the very same double again.
    """
    values = np.fromiter(
        (
            value
            for feature in features
            if feature["geometry"] is not None and feature["geometry"]["type"] in DEPTH
            for value in _numbers(feature["geometry"]["coordinates"])
        ),
        dtype=float,
    )
    for decimals in range(FINEST + 1):
        scale = 10**decimals
        if np.array_equal(np.round(values * scale) / scale, values):
            return decimals
    raise ValueError(f"coordinates finer than {FINEST} decimals cannot be packed exactly")


def _numbers(coordinates: list) -> Iterator[float]:
    if isinstance(coordinates[0], int | float):
        yield from coordinates
    else:
        for part in coordinates:
            yield from _numbers(part)

"""Where the map writes names: inside an area, along a line, and once per state and period.

The browser places names so that they never collide, but it cannot afford geometry work on every
slider step; so the anchors are computed here once, when the page data are made. A state is
drawn as pieces (one per region and holder), so its name is anchored on the union of the pieces
it holds at a time, for each period in which that union stays the same.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

import numpy as np
import shapely
from shapely.geometry import box

from server.core.store import Layer

BBox = tuple[float, float, float, float]  # west, south, east, north
# The precision of the largest inscribed circle, in degrees: about 5 km, far below what a
# name at any zoom can show.
POLE_TOLERANCE = 0.05
DECIMALS = 3
# Anchors this close (degrees) are the same place for a name.
NEAR = 0.5
CELL = 4.0  # degrees: the grid a large area's name may be written on
MIN_ROOM = 0.5  # degrees from an anchor to the area's edge, or it is no place for a name
MAX_ANCHORS = 20
FOLD = 0.03  # a state changing by less than this share of its area keeps where its name goes


def label_points(layer: Layer) -> dict[str, list[float]]:
    """Return where each feature's name goes: inside its largest part, mid-line, or its point."""
    points = {}
    for feature_id, geometry in zip(layer.frame.index, layer.frame.geometry, strict=True):
        if geometry.geom_type.endswith("LineString"):
            anchor = geometry.interpolate(0.5, normalized=True)
        elif geometry.geom_type.endswith("Polygon"):
            largest = _largest_polygon(geometry) or geometry
            anchor = shapely.get_point(shapely.maximum_inscribed_circle(largest, POLE_TOLERANCE), 0)
        else:
            anchor = geometry.representative_point()
        points[feature_id] = _rounded(anchor)
    return points


def state_names(layer: Layer, label_by: str, windows: list[BBox]) -> list[dict[str, Any]]:
    """Return one name per state and period: its names, its days and where to write it.

    ``windows`` are boxes from the story's centre outwards (the map's opening frame, then the
    whole map): each period gets one anchor per window, the pole of inaccessibility of the part
    of the state inside it, so the page can write "Russian Empire" where Russia is in view
    rather than in Siberia. ``area`` (square degrees inside the last window) ranks the names.
    """
    pieces: dict[str, list[int]] = defaultdict(list)
    for position, feature in enumerate(layer.features):
        pieces[feature["properties"][label_by]].append(position)
    geometries = layer.frame.geometry.values
    names: list[dict[str, Any]] = []
    for positions in pieces.values():
        for first, last, members, shape in _stretches(layer, positions, geometries):
            name = _state_name(
                layer.features[members[0]]["properties"], first, last, shape, windows
            )
            if name["at"]:
                names.append(name)
    return names


def _stretches(layer: Layer, positions: list[int], geometries):
    """Yield ``(first, last, pieces, shape)`` for each stretch of a state's history.

    Small changes (a district won or lost) fold into one stretch, whose shape is the part held
    throughout, so its name stays in one place and inside the state.
    """
    stretch = None
    for first, last, members in _periods(layer, positions):
        shape = _union(geometries[members])
        if stretch and _same_name(layer, stretch[2], members):
            common = _polygonal(stretch[3].intersection(shape))
            # What changed is what the two shapes do not share, on either side.
            changed = stretch[3].area + shape.area - 2 * common.area
            if changed <= FOLD * max(stretch[3].area, shape.area):
                stretch = (stretch[0], last, stretch[2], common)
                continue
        if stretch:
            yield stretch
        stretch = (first, last, members, shape)
    if stretch:
        yield stretch


def _union(pieces):
    """Return the union of a state's pieces.

    They never overlap (the data tests say so), so a coverage union is enough and ten times
    faster. Pieces whose shared edges are not noded alike need the general union, and so do
    pieces that overlap after all (data edited since the tests ran): their coverage union is an
    invalid shape, on which the geometry work that follows would fail.
    """
    try:
        union = shapely.coverage_union_all(pieces)
    except shapely.errors.GEOSException:
        return shapely.union_all(pieces)
    return union if union.is_valid else shapely.union_all(pieces)


def _same_name(layer: Layer, before: list[int], after: list[int]) -> bool:
    name = layer.features[before[0]]["properties"]["name"]
    return name == layer.features[after[0]]["properties"]["name"]


def _periods(layer: Layer, positions: list[int]):
    """Yield ``(first, last, pieces)`` for each stretch of days with the same pieces held."""
    firsts = {int(layer.first_days[p]) for p in positions}
    ends = {
        int(layer.last_days[p]) + 1 for p in positions if layer.last_days[p] < date.max.toordinal()
    }
    edges = sorted(firsts | ends)
    for start, stop in zip(edges, [*edges[1:], None], strict=True):
        last = stop - 1 if stop is not None else date.max.toordinal()
        members = [
            p for p in positions if layer.first_days[p] <= start and layer.last_days[p] >= last
        ]
        if members:
            yield start, (last if stop is not None else None), members


def _state_name(properties: dict, first: int, last: int | None, shape, windows: list[BBox]) -> dict:
    inside = _clipped(shape, windows[-1]) if windows else shape
    return {
        **{key: properties[key] for key in ("name", "name_fa", "name_ru") if key in properties},
        "first": _iso(first),
        "last": _iso(last) if last is not None else None,
        "at": anchors_of(inside, windows[0] if windows else inside.bounds),
        "area": round(inside.area, 2),
    }


def anchors_of(shape, centre: BBox) -> list[list[float]]:
    """Return places to write a large area's name, ``[lon, lat, room]``, the roomiest first.

    ``room`` is the radius in degrees of the largest circle around the anchor inside the area
    (and its grid cell): the page writes a long name only where it has room for it.

    One per cell of a grid over the area (the centre of the largest circle inside the part in
    the cell), keeping those with room around them: wherever the reader pans, one of them is
    likely in view, and the page takes the first that is. The anchor of the part inside
    ``centre`` (the map's opening frame) leads, so a state is named where the story happens.
    """
    # A finer grid where the story happens, so a state is named there even when only a strip
    # of it is in view (the Russian Empire north of the Caucasus in 1828).
    windows = [box(*centre), *_grid(_overlap(shape.bounds, centre), CELL / 2), *_grid(shape.bounds)]
    parts = [_largest_polygon(part) for part in shapely.intersection(shape, windows)]
    found = [(i, part) for i, part in enumerate(parts) if part is not None]
    if not found:
        return []
    circles = shapely.maximum_inscribed_circle([part for _, part in found], POLE_TOLERANCE)
    centres = shapely.get_point(circles, 0)
    # Room is measured to the area's own edge, not to the cell's: a name may cross cells.
    rooms = shapely.distance(shape.boundary, centres)
    poles = [_rounded(centre) for centre in centres]
    candidates = list(zip(poles, rooms, [i for i, _ in found], strict=True))
    # The centre's own anchor leads; then those in the centre, roomiest first; then the rest,
    # nearest the centre first (the page takes the first that is in view and has room).
    lead = [c for c in candidates if c[2] == 0]
    rest = sorted(
        (c for c in candidates if c[2] != 0),
        key=lambda c: (not _in(c[0], centre), _distance(c[0], centre), -c[1]),
    )
    anchors: list[list[float]] = []
    for point, room, _ in lead + rest:
        if room >= MIN_ROOM and not any(_near(point, other) for other in anchors):
            anchors.append([*point, round(float(room), 2)])
    if not anchors:
        point, room, _ = max(candidates, key=lambda c: c[1])
        anchors.append([*point, round(float(room), 2)])
    return anchors[:MAX_ANCHORS]


def _grid(bounds: BBox | None, cell: float = CELL) -> list:
    if bounds is None:
        return []
    west, south, east, north = bounds
    xs = np.arange(west, east, cell)
    ys = np.arange(south, north, cell)
    return [box(x, y, x + cell, y + cell) for x in xs for y in ys]


def _overlap(a: BBox, b: BBox) -> BBox | None:
    west, south, east, north = max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3])
    return (west, south, east, north) if west < east and south < north else None


def _largest_polygon(part):
    """Return the largest polygon of a part, or None if it has no area to speak of."""
    if part.is_empty or part.area < 1e-6:
        return None
    polygons = [g for g in getattr(part, "geoms", [part]) if g.geom_type == "Polygon"]
    return max(polygons, key=lambda piece: piece.area) if polygons else None


def _distance(point: list[float], window: BBox) -> float:
    """Return how far (degrees) a point lies outside a window; 0 inside, rounded to a cell."""
    dx = max(window[0] - point[0], 0, point[0] - window[2])
    dy = max(window[1] - point[1], 0, point[1] - window[3])
    return round((dx * dx + dy * dy) ** 0.5 / CELL)


def _in(point: list[float], window: BBox) -> bool:
    return window[0] <= point[0] <= window[2] and window[1] <= point[1] <= window[3]


def _near(a: list[float], b: list[float]) -> bool:
    return abs(a[0] - b[0]) < CELL / 2 and abs(a[1] - b[1]) < CELL / 2


def _clipped(shape, window: BBox):
    """Return the part of a shape inside a window (the shape itself when it is all inside)."""
    west, south, east, north = shape.bounds
    if west >= window[0] and south >= window[1] and east <= window[2] and north <= window[3]:
        return shape
    return _polygonal(shape.intersection(box(*window)))


def _polygonal(shape):
    """Return the areas of an overlay's result without the edges and corners it may add.

    Two areas that touch along an edge intersect in that edge too: the result is then a
    collection, which has no boundary to measure a name's room from (its distance is NaN).
    """
    if shape.geom_type in ("Polygon", "MultiPolygon"):
        return shape
    areas = [part for part in shapely.get_parts(shape) if part.area > 0]
    return shapely.union_all(areas) if areas else shapely.Polygon()


def _iso(ordinal: int) -> str | None:
    """Return an ordinal as ``YYYY-MM-DD``, or None for "since ever" (day 1)."""
    return None if ordinal <= 1 else date.fromordinal(ordinal).isoformat()


def _rounded(point) -> list[float]:
    return [round(point.x, DECIMALS), round(point.y, DECIMALS)]

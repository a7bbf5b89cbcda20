"""Where names go (server.mapview.names) and what the page data carry (server.mapview.data)."""

from __future__ import annotations

import math

from shapely.geometry import Point, box, mapping, shape

from server.core.catalog import LayerSpec
from server.core.store import Layer
from server.mapview.data import rounded
from server.mapview.names import anchors_of, label_points, state_names

SPEC = LayerSpec(
    "states", "States", "Test states.", 1, True, {"label_by": "state"}, role="context",
    properties={"state": {"label": "State"}},
)  # fmt: skip
WORLD = (0.0, 0.0, 40.0, 40.0)


def piece(piece_id, state, name, area, start, end=None):
    return {
        "type": "Feature",
        "properties": {
            "id": piece_id,
            "state": state,
            "name": name,
            "name_ru": name + " (ru)",
            "start_date": start,
            "end_date": end,
        },  # fmt: skip
        "geometry": mapping(area),
    }


def layer_of(*features) -> Layer:
    return Layer.build(SPEC, list(features))


def test_a_state_gets_one_name_for_a_small_change_and_a_new_one_for_a_large():
    core = box(10, 10, 20, 20)
    layer = layer_of(
        piece("core", "empire", "Empire", core, "1700"),
        # a district of 1 % of the state, held for 20 years: the name does not move
        piece("district", "empire", "Empire", box(20, 10, 21, 11), "1750", "1769"),
        # a province as large as the core: a new stretch from 1800
        piece("province", "empire", "Empire", box(20, 10, 30, 20), "1800"),
    )
    names = state_names(layer, "state", [(12, 12, 18, 18), WORLD])
    assert [(n["first"], n["last"]) for n in names] == [
        ("1700-01-01", "1799-12-31"),
        ("1800-01-01", None),
    ]
    assert names[0]["name_ru"] == "Empire (ru)"
    first, second = names
    # The first stretch's anchors lie in the part held throughout, the centre's anchor first.
    assert all(core.contains(Point(at[:2])) for at in first["at"])
    assert box(12, 12, 18, 18).contains(Point(first["at"][0][:2]))
    assert first["at"][0][2] == 5.0  # room: to the edge of the state, not of the window
    assert second["area"] == 200


def test_pieces_of_a_state_that_overlap_after_all_are_still_named():
    # The data tests forbid it, but data edited since they ran must not break the page data.
    layer = layer_of(
        piece("west", "empire", "Empire", box(10, 10, 20, 20), "1700"),
        piece("east", "empire", "Empire", box(10.002, 10, 20.002, 20), "1700"),
        piece("district", "empire", "Empire", box(20, 10, 21, 11), "1750", "1769"),
    )
    names = state_names(layer, "state", [(12, 12, 18, 18), WORLD])
    assert [(n["first"], n["last"]) for n in names] == [("1700-01-01", None)]
    assert round(names[0]["area"], 2) == 100.02


def test_a_stretch_whose_shapes_touch_along_an_edge_still_measures_its_room():
    # 1700-49 the core and a strip; from 1750 the core and a sliver just past the strip: the
    # part held throughout is the core and, as an overlay gives it, the edge at x = 20.
    layer = layer_of(
        piece("core", "empire", "Empire", box(10, 10, 19.99, 20), "1700"),
        piece("strip", "empire", "Empire", box(19.99, 10, 20, 20), "1700", "1749"),
        piece("east", "empire", "Empire", box(20, 10, 20.1, 20), "1750"),
    )
    (name,) = state_names(layer, "state", [(12, 12, 18, 18), WORLD])
    assert name["at"][0] == [15.0, 15.0, 4.99]
    assert all(math.isfinite(room) for *_, room in name["at"])


def test_two_states_are_named_apart_and_a_speck_still_gets_its_best_anchor():
    layer = layer_of(
        piece("a", "a", "A", box(0, 0, 10, 10), "1800"),
        piece("b", "b", "B", box(30, 30, 30.2, 30.2), "1800"),
    )
    names = {n["name"]: n for n in state_names(layer, "state", [(0, 0, 10, 10), WORLD])}
    assert set(names) == {"A", "B"}
    assert len(names["B"]["at"]) == 1 and box(30, 30, 30.2, 30.2).contains(
        Point(names["B"]["at"][0])
    )


def test_anchors_cover_a_large_area_roomiest_first_and_none_twice():
    anchors = anchors_of(box(0, 0, 24, 12), (0, 0, 6, 6))
    assert 3 <= len(anchors) <= 20
    assert anchors[0] == [3.0, 3.0, 3.0]  # the centre window's own, with its room
    assert len({tuple(a[:2]) for a in anchors}) == len(anchors)


def test_label_points_fall_inside_their_areas():
    ring = box(0, 0, 10, 10).difference(box(2, 2, 8, 8))  # a frame: its centroid is outside
    layer = Layer.build(
        LayerSpec("zones", "Zones", "Test.", 1, True, {}),
        [piece("frame", "x", "Frame", ring, "1800")],
    )
    at = label_points(layer)["frame"]
    assert ring.contains(Point(at))


def test_display_rounding_keeps_rings_closed_and_valid_enough_to_draw():
    polygon = {
        "type": "Polygon",
        "coordinates": [[[0, 0], [1.00001, 0], [1.00002, 0.00001], [1, 1], [0, 0]]],
    }
    ring = rounded(polygon["coordinates"])[0]
    assert ring[0] == ring[-1] and len(ring) >= 4
    assert ring == [[0, 0], [1.0, 0.0], [1, 1], [0, 0]]
    assert shape({"type": "Polygon", "coordinates": [ring]}).area > 0.4

"""Packed lines and areas come back in the browser exactly as they were published.

Every layer and the basemap, packed by ``server.mapview.packing`` and unpacked by the page's
``static/js/core/packing.js`` under Node, must give back the very same coordinates (not nearly:
the page's exports and popups read them).
"""

from __future__ import annotations

import json

import pytest

from server.mapview.data import _drawn, basemap_data
from server.mapview.packing import packed_collection
from tests.js.test_node import run_node


def test_every_layer_and_the_basemap_unpack_to_the_published_coordinates(atlas_store):
    originals = [
        [_drawn(feature, layer.spec.role == "context") for feature in layer.features]
        for layer in atlas_store
    ]
    basemap = basemap_data(atlas_store)
    packed = [packed_collection(features) for features in originals] + list(basemap.values())
    assert sum(collection["packed"] >= 1000 for collection in packed) >= 9  # lines and areas
    result = run_node("unpack.mjs", stdin=json.dumps(packed))
    assert result.returncode == 0, result.stderr
    unpacked = json.loads(result.stdout)
    for features, collection in zip(originals, unpacked, strict=False):
        assert "packed" not in collection
        assert collection["features"] == features
    for name, collection in zip(basemap, unpacked[len(originals) :], strict=True):
        source = atlas_store.basemap[name]["features"]
        assert len(collection["features"]) == len(source), name


def test_packing_is_much_smaller_and_refuses_what_it_cannot_keep_exactly():
    line = [[round(44.12345 + i * 0.00017, 5), round(40.5 - i * 0.00011, 5)] for i in range(200)]
    feature = {
        "type": "Feature",
        "properties": {},
        "geometry": {"type": "LineString", "coordinates": line},
    }
    packed = packed_collection([feature])
    assert packed["packed"] == 100_000
    assert len(json.dumps(packed)) < len(json.dumps(feature)) / 2
    point = {**feature, "geometry": {"type": "Point", "coordinates": [44.1, 40.2]}}
    assert packed_collection([point])["features"][0] == point  # points travel as they are
    fine = {
        **feature,
        "geometry": {"type": "LineString", "coordinates": [[44.123456789, 40], [44, 40]]},
    }
    with pytest.raises(ValueError, match="finer than 7 decimals"):
        packed_collection([fine])

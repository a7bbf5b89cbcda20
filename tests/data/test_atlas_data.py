"""The real atlas: every layer validates and is documented; the story's spine holds."""

from __future__ import annotations

from itertools import combinations

import pytest

from server.core.contract import REQUIRED_TEXT
from server.core.dates import parse_day, span_of
from server.core.store import LayerStore

COMMON = set(REQUIRED_TEXT) | {
    "name_fa",
    "name_ru",
    "description_fa",
    "description_ru",
    "start_date",
    "end_date",
    "date_note",
    "certainty",
    "sources",
    "chain",
    "date_note_fa",
    "date_note_ru",
    "start_date_edtf",
    "end_date_edtf",
}
LAYERS = [
    "states",
    "cessions",
    "spheres_1907",
    "occupations",
    "corridors",
    "consulates",
    "events",
    "modern_borders",
    "gazetteer",
]


def test_the_atlas_loads_and_validates(atlas_store: LayerStore):
    assert list(atlas_store.layers) == LAYERS
    for layer in atlas_store:
        assert layer.features, f"{layer.id} is empty"


@pytest.mark.parametrize("layer_id", LAYERS)
def test_every_layer_specific_property_is_documented_in_the_catalog(atlas_store, layer_id):
    layer = atlas_store.layer(layer_id)
    used = {key for feature in layer.features for key in feature["properties"]}
    undocumented = used - COMMON - set(layer.spec.properties)
    assert not undocumented, f"{layer_id}: document {sorted(undocumented)} in catalog.json"


def test_the_key_dates_run_from_the_913_raid_to_the_2020s(atlas_store):
    moments = atlas_store.key_dates
    assert len(moments) >= 20
    assert parse_day(moments[0].date).year == 913
    assert parse_day(moments[-1].date).year >= 2020
    for moment in moments:
        assert moment.bbox and moment.layers, f"{moment.id} needs a view for the tour"


def test_no_two_territories_are_held_at_once(atlas_store):
    layer = atlas_store.layer("cessions")
    frame = layer.frame
    spans = {
        fid: span_of(f["properties"].get("start_date"), f["properties"].get("end_date"))
        for fid, f in zip(frame.index, layer.features, strict=True)
    }
    for a, b in combinations(frame.index, 2):
        (a_first, a_last), (b_first, b_last) = spans[a], spans[b]
        if a_first <= b_last and b_first <= a_last:
            shared = frame.geometry[a].intersection(frame.geometry[b]).area
            assert shared < 1e-6, f"{a} and {b} overlap by {shared:.6f} deg² while both hold"

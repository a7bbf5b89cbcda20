"""Every key date shows something: each layer it switches on draws a feature in its view.

A tour stop or a slider snap that opens onto an empty layer tells the reader nothing (the
audit found five); the view is the moment's day (its first day if partial) and its bbox.
"""

from __future__ import annotations

import json

import pytest

from server.core.dates import parse_date
from tests.paths import GEODATA
from tests.reading import features_at

MOMENTS = json.loads((GEODATA / "key_dates.json").read_text(encoding="utf-8"))
VIEWS = [(moment["id"], layer) for moment in MOMENTS for layer in moment["layers"]]
VIEW_IDS = [f"{moment}:{layer}" for moment, layer in VIEWS]


@pytest.mark.parametrize(("moment_id", "layer_id"), VIEWS, ids=VIEW_IDS)
def test_each_layer_a_key_date_switches_on_shows_something_in_its_view(
    atlas_store, moment_id, layer_id
):
    moment = next(m for m in atlas_store.key_dates if m.id == moment_id)
    day = parse_date(moment.date).first_day()
    shown = features_at(atlas_store, layer_id, day, moment.bbox)
    assert len(shown), f"{moment_id} switches on {layer_id}, which draws nothing on {day}"


def test_the_key_dates_cover_the_story_the_audit_found_missing(atlas_store):
    ids = {moment.id for moment in atlas_store.key_dates}
    assert {
        "zubov-1796",
        "aslanduz-1812",
        "majlis-shelled-1908",
        "mashhad-shrine-1912",
        "guarantee-neutrality-1927",
        "tehran-conference-1943",
        "frontier-agreement-1954",
        "gas-pipeline-1970",
        "bushehr-grid-2011",
    } <= ids

from datetime import date

import pytest

from server.core.errors import FeatureNotFound, UnknownLayer
from tests.reading import feature, features_at, features_during


def ids(frame):
    return sorted(frame.index)


def test_the_last_day_of_a_period_still_holds(tiny_store):
    assert ids(features_at(tiny_store, "zones", date(1828, 2, 21))) == [
        "north-persia",
        "south-persia",
    ]


def test_the_successor_holds_from_the_next_day(tiny_store):
    assert ids(features_at(tiny_store, "zones", date(1828, 2, 22))) == [
        "north-russia",
        "south-persia",
    ]


def test_a_year_end_date_holds_to_the_last_of_december(tiny_store):
    assert ids(features_at(tiny_store, "places", date(1918, 3, 31))) == ["consulate-a"]
    assert ids(features_at(tiny_store, "places", date(1918, 4, 1))) == []


def test_dates_before_1000_work(tiny_store):
    assert ids(features_at(tiny_store, "zones", date(900, 1, 1))) == ["north-persia"]
    assert ids(features_at(tiny_store, "zones", date(899, 12, 31))) == []


def test_a_bbox_keeps_only_what_it_meets(tiny_store):
    north_only = (44.5, 40.5, 45.5, 41.5)
    assert ids(features_at(tiny_store, "zones", date(1900, 1, 1), bbox=north_only)) == [
        "north-russia"
    ]


def test_features_during_an_interval_include_any_that_meet_it(tiny_store):
    found = features_during(tiny_store, "zones", date(1828, 1, 1), date(1828, 12, 31))
    assert ids(found) == ["north-persia", "north-russia", "south-persia"]


def test_unknown_layers_and_features_are_named(tiny_store):
    with pytest.raises(UnknownLayer, match="no layer 'nope'; layers are: zones, places"):
        features_at(tiny_store, "nope", date(1900, 1, 1))
    with pytest.raises(FeatureNotFound, match="no feature 'nope'"):
        feature(tiny_store, "zones", "nope")


def test_the_timeline_runs_from_the_earliest_start_to_today(tiny_store):
    first, last = tiny_store.timeline()
    assert first == date(900, 1, 1)
    assert last == date.today()


def test_key_dates_come_in_date_order(tiny_store):
    assert [moment.date for moment in tiny_store.key_dates] == ["1828-02-22", "1850"]


def test_a_layer_knows_its_extent_span_and_kind_from_load(tiny_store):
    zones, places = tiny_store.layer("zones"), tiny_store.layer("places")
    assert zones.bbox == (44.0, 38.0, 46.0, 42.0)
    assert zones.span == (date(900, 1, 1), date.max)
    assert not zones.is_point_layer and places.is_point_layer


def test_select_combines_a_span_and_a_bbox_into_positions(tiny_store):
    zones = tiny_store.layer("zones")
    assert list(zones.select()) == [0, 1, 2]
    assert list(zones.select((date(1828, 2, 22), date(1828, 2, 22)), (44, 40.5, 46, 42))) == [1]
    assert zones.features[zones.position("south-persia")]["properties"]["name"] == "South"

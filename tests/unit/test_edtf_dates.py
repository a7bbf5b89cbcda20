"""Uncertain dates in EDTF beside the plain dates: parsed, checked, published, given to the page."""

from __future__ import annotations

from datetime import date

import pytest

from server.core.edtf_dates import check_edtf, edtf_range, uncertain_ranges
from server.core.errors import DataError
from server.core.store import LayerStore
from tests.unit.test_contract import edit_layer, set_property


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("1813~", date(1812, 1, 1), date(1814, 12, 31)),
        ("1908/1909", date(1908, 1, 1), date(1909, 12, 31)),
        ("[..1935]", None, date(1935, 12, 31)),
        ("1828-02-22", date(1828, 2, 22), date(1828, 2, 22)),
        ("1935/..", date(1935, 1, 1), None),
    ],
)
def test_edtf_strings_give_the_widest_days_they_allow(text, low, high):
    assert edtf_range(text) == (low, high)


@pytest.mark.parametrize("text", ["", "1813-13", "around 1813", 1813, None, "-0050"])
def test_what_is_not_edtf_is_refused_with_the_value_named(text):
    with pytest.raises(ValueError, match="EDTF|years 1–9999"):
        edtf_range(text)


def test_a_plain_date_inside_its_edtf_range_passes():
    check_edtf({"start_date": "1813", "start_date_edtf": "1813~", "end_date": "1908"})
    check_edtf({"start_date": "1800", "end_date": "1935-06", "end_date_edtf": "[..1935]"})


@pytest.mark.parametrize(
    ("props", "reason"),
    [
        ({"start_date": "1816", "start_date_edtf": "1813~"}, "does not hold start_date 1816"),
        ({"end_date": "1940", "end_date_edtf": "[..1935]"}, "does not hold end_date 1940"),
        ({"start_date": None, "start_date_edtf": "1813~"}, "needs a start_date"),
        ({"start_date": "1813", "start_date_edtf": "soon"}, "start_date_edtf: 'soon' is not valid"),
    ],
)
def test_an_edtf_date_that_disagrees_with_its_plain_date_is_refused(props, reason):
    with pytest.raises(ValueError, match=reason):
        check_edtf(props)


def test_bad_edtf_stops_start_up_naming_file_feature_and_reason(geodata_copy):
    edit_layer(geodata_copy, "zones", 2, set_property("start_date_edtf", "1490/1495"))
    with pytest.raises(DataError) as error:
        LayerStore.load(geodata_copy)
    message = str(error.value)
    assert message.startswith(str(geodata_copy / "zones.geojson"))
    assert "south-persia" in message
    assert "start_date_edtf '1490/1495' allows 1490-01-01 to 1495-12-31" in message


def test_edtf_dates_are_served_by_the_api_and_given_to_the_page(geodata_copy, make_app):
    edit_layer(geodata_copy, "zones", 2, set_property("start_date_edtf", "1500~"))
    client = make_app(GEODATA_DIR=str(geodata_copy)).test_client()
    feature = client.get("/collections/zones/items/south-persia").get_json()
    assert feature["properties"]["start_date_edtf"] == "1500~"
    assert feature["properties"]["start_date"] == "1500"
    store = LayerStore.load(geodata_copy)
    ranges = uncertain_ranges(store.layer("zones").features)
    assert ranges == {
        "south-persia": {"start": [date(1499, 1, 1).toordinal(), date(1501, 12, 31).toordinal()]}
    }

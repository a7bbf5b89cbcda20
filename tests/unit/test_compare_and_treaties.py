"""The comparison page's two days, and the treaties a popup names, from plain arguments."""

from __future__ import annotations

from datetime import date

import pytest

from server.config import DEFAULTS
from server.core.errors import InvalidParameter
from server.mapview.compare import compare_days
from server.mapview.data import atlas_data, windows_of
from server.mapview.treaties import treaty_index


def test_both_days_come_from_the_query(tiny_store):
    query = {"left": "1812-06-01", "right": "1829"}
    assert compare_days(tiny_store, query) == (date(1812, 6, 1), date(1829, 1, 1))


def test_a_missing_side_is_the_neighbouring_key_date(tiny_store):
    # the fixture's key dates are 1828-02-22 and 1850
    assert compare_days(tiny_store, {"left": "1800"}) == (date(1800, 1, 1), date(1828, 2, 22))
    assert compare_days(tiny_store, {"right": "1860"}) == (date(1850, 1, 1), date(1860, 1, 1))
    assert compare_days(tiny_store, {}) == (date(1828, 2, 22), date(1850, 1, 1))


@pytest.mark.parametrize(
    ("query", "reason"),
    [({"left": "1812-13-01"}, "left: "), ({"right": "tomorrow"}, "right: ")],
)
def test_a_bad_side_is_named(tiny_store, query, reason):
    with pytest.raises(InvalidParameter, match=reason):
        compare_days(tiny_store, query)


def test_treaties_have_their_names_in_three_languages_and_their_day(atlas_store):
    gulistan = treaty_index(atlas_store)["gulistan-1813"]
    assert gulistan["date"] == "1813-10-24"
    assert gulistan["labels"]["en"].startswith("Treaty of Gulistan")
    assert set(gulistan["labels"]) == {"en", "fa", "ru"}


def test_the_page_data_carries_treaties_and_uncertain_dates(tiny_store):
    data = atlas_data(tiny_store, windows_of(DEFAULTS))
    assert "treaties" in data
    assert all("uncertain_dates" in layer for layer in data["layers"])

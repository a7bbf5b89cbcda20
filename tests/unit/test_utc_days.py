"""A date-time with an offset selects the day it falls on in UTC (the data's days have no zone)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from server.core.dates import parse_instant_or_interval
from server.core.errors import InvalidDate


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("1828-02-21T23:30:00-05:00", date(1828, 2, 22)),
        ("1828-02-22T01:00:00+03:00", date(1828, 2, 21)),
        ("1828-02-22T12:00:00Z", date(1828, 2, 22)),
        ("1813-10-24t23:59:60z", date(1813, 10, 24)),  # a leap second stays in its minute
        ("0780-03-01T00:00:00+00:30", date(780, 2, 29)),  # 780 is a leap year, before 1000
        ("1900-02-28T23:00:00-02:00", date(1900, 3, 1)),  # 1900 has no 29 February
    ],
)
def test_a_date_time_selects_its_utc_day(text, day):
    assert parse_instant_or_interval(text) == (day, day)


@pytest.mark.parametrize("text", ["0001-01-01T00:30:00+01:00", "9999-12-31T23:00:00-05:00"])
def test_an_offset_that_leaves_the_calendar_is_refused(text):
    with pytest.raises(InvalidDate, match="outside the years 0001 to 9999 in UTC"):
        parse_instant_or_interval(text)


@given(
    st.datetimes(min_value=datetime(2, 1, 1), max_value=datetime(9998, 12, 30)),
    st.integers(min_value=-(23 * 60 + 59), max_value=23 * 60 + 59),
)
def test_any_offset_gives_the_same_day_as_python(moment, minutes):
    sign = "+" if minutes >= 0 else "-"
    offset = f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    m = moment
    text = f"{m.year:04d}-{m.month:02d}-{m.day:02d}T{m.hour:02d}:{m.minute:02d}:{m.second:02d}"
    expected = (moment - timedelta(minutes=minutes)).date()
    assert parse_instant_or_interval(text + offset) == (expected, expected)

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from server.core.dates import PartialDate, parse_date, parse_day, parse_instant_or_interval, span_of
from server.core.errors import InvalidDate

days = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1813", PartialDate(1813)),
        ("1813-10", PartialDate(1813, 10)),
        ("1813-10-24", PartialDate(1813, 10, 24)),
        ("0913", PartialDate(913)),
        ("0001-01-01", PartialDate(1, 1, 1)),
        ("2024-02-29", PartialDate(2024, 2, 29)),
    ],
)
def test_partial_dates_parse(text, expected):
    assert parse_date(text) == expected
    assert str(parse_date(text)) == text


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("0000", "year 0000 does not exist"),
        ("1813-13", "month must be 01 to 12"),
        ("1813-02-30", "February 1813 has no day 30"),
        ("1900-02-29", "February 1900 has no day 29"),
        ("913", "is not a date"),
        ("99999", "is not a date"),
        ("-500", "is not a date"),
        ("1813-1-1", "is not a date"),
        ("", "is not a date"),
        ("1813\x00", "is not a date"),
        ("x" * 10_000, "is not a date"),
        ("١٨١٣", "is not a date"),
    ],
)
def test_malformed_dates_say_why(text, reason):
    with pytest.raises(InvalidDate, match=reason):
        parse_date(text)


def test_a_long_bad_date_is_shortened_in_the_message():
    with pytest.raises(InvalidDate) as error:
        parse_date("9" * 10_000)
    assert len(str(error.value)) < 200


def test_non_strings_are_rejected():
    with pytest.raises(InvalidDate, match="got int"):
        parse_date(1813)


def test_partial_dates_cover_their_whole_period():
    assert parse_date("1813").first_day() == date(1813, 1, 1)
    assert parse_date("1813").last_day() == date(1813, 12, 31)
    assert parse_date("1828-02").last_day() == date(1828, 2, 29)
    assert parse_date("1900-02").last_day() == date(1900, 2, 28)
    assert parse_date("1813-10-24").last_day() == date(1813, 10, 24)


def test_spans_are_inclusive_and_open_ended():
    assert span_of("1813", "1828-02-21") == (date(1813, 1, 1), date(1828, 2, 21))
    assert span_of(None, "0913") == (date.min, date(913, 12, 31))
    assert span_of("1991-12-26", None) == (date(1991, 12, 26), date.max)


@given(days)
def test_every_day_round_trips_through_iso_text(day):
    text = f"{day.year:04d}-{day.month:02d}-{day.day:02d}"
    assert parse_day(text) == day
    assert str(parse_date(text)) == text


@given(days, days)
def test_iso_text_orders_like_the_days(a, b):
    def iso(d):
        return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"

    assert (parse_day(iso(a)) < parse_day(iso(b))) == (a < b)


# What the datetime parameter accepts, and the span of days each means (open ends unbounded).
INTERVALS = {
    "1813-10-24": (date(1813, 10, 24), date(1813, 10, 24)),
    "1813": (date(1813, 1, 1), date(1813, 12, 31)),
    "1813-10": (date(1813, 10, 1), date(1813, 10, 31)),
    "1813-10-24T12:00:00Z": (date(1813, 10, 24), date(1813, 10, 24)),
    "1800-01-01/1830-12-31": (date(1800, 1, 1), date(1830, 12, 31)),
    "1800/1830": (date(1800, 1, 1), date(1830, 12, 31)),
    "0900-01-01/0950": (date(900, 1, 1), date(950, 12, 31)),
    "../1900": (date.min, date(1900, 12, 31)),
    "1900/..": (date(1900, 1, 1), date.max),
    "/1900": (date.min, date(1900, 12, 31)),
    "1900/": (date(1900, 1, 1), date.max),
}


@pytest.mark.parametrize(("text", "expected"), INTERVALS.items())
def test_instants_and_intervals(text, expected):
    assert parse_instant_or_interval(text) == expected


# A bad datetime parameter, and the words that say what is wrong with it.
BAD_INTERVALS = {
    "../..": "bounded on at least one side",
    "/": "bounded on at least one side",
    "1900/1800": "ends before it starts",
    "1800/1900/2000": "exactly one '/'",
    "1813-10-24T25:00:00Z": "is not a date",
}


@pytest.mark.parametrize(("text", "reason"), BAD_INTERVALS.items())
def test_bad_intervals_say_why(text, reason):
    with pytest.raises(InvalidDate, match=reason):
        parse_instant_or_interval(text)


@given(days, st.integers(min_value=0, max_value=3000))
def test_an_interval_contains_both_ends(start, length):
    end = min(start + timedelta(days=length), date.max) if start < date(9990, 1, 1) else start
    text = f"{start.isoformat():0>10}/{end.isoformat():0>10}"
    first, last = parse_instant_or_interval(text)
    assert first == start and last == end

"""The OGC core without HTTP: each parameter rule, and the documents it builds."""

from __future__ import annotations

import math
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from server.core.dates import EARLIEST, LATEST
from server.core.errors import InvalidDate, InvalidParameter
from server.ogcapi import params as ogc
from tests.unit.test_dates import INTERVALS


@pytest.mark.parametrize(("text", "expected"), INTERVALS.items())
def test_datetime_spans_are_the_parsers_with_open_ends_at_the_timelines_ends(text, expected):
    timeline = {date.min: EARLIEST, date.max: LATEST}
    assert ogc.parse_datetime(text) == tuple(timeline.get(day, day) for day in expected)


@pytest.mark.parametrize(
    "text",
    [
        "0000-00-00",
        "99999",
        "1813-02-30",
        "-500",
        "x" * 10_000,
        "١٨١٣",
        "18\x0013",
        "1830/1800",
        "../..",
        "/",
        "1800/1900/2000",
        "1813-13",
        "",
        "1813-10-24T25:00:00Z",
    ],
)
def test_bad_datetimes_are_refused_with_a_reason(text):
    with pytest.raises(InvalidDate, match="datetime") as error:
        ogc.parse_datetime(text)
    assert len(error.value.description) < 300


@given(st.text(max_size=60))
def test_any_datetime_text_parses_or_raises_invalid_date(text):
    try:
        start, end = ogc.parse_datetime(text)
    except InvalidDate:
        return
    assert start <= end


def test_bbox_accepts_four_or_six_numbers():
    assert ogc.parse_bbox("44,38,46,42") == (44, 38, 46, 42)
    assert ogc.parse_bbox("44,38,0,46,42,100") == (44, 38, 46, 42)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("1,2,3", "4 numbers"),
        ("a,b,c,d", "not a number"),
        ("nan,1,2,3", "finite"),
        ("1,2,inf,3", "finite"),
        ("-Infinity,2,3,4", "finite"),
        ("-181,0,0,1", "longitudes"),
        ("0,-91,1,1", "latitudes"),
        ("0,10,1,5", "minimum"),
        ("", "4 numbers"),
    ],
)
def test_bad_bboxes_say_which_rule_failed(text, rule):
    with pytest.raises(InvalidParameter, match=rule):
        ogc.parse_bbox(text)


@given(st.lists(st.one_of(st.floats(), st.text(max_size=5)), max_size=7))
def test_any_bbox_text_parses_or_raises_invalid_parameter(parts):
    text = ",".join(str(part) for part in parts)
    try:
        minx, miny, maxx, maxy = ogc.parse_bbox(text)
    except InvalidParameter:
        return
    assert all(math.isfinite(v) for v in (minx, miny, maxx, maxy))
    assert miny <= maxy  # minx > maxx crosses the antimeridian (#15)


@pytest.mark.parametrize("text", ["0", "-1", "10001", "1e3", "", "ten", "9" * 5000, "1.5"])
def test_limits_out_of_range_say_the_allowed_range(text):
    with pytest.raises(InvalidParameter, match="1 to 10000"):
        ogc.parse_count(text, "limit", 1, 10_000)


def test_unknown_and_repeated_parameters_are_refused():
    with pytest.raises(
        InvalidParameter, match="unknown query parameter 'colour'.*allowed: f, bbox"
    ):
        ogc.check_parameters({"colour": ["red"]}, ["f", "bbox"])
    with pytest.raises(InvalidParameter, match="more than once"):
        ogc.check_parameters({"f": ["json", "html"]}, ["f"])


def test_format_defaults_to_json_and_follows_accept_when_f_is_absent():
    assert ogc.parse_format({}, prefers_html=False) == "json"
    assert ogc.parse_format({}, prefers_html=True) == "html"
    assert ogc.parse_format({"f": ["html"]}, prefers_html=False) == "html"
    with pytest.raises(InvalidParameter, match="f=json or f=html"):
        ogc.parse_format({"f": ["xml"]}, prefers_html=False)

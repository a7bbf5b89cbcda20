"""The states layer's timeline rules (``tools/states_timeline.py``), on tiny records of our own."""

from __future__ import annotations

import importlib.util
import sys

import pytest

from tests.paths import ROOT


def _load_timeline():
    path = ROOT / "tools" / "states_timeline.py"
    spec = importlib.util.spec_from_file_location("atlas_tools_states_timeline", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


timeline = _load_timeline()
ERIVAN = [
    {"properties": {"territory": "erivan", "controller": c, "start_date": s, "end_date": e}}
    for c, s, e in [
        ("Russia", "1828-02-22", "1918-04-21"),
        ("Armenia", "1918-04-22", "1920-12-01"),
        ("Russia", "1920-12-02", "1991-12-26"),
    ]
]
POLITIES = [
    {
        "polity": "armenia",
        "state": "republic",
        "start_date": "1918-05-28",
        "end_date": "1920-12-01",
    },
    {"polity": "armenia", "state": "ssr", "start_date": "1920-12-02", "end_date": "1922-12-29"},
    {"polity": "russia", "state": "soviet-russia", "start_date": "1917-11-08"},
]


def spans(segments) -> list[tuple]:
    return [(s.polity or s.state, s.start, s.end) for s in segments]


def resolve(polity: str, start: str, end: str, periods=ERIVAN, territory="erivan"):
    row = {"start_date": start, "end_date": end, "polity": polity}
    return timeline.holder_segments(
        [(0, row)], timeline.cession_periods(periods).get(territory, [])
    )


def test_a_row_follows_the_cessions_controllers_within_its_own_days():
    assert spans(resolve("=cessions", "1918-05-28", "1922-12-29")) == [
        ("armenia", "1918-05-28", "1920-12-01"),
        ("russia", "1920-12-02", "1922-12-29"),
    ]


def test_a_controller_can_be_drawn_as_another_polity():
    segments = resolve("=cessions Russia:armenia", "1918-05-28", "1922-12-29")
    assert {s.polity for s in segments} == {"armenia"}
    assert spans(timeline.name_segments(segments, POLITIES)) == [
        ("armenia", "1918-05-28", "1920-12-01"),
        ("armenia", "1920-12-02", "1922-12-29"),
    ]
    assert [s.state for s in timeline.name_segments(segments, POLITIES)] == ["republic", "ssr"]


def test_land_the_cessions_do_not_draw_takes_the_fallback():
    assert spans(resolve("=cessions/armenia", "1918-05-28", "1922-12-29", territory="nowhere")) == [
        ("armenia", "1918-05-28", "1922-12-29")
    ]


def test_without_a_fallback_land_the_cessions_do_not_draw_stays_blank():
    assert resolve("=cessions", "1918-05-28", "1922-12-29", territory="nowhere") == []


def test_a_polity_without_a_name_on_some_days_stops_the_build():
    segments = resolve("armenia", "1918-01-01", "1920-12-01")
    with pytest.raises(ValueError, match="armenia has no name for some days of 1918-01-01"):
        timeline.name_segments(segments, POLITIES)


def test_back_to_back_days_of_one_state_are_one_segment():
    rows = [
        (0, {"start_date": "1918-05-28", "end_date": "1919-12-31", "polity": "armenia"}),
        (1, {"start_date": "1920", "end_date": "1920-12-01", "polity": "armenia"}),
    ]
    named = timeline.name_segments(timeline.holder_segments(rows, []), POLITIES)
    assert [(s.state, s.start, s.end) for s in named] == [("republic", "1918-05-28", "1920-12-01")]


def test_the_least_certain_certainty_wins():
    assert timeline.worst_certainty("exact", "disputed", "approximate") == "disputed"

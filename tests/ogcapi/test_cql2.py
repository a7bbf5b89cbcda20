"""CQL2 filters (Part 3): temporal and spatial filters agree with datetime and bbox on every layer.

The properties below are checked with Hypothesis on the real atlas (bounded examples, so the
suite stays fast); the operators and the error messages on the hand-made fixture data.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

SETTINGS = settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
days = st.dates(min_value=date(900, 1, 1), max_value=date(2030, 12, 31))
spans = st.tuples(days, days).map(sorted)
lons = st.floats(min_value=36, max_value=66).map(lambda x: round(x, 7))
lats = st.floats(min_value=26, max_value=48).map(lambda x: round(x, 7))
boxes = st.tuples(lons, lats, lons, lats).filter(lambda b: b[1] <= b[3])


def ids(client, layer: str, **query) -> list[str]:
    """The ids a query selects (geometry and properties left out: only the choice matters)."""
    everything = {"limit": "10000", "skipGeometry": "true", "properties": "id"}
    response = client.get(f"/collections/{layer}/items", query_string={**everything, **query})
    assert response.status_code == 200, response.get_json()
    return sorted(feature["id"] for feature in response.get_json()["features"])


def day(value: date) -> str:
    return value.isoformat().rjust(10, "0")


@SETTINGS
@given(span=spans, instant=st.booleans())
def test_t_intersects_agrees_with_datetime_on_every_layer(atlas_client, atlas_store, span, instant):
    first, last = (span[0], span[0]) if instant else span
    other = f"DATE('{day(first)}')" if instant else f"INTERVAL('{day(first)}','{day(last)}')"
    text = f"T_INTERSECTS(INTERVAL(start_day, end_day), {other})"
    when = day(first) if instant else f"{day(first)}/{day(last)}"
    for layer in atlas_store:
        assert ids(atlas_client, layer.id, filter=text) == ids(
            atlas_client, layer.id, datetime=when
        ), (layer.id, text)


@SETTINGS
@given(box=boxes)
def test_s_intersects_a_bbox_agrees_with_bbox_on_every_layer(atlas_client, atlas_store, box):
    numbers = ",".join(repr(value) for value in box)
    for layer in atlas_store:
        assert ids(atlas_client, layer.id, filter=f"S_INTERSECTS(geometry, BBOX({numbers}))") == (
            ids(atlas_client, layer.id, bbox=numbers)
        ), (layer.id, numbers)


@SETTINGS
@given(span=spans, box=boxes)
def test_cql2_json_says_the_same_as_datetime_and_bbox_together(atlas_client, span, box):
    tree = {
        "op": "and",
        "args": [
            {
                "op": "t_intersects",
                "args": [
                    {"interval": [{"property": "start_day"}, {"property": "end_day"}]},
                    {"interval": [day(span[0]), day(span[1])]},
                ],
            },
            {"op": "s_intersects", "args": [{"property": "geometry"}, {"bbox": list(box)}]},
        ],
    }
    query = {"filter": json.dumps(tree), "filter-lang": "cql2-json"}
    plain = {"datetime": f"{day(span[0])}/{day(span[1])}", "bbox": ",".join(map(repr, box))}
    for layer in ("cessions", "consulates"):
        assert ids(atlas_client, layer, **query) == ids(atlas_client, layer, **plain)


@pytest.mark.parametrize(
    ("layer", "text", "expected"),
    [
        ("zones", "controller = 'Russia'", ["north-russia"]),
        ("zones", "controller <> 'Russia' AND kind = 'khanate'", ["north-persia"]),
        ("zones", "NOT (controller = 'Russia')", ["north-persia", "south-persia"]),
        ("zones", "CASEI(name) LIKE 'north%'", ["north-persia", "north-russia"]),
        ("zones", "name LIKE 'North (_ussian)'", ["north-russia"]),
        ("zones", "controller IN ('Persia')", ["north-persia", "south-persia"]),
        ("zones", "end_day IS NULL", ["north-russia", "south-persia"]),
        ("zones", "end_date IS NOT NULL", ["north-persia"]),
        ("zones", "start_day >= DATE('1828-02-22')", ["north-russia"]),
        ("zones", "start_day < '1600-01-01'", ["north-persia", "south-persia"]),
        ("zones", "start_date = '1500'", ["south-persia"]),
        ("zones", "T_BEFORE(end_day, DATE('1900-01-01'))", ["north-persia"]),
        ("zones", "T_AFTER(start_day, DATE('1828-02-21'))", ["north-russia"]),
        (
            "zones",
            "T_DURING(INTERVAL(start_day, end_day), INTERVAL('0800-01-01', '..'))",
            ["north-persia"],
        ),
        ("zones", "T_STARTS(INTERVAL(start_day, end_day), INTERVAL('1828-02-22', '..'))", []),
        (
            "zones",
            "T_EQUALS(INTERVAL(start_day, end_day), INTERVAL('1828-02-22', '..'))",
            ["north-russia"],
        ),
        ("zones", "T_DISJOINT(INTERVAL(start_day, end_day), DATE('1700-01-01'))", ["north-russia"]),
        (
            "zones",
            "S_WITHIN(geometry, BBOX(43.5, 39.5, 46.5, 42.5))",
            ["north-persia", "north-russia"],
        ),
        ("zones", "S_INTERSECTS(geometry, POINT(45 39))", ["south-persia"]),
        ("zones", "S_DISJOINT(geometry, POINT(45 39))", ["north-persia", "north-russia"]),
        ("zones", "A_CONTAINS(sources, ('testarticle'))", ["north-russia"]),
        ("zones", "chain = controller", []),
        ("places", "S_INTERSECTS(geometry, BBOX(170, -90, -170, 90))", []),
        ("zones", "TRUE", ["north-persia", "north-russia", "south-persia"]),
    ],
)
def test_cql2_operators_select_what_they_say(client, layer, text, expected):
    assert ids(client, layer, filter=text) == expected


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ({"filter": "controller = "}, "does not parse: at line 1, column 14: expected"),
        ({"filter": "colour = 'red'"}, "no queryable 'colour'; queryables are: geometry, id"),
        ({"filter": "name = 5"}, "cannot compare name (text) with 5.0 (number)"),
        ({"filter": "start_date > DATE('1800-01-01')"}, "compare days with start_day"),
        ({"filter": "T_INTERSECTS(name, DATE('1800-01-01'))"}, "'name' is not a date"),
        ({"filter": "start_day = DATE('1813-02-30')"}, "February 1813 has no day 30"),
        ({"filter": "S_INTERSECTS(geometry, POLYGON((0 0, 1 1, 1 0, 0 1, 0 0)))"}, "not valid"),
        ({"filter": "S_INTERSECTS(name, POINT(1 1))"}, "name is not one"),
        ({"filter": "1 + 2 = 3"}, "'+' is not supported here"),
        ({"filter": "(" * 70 + "TRUE" + ")" * 70}, "nested deeper than 64"),
        ({"filter": "NOT " * 70 + "TRUE"}, "nested deeper than 64"),
        ({"filter": "{bad", "filter-lang": "cql2-json"}, "cql2-json does not parse"),
        (
            {"filter": '{"op": "s_intersects"}', "filter-lang": "cql2-json"},
            "cql2-json does not parse",
        ),
        ({"filter": "S_INTERSECTS(geometry)"}, "not valid CQL2"),
        ({"filter": "TRUE", "filter-lang": "cql2-xml"}, "filter-lang: 'cql2-xml' is not one of"),
        ({"filter": "TRUE", "filter-crs": "EPSG:3857"}, "filter-crs: only"),
        ({"filter-lang": "cql2-text"}, "give filter too"),
        ({"filter": "x" * 4001}, "longer than 4000"),
    ],
)
def test_bad_filters_are_400_saying_what_is_wrong(client, query, says):
    response = client.get("/collections/zones/items", query_string=query)
    assert response.status_code == 400
    assert says in response.get_json()["description"]
    assert len(response.data) < 2000


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.lists(
        st.sampled_from(
            [*"()',=<>%_ 0123456789.-", "AND", "NOT", "IS NULL", "S_INTERSECTS", "BBOX"]
            + ["T_INTERSECTS", "INTERVAL", "DATE", "name", "start_day", "geometry"]
        ),
        max_size=30,
    ).map("".join)
)
def test_any_filter_text_is_answered_or_refused_never_a_server_error(client, text):
    response = client.get("/collections/zones/items", query_string={"filter": text})
    assert response.status_code in (200, 400), response.data[:300]


def test_cql2_filters_are_declared_in_the_api_and_conformance(client):
    document = client.get("/api").get_json()
    names = {
        p.get("$ref", "").rsplit("/", 1)[-1]
        for p in document["paths"]["/collections/zones/items"]["get"]["parameters"]
    }
    assert {"filter", "filter-lang", "filter-crs", "sortby", "properties", "skipGeometry"} <= names
    assert document["components"]["parameters"]["filter-lang"]["schema"]["enum"] == [
        "cql2-text",
        "cql2-json",
    ]
    classes = client.get("/conformance").get_json()["conformsTo"]
    for name in ("cql2-text", "cql2-json", "temporal-functions", "spatial-functions"):
        assert f"http://www.opengis.net/spec/cql2/1.0/conf/{name}" in classes
    assert "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter" in classes

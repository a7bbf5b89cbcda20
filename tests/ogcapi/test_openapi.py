"""The OpenAPI document is valid, describes every route, and the API keeps to it (schemathesis)."""

from __future__ import annotations

import json

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from openapi_spec_validator import validate
from schemathesis.checks import positive_data_acceptance

from server.core.formats import MAX_VALUE_LENGTH
from server.ogcapi.params import FORMATS, ITEMS_PARAMETERS


@pytest.fixture(scope="module")
def api_schema(tiny_app):
    """The API's own definition, loaded when a test needs it (never at collection)."""
    return schemathesis.openapi.from_wsgi("/api", tiny_app)


schema = schemathesis.pytest.from_fixture("api_schema")


@pytest.fixture(autouse=True)
def _node_id_for_schemathesis(request):
    """Schemathesis's lazy schema (4.32) renames the test via ``_nodeid``, gone in pytest 9."""
    if not hasattr(request.node, "_nodeid"):
        request.node._nodeid = request.node.nodeid


@pytest.fixture(scope="module")
def document(tiny_app):
    response = tiny_app.test_client().get("/api")
    assert response.content_type == "application/vnd.oai.openapi+json;version=3.0"
    return json.loads(response.data)


@pytest.mark.parametrize("source", ["fixture", "atlas"])
def test_the_openapi_document_validates(document, atlas_client, source):
    validate(document if source == "fixture" else atlas_client.get("/api").get_json())


def test_every_route_is_described(document, tiny_app):
    rules = {r.rule for r in tiny_app.url_map.iter_rules() if r.endpoint.startswith("api.")}
    assert "/collections/{collectionId}" in document["paths"]
    for layer in ("zones", "places"):
        assert f"/collections/{layer}/items" in document["paths"]
        assert f"/collections/{layer}/items/{{featureId}}" in document["paths"]
        assert f"/export/{layer}.gpkg" in document["paths"]
    assert (
        "/export/places.csv" in document["paths"] and "/export/zones.csv" not in document["paths"]
    )
    assert {"/", "/api", "/conformance", "/collections"} <= set(document["paths"])
    # conformance, api, collections, collection, items, item, export, schemas (#15)
    assert len(rules) == 8


def test_items_describe_their_property_filters_with_allowed_values(document):
    parameters = document["paths"]["/collections/zones/items"]["get"]["parameters"]
    controller = next(p for p in parameters if p.get("name") == "controller")
    assert controller["schema"]["enum"] == ["Persia", "Russia"]


@schema.parametrize()
@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_keeps_to_its_definition(case):
    # Schema-valid is not always valid: "1813-02-30" is a string, yet no day; so the check that
    # every schema-valid request succeeds does not apply to dates. All the others do.
    # The WSGI client cannot decode zstd, so ask for plain bodies (compression is tested apart).
    case.call_and_validate(
        headers={"Accept-Encoding": "identity"}, excluded_checks=[positive_data_acceptance]
    )


def test_parameters_are_described_from_the_parser_and_the_settings(make_app):
    document = make_app(DEFAULT_LIMIT=7, MAX_LIMIT=70).test_client().get("/api").get_json()
    parameters = document["components"]["parameters"]
    assert parameters["limit"]["schema"] == {"type": "integer", "minimum": 1, "default": 7}
    assert "at most 70" in parameters["limit"]["description"], "a larger limit is capped"
    assert parameters["f"]["schema"]["enum"] == list(FORMATS)
    assert parameters["datetime"]["schema"]["maxLength"] == MAX_VALUE_LENGTH
    items = document["paths"]["/collections/zones/items"]["get"]["parameters"]
    named = [p["$ref"].rsplit("/", 1)[1] for p in items if "$ref" in p]
    assert tuple(named) == ITEMS_PARAMETERS

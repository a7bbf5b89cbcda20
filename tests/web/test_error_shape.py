"""Every route refuses bad input in one shape: JSON ``{"code", "description"}`` with a 4xx.

After Datasette's ``test_error_shape.py``: one bad request per route of the app, so a new route
must be listed here (the first test fails until it is), and every answer is checked the same way.
Page routes give a browser (``Accept: text/html``) a readable HTML page instead.
"""

from __future__ import annotations

import pytest

# One request each route refuses, keyed by its URL rule.
BAD_REQUESTS = {
    "/": "/?date=1813-02-30",
    "/classroom": "/classroom?lang=xx",
    "/tour": "/tour?layers=nowhere",
    "/tour/<int:step>": "/tour/999",
    "/compare": "/compare?left=1812-02-30",
    "/classroom/compare": "/classroom/compare?right=someday",
    "/about": "/about?lang=xx",
    "/data/<name>.js": "/data/secret.js",
    "/vendor/<any(leaflet, swaggerui):package>/<path:filename>": "/vendor/leaflet/nope.js",
    "/static/<path:filename>": "/static/nope.css",
    "/static/<version:version>/<path:filename>": "/static/0123456789ab/nope.css",
    "/vendor/leaflet/<version:version>/<path:filename>": "/vendor/leaflet/0123456789ab/nope.js",
    "/conformance": "/conformance?x=1",
    "/api": "/api?f=yaml",
    "/collections": "/collections?f=xml",
    "/collections/<collection_id>": "/collections/nope",
    '/collections/<collection_id>/<any(schema, queryables, "geojson-schema"):kind>': (
        "/collections/nope/schema"
    ),
    "/collections/<collection_id>/items": "/collections/zones/items?limit=0",
    "/collections/<collection_id>/items/<feature_id>": "/collections/zones/items/nope",
    "/export/<name>.<any(geojson, gpkg, csv):fmt>": "/export/zones.csv",
}
PAGES = [
    "/?date=1813-02-30",
    "/classroom?lang=xx",
    "/tour?layers=nowhere",
    "/tour/999",
    "/compare?left=1812-02-30",
    "/about?lang=xx",
]


def test_every_route_of_the_app_is_listed(tiny_app):
    assert {rule.rule for rule in tiny_app.url_map.iter_rules()} == set(BAD_REQUESTS)


@pytest.mark.parametrize("url", BAD_REQUESTS.values())
def test_every_route_refuses_in_one_json_shape(tiny_client, url):
    with tiny_client.get(url) as answer:
        assert 400 <= answer.status_code < 500, url
        assert answer.mimetype == "application/json"
        body = answer.get_json()
        assert set(body) == {"code", "description"}
        assert body["code"].isalpha() and body["description"].strip()


@pytest.mark.parametrize("url", PAGES)
def test_page_routes_refuse_a_browser_with_a_readable_page(tiny_client, url):
    as_json = tiny_client.get(url).get_json()
    answer = tiny_client.get(url, headers={"Accept": "text/html"})
    assert answer.mimetype == "text/html"
    assert answer.status_code == tiny_client.get(url).status_code
    page = answer.get_data(as_text=True)
    assert f'<p class="atlas-error-status">{answer.status_code}</p>' in page
    assert as_json["description"].replace("'", "&#39;") in page
    assert "css/atlas.css" in page, "styled like the atlas"

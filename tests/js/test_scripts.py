"""The page's scripts: every file under static/js is loaded, in one order, under one namespace."""

from __future__ import annotations

import re
from pathlib import Path

from server.mapview.scripts import SCRIPTS, page_script

STATIC_JS = Path(__file__).parents[2] / "static" / "js"
OTHER_PAGES = {"api-definition"}  # the API definition page's own script (Swagger UI, /api)


def test_every_script_is_in_the_one_ordered_list_and_every_listed_one_exists():
    files = {
        path.relative_to(STATIC_JS).with_suffix("").as_posix() for path in STATIC_JS.rglob("*.js")
    }
    assert sorted(SCRIPTS) == sorted(files - OTHER_PAGES)
    assert len(set(SCRIPTS)) == len(SCRIPTS)
    assert SCRIPTS[0] == "atlas", "every other file attaches itself to what atlas.js makes"


def test_every_script_but_the_namespace_attaches_itself_to_window_atlas():
    for name in SCRIPTS[1:]:
        text = (STATIC_JS / f"{name}.js").read_text(encoding="utf-8")
        assert "\n(function (Atlas) {\n" in text, name
        assert text.endswith("\n})(window.Atlas);\n"), name


def test_the_page_script_is_every_source_in_order_each_named():
    script = page_script().decode()
    starts = [script.index(f"/* static/js/{name}.js */\n") for name in SCRIPTS]
    assert starts == sorted(starts) and starts[0] == 0
    for name in SCRIPTS:
        assert (STATIC_JS / f"{name}.js").read_text(encoding="utf-8").rstrip("\n") in script


def test_the_served_and_the_built_page_script_are_the_joined_sources(client, built):
    html = client.get("/").get_data(as_text=True)
    ours = [src for src in re.findall(r'<script src="([^"]+)"', html) if "/static/" in src]
    assert ours == [
        f"/static/{client.application.extensions['atlas_asset_versions']['static']}/js/atlas-map.js"
    ]
    answer = client.get(ours[0])
    assert answer.data == page_script()
    assert "immutable" in answer.headers["Cache-Control"]
    again = client.get(ours[0], headers={"If-None-Match": answer.headers["ETag"]})
    assert again.status_code == 304
    assert client.get("/static/js/atlas-map.js").data == page_script()  # the first edition's URL
    assert (built / "static" / "js" / "atlas-map.js").read_bytes() == page_script()
    assert 'src="static/js/atlas-map.js"' in (built / "index.html").read_text()

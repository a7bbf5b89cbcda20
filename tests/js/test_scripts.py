"""The page's scripts: every file under static/js is loaded, in one order, under one namespace."""

from __future__ import annotations

from pathlib import Path

from server.mapview.elements import SCRIPTS

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

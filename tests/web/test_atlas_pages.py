"""The pages of issue 11 as a client sees them: the About page, the data in three scripts, the
opening moment, and a date written at the precision it was given."""

from __future__ import annotations

import json
import re

import pytest

from server.mapview.data import DATA_SCRIPTS


def script_value(script: str):
    """The value a data script hands to JSON.parse, read back as Python."""
    literal = script[script.index("JSON.parse('") + len("JSON.parse('") : script.rindex("')")]
    text = literal.replace("\\'", "'").replace("\\\\", "\\")
    return json.loads(text)


def test_the_atlas_opens_on_turkmenchay_with_a_line_saying_what_it_is(atlas_client):
    page = atlas_client.get("/").get_data(as_text=True)
    assert "<title>Iran–Russia Historical Atlas — 22 February 1828</title>" in page
    assert 'class="atlas-tagline">Who held the lands between Persia and Russia' in page
    assert re.search(r'<a href="/about">About</a>', page)


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("?date=1916", "1916"),
        ("?date=1920-06", "June 1920"),
        ("?date=1916&lang=fa", "۱۹۱۶"),
        ("?date=1920-06&lang=ru", "июнь 1920 г."),
        ("?date=0913", "913"),
    ],
)
def test_a_date_is_written_as_precisely_as_it_was_given(atlas_client, query, title):
    page = atlas_client.get("/" + query).get_data(as_text=True)
    assert re.search(rf"<title>[^<]* — {re.escape(title)}</title>", page), title
    assert f'"date": "{query.split("=")[1].split("&")[0]}"' in page


@pytest.mark.parametrize("lang", ["en", "fa", "ru"])
def test_the_about_page_explains_every_layer_the_dates_and_every_source(
    atlas_client, atlas_store, lang
):
    page = atlas_client.get(f"/about?lang={lang}")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert f'<html lang="{lang}"' in html
    for layer in atlas_store:
        assert f'id="layer-{layer.id}"' in html
    for key in atlas_store.sources:
        assert f'id="source-{key}"' in html
    assert "LGPL-3.0-or-later" in html and "public domain" in html
    assert html.count("<p>") >= 7  # the date conventions and the notes


def test_the_about_page_marks_english_inside_a_persian_page(atlas_client):
    html = atlas_client.get("/about?lang=fa").get_data(as_text=True)
    # The layers translated in the catalogue are Persian; the others say they are English.
    assert '<dt id="layer-states">دولت‌های منطقه</dt>' in html
    assert re.search(r'<dd lang="en" dir="ltr">Who held each territory', html)
    assert '<ol class="atlas-about-sources" lang="en" dir="ltr">' in html


def test_the_data_come_in_three_scripts_the_prose_apart(atlas_client):
    drawing = atlas_client.get("/data/atlas.js").get_data(as_text=True)
    assert drawing.startswith("window.ATLAS_DATA = JSON.parse('{")
    data = script_value(drawing)
    properties = [
        f["properties"] for layer in data["layers"] for f in layer["features"]["features"]
    ]
    assert properties and not any("description" in p or "date_note" in p for p in properties)
    states = next(layer for layer in data["layers"] if layer["id"] == "states")
    assert states["names"][0]["at"]  # where each state's name goes, per period
    for lang in ("en", "fa", "ru"):
        texts = atlas_client.get(f"/data/texts-{lang}.js").get_data(as_text=True)
        assert texts.startswith("window.ATLAS_TEXTS = JSON.parse('{")
        others = {"en", "fa", "ru"} - {lang, "en"}
        assert all(f'"description_{other}"' not in texts for other in others)
    assert set(DATA_SCRIPTS) == {"atlas", "basemap", "texts-en", "texts-fa", "texts-ru"}


def test_an_unknown_data_script_is_a_precise_404(atlas_client):
    answer = atlas_client.get("/data/secrets.js")
    assert answer.status_code == 404
    assert "no data script 'secrets'" in answer.get_json()["description"]


def test_the_static_build_has_the_about_page_and_the_prose(built):
    about = (built / "about.html").read_text()
    assert 'href="index.html"' in about and 'href="static/css/about.css"' in about
    assert (built / "data" / "texts-fa.js").read_text().startswith("window.ATLAS_TEXTS")
    assert "data/texts-en.js" in (built / "index.html").read_text()

"""Every layer and key date of the atlas speaks Persian and Russian, from its own data files."""

from __future__ import annotations

import pytest

from server.core.catalog import TRANSLATED
from server.core.i18n import catalogue


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_layer_has_a_title_labels_and_property_labels(atlas_store, lang):
    for layer in atlas_store:
        text = layer.spec.text(lang)
        assert text.get("title"), f"{layer.id}: no title_{lang}"
        style = layer.spec.style
        values = {**style.get("colors", {}), **style.get("labels", {})}
        if style.get("labels"):
            assert set(text.get("labels", {})) == set(values), f"{layer.id}: labels_{lang}"
        assert set(text.get("properties", {})) == set(layer.spec.properties), layer.id


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_key_date_has_a_title_and_caption(atlas_store, lang):
    assert atlas_store.key_dates
    for moment in atlas_store.key_dates:
        assert set(moment.text(lang)) == {"title", "caption"}, moment.id


@pytest.mark.parametrize("lang", ["en", *TRANSLATED])
def test_the_interface_catalogues_hold_no_data(lang):
    assert set(catalogue(lang)) == {"language", "interface", "calendar"}


# Properties whose values are free text or lists of ids, not codes from a vocabulary.
FREE_TEXT = {"place", "related"}
PERSIAN_TEXT = ("name_fa", "description_fa", "date_note_fa")


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_feature_note_speaks_persian_and_russian(atlas_store, lang):
    # Every layer: the story's, the states and today's borders beneath it, the gazetteer.
    missing = [
        f"{layer.id}:{feature['properties']['id']}"
        for layer in atlas_store
        for feature in layer.features
        if feature["properties"].get("date_note")
        and not feature["properties"].get(f"date_note_{lang}")
    ]
    assert not missing, f"date_note_{lang} missing: {missing[:10]}"


@pytest.mark.parametrize("lang", TRANSLATED)
@pytest.mark.parametrize("text", ["name", "description"])
def test_every_feature_name_and_description_speaks_persian_and_russian(atlas_store, lang, text):
    missing = [
        f"{layer.id}:{feature['properties']['id']}"
        for layer in atlas_store
        for feature in layer.features
        if feature["properties"].get(text)
        and not (feature["properties"].get(f"{text}_{lang}") or "").strip()
    ]
    assert not missing, f"{text}_{lang} missing: {missing[:10]}"


@pytest.mark.parametrize("layer_id", ["states", "gazetteer", "modern_borders"])
def test_the_places_layers_are_among_those_checked(atlas_store, layer_id):
    layer = atlas_store.layer(layer_id)
    assert any(f["properties"].get("date_note_fa") for f in layer.features), layer_id


def test_persian_texts_use_persian_digits(atlas_store):
    latin = [
        f"{feature['properties']['id']}:{key}"
        for layer in atlas_store
        for feature in layer.features
        for key in PERSIAN_TEXT
        if any(char.isascii() and char.isdigit() for char in feature["properties"].get(key) or "")
    ]
    assert not latin, latin[:10]


def test_every_coded_value_a_popup_shows_has_labels_in_three_languages(atlas_store):
    for layer in (layer for layer in atlas_store if layer.spec.role == "theme"):
        for name, rule in layer.spec.properties.items():
            if name in FREE_TEXT:
                continue
            labels = rule.get("value_labels")
            assert labels, f"{layer.id}: properties.{name} has no value_labels"
            used = {
                feature["properties"][name]
                for feature in layer.features
                if feature["properties"].get(name) is not None
            }
            unlabelled = sorted(map(str, used - set(labels)))
            assert not unlabelled, f"{layer.id}.{name}: no label for {unlabelled}"

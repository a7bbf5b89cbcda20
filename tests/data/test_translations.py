"""Every layer and key date of the atlas speaks Persian and Russian, from its own data files."""

from __future__ import annotations

import pytest

from server.core.contract import TRANSLATED
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


@pytest.mark.parametrize("lang", ["en", *TRANSLATED])
def test_every_value_a_popup_shows_has_a_label_in_each_language(atlas_store, lang):
    """Readers see "Treaty of Turkmenchay", never the stored code "turkmenchay-1828"."""
    for layer in atlas_store:
        field = "labels" if lang == "en" else f"labels_{lang}"
        for name, rule in layer.spec.properties.items():
            if rule.get("popup") is False:
                continue
            used = {value for value in layer.frame[name].dropna() if value != ""}
            missing = used - set(rule.get(field, {}))
            assert not missing, f"{layer.id}.{name}: no {field} for {sorted(missing)}"

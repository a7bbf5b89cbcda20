"""The treaties the page names in a popup ("ceded by the Treaty of Gulistan on 24 October 1813").

A territorial period's ``treaty`` and ``recognised_by`` hold a treaty slug (``gulistan-1813``).
The page needs each slug's name in three languages and the day it was signed; both already live
in the data, so nothing is written twice: the name from the catalogue's ``value_labels`` of a
``treaty`` or ``recognised_by`` property (else the key date ``treaty-<slug>``), the day from the
event of kind ``treaty`` that lists the slug in ``related`` (else that key date).
"""

from __future__ import annotations

from typing import Any

from server.core.catalog import LANGUAGES
from server.core.store import LayerStore

TREATY_PROPERTIES = ("treaty", "recognised_by")


def treaty_index(store: LayerStore) -> dict[str, dict[str, Any]]:
    """Return ``{slug: {"date": "1813-10-24" | None, "labels": {lang: name}}}``."""
    index = {slug: {"date": None, "labels": labels} for slug, labels in _slugs(store).items()}
    for slug, day in _signing_days(store).items():
        if slug in index:
            index[slug]["date"] = day
    for moment in store.key_dates:
        slug = moment.id.removeprefix("treaty-")
        if moment.id.startswith("treaty-") and slug in index:
            entry = index[slug]
            entry["date"] = entry["date"] or moment.date
            for lang in LANGUAGES:
                title = moment.title if lang == "en" else moment.text(lang).get("title")
                if title:
                    entry["labels"].setdefault(lang, title)
    return index


def _slugs(store: LayerStore) -> dict[str, dict[str, str]]:
    """Every slug a treaty property takes, with the catalogue's labels where it has them."""
    slugs: dict[str, dict[str, str]] = {}
    for layer in store:
        used = [f["properties"].get(name) for f in layer.features for name in TREATY_PROPERTIES]
        for name in TREATY_PROPERTIES:
            rule = layer.spec.properties.get(name) or {}
            labels = rule.get("value_labels") or {}
            for slug in [*rule.get("values", []), *labels, *filter(None, used)]:
                own = labels.get(slug) or {}
                slugs.setdefault(slug, {}).update({k: v for k, v in own.items() if v})
    return slugs


def _signing_days(store: LayerStore) -> dict[str, str]:
    """Return the start day of each event of kind ``treaty``, under every slug it relates to."""
    days: dict[str, str] = {}
    for layer in store:
        for feature in layer.features:
            props = feature["properties"]
            if props.get("kind") == "treaty" and props.get("start_date"):
                for slug in props.get("related") or []:
                    days.setdefault(slug, props["start_date"])
    return days

"""What a feature's properties must say beyond dates, sources and geometry.

The data contract's rules on meaning: every feature speaks Persian and Russian; a territory's
``status`` comes from one small vocabulary, so a claim is never drawn as a holding; a legal title
that came after the fact (``recognised_by``) names a treaty the catalogue declares, dated after
the period began; and the catalogue's value labels (treaty slugs, ranks, states …) exist in all
three languages. ``contract.py`` calls these; they raise ``ValueError`` with the reason only, and
the caller adds the file and the feature.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from server.core.dates import parse_date

LANGUAGES = ("en", "fa", "ru")  # English in the plain fields; the others as `<field>_<lang>`
TRANSLATED = LANGUAGES[1:]
LANGUAGE_NAMES = {"fa": "Persian", "ru": "Russian"}
# Every feature's name and description, in each translated language.
TRANSLATED_TEXT = ("name", "description")
# How a territory was held, on one axis from fact to claim (geodata/README.md explains each).
STATUSES = (
    "held",
    "occupied",
    "suzerainty",
    "protectorate",
    "claimed",
    "contested",
    "influence",
    "promised",
)
# Layers whose features are territories (style.geometry "area") must say how each was held.
TERRITORIAL = "area"
TREATY = "treaty"
# A property whose values and labels are another property's (recognised_by names a treaty).
SAME_VALUES_AS = "same_values_as"


def check_translations(props: Mapping[str, Any]) -> None:
    """Require the name and the description in Persian and Russian, as non-empty strings."""
    for key in TRANSLATED_TEXT:
        for lang in TRANSLATED:
            value = props.get(f"{key}_{lang}")
            if not isinstance(value, str) or not value.strip():
                raise ValueError(
                    f"missing required property '{key}_{lang}' "
                    f"(the {key} in {LANGUAGE_NAMES[lang]}, a non-empty string)"
                )


def check_status(props: Mapping[str, Any], geometry: str) -> None:
    """Require a territory's ``status``, and any ``status`` of one to be a known one."""
    if geometry != TERRITORIAL:
        return
    status = props.get("status")
    if status is None:
        raise ValueError(f"missing property 'status' (one of {', '.join(STATUSES)})")
    if status not in STATUSES:
        raise ValueError(f"status {status!r} is not one of {', '.join(STATUSES)}")


def check_recognised_by(props: Mapping[str, Any], treaties: Mapping[str, date | None]) -> None:
    """Check a later legal title: a declared treaty, dated after the period's first day.

    A treaty dated on or before the start began the period: it belongs in ``treaty``.
    """
    title = props.get("recognised_by")
    if title is None:
        return
    if title not in treaties:
        known = ", ".join(treaties) or "none"
        raise ValueError(f"recognised_by {title!r} is not a treaty of the catalogue ({known})")
    if title == props.get(TREATY):
        raise ValueError(f"recognised_by {title!r} is already the period's treaty")
    signed, start = treaties[title], props.get("start_date")
    if signed is not None and start is not None and signed <= parse_date(start).first_day():
        raise ValueError(
            f"recognised_by {title!r} ({signed.isoformat()}) does not come after start_date {start}"
        )


# ------------------------------------------------------------------------------ the catalogue
def resolve_properties(properties: Mapping[str, Any]) -> dict[str, Any]:
    """Give a ``same_values_as`` property the values and labels of the property it names."""
    resolved = dict(properties)
    for name, rule in properties.items():
        source = rule.get(SAME_VALUES_AS) if isinstance(rule, dict) else None
        if source is None:
            continue
        if not isinstance(properties.get(source), dict):
            raise ValueError(f"properties.{name}.{SAME_VALUES_AS} names no property {source!r}")
        borrowed = {
            key: properties[source][key]
            for key in ("values", "value_labels")
            if key in properties[source]
        }
        resolved[name] = {**rule, **borrowed}
    return resolved


def check_value_labels(name: str, rule: Mapping[str, Any]) -> None:
    """``value_labels``: ``{value: {en, fa, ru}}``, non-empty, one for each declared value."""
    labels = rule.get("value_labels")
    if labels is None:
        return
    where = f"properties.{name}.value_labels"
    if not isinstance(labels, dict):
        raise ValueError(f"{where} must be an object of value: {{en, fa, ru}}")
    values = rule.get("values")
    if values is not None:
        missing = [str(value) for value in values if value not in labels]
        extra = [str(value) for value in labels if value not in values]
        if missing:
            raise ValueError(f"{where} has no label for {', '.join(missing)}")
        if extra:
            raise ValueError(f"{where} labels values not declared: {', '.join(extra)}")
    for value, label in labels.items():
        if not isinstance(label, dict) or any(
            not isinstance(label.get(lang), str) or not label[lang].strip() for lang in LANGUAGES
        ):
            raise ValueError(f"{where}.{value} needs a non-empty label in {', '.join(LANGUAGES)}")


def check_status_values(rule: Mapping[str, Any], geometry: str) -> None:
    """Let a territorial layer narrow the status vocabulary, never extend it."""
    values = rule.get("values") or []
    unknown = [str(value) for value in values if value not in STATUSES]
    if geometry == TERRITORIAL and unknown:
        raise ValueError(f"properties.status declares {', '.join(unknown)}, not a status")


def treaty_dates(properties: Mapping[str, Any]) -> dict[str, date | None]:
    """Return the treaties a layer declares (``treaty.values``) and the day each took effect."""
    rule = properties.get(TREATY)
    if not isinstance(rule, dict):
        return {}
    dates = rule.get("value_dates", {})
    treaties = {}
    for slug in rule.get("values", []):
        if slug in dates:
            try:
                treaties[slug] = parse_date(dates[slug]).first_day()
            except ValueError as error:
                raise ValueError(f"properties.treaty.value_dates.{slug}: {error}") from None
        else:
            treaties[slug] = None
    return treaties

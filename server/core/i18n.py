"""Languages of the interface: English, Persian and Russian, from small JSON catalogues.

A JSON catalogue rather than Flask-Babel: the browser needs the same strings (dates in words,
popups, the slider) as the server, and a JSON file serves both sides with no compile step;
gettext's strengths (plural rules, extraction tooling) matter little for ~60 short strings.
Missing keys fall back to English, so a partial translation never breaks a page. The catalogues
hold interface and calendar strings only; the data's translations are fields of the data.
"""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from typing import Any

from server.core.catalog import LANGUAGES
from server.core.dates import PartialDate, parse_date
from server.core.errors import InvalidParameter
from server.core.formats import quote
from server.paths import TRANSLATIONS_DIR

CATALOGUE_DIR = TRANSLATIONS_DIR


@cache
def catalogue(lang: str) -> dict[str, Any]:
    """Return the catalogue of ``lang``, with English filling whatever it lacks."""
    english = json.loads((CATALOGUE_DIR / "en.json").read_text(encoding="utf-8"))
    if lang == "en":
        return english
    path = CATALOGUE_DIR / f"{lang}.json"
    own = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    merged = {**english, **own}
    for section in ("interface", "calendar"):
        merged[section] = {**english[section], **own.get(section, {})}
    return merged


def language_of(value: str | None) -> str:
    """Return a supported language code, or raise a precise error for anything else."""
    if value is None or value == "":
        return "en"
    if value not in LANGUAGES:
        raise InvalidParameter(
            f"lang: {quote(value, 20)} is not offered; use one of {', '.join(LANGUAGES)}"
        )
    return value


def text(lang: str, key: str, **values: object) -> str:
    """Return an interface string of ``lang`` with ``{placeholders}`` filled."""
    return catalogue(lang)["interface"][key].format(**values)


def in_words(value: date | PartialDate | str, lang: str = "en") -> str:
    """Say a date in ``lang``: ``24 October 1813``, ``۲۴ اکتبر ۱۸۱۳``, ``24 октября 1813 г.``."""
    if isinstance(value, str):
        value = parse_date(value)
    if isinstance(value, date):
        value = PartialDate(value.year, value.month, value.day)
    calendar = catalogue(lang)["calendar"]
    if value.day is not None:
        pattern = calendar["day_month_year"]
    elif value.month is not None:
        pattern = calendar["month_year"]
    else:
        pattern = calendar["year"]
    month = value.month - 1 if value.month else 0
    words = pattern.format(
        day=value.day,
        year=value.year,
        month=calendar["months"][month],
        month_of=calendar["months_of"][month],
    )
    return local_digits(words, lang)


def local_digits(words: str, lang: str) -> str:
    """Write digits in the script of ``lang``: Persian pages say ۱۸۲۸, not 1828."""
    return words.translate(str.maketrans("0123456789", catalogue(lang)["calendar"]["digits"]))


@cache
def page_catalogue(lang: str) -> dict[str, Any]:
    """Return the interface part of what the browser needs in ``lang``.

    The page adds the content's own translations (``LayerStore.texts``): layer titles and
    labels and key-date captions live with the data in ``geodata/``, not here.
    """
    entries = catalogue(lang)
    return {key: entries[key] for key in ("language", "interface", "calendar")}

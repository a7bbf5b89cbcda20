"""CQL2 filters (OGC API – Features Part 3): parsed and validated by ``cql2``, checked here.

``cql2`` (Development Seed's Rust parser) reads both ``cql2-text`` and ``cql2-json`` as the
standard writes them, including the function forms ``T_INTERSECTS(INTERVAL(a, b), …)`` and
``S_INTERSECTS(geometry, BBOX(…))``, and validates the result against the standard's JSON
Schema. (pygeofilter 0.4 was tried first: its text grammar has no function-form temporal
operators, it reads ``T_INTERSECTS`` as ``T_OVERLAPS``, and its JSON parser fails on an
interval of properties.) ``server.ogcapi.predicates`` evaluates the validated JSON form.

A filter is checked completely here, so every mistake is a 400 before anything is cached.
"""

from __future__ import annotations

import re
from typing import Any

import cql2
import numpy as np

from server.core.errors import InvalidParameter
from server.core.formats import quote
from server.core.store import Layer
from server.ogcapi.operands import fail
from server.ogcapi.predicates import matches

LANGUAGES = ("cql2-text", "cql2-json")
CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
MAX_NESTING = 64  # brackets and NOTs; far deeper text can crash the native parser
MESSAGE_LENGTH = 300
NOT_WORD = re.compile(r"\bNOT\b", re.IGNORECASE)
PARSER_POSITION = re.compile(r"-->\s*(\d+):(\d+)")
PARSER_EXPECTED = re.compile(r"=\s*(expected .*)")


def parse_filter(text: str, lang: str | None, crs: str | None, layer: Layer) -> tuple[int, ...]:
    """Return the positions of the layer's features a CQL2 filter selects (400 if it is bad)."""
    lang = lang or LANGUAGES[0]
    if lang not in LANGUAGES:
        raise InvalidParameter(f"filter-lang: {quote(lang)} is not one of {', '.join(LANGUAGES)}")
    if crs not in (None, CRS84):
        raise InvalidParameter(f"filter-crs: only {CRS84} (longitude, latitude) is supported")
    tree = parse_tree(text, lang)
    return tuple(int(i) for i in np.flatnonzero(matches(tree, layer)))


def parse_tree(text: str, lang: str) -> Any:
    """Return the filter's validated CQL2 JSON tree."""
    if lang == "cql2-text":
        _check_nesting(text)
    try:
        if lang == "cql2-text":
            expression = cql2.parse_text(text)
        else:
            expression = cql2.parse_json(text)
        expression.validate()
    except cql2.ParseError as error:
        raise fail(f"{lang} does not parse: {_parser_message(str(error))}") from None
    except cql2.ValidationError as error:
        raise fail(f"not valid CQL2: {_shorten(str(error))}") from None
    except ValueError as error:
        raise fail(f"{lang} does not parse: {_shorten(str(error))}") from None
    return expression.to_json()


def _check_nesting(text: str) -> None:
    depth = deepest = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        deepest = max(deepest, depth)
    if deepest + len(NOT_WORD.findall(text)) > MAX_NESTING:
        raise fail(f"nested deeper than {MAX_NESTING} levels of brackets and NOT")


def _parser_message(message: str) -> str:
    """Turn the parser's drawing of the error into one line: where, and what it expected."""
    position = PARSER_POSITION.search(message)
    expected = PARSER_EXPECTED.search(message)
    if not (position and expected):
        return _shorten(message)
    line, column = position.groups()
    return _shorten(f"at line {line}, column {column}: {expected.group(1)}")


def _shorten(message: str) -> str:
    message = " ".join(message.split())
    return message if len(message) <= MESSAGE_LENGTH else message[:MESSAGE_LENGTH] + "…"

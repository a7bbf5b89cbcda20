"""Who wants what: the one owner of the rules that read a request's Accept headers.

``/`` is both the atlas map and the OGC API landing page; ``root_wants_json`` decides which a
client gets, and ``prefers_html`` picks the format of every other API answer when no ``f`` is
given. The routes only ask.

The fast path in front of Flask (``server.web.caching``) keys answers by these headers. Kept
raw, a client sending unique 7 KB headers made every request a new entry of 14 KB (the
reliability review watched a worker grow by 300 MB in 75 s). ``negotiation_key`` reduces them to
the only things our answers depend on: the quality the client gives each media type we can
answer with, whether it names HTML itself, and the compression that will be chosen. Two requests
with the same key negotiate the same answer, however they spell their headers, as long as routes
negotiate by ``accept_mimetypes.quality`` over ``MEDIA_TYPES``. Headers are at most 8 KB each
(``server.web.origin``).
"""

from __future__ import annotations

from functools import lru_cache

from flask import Request
from flask_compress.flask_compress import _choose_algorithm
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

from server.core.formats import CSV, GEOJSON, GEOPACKAGE, HTML, JAVASCRIPT, JSON, OPENAPI

# Every media type any route answers with (a format added elsewhere belongs here too).
MEDIA_TYPES = (
    HTML,
    JSON,
    GEOJSON,
    OPENAPI.split(";")[0],
    "application/schema+json",
    CSV,
    GEOPACKAGE,
    JAVASCRIPT,
    "text/css",
    "image/svg+xml",
)
MEMO_LIMIT = 512  # header pairs longer than this are reduced anew each time, not remembered

Key = tuple


def negotiation_key(accept: str, accept_encoding: str, codings: tuple[str, ...]) -> Key:
    """Return the small key standing for what ``accept`` and ``accept_encoding`` negotiate.

    ``codings`` are the compressions the app offers; the encoding part of the key is the one
    Flask-Compress will choose (by its own function, so the two cannot disagree). Short headers,
    which are nearly all, are looked up in a bounded memo: this runs on every request.
    """
    if len(accept) + len(accept_encoding) <= MEMO_LIMIT:
        return _remembered(accept, accept_encoding, codings)
    return _reduce(accept, accept_encoding, codings)


def _reduce(accept: str, accept_encoding: str, codings: tuple[str, ...]) -> Key:
    parsed = parse_accept_header(accept, MIMEAccept)
    return (
        bool(parsed),
        HTML in parsed.values(),
        *(parsed.quality(kind) for kind in MEDIA_TYPES),
        _choose_algorithm(codings, accept_encoding),
    )


_remembered = lru_cache(maxsize=512)(_reduce)


def root_wants_json(request: Request) -> bool:
    """Say whether ``/`` should answer the OGC landing page (JSON) rather than the map.

    JSON when ``f`` is anything but ``html`` (a bad ``f`` is then refused by the API), or, with
    no ``f``, when an Accept header is sent that ranks JSON above HTML or does not name HTML at
    all (``*/*`` from requests, OWSLib, GDAL, curl). Browsers always name ``text/html``, and no
    header at all keeps the map, so the atlas page never changes for them.
    """
    fmt = request.args.get("f")
    if fmt is not None:
        return fmt != "html"
    accept = request.accept_mimetypes
    return bool(accept) and (
        accept.quality(JSON) > accept.quality(HTML)
        or (HTML not in accept.values() and accept.quality(JSON) > 0)
    )


def prefers_html(request: Request) -> bool:
    """Say whether the client ranks HTML above JSON (the API's format when ``f`` is absent)."""
    accept = request.accept_mimetypes
    return accept.quality(HTML) > accept.quality(JSON)

"""Who wants what: the one owner of the rules that pick JSON or HTML for a request.

``/`` is both the atlas map and the OGC API landing page; ``root_wants_json`` decides which a
client gets, and ``prefers_html`` picks the format of every other API answer when no ``f`` is
given. The routes only ask.
"""

from __future__ import annotations

from flask import Request

from server.core.formats import HTML, JSON


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

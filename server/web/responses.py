"""Responses for bytes that never change while the app runs: strong ETag, caching, 304s."""

from __future__ import annotations

import hashlib

from flask import Response, g, request

CACHE_CONTROL = "public, max-age=300"


def cached_bytes(
    body: bytes, mimetype: str, *, headers: dict[str, str] | None = None, etag: str | None = None
) -> Response:
    """Answer ``body`` with an ETag from its content, or 304 if the client already has it.

    Pass ``etag`` (from ``etag_of``) when the body is cached, so it is not hashed per request.
    """
    etag = etag or etag_of(body)
    g.atlas_etag = etag  # the same bytes compress the same: Flask-Compress may reuse its result
    if request.if_none_match.contains(etag):
        response = Response(status=304)
    else:
        response = Response(body, mimetype=mimetype)
    response.set_etag(etag)
    response.headers["Cache-Control"] = CACHE_CONTROL
    response.headers.update(headers or {})
    return response


def etag_of(body: bytes) -> str:
    """Return the strong ETag of a body: a short hash of its content."""
    return hashlib.blake2b(body, digest_size=12).hexdigest()

"""CORS: the data are public and read-only, so any web page may read any answer.

Web GIS clients on other origins (OpenLayers or Leaflet pages, notebooks in a browser, online
viewers) read the API and the downloads with ``fetch``; without ``Access-Control-Allow-Origin``
their browsers hide every answer. Nothing here depends on cookies or credentials, so ``*`` is
safe, as in pygeoapi. Preflight ``OPTIONS`` requests (Flask answers them for every route) get
the methods and headers a reader needs, including ``Range`` for partial downloads.
"""

from __future__ import annotations

from flask import Flask, Response, request

ALLOW = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "ETag, Content-Range, Content-Disposition, Content-Length",
}
PREFLIGHT = {
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Accept-Language, Content-Type, If-None-Match, Range",
    "Access-Control-Max-Age": "86400",
}


def init_app(app: Flask) -> None:
    """Add the CORS headers to every answer (registered first, so it runs last)."""
    app.after_request(_allow_reading)


def _allow_reading(response: Response) -> Response:
    response.headers.update(ALLOW)
    if request.method == "OPTIONS":
        response.headers.update(PREFLIGHT)
    return response

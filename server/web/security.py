"""Security headers: a Content-Security-Policy with per-response nonces, and the usual others.

Pages are rendered with a placeholder where a nonce belongs (``server.mapview.render``), so a
rendered page can be cached and still get a fresh nonce on every response. Scripts, styles,
images and connections may come from our own origin only; ``frame-ancestors`` is configurable
so a learning platform can embed the atlas (``FRAME_ANCESTORS = "'self' https://lms.example.edu"``).
"""

from __future__ import annotations

import secrets
from urllib.parse import urlsplit

from flask import Flask, Response, current_app

from server.core.formats import HTML
from server.mapview.render import NONCE_PLACEHOLDER


def policy(nonce: str | None, frame_ancestors: str, tile_origin: str = "") -> str:
    """Return the CSP: our own origin for everything, inline code only with the nonce.

    The one exception is the optional web tile server, whose images are allowed when configured.
    """
    inline = f" 'nonce-{nonce}'" if nonce else ""
    return "; ".join(
        [
            "default-src 'none'",
            f"script-src 'self'{inline}",
            f"style-src 'self'{inline}",
            f"img-src 'self' data: blob:{' ' + tile_origin if tile_origin else ''}",
            "connect-src 'self'",
            "font-src 'self'",
            "base-uri 'none'",
            "form-action 'self'",
            f"frame-ancestors {frame_ancestors}",
        ]
    )


def init_app(app: Flask) -> None:
    """Add the security headers to every response."""
    app.after_request(_secure)


def _secure(response: Response) -> Response:
    nonce = None
    if response.mimetype == HTML and not response.direct_passthrough:
        body = response.get_data(as_text=True)
        if NONCE_PLACEHOLDER in body:
            nonce = secrets.token_urlsafe(18)
            response.set_data(body.replace(NONCE_PLACEHOLDER, nonce))
    config = current_app.config
    tiles = urlsplit(config["WEB_TILES_URL"] or "")
    tile_origin = f"{tiles.scheme}://{tiles.netloc.replace('{s}', '*')}" if tiles.netloc else ""
    response.headers["Content-Security-Policy"] = policy(
        nonce, config["FRAME_ANCESTORS"], tile_origin
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"
    response.headers["Cross-Origin-Opener-Policy"] = "same-origin"
    return response

"""Security headers on every answer: a CSP with per-response nonces, and the usual others.

Map pages are rendered once per view with a one-off marker where our template puts the nonce
(``server.mapview.render``), kept split at that marker, and joined with a fresh nonce for each
response (``with_fresh_nonce``): the page can be cached, and only the tags our template wrote
get the nonce. Scripts, styles, images and connections may come from our own origin only;
``frame-ancestors`` is configurable so a learning platform can embed the atlas
(``FRAME_ANCESTORS = "'self' https://lms.example.edu"``).

``Cross-Origin-Resource-Policy`` is chosen per route from ``RESOURCE_POLICIES`` (endpoint or
blueprint name to policy): the API and the exports are for other sites' clients too, the pages
and their assets for ours only.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlsplit

from flask import Flask, Response, current_app, g, request

SERVER = "atlas"  # the Server header: no product or version for a scanner to match
PERMISSIONS = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)  # fullscreen stays allowed for ourselves: the classroom's F key uses it
SAME_ORIGIN = "same-origin"
Segments = tuple[str, ...]


def policy(nonce: str | None, frame_ancestors: str, tile_origin: str = "") -> str:
    """Return the CSP: our own origin for everything, one inline script only with the nonce.

    No page has inline CSS, so styles need no nonce. The one exception to "our own origin" is
    the optional web tile server, whose images are allowed when configured.
    """
    inline = f" 'nonce-{nonce}'" if nonce else ""
    return "; ".join(
        [
            "default-src 'none'",
            f"script-src 'self'{inline}",
            "style-src 'self'",
            f"img-src 'self' data: blob:{' ' + tile_origin if tile_origin else ''}",
            "connect-src 'self'",
            "font-src 'self'",
            "base-uri 'none'",
            "form-action 'self'",
            f"frame-ancestors {frame_ancestors}",
        ]
    )


def headers_for(
    config: Mapping[str, Any], nonce: str | None = None, resource_policy: str = SAME_ORIGIN
) -> dict[str, str]:
    """Return every security header of an answer (also used for answers made outside Flask)."""
    tiles = urlsplit(config.get("WEB_TILES_URL") or "")
    tile_origin = f"{tiles.scheme}://{tiles.netloc.replace('{s}', '*')}" if tiles.netloc else ""
    return {
        "Content-Security-Policy": policy(nonce, config["FRAME_ANCESTORS"], tile_origin),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "same-origin",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Cross-Origin-Resource-Policy": resource_policy,
        "Permissions-Policy": PERMISSIONS,
        "X-Permitted-Cross-Domain-Policies": "none",
        "Server": SERVER,
    }


def init_app(app: Flask) -> None:
    """Add the security headers to every response."""
    app.after_request(_secure)


def nonce_slots(render: Callable[[str], str]) -> Segments:
    """Render with a one-off marker as the nonce and split there, for ``with_fresh_nonce``.

    The marker is random, so no text of the page (data included) can contain it.
    """
    marker = secrets.token_hex(16)
    return tuple(render(marker).split(marker))


def with_fresh_nonce(segments: Segments) -> str:
    """Join a page split by ``nonce_slots`` with a new nonce, which the CSP header will allow."""
    if len(segments) == 1:
        return segments[0]
    g.csp_nonce = secrets.token_urlsafe(18)
    return g.csp_nonce.join(segments)


def resource_policy_of(endpoint: str | None, blueprint: str | None) -> str:
    """Return the Cross-Origin-Resource-Policy of a route: its own, its blueprint's, or ours."""
    policies = current_app.config["RESOURCE_POLICIES"]
    return policies.get(endpoint) or policies.get(blueprint) or SAME_ORIGIN


def _secure(response: Response) -> Response:
    corp = resource_policy_of(request.endpoint, request.blueprint)
    headers = headers_for(current_app.config, g.get("csp_nonce"), corp)
    response.headers.update(headers)
    return response

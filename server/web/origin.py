"""The gate in front of everything: headers of sane size, a Host we serve, the public origin.

Links in API answers and pages are absolute, built from the request's origin. Left to the Host
header, one request with ``Host: attacker.example`` could choose the links of a cached answer
(the reliability review saw it reach QGIS's ``next`` links). So, before the fast path or Flask
sees a request:

- a header over ``MAX_HEADER_BYTES`` gets 431 (also bounding what any cache could keep of it,
  and the work of reducing it to a key);
- a Host that is not a valid host name, or not in ``TRUSTED_HOSTS`` when that is set, gets 400;
- with ``BASE_URL`` set (``ATLAS_BASE_URL=https://atlas.example.edu/``), every request is seen
  as addressed to that origin, so links never come from the client at all.

Without ``BASE_URL``, links follow the (valid) Host of each request, and every cache keys its
answers by scheme and host, so no client can change what another one is sent.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from flask import Flask, request
from werkzeug.exceptions import RequestHeaderFieldsTooLarge
from werkzeug.sansio.utils import host_is_trusted

from server.core.errors import SettingError
from server.core.formats import dumps, quote
from server.web import security

MAX_HEADER_BYTES = 8190  # per field, as gunicorn, Apache and nginx's default buffers allow
MAX_HOST_BYTES = 261  # a 253-character name and a port
# Checked on every request, before the fast path: what any cache or its key is made from. The
# other headers are checked on the way into Flask (a scan of every header costs as much as a
# cached answer).
KEYED_HEADERS = ("HTTP_HOST", "HTTP_ACCEPT", "HTTP_ACCEPT_ENCODING", "HTTP_IF_NONE_MATCH")
StartResponse = Callable[..., Any]
WsgiApp = Callable[[dict, StartResponse], Iterable[bytes]]


def init_app(app: Flask) -> None:
    """Check ``BASE_URL`` and ``TRUSTED_HOSTS`` and put the gate in front of everything.

    Call last: the gate must see requests before the fast path (``server.web.caching``) does.
    """
    base = check_base_url(app.config.get("BASE_URL"))
    trusted = trusted_hosts(app.config)
    if trusted and base:
        trusted.append(urlsplit(base).netloc)  # Flask checks the host the gate addresses it to
    app.config.update(BASE_URL=base, TRUSTED_HOSTS=trusted)
    app.before_request(_refuse_long_headers)
    app.wsgi_app = OriginGate(app.wsgi_app, app.config, security.headers_for(app.config))


class OriginGate:
    """WSGI middleware: refuse oversized headers and foreign hosts; apply ``BASE_URL``."""

    def __init__(self, app: WsgiApp, config: Mapping[str, Any], headers: dict[str, str]) -> None:
        self.app = app
        trusted = trusted_hosts(config)
        self.acceptable = lru_cache(maxsize=256)(lambda host: _acceptable(host, trusted))
        self.base = _origin_of(config.get("BASE_URL"))
        self.headers = headers  # the security headers every answer carries

    def __call__(self, environ: dict, start_response: StartResponse) -> Iterable[bytes]:
        """Answer a refused request here; pass the others on, addressed to the public origin."""
        for name in KEYED_HEADERS:
            if len(environ.get(name, "")) > MAX_HEADER_BYTES:
                reason = too_long(name)
                return self.refuse(start_response, 431, "RequestHeaderFieldsTooLarge", reason)
        host = environ.get("HTTP_HOST")
        if host is not None and not self.acceptable(host):
            reason = f"this server does not answer for the host {quote(host)}"
            return self.refuse(start_response, 400, "InvalidHost", reason)
        if self.base:
            environ["wsgi.url_scheme"], environ["HTTP_HOST"], environ["SCRIPT_NAME"] = self.base
        return self.app(environ, start_response)

    def refuse(
        self, start_response: StartResponse, status: int, code: str, reason: str
    ) -> Iterable[bytes]:
        """Answer ``{"code", "description"}`` with the same security headers as Flask's answers."""
        body = dumps({"code": code, "description": reason})
        headers = [
            ("Content-Type", "application/json"),
            ("Content-Length", str(len(body))),
            *self.headers.items(),
        ]
        start_response(f"{status} {_REASONS[status]}", headers)
        return [body]


_REASONS = {400: "Bad Request", 431: "Request Header Fields Too Large"}


def trusted_hosts(config: Mapping[str, Any]) -> list[str] | None:
    """Return ``TRUSTED_HOSTS`` as a list (the environment gives a comma-separated string)."""
    hosts = config.get("TRUSTED_HOSTS")
    if isinstance(hosts, str):
        hosts = [host.strip() for host in hosts.split(",") if host.strip()]
    return list(hosts) if hosts else None


def check_base_url(value: Any) -> str | None:
    """Return ``BASE_URL`` with a trailing slash, or raise ``SettingError`` naming the problem."""
    if not value:
        return None
    parts = urlsplit(str(value))
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise SettingError(f"BASE_URL must be like https://atlas.example.edu/, not {value!r}")
    return str(value).rstrip("/") + "/"


def _origin_of(base_url: Any) -> tuple[str, str, str] | None:
    base = check_base_url(base_url)
    if base is None:
        return None
    parts = urlsplit(base)
    return parts.scheme, parts.netloc, parts.path.rstrip("/")


def too_long(name: str) -> str:
    """Say which header is too long, by its HTTP name (``HTTP_ACCEPT`` is ``Accept``)."""
    field = name[5:].replace("_", "-").title()
    return f"the {field} header is longer than {MAX_HEADER_BYTES} bytes"


def _refuse_long_headers() -> None:
    """Refuse any other header over the limit, for the requests that reach Flask."""
    for name, value in request.environ.items():
        if name.startswith("HTTP_") and len(value) > MAX_HEADER_BYTES:
            raise RequestHeaderFieldsTooLarge(too_long(name))


def _acceptable(host: str, trusted: list[str] | None) -> bool:
    return len(host) <= MAX_HOST_BYTES and host_is_trusted(host, trusted)

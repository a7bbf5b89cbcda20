"""An in-process HTTP cache in front of Flask: repeated GETs are answered from memory.

The store never changes while the app runs, so an answer that carries an ETag and public
caching stays right for the life of the process. Serving it again costs a dictionary look-up
instead of Flask's routing, parsing and serialising (about ten times less work per request),
which is what a classroom of laptops opening one moment at once needs. Keys are the exact
path, query and the negotiation headers (Accept, Accept-Encoding); anything else (errors,
pages with a per-response CSP nonce, HEAD, non-GET) goes through Flask untouched.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from server.web.cache import ResponseCache

StartResponse = Callable[..., Any]
WsgiApp = Callable[[dict, StartResponse], Iterable[bytes]]
NOT_MODIFIED_DROPS = {"content-length", "content-type", "content-encoding"}


class CachingMiddleware:
    """WSGI middleware answering repeated cacheable GETs (and their 304s) from memory."""

    def __init__(self, app: WsgiApp, max_bytes: int) -> None:
        self.app = app
        self.cache = ResponseCache(max_bytes)

    def __call__(self, environ: dict, start_response: StartResponse) -> Iterable[bytes]:
        """Answer from the cache, or let Flask answer and keep what may be reused."""
        if environ.get("REQUEST_METHOD") != "GET":
            return self.app(environ, start_response)
        key = (
            environ.get("PATH_INFO", ""),
            environ.get("QUERY_STRING", ""),
            environ.get("HTTP_ACCEPT", ""),
            environ.get("HTTP_ACCEPT_ENCODING", ""),
        )
        hit = self.cache.get(key)
        if hit is not None:
            return _replay(hit, environ.get("HTTP_IF_NONE_MATCH", ""), start_response)
        seen: dict[str, Any] = {}

        def remember(status: str, headers: list, exc_info: Any = None) -> Any:
            seen["status"], seen["headers"] = status, headers
            return start_response(status, headers, exc_info)

        result = self.app(environ, remember)
        if not _cacheable(seen.get("status", ""), seen.get("headers", [])):
            return result
        try:
            body = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        self.cache.put(key, (body, seen["status"], seen["headers"]))
        return [body]


def _cacheable(status: str, headers: list[tuple[str, str]]) -> bool:
    fields = {name.lower(): value for name, value in headers}
    return (
        status.startswith("200")
        and "etag" in fields
        and "public" in fields.get("cache-control", "")
        and "nonce-" not in fields.get("content-security-policy", "")
        and "set-cookie" not in fields
    )


def _replay(hit: tuple, if_none_match: str, start_response: StartResponse) -> Iterable[bytes]:
    body, status, headers = hit
    etag = next(value for name, value in headers if name.lower() == "etag")
    if if_none_match and _matches(if_none_match, etag):
        start_response(
            "304 NOT MODIFIED", [h for h in headers if h[0].lower() not in NOT_MODIFIED_DROPS]
        )
        return [b""]
    start_response(status, headers)
    return [body]


def _matches(if_none_match: str, etag: str) -> bool:
    wanted = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
    return "*" in wanted or etag.removeprefix("W/") in wanted

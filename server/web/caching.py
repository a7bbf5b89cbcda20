"""Every cache of the atlas, under one memory budget (``CACHE_BYTES``), built once in ``init_app``.

The store never changes while the app runs, so anything derived from it stays right for the
life of the process; the only question is memory. ``CACHE_BYTES`` bounds it, split by ``SHARES``
among four bounded LRUs (0 turns every cache off):

- ``fast``: whole responses in front of Flask (``CachingMiddleware``), keyed by origin, exact
  path and query, and what the negotiation headers negotiate. A repeat costs a dictionary
  look-up instead of Flask's routing, parsing and serialising, about ten times less work: what
  a classroom of laptops opening one moment at once needs.
- ``answers``: API answers and data scripts by *normalised* query. It pays beside ``fast``
  because it catches what exact keys cannot: one query spelled many ways (parameter order,
  ``limit=100`` written or not, other Accept headers), HEAD requests, and conditional requests.
- ``pages``: rendered map pages by view. Pages carry a fresh CSP nonce per response, so ``fast``
  never keeps them; the rendering is what is worth keeping.
- ``compressed``: Flask-Compress's bodies by algorithm and our ETag, so equal bytes are
  compressed once whichever URL asked for them.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from threading import Lock
from typing import Any

from flask import Flask, Response, current_app, g, request
from flask_compress import Compress

from server.core.formats import CSV, GEOJSON, HTML, JAVASCRIPT, JSON, OPENAPI
from server.web.negotiation import negotiation_key

CACHE_CONTROL = "public, max-age=300"
SHARES = {"fast": 0.4, "answers": 0.3, "pages": 0.1, "compressed": 0.2}
CACHES_KEY = "atlas_caches"
COMPRESSED_TYPES = [
    HTML,
    CSV,
    JSON,
    JAVASCRIPT,
    "text/css",
    GEOJSON,
    OPENAPI.split(";")[0],
    "image/svg+xml",
]
Answer = tuple[bytes, str, dict[str, str]]  # body, mimetype, extra headers
StartResponse = Callable[..., Any]
WsgiApp = Callable[[dict, StartResponse], Iterable[bytes]]
NOT_MODIFIED_DROPS = {"content-length", "content-type", "content-encoding"}


class ResponseCache:
    """A bounded, thread-safe LRU of finished answers, bounded by their total size in bytes."""

    OVERHEAD = 256  # bytes counted per entry beside its value and key, for the dict's own cost

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.total = 0
        self._entries: OrderedDict[Any, tuple[Any, int]] = OrderedDict()
        self._lock = Lock()

    def get(self, key: Any) -> Any:
        """Return the cached value (marking it recently used) or None."""
        with self._lock:
            if key not in self._entries:
                return None
            self._entries.move_to_end(key)
            return self._entries[key][0]

    def put(self, key: Any, value: Any, size: int | None = None) -> Any:
        """Keep ``value`` (size: given, or its first item's length); return it.

        The key counts too: keys hold request text (a query, a host), which a client chooses.
        """
        weight = (len(value[0]) if size is None else size) + len(repr(key)) + self.OVERHEAD
        if weight > self.max_bytes:
            return value
        with self._lock:
            old = self._entries.pop(key, None)
            self.total += weight - (old[1] if old else 0)
            self._entries[key] = (value, weight)
            while self.total > self.max_bytes:
                _, (_, dropped) = self._entries.popitem(last=False)
                self.total -= dropped
        return value


class CompressedCache(ResponseCache):
    """Flask-Compress's cache backend: compressed bodies keyed by algorithm and our ETag."""

    def get(self, key: Any) -> Any:
        """Return a compressed body, never for answers without our ETag (key ends ``;-``)."""
        return None if key.endswith(";-") else super().get(key)

    def set(self, key: str, value: bytes) -> None:
        """Keep a compressed body of one of our answers."""
        if not key.endswith(";-"):
            self.put(key, value, len(value))


@dataclass(frozen=True)
class Caches:
    """The app's caches, each with its share of ``CACHE_BYTES``."""

    answers: ResponseCache
    pages: ResponseCache
    compressed: CompressedCache
    fast_bytes: int

    @classmethod
    def within(cls, budget: int) -> Caches:
        """Split ``budget`` bytes by ``SHARES``."""
        share = {name: int(budget * part) for name, part in SHARES.items()}
        return cls(
            answers=ResponseCache(share["answers"]),
            pages=ResponseCache(share["pages"]),
            compressed=CompressedCache(share["compressed"]),
            fast_bytes=share["fast"],
        )


def init_app(app: Flask) -> None:
    """Create every cache from ``CACHE_BYTES``, turn on compression, and put ``fast`` in front."""
    caches = Caches.within(app.config["CACHE_BYTES"])
    app.extensions[CACHES_KEY] = caches
    app.config.setdefault("COMPRESS_MIMETYPES", COMPRESSED_TYPES)
    app.config.setdefault("COMPRESS_CACHE_BACKEND", lambda: caches.compressed)
    app.config.setdefault("COMPRESS_CACHE_KEY", _compress_key)
    compress = Compress(app)
    app.after_request(_read_files_before_compressing)  # runs before Compress's (reverse order)
    if caches.fast_bytes:
        codings = compress.enabled_algorithms
        app.wsgi_app = CachingMiddleware(app.wsgi_app, caches.fast_bytes, codings)


def caches() -> Caches:
    """Return the current app's caches."""
    return current_app.extensions[CACHES_KEY]


def cached_answer(key: Any, build: Callable[[], Answer], vary: str | None = None) -> Response:
    """Answer from the ``answers`` cache, building (and keeping) the answer on a miss."""
    cache = caches().answers
    entry = cache.get(key)
    if entry is None:
        body, mimetype, headers = build()
        entry = cache.put(key, (body, mimetype, headers, etag_of(body)))
    body, mimetype, headers, etag = entry
    headers = {"Vary": vary, **headers} if vary else headers
    return etag_response(body, mimetype, headers=headers, etag=etag)


def cached_page(key: Any, render: Callable[[], tuple[str, ...]]) -> tuple[str, ...]:
    """Return a rendered page (split where its nonce goes) from ``pages``, rendering on a miss."""
    cache = caches().pages
    page = cache.get(key)
    if page is None:
        page = render()
        cache.put(key, page, sum(map(len, page)))
    return page


def etag_response(
    body: bytes, mimetype: str, *, headers: dict[str, str] | None = None, etag: str | None = None
) -> Response:
    """Answer ``body`` with a strong ETag and public caching, or 304 if the client has it.

    The ETag is also handed to Flask-Compress (``_compress_key``): the same bytes compress the
    same, so one compressed copy serves every URL that answers them.
    """
    etag = etag or etag_of(body)
    g.atlas_etag = etag
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


def _compress_key(_request: Any) -> str:
    """Key Flask-Compress's cache by our ETag; ``-`` (never kept) for answers without one."""
    return g.get("atlas_etag", "-")


def _read_files_before_compressing(response: Response) -> Response:
    """Read a file-backed response (static JS/CSS) into memory and close its file.

    Flask-Compress replaces the body of a file response without closing the file, which leaks a
    descriptor until garbage collection (and fails tests under ``filterwarnings = error``).
    """
    if response.direct_passthrough and response.mimetype in COMPRESSED_TYPES:
        response.direct_passthrough = False
        body = response.get_data()
        response.close()
        response.set_data(body)
    return response


class CachingMiddleware:
    """WSGI middleware answering repeated cacheable GETs (and their 304s) from memory."""

    def __init__(self, app: WsgiApp, max_bytes: int, codings: tuple[str, ...]) -> None:
        self.app = app
        self.cache = ResponseCache(max_bytes)
        self.codings = codings

    def __call__(self, environ: dict, start_response: StartResponse) -> Iterable[bytes]:
        """Answer from the cache, or let Flask answer and keep what may be reused."""
        if environ.get("REQUEST_METHOD") != "GET" or "HTTP_RANGE" in environ:  # ranges: Flask
            return self.app(environ, start_response)
        key = self.key(environ)
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
        self.cache.put(key, (body, seen["status"], seen["headers"]), len(body) + len(key[1]))
        return [body]

    def key(self, environ: dict) -> tuple:
        """Everything an answer depends on: origin (links name it), URL, and what is negotiated.

        The raw Accept headers are reduced (``server.web.negotiation``), so a client cannot make
        each request a new, large entry by varying them.
        """
        return (
            environ.get("wsgi.url_scheme", ""),
            environ.get("HTTP_HOST", ""),
            environ.get("SCRIPT_NAME", ""),
            environ.get("PATH_INFO", ""),
            environ.get("QUERY_STRING", ""),
            negotiation_key(
                environ.get("HTTP_ACCEPT", ""),
                environ.get("HTTP_ACCEPT_ENCODING", ""),
                self.codings,
            ),
        )


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

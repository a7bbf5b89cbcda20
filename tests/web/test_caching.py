"""The cache in front of Flask: repeats come from memory; nothing personal or failed is kept."""

from __future__ import annotations

import re

import pytest
from flask import request

from server.web import pages
from server.web.caching import ResponseCache

ITEMS = "/collections/zones/items?datetime=1828-02-22"


@pytest.fixture
def counted(make_app):
    """An app whose Flask layer counts the requests that reach it past the cache."""
    app = make_app()
    calls = []
    app.before_request(lambda: calls.append(request.full_path))
    return app.test_client(), calls


def test_a_repeated_request_is_answered_from_memory(counted):
    client, calls = counted
    first = client.get(ITEMS)
    second = client.get(ITEMS)
    assert second.data == first.data and second.headers["ETag"] == first.headers["ETag"]
    assert calls == [ITEMS]


def test_a_cached_answer_still_says_304_to_a_client_that_has_it(counted):
    client, calls = counted
    etag = client.get(ITEMS).headers["ETag"]
    again = client.get(ITEMS, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""
    assert again.headers["ETag"] == etag
    assert len(calls) == 1


def test_each_encoding_is_kept_apart(counted):
    client, calls = counted
    plain = client.get(ITEMS)
    gzipped = client.get(ITEMS, headers={"Accept-Encoding": "gzip"})
    assert gzipped.headers["Content-Encoding"] == "gzip" and "Content-Encoding" not in plain.headers
    assert len(calls) == 2


@pytest.mark.parametrize("path", ["/", "/classroom", "/collections/nope", "/?date=bad"])
def test_pages_with_a_nonce_and_errors_always_reach_flask(counted, path):
    client, calls = counted
    client.get(path)
    client.get(path)
    assert len(calls) == 2


def test_a_map_page_is_rendered_once_per_view_but_each_answer_has_its_own_nonce(
    client, monkeypatch
):
    renders = []
    real = pages.render_map_page
    monkeypatch.setattr(
        pages, "render_map_page", lambda *a, **k: renders.append(1) or real(*a, **k)
    )
    first = client.get("/?date=1813-10-24")
    second = client.get("/?date=1813-10-24")
    assert len(renders) == 1
    nonces = [
        re.search(r'nonce="([^"]+)"', answer.get_data(as_text=True)).group(1)
        for answer in (first, second)
    ]
    assert nonces[0] != nonces[1]
    client.get("/?date=1813-10-25")
    assert len(renders) == 2


def test_response_cache_is_bounded_by_bytes():
    cache = ResponseCache(max_bytes=3 * (100 + ResponseCache.OVERHEAD))
    for key in range(5):
        cache.put(key, (b"x" * 100, "text/plain", {}))
    assert cache.get(0) is None and cache.get(4) is not None
    assert cache.total <= cache.max_bytes
    assert cache.put("huge", (b"x" * 10_000, "", {})) and cache.get("huge") is None

"""Security headers on every answer: a nonce-based CSP, no sniffing, no referrer leaks."""

from __future__ import annotations

import re

import pytest

from server.web.security import policy


def test_the_policy_allows_our_origin_only_and_tiles_when_configured():
    assert "img-src 'self' data: blob:;" in policy(None, "'self'") + ";"
    with_tiles = policy("abc", "'none'", "https://*.tile.example.org")
    assert "img-src 'self' data: blob: https://*.tile.example.org" in with_tiles
    assert "script-src 'self' 'nonce-abc'" in with_tiles and "frame-ancestors 'none'" in with_tiles


@pytest.mark.parametrize(
    "path", ["/", "/classroom", "/tour/2", "/?date=bad", "/collections", "/nowhere"]
)
def test_every_response_carries_the_security_headers(client, path):
    with client.get(path, headers={"Accept": "text/html"}) as answer:
        policy = answer.headers["Content-Security-Policy"]
        assert "default-src 'none'" in policy and "script-src 'self'" in policy
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
        assert "frame-ancestors 'self'" in policy
        assert answer.headers["X-Content-Type-Options"] == "nosniff"
        assert answer.headers["Referrer-Policy"] == "same-origin"


def test_each_page_gets_a_fresh_nonce_that_matches_its_policy(client):
    nonces = []
    for _ in range(2):
        answer = client.get("/")
        nonce = re.search(r"'nonce-([^']+)'", answer.headers["Content-Security-Policy"]).group(1)
        assert f'nonce="{nonce}"' in answer.get_data(as_text=True)
        nonces.append(nonce)
    assert nonces[0] != nonces[1]


def test_framing_is_configurable_for_a_learning_platform(make_app):
    app = make_app(FRAME_ANCESTORS="'self' https://lms.example.edu")
    policy = app.test_client().get("/").headers["Content-Security-Policy"]
    assert "frame-ancestors 'self' https://lms.example.edu" in policy

"""Slow clients cannot starve `atlas serve`, and the HTTP server's own refusals are inert.

The reliability review froze a 2-worker gunicorn with 8 connections that sent half a request,
and starved it with 200 idle ones. Here the same attacks run against `atlas serve --workers 2`
at its default settings while a probe must still be answered quickly. Loopback only; every wait
is bounded (about 15 s for the module).
"""

from __future__ import annotations

import time

import pytest

from tests.live import fetch, wait_for
from tests.load.serving import atlas_serve, closed_by_server, head_of, hold_connections, raw_request

pytestmark = pytest.mark.load

PROBE = "/conformance"
QUICK = 2.0  # seconds a probe may take on a busy 2-core machine (it takes milliseconds)
HEADER_TIMEOUT = 5.0  # `atlas serve --header-timeout`, default
SECURITY = ["content-security-policy", "x-content-type-options", "referrer-policy"]


@pytest.fixture(scope="module")
def server():
    with atlas_serve("--workers", "2") as (_pid, port):
        yield port


def probe_seconds(port: int) -> float:
    started = time.monotonic()
    status, _ = fetch(port, PROBE, timeout=10)
    assert status == 200
    return time.monotonic() - started


@pytest.mark.parametrize(
    ("count", "send"),
    [(8, b"GET / HTTP/1.1\r\nHost: x\r\n"), (200, b"")],
    ids=["8 half-sent requests", "200 idle connections"],
)
def test_slow_connections_do_not_stop_a_probe_and_are_closed(server, count, send):
    held = hold_connections(server, count, send)
    try:
        latencies = [probe_seconds(server) for _ in range(3)]
        assert max(latencies) < QUICK, latencies
        closed = wait_for(lambda: all(closed_by_server(c) for c in held), HEADER_TIMEOUT + 3)
        assert closed, "connections that never finish their headers must be closed"
    finally:
        for connection in held:
            connection.close()


def test_a_request_line_gunicorn_refused_is_answered_by_the_app(server):
    status, headers, _ = head_of(
        raw_request(server, b"GET /?date=" + b"a" * 5000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
    )
    assert status == 400 and all(name in headers for name in SECURITY)


def test_an_oversized_header_is_refused_by_the_app_with_its_headers(server):
    request = b"GET /conformance HTTP/1.1\r\nHost: x\r\nAccept: " + b"a" * 9000 + b"\r\n\r\n"
    status, headers, body = head_of(raw_request(server, request))
    assert status == 431 and b"RequestHeaderFieldsTooLarge" in body
    assert all(name in headers for name in SECURITY)


@pytest.mark.parametrize(
    ("request_bytes", "status"),
    [
        (b"GET /?x=" + b"a" * 70_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 414),
        (b"GET / HTTP/1.1\r\nHost: x\r\n" + b"X-N: 1\r\n" * 101 + b"\r\n", 431),
        (b"GET /\x00 HTTP/1.1\r\nHost: x\r\n\r\n", 400),
        (b"NOT HTTP\r\n\r\n", 400),
    ],
    ids=["URI over 64 KB", "101 header fields", "NUL in the target", "not HTTP"],
)
def test_the_http_servers_own_refusals_carry_nothing_a_browser_could_run(
    server, request_bytes, status
):
    """Past granian's fixed limits it answers by itself, without our headers (README, Limits):
    an empty body, no type, connection closed, so there is nothing to sniff, frame or run."""
    got, headers, body = head_of(raw_request(server, request_bytes))
    assert got == status
    assert body == b"" and headers.get("content-length") == "0"
    assert "content-type" not in headers and headers.get("connection") == "close"

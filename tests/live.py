"""Real HTTP servers for tests: the app in a thread, or `atlas serve` in a process; free ports."""

from __future__ import annotations

import http.client
import socket
import threading
import time

from werkzeug.serving import make_server


class LiveServer:
    """A threaded WSGI server on a free loopback port, serving one app."""

    def __init__(self, app):
        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(port: int, path: str, timeout: float = 10) -> tuple[int, bytes]:
    """GET ``path`` from 127.0.0.1:``port``; return the status and the body."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def get(port: int, path: str, timeout: float = 10) -> int:
    """GET ``path`` and return its status only."""
    return fetch(port, path, timeout)[0]


def wait_for(condition, timeout: float) -> bool:
    """Poll ``condition`` until it holds or ``timeout`` seconds pass; say whether it held."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False

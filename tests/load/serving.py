"""`atlas serve` as a subprocess on a free 127.0.0.1 port, for the tests of the real server."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.live import free_port, get, wait_for

ATLAS = Path(sys.executable).with_name("atlas")


@contextmanager
def atlas_serve(*options: str, env: dict[str, str] | None = None) -> Iterator[tuple[int, int]]:
    """Run `atlas serve OPTIONS` until the block ends; yield (its pid, its port)."""
    port = free_port()
    command = [str(ATLAS), "serve", "--port", str(port), *options]
    process = subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, **(env or {})},
    )

    def answers() -> bool:
        try:
            return get(port, "/conformance", timeout=2) == 200
        except OSError:
            return process.poll() is not None

    try:
        assert wait_for(answers, 60) and process.poll() is None, "atlas serve did not start"
        yield process.pid, port
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


def hold_connections(port: int, count: int, send: bytes) -> list[socket.socket]:
    """Open ``count`` connections that send ``send`` (perhaps nothing) and then wait, as slow
    clients do; the caller closes them. Shared with ``benchmarks/hostile.py``."""
    held = []
    for _ in range(count):
        connection = socket.create_connection(("127.0.0.1", port), timeout=5)
        if send:
            connection.sendall(send)
        held.append(connection)
    return held


def closed_by_server(connection: socket.socket) -> bool:
    """Whether the server has closed a held connection (a read gives EOF or an error)."""
    connection.settimeout(0.05)
    try:
        return connection.recv(1024) == b""
    except TimeoutError:
        return False
    except OSError:
        return True


def raw_request(port: int, data: bytes, timeout: float = 10) -> bytes:
    """Send bytes as they are and return the whole answer (the server closes, or times out)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(data)
        answer = b""
        while b"\r\n\r\n" not in answer or not _complete(answer):
            chunk = sock.recv(65536)
            if not chunk:
                break
            answer += chunk
        return answer


def _complete(answer: bytes) -> bool:
    head, _, body = answer.partition(b"\r\n\r\n")
    for line in head.split(b"\r\n"):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return len(body) >= int(value)
    return True


def head_of(answer: bytes) -> tuple[int, dict[str, str], bytes]:
    """Split a raw answer into status, headers (lower-case names) and body."""
    head, _, body = answer.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return int(lines[0].split()[1]), headers, body

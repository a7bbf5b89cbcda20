"""Run the atlas on granian: HTTP parsed and written in Rust, the app preloaded before fork.

Why granian: gunicorn reads and writes HTTP in Python, which costs as much as a cached answer
itself; granian's HTTP layer (hyper, in Rust) leaves Python only the app. Measured in
``benchmarks/api.py``.

Preload before fork: granian's workers are ``multiprocessing`` processes, started with the
platform's default method, ``fork`` on Linux. The app is built (data loaded and validated) once
in the parent, and each worker's loader returns that object, so the workers share its memory
copy-on-write and a broken file stops the server before any worker starts. Only the reloader
(``--reload``, for development) starts workers with ``spawn`` and builds the app in each, so an
edited module is really imported again.

Slow clients: the header-read timeout closes a connection that has not sent a whole request
head within ``header_timeout`` seconds. Only HTTP/1.1 is spoken (browsers use HTTP/2 over TLS
only, which a proxy in front terminates), because with protocol auto-detection hyper starts that
timer after the first bytes arrive, so a connection that sends nothing would be held forever.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from flask import Flask
from granian import Granian
from granian.constants import HTTPModes, Interfaces
from granian.http import HTTP1Settings

from server.paths import GEODATA_DIR, PACKAGE, STATIC_DIR, TEMPLATE_DIR

KILL_AFTER = 30  # seconds a stopping worker may spend finishing its requests


@dataclass(frozen=True)
class ServeOptions:
    """How ``atlas serve`` runs: address, processes, threads and the slow-client limit."""

    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 1
    threads: int = 4
    header_timeout: float = 5.0
    access_log: bool = False


def run_granian(app: Flask, options: ServeOptions) -> None:
    """Serve the already-built ``app`` until SIGINT or SIGTERM, which drain the workers."""
    server = _server(options, workers=options.workers, respawn=True)
    server.serve(target_loader=lambda: app, wrap_loader=False)


def run_granian_reloading(geodata: Path, options: ServeOptions) -> None:
    """Serve with one worker that is started afresh whenever code, templates or data change.

    The caller has already built the app once, so broken data still stops the start; each
    worker then builds its own from ``ATLAS_GEODATA_DIR``.
    """
    os.environ["ATLAS_GEODATA_DIR"] = str(geodata)
    multiprocessing.set_start_method("spawn", force=True)
    server = _server(
        options,
        workers=1,
        respawn=False,
        reload_paths=_watched(geodata),
        reload_ignore_worker_failure=True,  # a typo being fixed: keep watching, reload again
    )
    server.serve(target_loader=build_app_in_worker, wrap_loader=False)


def build_app_in_worker() -> Flask:
    """Build the app inside a freshly spawned worker (the reloader's loader).

    Data broken by an edit stop this worker with one line; the reloader keeps watching, and
    the next save starts a new one.
    """
    from server import create_app
    from server.core.errors import DataError

    try:
        return create_app()
    except DataError as error:
        print(f"atlas: invalid data: {error}", file=sys.stderr, flush=True)
        raise SystemExit(1) from None


def _watched(geodata: Path) -> list[Path]:
    folders = {PACKAGE, TEMPLATE_DIR, STATIC_DIR, Path(geodata), GEODATA_DIR}
    return sorted(folder.resolve() for folder in folders if folder.is_dir())


def _server(options: ServeOptions, *, workers: int, respawn: bool, **extra) -> Granian:
    return Granian(
        "server:create_app",  # a label only: the loader above supplies the app
        address=options.host,
        port=options.port,
        interface=Interfaces.WSGI,
        http=HTTPModes.http1,
        workers=workers,
        blocking_threads=options.threads,
        http1_settings=HTTP1Settings(header_read_timeout=int(options.header_timeout * 1000)),
        log_level="warning",
        log_access=options.access_log,
        respawn_failed_workers=respawn,
        workers_kill_timeout=KILL_AFTER,
        reload=bool(extra.get("reload_paths")),
        **extra,
    )

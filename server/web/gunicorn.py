"""Run an already-built app under gunicorn (``atlas serve --server gunicorn``).

Kept beside granian so ``benchmarks/api.py`` can compare the two on the same app, and for hosts
where a pure-Python server is required. Data is still loaded and validated once, before fork.
Gunicorn has no deadline for reading request headers: behind it, put a buffering proxy (nginx)
in front of anything but a trusted network.
"""

from __future__ import annotations

from flask import Flask
from gunicorn.app.base import BaseApplication

from server.web.granian import ServeOptions


class _PreloadedApplication(BaseApplication):
    """Gunicorn application wrapping an app object (workers fork from a validated store)."""

    def __init__(self, app: Flask, options: dict[str, object]) -> None:
        self.application = app
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Flask:
        return self.application


def run_gunicorn(app: Flask, options: ServeOptions) -> None:
    """Serve ``app`` with gunicorn's threaded workers until interrupted.

    Threaded workers (``gthread``) keep connections alive, so a browser's dozen requests or an API
    client's stream of pages reuse one connection instead of paying for a new one each time.
    """
    settings = {
        "bind": f"{options.host}:{options.port}",
        "workers": options.workers,
        "worker_class": "gthread",
        "threads": options.threads,
        "keepalive": 5,
        "preload_app": True,
        "accesslog": "-" if options.access_log else None,
    }
    _PreloadedApplication(app, settings).run()

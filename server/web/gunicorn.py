"""Run an already-built app under gunicorn, so data is loaded and validated once, before fork."""

from __future__ import annotations

from flask import Flask
from gunicorn.app.base import BaseApplication


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


def run_gunicorn(app: Flask, *, bind: str, workers: int, threads: int, access_log: bool) -> None:
    """Serve ``app`` with gunicorn until interrupted.

    Threaded workers (``gthread``) keep connections alive, so a browser's dozen requests or an API
    client's stream of pages reuse one connection instead of paying for a new one each time.
    The access log is off unless asked for: writing it costs a third of a small answer.
    """
    options = {
        "bind": bind,
        "workers": workers,
        "worker_class": "gthread",
        "threads": threads,
        "keepalive": 5,
        "preload_app": True,
        "accesslog": "-" if access_log else None,
    }
    _PreloadedApplication(app, options).run()

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


def run_gunicorn(app: Flask, *, bind: str, workers: int) -> None:
    """Serve ``app`` with gunicorn's sync workers until interrupted."""
    options = {"bind": bind, "workers": workers, "preload_app": True, "accesslog": "-"}
    _PreloadedApplication(app, options).run()

"""A real HTTP server for tests: the app on a free loopback port, in a background thread."""

from __future__ import annotations

import threading

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

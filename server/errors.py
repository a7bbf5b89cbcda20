"""The atlas's errors, and the one place that turns them into HTTP answers.

Validators in the core raise these with a precise message; the API and the pages never build
error responses by hand, so every bad input gets the same shape of 4xx and never a 500.
"""

from __future__ import annotations

from http import HTTPStatus

from flask import Flask, Response, jsonify, make_response, render_template, request
from werkzeug.exceptions import HTTPException

from server.links import served_links


class AtlasError(Exception):
    """Base of every error we raise on purpose; ``status`` and ``code`` shape the answer."""

    status = HTTPStatus.BAD_REQUEST
    code = "InvalidParameterValue"

    @property
    def description(self) -> str:
        """Return the message a user reads."""
        return str(self)


class InvalidParameter(AtlasError, ValueError):
    """A query parameter is malformed or out of range."""


class InvalidDate(InvalidParameter):
    """A date or interval is malformed, impossible or out of range."""


class UnknownLayer(AtlasError, LookupError):
    """No layer (collection) has this id."""

    status = HTTPStatus.NOT_FOUND
    code = "NotFound"


class FeatureNotFound(AtlasError, LookupError):
    """No feature of the layer has this id."""

    status = HTTPStatus.NOT_FOUND
    code = "NotFound"


class DataError(AtlasError):
    """A data file breaks the data contract; names the file, the feature and the reason."""

    status = HTTPStatus.INTERNAL_SERVER_ERROR
    code = "InvalidData"

    def __init__(self, path: str, reason: str, feature: str | None = None) -> None:
        self.path, self.reason, self.feature = path, reason, feature
        where = f"{path}: feature {feature!r}" if feature else path
        super().__init__(f"{where}: {reason}")


def init_app(app: Flask) -> None:
    """Answer our errors and Werkzeug's HTTP errors as JSON ``{"code", "description"}``."""
    app.register_error_handler(AtlasError, _atlas_error)
    app.register_error_handler(HTTPException, _http_error)


def _atlas_error(error: AtlasError) -> Response:
    return _answer(int(error.status), error.code, error.description)


def _http_error(error: HTTPException) -> Response:
    response = _answer(error.code or 500, error.name.replace(" ", ""), error.description or "")
    for key, value in error.get_response().headers.items():
        if key.lower() not in ("content-type", "content-length"):
            response.headers[key] = value  # e.g. Allow on 405
    return response


def _answer(status: int, code: str, description: str) -> Response:
    """Pages get a readable HTML page; everything else gets JSON ``{"code", "description"}``."""
    if request.blueprint == "views" and request.accept_mimetypes.accept_html:
        page = render_template(
            "error.html", status=status, message=description, links=served_links()
        )
        return make_response(page, status)
    return make_response(jsonify(code=code, description=description), status)

"""The one place that turns errors into HTTP answers: JSON ``{"code", "description"}`` or a page.

The core raises ``AtlasError`` subclasses (``server.core.errors``) and Werkzeug raises its own
``HTTPException``s (404 for an unknown URL, 405 for a wrong method); both come here.
"""

from __future__ import annotations

from flask import Flask, Response, jsonify, make_response, request
from werkzeug.exceptions import HTTPException

from server.core.catalog import LANGUAGES
from server.core.errors import AtlasError
from server.core.i18n import page_catalogue
from server.mapview.render import render_page
from server.web.links import served_links

HEADINGS = {400: "error_400", 404: "error_404", 405: "error_405"}


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
        return make_response(_error_page(status, description), status)
    return make_response(jsonify(code=code, description=description), status)


def _error_page(status: int, description: str) -> str:
    """Render the error as a page like the atlas's own, in the language the address asked for."""
    asked = request.args.get("lang", "en")
    lang = asked if asked in LANGUAGES else "en"
    texts = page_catalogue(lang)
    links = served_links()
    return render_page(
        "error.html",
        status=status,
        heading=texts["interface"][HEADINGS.get(status, "error_other")],
        message=description,
        links=links,
        ui=texts["interface"],
        language=texts["language"],
        home=links.page("atlas") + ("" if lang == "en" else f"?lang={lang}"),
    )

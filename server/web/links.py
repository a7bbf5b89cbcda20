"""The running app's URLs for the map pages, built with ``url_for`` from the blueprints' routes."""

from __future__ import annotations

from flask import url_for

from server.mapview.links import AT_VIEW, Links


def served_links() -> Links:
    """Return the links of the running app (needs a request or app context)."""
    return Links(
        static=lambda path: url_for("static", filename=path),
        vendor=lambda path: url_for(
            "views.vendor", package=path.split("/")[0], filename=path.split("/", 1)[1]
        ),
        data=lambda name: url_for("views.data_script", name=name.removesuffix(".js")),
        page=lambda name: url_for(f"views.{name}_page"),
        tour_step=lambda step: url_for("views.tour_step_page", step=step),
        export=lambda layer, fmt, at_view: (
            url_for("api.download", name=layer, fmt=fmt) + (AT_VIEW if at_view else "")
        ),
    )

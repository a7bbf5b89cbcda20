"""The running app's URLs for the map pages, built with ``url_for`` from the blueprints' routes.

Assets get versioned URLs (``server.web.assets``), which browsers may keep for a year.
"""

from __future__ import annotations

from flask import url_for

from server.mapview.links import AT_VIEW, Links
from server.web.assets import version_of


def served_links() -> Links:
    """Return the links of the running app (needs a request or app context)."""
    static, leaflet = version_of("static"), version_of("leaflet")
    return Links(
        static=lambda path: url_for("assets.static_file", version=static, filename=path),
        vendor=lambda path: url_for(
            "assets.leaflet_file", version=leaflet, filename=path.removeprefix("leaflet/")
        ),
        data=lambda name: url_for("views.data_script", name=name.removesuffix(".js")),
        page=lambda name: url_for(f"views.{name}_page"),
        tour_step=lambda step: url_for("views.tour_step_page", step=step),
        export=lambda layer, fmt, at_view: (
            url_for("api.download", name=layer, fmt=fmt) + (AT_VIEW if at_view else "")
        ),
    )

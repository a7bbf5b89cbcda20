"""Where the pages, assets and data live: URLs when served, relative paths in a static build.

Every page and map element asks a ``Links`` for its URLs, so one renderer serves both the Flask
app (``server.web.links.served_links``) and ``atlas build-static`` (which must work from any
folder, even over ``file://``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

PAGES = {
    "atlas": "index.html",
    "classroom": "classroom.html",
    "tour": "tour.html",
    "compare": "compare.html",
    "classroom_compare": "classroom-compare.html",
    "about": "about.html",
}
MAP_PAGES = ("atlas", "classroom", "tour", "compare", "classroom_compare")
AT_VIEW = "?date={date}"


@dataclass(frozen=True)
class Links:
    """URL builders for the four kinds of things a page links to."""

    static: Callable[[str], str]
    vendor: Callable[[str], str]
    data: Callable[[str], str]
    page: Callable[[str], str]
    tour_step: Callable[[int], str]
    export: Callable[[str, str, bool], str]

    def data_scripts(self) -> tuple[str, ...]:
        """Return the scripts a map page loads its data from, basemap first."""
        return (self.data("basemap.js"), self.data("atlas.js"))


def relative_links() -> Links:
    """Return links relative to a static build's root folder."""
    return Links(
        static=lambda path: f"static/{path}",
        vendor=lambda path: f"vendor/{path}",
        data=lambda name: f"data/{name}",
        page=lambda name: PAGES[name],
        tour_step=lambda step: f"{PAGES['tour']}?step={step}",
        # A static build has no server to cut a view: it ships each layer's whole history.
        export=lambda layer, fmt, at_view: f"data/{layer}.{fmt}",
    )

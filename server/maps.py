"""Build the atlas's Folium map for a view (a day and the layers on) and render its parts.

Everything here takes plain arguments and returns a ``folium.Map`` or strings, so the same code
renders the served pages (URLs from ``url_for``) and the static build (relative URLs).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

import folium

from server.elements import AtlasLayers, DateSlider, Legend
from server.errors import InvalidParameter
from server.store import LayerStore
from server.timeline import parse_day
from server.validate import LayerSpec

SHAPES = {"area": "area", "line": "line", "point": "point"}


@dataclass(frozen=True)
class View:
    """What the map shows: one day and the layers that are on."""

    day: date
    layers: tuple[str, ...]


@dataclass(frozen=True)
class Assets:
    """Where the page finds its files: ``static/``, Leaflet, and the data scripts."""

    static: Callable[[str], str]
    vendor: Callable[[str], str]
    data: tuple[str, ...]


@dataclass(frozen=True)
class MapParts:
    """A rendered map split into what goes in <head>, in <body>, and the closing script."""

    header: str
    html: str
    script: str


def default_view(store: LayerStore) -> View:
    """Return the view the atlas opens on: the latest key date, or today, with default layers."""
    layers = tuple(layer.id for layer in store if layer.spec.default_on)
    day = parse_day(store.key_dates[-1].date) if store.key_dates else store.timeline()[1]
    return View(day=day, layers=layers)


def view_from_query(store: LayerStore, query: Mapping[str, str]) -> View:
    """Read ``?date=`` and ``?layers=`` into a View, raising a precise error for bad values."""
    view = default_view(store)
    day = view.day
    if "date" in query:
        try:
            day = parse_day(query["date"])
        except ValueError as error:
            raise InvalidParameter(f"date: {error}") from None
    layers = view.layers
    if "layers" in query:
        layers = tuple(part for part in query["layers"].split(",") if part)
        unknown = [part for part in layers if part not in store.layers]
        if unknown:
            known = ", ".join(store.layers)
            raise InvalidParameter(
                f"layers: unknown {', '.join(unknown)[:80]!r}; layers are {known}"
            )
    return View(day=day, layers=layers)


def build_map(store: LayerStore, view: View, assets: Assets, *, center, zoom: int) -> folium.Map:
    """Build the Folium map of the atlas: basemap, layers, date slider and legend, all offline."""
    atlas_map = folium.Map(location=list(center), zoom_start=zoom, tiles=None, control_scale=True)
    # Per-instance lists: Folium's class-level defaults point at CDNs and are shared by every map.
    atlas_map.default_js = [("leaflet", assets.vendor("leaflet/leaflet.js"))]
    atlas_map.default_css = [("leaflet_css", assets.vendor("leaflet/leaflet.css"))]
    first_day, last_day = store.timeline()
    atlas = AtlasLayers(
        assets.static, list(assets.data), day=view.day.toordinal(), layers=list(view.layers)
    )
    atlas.add_to(atlas_map)
    DateSlider(
        assets.static,
        atlas,
        day=view.day.toordinal(),
        first_day=first_day.toordinal(),
        last_day=last_day.toordinal(),
        key_dates=[{"date": moment.date, "title": moment.title} for moment in store.key_dates],
    ).add_to(atlas_map)
    Legend(assets.static, atlas, layers=[legend_entry(layer.spec) for layer in store]).add_to(
        atlas_map
    )
    return atlas_map


def legend_entry(spec: LayerSpec) -> dict:
    """Return a layer's legend: its title and one swatch per styled value."""
    style = spec.style
    shape = SHAPES.get(style.get("geometry", "area"), "area")
    colors = style.get("colors") or {spec.title: style.get("color", "#555555")}
    labels = style.get("labels", {})
    swatches = [
        {"label": labels.get(value, value), "color": color, "shape": shape}
        for value, color in colors.items()
    ]
    return {"id": spec.id, "title": spec.title, "swatches": swatches}


def render_parts(atlas_map: folium.Map) -> MapParts:
    """Render the map once and split it, so our own page template can frame it."""
    figure = atlas_map.get_root()
    figure.render()
    return MapParts(
        header=figure.header.render(), html=figure.html.render(), script=figure.script.render()
    )

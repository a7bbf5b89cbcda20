"""Build the atlas's Folium map for a view and render it into parts our page template frames.

Everything here takes plain arguments and returns a ``folium.Map`` or strings, so the same code
renders the served pages (URLs from ``url_for``) and the static build (relative URLs). The
atlas, classroom and tour pages are one map with different controls, not three copies.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

import folium

from server.core.catalog import LayerSpec
from server.core.export import formats_of
from server.core.i18n import local_digits, page_catalogue, text
from server.core.store import LayerStore
from server.mapview.elements import (
    AtlasLayers,
    ClassroomControls,
    CompareControl,
    DateSlider,
    Legend,
    ScreenLayout,
    Toolbar,
    TourGuide,
)
from server.mapview.links import Links
from server.mapview.view import COMPARE_MODES, CONTRAST_MODES, Mode, View

INLINE_CODE = re.compile(r"<style|<script(?![^>]*\bsrc=)", re.IGNORECASE)

# Closer than this the basemap (simplified at 0.01°) and the approximate shapes say nothing more.
MAX_ZOOM = 10


@dataclass(frozen=True)
class MapParts:
    """A rendered map split into what goes in <head>, in <body>, and the closing script."""

    header: str
    html: str
    script: str


def build_map(
    store: LayerStore,
    view: View,
    links: Links,
    *,
    bounds,
    limits,
    mode: Mode = "atlas",
    tour_step: int | None = None,
    web_tiles: Mapping[str, str] | None = None,
    right_day: date | None = None,
) -> folium.Map:
    """Build the Folium map of the atlas: basemap, layers and the controls of the page's mode.

    The comparison modes show ``view.day`` on the left and ``right_day`` on the right.
    """
    (south, west), (north, east) = limits
    atlas_map = folium.Map(
        location=[(south + north) / 2, (west + east) / 2],
        zoom_start=5,
        tiles=None,
        control_scale=True,
        min_zoom=3,  # the browser raises it to the zoom that shows the whole window, no less
        max_zoom=MAX_ZOOM,
        zoom_snap=0.25,  # fit the region to any screen, not only to powers of two
        max_bounds=True,
        min_lat=south,
        max_lat=north,
        min_lon=west,
        max_lon=east,
    )
    # Per-instance lists: Folium's class-level defaults point at CDNs and are shared by every map.
    atlas_map.default_js = [("leaflet", links.vendor("leaflet/leaflet.js"))]
    atlas_map.default_css = [("leaflet_css", links.vendor("leaflet/leaflet.css"))]
    contrast = mode in CONTRAST_MODES
    atlas = AtlasLayers(
        links.static,
        list(links.data_scripts()),
        day=view.day.toordinal(),
        date=view.date_text,
        layers=list(view.layers),
        lang=view.lang,
        mode=mode,
        i18n={**page_catalogue(view.lang), **store.texts(view.lang)},
        bounds=[list(corner) for corner in bounds],
        limits=[list(corner) for corner in limits],
        max_zoom=MAX_ZOOM,
        texts=links.data(f"texts-{view.lang}.js"),
        web_tiles=dict(web_tiles) if web_tiles else None,
    )
    atlas.add_to(atlas_map)
    if mode in COMPARE_MODES:
        _add_compare(atlas_map, atlas, store, view, right_day or view.day, links)
    else:
        _add_slider(atlas_map, atlas, store, view, links)
    legend = [legend_entry(layer.spec, view.lang) for layer in store]
    Legend(
        links.static,
        atlas,
        title=text(view.lang, "legend_title"),
        layers=legend,
        labels=_labels(view.lang, LEGEND_LABELS),
        tiles_label=text(view.lang, "web_tiles") if web_tiles else None,
    ).add_to(atlas_map)
    if mode not in COMPARE_MODES:
        Toolbar(
            links.static,
            atlas,
            labels=_labels(view.lang, TOOLBAR_LABELS),
            exports=_exports(store, links, view.lang),
        ).add_to(atlas_map)
    if contrast:
        ClassroomControls(links.static, atlas, labels=_labels(view.lang, CLASSROOM_LABELS)).add_to(
            atlas_map
        )
    if mode == "tour":
        TourGuide(
            links.static,
            atlas,
            step=tour_step or 1,
            step_urls=[links.tour_step(number) for number in range(1, len(store.key_dates) + 1)],
            steps=[moment.to_json() for moment in store.key_dates],
            labels=_labels(view.lang, TOUR_LABELS),
        ).add_to(atlas_map)
    ScreenLayout(links.static, atlas).add_to(atlas_map)
    return atlas_map


TOOLBAR_LABELS = (
    "export", "export_view_geojson", "export_whole_atlas", "save_image", "print", "tools",
)  # fmt: skip
CLASSROOM_LABELS = (
    "fullscreen", "exit_fullscreen", "keys_title", "close", "blank_notice", "key_next",
    "key_previous", "key_ten_years", "key_one_year", "key_play", "key_fullscreen", "key_legend",
    "key_layers", "key_blank", "key_escape", "key_help", "key_type_date",
)  # fmt: skip
EXPORT_LABELS = {"gpkg": "export_layer_gpkg", "csv": "export_points_csv"}
TOUR_LABELS = ("tour_step", "tour_next", "tour_previous", "sources", "caption_hide")
LEGEND_LABELS = ("legend_context", "legend_none")


def _labels(lang: str, keys: tuple[str, ...]) -> dict[str, str]:
    """Return interface strings as patterns (the browser fills ``{placeholders}``)."""
    interface = page_catalogue(lang)["interface"]
    return {key: interface[key] for key in keys}


SLIDER_LABELS = (
    "play", "play_speed", "year_back", "year_forward", "type_date", "type_date_hint",
)  # fmt: skip
PLAY_SPEEDS = (1, 5, 20)  # years a second; the middle one is the default
DEFAULT_PLAY_SPEED = 5


def _timeline(store: LayerStore, lang: str) -> dict:
    """Give the options every date control shares: the timeline's ends and the key dates."""
    first_day, last_day = store.timeline()
    return {
        "first_day": first_day.toordinal(),
        "last_day": last_day.toordinal(),
        "key_dates": _key_dates(store, lang),
    }


def _add_slider(atlas_map, atlas, store: LayerStore, view: View, links: Links) -> None:
    speeds = [
        {
            "years": years,
            "label": local_digits(text(view.lang, "speed_option", years=years), view.lang),
            "default": years == DEFAULT_PLAY_SPEED,
        }
        for years in PLAY_SPEEDS
    ]
    DateSlider(
        links.static,
        atlas,
        day=view.day.toordinal(),
        speeds=speeds,
        **_timeline(store, view.lang),
        labels={**_labels(view.lang, SLIDER_LABELS), "date": text(view.lang, "slider_label")},
    ).add_to(atlas_map)


def _add_compare(atlas_map, atlas, store: LayerStore, view: View, right: date, links) -> None:
    CompareControl(
        links.static,
        atlas,
        left_day=view.day.toordinal(),
        right_day=right.toordinal(),
        **_timeline(store, view.lang),
    ).add_to(atlas_map)


def _key_dates(store: LayerStore, lang: str) -> list[dict[str, str]]:
    return [
        {"date": moment.date, "title": moment.text(lang).get("title", moment.title)}
        for moment in store.key_dates
    ]


def _exports(store: LayerStore, links: Links, lang: str) -> list[dict[str, str]]:
    """Return the downloads of the current view: ``{date}``/``{layers}`` are filled in the browser.

    GeoJSON of everything shown is made in the browser; these are the server's richer formats
    (GeoPackage per layer, CSV for point layers), and the whole atlas with every date.
    """
    exports = [
        {"label": text(lang, "export_whole_atlas"), "href": links.export("atlas", "geojson", False)}
    ]
    for layer in store:
        title = layer.spec.text(lang).get("title", layer.spec.title)
        for fmt in formats_of(layer):
            if fmt in EXPORT_LABELS:
                exports.append(
                    {
                        "label": text(lang, EXPORT_LABELS[fmt], layer=title),
                        "layer": layer.id,
                        "href": links.export(layer.id, fmt, True),
                    }
                )
    return exports


def legend_entry(spec: LayerSpec, lang: str = "en") -> dict:
    """Return a layer's legend in ``lang``: its title, role, and one swatch per styled value.

    The swatches are drawn in the browser from the same style as the map (``map/layers.js``),
    in the page's palette, and only for what is drawn at the date (``controls/legend.js``).
    """
    style = spec.style
    translated = spec.text(lang)
    labels = {**style.get("labels", {}), **translated.get("labels", {})}
    values = list(style.get("colors", {})) or [""]
    swatches = [
        {"label": labels.get(value, value or spec.title), "value": value} for value in values
    ]
    # How a status is drawn (hatched, dashed, dotted) is told once for every layer, by the
    # legend's "How to read the map" (controls/legend_looks.js), not per layer here.
    return {
        "id": spec.id,
        "title": translated.get("title", spec.title),
        "role": spec.role,
        "swatches": swatches,
    }


def render_parts(atlas_map: folium.Map) -> MapParts:
    """Render the map once and split it, so our own page template can frame it.

    Folium's map header is dropped: its inline ``<style>`` sizes the map (``atlas.css`` does
    that) and its inline ``<script>`` sets two Leaflet switches to their defaults. What is left
    must hold no inline code at all, since only the page template's own ``<script>`` carries
    the CSP nonce; a control that brought some would fail here, not silently in a browser.
    """
    figure = atlas_map.get_root()
    _number_elements(figure)
    figure.render()
    figure.header._children.pop(atlas_map.get_name(), None)
    parts = MapParts(
        header=figure.header.render(), html=figure.html.render(), script=figure.script.render()
    )
    for where, html in (("header", parts.header), ("body", parts.html)):
        if INLINE_CODE.search(html):
            raise ValueError(f"the map's {where} has inline code, which the CSP would block")
    return parts


def _number_elements(root) -> None:
    """Replace Folium's random element ids by their order in the tree.

    The same view then renders to the same bytes: a static build is reproducible, and every
    worker computes the same page (Folium draws 16 random bytes per element otherwise).
    """
    pending, number = [root], 0
    while pending:
        element = pending.pop(0)
        element._id = f"{number:04d}"
        number += 1
        pending.extend(element._children.values())

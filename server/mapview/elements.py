"""Our Folium map controls, each a ``MacroElement`` with a Jinja template in ``templates/elements``.

They follow Folium's own plugins (``plugins/timeline.py``): keyword options gathered into
``self.options`` with camelCase keys for the JavaScript (Folium's ``parse_options``), the JS and
CSS they need as per-instance ``default_js``/``default_css`` lists (never Folium's shared class
lists, so no CDN URL can leak in), and a render guard on the parent.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import folium
import jinja2
from folium.elements import JSCSSMixin
from folium.template import Environment
from folium.utilities import parse_options

from server.mapview.scripts import PAGE_SCRIPT
from server.paths import TEMPLATE_DIR

# Folium's environment (its filters) with a loader, so the element templates share macros
# (``_attach.html``: how a control's script attaches it).
_ELEMENTS = Environment(loader=jinja2.FileSystemLoader(TEMPLATE_DIR / "elements"))


def _template(name: str) -> jinja2.Template:
    return _ELEMENTS.get_template(name)


class _AtlasControl(JSCSSMixin):
    """A control of the atlas page: it must sit on a ``folium.Map`` and brings its own assets."""

    def __init__(self, static_url: Callable[[str], str], css: tuple[str, ...] = ()) -> None:
        super().__init__()
        # Named by path: Folium keys the page's header by name, so a script and a stylesheet
        # of one name must not share one.
        self.default_js: list[tuple[str, str]] = []
        self.default_css = [(f"css/{name}", static_url(f"css/{name}.css")) for name in css]

    def render(self, **kwargs: Any) -> None:
        """Render on a map only; a slider without a map has nothing to move."""
        if not isinstance(self._parent, folium.Map):
            raise TypeError(f"{type(self).__name__} must be added to a folium.Map")
        super().render(**kwargs)


class _AttachedControl(_AtlasControl):
    """A control that attaches to the page's ``AtlasLayers``.

    Its keyword options reach its script as ``this.options`` (camelCase keys), and it brings the
    stylesheets named in ``css``. Every such control takes ``static_url`` (maps a path under
    ``static/`` to its URL) and ``atlas`` (the page's ``AtlasLayers``) first; its own docstring
    says what the atlas is to it and which options it reads.
    """

    css: tuple[str, ...] = ()

    def __init__(self, static_url: Callable[[str], str], atlas: AtlasLayers, **options: Any):
        super().__init__(static_url, css=self.css)
        self._name = type(self).__name__
        self.atlas = atlas
        self.options = parse_options(**options)


class AtlasLayers(_AtlasControl):
    """Draw the basemap and every layer from data loaded once, filtered by date in the browser.

    It brings the page's one script (``PAGE_SCRIPT``, after the data): the other controls attach
    to it.

    Parameters
    ----------
    static_url : callable
        Maps a path under ``static/`` to its URL (``url_for`` when served, relative when static).
    data_urls : list of str
        Scripts that define ``window.ATLAS_DATA`` and ``window.ATLAS_BASEMAP``.
    **options
        ``day`` (ordinal of the first day shown) and ``date`` (the same at its precision,
        ``1916``), ``layers`` (ids shown), ``mode``, ``bounds`` (the frame when nothing is
        drawn) and ``limits`` (the map's window, ``[[south, west], [north, east]]``),
        ``max_zoom``, and ``texts`` (the script of the features' prose, loaded after the map).

    Examples
    --------
    >>> m = folium.Map(tiles=None)
    >>> atlas = AtlasLayers(lambda p: "/static/" + p, ["/data/atlas.js"], day=662000)
    >>> atlas.add_to(m)
    """

    _template = _template("atlas_layers.html")

    def __init__(
        self, static_url: Callable[[str], str], data_urls: list[str], **options: Any
    ) -> None:
        super().__init__(static_url, css=("atlas", "looks", "timelapse", "print"))
        self._name = "AtlasLayers"
        self.default_js = [(f"atlas_data_{index}", url) for index, url in enumerate(data_urls)]
        self.default_js.append(("js/atlas-map", static_url(PAGE_SCRIPT)))
        self.options = parse_options(**options)


class DateSlider(_AttachedControl):
    """The time bar: a slider over the whole timeline, a date box to type in, and play.

    Parameters
    ----------
    atlas : AtlasLayers
        The layers the slider moves through time.
    **options
        ``day`` (the ordinal shown first), ``first_day`` and ``last_day`` (ordinals
        bounding the slider), ``key_dates`` (list of ``{"date", "title"}``), ``speeds``
        (``{"years", "label", "default"}``: Play's choices, in years a second), ``labels``
        (interface strings) and ``axis`` (optional ``[year, fraction]`` breakpoints of the
        non-linear track; ``static/js/core/axis.js`` has the default).

    Examples
    --------
    >>> DateSlider(lambda p: "/static/" + p, atlas, first_day=276000, last_day=740000).add_to(m)
    """

    _template = _template("date_slider.html")


class Legend(_AttachedControl):
    """The legend, which is also the layer switcher: a swatch per value, a checkbox per layer.

    Parameters
    ----------
    atlas : AtlasLayers
        The layers the checkboxes show and hide.
    title : str
        The legend's heading, in the page's language.
    layers : list of dict
        ``{"id", "title", "role", "swatches": [{"label", "value"}]}`` in display order; the
        browser draws each swatch from the layer's style, and only for what is drawn.
    labels : dict
        ``legend_context`` (the heading of the context layers) and ``legend_none`` (said of a
        layer with nothing at the date), in the page's language.
    tiles_label : str, optional
        The name of the optional web tile layer; no checkbox for it when None.

    Examples
    --------
    >>> swatch = {"label": "Held by Russia", "value": "Russia"}
    >>> layer = {"id": "cessions", "title": "Cessions", "role": "theme", "swatches": [swatch]}
    >>> labels = {"context": "Context", "none": "nothing on this date"}
    >>> Legend(lambda p: "/static/" + p, atlas, "Layers", [layer], labels).add_to(m)
    """

    _template = _template("legend.html")

    def __init__(
        self,
        static_url: Callable[[str], str],
        atlas: AtlasLayers,
        title: str,
        layers: list[dict],
        labels: dict,
        tiles_label: str | None = None,
    ) -> None:
        super().__init__(static_url, atlas)
        self.title = title
        self.layers = layers
        self.labels = {
            "context": labels.get("legend_context", ""),
            "none": labels.get("legend_none", ""),
        }
        self.tiles_label = tiles_label


class Toolbar(_AttachedControl):
    """Export, save-image and print: take the current view away as data, a picture or paper.

    Parameters
    ----------
    atlas : AtlasLayers
        The layers whose current view is exported.
    labels : dict
        Interface strings (patterns) in the page's language.
    exports : list of dict
        ``{"label", "href", "layer"?}``; ``{date}`` in an href is filled with the view's date,
        and an entry with a ``layer`` is offered only while that layer is shown.

    Examples
    --------
    >>> Toolbar(lambda p: "/static/" + p, atlas, labels={"export": "Export"}, exports=[]).add_to(m)
    """

    _template = _template("toolbar.html")


class ClassroomControls(_AttachedControl):
    """Presentation mode: keyboard and clicker control, fullscreen, blanking, labels, key help.

    Parameters
    ----------
    atlas : AtlasLayers
        The map the keys drive.
    labels : dict
        Interface strings in the page's language (button names and the key help).

    Examples
    --------
    >>> ClassroomControls(lambda p: "/static/" + p, atlas, labels={"fullscreen": "Full screen"})
    """

    _template = _template("classroom_controls.html")
    css = ("classroom",)


class TourGuide(_AttachedControl):
    """The guided tour: one key moment per step, with its date, layers, extent and caption.

    Parameters
    ----------
    atlas : AtlasLayers
        The map the tour moves.
    step : int
        The step shown first (1-based).
    step_urls : list of str
        The address of every step, so each can be bookmarked and opened directly.
    steps : list of dict
        The key dates (``id``, ``date``, ``title``, ``caption``, ``sources``, ``layers``, ``bbox``).
    labels : dict
        Interface strings in the page's language.

    Examples
    --------
    >>> TourGuide(lambda p: "/static/" + p, atlas, step=1, step_urls=["/tour/1"],
    ...           steps=[moment.to_json()], labels={"tour_step": "{step} / {total}"})
    """

    _template = _template("tour_guide.html")


class CompareControl(_AttachedControl):
    """Two dates side by side on one map: a second set of layers and a draggable divider.

    The page's ``AtlasLayers`` draws the left date; this control draws the right date over it
    in panes of its own, clipped to the right of the divider, and gives each side a date
    control. Layers and view are shared; the address holds both dates.

    Parameters
    ----------
    atlas : AtlasLayers
        The layers of the left date.
    **options
        ``left_day`` and ``right_day`` (ordinals shown first), ``first_day`` and ``last_day``
        (the timeline's ends), ``key_dates`` (list of ``{"date", "title"}``).

    Examples
    --------
    >>> CompareControl(lambda p: "/static/" + p, atlas, left_day=661900, right_day=667300,
    ...                first_day=276000, last_day=740000, key_dates=[]).add_to(m)
    """

    _template = _template("compare.html")
    css = ("compare",)


class ScreenLayout(_AttachedControl):
    """Fit the page to its screen: phone, laptop or projector, left to right or right to left.

    It brings ``responsive.css`` (last, so its rules for small screens and projectors win) and
    attaches ``controls/screen.js``: the skip link to the slider, the foldable legend (a sheet
    on phones) and tour caption, and the time bar's height for what must sit above it.
    Add it after every other control: it works on what they drew.

    Parameters
    ----------
    atlas : AtlasLayers
        The atlas whose map and panels it fits to the screen.

    Examples
    --------
    >>> ScreenLayout(lambda p: "/static/" + p, atlas).add_to(m)
    """

    _template = _template("screen_layout.html")
    css = ("responsive",)

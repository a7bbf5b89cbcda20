"""The data a map page loads, as scripts (``window.ATLAS_DATA = …``).

Scripts rather than ``fetch`` because a script tag also works from ``file://`` (the static build
on a USB stick) where fetch is refused. Three scripts, in the order a reader needs them:

- ``basemap.js``: land, seas and rivers;
- ``atlas.js``: every layer's features as published, except their prose, with the anchors of
  their names and the bibliography: all the map needs to be drawn and named at any date;
- ``texts-<lang>.js``: the prose (descriptions in English and the page's language, date notes),
  loaded once the map is drawn and merged into the features before anyone can open a popup.

Context layers (the states, today's borders) and the basemap travel at 3 decimals (about 100 m),
below the tolerance they were simplified at; the story's own layers travel untouched, so what a
reader exports from the page is the published data. Lines and areas travel packed as whole-number
steps (``server.mapview.packing``), which the page unpacks exactly.
"""

from __future__ import annotations

import re
from typing import Any

from server.core.catalog import LANGUAGES, TRANSLATED, geometry_of
from server.core.edtf_dates import uncertain_ranges
from server.core.formats import dumps
from server.core.store import Layer, LayerStore
from server.mapview.names import label_points, state_names
from server.mapview.packing import packed_collection
from server.mapview.treaties import treaty_index

PROSE = ("description", "date_note")
DATA_SCRIPTS = ("atlas", "basemap", *(f"texts-{lang}" for lang in LANGUAGES))
DISPLAY_DECIMALS = 3
BBox = tuple[float, float, float, float]


def atlas_data(store: LayerStore, windows: list[BBox]) -> dict[str, Any]:
    """Return every layer (catalog entry, features without prose, name anchors) and the key dates.

    ``windows`` are the map's opening frame and its limits (west, south, east, north): a state's
    name is anchored where the state meets them (``server.mapview.names``). Also what popups
    need beyond the features: the uncertain EDTF ranges of each layer's dates (as day ordinals)
    and the treaties that ceded territory (names and days).
    """
    return {
        "layers": [_layer_data(layer, windows) for layer in store],
        "sources": {key: plain_text(citation) for key, citation in store.sources.items()},
        "key_dates": [moment.to_json() for moment in store.key_dates],
        "treaties": treaty_index(store),
    }


def _layer_data(layer: Layer, windows: list[BBox]) -> dict[str, Any]:
    spec = layer.spec
    context = spec.role == "context"
    data: dict[str, Any] = {
        "id": layer.id,
        "title": spec.title,
        "role": spec.role,
        "style": spec.style,
        "properties": spec.properties,
        "features": packed_collection([_drawn(feature, context) for feature in layer.features]),
    }
    data["uncertain_dates"] = uncertain_ranges(layer.features)
    if spec.role == "theme" and geometry_of(spec) != "point":
        data["label_points"] = label_points(layer)
    if spec.style.get("label_by"):
        data["names"] = state_names(layer, spec.style["label_by"], windows)
    return data


def _drawn(feature: dict, context: bool) -> dict:
    """Return a feature as the map draws it: without its prose, context geometry rounded."""
    properties = {
        key: value
        for key, value in feature["properties"].items()
        if key not in PROSE and not key.startswith(("description_", "date_note_"))
    }
    geometry = feature["geometry"]
    if context:
        geometry = {**geometry, "coordinates": rounded(geometry["coordinates"])}
    return {"type": "Feature", "properties": properties, "geometry": geometry}


def texts_data(store: LayerStore, lang: str) -> dict[str, Any]:
    """Return the features' prose for a page in ``lang``: English, the page's own, the notes."""
    keys = (*PROSE, f"description_{lang}", f"date_note_{lang}") if lang in TRANSLATED else PROSE
    features = {}
    for layer in store:
        for feature in layer.features:
            properties = feature["properties"]
            prose = {key: properties[key] for key in keys if properties.get(key) is not None}
            if prose:
                features[properties["id"]] = prose
    return {"features": features}


def rounded(coordinates: Any, decimals: int = DISPLAY_DECIMALS) -> Any:
    """Round nested GeoJSON coordinates, dropping points that rounding makes repeat."""
    if coordinates and isinstance(coordinates[0], int | float):
        return [round(value, decimals) for value in coordinates]
    parts = [rounded(part, decimals) for part in coordinates]
    if parts and isinstance(parts[0][0], int | float):
        kept = [parts[0]] + [b for a, b in zip(parts, parts[1:], strict=False) if a != b]
        # A ring must stay closed and keep at least four positions.
        return kept if len(kept) >= 4 or kept[0] != kept[-1] else parts
    return parts


def basemap_data(store: LayerStore) -> dict[str, Any]:
    """Return the basemap at display precision (it was simplified at 0.01°), packed."""
    return {
        name: {
            **collection,
            **packed_collection(
                [
                    {
                        **f,
                        "geometry": {
                            **f["geometry"],
                            "coordinates": rounded(f["geometry"]["coordinates"]),
                        },
                    }
                    for f in collection["features"]
                ]
            ),
        }
        for name, collection in store.basemap.items()
    }


def plain_text(markdown: str) -> str:
    """Drop Markdown emphasis and code marks from a citation: the page shows it as plain text."""
    return re.sub(r"(?<!\w)[*_`]+|[*_`]+(?!\w)", "", markdown)


def as_script(variable: str, value: Any) -> str:
    """Return JS assigning ``value`` to ``window.<variable>``, safe inside any HTML context.

    The value travels as a JSON string handed to ``JSON.parse``, which browsers read about
    twice as fast as the same data written as a JavaScript object literal (V8's advice for
    data over 10 KB): it is most of the page's start-up.
    """
    text = dumps(value).decode().replace("\\", "\\\\").replace("'", "\\'")
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(raw, escaped)
    # U+2028/9 are legal in JSON but ended JS string literals before ES2019.
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.{variable} = JSON.parse('{text}');\n"


def data_script_bytes(store: LayerStore, name: str, windows: list[BBox]) -> bytes:
    """Return the script ``name`` (``atlas``, ``basemap`` or ``texts-<lang>``) as pages load it."""
    if name == "atlas":
        return as_script("ATLAS_DATA", atlas_data(store, windows)).encode()
    if name.startswith("texts-"):
        return as_script("ATLAS_TEXTS", texts_data(store, name.removeprefix("texts-"))).encode()
    return as_script("ATLAS_BASEMAP", basemap_data(store)).encode()


def windows_of(config: Any) -> list[BBox]:
    """Return the map's opening frame and limits as (west, south, east, north) boxes."""
    boxes = []
    for key in ("MAP_BOUNDS", "MAP_LIMITS"):
        (south, west), (north, east) = config[key]
        boxes.append((west, south, east, north))
    return boxes

"""The data a map page loads once, as scripts (``window.ATLAS_DATA = …``).

Scripts rather than ``fetch`` because a script tag also works from ``file://`` (the static build
on a USB stick) where fetch is refused; the features are the published GeoJSON, untouched.
"""

from __future__ import annotations

import re
from typing import Any

from server.core.edtf_dates import uncertain_ranges
from server.core.formats import dumps
from server.core.store import LayerStore
from server.mapview.treaties import treaty_index


def atlas_data(store: LayerStore) -> dict[str, Any]:
    """Return every layer (catalog entry plus features), the bibliography and the key dates.

    Also what popups need beyond the features: the uncertain EDTF ranges of each layer's dates
    (as day ordinals) and the treaties that ceded territory (names and days).
    """
    return {
        "layers": [
            {
                "id": layer.id,
                "title": layer.spec.title,
                "style": layer.spec.style,
                "properties": layer.spec.properties,
                "features": {"type": "FeatureCollection", "features": list(layer.features)},
                "label_points": label_points(layer.frame),
                "uncertain_dates": uncertain_ranges(layer.features),
            }
            for layer in store
        ],
        "sources": {key: plain_text(citation) for key, citation in store.sources.items()},
        "key_dates": [moment.to_json() for moment in store.key_dates],
        "treaties": treaty_index(store),
    }


def plain_text(markdown: str) -> str:
    """Drop Markdown emphasis and code marks from a citation: the page shows it as plain text."""
    return re.sub(r"(?<!\w)[*_`]+|[*_`]+(?!\w)", "", markdown)


def label_points(frame) -> dict[str, list[float]]:
    """Return where each feature's name goes: inside its polygon, mid-line, or on its point."""
    points = {}
    for feature_id, geometry in zip(frame.index, frame.geometry, strict=True):
        if geometry.geom_type.endswith("LineString"):
            anchor = geometry.interpolate(0.5, normalized=True)
        elif geometry.geom_type.endswith("Polygon"):
            anchor = max(getattr(geometry, "geoms", [geometry]), key=lambda part: part.area)
            anchor = anchor.representative_point()
        else:
            anchor = geometry.representative_point()
        points[feature_id] = [round(anchor.x, 4), round(anchor.y, 4)]
    return points


def as_script(variable: str, value: Any) -> str:
    """Return JS assigning ``value`` to ``window.<variable>``, safe inside any HTML context."""
    text = dumps(value).decode()
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(raw, escaped)
    # U+2028/9 are legal in JSON but ended JS string literals before ES2019.
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.{variable} = {text};\n"


def data_script_bytes(store: LayerStore, name: str) -> bytes:
    """Return the script ``name`` (``atlas`` or ``basemap``) as the page loads it."""
    if name == "atlas":
        return as_script("ATLAS_DATA", atlas_data(store)).encode()
    return as_script("ATLAS_BASEMAP", store.basemap).encode()

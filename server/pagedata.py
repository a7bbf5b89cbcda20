"""The data a map page loads once, as scripts (``window.ATLAS_DATA = …``).

Scripts rather than ``fetch`` because a script tag also works from ``file://`` (the static build
on a USB stick) where fetch is refused; the features are the published GeoJSON, untouched.
"""

from __future__ import annotations

import json
from typing import Any

from server.store import LayerStore


def atlas_data(store: LayerStore) -> dict[str, Any]:
    """Return every layer (catalog entry plus features), the bibliography and the key dates."""
    return {
        "layers": [
            {
                "id": layer.id,
                "title": layer.spec.title,
                "style": layer.spec.style,
                "properties": layer.spec.properties,
                "features": {"type": "FeatureCollection", "features": list(layer.features)},
            }
            for layer in store
        ],
        "sources": store.sources,
        "key_dates": [moment.to_json() for moment in store.key_dates],
    }


def as_script(variable: str, value: Any) -> str:
    """Return JS assigning ``value`` to ``window.<variable>``, safe inside any HTML context."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(raw, escaped)
    # U+2028/9 are legal in JSON but ended JS string literals before ES2019.
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.{variable} = {text};\n"

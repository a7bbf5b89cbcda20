"""The About page: what the layers mean, how dates are written, the sources and the licences.

Everything on it comes from the data, so it cannot drift from what the map shows: the layers'
titles and descriptions from ``catalog.json``, the bibliography from ``SOURCES.md``, the
basemap's sources and licences from ``basemap/PROVENANCE.md``. The interface around them (the
headings, the date conventions) is translated; a text the data has only in English is marked
as English, so a Persian page isolates it instead of letting bidi scramble it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from server.core.catalog import LayerSpec
from server.core.i18n import LANGUAGES, catalogue, page_catalogue
from server.core.store import LayerStore
from server.mapview.data import plain_text
from server.mapview.links import Links
from server.mapview.render import render_page

# A row of PROVENANCE.md's table: | `file` | features | size | kinds | source | licence |
PROVENANCE_ROW = re.compile(r"^\|\s*`([^`]+)`\s*\|(?:[^|]*\|){3}\s*([^|]+?)\s*\|\s*([^|]+?)\s*\|$")


@dataclass(frozen=True)
class Text:
    """A text in the page's language, or in English when the data has no translation."""

    text: str
    lang: str


def about_context(store: LayerStore, lang: str, provenance: Path) -> dict[str, Any]:
    """Return what the About page shows in ``lang``."""
    return {
        "layers": [_layer(layer.spec, lang) for layer in store],
        "sources": [
            {"key": key, "citation": plain_text(citation)}
            for key, citation in store.sources.items()
        ],
        "basemap": basemap_licences(provenance),
        "moments": len(store.key_dates),
    }


def _layer(spec: LayerSpec, lang: str) -> dict[str, Any]:
    own = spec.text(lang)
    return {
        "id": spec.id,
        "role": spec.role,
        "title": Text(own.get("title", spec.title), lang if "title" in own else "en"),
        "description": Text(
            own.get("description", spec.description), lang if "description" in own else "en"
        ),
    }


def basemap_licences(provenance: Path) -> list[dict[str, str]]:
    """Return the basemap's files with their sources and licences, from its PROVENANCE.md."""
    if not provenance.is_file():
        return []
    rows = []
    for line in provenance.read_text(encoding="utf-8").splitlines():
        match = PROVENANCE_ROW.match(line.strip())
        if match:
            name, source, licence = match.groups()
            rows.append(
                {"file": name, "source": plain_text(source), "licence": plain_text(licence)}
            )
    return rows


def render_about_page(store: LayerStore, lang: str, links: Links, geodata: Path) -> str:
    """Return the HTML of the About page in ``lang``."""
    texts = page_catalogue(lang)
    return render_page(
        "about.html",
        about=about_context(store, lang, geodata / "basemap" / "PROVENANCE.md"),
        ui=texts["interface"],
        language=texts["language"],
        languages=[(code, catalogue(code)["language"]["name"]) for code in LANGUAGES],
        lang=lang,
        links=links,
        mode="about",
    )

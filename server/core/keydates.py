"""Key dates: the moments the slider snaps to and the classroom tour visits."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from server.core.catalog import TRANSLATED, check_text
from server.core.contract import SLUG, check_sources
from server.core.dates import parse_date
from server.core.errors import DataError, InvalidDate


@dataclass(frozen=True)
class KeyDate:
    """One moment of the atlas's story, with the view that shows it."""

    id: str
    date: str
    title: str
    caption: str
    sources: tuple[str, ...]
    layers: tuple[str, ...]
    bbox: tuple[float, float, float, float] | None
    texts: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # lang: title, caption

    def text(self, lang: str) -> Mapping[str, str]:
        """Return the title and caption in ``lang`` (empty for English or if untranslated)."""
        return self.texts.get(lang, {})

    def to_json(self) -> dict[str, Any]:
        """Return the moment as the page and the API publish it."""
        return {
            "id": self.id,
            "date": self.date,
            "title": self.title,
            "caption": self.caption,
            "sources": list(self.sources),
            "layers": list(self.layers),
            "bbox": list(self.bbox) if self.bbox else None,
        }


def parse_key_dates(
    raw: Any, path: str, layer_ids: Collection[str], sources: Mapping[str, str]
) -> list[KeyDate]:
    """Check ``key_dates.json`` (a list of moments) and return it in date order."""
    if not isinstance(raw, list):
        raise DataError(path, "expected a JSON list of key dates")
    moments = [
        _parse_moment(item, index, path, layer_ids, sources) for index, item in enumerate(raw)
    ]
    ids = [moment.id for moment in moments]
    for moment_id in ids:
        if ids.count(moment_id) > 1:
            raise DataError(path, "key date id is used twice", moment_id)
    return sorted(moments, key=lambda moment: parse_date(moment.date).first_day())


def _parse_moment(
    item: Any, index: int, path: str, layer_ids: Collection[str], sources: Mapping[str, str]
) -> KeyDate:
    name = (
        item.get("id")
        if isinstance(item, dict) and isinstance(item.get("id"), str)
        else f"#{index}"
    )
    try:
        if not isinstance(item, dict) or not SLUG.fullmatch(name):
            raise ValueError("needs an 'id' slug")
        for key in ("title", "caption"):
            if not isinstance(item.get(key), str) or not item[key].strip():
                raise ValueError(f"needs a non-empty {key!r}")
        texts = _texts(item)
        parse_date(item.get("date"))
        check_sources(item.get("sources"), sources)
        layers = _parse_layers(item.get("layers", []), layer_ids)
        bbox = _parse_bbox(item.get("bbox"))
    except (ValueError, InvalidDate) as error:
        raise DataError(path, str(error), name) from None
    return KeyDate(
        id=name,
        date=item["date"],
        title=item["title"],
        caption=item["caption"],
        sources=tuple(item["sources"]),
        layers=layers,
        bbox=bbox,
        texts=texts,
    )


def _parse_layers(raw: Any, layer_ids: Collection[str]) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(layer, str) for layer in raw):
        raise ValueError("'layers' must be a list of layer ids")
    unknown = [layer for layer in raw if layer not in layer_ids]
    if unknown:
        raise ValueError(f"names unknown layers: {', '.join(unknown)}")
    return tuple(raw)


def _texts(item: dict) -> dict[str, dict[str, str]]:
    """Gather ``title_<lang>`` and ``caption_<lang>``; each present one must be non-empty."""
    texts: dict[str, dict[str, str]] = {}
    for lang in TRANSLATED:
        own = {
            key: check_text(item[f"{key}_{lang}"], f"{key}_{lang}")
            for key in ("title", "caption")
            if f"{key}_{lang}" in item
        }
        if own:
            texts[lang] = own
    return texts


def _parse_bbox(raw: Any) -> tuple[float, float, float, float] | None:
    if raw is None:
        return None
    if (
        not isinstance(raw, list)
        or len(raw) != 4
        or not all(isinstance(v, int | float) for v in raw)
    ):
        raise ValueError("'bbox' must be [west, south, east, north] in degrees")
    west, south, east, north = (float(value) for value in raw)
    if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
        raise ValueError(
            "'bbox' must be [west, south, east, north] with west < east, south < north"
        )
    return west, south, east, north

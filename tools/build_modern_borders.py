#!/usr/bin/env python3
"""Build geodata/modern_borders.geojson: today's international borders, a faint reference.

The states layer draws historical extents; readers who want to know where today's borders run
switch this layer on. It is one undated line feature (its layer's ``role`` is context): the land
borders between Natural Earth 1:10m countries inside the basemap's window, without coastlines
(the basemap draws those). It is a separate file, not a kind of feature in the states layer,
so that the states stay a clean, non-overlapping coverage and the reference can be toggled
and styled (thin, dashed, no fill) on its own.

Run::

    npm pack world-atlas@2.0.2   # package/countries-10m.json
    python tools/build_modern_borders.py --countries package/countries-10m.json
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import geopandas as gpd
import shapely
from shapely.geometry import box, mapping

ROOT = Path(__file__).resolve().parents[1]
WINDOW = box(24, 20, 76, 62)
TOLERANCE = 0.02  # Douglas-Peucker tolerance in degrees (about 2 km)
GRID = 1e-4

PROPERTIES = {
    "id": "modern-borders",
    "name": "International borders today",
    "name_fa": "مرزهای بین‌المللی امروز",
    "name_ru": "Современные государственные границы",
    "kind": "modern-borders",
    "start_date": None,
    "end_date": None,
    "certainty": "approximate",
    "date_note": (
        "Natural Earth 4.1.0 (2018) point of view: Crimea is drawn in Russia, Abkhazia and "
        "South Ossetia in Georgia, Karabakh in Azerbaijan. Undated on purpose: a reference "
        "shown on request at any date, not a historical fact."
    ),
    "date_note_fa": (
        "دیدگاه Natural Earth نسخهٔ ۴.۱.۰ (۲۰۱۸): کریمه در روسیه، آبخازیا و اوستیای جنوبی در "
        "گرجستان و قره‌باغ در آذربایجان کشیده شده‌اند. عمداً بی‌تاریخ است: مرجعی که در هر "
        "تاریخی به درخواست نشان داده می‌شود، نه واقعیتی تاریخی."
    ),
    "date_note_ru": (
        "Точка зрения Natural Earth 4.1.0 (2018): Крым показан в составе России, Абхазия и "
        "Южная Осетия — в составе Грузии, Карабах — в составе Азербайджана. Без даты намеренно: "
        "это справка, показываемая по запросу на любую дату, а не исторический факт."
    ),
    "sources": ["naturalearth-admin0"],
    "description": "Where the international borders run today, for comparison with the past.",
    "description_fa": "جایی که مرزهای بین‌المللی امروز از آن می‌گذرند، برای سنجش با گذشته.",
    "description_ru": "Где проходят государственные границы сегодня, для сравнения с прошлым.",
}


def land_borders(countries: gpd.GeoDataFrame) -> shapely.Geometry:
    """The lines two countries share, each once, clipped to the window."""
    geoms = list(shapely.make_valid(countries.geometry.values))
    tree = shapely.STRtree(geoms)
    shared = []
    for i, j in zip(*tree.query(geoms, predicate="intersects"), strict=True):
        if i < j:
            line = shapely.intersection(geoms[i].boundary, geoms[j].boundary)
            shared.extend(p for p in shapely.get_parts(line) if p.geom_type == "LineString")
    merged = shapely.line_merge(shapely.union_all(shared)).intersection(WINDOW)
    return shapely.set_precision(shapely.simplify(merged, TOLERANCE), GRID)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--countries", type=Path, required=True, help="world-atlas countries-10m")
    parser.add_argument("--out", type=Path, default=ROOT / "geodata" / "modern_borders.geojson")
    args = parser.parse_args()
    countries = gpd.read_file(args.countries, layer="countries").set_crs(4326, allow_override=True)
    countries = countries[countries.intersects(WINDOW.buffer(1))]
    lines = land_borders(countries)
    feature = {"type": "Feature", "id": PROPERTIES["id"], "properties": PROPERTIES}
    feature["geometry"] = mapping(lines)
    collection = {"type": "FeatureCollection", "features": [feature]}
    args.out.write_text(json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()

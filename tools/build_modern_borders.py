#!/usr/bin/env python3
"""Build geodata/modern_borders.geojson, and the border tests' reference, from Natural Earth.

Run: ``python tools/build_modern_borders.py [--data DIR]`` (fetches Natural Earth admin-0,
``world-atlas@2.0.2``, with ``npm pack`` on first use).

Recipe: the layer is one undated line feature (``geodata/records/modern_borders.toml``): the
land borders between countries inside the basemap's window, without coastlines (the basemap
draws those). It is a layer of its own, not a kind of state, so that the states stay a clean
coverage and the reference can be toggled and styled (thin, dashed, no fill) on its own.

The same borders, unsimplified, are what the treaty lines of 1828, 1881 and 1893 still
follow; ``tests/data/test_borders.py`` compares the cessions with the three written to
``tests/data/reference/modern_borders.geojson``: the Aras and Astara line of Turkmenchay
(Iran–Azerbaijan/Armenia), the Atrek line of 1881 (Iran–Turkmenistan west of 56.2°E) and the
Kopet Dagh line as completed in 1893 and redrawn in small sectors in 1954 (east of it).
"""

from __future__ import annotations

import geodata_kit as kit
import geopandas as gpd
import records
import shapely

WINDOW = shapely.box(*kit.WINDOW)
TOLERANCE = 0.02  # Douglas-Peucker tolerance in degrees (about 2 km)
REFERENCE = kit.ROOT / "tests" / "data" / "reference" / "modern_borders.geojson"
ATREK_EAST = 56.2  # east of here the 1881 line leaves the Atrek for the Kopet Dagh
TREATY_BORDERS = {  # id: (country, neighbours, the part of their border kept)
    "iran-azerbaijan-armenia": ("Iran", ("Azerbaijan", "Armenia"), None),
    "iran-turkmenistan-atrek": ("Iran", ("Turkmenistan",), (50, 30, ATREK_EAST, 45)),
    "iran-turkmenistan-kopet-dagh": ("Iran", ("Turkmenistan",), (ATREK_EAST, 30, 65, 45)),
}


def land_borders(countries: gpd.GeoDataFrame) -> shapely.Geometry:
    """The lines two countries share, each once, clipped to the window."""
    geoms = list(countries.geometry.values)
    tree = shapely.STRtree(geoms)
    shared = []
    for i, j in zip(*tree.query(geoms, predicate="intersects"), strict=True):
        if i < j:
            line = shapely.intersection(geoms[i].boundary, geoms[j].boundary)
            shared += [p for p in shapely.get_parts(line) if p.geom_type == "LineString"]
    merged = shapely.line_merge(shapely.union_all(shared)).intersection(WINDOW)
    return shapely.set_precision(shapely.simplify(merged, TOLERANCE), 10**-4)


def treaty_border(countries: gpd.GeoDataFrame, one: str, others: tuple, keep) -> dict:
    """Today's border between ``one`` and ``others`` (within ``keep``), at full detail."""
    first = countries.loc[countries["name"] == one].geometry.union_all()
    rest = countries.loc[countries["name"].isin(others)].geometry.union_all()
    line = shapely.line_merge(first.boundary.intersection(rest.boundary))
    line = shapely.set_precision(line, 1e-5)
    return shapely.line_merge(line.intersection(shapely.box(*keep))) if keep else line


def main() -> None:
    args = kit.parser(__doc__).parse_args()
    path = kit.npm_file(args.data, "package/countries-10m.json")
    countries = gpd.read_file(path, layer="countries").set_crs(4326, allow_override=True)
    countries["geometry"] = countries.geometry.make_valid()
    (record,) = records.read_layer("modern_borders")
    nearby = countries[countries.intersects(WINDOW.buffer(1))]
    feature = kit.feature(record.properties, land_borders(nearby), kit.DECIMALS["modern_borders"])
    kit.write_layer("modern_borders", [feature], "modern_borders.toml")
    lines = [
        kit.feature({"id": key}, treaty_border(countries, *spec), 5)
        for key, spec in TREATY_BORDERS.items()
    ]
    kit.write_collection(REFERENCE, lines)


if __name__ == "__main__":
    main()

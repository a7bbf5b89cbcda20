"""Write the modern borders that the 1828, 1881 and 1893 lines still follow, for the border tests.

The Iran–Azerbaijan/Armenia border is the Aras and Astara line of Turkmenchay (1828); the
Iran–Turkmenistan border along the Atrek is the line of the Akhal-Khorasan convention (1881); east
of the Atrek, along the Kopet Dagh to the Tejen, it is the line as completed by the convention of
1893 (Firuza, and east of Baba-Durmaz), redrawn in small sectors by the agreement of 1954.
Source: Natural Earth 1:10m admin-0 (public domain) from the npm package ``world-atlas@2.0.2``.

Usage::

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python tools/build_reference_borders.py package/countries-10m.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import geopandas as gpd
import shapely

OUT = (
    Path(__file__).resolve().parents[1] / "tests" / "data" / "reference" / "modern_borders.geojson"
)
BORDERS = {
    "iran-azerbaijan-armenia": ("Iran", ("Azerbaijan", "Armenia")),
    "iran-turkmenistan-atrek": ("Iran", ("Turkmenistan",)),
    "iran-turkmenistan-kopet-dagh": ("Iran", ("Turkmenistan",)),
}
ATREK_EAST = 56.2  # east of here the 1881 line leaves the Atrek for the Kopet Dag


def shared_border(countries: gpd.GeoDataFrame, one: str, others: tuple[str, ...]):
    first = countries.loc[countries["name"] == one].geometry.union_all()
    rest = countries.loc[countries["name"].isin(others)].geometry.union_all()
    line = shapely.line_merge(first.boundary.intersection(rest.boundary))
    return shapely.set_precision(line, 1e-5)


def main(countries_path: str) -> None:
    countries = gpd.read_file(countries_path, layer="countries").set_crs(4326, allow_override=True)
    countries["geometry"] = countries.geometry.make_valid()
    features = []
    for border_id, (one, others) in BORDERS.items():
        line = shared_border(countries, one, others)
        if border_id.endswith("atrek"):
            line = line.intersection(shapely.box(50, 30, ATREK_EAST, 45))
        if border_id.endswith("kopet-dagh"):
            line = shapely.line_merge(line.intersection(shapely.box(ATREK_EAST, 30, 65, 45)))
        features.append(
            {
                "type": "Feature",
                "id": border_id,
                "properties": {"id": border_id},
                "geometry": shapely.geometry.mapping(line),
            }
        )
    OUT.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main(sys.argv[1])

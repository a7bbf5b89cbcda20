#!/usr/bin/env python3
"""Build geodata/spheres_1907.geojson from geodata/records/spheres_1907.toml.

Run: ``python tools/build_spheres_1907.py [--data DIR]`` (fetches Natural Earth with
``npm pack`` on first use).

Recipe: Persia is modern Iran (Natural Earth 1:10m admin-0) on the basemap's land; the 1907
frontier differed in detail (the Ottoman border was settled only in 1913-14, Sistan in 1905).
``spheres_1907_lines.geojson`` holds the area beyond each of the convention's two lines, drawn
through the towns it names; a feature's ``shape.zone`` takes the part of Persia inside the
Russian limit (``russian``), inside the British one (``british``) or between them (``neutral``).
"""

from __future__ import annotations

import geodata_kit as kit
import records
import shapely

LINES = kit.RECORDS / "spheres_1907_lines.geojson"


def zones(persia: shapely.Geometry) -> dict[str, shapely.Geometry]:
    """Persia divided by the two lines of the convention."""
    russian, british = (kit.drawn(LINES, key) for key in ("russian-zone", "british-zone"))
    return {
        "russian": persia.intersection(russian),
        "british": persia.intersection(british),
        "neutral": persia.difference(russian).difference(british),
    }


def main() -> None:
    args = kit.parser(__doc__).parse_args()
    by_zone = zones(kit.load_persia(args.data, kit.load_land(args.data)))
    decimals = kit.DECIMALS["spheres_1907"]
    features = [
        kit.feature(r.properties, kit.polish(by_zone[r.recipe["zone"]], decimals), decimals)
        for r in records.read_layer("spheres_1907")
    ]
    kit.write_layer("spheres_1907", features, "spheres_1907.toml")


if __name__ == "__main__":
    main()

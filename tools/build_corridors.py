#!/usr/bin/env python3
"""Build geodata/corridors.geojson from geodata/records/corridors.toml.

Run: ``python tools/build_corridors.py`` (no downloads).

Recipe: each route's line is the feature with the same id in ``corridors_lines.geojson``:
hand-placed polylines through the named towns, with a point every 30-60 km along rivers, sea
lanes and railways; the stretches on the Volga and the Kura were traced on the basemap's rivers.
"""

from __future__ import annotations

import geodata_kit as kit
import records

LINES = kit.RECORDS / "corridors_lines.geojson"


def main() -> None:
    kit.parser(__doc__, data=False).parse_args()
    features = [
        kit.feature(r.properties, kit.drawn(LINES, r.properties["id"]), kit.DECIMALS["corridors"])
        for r in records.read_layer("corridors")
    ]
    kit.write_layer("corridors", features, "corridors.toml and corridors_lines.geojson")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Build geodata/consulates.geojson from geodata/records/consulates.csv.

Run: ``python tools/build_consulates.py`` (no downloads).

Recipe: one point per row at its ``lon``/``lat``; unless ``date_note`` says otherwise the point
is the city centre, not a known building.
"""

from __future__ import annotations

import records
import shapely
from geodata_kit import DECIMALS, GEODATA, feature, generated_by, parser, write_collection


def main() -> None:
    parser(__doc__, data=False).parse_args()
    features = [
        feature(r.properties, shapely.Point(r.recipe["point"]), DECIMALS["consulates"])
        for r in records.read_layer("consulates")
    ]
    generator = generated_by("build_consulates.py", "consulates.csv")
    write_collection(GEODATA / "consulates.geojson", features, generator)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Build geodata/consulates.geojson from geodata/records/consulates.csv.

Run: ``python tools/build_consulates.py`` (no downloads).

Recipe: one point per row at its ``lon``/``lat``; unless ``date_note`` says otherwise the point
is the city centre, not a known building.
"""

from __future__ import annotations

import geodata_kit as kit


def main() -> None:
    kit.parser(__doc__, data=False).parse_args()
    kit.write_points("consulates", "consulates.csv")


if __name__ == "__main__":
    main()

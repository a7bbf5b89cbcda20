#!/usr/bin/env python3
"""Build geodata/gazetteer.geojson from geodata/records/gazetteer/.

Run: ``python tools/build_gazetteer.py`` (no downloads).

Recipe: one point per place and name period, at the place's ``lon``/``lat`` of ``places.csv``,
so the map's date filter shows the name a place bore on the day (Tiflis until 1935, Tbilisi
from 1936); seas, lakes, rivers and mountains get a label point. ``atlas validate`` checks
that a place's names follow each other without gap or overlap.
"""

from __future__ import annotations

import geodata_kit as kit


def main() -> None:
    kit.parser(__doc__, data=False).parse_args()
    kit.write_points("gazetteer", "gazetteer/places.csv and names.csv")


if __name__ == "__main__":
    main()

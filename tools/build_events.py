#!/usr/bin/env python3
"""Build geodata/events.geojson from geodata/records/events.toml.

Run: ``python tools/build_events.py`` (no downloads).

Recipe: one point per event at its ``shape.point`` (lon, lat), the place named in ``place``;
features are published in the order of the records, which are kept in date order.
"""

from __future__ import annotations

import geodata_kit as kit


def main() -> None:
    kit.parser(__doc__, data=False).parse_args()
    kit.write_points("events", "events.toml")


if __name__ == "__main__":
    main()

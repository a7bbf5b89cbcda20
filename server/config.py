"""Every setting of the atlas in one place; ``create_app`` overrides take precedence."""

from server.paths import GEODATA_DIR

DEFAULTS: dict[str, object] = {
    # Folder with catalog.json, the layer files, key_dates.json, SOURCES.md and basemap/.
    "GEODATA_DIR": str(GEODATA_DIR),
    # Largest page of features one API request may ask for (OGC API `limit`).
    "MAX_LIMIT": 10_000,
    "DEFAULT_LIMIT": 100,
    # Optional modern web tiles (an XYZ URL template). None keeps the atlas fully offline.
    "WEB_TILES_URL": None,
    "WEB_TILES_ATTRIBUTION": "",
    # Where the map opens: centre (lat, lon) and zoom, covering Black Sea to Central Asia.
    "MAP_CENTER": (38.5, 50.0),
    "MAP_ZOOM": 5,
    # Our static files change only with a release; let browsers keep them for an hour.
    "SEND_FILE_MAX_AGE_DEFAULT": 3600,
}

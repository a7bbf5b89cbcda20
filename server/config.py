"""Every setting of the atlas in one place; ``create_app`` overrides take precedence."""

from server.core.formats import DEFAULT_LIMIT
from server.paths import GEODATA_DIR

DEFAULTS: dict[str, object] = {
    # Folder with catalog.json, the layer files, key_dates.json, SOURCES.md and basemap/.
    "GEODATA_DIR": str(GEODATA_DIR),
    # Largest page of features one API request may ask for (OGC API `limit`).
    "MAX_LIMIT": 10_000,
    "DEFAULT_LIMIT": DEFAULT_LIMIT,
    # Optional modern web tiles, offered as a layer that is off by default (an XYZ template such
    # as https://tile.example.org/{z}/{x}/{y}.png). None keeps every page fully offline.
    "WEB_TILES_URL": None,
    "WEB_TILES_ATTRIBUTION": "",
    # Where the map opens, as ((south, west), (north, east)): the Caucasus, Persia, Transcaspia.
    "MAP_BOUNDS": ((30.0, 38.0), (45.0, 62.0)),
    # How far one may pan: the basemap's window, Black Sea to Central Asia, Moscow to the Gulf.
    "MAP_LIMITS": ((20.0, 24.0), (62.0, 76.0)),
    # Memory for every cache of one worker process (answers, pages, compressed bodies, the fast
    # path in front of Flask), split by server/web/caching.py's SHARES; 0 turns caching off.
    "CACHE_BYTES": 128 * 1024 * 1024,
    # Who may show the atlas in a frame (CSP frame-ancestors). A teacher's learning platform
    # can be allowed, e.g. "'self' https://moodle.example.edu"; "'none'" forbids framing.
    "FRAME_ANCESTORS": "'self'",
    # The public address of the atlas, e.g. "https://atlas.example.edu/": every link in API
    # answers and pages is built from it. Unset, links follow each request's (checked) Host.
    # Set it behind a proxy: X-Forwarded-* headers are not read.
    "BASE_URL": None,
    # Host names this server answers for (a list, or "a.example.edu,b.example.edu" from the
    # environment; ".example.edu" allows its subdomains). Unset, any valid host name is answered.
    "TRUSTED_HOSTS": None,
    # Cross-Origin-Resource-Policy by endpoint or blueprint (server/web/security.py): the API and
    # the exports may be read by other sites' clients; everything else is same-origin.
    "RESOURCE_POLICIES": {"api": "cross-origin"},
    # Our static files change only with a release; let browsers keep them for an hour.
    "SEND_FILE_MAX_AGE_DEFAULT": 3600,
}

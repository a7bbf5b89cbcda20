"""Protocol facts said once: media types, the compact JSON encoding, limits, quoting input.

Everything that writes an answer (the OGC API, exports, page data, OpenAPI) reads these, so a
media type or a limit cannot differ between the parser and the document that describes it
(after pygeoapi's ``formats.py``).
"""

from __future__ import annotations

import json
from typing import Any

GEOJSON = "application/geo+json"
JSON = "application/json"
OPENAPI = "application/vnd.oai.openapi+json;version=3.0"
HTML = "text/html"
GEOPACKAGE = "application/geopackage+sqlite3"
CSV = "text/csv"
SCHEMA = "application/schema+json"
JAVASCRIPT = "text/javascript"

DEFAULT_LIMIT = 100  # features per API page unless the client asks (OGC API `limit`)
MAX_VALUE_LENGTH = 1000  # longest query parameter value we read
MAX_OFFSET = 2**31 - 1
QUOTE_LIMIT = 40  # characters of a user's value echoed back in a message


def dumps(value: Any) -> bytes:
    """Return compact UTF-8 JSON, the one encoding every API answer and download uses.

    NaN and Infinity are refused, not written: they are not JSON, and a page or client would
    fail on them far from the cause. The data cannot hold them (start-up refuses them), so one
    here is a computation's bug.
    """
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode()


def quote(text: str, limit: int = QUOTE_LIMIT) -> str:
    """Quote a user's value for a message, shortened so a 10 KB value cannot flood a reply."""
    return repr(text if len(text) <= limit else text[:limit] + "…")

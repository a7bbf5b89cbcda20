"""The real atlas with the history issue's ``status`` and ``recognised_by``, for tests.

Until the history branch lands its data, the map's looks for occupation, cession and claim (and
the EDTF dates) are tested on a copy of ``geodata/`` that carries them for a few periods, as
``research/history/corrections.toml`` assigns them (Ganja held by Russia from 1804, its title
recognised by Gulistan in 1813; Dagestan only claimed by Persia). Once ``geodata/cessions``
carries a status, the same tests run on the real data as well.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.paths import GEODATA

STATUS = {
    "ganja-persia-1736": {"status": "suzerainty"},
    "ganja-russia-1804": {"status": "held", "recognised_by": "gulistan-1813"},
    "karabakh-russia-1805": {"status": "held", "recognised_by": "gulistan-1813"},
    "dagestan-persia-1736": {"status": "claimed"},
    "erivan-persia-1736": {"status": "held", "start_date_edtf": "1736~"},
    "erivan-russia-1828": {"status": "held"},
}


def real_data_has_status() -> bool:
    """True once the published cessions layer gives its periods a status."""
    features = json.loads((GEODATA / "cessions.geojson").read_text(encoding="utf-8"))["features"]
    return any("status" in feature["properties"] for feature in features)


def geodata_with_status(target: Path) -> Path:
    """Copy ``geodata/`` into ``target`` and give the periods above their status; return it."""
    shutil.copytree(GEODATA, target, ignore=shutil.ignore_patterns("records"))
    path = target / "cessions.geojson"
    layer = json.loads(path.read_text(encoding="utf-8"))
    for feature in layer["features"]:
        feature["properties"].update(STATUS.get(feature["properties"]["id"], {}))
    path.write_text(json.dumps(layer, ensure_ascii=False), encoding="utf-8")
    return target

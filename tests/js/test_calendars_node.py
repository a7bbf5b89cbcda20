"""Calendars in the browser and on the server against convertdate, every day from 700 to 2100.

``make test`` runs pytest, so this runs the Node test (``tests/js/calendars.test.mjs``) on a
reference written once per run by ``tests/js/calendar_reference.py``, and checks the server's own
Solar Hijri arithmetic on the same days. Without Node.js it fails, saying so: a skipped check
of the browser's dates would pass unnoticed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from array import array
from datetime import date
from pathlib import Path
from unittest import mock

import pytest
from convertdate import persian

from server.core.calendars import nowruz, to_calendar

ROOT = Path(__file__).resolve().parents[2]
NODE_TEST = ROOT / "tests" / "js" / "calendars.test.mjs"
CONVERTED = ("julian", "islamic", "persian")


@pytest.fixture(scope="module")
def calendar_reference(request: pytest.FixtureRequest, tmp_path_factory) -> Path:
    """Write the reference; convertdate's own answers are kept in pytest's cache between runs."""
    folder = tmp_path_factory.mktemp("calendar-reference")
    command = [sys.executable, str(ROOT / "tests" / "js" / "calendar_reference.py"), str(folder)]
    cache = getattr(request.config, "cache", None)
    if cache is not None:
        command += ["--keep", str(cache.mkdir("calendars"))]
    subprocess.run(command, check=True, cwd=ROOT, timeout=600)
    return folder


def node() -> str:
    found = shutil.which("node") or shutil.which("nodejs")
    if found is None:
        pytest.fail("node is missing: the browser's calendar test needs Node.js 18 or newer")
    return found


def test_browser_calendars_equal_convertdate_for_every_day_700_to_2100(calendar_reference):
    env = {**os.environ, "CALENDAR_REFERENCE": str(calendar_reference), "PYTHON": sys.executable}
    result = subprocess.run(
        [node(), "--test", str(NODE_TEST)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout and "# pass 7" in result.stdout, result.stdout[-2000:]


def test_server_solar_hijri_equals_convertdate_for_every_day_700_to_2100(calendar_reference):
    """Every day in the Solar Hijri (our arithmetic on convertdate's Nowruz); every tenth day
    in the Julian and Islamic calendars (convertdate's own; only the day count is ours).

    The equinoxes are the ones convertdate computed for the reference a moment ago, so this
    process need not compute the 1,402 of them again.
    """
    packed = array("i")
    packed.frombytes((calendar_reference / "days.bin").read_bytes())
    reference = json.loads((calendar_reference / "reference.json").read_text("utf-8"))
    equinoxes = {int(year): jd for year, jd in reference["equinoxes"].items()}
    first = date(700, 1, 1).toordinal()
    nowruz.cache_clear()
    with mock.patch.object(persian, "equinox_jd", equinoxes.__getitem__):
        wrong = [
            f"{date.fromordinal(first + i // 3)} {got}"
            for i, got in _converted(packed, first)
            if (got.year, got.month, got.day)
            != (packed[i] >> 9, packed[i] >> 5 & 15, packed[i] & 31)
        ]
    nowruz.cache_clear()
    assert len(packed) == 3 * (date(2100, 12, 31).toordinal() - first + 1)
    assert not wrong, f"{len(wrong)} days differ, e.g. {wrong[:5]}"


def _converted(packed: array, first: int):
    for i in range(len(packed)):
        calendar = CONVERTED[i % 3]
        if calendar == "persian" or i // 3 % 10 == 0:
            yield i, to_calendar(date.fromordinal(first + i // 3), calendar)

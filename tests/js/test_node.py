"""The JavaScript's own tests (``node --test``), and the browser's dates beside the server's.

Node is Debian's ``nodejs`` (``make test`` installs it). The page's classic scripts run in a
``vm`` context with a small window of our own (``load.mjs``), so no browser is needed here.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from server.core.catalog import LANGUAGES
from server.core.i18n import in_words, page_catalogue, text

HERE = Path(__file__).parent
GEODATA = HERE.parents[1] / "geodata"


def span_in_words(start: str | None, end: str | None, lang: str) -> str:
    """The server-side oracle for the popups' spans, from the same catalogue strings."""
    if start and end:
        return text(lang, "span_range", start=in_words(start, lang), end=in_words(end, lang))
    if start:
        return text(lang, "span_since", start=in_words(start, lang))
    if end:
        return text(lang, "span_until", end=in_words(end, lang))
    return text(lang, "span_always")


def node() -> str:
    found = shutil.which("node") or shutil.which("nodejs")
    if found is None:
        pytest.fail("node is missing: `make test` installs Debian's nodejs")
    return found


def run_node(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [node(), *args], input=stdin, capture_output=True, text=True, timeout=120, cwd=HERE
    )


def test_the_javascript_unit_tests_pass():
    # calendars.test.mjs needs the Python reference table: test_calendars_node.py runs it.
    files = sorted(p.name for p in HERE.glob("*.test.mjs") if p.name != "calendars.test.mjs")
    assert len(files) >= 3, files
    result = run_node("--test", *files)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout


def published_spans() -> list[tuple[str | None, str | None]]:
    """Every feature's start and end date, as the published layers give them."""
    spans = set()
    for path in sorted(GEODATA.glob("*.geojson")):
        for feature in json.loads(path.read_text(encoding="utf-8"))["features"]:
            properties = feature["properties"]
            spans.add((properties.get("start_date"), properties.get("end_date")))
    return sorted(spans, key=str)


def sample_values() -> list[str | int]:
    """Days, months and years across the whole calendar, as ordinals and as partial ISO dates."""
    rng = random.Random(42)
    days = [date.fromordinal(rng.randint(1, date.max.toordinal())) for _ in range(400)]
    days += [date(1828, 2, 29), date(1, 1, 1), date(9999, 12, 31), date(913, 1, 1)]
    values: list[str | int] = [day.toordinal() for day in days]
    values += [day.isoformat() for day in days]
    values += [f"{day.year:04d}-{day.month:02d}" for day in days] + [f"{d.year:04d}" for d in days]
    return values


def server_words(value: str | int, lang: str) -> str:
    return in_words(date.fromordinal(value) if isinstance(value, int) else value, lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_browser_says_dates_and_spans_as_the_server_does(lang):
    values, spans = sample_values(), published_spans()
    assert len(spans) > 50
    request = {"catalogue": page_catalogue(lang), "values": values, "spans": spans}
    result = run_node("words.mjs", stdin=json.dumps(request))
    assert result.returncode == 0, result.stderr
    said = json.loads(result.stdout)
    assert said["values"] == [server_words(value, lang) for value in values]
    assert said["spans"] == [span_in_words(start, end, lang) for start, end in spans]


def test_a_data_script_gives_javascript_exactly_the_value_python_wrote():
    from server.mapview.data import as_script

    value = {
        "quote": 'it\'s "quoted" \\ and \\u2028 written out',
        "markup": "</script><b>&amp;</b>",
        "lines": "one\ntwo\u2028three\u2029four",
        "scripts": "Тифлис تفلیس ۱۸۲۸",
        "numbers": [1, 2.5, -0.001, None, True],
    }
    script = as_script("ATLAS_TEST", value)
    assert "</script>" not in script and "<b>" not in script
    program = script.replace("window.", "globalThis.") + (
        "process.stdout.write(JSON.stringify(globalThis.ATLAS_TEST));"
    )
    result = run_node("-e", program)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == value

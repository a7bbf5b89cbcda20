"""Debian's GDAL (ogrinfo, ogr2ogr: GDAL 3.6 in bookworm) and pyogrio's GDAL against a live server.

These are the clients the GIS review found losing data; each test repeats one of its commands.
GDAL 3.6 types fields from the ``describedBy`` schema, so no partial date becomes NULL. It still
writes the full dates of a page that holds only full dates as ``1806/08/31`` (its Date-to-text
conversion); ``--config OGR_GEOJSON_DATE_AS_STRING YES`` keeps the text exactly, as the README
says. ``make test`` installs gdal-bin.
"""

from __future__ import annotations

import csv
import http.client
import io
import json
import os
import shutil
import subprocess
import sys
from datetime import date

import pytest

from server import create_app
from tests.live import LiveServer
from tests.reading import features_during

OGR_CONFIG = ("--config", "OGR_GEOJSON_DATE_AS_STRING", "YES")


@pytest.fixture(scope="module")
def server():
    if not shutil.which("ogrinfo"):
        pytest.fail("ogrinfo is missing: `make test` installs Debian's gdal-bin")
    live = LiveServer(create_app({"TESTING": True}))
    yield live
    live.stop()


def gdal(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "GDAL_HTTP_TIMEOUT": "30", "CPL_DEBUG": "OFF", "NO_PROXY": "127.0.0.1"}
    done = subprocess.run(args, capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    return done


def csv_rows(server, layer: str, *options: str) -> list[dict[str, str]]:
    out = gdal("ogr2ogr", *options, "-f", "CSV", "/vsistdout/", f"OAPIF:{server.url}/", layer)
    return list(csv.DictReader(io.StringIO(out.stdout)))


def feature_ids(stdout: str) -> list[str]:
    return [line.split(" = ", 1)[1] for line in stdout.splitlines() if line.startswith("  id (")]


def test_ogr2ogr_keeps_every_end_date_of_the_cessions(server, atlas_store):
    truth = {f["id"]: f["properties"]["end_date"] for f in atlas_store.layer("cessions").published}
    rows = csv_rows(server, "cessions")  # pages of 10, the first of them all full dates
    assert len(rows) == len(truth)
    for row in rows:
        assert (row["end_date"] or None) is not None or truth[row["id"]] is None, row["id"]
        assert (row["end_date"].replace("/", "-") or None) == truth[row["id"]], row["id"]
    exact = csv_rows(server, "cessions", *OGR_CONFIG)
    assert {row["id"]: row["end_date"] or None for row in exact} == truth


def test_ogrinfo_types_partial_dates_as_text_and_days_as_dates(server, atlas_store):
    out = gdal("ogrinfo", "-ro", "-so", f"OAPIF:{server.url}/", "cessions").stdout
    for line in (
        "Geometry: Multi Polygon",
        f"Feature Count: {len(atlas_store.layer('cessions').published)}",
        "end_date: String",
        "start_date: String",
        "start_day: Date",
        "end_day: Date",
        "sources: StringList",
    ):
        assert line in out, line
    assert out.count("\nid: ") == 1


def test_gdal_paging_with_a_seven_digit_bbox_reads_each_feature_once(server, atlas_store):
    out = gdal(
        "ogrinfo",
        "-ro",
        "-al",
        "-q",
        "-spat",
        "46.29194",
        "30",
        "60",
        "45",
        f"OAPIF:{server.url}/",
        "consulates",
    ).stdout
    seen = feature_ids(out)
    expected = atlas_store.layer("consulates").select(bbox=(46.29194, 30, 60, 45))
    assert len(seen) == len(set(seen)) == len(expected) > 10


def test_gdal_asks_for_pages_of_20000_and_gets_every_feature(server, atlas_store):
    out = gdal(
        "ogrinfo",
        "-ro",
        "-al",
        "-q",
        "-oo",
        "PAGE_SIZE=20000",
        f"OAPIF:{server.url}/",
        "consulates",
    ).stdout
    assert len(set(feature_ids(out))) == len(atlas_store.layer("consulates").published)


@pytest.mark.parametrize("query", ["", "?date=1828-03-01", "?date=0800"])
def test_ogrinfo_reads_the_exported_geopackage_without_a_warning(server, tmp_path, query):
    status, body = get(server, f"/export/cessions.gpkg{query}")
    assert status == 200
    path = tmp_path / "cessions.gpkg"
    path.write_bytes(body)
    done = gdal("ogrinfo", "-ro", "-al", "-so", str(path))
    assert done.stderr == "" and "Warning" not in done.stdout
    assert "start_time: DateTime" in done.stdout and "end_time: DateTime" in done.stdout


def test_gdal_opens_a_download_by_url_in_byte_ranges(server, atlas_store):
    counts = {
        layer: len(atlas_store.layer(layer).published) for layer in ("cessions", "consulates")
    }
    out = gdal("ogrinfo", "-ro", "-so", f"/vsicurl/{server.url}/export/cessions.gpkg", "cessions")
    assert f"Feature Count: {counts['cessions']}" in out.stdout and out.stderr == ""
    out = gdal(
        "ogrinfo",
        "-ro",
        "-al",
        "-so",
        "-oo",
        "X_POSSIBLE_NAMES=lon",
        "-oo",
        "Y_POSSIBLE_NAMES=lat",
        f"/vsicurl/{server.url}/export/consulates.csv",
    )
    assert f"Feature Count: {counts['consulates']}" in out.stdout


def get(server, path: str, headers: dict | None = None) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", int(server.url.rsplit(":", 1)[1]), timeout=30)
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def test_a_live_server_answers_ranges_cors_and_big_limits(server):
    conn = http.client.HTTPConnection("127.0.0.1", int(server.url.rsplit(":", 1)[1]), timeout=30)
    conn.request("GET", "/export/cessions.gpkg", headers={"Range": "bytes=0-99"})
    response = conn.getresponse()
    assert response.status == 206 and len(response.read()) == 100
    assert response.getheader("Access-Control-Allow-Origin") == "*"
    conn.close()
    assert get(server, "/collections/consulates/items?limit=20000")[0] == 200


# pyogrio holds the GIL while GDAL fetches pages, so it cannot read from a server thread of
# this process: it runs in a child process and prints what it read.
PYOGRIO = """
import json, sys, pyogrio
url, layer, options = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
frame = pyogrio.read_dataframe(url, layer=layer, **options)
ends = [None if e is None or e != e else e for e in frame["end_date"]]
print(json.dumps(dict(zip(frame["id"], ends))))
"""


def pyogrio_read(server, layer: str, **options: str) -> dict[str, str | None]:
    args = [sys.executable, "-c", PYOGRIO, f"OAPIF:{server.url}/", layer, json.dumps(options)]
    return json.loads(gdal(*args).stdout)


@pytest.mark.parametrize(
    ("when", "first", "last"),
    [("1828-03-01", "1828-03-01", "1828-03-01"), ("1800/1830", "1800-01-01", "1830-12-31")],
)
def test_pyogrio_gdal_datetime_option_selects_what_the_server_does(
    server, atlas_store, when, first, last
):
    for layer in ("cessions", "consulates"):
        read = pyogrio_read(server, layer, DATETIME=when)
        expected = features_during(
            atlas_store, layer, date.fromisoformat(first), date.fromisoformat(last)
        )
        assert sorted(read) == sorted(expected.index), (layer, when)


def test_pyogrio_gdal_keeps_every_end_date_across_small_pages(server, atlas_store):
    truth = {f["id"]: f["properties"]["end_date"] for f in atlas_store.layer("cessions").published}
    read = pyogrio_read(server, "cessions", PAGE_SIZE="7")
    assert {i: e and e.replace("/", "-") for i, e in read.items()} == truth

"""The ``atlas`` command: one line and an exit code for every mistake, never a traceback."""

from __future__ import annotations

import json

import pytest

from server.cli import main
from tests.paths import FIXTURE_DATA


def run(args: list[str]) -> int:
    with pytest.raises(SystemExit) as exit_:
        main(args)
    return exit_.value.code


def export(args: list[str]) -> int:
    return run(["export", "--geodata", str(FIXTURE_DATA), *args])


def test_validate_reports_what_it_checked(capsys, tiny_store):
    assert run(["validate", "--geodata", str(FIXTURE_DATA)]) == 0
    features = sum(len(layer.features) for layer in tiny_store)
    counts = f"{len(tiny_store.layers)} layers, {features} features"
    assert capsys.readouterr().out == f"ok: {counts}, {len(tiny_store.key_dates)} key dates\n"


def test_validate_checks_a_contributors_file(capsys):
    assert (
        run(["validate", "--geodata", str(FIXTURE_DATA), str(FIXTURE_DATA / "zones.geojson")]) == 0
    )
    assert "(3 features)" in capsys.readouterr().out


@pytest.mark.parametrize("command", ["validate", "serve"])
def test_invalid_data_stops_with_one_line_naming_file_feature_and_reason(
    geodata_copy, capsys, command
):
    path = geodata_copy / "zones.geojson"
    path.write_text(path.read_text().replace('"certainty": "exact"', '"certainty": "sure"'))
    assert run([command, "--geodata", str(geodata_copy)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert f"{path}: feature 'north-russia': 'certainty' must be one of" in err


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["serve", "--port", "99999"], "'--port': 99999 is not in the range"),
        (["serve", "--workers", "0"], "'--workers'"),
        (["frobnicate"], "No such command 'frobnicate'"),
        (
            ["validate", "--geodata", "/no/such/folder"],
            "/no/such/folder/SOURCES.md: file is missing",
        ),
    ],
)
def test_mistakes_get_one_line(capsys, args, says):
    assert run(args) in (1, 2)
    err = capsys.readouterr().err
    assert says in err and err.count("\n") == 1


def test_build_static_writes_a_site(tmp_path, capsys):
    assert run(["build-static", "--geodata", str(FIXTURE_DATA), str(tmp_path / "site")]) == 0
    assert (tmp_path / "site" / "index.html").is_file()
    assert (tmp_path / "site" / "data" / "places.csv").is_file()
    assert "wrote" in capsys.readouterr().out


def test_help_lists_every_command(capsys):
    assert run(["--help"]) == 0
    out = capsys.readouterr().out
    for command in ("serve", "validate", "export", "build-static"):
        assert command in out


def test_export_names_the_file_like_the_website(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert export(["--layer", "atlas", "--date", "1900-03-01"]) == 0
    document = json.loads((tmp_path / "atlas_1900-03-01.geojson").read_text())
    assert {f["properties"]["layer"] for f in document["features"]} == {"zones", "places"}


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--layer", "nope"], "no layer 'nope'"),
        (["--layer", "zones", "--date", "1813-02-30"], "no day 30"),
        (["--layer", "zones", "--format", "csv"], "point layers only"),
        (["--layer", "atlas", "--format", "gpkg"], "GeoJSON only"),
        (["--layer", "zones", "--format", "shp"], "shp"),
        ([], "--layer"),
    ],
)
def test_export_mistakes_print_one_line_and_exit_2(capsys, args, says):
    assert export(args) == 2
    err = capsys.readouterr().err
    assert says in err and err.count("\n") == 1

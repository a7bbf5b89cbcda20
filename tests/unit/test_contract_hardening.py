"""Every corruption of the reliability review stops `atlas validate` and `atlas serve` with one
line naming file, feature and reason: none passes silently, none ends in a traceback."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from server import create_app
from server.cli import main
from server.core.errors import DataError
from server.web import granian


def edit_json(name: str, change: Callable[[dict | list], None]) -> Callable[[Path], None]:
    def corrupt(root: Path) -> None:
        path = root / name
        data = json.loads(path.read_text())
        change(data)
        path.write_text(json.dumps(data))

    return corrupt


def layer(index: int, **fields) -> Callable[[Path], None]:
    return edit_json("catalog.json", lambda c: c["layers"][index].update(fields))


def style(index: int, **fields) -> Callable[[Path], None]:
    return edit_json("catalog.json", lambda c: c["layers"][index]["style"].update(fields))


def rule(**fields) -> Callable[[Path], None]:
    def change(catalog):
        catalog["layers"][0]["properties"]["controller"].update(fields)

    return edit_json("catalog.json", change)


def key_date(**fields) -> Callable[[Path], None]:
    return edit_json("key_dates.json", lambda moments: moments[0].update(fields))


def replace(name: str, old: str, new: str) -> Callable[[Path], None]:
    def corrupt(root: Path) -> None:
        path = root / name
        text = path.read_text()
        assert old in text
        path.write_text(text.replace(old, new, 1))

    return corrupt


def place_property(literal: str) -> Callable[[Path], None]:
    """Give consulate-a a property written as a raw JSON literal (NaN is not valid JSON)."""
    before = '"kind": "consulate", "start_date": "1850"'
    return replace(
        "places.geojson", before, before.replace(", ", f', "population": {literal}, ', 1)
    )


def unreadable(name: str) -> Callable[[Path], None]:
    """Make a file one whose read fails with EIO, as a file on a failing disk does."""

    def corrupt(root: Path) -> None:
        (root / name).unlink()
        os.symlink("/proc/self/mem", root / name)

    return corrupt


def append_bytes(name: str, data: bytes) -> Callable[[Path], None]:
    def corrupt(root: Path) -> None:
        with (root / name).open("ab") as file:
            file.write(data)

    return corrupt


COORDINATES = '"coordinates": [45.0, 41.0]'
CORRUPTIONS = {
    # catalog.json: a style the page would crash on at the first request
    "style is a string": (layer(0, style="red"), "catalog.json", None, "'style' must be an object"),
    "colors is a list": (style(0, colors=["#fff"]), "catalog.json", None, "style.colors must be"),
    "labels is a string": (style(0, labels="x"), "catalog.json", None, "style.labels must be"),
    "contrast_colors is a number": (
        style(0, contrast_colors=5), "catalog.json", None, "style.contrast_colors must be"),
    "a colour that is not a colour": (
        style(1, color=12), "catalog.json", None, "style.color must be a colour"),
    "weight is a word": (style(0, weight="thick"), "catalog.json", None, "style.weight must be"),
    "a NaN in a style": (
        replace("catalog.json", '"geometry": "point"', '"geometry": "point", "radius": NaN'),
        "catalog.json", None, "layers.1.style.radius is NaN"),
    "order is a word": (layer(0, order="abc"), "catalog.json", None, "'order' must be a whole"),
    "order is null": (layer(0, order=None), "catalog.json", None, "'order' must be a whole"),
    "default_on is a word": (layer(0, default_on="no"), "catalog.json", None, "'default_on'"),
    "properties is a list": (layer(0, properties=[]), "catalog.json", None, "'properties' must"),
    "a property rule is a string": (
        edit_json("catalog.json", lambda c: c["layers"][0]["properties"].update(controller="x")),
        "catalog.json", None, "properties.controller must be an object"),
    "a rule's values are a string": (
        rule(values="Persia"), "catalog.json", None, "properties.controller.values must be"),
    "a rule's required is a word": (
        rule(required="yes"), "catalog.json", None, "properties.controller.required must be"),
    # layer files: values no strict JSON parser reads, coordinates that are not numbers
    "a NaN property": (place_property("NaN"), "places.geojson", "consulate-a", "population is NaN"),
    "an Infinity property": (
        place_property("Infinity"), "places.geojson", "consulate-a", "population is Infinity"),
    "a -Infinity property": (
        place_property("-Infinity"), "places.geojson", "consulate-a", "population is -Infinity"),
    "1e999, which parses as Infinity": (
        place_property("1e999"), "places.geojson", "consulate-a", "population is Infinity"),
    "coordinates as strings": (
        replace("places.geojson", COORDINATES, '"coordinates": ["45.0", "41.0"]'),
        "places.geojson", "consulate-a", "coordinates are malformed: they must be numbers"),
    "coordinates as booleans": (
        replace("places.geojson", COORDINATES, '"coordinates": [true, false]'),
        "places.geojson", "consulate-a", "coordinates are malformed: they must be numbers"),
    "a layer file that cannot be read": (
        unreadable("zones.geojson"), "zones.geojson", None, "cannot be read"),
    "invalid JSON": (replace("zones.geojson", "{", "{{"), "zones.geojson", None, "not valid JSON"),
    # SOURCES.md
    "SOURCES.md not UTF-8": (
        append_bytes("SOURCES.md", b"\n- `x` - Caf\xe9\n"), "SOURCES.md", None, "is not UTF-8"),
    "SOURCES.md cannot be read": (unreadable("SOURCES.md"), "SOURCES.md", None, "cannot be read"),
    # key_dates.json
    "a key date's layers is a number": (
        key_date(layers=5), "key_dates.json", "treaty", "'layers' must be a list of layer ids"),
    "a key date's layers nest lists": (
        key_date(layers=[["x"]]), "key_dates.json", "treaty", "'layers' must be a list"),
    "a key date names an unknown layer": (
        key_date(layers=["nope"]), "key_dates.json", "treaty", "names unknown layers: nope"),
    "a key date's date is a number": (
        key_date(date=1828), "key_dates.json", "treaty", "expected a date string"),
    "a key date's bbox holds NaN": (
        replace("key_dates.json", "[43.5, 37.5", "[NaN, 37.5"),
        "key_dates.json", "treaty", ": bbox.0 is NaN"),
}  # fmt: skip


@pytest.fixture
def no_serving(monkeypatch):
    """Fail fast (instead of serving for ever) if broken data ever got past the checks."""

    def refuse(*args, **kwargs):
        raise AssertionError("atlas serve started on broken data")

    monkeypatch.setattr(granian, "run_granian", refuse)


@pytest.mark.parametrize("name", CORRUPTIONS)
@pytest.mark.parametrize("command", ["validate", "serve"])
def test_each_corruption_stops_the_command_with_one_line(
    geodata_copy, capsys, no_serving, command, name
):
    corrupt, filename, feature, reason = CORRUPTIONS[name]
    corrupt(geodata_copy)
    with pytest.raises(SystemExit) as exit_:
        main([command, "--geodata", str(geodata_copy)])
    err = capsys.readouterr().err
    assert exit_.value.code == 1, err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    where = str(geodata_copy / filename) + (f": feature {feature!r}" if feature else "")
    assert f"{where}: " in err and reason in err, err


@pytest.mark.parametrize("name", CORRUPTIONS)
def test_the_app_factory_refuses_each_corruption(geodata_copy, name):
    corrupt, filename, _feature, reason = CORRUPTIONS[name]
    corrupt(geodata_copy)
    with pytest.raises(DataError, match=reason.replace("(", r"\(")) as error:
        create_app({"TESTING": True, "GEODATA_DIR": str(geodata_copy)})
    assert error.value.path == str(geodata_copy / filename)

"""The published layers say exactly what ``geodata/records/`` says, so the two cannot drift.

Properties are compared, and the points of the point layers (no shape is rebuilt, nothing is
downloaded): the records are read by ``tools/records.py``, the same code the builders publish
through.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.data.records_tool import drift, records
from tests.paths import GEODATA

LAYERS = [layer for layer in records.READERS if not layer.startswith("basemap/")]
POINT_LAYERS = [
    "consulates",
    "events",
    "gazetteer",
]  # drawn at each record's point: nothing to rebuild


@pytest.mark.parametrize("layer", list(records.READERS))
def test_published_properties_equal_the_records(layer):
    assert drift(layer) == []


@pytest.mark.parametrize("layer", POINT_LAYERS)
def test_published_points_stand_where_the_records_put_them(layer):
    collection = json.loads((GEODATA / f"{layer}.geojson").read_text(encoding="utf-8"))
    published = {f["id"]: f["geometry"]["coordinates"] for f in collection["features"]}
    moved = {
        r.properties["id"]: (published.get(r.properties["id"]), r.recipe["point"])
        for r in records.read_layer(layer)
        # point layers are written at 6 decimals, the contract's finest grid
        if published.get(r.properties["id"]) != [round(float(v), 6) for v in r.recipe["point"]]
    }
    assert moved == {}, "moved in the records, not rebuilt: (published, records)"


def test_every_layer_of_the_catalog_is_built_from_records():
    catalog = json.loads((GEODATA / "catalog.json").read_text(encoding="utf-8"))
    ids = [spec["id"] for spec in catalog["layers"]]
    assert ids == LAYERS
    assert all((GEODATA.parent / "tools" / f"build_{layer}.py").is_file() for layer in ids)


@pytest.mark.parametrize("layer", LAYERS)
def test_each_layer_file_says_it_is_generated_from_the_records(layer):
    collection = json.loads((GEODATA / f"{layer}.geojson").read_text(encoding="utf-8"))
    assert "geodata/records/" in collection["generator"]
    assert "do not edit" in collection["generator"]


@pytest.fixture
def geodata_copy(tmp_path):
    """A copy of what ``drift`` reads: the records, the catalogue and the layer files."""
    copy = tmp_path / "geodata"
    shutil.copytree(GEODATA / "records", copy / "records")
    for path in [GEODATA / "catalog.json", *GEODATA.glob("*.geojson")]:
        shutil.copy(path, copy / path.name)
    return copy


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} should occur once in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_date_edited_in_a_record_without_a_rebuild_is_caught(geodata_copy):
    periods = geodata_copy / "records" / "cessions" / "periods.toml"
    _edit(
        periods,
        'id = "surmali-russia-1828"\nterritory = "surmali"\ncontroller = "Russia"\n'
        'start_date = "1828-02-22"',
        'id = "surmali-russia-1828"\nterritory = "surmali"\ncontroller = "Russia"\n'
        'start_date = "1828-02-21"',
    )

    problems = drift("cessions", geodata_copy)

    assert problems == [
        f"{geodata_copy / 'cessions.geojson'}: surmali-russia-1828: start_date is "
        "'1828-02-22', records say '1828-02-21'"
    ]


def test_a_record_added_without_a_rebuild_is_caught(geodata_copy):
    consulates = geodata_copy / "records" / "consulates.csv"
    rows = consulates.read_text(encoding="utf-8").splitlines()
    rows.append(rows[-1].replace(rows[-1].split(",")[0], "new-mission-1900", 1))
    consulates.write_text("\n".join(rows) + "\n", encoding="utf-8")

    problems = drift("consulates", geodata_copy)

    assert problems == [
        f"{geodata_copy / 'consulates.geojson'}: new-mission-1900: in the records, not in the file"
    ]


def test_a_shared_phrase_is_fixed_once_for_every_record_that_uses_it(geodata_copy):
    periods = geodata_copy / "records" / "cessions" / "periods.toml"
    _edit(
        periods, 'gulistan = "the Treaty of Gulistan,', 'gulistan = "the Treaty of Gulistan, signed'
    )

    problems = drift("cessions", geodata_copy)

    assert len(problems) > 10
    assert all(": date_note is " in problem for problem in problems)


def test_a_translation_added_beside_the_description_is_published(geodata_copy):
    consulates = geodata_copy / "records" / "consulates.csv"
    lines = consulates.read_text(encoding="utf-8").splitlines()
    lines[0] += ",description_fa"
    lines[1] += ",کنسولگری روسیه در اصفهان"
    consulates.write_text("\n".join(lines) + "\n", encoding="utf-8")

    first = records.read_layer("consulates", geodata_copy)[0].properties

    assert first["description_fa"] == "کنسولگری روسیه در اصفهان"
    assert drift("consulates", geodata_copy)  # published only after a rebuild


def test_a_misspelt_field_stops_the_build_naming_file_and_record(geodata_copy):
    path = geodata_copy / "records" / "corridors.toml"
    _edit(path, 'id = "instc-eastern"\n', 'id = "instc-eastern"\ndescripton = "typo"\n')

    with pytest.raises(records.RecordError, match=r"corridors\.toml: feature instc-eastern: "):
        records.read_layer("corridors", geodata_copy)


def test_an_unknown_phrase_stops_the_build(geodata_copy):
    path = geodata_copy / "records" / "spheres_1907.toml"
    before, after = '{end_1918_ru}"\ndescription = "North', '{end_1919_ru}"\ndescription = "North'
    _edit(path, before, after)

    with pytest.raises(records.RecordError, match=r"no phrase \{end_1919_ru\}"):
        records.read_layer("spheres_1907", geodata_copy)


def test_a_period_names_itself_with_a_suffix_from_the_table(geodata_copy):
    periods = {p.properties["id"]: p.properties for p in records.read_layer("cessions")}
    assert periods["quba-russia-1920"]["name"] == "Quba khanate (Soviet)"
    assert periods["quba-russia-1920"]["name_ru"] == "Кубинское ханство (советская власть)"
    assert periods["quba-russia-1806"]["name"] == "Quba khanate (Russia)"
    assert periods["quba-russia-1806"]["name_fa"] == "خانات قبه"


def test_an_unknown_name_suffix_stops_the_build(geodata_copy):
    path = geodata_copy / "records" / "cessions" / "periods.toml"
    _edit(
        path,
        'id = "quba-russia-1920"\nterritory = "quba"\ncontroller = "Russia"\nsuffix = "soviet"',
        'id = "quba-russia-1920"\nterritory = "quba"\ncontroller = "Russia"\nsuffix = "sovet"',
    )

    with pytest.raises(records.RecordError, match="quba-russia-1920: suffix 'sovet' not in"):
        records.read_layer("cessions", geodata_copy)


def test_a_state_renamed_in_its_record_without_a_rebuild_is_caught(geodata_copy):
    _edit(geodata_copy / "records" / "states" / "polities.csv", ",Qajar Persia,", ",Qajar Iran,")

    problems = drift("states", geodata_copy)

    assert problems and all(
        ": name is 'Qajar Persia', records say 'Qajar Iran'" in p for p in problems
    )


def test_a_states_note_translated_anew_without_a_rebuild_is_caught(geodata_copy):
    holders = geodata_copy / "records" / "states" / "holders.csv"
    _edit(holders, "Krasnovodsk was founded in 1869.", "Krasnovodsk was founded in 1869 (Julian).")

    problems = drift("states", geodata_copy)

    assert problems == [
        f"{geodata_copy / 'states.geojson'}: russian-empire-balkan-1869: "
        "date_note is in no row of holders.csv"
    ]


def test_a_gazetteer_name_edited_without_a_rebuild_is_caught(geodata_copy):
    _edit(geodata_copy / "records" / "gazetteer" / "names.csv", ",Tiflis,", ",Tphilis,")

    problems = drift("gazetteer", geodata_copy)

    assert (
        f"{geodata_copy / 'gazetteer.geojson'}: tphilis-early: in the records, not in the file"
        in problems
    )

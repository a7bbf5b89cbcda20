"""Each rule of the data contract, one at a time, on copies of the tiny fixture layers."""

import json

import pytest

from server.core.errors import DataError
from server.core.store import LayerStore


def edit_layer(folder, layer, index, change):
    path = folder / f"{layer}.geojson"
    collection = json.loads(path.read_text())
    change(collection["features"][index])
    path.write_text(json.dumps(collection))


def edit_catalog(folder, index, change):
    path = folder / "catalog.json"
    catalog = json.loads(path.read_text())
    catalog["layers"][index].update(change)
    path.write_text(json.dumps(catalog))


def set_property(key, value):
    def change(feature):
        feature["properties"][key] = value

    return change


def drop_property(key):
    def change(feature):
        del feature["properties"][key]

    return change


def set_geometry(geometry):
    def change(feature):
        feature["geometry"] = geometry

    return change


BOWTIE = {"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]]}
CLOCKWISE = {"type": "Polygon", "coordinates": [[[44, 38], [44, 40], [46, 40], [46, 38], [44, 38]]]}


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (drop_property("name"), "missing required property 'name'"),
        (drop_property("description"), "missing required property 'description'"),
        (set_property("id", "Not A Slug"), "'id' must be a slug"),
        (drop_property("start_date"), "missing required property 'start_date'"),
        (
            set_property("start_date", "1828-02-30"),
            "start_date: '1828-02-30': February 1828 has no day 30",
        ),
        (set_property("end_date", "1400"), "end_date 1400 is before start_date 1500"),
        (
            set_property("certainty", "probably"),
            "'certainty' must be one of exact, approximate, disputed",
        ),
        (set_property("sources", []), "'sources' must be a non-empty list"),
        (
            set_property("sources", ["nobody2020"]),
            "source key 'nobody2020' is not defined in SOURCES.md",
        ),
        (set_property("sources", ["Bad Key"]), "is not 'key' or 'key: locator'"),
        (
            set_property("controller", "Ottoman Empire"),
            "controller 'Ottoman Empire' is not one of Persia, Russia",
        ),
        (drop_property("controller"), "missing property 'controller', required in layer 'zones'"),
        (set_geometry(None), "geometry must be one of"),
        (set_geometry(BOWTIE), "invalid geometry: Self-intersection"),
        (set_geometry(CLOCKWISE), "exterior ring must be counter-clockwise"),
        (
            set_geometry({"type": "Point", "coordinates": [45.1234567, 39.0]}),
            "more than 6 decimals",
        ),
        (set_geometry({"type": "Point", "coordinates": [245.0, 39.0]}), "longitude/latitude"),
        (set_geometry({"type": "Point", "coordinates": ["a", 1]}), "malformed"),
        (set_geometry({"type": "Polygon", "coordinates": []}), "empty"),
        (
            set_geometry({"type": "Point", "coordinates": [45.0, 39.0]}),
            "a Point in a layer whose style.geometry is 'area': use Polygon or MultiPolygon",
        ),
    ],
)
def test_a_broken_feature_stops_loading_with_file_feature_and_reason(geodata_copy, change, reason):
    edit_layer(geodata_copy, "zones", 2, change)
    with pytest.raises(DataError) as error:
        LayerStore.load(geodata_copy)
    message = str(error.value)
    assert message.startswith(str(geodata_copy / "zones.geojson"))
    assert "feature 'south-persia'" in message or "feature 'Not A Slug'" in message
    assert reason in message


@pytest.mark.parametrize(
    ("layer", "index", "change", "reason"),
    [
        ("zones", 1, set_property("start_date", "1828-03-01"), "'north-russia': leaves a gap"),
        ("zones", 1, set_property("start_date", "1828-02-21"), "'north-russia': overlaps"),
        ("zones", 0, set_property("end_date", None), "no end_date but 'north-russia' follows"),
        ("places", 0, set_property("id", "south-persia"), "used in both 'zones' and 'places'"),
        ("places", 1, set_property("id", "consulate-a"), "used by more than one feature"),
    ],
    ids=["gap-in-a-chain", "overlap-in-a-chain", "successor-of-open-end", "id-in-two-layers",
         "id-twice-in-a-layer"],
)  # fmt: skip
def test_chains_and_ids_are_checked_across_features(geodata_copy, layer, index, change, reason):
    edit_layer(geodata_copy, layer, index, change)
    with pytest.raises(DataError, match=reason):
        LayerStore.load(geodata_copy)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('{"type": "FeatureCollection", "features": [', "not valid JSON"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"type": "Feature"}', "not a GeoJSON FeatureCollection"),
        ('{"type": "FeatureCollection", "features": {}}', "'features' must be a list"),
        ('{"type": "FeatureCollection", "crs": {}, "features": []}', "no 'crs' member"),
        (b"\xff\xfe", "not valid JSON"),
    ],
)
def test_a_broken_file_stops_loading(geodata_copy, content, reason):
    path = geodata_copy / "places.geojson"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    with pytest.raises(DataError, match=reason) as error:
        LayerStore.load(geodata_copy)
    assert str(path) in str(error.value)


def test_a_huge_file_is_refused_before_parsing(geodata_copy, monkeypatch):
    monkeypatch.setattr("server.core.reading.MAX_FILE_BYTES", 100)
    with pytest.raises(DataError, match="the limit is 100"):
        LayerStore.load(geodata_copy)


def test_a_layer_file_missing_from_the_catalog_is_refused(geodata_copy):
    (geodata_copy / "stray.geojson").write_text('{"type": "FeatureCollection", "features": []}')
    with pytest.raises(DataError, match="stray.geojson: layer file is not listed in catalog.json"):
        LayerStore.load(geodata_copy)


def test_a_catalogued_layer_without_a_file_is_refused(geodata_copy):
    (geodata_copy / "places.geojson").unlink()
    with pytest.raises(DataError, match="places.geojson: file is missing"):
        LayerStore.load(geodata_copy)


def test_a_source_defined_twice_is_refused(geodata_copy):
    with (geodata_copy / "SOURCES.md").open("a") as sources:
        sources.write("- `testbook` — Again.\n")
    with pytest.raises(DataError, match="source key 'testbook' is defined twice"):
        LayerStore.load(geodata_copy)


@pytest.mark.parametrize(
    ("moment", "reason"),
    [
        ({"date": "1828-02-30"}, "February 1828 has no day 30"),
        ({"layers": ["nowhere"]}, "names unknown layers: nowhere"),
        ({"bbox": [50, 30, 40, 40]}, "west < east"),
        ({"sources": ["nobody"]}, "'nobody' is not defined"),
        ({"caption": ""}, "non-empty 'caption'"),
    ],
)
def test_a_broken_key_date_is_named(geodata_copy, moment, reason):
    path = geodata_copy / "key_dates.json"
    moments = json.loads(path.read_text())
    moments[0].update(moment)
    path.write_text(json.dumps(moments))
    with pytest.raises(DataError, match=reason) as error:
        LayerStore.load(geodata_copy)
    assert "key_dates.json: feature 'treaty'" in str(error.value)


def test_a_style_geometry_other_than_area_line_or_point_is_refused(geodata_copy):
    path = geodata_copy / "catalog.json"
    catalog = json.loads(path.read_text())
    catalog["layers"][1]["style"]["geometry"] = "dots"
    path.write_text(json.dumps(catalog))
    with pytest.raises(
        DataError, match="'places': style.geometry must be one of area, line, point"
    ):
        LayerStore.load(geodata_copy)


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"title_fa": ""}, "'title_fa' must be a non-empty string"),
        (
            {"style": {"geometry": "point", "labels_ru": {"Nowhere": "Нигде"}}},
            "does not have: Nowhere",
        ),
        ({"role": "backdrop"}, "'role' must be one of theme, context, names, got 'backdrop'"),
        (
            {"role": "names", "style": {"geometry": "area"}},
            "a layer of role 'names' needs style.geometry 'point'",
        ),
        (
            {"role": "context", "style": {"geometry": "point", "label_by": "state"}},
            "style.label_by 'state' is not one of the layer's properties",
        ),
    ],
)
def test_a_broken_layer_entry_is_named(geodata_copy, change, reason):
    edit_catalog(geodata_copy, 1, change)
    with pytest.raises(DataError, match=f"layer 'places': .*{reason}"):
        LayerStore.load(geodata_copy)


def test_translations_of_a_layer_and_a_key_date_are_read_from_the_data(geodata_copy):
    catalog_path, moments_path = geodata_copy / "catalog.json", geodata_copy / "key_dates.json"
    catalog = json.loads(catalog_path.read_text())
    catalog["layers"][0]["title_ru"] = "Зоны"
    catalog["layers"][0]["properties"]["controller"]["label_fa"] = "در دست"
    catalog_path.write_text(json.dumps(catalog))
    moments = json.loads(moments_path.read_text())
    moments[0]["caption_fa"] = "یک عهدنامه"
    moments_path.write_text(json.dumps(moments))
    store = LayerStore.load(geodata_copy)
    assert store.layer("zones").spec.text("ru") == {"title": "Зоны"}
    assert store.texts("fa")["layers"]["zones"] == {"properties": {"controller": "در دست"}}
    assert store.texts("fa")["key_dates"][moments[0]["id"]] == {"caption": "یک عهدنامه"}


def test_a_layer_is_a_theme_unless_the_catalog_says_otherwise(geodata_copy):
    edit_catalog(geodata_copy, 1, {"role": "names"})
    store = LayerStore.load(geodata_copy)
    assert [layer.spec.role for layer in store] == ["theme", "names"]

"""The contract's rules on meaning, one at a time: translations, status, legal title, labels.

Each test breaks one thing in a copy of the tiny fixture data and expects start-up to stop with
one line that names the file, the feature (or layer) and the reason.
"""

import json

import pytest

from server.core.errors import DataError
from server.core.properties import STATUSES
from server.core.store import LayerStore


def edit_feature(folder, layer, index, **changes):
    path = folder / f"{layer}.geojson"
    collection = json.loads(path.read_text())
    properties = collection["features"][index]["properties"]
    for key, value in changes.items():
        if value is None:
            properties.pop(key, None)
        else:
            properties[key] = value
    path.write_text(json.dumps(collection))


def edit_catalog(folder, change):
    path = folder / "catalog.json"
    catalog = json.loads(path.read_text())
    change({layer["id"]: layer for layer in catalog["layers"]})
    path.write_text(json.dumps(catalog))


def load_error(folder) -> str:
    with pytest.raises(DataError) as error:
        LayerStore.load(folder)
    message = str(error.value)
    assert "\n" not in message, "one line"
    return message


@pytest.mark.parametrize(
    ("layer", "index", "changes", "feature", "reason"),
    [
        ("zones", 2, {"description_fa": None}, "south-persia",
         "missing required property 'description_fa' (the description in Persian"),
        ("zones", 2, {"description_ru": "  "}, "south-persia",
         "missing required property 'description_ru' (the description in Russian"),
        ("places", 0, {"name_fa": None}, "consulate-a",
         "missing required property 'name_fa' (the name in Persian"),
        ("places", 1, {"name_ru": None}, "consulate-b",
         "missing required property 'name_ru' (the name in Russian"),
        ("zones", 2, {"status": None}, "south-persia", "missing property 'status' (one of held,"),
        ("zones", 2, {"status": "owned"}, "south-persia",
         "status 'owned' is not one of " + ", ".join(STATUSES)),
        ("zones", 2, {"status": "claimed"}, "south-persia",
         "status 'claimed' is not one of held, suzerainty"),
        ("zones", 1, {"recognised_by": "versailles-1919"}, "north-russia",
         "recognised_by 'versailles-1919' is not a treaty of the catalogue "
         "(treaty-1828, later-treaty-1900)"),
        ("zones", 1, {"recognised_by": "treaty-1828"}, "north-russia",
         "recognised_by 'treaty-1828' (1828-02-22) does not come after start_date 1828-02-22"),
        ("zones", 1, {"treaty": "later-treaty-1900", "recognised_by": "later-treaty-1900"},
         "north-russia", "recognised_by 'later-treaty-1900' is already the period's treaty"),
    ],
    ids=["description-fa", "blank-description-ru", "name-fa", "name-ru", "no-status",
         "unknown-status", "status-the-layer-does-not-allow", "unknown-treaty",
         "title-not-later-than-start", "title-is-the-treaty"],
)  # fmt: skip
def test_a_feature_breaking_a_rule_of_meaning_stops_loading(
    geodata_copy, layer, index, changes, feature, reason
):
    edit_feature(geodata_copy, layer, index, **changes)
    message = load_error(geodata_copy)
    assert message.startswith(str(geodata_copy / f"{layer}.geojson"))
    assert f"feature '{feature}'" in message
    assert reason in message


def test_a_later_legal_title_is_accepted(geodata_copy):
    edit_feature(geodata_copy, "zones", 1, recognised_by="later-treaty-1900")
    store = LayerStore.load(geodata_copy)
    feature = store.layer("zones").features[1]
    assert feature["properties"]["recognised_by"] == "later-treaty-1900"


def test_a_point_layer_needs_no_status(tiny_store):
    assert all("status" not in f["properties"] for f in tiny_store.layer("places").features)


def test_recognised_by_borrows_the_treaty_values_and_their_labels(tiny_store):
    rule = tiny_store.layer("zones").spec.properties["recognised_by"]
    assert rule["values"] == ["treaty-1828", "later-treaty-1900"]
    assert rule["value_labels"]["treaty-1828"]["fa"] == "عهدنامه (۱۸۲۸)"
    assert tiny_store.layer("places").spec.treaties["later-treaty-1900"].isoformat() == "1900-01-01"


def _drop_label(layers):
    del layers["zones"]["properties"]["controller"]["value_labels"]["Russia"]


def _drop_language(layers):
    del layers["zones"]["properties"]["status"]["value_labels"]["held"]["ru"]


def _extra_label(layers):
    labels = layers["zones"]["properties"]["controller"]["value_labels"]
    labels["Ottomans"] = {"en": "Ottomans", "fa": "عثمانی", "ru": "Османы"}


def _foreign_status(layers):
    layers["zones"]["properties"]["status"]["values"].append("annexed")


def _borrow_nothing(layers):
    layers["zones"]["properties"]["recognised_by"]["same_values_as"] = "treaties"


def _bad_treaty_date(layers):
    layers["zones"]["properties"]["treaty"]["value_dates"]["treaty-1828"] = "1828-02-30"


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (_drop_label, "properties.controller.value_labels has no label for Russia"),
        (_drop_language, "value_labels.held needs a non-empty label in en, fa, ru"),
        (_extra_label, "properties.controller.value_labels labels values not declared: Ottomans"),
        (_foreign_status, "properties.status declares annexed, not a status"),
        (_borrow_nothing, "properties.recognised_by.same_values_as names no property 'treaties'"),
        (_bad_treaty_date, "properties.treaty.value_dates.treaty-1828:"),
    ],
    ids=["label-missing", "language-missing", "label-undeclared",
         "status-outside-vocabulary", "borrow-from-nothing", "treaty-date-impossible"],
)  # fmt: skip
def test_a_broken_catalogue_label_or_vocabulary_stops_loading(geodata_copy, change, reason):
    edit_catalog(geodata_copy, change)
    message = load_error(geodata_copy)
    assert message.startswith(str(geodata_copy / "catalog.json"))
    assert "layer 'zones'" in message
    assert reason in message


EVENTS = {
    "id": "events",
    "title": "Events",
    "title_fa": "رویدادها",
    "title_ru": "События",
    "description": "Dated moments at their places.",
    "order": 3,
    "default_on": True,
    "style": {"geometry": "point", "property": "kind", "colors": {"battle": "#b2182b"}},
    "properties": {
        "kind": {
            "label": "Kind",
            "description": "What sort of event it was.",
            "required": True,
            "values": ["battle", "treaty"],
            "value_labels": {
                "battle": {"en": "Battle", "fa": "نبرد", "ru": "Сражение"},
                "treaty": {"en": "Treaty", "fa": "عهدنامه", "ru": "Договор"},
            },
        },
        "place": {"label": "Place", "description": "Where it happened.", "required": True},
        "related": {"label": "Related", "description": "Features or treaties it explains."},
    },
}
EVENT = {
    "type": "Feature",
    "id": "battle-north-1827",
    "properties": {
        "id": "battle-north-1827",
        "kind": "battle",
        "name": "Battle in the north",
        "name_fa": "نبرد شمال",
        "name_ru": "Битва на севере",
        "start_date": "1827-10-13",
        "end_date": None,
        "place": "North",
        "certainty": "exact",
        "sources": ["testbook: 3"],
        "description": "A battle before the treaty.",
        "description_fa": "نبردی پیش از عهدنامه.",
        "description_ru": "Сражение перед договором.",
        "date_note": "1 October 1827 Old Style.",
        "related": ["north-persia", "treaty-1828"],
    },
    "geometry": {"type": "Point", "coordinates": [45.0, 41.0]},
}


def add_events_layer(folder, event):
    path = folder / "catalog.json"
    catalog = json.loads(path.read_text())
    catalog["layers"].append(EVENTS)
    path.write_text(json.dumps(catalog))
    collection = {"type": "FeatureCollection", "features": [event]}
    (folder / "events.geojson").write_text(json.dumps(collection))


def test_an_events_layer_of_dated_points_loads(geodata_copy):
    add_events_layer(geodata_copy, EVENT)
    store = LayerStore.load(geodata_copy)
    events = store.layer("events")
    assert events.is_point_layer
    assert events.features[0]["properties"]["related"] == ["north-persia", "treaty-1828"]


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"kind": "skirmish"}, "kind 'skirmish' is not one of battle, treaty"),
        ({"place": None}, "missing property 'place', required in layer 'events'"),
        ({"description_ru": None}, "missing required property 'description_ru'"),
    ],
)
def test_a_broken_event_is_named(geodata_copy, changes, reason):
    event = json.loads(json.dumps(EVENT))
    for key, value in changes.items():
        if value is None:
            del event["properties"][key]
        else:
            event["properties"][key] = value
    add_events_layer(geodata_copy, event)
    message = load_error(geodata_copy)
    assert message.startswith(str(geodata_copy / "events.geojson"))
    assert "feature 'battle-north-1827'" in message
    assert reason in message

"""The treaty lines follow the rivers they named: compared with today's borders, which still do.

The Aras and Astara line of Turkmenchay (1828) is today's Iran–Azerbaijan/Armenia border, and
the Atrek line of 1881 is today's Iran–Turkmenistan border west of 56.2°E. East of it, along the
Kopet Dagh to the Tejen, Russia's frontier reached today's line only with the convention of 1893
(Firuza; the Atek and Old Sarakhs, taken in 1883–84, east of Baba-Durmaz where the 1881 line
stopped); the agreement of 1954 redrew small sectors, which today's line already follows
(``tests/data/reference/modern_borders.geojson``, from Natural Earth; see
``tools/build_modern_borders.py``).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import geopandas as gpd
import pytest
import shapely

from tests.reading import features_at

REFERENCE = Path(__file__).parent / "reference" / "modern_borders.geojson"
LOCAL_KM = "+proj=aeqd +lat_0=39 +lon_0=50 +units=km"


def persia_russia_line(store, day: date):
    """The boundary between what Persia and what Russia held on ``day``."""
    held = features_at(store, "cessions", day)
    persia = held[held["controller"] == "Persia"].geometry.union_all()
    russia = held[held["controller"] == "Russia"].geometry.union_all()
    return shapely.line_merge(persia.boundary.intersection(russia.boundary))


def russian_frontier(store, day: date):
    """The outline of everything Russia (or the Soviet Union) held on ``day``."""
    held = features_at(store, "cessions", day)
    return held[held["controller"] == "Russia"].geometry.union_all().boundary


def farthest_km(reference, line) -> float:
    """How far today's border strays from the treaty line at its worst point (directed Hausdorff).

    Directed, because our line goes on beyond this border (to the Turkish and Caspian ends),
    while every point of today's border must lie on or near it.
    """
    projected = gpd.GeoSeries([reference, line], crs=4326).to_crs(LOCAL_KM)
    points = shapely.points(shapely.get_coordinates(projected.iloc[0].segmentize(0.5)))
    return float(shapely.distance(points, projected.iloc[1]).max())


@pytest.mark.parametrize(
    ("border", "day", "within_km"),
    [
        ("iran-azerbaijan-armenia", date(1830, 1, 1), 1.0),
        ("iran-turkmenistan-atrek", date(1882, 1, 1), 5.0),
    ],
)
def test_the_treaty_line_follows_todays_border(atlas_store, border, day, within_km):
    reference = gpd.read_file(REFERENCE).set_index("id").geometry[border]
    line = persia_russia_line(atlas_store, day)
    distance = farthest_km(reference, line)
    assert distance < within_km, f"{border}: today's border strays {distance:.2f} km from the line"


@pytest.mark.parametrize(
    ("day", "within_km"),
    [(date(1893, 6, 8), 2.0), (date(1955, 1, 1), 2.0), (date(1990, 1, 1), 2.0)],
    ids=["1893-convention", "1954-agreement", "soviet"],
)
def test_east_of_the_caspian_the_frontier_follows_todays_line_from_1893(
    atlas_store, day, within_km
):
    reference = gpd.read_file(REFERENCE).set_index("id").geometry["iran-turkmenistan-kopet-dagh"]
    distance = farthest_km(reference, russian_frontier(atlas_store, day))
    assert distance < within_km, f"today's border strays {distance:.2f} km from the {day} line"


@pytest.mark.parametrize(
    ("day", "beyond_km", "why"),
    [
        (date(1882, 6, 1), 100.0, "the 1881 line stopped at Baba-Durmaz; Tejen not yet taken"),
        (date(1893, 6, 7), 5.0, "Firuza Persian until the convention of 8 June 1893"),
    ],
    ids=["1881-line", "eve-of-1893"],
)
def test_before_1893_the_frontier_did_not_yet_run_along_todays_line(
    atlas_store, day, beyond_km, why
):
    reference = gpd.read_file(REFERENCE).set_index("id").geometry["iran-turkmenistan-kopet-dagh"]
    distance = farthest_km(reference, russian_frontier(atlas_store, day))
    assert distance > beyond_km, f"{day}: {why}, yet the line is within {distance:.2f} km"

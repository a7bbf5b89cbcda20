"""The treaty lines follow the rivers they named: compared with today's borders, which still do.

The Aras and Astara line of Turkmenchay (1828) is today's Iran–Azerbaijan/Armenia border, and
the Atrek line of 1881 is today's Iran–Turkmenistan border west of 56.2°E
(``tests/data/reference/modern_borders.geojson``, from Natural Earth; see
``tools/build_reference_borders.py``).
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

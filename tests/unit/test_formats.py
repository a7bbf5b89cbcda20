"""The one JSON encoding (server.core.formats.dumps): compact UTF-8, and never what is not JSON."""

from __future__ import annotations

import math

import pytest

from server.core.formats import dumps


def test_answers_are_compact_utf8():
    assert (
        dumps({"name": "تبریز", "at": [46.29, 38.08]})
        == '{"name":"تبریز","at":[46.29,38.08]}'.encode()
    )


@pytest.mark.parametrize("number", [math.nan, math.inf, -math.inf])
def test_a_computed_nan_or_infinity_is_refused_not_written(number):
    # The page parses its data with JSON.parse, which fails on NaN: a bug must show where it is.
    with pytest.raises(ValueError, match="not JSON compliant"):
        dumps({"at": [45.0, 40.0, number]})

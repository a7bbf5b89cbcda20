from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from server.core.errors import InvalidParameter
from server.core.i18n import LANGUAGES, catalogue, in_words, language_of, text

days = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))


@given(days)
def test_a_day_in_words_names_day_month_and_year(day):
    words = in_words(day)
    assert words.startswith(f"{day.day} ")
    assert words.endswith(f" {day.year}")


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("1813-10-24", "24 October 1813"),
        ("1813-10", "October 1813"),
        ("0913", "913"),
        (date(1828, 2, 22), "22 February 1828"),
    ],
)
def test_dates_in_words(value, words):
    assert in_words(value) == words


def test_span_patterns_say_a_span_in_words():
    """The page's spanInWords fills these patterns; the server only checks they read right."""
    start, end = in_words("1813-10-24"), in_words("1828-02-21")
    assert text("en", "span_range", start=start, end=end) == "24 October 1813 – 21 February 1828"
    assert text("en", "span_since", start=in_words("1991")) == "since 1991"
    assert text("en", "span_until", end=in_words("0913")) == "until 913"
    assert text("en", "span_always") == "at all times"


@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", "24 October 1813"), ("ru", "24 октября 1813 г."), ("fa", "۲۴ اکتبر ۱۸۱۳")],
)
def test_the_gulistan_day_in_each_language(lang, words):
    assert in_words("1813-10-24", lang) == words


def test_russian_months_alone_are_nominative():
    assert in_words("1813-10", "ru") == "октябрь 1813 г."


def test_persian_dates_use_persian_digits():
    assert not any(
        character.isascii() and character.isdigit() for character in in_words("1828-02-22", "fa")
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_catalogue_has_every_english_key(lang):
    english = catalogue("en")
    for section in ("interface", "calendar"):
        assert set(catalogue(lang)[section]) >= set(english[section]), f"{lang} {section}"
    assert len(catalogue(lang)["calendar"]["months_of"]) == 12
    assert text(lang, "tour_step", step=7, total=22)


@pytest.mark.parametrize("value", ["xx", "EN", "fa-IR", "<script>", "e" * 1000])
def test_unknown_languages_are_refused_by_name(value):
    with pytest.raises(InvalidParameter, match="use one of en, fa, ru"):
        language_of(value)


def test_no_language_means_english():
    assert language_of(None) == "en"

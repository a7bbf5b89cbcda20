"""Dates in the calendars of the sources: conversions, cutoffs and words in three languages.

Every day 700-2100 is compared with convertdate in tests/js/test_calendars_node.py; here are
the dates the sources give, the rules of what is shown, and how it reads.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from convertdate import islamic, julian
from hypothesis import given
from hypothesis import strategies as st

from server.core.calendar_words import equivalents, in_words, with_equivalents
from server.core.calendars import (
    JULIAN_LAST_DAY,
    SOLAR_HIJRI_FIRST_DAY,
    calendars_beside,
    nowruz,
    to_calendar,
)
from server.core.errors import InvalidDate
from server.core.i18n import catalogue
from server.core.i18n import in_words as gregorian_in_words

# The day, the calendar, the date the source writes, the event and the source.
SOURCE_DATES = """
1813-10-24  julian   1813-10-12  Gulistan; watson1866: 169
1828-02-22  julian   1828-02-10  Turkmenchay; Prisoedinenie Vostochnoi Armenii II, no. 245
1723-09-23  julian   1723-09-12  Treaty of St Petersburg; lockhart1958
1732-02-01  julian   1732-01-21  Treaty of Resht; lockhart1958
1881-12-21  julian   1881-12-09  Akhal-Khorasan convention; kazemzadeh1968
1918-02-13  julian   1918-01-31  last Old Style day; Sovnarkom decree of 24 January 1918
1906-08-05  islamic  1324-06-14  the Shah's farman for a Majlis; browne1910: App. A
1906-12-30  islamic  1324-11-14  the Fundamental Laws; browne1910: App. A
1925-03-31  persian  1304-01-11  the calendar law; rc.majlis.ir/fa/law/show/91067
0622-03-22  persian  0001-01-01  first day of the era (19 March 622 Julian); Iranica, Calendars
1950-06-01  persian  1329-03-11  the check in issue 13
1941-08-25  persian  1320-06-03  Anglo-Soviet invasion; irdc.ir
"""


def source_dates():
    for line in SOURCE_DATES.strip().splitlines():
        day, calendar, written, source = line.split(maxsplit=3)
        yield pytest.param(date.fromisoformat(day), calendar, written, id=source.split(";")[0])


# Hijri dates written in the treaties, a day off the tabular calendar (crescent vs arithmetic).
SIGHTED_HIJRI = [
    ("Turkmenchay", date(1828, 2, 22), (1243, 8, 5), (1243, 8, 6)),
    ("Gulistan", date(1813, 10, 24), (1228, 10, 29), (1228, 10, 28)),
]


def as_tuple(calendar_date):
    return calendar_date.year, calendar_date.month, calendar_date.day


@pytest.mark.parametrize(("day", "calendar", "written"), list(source_dates()))
def test_conversions_give_the_dates_the_sources_write(day, calendar, written):
    got = to_calendar(day, calendar)
    assert f"{got.year:04d}-{got.month:02d}-{got.day:02d}" == written


@pytest.mark.parametrize(("event", "day", "written", "tabular"), SIGHTED_HIJRI)
def test_tabular_hijri_is_within_a_day_of_the_treaty_texts(event, day, written, tabular):
    assert as_tuple(to_calendar(day, "islamic")) == tabular
    written_day = date.fromordinal(int(islamic.to_jd(*written) - 1721424.5))
    assert abs((written_day - day).days) == 1, event


def test_the_solar_hijri_year_starts_at_nowruz():
    assert nowruz(1925) == SOLAR_HIJRI_FIRST_DAY == date(1925, 3, 21)
    assert as_tuple(to_calendar(date(1925, 3, 20), "persian")) == (1303, 12, 29)
    assert as_tuple(to_calendar(date(2025, 3, 20), "persian")) == (1403, 12, 30)  # a leap year
    assert as_tuple(to_calendar(date(2025, 3, 21), "persian")) == (1404, 1, 1)


def test_old_style_is_shown_through_the_last_day_russia_used_it():
    assert JULIAN_LAST_DAY == date(1918, 2, 13)
    assert calendars_beside(date(1918, 2, 13)) == ("julian", "islamic")
    assert calendars_beside(date(1918, 2, 14)) == ("islamic",)


def test_the_solar_hijri_replaces_the_lunar_from_nowruz_1304():
    assert calendars_beside(date(1925, 3, 20)) == ("islamic",)
    assert calendars_beside(date(1925, 3, 21)) == ("persian",)
    assert calendars_beside(date(913, 6, 1)) == ("julian", "islamic")


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "22 February 1828 · 10 February 1828 O.S. · ≈6 Sha'ban 1243 AH"),
        ("fa", "۲۲ فوریه ۱۸۲۸ · ≈۶ شعبان ۱۲۴۳ ه.ق. · ۱۰ فوریه ۱۸۲۸ ژولینی"),
        ("ru", "22 февраля 1828 г. · 10 февраля 1828 г. (ст. ст.) · ≈6 шабана 1243 г. х."),
    ],
)
def test_turkmenchay_reads_with_its_old_style_and_hijri_dates(lang, expected):
    assert with_equivalents("1828-02-22", lang) == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "1 June 1950 · 11 Khordad 1329 SH"),
        ("fa", "۱ ژوئن ۱۹۵۰ · ۱۱ خرداد ۱۳۲۹ ه.ش."),
        ("ru", "1 июня 1950 г. · 11 хордада 1329 г. с. х."),
    ],
)
def test_a_date_after_1925_reads_with_its_solar_hijri_date(lang, expected):
    assert with_equivalents(date(1950, 6, 1), lang) == expected


def test_month_names_of_each_calendar_in_each_language():
    assert in_words("1813-10-24", "islamic", "en") == "≈28 Shawwal 1228 AH"
    assert in_words("1813-10-24", "islamic", "ru") == "≈28 шавваля 1228 г. х."
    assert in_words("1906-08-05", "islamic", "fa") == "≈۱۴ جمادی\u200cالثانی ۱۳۲۴ ه.ق."
    assert in_words("1941-08-25", "persian", "ru") == "3 шахривара 1320 г. с. х."
    assert in_words("1941-08-25", "persian", "fa") == "۳ شهریور ۱۳۲۰ ه.ش."
    assert in_words("1813-10-24", "julian", "fa") == "۱۲ اکتبر ۱۸۱۳ ژولینی"


def test_the_julian_months_are_the_languages_ordinary_months():
    for lang in ("en", "fa", "ru"):
        months = catalogue(lang)["calendar"]["months_of"]
        for month in range(1, 13):
            day = date(1900, month, 20)  # Julian 7 <month> 1900
            assert in_words(day, "julian", lang).split()[1] == months[month - 1].split()[0]


@pytest.mark.parametrize("value", ["1828-02-22", "1828-02", "1828", "0913", "2025-03-21"])
@pytest.mark.parametrize("lang", ["en", "fa", "ru"])
def test_the_gregorian_date_reads_as_everywhere_else_in_the_atlas(value, lang):
    assert in_words(value, "gregorian", lang) == gregorian_in_words(value, lang)


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        ("1828", "en", "1828 · 1243–1244 AH"),
        ("1828", "ru", "1828 г. · 1243–1244 гг. х."),
        ("1828-02", "en", "February 1828 · January–February 1828 O.S. · Rajab–Sha'ban 1243 AH"),
        ("1813-12", "en", "December 1813 · November–December 1813 O.S. · "
                          "Dhu al-Hijja 1228 – Muharram 1229 AH"),
        ("1950", "fa", "۱۹۵۰ · ۱۳۲۸–۱۳۲۹ ه.ش."),
        ("1950-06", "en", "June 1950 · Khordad–Tir 1329 SH"),
    ],
)  # fmt: skip
def test_a_partial_date_gives_the_span_it_covers_never_a_false_day(value, lang, expected):
    assert with_equivalents(value, lang) == expected


def test_a_year_only_date_has_no_julian_year_and_a_period_follows_its_first_day():
    assert in_words("1828", "julian", "en") is None
    assert equivalents("1925", "en") == ["1343–1344 AH"]  # begins before Nowruz 1304
    assert equivalents("1918-02", "en")[0] == "January–February 1918 O.S."


def test_only_the_tabular_hijri_day_is_marked_approximate():
    assert in_words("1828-02-22", "islamic", "en").startswith("≈")
    assert not in_words("1828-02", "islamic", "en").startswith("≈")
    assert not in_words("1950-06-01", "persian", "en").startswith("≈")
    assert not in_words("1828-02-22", "julian", "en").startswith("≈")


def test_persian_readers_get_the_hijri_date_first():
    hijri, old_style = equivalents("1828-02-22", "fa")
    assert hijri.endswith("ه.ق.") and old_style.endswith("ژولینی")


@pytest.mark.parametrize("bad", ["1828-02-30", "1828-13", "0000", "18280222", ""])
def test_a_bad_date_is_refused_with_a_clear_error(bad):
    with pytest.raises(InvalidDate):
        with_equivalents(bad, "en")


def test_an_unknown_calendar_or_language_is_refused():
    with pytest.raises(ValueError, match="unknown calendar 'mayan'"):
        to_calendar(date(1828, 2, 22), "mayan")
    with pytest.raises(ValueError, match="language 'de'"):
        in_words("1828-02-22", "julian", "de")


@given(st.dates(min_value=date(700, 1, 1), max_value=date(2100, 12, 31)))
def test_julian_and_hijri_dates_convert_back_to_the_same_day(day):
    for module, calendar in ((julian, "julian"), (islamic, "islamic")):
        back = module.to_gregorian(*as_tuple(to_calendar(day, calendar)))
        assert date(*back) == day


@given(st.dates(min_value=date(1925, 1, 1), max_value=date(2100, 12, 30)))
def test_solar_hijri_days_follow_one_another(day):
    today, tomorrow = (as_tuple(to_calendar(d, "persian")) for d in (day, day + timedelta(1)))
    assert tomorrow in {
        (today[0], today[1], today[2] + 1),
        (today[0], today[1] + 1, 1),
        (today[0] + 1, 1, 1),
    }

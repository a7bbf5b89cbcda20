"""Dates in the calendars of the sources: Julian (Old Style), lunar Hijri and Solar Hijri.

The atlas keeps every date in the proleptic Gregorian calendar; this module says what the same
day was in the calendars its sources were written in, and which of them to show beside it.

* **Julian (Old Style)** for days up to 13 February 1918. The Sovnarkom decree of 24 January
  1918 (O.S.) made the day after 31 January 1918 the 14th of February, so 31 January O.S. =
  13 February 1918 is the last day Russia dated Old Style (Dekrety Sovetskoi vlasti, vol. 1,
  pp. 404-405). Russian documents before it are Old Style; the Julian year is counted from
  1 January, not from 1 September as in Russian documents before 1700.
* **Lunar Hijri** for days before 21 March 1925, the **Solar Hijri** from then. The Majlis law
  "on turning the zodiacal months into Persian months from Nowruz 1304" was passed on the night
  of 11 Farvardin 1304 (31 March 1925) and dates itself from Nowruz 1304 (1 Farvardin = 21 March
  1925), so that day is the first shown in Solar Hijri (text: Islamic Parliament Research
  Center, rc.majlis.ir/fa/law/show/91067). From 1911 the state's accounts already ran in solar
  years with zodiacal month names; the lunar calendar stayed the one of letters and chronicles.

The lunar Hijri date is the **tabular** (arithmetic) calendar, while Qajar documents were
dated by the crescent actually sighted, so a tabular date can differ from the one written in a
document by one day, rarely two (Turkmenchay: the text says 5 Sha'ban 1243, the tabular
calendar 6 Sha'ban; Gulistan: 29 Shawwal 1228 against 28). Day-precise Hijri dates are
therefore shown as approximate (see ``calendar_words``). ``geodata/CALENDARS.md`` sets out the
rules, the uncertainty and the sources for readers.

Conversions come from ``convertdate``: Julian and tabular Islamic (epoch 16 July 622 Julian,
leap years where ``(11 * year + 14) % 30 < 11``) straight from it; the Solar Hijri year starts
from its astronomical Nowruz (March equinox by VSOP87 at 52.5°E, via pymeeus), and the months
from the fixed lengths of the 1925 law (six of 31 days, five of 30, Esfand 29 or 30), which is
what ``convertdate.persian.from_jd`` computes for every day 700-2100 (a test checks each day).
The browser's ``static/js/core/calendars.js`` does the same arithmetic on the same Nowruz days.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Literal

from convertdate import islamic, julian, persian

Calendar = Literal["gregorian", "julian", "islamic", "persian"]
CALENDARS: tuple[Calendar, ...] = ("gregorian", "julian", "islamic", "persian")

JULIAN_LAST_DAY = date(1918, 2, 13)
SOLAR_HIJRI_FIRST_DAY = date(1925, 3, 21)

# convertdate counts in Julian dates at midnight: date(1, 1, 1) (ordinal 1) is 1721425.5.
_JD_OF_ORDINAL_ZERO = 1721424.5
# Day of the Solar Hijri year (0-based) on which each month starts, by the 1925 law.
_PERSIAN_MONTH_STARTS = (0, 31, 62, 93, 124, 155, 186, 216, 246, 276, 306, 336)
# Solar Hijri year = Gregorian year of its Nowruz minus this (1 Farvardin 1 = 19 March 622 J.).
_PERSIAN_YEAR_OFFSET = 621


@dataclass(frozen=True)
class CalendarDate:
    """A day as written in one of the calendars of the sources."""

    calendar: Calendar
    year: int
    month: int
    day: int


def to_calendar(day: date, calendar: Calendar) -> CalendarDate:
    """Return ``day`` (proleptic Gregorian) in ``calendar``.

    >>> to_calendar(date(1828, 2, 22), "julian")
    CalendarDate(calendar='julian', year=1828, month=2, day=10)
    """
    if calendar == "gregorian":
        year, month, number = day.year, day.month, day.day
    elif calendar == "julian":
        year, month, number = julian.from_jd(_julian_date(day))
    elif calendar == "islamic":
        year, month, number = islamic.from_jd(_julian_date(day))
    elif calendar == "persian":
        year, month, number = _to_persian(day)
    else:
        raise ValueError(f"unknown calendar {calendar!r}: use one of {', '.join(CALENDARS)}")
    return CalendarDate(calendar, int(year), int(month), int(number))


def calendars_beside(day: date) -> tuple[Calendar, ...]:
    """Return the calendars whose date to show beside ``day``: Julian, then a Hijri one."""
    hijri: Calendar = "persian" if day >= SOLAR_HIJRI_FIRST_DAY else "islamic"
    return ("julian", hijri) if day <= JULIAN_LAST_DAY else (hijri,)


@cache
def nowruz(gregorian_year: int) -> date:
    """Return 1 Farvardin of the Solar Hijri year that begins in ``gregorian_year``.

    Cached: each call into convertdate computes an equinox from the full VSOP87 series (a few
    milliseconds), and every day of a year needs the same one.
    """
    return date.fromordinal(int(persian.equinox_jd(gregorian_year)) - int(_JD_OF_ORDINAL_ZERO))


def _to_persian(day: date) -> tuple[int, int, int]:
    year = day.year if day >= nowruz(day.year) else day.year - 1
    day_of_year = (day - nowruz(year)).days
    month = bisect_right(_PERSIAN_MONTH_STARTS, day_of_year)
    return year - _PERSIAN_YEAR_OFFSET, month, day_of_year - _PERSIAN_MONTH_STARTS[month - 1] + 1


def _julian_date(day: date) -> float:
    return day.toordinal() + _JD_OF_ORDINAL_ZERO

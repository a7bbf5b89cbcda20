"""Dates of the atlas: partial ISO dates, inclusive spans and intervals.

Time follows OpenHistoricalMap's convention so the data can travel there: the proleptic
Gregorian calendar, ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, and a partial date covers its whole
period (``1813`` as a start means 1 January 1813, as an end 31 December 1813). Days are handled
as ``datetime.date`` (years 1–9999), whose ordinal numbers the browser uses too, so dates before
1970 and before 1000 need no epoch arithmetic anywhere.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from server.core.errors import InvalidDate
from server.core.formats import quote

_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", re.ASCII)
# RFC 3339 date-time as OGC API clients send it; it selects the UTC day it falls on.
_DATE_TIME = re.compile(
    r"(?P<day>\d{4}-\d{2}-\d{2})[Tt ](?P<hour>[01]\d|2[0-3]):(?P<minute>[0-5]\d):"
    r"(?P<second>[0-5]\d|60)(?:\.\d+)?(?:[Zz]|(?P<sign>[+-])(?P<oh>[01]\d|2[0-3]):(?P<om>[0-5]\d))",
    re.ASCII,
)
_OPEN = {"", ".."}

MONTHS = tuple(calendar.month_name)[1:]  # for error messages, always English
EARLIEST = date.min
LATEST = date.max


@dataclass(frozen=True)
class PartialDate:
    """A date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    def first_day(self) -> date:
        """Return the first day the date covers (1 January for a bare year)."""
        return date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> date:
        """Return the last day the date covers (31 December for a bare year)."""
        if self.day is not None:
            return self.first_day()
        month = self.month or 12
        return date(self.year, month, calendar.monthrange(self.year, month)[1])

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text


def parse_date(text: object) -> PartialDate:
    """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; raise ``InvalidDate`` saying what is wrong."""
    if not isinstance(text, str):
        raise InvalidDate(f"expected a date string like 1813-10-24, got {type(text).__name__}")
    match = _PARTIAL_DATE.fullmatch(text)
    if not match:
        raise InvalidDate(f"{quote(text)} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(part) if part else None for part in match.groups())
    if year == 0:
        raise InvalidDate(f"{text!r}: year 0000 does not exist; the first year is 0001")
    if month is not None and not 1 <= month <= 12:
        raise InvalidDate(f"{text!r}: month must be 01 to 12")
    if day is not None and not 1 <= day <= calendar.monthrange(year, month)[1]:
        raise InvalidDate(f"{text!r}: {MONTHS[month - 1]} {year} has no day {day}")
    return PartialDate(year, month, day)


def parse_day(text: object) -> date:
    """Parse a date as the first day it covers (a bare ``1813`` is 1 January 1813)."""
    return parse_date(text).first_day()


def parse_instant_or_interval(text: str) -> tuple[date, date]:
    """Parse an OGC API ``datetime`` into the inclusive span of days it selects.

    An instant (``1813-10-24``, ``1813``, an RFC 3339 date-time) covers its own days; an interval
    ``start/end`` may be open on either side (``..`` or empty), but not on both.
    """
    if "/" not in text:
        return _parse_instant(text)
    start_text, _, end_text = text.partition("/")
    if "/" in end_text:
        raise InvalidDate("an interval has exactly one '/': start/end")
    if start_text in _OPEN and end_text in _OPEN:
        raise InvalidDate("an interval must be bounded on at least one side")
    start = EARLIEST if start_text in _OPEN else _parse_instant(start_text)[0]
    end = LATEST if end_text in _OPEN else _parse_instant(end_text)[1]
    if end < start:
        raise InvalidDate(f"interval {quote(text)} ends before it starts")
    return start, end


def _parse_instant(text: str) -> tuple[date, date]:
    match = _DATE_TIME.fullmatch(text)
    if match:
        day = utc_day(match)
        return day, day
    partial = parse_date(text)
    return partial.first_day(), partial.last_day()


def utc_day(match: re.Match[str]) -> date:
    """Return the UTC day of a matched RFC 3339 date-time (``23:30-05:00`` is the next day).

    The data's days are calendar days with no time zone; a date-time with an offset names an
    instant, and the instant's day in UTC is the day the atlas compares (a leap second counts
    as the last second of its minute).
    """
    day = parse_date(match["day"]).first_day()
    clock = time(int(match["hour"]), int(match["minute"]), min(int(match["second"]), 59))
    if not match["sign"]:
        return day
    offset = timedelta(hours=int(match["oh"]), minutes=int(match["om"]))
    try:
        instant = datetime.combine(day, clock) - (offset if match["sign"] == "+" else -offset)
    except OverflowError:
        raise InvalidDate(
            f"{quote(match[0])} falls outside the years 0001 to 9999 in UTC"
        ) from None
    return instant.date()


def span_of(start: str | None, end: str | None) -> tuple[date, date]:
    """Return the inclusive days a feature holds; a missing start or end is open."""
    first = parse_date(start).first_day() if start else EARLIEST
    last = parse_date(end).last_day() if end else LATEST
    return first, last


def in_english(day: date) -> str:
    """Say a day in English for data errors (``24 October 1813``); pages use ``i18n.in_words``."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"

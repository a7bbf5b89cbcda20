"""Dates in words in the calendars of the sources, in English, Persian and Russian.

``with_equivalents("1828-02-22", "ru")`` gives "22 февраля 1828 г. · 10 февраля 1828 г.
(ст. ст.) · ≈6 шабана 1243 г. х.": the Gregorian date the atlas keeps, then the dates its
sources wrote (which ones: ``calendars.calendars_beside``). The browser says the same through
``static/js/core/calendars.js``, which carries the same words (a test compares the two).

A date known only to the month or the year covers a period, and its equivalent is the span of
that period in the other calendar, never a false day: "February 1828" is "Rajab–Sha'ban 1243
AH", "1828" is "1243–1244 AH". The Julian year is left out of a year-only date: the two
calendars number their years alike, and an equivalent that differs only in the last days of
December would add noise, not information. The calendar of the period's first day decides which
equivalents apply. A day-precise lunar Hijri date carries "≈": it is the tabular date, which
can differ by a day or two from the one a Qajar document wrote (see ``calendars``).
"""

from __future__ import annotations

from datetime import date

from server.core.calendars import Calendar, CalendarDate, calendars_beside, to_calendar
from server.core.dates import PartialDate, parse_date

Names = tuple[str, ...]
SEPARATOR = " · "
APPROXIMATELY = "≈"

# Month names as said alone, and (Russian) after a day number: "февраль", "10 февраля".
EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")  # fmt: skip
EN_ISLAMIC = ("Muharram", "Safar", "Rabi' al-awwal", "Rabi' al-thani", "Jumada al-ula",
              "Jumada al-akhira", "Rajab", "Sha'ban", "Ramadan", "Shawwal", "Dhu al-Qa'da",
              "Dhu al-Hijja")  # fmt: skip
EN_PERSIAN = ("Farvardin", "Ordibehesht", "Khordad", "Tir", "Mordad", "Shahrivar", "Mehr",
              "Aban", "Azar", "Dey", "Bahman", "Esfand")  # fmt: skip
FA_MONTHS = ("ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن", "ژوئیه", "اوت", "سپتامبر",
             "اکتبر", "نوامبر", "دسامبر")  # fmt: skip
FA_ISLAMIC = ("محرم", "صفر", "ربیع\u200cالاول", "ربیع\u200cالثانی", "جمادی\u200cالاول",
              "جمادی\u200cالثانی", "رجب", "شعبان", "رمضان", "شوال", "ذی\u200cالقعده",
              "ذی\u200cالحجه")  # fmt: skip
FA_PERSIAN = ("فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر",
              "دی", "بهمن", "اسفند")  # fmt: skip
RU_MONTHS = ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
             "сентябрь", "октябрь", "ноябрь", "декабрь")  # fmt: skip
RU_MONTHS_OF = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
                "сентября", "октября", "ноября", "декабря")  # fmt: skip
RU_ISLAMIC = ("мухаррам", "сафар", "раби аль-авваль", "раби ас-сани", "джумада аль-уля",
              "джумада ас-сани", "раджаб", "шабан", "рамадан", "шавваль", "зуль-када",
              "зуль-хиджа")  # fmt: skip
RU_ISLAMIC_OF = ("мухаррама", "сафара", "раби аль-авваля", "раби ас-сани", "джумада аль-уля",
                 "джумада ас-сани", "раджаба", "шабана", "рамадана", "шавваля", "зуль-када",
                 "зуль-хиджа")  # fmt: skip
RU_PERSIAN = ("фарвардин", "ордибехешт", "хордад", "тир", "мордад", "шахривар", "мехр", "абан",
              "азар", "дей", "бахман", "эсфанд")  # fmt: skip
RU_PERSIAN_OF = ("фарвардина", "ордибехешта", "хордада", "тира", "мордада", "шахривара", "мехра",
                 "абана", "азара", "дея", "бахмана", "эсфанда")  # fmt: skip


def _words(months: Names, months_of: Names, era: str, eras: str = "") -> dict[str, Names | str]:
    return {"months": months, "months_of": months_of, "era": era, "eras": eras or era}


# Per language and calendar: month names and the era, after one year and after a range.
WORDS = {
    "en": {
        "gregorian": _words(EN_MONTHS, EN_MONTHS, ""),
        "julian": _words(EN_MONTHS, EN_MONTHS, "O.S."),
        "islamic": _words(EN_ISLAMIC, EN_ISLAMIC, "AH"),
        "persian": _words(EN_PERSIAN, EN_PERSIAN, "SH"),
    },
    "fa": {
        "gregorian": _words(FA_MONTHS, FA_MONTHS, ""),
        "julian": _words(FA_MONTHS, FA_MONTHS, "ژولینی"),
        "islamic": _words(FA_ISLAMIC, FA_ISLAMIC, "ه.ق."),
        "persian": _words(FA_PERSIAN, FA_PERSIAN, "ه.ش."),
    },
    "ru": {
        "gregorian": _words(RU_MONTHS, RU_MONTHS_OF, "г.", "гг."),
        "julian": _words(RU_MONTHS, RU_MONTHS_OF, "г. (ст. ст.)", "гг. (ст. ст.)"),
        "islamic": _words(RU_ISLAMIC, RU_ISLAMIC_OF, "г. х.", "гг. х."),
        "persian": _words(RU_PERSIAN, RU_PERSIAN_OF, "г. с. х.", "гг. с. х."),
    },
}
DIGITS = {"en": "0123456789", "fa": "۰۱۲۳۴۵۶۷۸۹", "ru": "0123456789"}
_IN_DIGITS = {lang: str.maketrans("0123456789", digits) for lang, digits in DIGITS.items()}


def in_words(value: date | PartialDate | str, calendar: Calendar, lang: str = "en") -> str | None:
    """Say ``value`` (a Gregorian date, maybe partial) as a date of ``calendar`` in ``lang``.

    Returns None where nothing true and useful can be said: the Julian year of a year-only date.

    >>> in_words("1828-02-22", "julian", "ru")
    '10 февраля 1828 г. (ст. ст.)'
    """
    if lang not in WORDS:
        raise ValueError(f"language {lang!r} is not offered; use one of {', '.join(WORDS)}")
    period = _period(value)
    if calendar == "julian" and period.month is None:
        return None
    first, last = (to_calendar(day, calendar) for day in (period.first_day(), period.last_day()))
    words = WORDS[lang][calendar]
    if period.day is not None:
        text = _day_text(first, words)
    elif period.month is not None:
        text = _months_text(first, last, words)
    else:
        text = _years_text(first, last, words)
    return text.translate(_IN_DIGITS[lang])


def equivalents(value: date | PartialDate | str, lang: str = "en") -> list[str]:
    """Say ``value`` in each calendar shown beside it; a Persian reader gets the Hijri first."""
    period = _period(value)
    shown = list(calendars_beside(period.first_day()))
    if lang == "fa":
        shown.reverse()
    texts = (in_words(period, calendar, lang) for calendar in shown)
    return [text for text in texts if text]


def with_equivalents(value: date | PartialDate | str, lang: str = "en") -> str:
    """Say ``value`` in the Gregorian calendar followed by its equivalents.

    >>> with_equivalents("1828", "en")
    '1828 · 1243–1244 AH'
    """
    return SEPARATOR.join([in_words(value, "gregorian", lang) or "", *equivalents(value, lang)])


def _period(value: date | PartialDate | str) -> PartialDate:
    if isinstance(value, str):
        return parse_date(value)
    if isinstance(value, date):
        return PartialDate(value.year, value.month, value.day)
    return value


def _day_text(day: CalendarDate, words: dict) -> str:
    text = _with_era(f"{day.day} {words['months_of'][day.month - 1]} {day.year}", words["era"])
    return APPROXIMATELY + text if day.calendar == "islamic" else text


def _months_text(first: CalendarDate, last: CalendarDate, words: dict) -> str:
    first_month, last_month = words["months"][first.month - 1], words["months"][last.month - 1]
    if first.year != last.year:
        return _with_era(f"{first_month} {first.year} – {last_month} {last.year}", words["eras"])
    if first.month == last.month:
        return _with_era(f"{first_month} {first.year}", words["era"])
    return _with_era(f"{first_month}–{last_month} {first.year}", words["era"])


def _years_text(first: CalendarDate, last: CalendarDate, words: dict) -> str:
    if first.year == last.year:
        return _with_era(str(first.year), words["era"])
    return _with_era(f"{first.year}–{last.year}", words["eras"])


def _with_era(text: str, era: str) -> str:
    return f"{text} {era}" if era else text

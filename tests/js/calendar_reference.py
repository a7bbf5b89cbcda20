#!/usr/bin/env python3
"""Write convertdate's answer for every day 700-2100, for the browser's calendar test.

The browser converts dates itself (the static build has no server), so ``static/js/core/
calendars.js`` must agree with the Python library day by day. This writes what to agree with,
at test time rather than as a committed file of half a million days::

    python tests/js/calendar_reference.py OUT_DIR     # days.bin, reference.json (~9 MB, ~10 s)
    python tests/js/calendar_reference.py OUT_DIR --keep DIR   # reuse convertdate's answers
    python tests/js/calendar_reference.py --nowruz    # the NOWRUZ lines of calendars.js

``days.bin`` holds, for each day from 1 January 700 to 31 December 2100, its Julian, lunar Hijri
and Solar Hijri dates as convertdate's ``from_jd`` gives them, packed as ``year << 9 | month << 5
| day`` in native-endian int32 (3 per day). ``reference.json`` holds the range, the day of March
of Nowruz for 699-2100 (the table calendars.js carries), the server's words for a sample of
dates in three languages, and the equinoxes convertdate computed.

``convertdate.persian.from_jd`` computes two or three March equinoxes from the full VSOP87
series for every day it converts; the equinox of a year never changes, so while the days are
converted it is memoized (the rest of ``from_jd`` runs as written). The 1,402 equinoxes and
the 1.5 million conversions are nearly all of the run (~9 s of ~10); ``--keep DIR`` keeps them
between runs, in files named after the convertdate and pymeeus versions that computed them
(and, for the days, this file's own hash). The server's words are written afresh every time.
Needs the project installed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
from array import array
from datetime import date
from importlib.metadata import version
from pathlib import Path
from unittest import mock

from convertdate import islamic, julian, persian

from server.core import calendar_words
from server.core.calendars import CALENDARS

FIRST_DAY = date(700, 1, 1)
LAST_DAY = date(2100, 12, 31)
NOWRUZ_YEARS = range(FIRST_DAY.year - 1, LAST_DAY.year + 1)  # Nowruz 699 starts 1 January 700
LANGUAGES = ("en", "fa", "ru")
JD_OF_ORDINAL_ZERO = 1721424.5
LIBRARIES = f"convertdate-{version('convertdate')}-pymeeus-{version('pymeeus')}"


class Equinoxes(dict):
    """convertdate's March equinox (as a Julian day) by Gregorian year, each computed once."""

    compute = staticmethod(persian.equinox_jd)

    def __missing__(self, year: int) -> float:
        self[year] = self.compute(year)
        return self[year]


def pack(year: int, month: int, day: int) -> int:
    """Pack a date into one int32 (the test unpacks it the same way)."""
    return int(year) << 9 | int(month) << 5 | int(day)


def day_table(first: date, last: date) -> array:
    """Return convertdate's Julian, Islamic and Persian date of each day, packed, 3 per day.

    Call it with ``persian.equinox_jd`` memoized (``write_reference`` does), or wait minutes.
    """
    packed = array("i")
    for ordinal in range(first.toordinal(), last.toordinal() + 1):
        jd = ordinal + JD_OF_ORDINAL_ZERO
        for convert in (julian.from_jd, islamic.from_jd, persian.from_jd):
            packed.append(pack(*convert(jd)))
    return packed


def nowruz_digits(years: range) -> str:
    """Return Nowruz's day of March minus 20 for each year, as convertdate computes it."""
    digits = []
    for year in years:
        nowruz = date.fromordinal(int(persian.equinox_jd(year)) - int(JD_OF_ORDINAL_ZERO))
        if nowruz.month != 3 or not 20 <= nowruz.day <= 22:
            raise ValueError(f"Nowruz {year} falls on {nowruz}, outside 20-22 March")
        digits.append(str(nowruz.day - 20))
    return "".join(digits)


def sample_values(first: date, last: date) -> list[str]:
    """Return dates at each precision, spread over the range (every 211th day, and so on)."""
    days = [
        date.fromordinal(ordinal).isoformat()
        for ordinal in range(first.toordinal(), last.toordinal() + 1, 211)
    ]
    months = [f"{m // 12:04d}-{m % 12 + 1:02d}" for m in range(first.year * 12, last.year * 12, 23)]
    years = [f"{year:04d}" for year in range(first.year, last.year + 1, 5)]
    cutoffs = ["1918-02-13", "1918-02-14", "1918-02", "1918", "1925-03-20", "1925-03-21", "1925"]
    return days + months + years + cutoffs


def words_table(values: list[str]) -> list[list]:
    """Return, per value and language, the server's words: with equivalents, then per calendar."""
    return [
        [value, lang, calendar_words.with_equivalents(value, lang)]
        + [calendar_words.in_words(value, calendar, lang) for calendar in CALENDARS]
        for value in values
        for lang in LANGUAGES
    ]


def write_reference(out: Path, keep: Path | None = None) -> None:
    """Write days.bin and reference.json into ``out``.

    With ``keep`` (a folder), reuse the equinoxes and days convertdate gave last time for the
    same convertdate and pymeeus versions (the days also only while this file is unchanged).
    """
    out.mkdir(parents=True, exist_ok=True)
    known = Equinoxes()
    kept_equinoxes = keep / f"equinoxes-{LIBRARIES}.json" if keep else None
    if kept_equinoxes and kept_equinoxes.exists():
        known.update((int(year), jd) for year, jd in json.loads(kept_equinoxes.read_text()).items())
    with mock.patch.object(persian, "equinox_jd", known.__getitem__):  # also for the words
        _write_days(out / "days.bin", keep)
        _write_reference(out, known)
    if kept_equinoxes:
        kept_equinoxes.write_text(json.dumps(known))


def _write_days(path: Path, keep: Path | None) -> None:
    recipe = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]
    kept = keep / f"days-{LIBRARIES}-{recipe}.bin" if keep else None
    if kept and kept.exists():
        shutil.copyfile(kept, path)
        return
    with path.open("wb") as stream:
        day_table(FIRST_DAY, LAST_DAY).tofile(stream)
    if kept:
        for stale in keep.glob("days-*.bin"):
            stale.unlink()
        shutil.copyfile(path, kept)


def _write_reference(out: Path, equinoxes: Equinoxes) -> None:
    reference = {
        "first_ordinal": FIRST_DAY.toordinal(),
        "last_ordinal": LAST_DAY.toordinal(),
        "calendars": ["julian", "islamic", "persian"],
        "nowruz": {"first_year": NOWRUZ_YEARS.start, "digits": nowruz_digits(NOWRUZ_YEARS)},
        "word_calendars": list(CALENDARS),
        "words": words_table(sample_values(FIRST_DAY, LAST_DAY)),
        "equinoxes": dict(sorted(equinoxes.items())),
    }
    (out / "reference.json").write_text(json.dumps(reference, ensure_ascii=False), "utf-8")


def nowruz_lines() -> str:
    """Return the NOWRUZ table as calendars.js writes it: one century a line."""
    digits = dict(zip(NOWRUZ_YEARS, nowruz_digits(NOWRUZ_YEARS), strict=True))
    centuries = sorted({year // 100 for year in digits})
    return "\n".join(
        f'    "{"".join(d for year, d in digits.items() if year // 100 == century)}",'
        f"  // {max(century * 100, NOWRUZ_YEARS.start)}"
        for century in centuries
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, help="folder for days.bin, reference.json")
    parser.add_argument("--keep", type=Path, help="folder to keep convertdate's answers in")
    parser.add_argument("--nowruz", action="store_true", help="print the NOWRUZ table lines")
    args = parser.parse_args(argv)
    if args.nowruz:
        with mock.patch.object(persian, "equinox_jd", Equinoxes().__getitem__):
            print(nowruz_lines())
    elif args.out:
        write_reference(args.out, args.keep)
    else:
        parser.error("give an output folder, or --nowruz")
    return 0


if __name__ == "__main__":
    sys.exit(main())

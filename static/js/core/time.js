/* Dates of the atlas in the browser: partial ISO dates, day ordinals, dates in words.
 * Words come in the page's language, from the calendar Atlas.i18n holds.
 *
 * A day is its proleptic Gregorian ordinal, the same number Python's date.toordinal() gives
 * (1 January of year 1 is day 1), so years before 1970 and before 1000 need no JS Date at all:
 * JS Date and epoch milliseconds are where other time sliders break on historical dates.
 */
(function (Atlas) {
  "use strict";

  var MONTHS =
    "January February March April May June July August September October November December".split(
      " ",
    );
  var ORDINAL_OF_1970 = 719163; // date(1970, 1, 1).toordinal()
  var PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

  function floorDiv(a, b) {
    return Math.floor(a / b);
  }

  // Howard Hinnant's days_from_civil, shifted to Python's ordinals.
  function toOrdinal(year, month, day) {
    var y = month <= 2 ? year - 1 : year;
    var era = floorDiv(y, 400);
    var yoe = y - era * 400;
    var doy = floorDiv(153 * (month + (month > 2 ? -3 : 9)) + 2, 5) + day - 1;
    var doe = yoe * 365 + floorDiv(yoe, 4) - floorDiv(yoe, 100) + doy;
    return era * 146097 + doe - 719468 + ORDINAL_OF_1970;
  }

  function fromOrdinal(ordinal) {
    var z = ordinal - ORDINAL_OF_1970 + 719468;
    var era = floorDiv(z, 146097);
    var doe = z - era * 146097;
    var yoe = floorDiv(
      doe - floorDiv(doe, 1460) + floorDiv(doe, 36524) - floorDiv(doe, 146096),
      365,
    );
    var doy = doe - (365 * yoe + floorDiv(yoe, 4) - floorDiv(yoe, 100));
    var mp = floorDiv(5 * doy + 2, 153);
    var month = mp + (mp < 10 ? 3 : -9);
    return {
      year: yoe + era * 400 + (month <= 2 ? 1 : 0),
      month: month,
      day: doy - floorDiv(153 * mp + 2, 5) + 1,
    };
  }

  function daysInMonth(year, month) {
    return month === 12 ? 31 : toOrdinal(year, month + 1, 1) - toOrdinal(year, month, 1);
  }

  function parse(text) {
    var match = typeof text === "string" ? PARTIAL.exec(text) : null;
    if (!match) {
      return null;
    }
    var parts = {
      year: +match[1],
      month: match[2] ? +match[2] : null,
      day: match[3] ? +match[3] : null,
    };
    if (parts.year < 1 || (parts.month !== null && (parts.month < 1 || parts.month > 12))) {
      return null;
    }
    if (parts.day !== null && (parts.day < 1 || parts.day > daysInMonth(parts.year, parts.month))) {
      return null;
    }
    return parts;
  }

  // The first and last day a partial date covers (OpenHistoricalMap's convention).
  function firstDay(text) {
    var p = parse(text);
    return p ? toOrdinal(p.year, p.month || 1, p.day || 1) : -Infinity;
  }

  function lastDay(text) {
    var p = parse(text);
    if (!p) {
      return Infinity;
    }
    if (p.day !== null) {
      return toOrdinal(p.year, p.month, p.day);
    }
    var month = p.month || 12;
    return toOrdinal(p.year, month, daysInMonth(p.year, month));
  }

  function pad(number, width) {
    var text = String(number);
    while (text.length < width) {
      text = "0" + text;
    }
    return text;
  }

  function toIso(ordinal) {
    var d = fromOrdinal(ordinal);
    return pad(d.year, 4) + "-" + pad(d.month, 2) + "-" + pad(d.day, 2);
  }

  var ENGLISH = {
    months: MONTHS,
    months_of: MONTHS,
    digits: "0123456789",
    day_month_year: "{day} {month_of} {year}",
    month_year: "{month} {year}",
    year: "{year}",
  };

  // In the page's language (Atlas.i18n's calendar): "24 October 1813", "24 октября 1813 г.".
  function inWords(value) {
    var p = typeof value === "number" ? fromOrdinal(value) : parse(value);
    if (!p) {
      return String(value);
    }
    var cal = Atlas.i18n.calendar() || ENGLISH;
    var pattern = p.day ? cal.day_month_year : p.month ? cal.month_year : cal.year;
    var month = p.month ? p.month - 1 : 0;
    var words = pattern
      .replace("{day}", p.day)
      .replace("{year}", p.year)
      .replace("{month_of}", cal.months_of[month])
      .replace("{month}", cal.months[month]);
    return localDigits(words);
  }

  // Digits in the page's script: Persian pages write ۱۸۲۸, not 1828.
  function localDigits(text) {
    var digits = (Atlas.i18n.calendar() || ENGLISH).digits;
    return String(text).replace(/[0-9]/g, function (digit) {
      return digits.charAt(+digit);
    });
  }

  function spanInWords(start, end) {
    var t = Atlas.i18n.t;
    if (start && end) {
      return t("span_range", { start: inWords(start), end: inWords(end) });
    }
    if (start) {
      return t("span_since", { start: inWords(start) });
    }
    if (end) {
      return t("span_until", { end: inWords(end) });
    }
    return t("span_always");
  }

  // Move by whole years, keeping month and day (29 February falls back to the 28th).
  function addYears(ordinal, years) {
    var d = fromOrdinal(ordinal);
    var year = Math.max(1, Math.min(9999, d.year + years));
    return toOrdinal(year, d.month, Math.min(d.day, daysInMonth(year, d.month)));
  }

  Atlas.time = {
    toOrdinal: toOrdinal,
    fromOrdinal: fromOrdinal,
    parse: parse,
    firstDay: firstDay,
    lastDay: lastDay,
    toIso: toIso,
    inWords: inWords,
    localDigits: localDigits,
    spanInWords: spanInWords,
    addYears: addYears,
  };
})(window.Atlas);

/* Dates in the calendars of the sources, in the browser: Julian (Old Style), lunar Hijri and
 * Solar Hijri beside the Gregorian date, in words in English, Persian and Russian.
 *
 * The twin of server/core/calendars.py and calendar_words.py, for pages with no server (the
 * static build): the same arithmetic, the same words, the same rules, and
 * tests/js/calendars.test.mjs checks every day 700-2100 against the Python library.
 *
 * - Julian up to 13 February 1918 (31 January O.S., Russia's last Old Style day); the lunar
 *   Hijri before 21 March 1925 (Nowruz 1304, from which the Majlis law of 11 Farvardin 1304
 *   counts the Solar Hijri year), the Solar Hijri from then. geodata/CALENDARS.md says why.
 * - Lunar Hijri dates are the tabular calendar convertdate uses (1 Muharram 1 = 16 July 622
 *   Julian, leap years where (11 y + 14) mod 30 < 11); Qajar documents followed the sighted
 *   crescent, a day or two apart, so a day is shown as approximate ("≈6 Sha'ban 1243 AH").
 * - Solar Hijri years start on convertdate's astronomical Nowruz (the March equinox from the full
 *   VSOP87 series at 52.5°E). Porting VSOP87 would cost ~150 kB; NOWRUZ below is convertdate's
 *   own answer for each year the atlas needs. The months follow the 1925 law: six of 31 days,
 *   five of 30, Esfand 29 or 30.
 *
 * Days are counted as elsewhere in the atlas: a proleptic Gregorian ordinal (Python's
 * date.toordinal(), 1 January of year 1 is day 1), or a partial ISO date ("1828", "1828-02",
 * "1828-02-22"), which covers its whole month or year and is said at that precision.
 */
(function (Atlas) {
  "use strict";

  var JDN_OF_ORDINAL_ZERO = 1721425; // Julian Day Number of date.fromordinal(1) minus one
  var ISLAMIC_EPOCH = 1948440; // JDN of 1 Muharram 1 AH (16 July 622 Julian)
  var PERSIAN_YEAR_OFFSET = 621; // Solar Hijri year = Gregorian year of its Nowruz - 621
  var JULIAN_LAST_DAY = "1918-02-13";
  var SOLAR_HIJRI_FIRST_DAY = "1925-03-21";
  var APPROXIMATELY = "≈";
  var SEPARATOR = " · ";
  var PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

  // Nowruz (1 Farvardin) of each Gregorian year 699-2100 as its day of March minus 20, as
  // convertdate computes it; one century a line. Regenerate with
  // `python tests/js/calendar_reference.py --nowruz`; the test checks every digit.
  var NOWRUZ_FIRST_YEAR = 699;
  var NOWRUZ = [
    "1", // 699
    "1222122212221222122212221122112211221122112211221122112211121112111211121112111211121111111111111111", // 700
    "1111111111111111111101110111011101110111011101110111001100110011001100110011001100110001000100010001", // 800
    "1112111211121112111111111111111111111111111111111111011101110111011101110111011101110011001100110011", // 900
    "1122112211221122111211121112111211121112111211111111111111111111111111111111111101110111011101110111", // 1000
    "1222122212221122112211221122112211221122112211121112111211121112111211121112111111111111111111111111", // 1100
    "1111111111110111011101110111011101110111011100110011001100110011001100110011000100010001000100010001", // 1200
    "1112111111111111111111111111111111111111011101110111011101110111011101110111001100110011001100110011", // 1300
    "1122112211121112111211121112111211121111111111111111111111111111111111110111011101110111011101110111", // 1400
    "1222112211221122112211221122112211221112111211121112111211121112111211111111111111111111111111111111", // 1500
    "1111011101110111011101110111011101110011001100110011001100110011001100010001000100010001000100010001", // 1600
    "1111111111111111111111111111111101110111011101110111011101110111001100110011001100110011001100110011", // 1700
    "1112111211121112111211121112111111111111111111111111111111111111111101110111111111110111111111110111", // 1800
    "1122112211221122112211221122111211121112111211121112111211121111111111111111111111111111111111110111", // 1900
    "0111011101110111011101110111001100110011001100110011001100110001000100010001000100010001000100000000", // 2000
    "1", // 2100
  ].join("");

  var EN_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ];
  var FA_MONTHS = [
    "ژانویه",
    "فوریه",
    "مارس",
    "آوریل",
    "مه",
    "ژوئن",
    "ژوئیه",
    "اوت",
    "سپتامبر",
    "اکتبر",
    "نوامبر",
    "دسامبر",
  ];
  var RU_MONTHS = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
  ];
  var RU_MONTHS_OF = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
  ];
  var EN_ISLAMIC = [
    "Muharram",
    "Safar",
    "Rabi' al-awwal",
    "Rabi' al-thani",
    "Jumada al-ula",
    "Jumada al-akhira",
    "Rajab",
    "Sha'ban",
    "Ramadan",
    "Shawwal",
    "Dhu al-Qa'da",
    "Dhu al-Hijja",
  ];
  var FA_ISLAMIC = [
    "محرم",
    "صفر",
    "ربیع\u200cالاول",
    "ربیع\u200cالثانی",
    "جمادی\u200cالاول",
    "جمادی\u200cالثانی",
    "رجب",
    "شعبان",
    "رمضان",
    "شوال",
    "ذی\u200cالقعده",
    "ذی\u200cالحجه",
  ];
  var RU_ISLAMIC = [
    "мухаррам",
    "сафар",
    "раби аль-авваль",
    "раби ас-сани",
    "джумада аль-уля",
    "джумада ас-сани",
    "раджаб",
    "шабан",
    "рамадан",
    "шавваль",
    "зуль-када",
    "зуль-хиджа",
  ];
  var RU_ISLAMIC_OF = [
    "мухаррама",
    "сафара",
    "раби аль-авваля",
    "раби ас-сани",
    "джумада аль-уля",
    "джумада ас-сани",
    "раджаба",
    "шабана",
    "рамадана",
    "шавваля",
    "зуль-када",
    "зуль-хиджа",
  ];
  var EN_PERSIAN = [
    "Farvardin",
    "Ordibehesht",
    "Khordad",
    "Tir",
    "Mordad",
    "Shahrivar",
    "Mehr",
    "Aban",
    "Azar",
    "Dey",
    "Bahman",
    "Esfand",
  ];
  var FA_PERSIAN = [
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
  ];
  var RU_PERSIAN = [
    "фарвардин",
    "ордибехешт",
    "хордад",
    "тир",
    "мордад",
    "шахривар",
    "мехр",
    "абан",
    "азар",
    "дей",
    "бахман",
    "эсфанд",
  ];
  var RU_PERSIAN_OF = [
    "фарвардина",
    "ордибехешта",
    "хордада",
    "тира",
    "мордада",
    "шахривара",
    "мехра",
    "абана",
    "азара",
    "дея",
    "бахмана",
    "эсфанда",
  ];

  function words(months, monthsOf, era, eras) {
    return { months: months, monthsOf: monthsOf, era: era, eras: eras || era };
  }

  // Per language and calendar: month names (alone, after a day) and the era (one year, a range).
  var WORDS = {
    en: {
      gregorian: words(EN_MONTHS, EN_MONTHS, ""),
      julian: words(EN_MONTHS, EN_MONTHS, "O.S."),
      islamic: words(EN_ISLAMIC, EN_ISLAMIC, "AH"),
      persian: words(EN_PERSIAN, EN_PERSIAN, "SH"),
    },
    fa: {
      gregorian: words(FA_MONTHS, FA_MONTHS, ""),
      julian: words(FA_MONTHS, FA_MONTHS, "ژولینی"),
      islamic: words(FA_ISLAMIC, FA_ISLAMIC, "ه.ق."),
      persian: words(FA_PERSIAN, FA_PERSIAN, "ه.ش."),
    },
    ru: {
      gregorian: words(RU_MONTHS, RU_MONTHS_OF, "г.", "гг."),
      julian: words(RU_MONTHS, RU_MONTHS_OF, "г. (ст. ст.)", "гг. (ст. ст.)"),
      islamic: words(RU_ISLAMIC, RU_ISLAMIC_OF, "г. х.", "гг. х."),
      persian: words(RU_PERSIAN, RU_PERSIAN_OF, "г. с. х.", "гг. с. х."),
    },
  };
  var DIGITS = { en: "0123456789", fa: "۰۱۲۳۴۵۶۷۸۹", ru: "0123456789" };

  function floorDiv(a, b) {
    return Math.floor(a / b);
  }

  // table[key] if the table itself has it (never Object.prototype's "toString" and the like).
  function own(table, key) {
    return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : null;
  }

  // Day numbers <-> calendar dates, by Julian Day Number (Richards' algorithms).
  function jdnOfGregorian(year, month, day) {
    var a = floorDiv(14 - month, 12);
    var y = year + 4800 - a;
    var m = month + 12 * a - 3;
    return (
      day +
      floorDiv(153 * m + 2, 5) +
      365 * y +
      floorDiv(y, 4) -
      floorDiv(y, 100) +
      floorDiv(y, 400) -
      32045
    );
  }

  // The date of a day counted from 1 March 4801 BC (Gregorian: shifted by whole centuries).
  function fromMarchDays(c, centuries) {
    var d = floorDiv(4 * c + 3, 1461);
    var e = c - floorDiv(1461 * d, 4);
    var m = floorDiv(5 * e + 2, 153);
    return {
      year: 100 * centuries + d - 4800 + floorDiv(m, 10),
      month: m + 3 - 12 * floorDiv(m, 10),
      day: e - floorDiv(153 * m + 2, 5) + 1,
    };
  }

  function gregorian(jdn) {
    var a = jdn + 32044;
    var centuries = floorDiv(4 * a + 3, 146097);
    return fromMarchDays(a - floorDiv(146097 * centuries, 4), centuries);
  }

  function julian(jdn) {
    return fromMarchDays(jdn + 32082, 0);
  }

  // Tabular Islamic, as convertdate.islamic computes it.
  function islamicMonthStart(year, month) {
    return (
      Math.ceil(29.5 * (month - 1)) + (year - 1) * 354 + floorDiv(3 + 11 * year, 30) + ISLAMIC_EPOCH
    );
  }

  function islamic(jdn) {
    var year = floorDiv(30 * (jdn - ISLAMIC_EPOCH) + 10646, 10631);
    var month = Math.min(12, Math.ceil((jdn - 29 - islamicMonthStart(year, 1)) / 29.5) + 1);
    return { year: year, month: month, day: jdn - islamicMonthStart(year, month) + 1 };
  }

  // Solar Hijri: from the Nowruz of the year, months of 31 (six), 30 (five), 29 or 30 days.
  function nowruz(gregorianYear) {
    var digit = NOWRUZ.charAt(gregorianYear - NOWRUZ_FIRST_YEAR);
    return digit ? jdnOfGregorian(gregorianYear, 3, 20 + Number(digit)) : null;
  }

  function persian(jdn) {
    var year = gregorian(jdn).year,
      start = nowruz(year);
    if (start !== null && jdn < start) {
      year -= 1;
      start = nowruz(year);
    }
    if (start === null || jdn < start) {
      return null;
    }
    var dayOfYear = jdn - start;
    var month = dayOfYear < 186 ? floorDiv(dayOfYear, 31) + 1 : floorDiv(dayOfYear - 186, 30) + 7;
    var monthStart = month <= 7 ? (month - 1) * 31 : 186 + (month - 7) * 30;
    return { year: year - PERSIAN_YEAR_OFFSET, month: month, day: dayOfYear - monthStart + 1 };
  }

  var CONVERT = { gregorian: gregorian, julian: julian, islamic: islamic, persian: persian };

  // A day ordinal or a partial ISO date -> the days it covers and its precision (null if bad).
  function period(value) {
    if (typeof value === "number") {
      var jdn = value + JDN_OF_ORDINAL_ZERO;
      return value >= 1 && value % 1 === 0 ? { first: jdn, last: jdn, precision: "day" } : null;
    }
    var match = typeof value === "string" ? PARTIAL.exec(value) : null;
    if (!match || +match[1] < 1) {
      return null;
    }
    var year = +match[1],
      month = match[2] ? +match[2] : null,
      day = match[3] ? +match[3] : null;
    if (month !== null && (month < 1 || month > 12)) {
      return null;
    }
    if (day !== null) {
      var first = jdnOfGregorian(year, month, day);
      return gregorian(first).day === day ? { first: first, last: first, precision: "day" } : null;
    }
    if (month !== null) {
      var next = month === 12 ? jdnOfGregorian(year + 1, 1, 1) : jdnOfGregorian(year, month + 1, 1);
      return { first: jdnOfGregorian(year, month, 1), last: next - 1, precision: "month" };
    }
    var newYear = jdnOfGregorian(year, 1, 1);
    return { first: newYear, last: jdnOfGregorian(year + 1, 1, 1) - 1, precision: "year" };
  }

  var JULIAN_LAST_JDN = period(JULIAN_LAST_DAY).first;
  var SOLAR_HIJRI_FIRST_JDN = period(SOLAR_HIJRI_FIRST_DAY).first;

  // A day ordinal in a calendar: {calendar, year, month, day}, or null.
  function toCalendar(ordinal, calendar) {
    var p = typeof ordinal === "number" ? period(ordinal) : null;
    var convert = own(CONVERT, calendar);
    var date = p && convert ? convert(p.first) : null;
    return date ? { calendar: calendar, year: date.year, month: date.month, day: date.day } : null;
  }

  function calendarsBeside(jdn) {
    var hijri = jdn >= SOLAR_HIJRI_FIRST_JDN ? "persian" : "islamic";
    return jdn <= JULIAN_LAST_JDN ? ["julian", hijri] : [hijri];
  }

  function withEra(text, era) {
    return era ? text + " " + era : text;
  }

  function dayText(date, calendar, w) {
    var text = withEra(date.day + " " + w.monthsOf[date.month - 1] + " " + date.year, w.era);
    return calendar === "islamic" ? APPROXIMATELY + text : text;
  }

  function monthsText(first, last, w) {
    var firstMonth = w.months[first.month - 1],
      lastMonth = w.months[last.month - 1];
    if (first.year !== last.year) {
      return withEra(firstMonth + " " + first.year + " – " + lastMonth + " " + last.year, w.eras);
    }
    if (first.month === last.month) {
      return withEra(firstMonth + " " + first.year, w.era);
    }
    return withEra(firstMonth + "–" + lastMonth + " " + first.year, w.era);
  }

  function yearsText(first, last, w) {
    if (first.year === last.year) {
      return withEra(String(first.year), w.era);
    }
    return withEra(first.year + "–" + last.year, w.eras);
  }

  function localDigits(text, lang) {
    var digits = DIGITS[lang];
    return text.replace(/[0-9]/g, function (digit) {
      return digits.charAt(+digit);
    });
  }

  function languageOf(lang) {
    return own(WORDS, lang) ? lang : "en";
  }

  // The period in one calendar, in words; null for a Julian year-only date, a bad value, or a
  // day outside the Solar Hijri table (before 699 or after 2100).
  function inWords(value, calendar, lang) {
    var p = period(value),
      convert = own(CONVERT, calendar);
    if (!p || !convert || (calendar === "julian" && p.precision === "year")) {
      return null;
    }
    var first = convert(p.first),
      last = convert(p.last);
    if (!first || !last) {
      return null;
    }
    lang = languageOf(lang);
    var w = WORDS[lang][calendar];
    var text =
      p.precision === "day"
        ? dayText(first, calendar, w)
        : p.precision === "month"
          ? monthsText(first, last, w)
          : yearsText(first, last, w);
    return localDigits(text, lang);
  }

  function equivalents(value, lang) {
    var p = period(value);
    if (!p) {
      return [];
    }
    var shown = calendarsBeside(p.first);
    if (lang === "fa") {
      shown.reverse();
    }
    return shown
      .map(function (calendar) {
        return inWords(value, calendar, lang);
      })
      .filter(function (text) {
        return text;
      });
  }

  function withEquivalents(value, lang) {
    var gregorianText = inWords(value, "gregorian", lang);
    if (gregorianText === null) {
      return null;
    }
    return [gregorianText].concat(equivalents(value, lang)).join(SEPARATOR);
  }

  Atlas.calendars = {
    CALENDARS: ["gregorian", "julian", "islamic", "persian"],
    JULIAN_LAST_DAY: JULIAN_LAST_DAY,
    SOLAR_HIJRI_FIRST_DAY: SOLAR_HIJRI_FIRST_DAY,
    toCalendar: toCalendar,
    calendarsBeside: function (value) {
      var p = period(value);
      return p ? calendarsBeside(p.first) : [];
    },
    inWords: inWords,
    equivalents: equivalents,
    withEquivalents: withEquivalents,
  };
})(window.Atlas);

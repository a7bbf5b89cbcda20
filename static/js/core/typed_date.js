/* A date a person types into the date box, read forgivingly and checked strictly.
 *
 * People type dates as they write them: "1828", "1828-2-22", "22.02.1828", "22 February 1828",
 * "Feb 1828", "۲۲ فوریه ۱۸۲۸", "22 февраля 1828 г.". Month names come from the page's calendar
 * (and English); digits in any of the page's scripts. Numbers with slashes or dots are read day
 * first (22/02/1828), as in Persian and Russian usage. What cannot be read, or a day that does
 * not exist, or a day outside the atlas, gets a reason the date box can say, never a guess.
 *
 * read(text, first, last) returns {day, iso} (iso at the precision typed: "1828", "1828-02")
 * or {error, values}: error is a key of the interface catalogue (date_not_understood,
 * date_no_such_day, date_after_today, date_before_first) and values fill its {placeholders},
 * dates already in words.
 */
(function (Atlas) {
  "use strict";

  var ENGLISH_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
  ];
  // Persian (U+06F0…) and Arabic-Indic (U+0660…) digits, read as 0–9.
  var OTHER_DIGITS = /[\u06f0-\u06f9\u0660-\u0669]/g;
  var NUMERIC = /^(\d{1,4})(?:[-./\s](\d{1,2}))?(?:[-./\s](\d{1,4}))?$/;

  function westernDigits(text) {
    return text.replace(OTHER_DIGITS, function (digit) {
      var code = digit.charCodeAt(0);
      return String(code - (code >= 0x06f0 ? 0x06f0 : 0x0660));
    });
  }

  function tidy(text) {
    return westernDigits(String(text || ""))
      .toLowerCase()
      .replace(/\s*(?:г\.?|гг\.?|ad|ce)\s*$/, "") // "1828 г.", "1828 AD"
      .replace(/[,\u060c]/g, " ") // commas, Latin and Arabic
      .replace(/\s+/g, " ")
      .trim();
  }

  // Month names to numbers: the page's calendar (both forms) and English, whole or from three
  // letters on ("feb", "февр").
  function monthOf(word) {
    var calendar = Atlas.i18n.calendar() || {};
    var lists = [ENGLISH_MONTHS, calendar.months || [], calendar.months_of || []];
    for (var l = 0; l < lists.length; l++) {
      for (var m = 0; m < lists[l].length; m++) {
        var name = String(lists[l][m]).toLowerCase();
        if (name === word || (word.length >= 3 && name.indexOf(word.replace(/\.$/, "")) === 0)) {
          return m + 1;
        }
      }
    }
    return null;
  }

  // {year, month, day} from "1828", "1828-2-22", "22.02.1828", "2/1828" (day or month first).
  function numericParts(text) {
    var match = NUMERIC.exec(text);
    if (!match) {
      return null;
    }
    var groups = [match[1], match[2], match[3]].filter(Boolean);
    if (groups.length === 1) {
      return { year: +groups[0], month: null, day: null };
    }
    if (groups[0].length >= 3) {
      return { year: +groups[0], month: +groups[1], day: groups[2] ? +groups[2] : null };
    }
    var last = groups[groups.length - 1];
    if (last.length < 3) {
      return null; // "22.02.28": which century? Ask for the whole year.
    }
    return groups.length === 2
      ? { year: +last, month: +groups[0], day: null }
      : { year: +last, month: +groups[1], day: +groups[0] };
  }

  // {year, month, day} from words: "22 February 1828", "February 1828", "1828 feb 22".
  function wordParts(text) {
    var tokens = text.split(" ");
    var month = null;
    var numbers = [];
    for (var i = 0; i < tokens.length; i++) {
      if (/^\d+$/.test(tokens[i])) {
        numbers.push(tokens[i]);
      } else if (month === null && monthOf(tokens[i])) {
        month = monthOf(tokens[i]);
      } else {
        return null;
      }
    }
    if (month === null || !numbers.length || numbers.length > 2) {
      return null;
    }
    var yearAt = numbers.length === 1 || numbers[0].length >= 3 ? 0 : 1;
    var year = numbers[yearAt];
    var day = numbers.length === 2 ? numbers[1 - yearAt] : null;
    return { year: +year, month: month, day: day === null ? null : +day };
  }

  // "1828-02": the month as the date helpers take it.
  function monthIso(year, month) {
    return String(year).padStart(4, "0") + "-" + String(month).padStart(2, "0");
  }

  function checkedDay(parts) {
    var time = Atlas.time;
    var unknown = { error: "date_not_understood", values: {} };
    if (!parts || parts.year < 1 || parts.year > 9999) {
      return unknown;
    }
    if (parts.month !== null && (parts.month < 1 || parts.month > 12)) {
      return unknown;
    }
    var month = monthIso(parts.year, parts.month || 1);
    var monthDays = time.lastDay(month) - time.firstDay(month) + 1;
    if (parts.day !== null && (parts.day < 1 || parts.day > monthDays)) {
      return { error: "date_no_such_day", values: { month: time.inWords(month), day: parts.day } };
    }
    var iso = parts.day !== null ? month + "-" + String(parts.day).padStart(2, "0") : month;
    return {
      day: time.firstDay(month) + (parts.day || 1) - 1,
      iso: parts.month ? iso : month.slice(0, 4),
    };
  }

  function read(text, first, last) {
    var tidied = tidy(text);
    var parts = numericParts(tidied) || wordParts(tidied);
    var result = checkedDay(parts);
    if (result.error) {
      return result;
    }
    var words = Atlas.time.inWords;
    if (result.day > last) {
      return { error: "date_after_today", values: { date: words(result.iso), last: words(last) } };
    }
    if (result.day < first) {
      return {
        error: "date_before_first",
        values: { date: words(result.iso), first: words(first) },
      };
    }
    return result;
  }

  Atlas.typedDate = { read: read, westernDigits: westernDigits };
})(window.Atlas);

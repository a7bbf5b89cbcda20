// Atlas.time: day ordinals (Python's date.toordinal()), partial ISO dates, dates in words.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { loadAtlas, plain } from "./load.mjs";

const { Atlas } = loadAtlas(["core/i18n", "core/time"]);
const time = Atlas.time;

const LAST_DAY = 3652059; // date(9999, 12, 31).toordinal()
const DAY_MS = 86400000;

// An independent oracle: JS Date in UTC is proleptic Gregorian too, once setUTCFullYear keeps
// years below 100 from being read as 19xx.
function oracle(year, month, day) {
  const moment = new Date(0);
  moment.setUTCFullYear(year, month - 1, day);
  return Math.round(moment.getTime() / DAY_MS) + 719163;
}

function oracleDate(ordinal) {
  const moment = new Date((ordinal - 719163) * DAY_MS);
  return {
    year: moment.getUTCFullYear(),
    month: moment.getUTCMonth() + 1,
    day: moment.getUTCDate(),
  };
}

function iso(year, month, day) {
  const pad = (number, width) => String(number).padStart(width, "0");
  return [pad(year, 4), month && pad(month, 2), day && pad(day, 2)].filter(Boolean).join("-");
}

const ENGLISH_CATALOGUE = {
  language: { code: "en", dir: "ltr", name: "English" },
  interface: {
    span_range: "{start} – {end}",
    span_since: "since {start}",
    span_until: "until {end}",
    span_always: "always",
  },
  calendar: null,
  layers: {},
  key_dates: {},
};

describe("day ordinals", () => {
  it("match Python's date.toordinal() at its anchors", () => {
    const anchors = [
      [1, 1, 1, 1],
      [913, 1, 1, 333102],
      [1813, 10, 24, 662116],
      [1828, 2, 22, 667350],
      [1907, 8, 31, 696394],
      [1970, 1, 1, 719163],
      [2000, 2, 29, 730179],
      [9999, 12, 31, LAST_DAY],
    ];
    for (const [year, month, day, ordinal] of anchors) {
      assert.equal(time.toOrdinal(year, month, day), ordinal, iso(year, month, day));
      assert.deepEqual(plain(time.fromOrdinal(ordinal)), { year, month, day });
    }
  });

  it("agree with the oracle on every day near century turns, and across years 1 to 9999", () => {
    const centuryTurns = [1, 100, 400, 1600, 1700, 1800, 1900, 2000, 2100, 9999].flatMap((year) => {
      const days = [];
      const first = Math.max(1, oracle(year - 2, 1, 1));
      const last = Math.min(LAST_DAY, oracle(year + 2, 12, 31));
      for (let ordinal = first; ordinal <= last; ordinal++) days.push(ordinal);
      return days;
    });
    const across = Array.from(
      { length: Math.floor(LAST_DAY / 101) },
      (_, index) => 1 + index * 101,
    );
    for (const ordinal of [...centuryTurns, ...across]) {
      const date = time.fromOrdinal(ordinal);
      const expected = oracleDate(ordinal);
      if (
        date.year !== expected.year ||
        date.month !== expected.month ||
        date.day !== expected.day
      ) {
        assert.fail(`day ${ordinal}: ${JSON.stringify(date)} is not ${JSON.stringify(expected)}`);
      }
      if (time.toOrdinal(date.year, date.month, date.day) !== ordinal) {
        assert.fail(`day ${ordinal} does not come back from ${JSON.stringify(date)}`);
      }
    }
  });

  it("count the century leap years of the Gregorian rule", () => {
    for (const year of [4, 100, 200, 300, 400, 1600, 1700, 1800, 1900, 2000, 2100]) {
      const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
      const february = time.toOrdinal(year, 3, 1) - time.toOrdinal(year, 2, 1);
      assert.equal(february, leap ? 29 : 28, String(year));
      assert.equal(february, oracle(year, 3, 1) - oracle(year, 2, 1));
    }
  });
});

describe("partial ISO dates", () => {
  it("read a year, a month or a day", () => {
    assert.deepEqual(plain(time.parse("1828")), { year: 1828, month: null, day: null });
    assert.deepEqual(plain(time.parse("1828-02")), { year: 1828, month: 2, day: null });
    assert.deepEqual(plain(time.parse("1828-02-29")), { year: 1828, month: 2, day: 29 });
    assert.deepEqual(plain(time.parse("0913")), { year: 913, month: null, day: null });
  });

  it("refuse what is not a date of years 1 to 9999", () => {
    const refused = [
      "", "0000", "0000-01-01", "1828-00", "1828-13", "1828-02-30", "1900-02-29", "1828-04-31",
      "1828-4", "1828-02-1", "828", "18280", " 1828", "1828 ", "1828-02-22T00:00", "-0500",
      "1828/02/22", "year", null, undefined, 1828, {},
    ]; // prettier-ignore
    for (const text of refused) {
      assert.equal(time.parse(text), null, JSON.stringify(text));
      assert.equal(time.firstDay(text), -Infinity, JSON.stringify(text));
      assert.equal(time.lastDay(text), Infinity, JSON.stringify(text));
    }
  });

  it("accept exactly the days the oracle's calendar has", () => {
    for (const year of [1, 4, 100, 400, 1582, 1700, 1828, 1900, 2000, 2024, 9999]) {
      for (let month = 1; month <= 12; month++) {
        for (let day = 1; day <= 31; day++) {
          const exists = oracleDate(oracle(year, month, day)).day === day;
          const parsed = time.parse(iso(year, month, day));
          assert.equal(parsed !== null, exists, iso(year, month, day));
        }
      }
    }
  });

  it("cover their first and last day (a year, a month, a day)", () => {
    for (let year = 1; year <= 9999; year += 7) {
      assert.equal(time.firstDay(iso(year)), oracle(year, 1, 1));
      assert.equal(time.lastDay(iso(year)), oracle(year, 12, 31));
      for (let month = 1; month <= 12; month++) {
        assert.equal(time.firstDay(iso(year, month)), oracle(year, month, 1));
        assert.equal(time.lastDay(iso(year, month)), oracle(year, month + 1, 1) - 1);
      }
      assert.equal(time.firstDay(iso(year, 6, 15)), time.lastDay(iso(year, 6, 15)));
    }
    assert.equal(time.lastDay("1828-02"), oracle(1828, 2, 29));
    assert.equal(time.lastDay("1900-02"), oracle(1900, 2, 28));
  });

  it("come back from toIso for any day", () => {
    assert.equal(time.toIso(1), "0001-01-01");
    assert.equal(time.toIso(333102), "0913-01-01");
    assert.equal(time.toIso(LAST_DAY), "9999-12-31");
    for (let ordinal = 1; ordinal <= LAST_DAY; ordinal += 997) {
      assert.equal(time.firstDay(time.toIso(ordinal)), ordinal);
    }
  });
});

describe("moving by years", () => {
  it("keeps the month and day, and 29 February falls back to the 28th", () => {
    const leapDay = time.firstDay("2000-02-29");
    assert.equal(time.toIso(time.addYears(leapDay, 1)), "2001-02-28");
    assert.equal(time.toIso(time.addYears(leapDay, 4)), "2004-02-29");
    assert.equal(time.toIso(time.addYears(leapDay, -100)), "1900-02-28");
    assert.equal(time.toIso(time.addYears(time.firstDay("1828-02-22"), 10)), "1838-02-22");
  });

  it("stays within years 1 to 9999", () => {
    assert.equal(time.toIso(time.addYears(time.firstDay("0005-06-01"), -10)), "0001-06-01");
    assert.equal(time.toIso(time.addYears(time.firstDay("9990-12-31"), 20)), "9999-12-31");
  });

  it("moves every day of a span by whole years", () => {
    for (let ordinal = 600000; ordinal < 740000; ordinal += 13) {
      const from = time.fromOrdinal(ordinal);
      for (const years of [-10, -1, 1, 10]) {
        const to = time.fromOrdinal(time.addYears(ordinal, years));
        assert.equal(to.year, from.year + years);
        assert.equal(to.month, from.month);
        const leapDayLost = from.month === 2 && from.day === 29 && to.day === 28;
        assert.ok(to.day === from.day || leapDayLost, `${time.toIso(ordinal)} ${years}`);
      }
    }
  });
});

describe("dates in words", () => {
  const russian = {
    months: ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
      "сентябрь", "октябрь", "ноябрь", "декабрь"],
    months_of: ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
      "сентября", "октября", "ноября", "декабря"],
    digits: "0123456789",
    day_month_year: "{day} {month_of} {year} г.",
    month_year: "{month} {year} г.",
    year: "{year} г.",
  }; // prettier-ignore
  const persian = { ...russian, digits: "۰۱۲۳۴۵۶۷۸۹", day_month_year: "{day} {month} {year}" };

  it("say a day, a month or a year in English when the page has no calendar", () => {
    Atlas.i18n.use(ENGLISH_CATALOGUE);
    assert.equal(time.inWords(time.firstDay("1813-10-24")), "24 October 1813");
    assert.equal(time.inWords("1813-10-24"), "24 October 1813");
    assert.equal(time.inWords("1813-10"), "October 1813");
    assert.equal(time.inWords("1813"), "1813");
    assert.equal(time.inWords("0913-01-01"), "1 January 913");
    assert.equal(time.inWords("soon"), "soon");
  });

  it("use the page's calendar: its month forms and its digits", () => {
    Atlas.i18n.use({ ...ENGLISH_CATALOGUE, calendar: russian });
    assert.equal(time.inWords("1813-10-24"), "24 октября 1813 г.");
    assert.equal(time.inWords("1813-10"), "октябрь 1813 г.");
    assert.equal(time.inWords("1813"), "1813 г.");
    Atlas.i18n.use({ ...ENGLISH_CATALOGUE, calendar: persian });
    assert.equal(time.inWords("1828-02-22"), "۲۲ февраль ۱۸۲۸");
    assert.equal(time.localDigits("12 / 32"), "۱۲ / ۳۲");
  });

  it("name every month of the year in order", () => {
    Atlas.i18n.use({ ...ENGLISH_CATALOGUE, calendar: russian });
    for (let month = 1; month <= 12; month++) {
      assert.equal(time.inWords(iso(1900, month, 1)), `1 ${russian.months_of[month - 1]} 1900 г.`);
      assert.equal(time.inWords(iso(1900, month)), `${russian.months[month - 1]} 1900 г.`);
    }
  });

  it("say a span with either end open", () => {
    Atlas.i18n.use(ENGLISH_CATALOGUE);
    assert.equal(time.spanInWords("1813-10-24", "1828-02"), "24 October 1813 – February 1828");
    assert.equal(time.spanInWords("1991", null), "since 1991");
    assert.equal(time.spanInWords(null, "1828"), "until 1828");
    assert.equal(time.spanInWords(null, null), "always");
  });
});

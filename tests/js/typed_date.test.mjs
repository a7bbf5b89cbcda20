// Atlas.typedDate: the date a person types into the date box, read forgivingly, checked strictly.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";

import { loadAtlas, plain } from "./load.mjs";

const { Atlas } = loadAtlas(["core/i18n", "core/time", "core/typed_date"]);
const day = (year, month = 1, date = 1) => Atlas.time.toOrdinal(year, month, date);
const FIRST = day(780);
const TODAY = day(2026, 11, 30);
const read = (text) => plain(Atlas.typedDate.read(text, FIRST, TODAY));

// The calendars the pages use, from the server's own catalogues.
const CALENDARS = Object.fromEntries(
  ["fa", "ru"].map((code) => {
    const path = new URL(`../../server/translations/${code}.json`, import.meta.url);
    return [code, JSON.parse(readFileSync(path, "utf8")).calendar];
  }),
);

function speak(code) {
  Atlas.i18n.use({
    language: { code, dir: code === "fa" ? "rtl" : "ltr", name: code },
    interface: {},
    calendar: CALENDARS[code] || null,
    layers: {},
    key_dates: {},
  });
}

describe("typed dates", () => {
  it("read ISO days, months and years, padded or not", () => {
    speak("en");
    assert.deepEqual(read("1828-02-22"), { day: day(1828, 2, 22), iso: "1828-02-22" });
    assert.deepEqual(read("1828-2-22"), { day: day(1828, 2, 22), iso: "1828-02-22" });
    assert.deepEqual(read("1828-02"), { day: day(1828, 2, 1), iso: "1828-02" });
    assert.deepEqual(read(" 1916 "), { day: day(1916), iso: "1916" });
    assert.deepEqual(read("913"), { day: day(913), iso: "0913" });
  });

  it("read day-first numbers with dots, slashes or spaces", () => {
    speak("en");
    for (const text of ["22.02.1828", "22/2/1828", "22 2 1828", "22-02-1828"]) {
      assert.deepEqual(read(text), { day: day(1828, 2, 22), iso: "1828-02-22" }, text);
    }
    assert.deepEqual(read("2/1828"), { day: day(1828, 2, 1), iso: "1828-02" });
  });

  it("read month names in English, whole or shortened, in either order", () => {
    speak("en");
    for (const text of ["22 February 1828", "february 22, 1828", "22 Feb 1828", "1828 feb 22"]) {
      assert.deepEqual(read(text), { day: day(1828, 2, 22), iso: "1828-02-22" }, text);
    }
    assert.deepEqual(read("June 1920"), { day: day(1920, 6, 1), iso: "1920-06" });
  });

  it("read the page's own calendar words and digits", () => {
    speak("fa");
    assert.deepEqual(read("۲۲ فوریه ۱۸۲۸"), { day: day(1828, 2, 22), iso: "1828-02-22" });
    assert.deepEqual(read("۱۹۱۶"), { day: day(1916), iso: "1916" });
    speak("ru");
    assert.deepEqual(read("22 февраля 1828 г."), { day: day(1828, 2, 22), iso: "1828-02-22" });
    assert.deepEqual(read("июнь 1920"), { day: day(1920, 6, 1), iso: "1920-06" });
    speak("en");
  });

  it("say what cannot be read rather than guess", () => {
    speak("en");
    for (const text of ["", "banana", "22.02.28", "1828-13", "1828-02-22-1", "Smarch 1828"]) {
      assert.equal(read(text).error, "date_not_understood", text);
    }
  });

  it("name a day the month does not have", () => {
    speak("en");
    assert.deepEqual(read("1828-02-30"), {
      error: "date_no_such_day",
      values: { month: "February 1828", day: 30 },
    });
    assert.equal(read("29.02.1900").error, "date_no_such_day");
    assert.deepEqual(read("29.02.2000"), { day: day(2000, 2, 29), iso: "2000-02-29" });
  });

  it("refuse a day after today or before the atlas begins, saying which", () => {
    speak("en");
    assert.deepEqual(read("2100"), {
      error: "date_after_today",
      values: { date: "2100", last: "30 November 2026" },
    });
    assert.equal(read("2026-12-01").error, "date_after_today");
    assert.deepEqual(read("2026-11-30"), { day: TODAY, iso: "2026-11-30" });
    assert.deepEqual(read("700"), {
      error: "date_before_first",
      values: { date: "700", first: "1 January 780" },
    });
  });
});

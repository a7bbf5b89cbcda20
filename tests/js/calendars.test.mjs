// The browser's calendars (static/js/core/calendars.js) against the Python library, day by day.
//
// Run: node --test tests/js/calendars.test.mjs
// The reference comes from tests/js/calendar_reference.py (convertdate, every day 700-2100, plus
// the server's words for a sample of dates). Set CALENDAR_REFERENCE to a folder it wrote, or
// let this file run it (with $PYTHON, else .venv/bin/python, else python3).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const SCRIPT = path.join(ROOT, "static", "js", "core", "calendars.js");
const CONVERTED = ["julian", "islamic", "persian"];
const ORDINAL_OF_1970 = 719163;

let calendars;
let reference;
let ownFolder = null;

// The script runs as the page runs it, with `window` its only way out. (Compiled in this
// context: in a vm.createContext sandbox every Math.floor goes through the sandbox's global
// and the day-by-day check takes 13 times longer.)
function loadCalendars() {
  const source = `(function (window) {\n${readFileSync(SCRIPT, "utf8")}\n})`;
  const window = { Atlas: {} }; // atlas.js makes the namespace before any other script
  vm.runInThisContext(source, { filename: SCRIPT, lineOffset: -1 })(window);
  return window.Atlas.calendars;
}

function python() {
  const venv = path.join(ROOT, ".venv", "bin", "python");
  return process.env.PYTHON || (existsSync(venv) ? venv : "python3");
}

function readReference(folder) {
  const bytes = readFileSync(path.join(folder, "days.bin"));
  const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
  const meta = JSON.parse(readFileSync(path.join(folder, "reference.json"), "utf8"));
  return { ...meta, days: new Int32Array(copy) };
}

function unpack(packed) {
  return { year: packed >> 9, month: (packed >> 5) & 15, day: packed & 31 };
}

function ordinalOf(year, month, day) {
  // years >= 100 only: Date.UTC maps 0-99 to the 1900s
  return Date.UTC(year, month - 1, day) / 86400000 + ORDINAL_OF_1970;
}

// Up to `most` differences, each as "what: got vs expected", and how many there were.
function differences(most) {
  const found = [];
  let count = 0;
  return {
    note(what, got, expected) {
      count += 1;
      if (found.length < most) {
        found.push(`${what}: ${JSON.stringify(got)} vs ${JSON.stringify(expected)}`);
      }
    },
    assertNone(kind) {
      assert.equal(
        count,
        0,
        `${count} ${kind} differ from the Python library, e.g.\n${found.join("\n")}`,
      );
    },
  };
}

before(() => {
  calendars = loadCalendars();
  let folder = process.env.CALENDAR_REFERENCE;
  if (!folder) {
    ownFolder = mkdtempSync(path.join(tmpdir(), "calendar-reference-"));
    execFileSync(python(), [path.join(ROOT, "tests", "js", "calendar_reference.py"), ownFolder], {
      cwd: ROOT,
      stdio: ["ignore", "inherit", "inherit"],
    });
    folder = ownFolder;
  }
  reference = readReference(folder);
});

after(() => {
  if (ownFolder) {
    rmSync(ownFolder, { recursive: true, force: true });
  }
});

test("the reference covers every day from 700 to 2100", () => {
  const dayCount = reference.last_ordinal - reference.first_ordinal + 1;
  assert.equal(reference.first_ordinal, ordinalOf(700, 1, 1));
  assert.equal(reference.last_ordinal, ordinalOf(2100, 12, 31));
  assert.equal(reference.days.length, dayCount * CONVERTED.length);
  assert.ok(dayCount > 511000, `${dayCount} days`);
});

test("every day 700-2100 is the same Julian, Islamic and Solar Hijri date as convertdate's", () => {
  const diff = differences(10);
  const { days, first_ordinal: first, last_ordinal: last } = reference;
  for (let ordinal = first, i = 0; ordinal <= last; ordinal += 1) {
    for (const calendar of CONVERTED) {
      const expected = unpack(days[i]);
      const got = calendars.toCalendar(ordinal, calendar);
      if (
        !got ||
        got.year !== expected.year ||
        got.month !== expected.month ||
        got.day !== expected.day
      ) {
        diff.note(`${calendar} of day ${ordinal}`, got, expected);
      }
      i += 1;
    }
  }
  diff.assertNone("days");
});

test("Nowruz of every year in the table is 1 Farvardin, the day before it in Esfand", () => {
  const diff = differences(10);
  const { first_year: firstYear, digits } = reference.nowruz;
  [...digits].forEach((digit, i) => {
    const nowruz = ordinalOf(firstYear + i, 3, 20 + Number(digit));
    const first = calendars.toCalendar(nowruz, "persian");
    const eve = calendars.toCalendar(nowruz - 1, "persian");
    if (firstYear + i > firstYear && (!eve || eve.month !== 12)) {
      diff.note(`eve of Nowruz ${firstYear + i}`, eve, "Esfand");
    }
    if (!first || first.month !== 1 || first.day !== 1 || first.year !== firstYear + i - 621) {
      diff.note(`Nowruz ${firstYear + i}`, first, `1 Farvardin ${firstYear + i - 621}`);
    }
  });
  diff.assertNone("Nowruz days");
});

test("dates in words are the server's, in English, Persian and Russian", () => {
  const diff = differences(10);
  const order = reference.word_calendars;
  for (const [value, lang, withEquivalents, ...inWords] of reference.words) {
    const got = calendars.withEquivalents(value, lang);
    if (got !== withEquivalents) {
      diff.note(`${value} ${lang}`, got, withEquivalents);
    }
    order.forEach((calendar, i) => {
      const one = calendars.inWords(value, calendar, lang);
      if (one !== inWords[i]) {
        diff.note(`${value} ${lang} ${calendar}`, one, inWords[i]);
      }
    });
  }
  assert.ok(reference.words.length > 9000, `${reference.words.length} sample rows`);
  diff.assertNone("texts");
});

test("the treaty of Turkmenchay reads in each language with its Old Style and Hijri dates", () => {
  assert.equal(
    calendars.withEquivalents("1828-02-22", "en"),
    "22 February 1828 · 10 February 1828 O.S. · ≈6 Sha'ban 1243 AH",
  );
  assert.equal(
    calendars.withEquivalents("1828-02-22", "ru"),
    "22 февраля 1828 г. · 10 февраля 1828 г. (ст. ст.) · ≈6 шабана 1243 г. х.",
  );
  assert.equal(
    calendars.withEquivalents("1828-02-22", "fa"),
    "۲۲ فوریه ۱۸۲۸ · ≈۶ شعبان ۱۲۴۳ ه.ق. · ۱۰ فوریه ۱۸۲۸ ژولینی",
  );
  assert.equal(calendars.inWords("1950-06-01", "persian", "fa"), "۱۱ خرداد ۱۳۲۹ ه.ش.");
});

test("the cutoffs: Old Style through 13 February 1918, Solar Hijri from 21 March 1925", () => {
  assert.deepEqual([...calendars.calendarsBeside("1918-02-13")], ["julian", "islamic"]);
  assert.deepEqual([...calendars.calendarsBeside("1918-02-14")], ["islamic"]);
  assert.deepEqual([...calendars.calendarsBeside("1925-03-20")], ["islamic"]);
  assert.deepEqual([...calendars.calendarsBeside(ordinalOf(1925, 3, 21))], ["persian"]);
});

test("bad input gives null or nothing, never a wrong date", () => {
  for (const value of [
    "1828-02-30",
    "1828-13",
    "0000",
    "18280222",
    "",
    null,
    undefined,
    0,
    -5,
    1.5,
    NaN,
  ]) {
    assert.equal(calendars.withEquivalents(value, "en"), null, String(value));
    assert.equal(calendars.inWords(value, "julian", "en"), null, String(value));
    assert.deepEqual([...calendars.equivalents(value, "en")], [], String(value));
  }
  assert.equal(calendars.toCalendar("1828-02-22", "julian"), null);
  assert.equal(calendars.toCalendar(ordinalOf(1828, 2, 22), "mayan"), null);
  assert.equal(calendars.toCalendar(ordinalOf(1828, 2, 22), "toString"), null);
  assert.equal(calendars.inWords("1828-02-22", "constructor", "en"), null);
  assert.equal(calendars.inWords("1828-02-22", "julian", "toString"), "10 February 1828 O.S.");
  assert.equal(calendars.inWords("1828", "julian", "en"), null); // no Julian year-only date
  assert.equal(calendars.toCalendar(ordinalOf(2101, 6, 1), "persian"), null); // beyond the table
  assert.equal(calendars.inWords("1828-02-22", "julian", "de"), "10 February 1828 O.S.");
});

// Atlas.axis: where a day sits on the slider's track, and which day a point of it means.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { loadAtlas, plain } from "./load.mjs";

const { Atlas } = loadAtlas(["core/i18n", "core/time", "core/axis"]);
const day = (year, month = 1, date = 1) => Atlas.time.toOrdinal(year, month, date);
const yearOf = (ordinal) => Atlas.time.fromOrdinal(ordinal).year;

const FIRST = day(780);
const LAST = day(2026, 11, 30);
const axis = Atlas.axis.make(FIRST, LAST);
// The track at 1366×768: the time bar's 920 px less the play button, steps and date box.
const LAPTOP_TRACK = 600;

describe("the axis", () => {
  it("runs from the first day at 0 to the last at 1, never backwards", () => {
    assert.equal(axis.fractionOf(FIRST), 0);
    assert.equal(axis.fractionOf(LAST), 1);
    let previous = -1;
    for (let ordinal = FIRST; ordinal <= LAST; ordinal += 97) {
      const fraction = axis.fractionOf(ordinal);
      assert.ok(fraction >= previous, Atlas.time.toIso(ordinal));
      previous = fraction;
    }
  });

  it("gives each era its share: 1700 to today has four fifths of the track", () => {
    assert.ok(Math.abs(axis.fractionOf(day(1500)) - 0.1) < 1e-9);
    assert.ok(Math.abs(axis.fractionOf(day(1700)) - 0.2) < 1e-9);
    assert.ok(axis.fractionOf(day(1916)) > 0.7);
  });

  it("brings back the day under each point, to within the day", () => {
    for (let ordinal = FIRST; ordinal <= LAST; ordinal += 1009) {
      assert.ok(Math.abs(axis.dayAt(axis.fractionOf(ordinal)) - ordinal) <= 1);
    }
    assert.equal(axis.dayAt(-1), FIRST);
    assert.equal(axis.dayAt(2), LAST);
  });

  it("puts every year from 1700 to today under its own pixel on a laptop's track", () => {
    const years = new Set();
    for (let x = 0; x <= LAPTOP_TRACK; x++) {
      years.add(yearOf(axis.dayAt(x / LAPTOP_TRACK)));
    }
    const missing = [];
    for (let year = 1700; year <= 2026; year++) {
      if (!years.has(year)) missing.push(year);
    }
    assert.deepEqual(missing, []);
    assert.ok(axis.daysPerPixel(day(1916), LAPTOP_TRACK) < 365);
  });

  it("keeps a plain linear track when the span is all modern", () => {
    const modern = Atlas.axis.make(day(1800), day(1900));
    assert.ok(Math.abs(modern.fractionOf(day(1850)) - 0.5) < 0.001);
    assert.equal(plain(modern.points).length, 2);
  });

  it("ignores eras out of order or outside the span", () => {
    const odd = Atlas.axis.make(FIRST, LAST, [
      [1700, 0.2],
      [1500, 0.5],
      [3000, 0.9],
    ]);
    assert.deepEqual(
      plain(odd.points).map(([, fraction]) => fraction),
      [0, 0.2, 1],
    );
  });
});

describe("the axis labels", () => {
  it("name round years, centuries in the modern era, none crowding another", () => {
    const labels = axis.labels(LAPTOP_TRACK, 40);
    const years = labels.map((label) => label.year);
    for (const century of [1000, 1500, 1700, 1800, 1900, 2000]) {
      assert.ok(years.includes(century), `${century} in ${years}`);
    }
    for (let i = 1; i < labels.length; i++) {
      const gap = (labels[i].fraction - labels[i - 1].fraction) * LAPTOP_TRACK;
      assert.ok(gap >= 40, `${labels[i - 1].year} and ${labels[i].year} are ${gap} px apart`);
    }
  });

  it("thin out on a narrow track, keeping the roundest", () => {
    const phone = axis.labels(300, 40).map((label) => label.year);
    assert.ok(phone.includes(1800) && phone.includes(1900), String(phone));
    assert.ok(phone.length < axis.labels(LAPTOP_TRACK, 40).length);
  });
});

describe("settling a released thumb", () => {
  const keys = [day(1813, 10, 24), day(1828, 2, 22), day(1915, 3, 1), day(1941, 8, 25)];
  const settle = (ordinal) => axis.settle(ordinal, keys, LAPTOP_TRACK, 4, 183);

  it("lands on a key date released within a few pixels and half a year of it", () => {
    assert.equal(settle(day(1828, 4, 1)), day(1828, 2, 22));
    assert.equal(settle(day(1941, 6, 1)), day(1941, 8, 25));
  });

  it("stays where it is released otherwise: 1916 and 1942 are reachable", () => {
    assert.equal(settle(day(1916, 6, 1)), day(1916, 6, 1));
    assert.equal(settle(day(1942, 6, 1)), day(1942, 6, 1));
    assert.equal(settle(day(1820, 1, 1)), day(1820, 1, 1));
  });

  it("never snaps across more pixels than asked, even within the days", () => {
    const wide = Atlas.axis.make(day(1800), day(1830));
    assert.equal(wide.settle(day(1828, 6, 1), keys, 3000, 4, 183), day(1828, 6, 1));
  });
});

// Atlas.play: where Play starts and where each step lands.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { loadAtlas, plain } from "./load.mjs";

const { Atlas } = loadAtlas(["core/i18n", "core/time", "core/play"]);
const day = (year, month = 1, date = 1) => Atlas.time.toOrdinal(year, month, date);
const play = Atlas.play;

const FIRST = day(780);
const LAST = day(2026, 11, 30);
const CHANGES = plain(
  play.changesOf(
    [
      { first: day(913), last: day(913, 12, 31) },
      { first: day(1562), last: day(1600, 12, 31) },
      { first: day(1813, 10, 24), last: Infinity },
      { first: -Infinity, last: day(1828, 2, 20) },
    ],
    [day(2025, 1, 17)],
  ),
);

describe("Play", () => {
  it("knows the days on which something appears or goes, once each, in order", () => {
    assert.deepEqual(CHANGES, [
      day(913),
      day(914),
      day(1562),
      day(1601),
      day(1813, 10, 24),
      day(1828, 2, 21),
      day(2025, 1, 17),
    ]);
  });

  it("starts where the reader is when there is more to see ahead", () => {
    assert.equal(play.start(day(1800), FIRST, LAST, CHANGES), day(1800));
  });

  it("starts at the first content from the last key date, the end, or an empty beginning", () => {
    assert.equal(play.start(day(2025, 1, 17), FIRST, LAST, CHANGES), day(913));
    assert.equal(play.start(LAST, FIRST, LAST, CHANGES), day(913));
    assert.equal(play.start(FIRST, FIRST, LAST, CHANGES), FIRST);
  });

  it("starts at the first content from the page's opening moment, which no reader chose", () => {
    assert.equal(play.start(day(1828, 2, 22), FIRST, LAST, CHANGES, true), day(913));
    assert.equal(play.start(day(1828, 2, 22), FIRST, LAST, CHANGES, false), day(1828, 2, 22));
  });

  it("steps by whole years where things happen", () => {
    assert.equal(play.next(day(1810, 6, 1), 1, LAST, CHANGES), day(1811, 6, 1));
    assert.equal(play.next(day(1820), 5, LAST, CHANGES), day(1825));
  });

  it("crosses a quiet stretch in one step, a year before the next change", () => {
    assert.equal(play.next(day(914), 1, LAST, CHANGES), day(1561));
    assert.equal(play.next(day(1601), 5, LAST, CHANGES), day(1812, 10, 24));
  });

  it("never passes the last day", () => {
    assert.equal(play.next(day(2026, 6, 1), 20, LAST, CHANGES), LAST);
  });
});

// The popup's timeline bar: where its ends fade, for exact, partial and EDTF dates.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { loadAtlas } from "./load.mjs";

const { Atlas } = loadAtlas(["core/time", "map/popup_time"]);
const day = (iso) => Atlas.time.firstDay(iso);
const stops = Atlas.popupTime.barStops;

describe("the timeline bar", () => {
  it("ends sharply on days known exactly", () => {
    const s = stops(
      [day("1804-01-15"), day("1804-01-15")],
      [day("1918-04-21"), day("1918-04-21")],
      null,
    );
    assert.equal(s.fadeInFrom, s.fadeInTo);
    assert.equal(s.fadeOutFrom, s.fadeOutTo);
    assert.ok(s.fadeInTo > 0 && s.fadeOutFrom < 100);
    assert.equal(s.today, null);
  });

  it("fades across a range the sources leave open, in proportion to its length", () => {
    const start = [day("1812-01-01"), Atlas.time.lastDay("1814")];
    const end = [day("1850-01-01"), day("1850-01-01")];
    const s = stops(start, end, day("1830-06-01"));
    const perDay = (s.fadeOutFrom - s.fadeInFrom) / (end[0] - start[0]);
    assert.ok(Math.abs(s.fadeInTo - s.fadeInFrom - perDay * (start[1] - start[0])) < 1e-9);
    assert.ok(s.fadeInFrom < s.today && s.today < s.fadeOutFrom);
  });

  it("runs to the bar's edge where a date is open (still holds, or [..1935])", () => {
    const s = stops([null, day("1935-12-31")], null, day("1920-01-01"));
    assert.equal(s.fadeInFrom, 0);
    assert.equal(s.fadeOutTo, 100);
  });
});

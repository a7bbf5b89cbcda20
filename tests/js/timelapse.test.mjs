// The timelapse's plan: one frame a step from the first year to the last, and its length.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { loadAtlas } from "./load.mjs";

const { Atlas } = loadAtlas(["core/time", "controls/timelapse_plan"]);
const { plan, dueAt, MAX_FRAMES } = Atlas.timelapsePlan;
const years = (p) => p.days.map((day) => Atlas.time.fromOrdinal(day).year);

describe("a timelapse plan", () => {
  it("has a frame on 1 January of every year from 1800 to 1830 and lasts frames × time", () => {
    const p = plan(1800, 1830, 1, 200);
    assert.equal(p.days.length, 31);
    assert.equal(Atlas.time.toIso(p.days[0]), "1800-01-01");
    assert.equal(Atlas.time.toIso(p.days[30]), "1830-01-01");
    assert.equal(p.seconds, 6.2);
    assert.equal(dueAt(p, 5), 1000);
  });

  it("always ends on the last year, even when the step overshoots it", () => {
    assert.deepEqual([...years(plan(1800, 1830, 7, 100))], [1800, 1807, 1814, 1821, 1828, 1830]);
    assert.deepEqual([...years(plan(1828, 1828, 1, 100))], [1828]);
  });

  it("reads its inputs as a person types them: swapped years, text, nonsense, extremes", () => {
    assert.deepEqual([...years(plan("1830", "1828", "1", "250"))], [1828, 1829, 1830]);
    const odd = plan("x", "", "-3", "1");
    assert.equal(odd.step, 1);
    assert.equal(odd.frameMs, 40);
    assert.equal(plan(1800, 1830, 1, 999999).frameMs, 5000);
  });

  it("never plans more than a clip's worth of frames", () => {
    const long = plan(700, 2025, 1, 100);
    assert.ok(long.days.length <= MAX_FRAMES + 1, long.days.length);
    assert.equal(years(long).at(-1), 2025);
  });
});

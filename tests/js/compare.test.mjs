// The comparison page's arithmetic: the divider under a pointer, its keys, the clips, key dates.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { loadAtlas, plain } from "./load.mjs";

const { Atlas } = loadAtlas(["controls/compare_maths"]);
const maths = Atlas.compareMaths;

describe("the divider", () => {
  it("stands where the pointer is, within the map", () => {
    assert.equal(maths.fractionAt(300, 100, 800), 0.25);
    assert.equal(maths.fractionAt(50, 100, 800), 0);
    assert.equal(maths.fractionAt(5000, 100, 800), 1);
    assert.equal(maths.fractionAt(10, 0, 0), 0.5);
  });

  it("moves by small steps with arrows, large with Shift or PageUp/PageDown, to the ends", () => {
    assert.equal(maths.stepFraction(0.5, "ArrowRight", false), 0.52);
    assert.equal(maths.stepFraction(0.5, "ArrowLeft", false), 0.48);
    assert.equal(maths.stepFraction(0.5, "ArrowUp", true), 0.6);
    assert.equal(maths.stepFraction(0.5, "PageDown", false), 0.4);
    assert.equal(maths.stepFraction(0.99, "ArrowRight", true), 1);
    assert.equal(maths.stepFraction(0.01, "ArrowLeft", false), 0);
    assert.equal(maths.stepFraction(0.3, "Home", false), 0);
    assert.equal(maths.stepFraction(0.3, "End", false), 1);
    assert.equal(maths.stepFraction(0.3, "a", false), null);
  });

  it("clips the left side to the left of it and the right side to the right", () => {
    const paths = maths.clipPaths({ x: -10, y: -20 }, { x: 790, y: 580 }, 390);
    assert.equal(paths.left, "polygon(-10px -20px, 390px -20px, 390px 580px, -10px 580px)");
    assert.equal(paths.right, "polygon(390px -20px, 790px -20px, 790px 580px, 390px 580px)");
  });
});

describe("the date controls' key dates", () => {
  const days = [10, 20, 30];
  it("go to the next or previous key date, and stay at the ends", () => {
    assert.deepEqual(
      plain([15, 20, 30, 31].map((day) => maths.neighbourDay(days, day, 1))),
      [20, 30, 30, 31],
    );
    assert.deepEqual(
      plain([15, 10, 9].map((day) => maths.neighbourDay(days, day, -1))),
      [10, 10, 9],
    );
  });
});

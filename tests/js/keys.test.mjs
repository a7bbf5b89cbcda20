// Atlas.Keys: one dispatcher, one keymap per mode, running the page's named actions.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { loadAtlas } from "./load.mjs";

const { Atlas } = loadAtlas(["controls/keys"]);

const SLIDER = { closest: (selector) => (selector === ".atlas-range" ? SLIDER : null) };
const BUTTON = { closest: () => null };
// A text field (the date box): it matches the keymap's selector of fields.
const FIELD = { closest: (selector) => (selector.includes("input:not") ? FIELD : null) };

// A page with the actions named, each logging "name argument" when run.
function page(mode, names) {
  const log = [];
  const actions = new Atlas.Actions();
  for (const name of names) {
    actions.add(name, (argument) =>
      log.push(argument === undefined ? name : `${name} ${argument}`),
    );
  }
  const keys = new Atlas.Keys(actions, mode);
  const press = (key, options = {}) => {
    const event = { key, target: SLIDER, prevented: false, ...options };
    event.preventDefault = () => (event.prevented = true);
    keys.dispatch(event);
    return event.prevented;
  };
  return { log, press, keys };
}

const SLIDER_ACTIONS = ["years", "keyDate", "edge", "play", "typeDate"];
const CLASSROOM_ACTIONS = [
  ...SLIDER_ACTIONS,
  "fullscreen",
  "legend",
  "blank",
  "help",
  "escape",
  "layer",
];

describe("the normal keymap", () => {
  it("steps the focused slider by years and key dates, to its ends, and plays", () => {
    const { log, press } = page("normal", SLIDER_ACTIONS);
    const keys = [
      "ArrowRight",
      "ArrowUp",
      "ArrowLeft",
      "ArrowDown",
      "PageDown",
      "PageUp",
      "Home",
      "End",
      " ",
      "Spacebar",
    ];
    for (const key of keys) assert.equal(press(key), true, key);
    assert.deepEqual(log, [
      "years 1", "years 1", "years -1", "years -1", "keyDate 1", "keyDate -1", "edge -1", "edge 1",
      "play", "play",
    ]); // prettier-ignore
  });

  it("takes keys only while the slider has focus, and leaves the rest to the browser", () => {
    const { log, press } = page("normal", SLIDER_ACTIONS);
    assert.equal(press("ArrowRight", { target: BUTTON }), false);
    assert.equal(press("Tab"), false);
    assert.equal(press("f"), false);
    assert.equal(press("1"), false);
    assert.equal(press("ArrowLeft", { altKey: true }), false);
    assert.deepEqual(log, []);
    assert.equal(press("ArrowRight", { shiftKey: true }), true);
    assert.equal(press("ArrowLeft", { shiftKey: true }), true);
    assert.equal(press("ArrowUp", { shiftKey: true }), true);
    assert.deepEqual(log, ["years 10", "years -10", "years 1"]);
  });

  it("opens the date box with Enter on the slider", () => {
    const { log, press } = page("normal", SLIDER_ACTIONS);
    assert.equal(press("Enter"), true);
    assert.equal(press("Enter", { target: BUTTON }), false);
    assert.deepEqual(log, ["typeDate"]);
  });
});

describe("the classroom keymap", () => {
  it("walks key dates without a tour, and the tour's steps with one", () => {
    const withoutTour = page("classroom", CLASSROOM_ACTIONS);
    const withTour = page("classroom", [...CLASSROOM_ACTIONS, "tourStep"]);
    for (const key of ["ArrowRight", "PageDown", "ArrowLeft", "PageUp"]) {
      withoutTour.press(key);
      withTour.press(key);
    }
    assert.deepEqual(withoutTour.log, ["keyDate 1", "keyDate 1", "keyDate -1", "keyDate -1"]);
    assert.deepEqual(withTour.log, ["tourStep 1", "tourStep 1", "tourStep -1", "tourStep -1"]);
  });

  it("moves ten years with Shift and one with up and down, whatever has focus", () => {
    const { log, press } = page("classroom", CLASSROOM_ACTIONS);
    press("ArrowRight", { shiftKey: true, target: BUTTON });
    press("ArrowLeft", { shiftKey: true });
    press("ArrowUp", { shiftKey: true });
    press("ArrowDown", { target: null });
    press("PageDown", { shiftKey: true });
    assert.deepEqual(log, ["years 10", "years -10", "years 1", "years -1", "keyDate 1"]);
  });

  it("has a letter for each presenter's action, in either case", () => {
    const { log, press } = page("classroom", CLASSROOM_ACTIONS);
    for (const key of [" ", "k", "K", "f", "F", "l", "b", "B", ".", "?", "Escape", "g"]) {
      assert.equal(press(key, { shiftKey: key === "?" || key !== key.toLowerCase() }), true, key);
    }
    assert.deepEqual(log, [
      "play", "play", "play", "fullscreen", "fullscreen", "legend", "blank", "blank", "blank",
      "help", "escape", "typeDate",
    ]); // prettier-ignore
  });

  it("leaves every key typed into a field alone: typing 1916 toggles no layer", () => {
    const { log, press } = page("classroom", CLASSROOM_ACTIONS);
    for (const key of ["1", "9", "b", " ", "Escape", "ArrowLeft"]) {
      assert.equal(press(key, { target: FIELD }), false, key);
    }
    assert.deepEqual(log, []);
  });

  it("turns layers 1 to 9 on and off by their place in the legend", () => {
    const { log, press } = page("classroom", CLASSROOM_ACTIONS);
    for (const key of "123456789") press(key);
    assert.deepEqual(
      log,
      [0, 1, 2, 3, 4, 5, 6, 7, 8].map((index) => `layer ${index}`),
    );
    assert.equal(press("0"), false);
  });

  it("leaves Ctrl, Alt and Meta keys and keys without a name to the browser", () => {
    const { log, press } = page("classroom", CLASSROOM_ACTIONS);
    assert.equal(press("f", { ctrlKey: true }), false);
    assert.equal(press("ArrowLeft", { altKey: true }), false);
    assert.equal(press("l", { metaKey: true }), false);
    assert.equal(press(undefined), false);
    assert.equal(press("x"), false);
    assert.deepEqual(log, []);
  });

  it("prevents nothing when the page lacks every action a key names", () => {
    const { press } = page("classroom", ["years"]);
    assert.equal(press("f"), false);
    assert.equal(press("ArrowUp"), true);
  });
});

describe("the dispatcher", () => {
  it("listens on one target at a time, and not at all once disabled", () => {
    const { keys, log } = page("classroom", CLASSROOM_ACTIONS);
    const listeners = new Map();
    const target = (name) => ({
      addEventListener: (type, listener) => listeners.set(name, listener),
      removeEventListener: (type, listener) =>
        listeners.get(name) === listener && listeners.delete(name),
    });
    keys.enable(target("document"));
    keys.enable(target("slider"));
    assert.deepEqual([...listeners.keys()], ["slider"]);
    listeners.get("slider")({ key: "b", preventDefault() {} });
    keys.disable();
    assert.equal(listeners.size, 0);
    assert.deepEqual(log, ["blank"]);
  });

  it("runs the first action the page has, and says whether it ran one", () => {
    const actions = new Atlas.Actions();
    const ran = [];
    actions.add("second", (argument) => ran.push(argument));
    assert.equal(actions.run(["first", "second"], 7), true);
    assert.equal(actions.run(["third"], 8), false);
    assert.deepEqual(ran, [7]);
  });
});

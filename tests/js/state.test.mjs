// Atlas.State: named events for what changed, and the address as the state, both ways.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { loadAtlas, plain } from "./load.mjs";

const SCRIPTS = ["core/i18n", "core/time", "core/state"];
const LAYERS = ["cessions", "spheres_1907", "occupations", "corridors", "consulates"];
const DAY = 667350; // 22 February 1828

function atlasAt(address = {}) {
  return loadAtlas(SCRIPTS, address);
}

// A state with a log of every event it emits, in order: "day", "layers", "change"…
function recorded(window, day = DAY, layers = ["cessions"], extras = {}) {
  const state = new window.Atlas.State(day, layers, "en", { ...extras });
  const heard = [];
  state.on("day layers extras change", () => heard.push("any"));
  for (const name of ["day", "layers", "extras", "path", "change"]) {
    state.on(name, (payload) => {
      assert.equal(payload, state);
      heard.push(name);
    });
  }
  const events = () => heard.filter((name) => name !== "any");
  return { state, events, heard };
}

// A small deterministic generator (the tests must fail the same way twice).
function random(seed) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
}

describe("the state's events", () => {
  it("name what changed, then say change once", () => {
    const { state, events } = recorded(atlasAt());
    state.setDay(DAY + 1);
    state.setLayerOn("consulates", true);
    state.setExtra("legend", "off");
    state.setView(DAY - 5, ["spheres_1907"], "/tour/4");
    assert.deepEqual(events(), [
      "day", "change",
      "layers", "change",
      "extras", "change",
      "day", "layers", "path", "change",
    ]); // prettier-ignore
    assert.equal(state.day, DAY - 5);
    assert.deepEqual(plain(state.layers), ["spheres_1907"]);
    assert.equal(state.basePath, "/tour/4");
  });

  it("stay silent, and leave the address alone, when nothing changes", () => {
    const window = atlasAt();
    const { state, events } = recorded(window, DAY, ["cessions"], { tiles: "on" });
    state.setDay(DAY);
    state.setLayerOn("cessions", true);
    state.setLayerOn("consulates", false);
    state.setExtra("tiles", "on");
    state.setExtra("legend", null);
    state.setView(DAY, ["cessions"], state.basePath);
    assert.deepEqual(events(), []);
    assert.equal(window.pendingTimers(), 0);
    assert.equal(state.urlPending, false);
  });

  it("add a layer at the end, keep one already on in its place, and drop one turned off", () => {
    const { state } = recorded(atlasAt(), DAY, ["cessions", "consulates"]);
    state.setLayerOn("spheres_1907", true);
    state.setLayerOn("cessions", true);
    assert.deepEqual(plain(state.layers), ["cessions", "consulates", "spheres_1907"]);
    state.setLayerOn("cessions", false);
    assert.deepEqual(plain(state.layers), ["consulates", "spheres_1907"]);
  });

  it("give a new list to every layers event, never the old one changed in place", () => {
    const { state } = recorded(atlasAt(), DAY, ["cessions"]);
    const before = state.layers;
    state.setLayerOn("consulates", true);
    assert.deepEqual(plain(before), ["cessions"]);
  });

  it("set and clear page settings", () => {
    const { state, events } = recorded(atlasAt());
    state.setExtra("legend", "off");
    assert.deepEqual(plain(state.extras), { legend: "off" });
    state.setExtra("legend", null);
    assert.deepEqual(plain(state.extras), {});
    assert.deepEqual(events(), ["extras", "change", "extras", "change"]);
  });

  it("call a follower at once and then on each event, and forget it after off", () => {
    const { state } = recorded(atlasAt());
    const days = [];
    const follower = (payload) => days.push(payload.day);
    state.follow("day", follower);
    state.setDay(DAY + 1);
    state.off("day", follower);
    state.setDay(DAY + 2);
    assert.deepEqual(days, [DAY, DAY + 1]);
  });

  it("let every listener hear an event even when one leaves while it is heard", () => {
    const { state } = recorded(atlasAt());
    const heard = [];
    const leaving = () => {
      heard.push("leaving");
      state.off("day", leaving);
    };
    state.on("day", leaving);
    state.on("day", () => heard.push("staying"));
    state.setDay(DAY + 1);
    state.setDay(DAY + 2);
    assert.deepEqual(heard, ["leaving", "staying", "staying"]);
  });
});

describe("the state's address", () => {
  it("writes date, layers, a language other than English, and settings in order", () => {
    const { state } = recorded(atlasAt(), DAY, ["cessions", "consulates"]);
    assert.equal(state.query(), "date=1828-02-22&layers=cessions,consulates");
    state.setExtra("tiles", "on");
    state.setExtra("legend", "off");
    assert.equal(state.query(), "date=1828-02-22&layers=cessions,consulates&legend=off&tiles=on");
    assert.equal(
      state.query("fa"),
      "date=1828-02-22&layers=cessions,consulates&lang=fa&legend=off&tiles=on",
    );
    assert.equal(
      new (atlasAt().Atlas.State)(1, [], "ru").query(),
      "date=0001-01-01&layers=&lang=ru",
    );
  });

  it("writes other dates in the place of date= (the comparison's two)", () => {
    const { state } = recorded(atlasAt(), DAY, ["cessions"]);
    state.setExtra("legend", "off");
    assert.equal(
      state.query("ru", ["left=1812-06-01", "right=1829-06-01"]),
      "left=1812-06-01&right=1829-06-01&layers=cessions&lang=ru&legend=off",
    );
  });

  it("joins a path that already has a query with &", () => {
    const { state } = recorded(atlasAt({ pathname: "/atlas/" }), DAY, ["cessions"]);
    assert.equal(state.url(), "/atlas/?date=1828-02-22&layers=cessions");
    state.setView(DAY, ["cessions"], "tour.html?step=3");
    assert.equal(state.url("ru"), "tour.html?step=3&date=1828-02-22&layers=cessions&lang=ru");
  });

  it("follows a burst of changes once, a moment later, keeping the hash", () => {
    const window = atlasAt({ pathname: "/classroom", hash: "#map" });
    const { state } = recorded(window);
    state.setDay(DAY + 1);
    state.setDay(DAY + 2);
    state.setLayerOn("consulates", true);
    assert.equal(state.urlPending, true);
    assert.deepEqual(window.history.replaced, []);
    assert.equal(window.runTimers(), 1);
    assert.equal(state.urlPending, false);
    assert.deepEqual(window.history.replaced, [
      "/classroom?date=1828-02-24&layers=cessions,consulates#map",
    ]);
  });

  it("keeps working when the browser refuses to change the address (file://)", () => {
    const window = atlasAt();
    window.history.replaceState = () => {
      throw new Error("SecurityError");
    };
    const { state } = recorded(window);
    state.setDay(DAY + 1);
    window.runTimers();
    assert.equal(state.urlPending, false);
    assert.equal(state.day, DAY + 1);
  });

  it("comes back from its own address for many views", () => {
    const next = random(42);
    for (let round = 0; round < 500; round++) {
      const day = 1 + Math.floor(next() * 3652059);
      const layers = LAYERS.filter(() => next() < 0.5).sort(() => next() - 0.5);
      const extras = {};
      if (next() < 0.5) extras.legend = "off";
      if (next() < 0.5) extras.tiles = "on";
      const lang = ["en", "fa", "ru"][Math.floor(next() * 3)];
      const written = new (atlasAt().Atlas.State)(day, layers, lang, extras);
      const reader = atlasAt({ search: "?" + written.query() });
      const read = reader.Atlas.State.fromUrl(DAY, ["cessions"], LAYERS, lang);
      assert.deepEqual(
        plain({ day: read.day, layers: read.layers, extras: read.extras, query: read.query() }),
        { day, layers, extras, query: written.query() },
      );
    }
  });

  it("reads what a person may type: partial dates, unknown layers, missing parts", () => {
    const cases = [
      ["?date=1828", 667298, LAYERS.slice(0, 1)],
      ["?date=1828-03&layers=consulates", 667358, ["consulates"]],
      ["?date=1828-02-30&layers=nowhere,consulates,", DAY, ["consulates"]],
      ["?date=tomorrow&layers=", DAY, []],
      ["?layers=consulates,cessions&step=12", DAY, ["consulates", "cessions"]],
      ["", DAY, ["cessions"]],
    ];
    for (const [search, day, layers] of cases) {
      const { Atlas } = atlasAt({ search });
      const state = Atlas.State.fromUrl(DAY, ["cessions"], LAYERS, "en");
      assert.deepEqual(plain({ day: state.day, layers: state.layers }), { day, layers }, search);
    }
  });

  it("knows the page's own opening moment from a date the reader chose", () => {
    const opening = (search) => atlasAt({ search }).Atlas.State.fromUrl(DAY, [], LAYERS).openingDay;
    assert.equal(opening(""), DAY);
    assert.equal(opening("?date=tomorrow"), DAY);
    assert.equal(opening("?date=1828-02-22"), null);
  });

  it("takes only the settings it knows, with the values it knows", () => {
    const read = (search) => plain(atlasAt({ search }).Atlas.State.fromUrl(DAY, [], LAYERS).extras);
    assert.deepEqual(read("?legend=off&tiles=on"), { legend: "off", tiles: "on" });
    assert.deepEqual(read("?legend=on&tiles=off&theme=dark"), {});
  });

  it("sends language links to the same view in the other language", () => {
    const window = atlasAt({ pathname: "/classroom" });
    const { state } = recorded(window, DAY, ["consulates"]);
    const clicks = {};
    const link = {
      getAttribute: (name) => (name === "data-lang" ? "ru" : null),
      addEventListener: (type, listener) => (clicks[type] = listener),
    };
    state.bindLanguageLinks({ querySelectorAll: () => [link] });
    let prevented = false;
    clicks.click({ preventDefault: () => (prevented = true) });
    assert.ok(prevented);
    assert.equal(window.location.href, "/classroom?date=1828-02-22&layers=consulates&lang=ru");
  });
});

describe("the date's precision", () => {
  const read = (search, fallback = DAY) =>
    atlasAt({ search }).Atlas.State.fromUrl(fallback, ["cessions"], LAYERS, "en");

  it("keeps a year or a month as given, in the address and in words", () => {
    for (const [search, text, words] of [
      ["?date=1916", "1916", "1916"],
      ["?date=1920-06", "1920-06", "June 1920"],
      ["?date=1828-02-22", "1828-02-22", "22 February 1828"],
      ["?date=0913", "0913", "913"],
    ]) {
      const state = read(search);
      assert.equal(state.dateText(), text, search);
      assert.equal(state.dateInWords(), words, search);
      assert.ok(state.query().startsWith("date=" + text + "&"), search);
    }
  });

  it("draws a year from its first day and becomes a day of its own once moved", () => {
    const state = read("?date=1916");
    assert.equal(state.day, 699439); // date(1916, 1, 1).toordinal()
    state.setDay(state.day + 40);
    assert.equal(state.precision, "day");
    assert.equal(state.dateText(), "1916-02-10");
  });

  it("takes the page's opening moment as a partial date when the address has none", () => {
    assert.equal(read("", "1828-02-22").dateText(), "1828-02-22");
    assert.equal(read("", "1879").dateInWords(), "1879");
    assert.equal(read("?date=nonsense", "1915-03").dateInWords(), "March 1915");
  });

  it("says day when only the precision changes, and frames every opened moment", () => {
    const { state, events } = recorded(atlasAt(), 699439);
    const framed = [];
    state.on("frame", () => framed.push(state.dateText()));
    state.openDate("1916");
    state.openDate("1916");
    state.setView("1920-06", ["occupations"], "/tour/20");
    state.setDay(state.day + 1);
    assert.deepEqual(events(), [
      "day", "change",
      "day", "layers", "path", "change",
      "day", "change",
    ]); // prettier-ignore
    assert.deepEqual(framed, ["1916", "1916", "1920-06"]);
  });
});

// Atlas.i18n: names and prose in the page's language, English marked where one is missing, and
// the catalogue's labels for coded values (treaty slugs, ranks, statuses).
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { loadAtlas, plain } from "./load.mjs";

const { Atlas } = loadAtlas(["core/i18n", "map/layers"]);

function speak(code) {
  Atlas.i18n.use({
    language: { code, dir: code === "fa" ? "rtl" : "ltr", name: code },
    interface: {},
    calendar: null,
    layers: {},
    key_dates: {},
  });
}

const CESSIONS = {
  id: "cessions",
  properties: {
    treaty: {
      value_labels: {
        "gulistan-1813": {
          en: "Treaty of Gulistan (1813)",
          fa: "عهدنامهٔ گلستان (۱۸۱۳)",
          ru: "Гюлистанский мирный договор (1813)",
        },
      },
    },
    territory: {},
  },
  style: {
    variants: {
      property: "status",
      patterns: {
        dashed: { values: ["suzerainty", "protectorate"], fill_opacity: 0.2, dash: "6 4" },
        dotted: { values: ["claimed"], fill_opacity: 0.08, dash: "2 5" },
      },
    },
  },
};
const PERIOD = {
  name: "Ganja khanate (Russia)",
  name_ru: "Гянджинское ханство",
  description: "Stormed and annexed by Russia in 1804.",
  description_fa: "در ۱۸۰۴ به دست روسیه افتاد.",
  date_note: "Stormed 3/15 Jan 1804.",
};

describe("prose and names in the page's language", () => {
  it("takes the translation when there is one", () => {
    speak("fa");
    assert.deepEqual(plain(Atlas.i18n.textOf(PERIOD, "description")), {
      text: "در ۱۸۰۴ به دست روسیه افتاد.",
      fallback: false,
    });
  });

  it("falls back to English, marked, where a translation is missing", () => {
    speak("ru");
    assert.deepEqual(plain(Atlas.i18n.textOf(PERIOD, "date_note")), {
      text: "Stormed 3/15 Jan 1804.",
      fallback: true,
    });
    speak("fa");
    assert.deepEqual(plain(Atlas.i18n.nameOf(PERIOD)), {
      text: "Ganja khanate (Russia)",
      fallback: true,
    });
  });

  it("never marks English as a fallback in English", () => {
    speak("en");
    assert.equal(Atlas.i18n.textOf(PERIOD, "description").fallback, false);
    assert.equal(Atlas.i18n.textOf({}, "date_note").fallback, false);
  });
});

describe("labels of coded values", () => {
  it("labels a treaty slug in each language", () => {
    for (const [code, label] of [
      ["en", "Treaty of Gulistan (1813)"],
      ["fa", "عهدنامهٔ گلستان (۱۸۱۳)"],
      ["ru", "Гюлистанский мирный договор (1813)"],
    ]) {
      speak(code);
      assert.equal(Atlas.i18n.valueLabel(CESSIONS, "treaty", "gulistan-1813"), label);
    }
  });

  it("shows a value without a label as it is", () => {
    speak("ru");
    assert.equal(Atlas.i18n.valueLabel(CESSIONS, "treaty", "unknown-1900"), "unknown-1900");
    assert.equal(Atlas.i18n.valueLabel(CESSIONS, "territory", "ganja"), "ganja");
    assert.equal(Atlas.i18n.valueLabel(CESSIONS, "nothing", 3), "3");
  });
});

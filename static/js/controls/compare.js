/* Two dates side by side: the page's atlas draws the left date, a second atlas on the same
 * map draws the right date in panes of its own, and a divider clips each to its side.
 *
 * Layers and view are shared (one map; turning a layer on in the legend turns it on for both);
 * each side has its own date control; the address holds both dates
 * (?left=1812-06-01&right=1829-06-01&layers=…), so a comparison can be bookmarked. The divider
 * is a role="separator" that pointer, touch and arrow keys move.
 */
(function (Atlas) {
  "use strict";

  var maths = function () {
    return Atlas.compareMaths;
  };

  // One side's date control: the date in words and in the calendars of the sources, a range
  // over the whole timeline, and buttons to the previous and next key dates.
  function Side(section, state, keyDays, labelKey) {
    var t = Atlas.i18n.t;
    var range = section.querySelector(".atlas-compare-range");
    var go = function (day) {
      state.setDay(Math.max(+range.min, Math.min(+range.max, day)));
    };
    section.querySelector(".atlas-compare-label").textContent = t(labelKey);
    section
      .querySelector(".atlas-compare-previous")
      .setAttribute("aria-label", t("previous_key_date"));
    section.querySelector(".atlas-compare-next").setAttribute("aria-label", t("next_key_date"));
    section.querySelector(".atlas-compare-previous").addEventListener("click", function () {
      go(maths().neighbourDay(keyDays, state.day, -1));
    });
    section.querySelector(".atlas-compare-next").addEventListener("click", function () {
      go(maths().neighbourDay(keyDays, state.day, 1));
    });
    range.addEventListener("input", function () {
      go(+range.value);
    });
    // Arrows step by years (a day per key would take a year to cross a century), PageUp and
    // PageDown by key dates; the page's own keymap never sees these keys.
    range.addEventListener("keydown", function (event) {
      var years = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1 }[event.key];
      var keyStep = { PageDown: 1, PageUp: -1 }[event.key];
      if (years) {
        go(Atlas.time.addYears(state.day, years * (event.shiftKey ? 10 : 1)));
      } else if (keyStep) {
        go(maths().neighbourDay(keyDays, state.day, keyStep));
      } else {
        return;
      }
      event.preventDefault();
      event.stopPropagation();
    });
    state.follow("day", function (current) {
      var words = Atlas.time.inWords(current.day);
      range.value = current.day;
      range.setAttribute("aria-valuetext", words);
      section.querySelector(".atlas-compare-date").textContent = words;
      section.querySelector(".atlas-compare-calendars").textContent =
        Atlas.controls.calendarLine.equivalents(current.day);
    });
    L.DomEvent.disableClickPropagation(section);
    L.DomEvent.disableScrollPropagation(section);
  }

  function dayFromUrl(name, fallback) {
    var day = Atlas.time.firstDay(new URLSearchParams(window.location.search).get(name));
    return isFinite(day) ? day : fallback;
  }

  function Compare(root, atlas, options) {
    var self = this;
    this.map = atlas.map;
    this.left = atlas;
    this.fraction = 0.5;
    var keyDays = (options.keyDates || [])
      .map(function (moment) {
        return Atlas.time.firstDay(moment.date);
      })
      .filter(isFinite)
      .sort(function (a, b) {
        return a - b;
      });
    var query = function (lang) {
      return self.query(lang);
    };
    atlas.state.query = query; // both states write one address, with both dates
    atlas.state.setDay(dayFromUrl("left", options.leftDay));
    var rightState = new Atlas.State(
      dayFromUrl("right", options.rightDay),
      atlas.state.layers,
      atlas.state.lang,
      Object.assign({}, atlas.state.extras),
    );
    rightState.query = query;
    var rightOptions = Object.assign({}, atlas.options, {
      state: rightState,
      panePrefix: "atlas-pane-right-",
      bounds: null,
      webTiles: null,
    });
    this.right = new Atlas.Layers(atlas.map, atlas.data, null, rightOptions);
    atlas.state.on("layers", function (state) {
      rightState.update({ layers: state.layers });
    });
    new Side(root.querySelector('[data-side="left"]'), atlas.state, keyDays, "compare_left");
    new Side(root.querySelector('[data-side="right"]'), rightState, keyDays, "compare_right");
    this.divider = root.querySelector(".atlas-compare-divider");
    this.bindDivider();
    this.map.on("move zoom viewreset resize", this.clip, this);
    this.place(this.fraction);
  }

  // The address: both dates, the layers on, the language and the page's settings.
  Compare.prototype.query = function (lang) {
    var state = this.left.state;
    var rightDay = this.right ? this.right.state.day : state.day;
    var dates = ["left=" + Atlas.time.toIso(state.day), "right=" + Atlas.time.toIso(rightDay)];
    // The state's own query, with both dates (its `query` is this function, on this page).
    return Atlas.State.prototype.query.call(state, lang, dates);
  };

  Compare.prototype.bindDivider = function () {
    var self = this;
    var divider = this.divider;
    divider.setAttribute("aria-label", Atlas.i18n.t("compare_divider"));
    divider.addEventListener("pointerdown", function (event) {
      divider.setPointerCapture(event.pointerId);
      event.preventDefault();
    });
    divider.addEventListener("pointermove", function (event) {
      if (divider.hasPointerCapture(event.pointerId)) {
        var box = self.map.getContainer().getBoundingClientRect();
        self.place(maths().fractionAt(event.clientX, box.left, box.width));
      }
    });
    divider.addEventListener("keydown", function (event) {
      var next = maths().stepFraction(self.fraction, event.key, event.shiftKey);
      if (next !== null) {
        self.place(next);
        event.preventDefault();
        event.stopPropagation();
      }
    });
  };

  // Move the divider to a fraction of the map's width and clip both sides to it.
  Compare.prototype.place = function (fraction) {
    this.fraction = fraction;
    this.divider.style.setProperty("left", (fraction * 100).toFixed(2) + "%");
    this.divider.setAttribute("aria-valuenow", Math.round(fraction * 100));
    this.clip();
  };

  Compare.prototype.clip = function () {
    var map = this.map;
    var size = map.getSize();
    var paths = maths().clipPaths(
      map.containerPointToLayerPoint([0, 0]),
      map.containerPointToLayerPoint(size),
      map.containerPointToLayerPoint([size.x * this.fraction, 0]).x,
    );
    this.left.layerIds.forEach(function (id) {
      map.getPane("atlas-pane-" + id).style.clipPath = paths.left;
      map.getPane("atlas-pane-right-" + id).style.clipPath = paths.right;
    });
  };

  // Keep every "Compare" link of a map page at the view: its date on the left, the next key
  // date (else the one before) on the right, the same layers and language. The toolbar gets
  // one too, beside Save image.
  function link(toolbar, atlas) {
    var header = document.querySelector("a.atlas-compare-link");
    if (!header) {
      return;
    }
    var copy = Atlas.popup.element(
      "a",
      "atlas-compare-link atlas-toolbar-link",
      Atlas.i18n.t("compare_open"),
    );
    toolbar.insertBefore(copy, toolbar.querySelector(".atlas-save-image"));
    var base = header.getAttribute("href");
    var keyDays = atlas.data.key_dates
      .map(function (moment) {
        return Atlas.time.firstDay(moment.date);
      })
      .sort(function (a, b) {
        return a - b;
      });
    atlas.state.follow("change", function (state) {
      var right = maths().neighbourDay(keyDays, state.day, 1);
      right = right === state.day ? maths().neighbourDay(keyDays, state.day, -1) : right;
      var query = [
        "left=" + Atlas.time.toIso(state.day),
        "right=" + Atlas.time.toIso(right),
        "layers=" + state.layers.map(encodeURIComponent).join(","),
      ].concat(state.lang === "en" ? [] : ["lang=" + state.lang]);
      [header, copy].forEach(function (anchor) {
        anchor.href = base + "?" + query.join("&");
      });
    });
  }

  Atlas.control("compare", Compare);
  Object.assign(Atlas.controls.compare, {
    link: link,
  });
})(window.Atlas);

/* The view's state — the day shown, the layers on, a few page settings — as named events,
 * with the URL kept in step.
 *
 * The URL is the state (?date=1828-02-22&layers=cessions,consulates), so any moment can be
 * bookmarked or shared; history.replaceState keeps the back button for real navigation.
 *
 * The date keeps the precision it was given: ?date=1916 is the year 1916 (its first day drawn,
 * "1916" written and kept in the address) until the slider moves it to a day of its own.
 *
 * Events, each given the state, and only when something really changed:
 *   "day"     the day shown, or the precision it is known to
 *   "layers"  the layers on (a new list, in the order they were turned on)
 *   "extras"  a page setting that belongs in a shared link (legend=off, tiles=on)
 *   "change"  once per update, after the others, whatever changed (the path of a tour step too)
 *   "frame"   after "change", when the update opens a moment (a date typed or shared, a key
 *             date, a tour step) rather than moving through time: the map frames what holds
 */
(function (Atlas) {
  "use strict";

  var URL_DELAY_MS = 150;

  function sameList(a, b) {
    return (
      a.length === b.length &&
      a.every(function (item, index) {
        return item === b[index];
      })
    );
  }

  var PRECISIONS = ["year", "month", "day"];

  function precisionOf(text) {
    var parts = Atlas.time.parse(text);
    return !parts ? "day" : parts.day ? "day" : parts.month ? "month" : "year";
  }

  function State(day, layers, lang, extras, precision) {
    this.day = day;
    this.precision = PRECISIONS.indexOf(precision) >= 0 ? precision : "day";
    this.layers = layers.slice();
    this.lang = lang || "en";
    this.extras = extras || {};
    this.basePath = window.location.pathname;
    // True while the address is behind the view (it follows a moment later); tests wait on it.
    this.urlPending = false;
  }

  State.prototype = Object.create(Atlas.Emitter.prototype);
  State.prototype.constructor = State;

  // Listen, and hear the current state at once: a control starts in step with the view.
  State.prototype.follow = function (events, listener) {
    this.on(events, listener);
    listener(this);
    return this;
  };

  // Apply {day, precision, layers, extras: {name: value or null}, path, frame}; emit and write
  // the URL once. A day without a precision is a day of its own (the slider's).
  State.prototype.update = function (changes) {
    var changed = [];
    if (changes.day !== undefined) {
      var precision = changes.precision || "day";
      if (changes.day !== this.day || precision !== this.precision) {
        this.day = changes.day;
        this.precision = precision;
        changed.push("day");
      }
    }
    if (changes.layers && !sameList(changes.layers, this.layers)) {
      this.layers = changes.layers.slice();
      changed.push("layers");
    }
    if (changes.extras && this.changeExtras(changes.extras)) {
      changed.push("extras");
    }
    if (changes.path !== undefined && changes.path !== this.basePath) {
      this.basePath = changes.path;
      changed.push("path");
    }
    if (changed.length) {
      for (var i = 0; i < changed.length; i++) {
        this.emit(changed[i], this);
      }
      this.emit("change", this);
      this.writeUrl();
    }
    // A moment opened again (the same key date twice) is framed again: the reader may have
    // wandered off since.
    if (changes.frame) {
      this.emit("frame", this);
    }
  };

  State.prototype.changeExtras = function (extras) {
    var changed = false;
    for (var name in extras) {
      var value = extras[name];
      changed = changed || (value === null ? name in this.extras : this.extras[name] !== value);
      if (value === null) {
        delete this.extras[name];
      } else {
        this.extras[name] = value;
      }
    }
    return changed;
  };

  State.prototype.setDay = function (day) {
    this.update({ day: day });
  };

  // Open a moment given as a partial date ("1916", "1920-06", "1828-02-22"): drawn from its
  // first day, written at its precision, and framed.
  State.prototype.openDate = function (text) {
    this.update({ day: Atlas.time.firstDay(text), precision: precisionOf(text), frame: true });
  };

  // Move to a date and a set of layers at once (a tour step, with its own address); a date
  // given as text keeps its precision, and the map frames the step.
  State.prototype.setView = function (date, layers, path) {
    var day = typeof date === "number" ? date : Atlas.time.firstDay(date);
    var precision = typeof date === "number" ? "day" : precisionOf(date);
    this.update({ day: day, precision: precision, layers: layers, path: path, frame: true });
  };

  // The date as the address and the page write it: "1916", "1920-06" or "1828-02-22".
  State.prototype.dateText = function () {
    var iso = Atlas.time.toIso(this.day);
    return iso.slice(0, { year: 4, month: 7, day: 10 }[this.precision]);
  };

  // The date in words at its precision: "1916", "June 1920", "22 February 1828".
  State.prototype.dateInWords = function () {
    return Atlas.time.inWords(this.dateText());
  };

  // A layer turned on joins the end of the list; one already on keeps its place.
  State.prototype.setLayerOn = function (layerId, on) {
    var shown = this.layers.indexOf(layerId) >= 0;
    var others = this.layers.filter(function (id) {
      return id !== layerId;
    });
    this.update({ layers: on ? (shown ? this.layers : others.concat([layerId])) : others });
  };

  State.prototype.setExtra = function (name, value) {
    var extras = {};
    extras[name] = value;
    this.update({ extras: extras });
  };

  // The view as an address's query; `dates` replaces date=… (the comparison's left= and right=).
  State.prototype.query = function (lang, dates) {
    var self = this;
    var parts = (dates || ["date=" + this.dateText()]).concat([
      "layers=" + this.layers.map(encodeURIComponent).join(","),
    ]);
    lang = lang || this.lang;
    if (lang !== "en") {
      parts.push("lang=" + lang);
    }
    Object.keys(this.extras)
      .sort()
      .forEach(function (name) {
        parts.push(encodeURIComponent(name) + "=" + encodeURIComponent(self.extras[name]));
      });
    return parts.join("&");
  };

  // The address of this view: the page's path (or a tour step's) with the view as query.
  State.prototype.url = function (lang) {
    var joiner = this.basePath.indexOf("?") >= 0 ? "&" : "?";
    return this.basePath + joiner + this.query(lang);
  };

  // Browsers throttle (and warn about) floods of replaceState while dragging or playing,
  // so the address follows the view a moment later, once per burst of changes.
  State.prototype.writeUrl = function () {
    var self = this;
    window.clearTimeout(this.urlTimer);
    this.urlPending = true;
    this.urlTimer = window.setTimeout(function () {
      self.urlPending = false;
      try {
        window.history.replaceState(null, "", self.url() + window.location.hash);
      } catch (error) {
        // A page opened from file:// may refuse; the view still works, only the URL stays put.
      }
    }, URL_DELAY_MS);
  };

  // Read ?date= and ?layers= from the address, so a static copy honours shared links too.
  // The fallback date is a day ordinal or a partial date (the page's opening moment).
  State.fromUrl = function (fallbackDate, fallbackLayers, knownLayers, lang) {
    var params = new URLSearchParams(window.location.search);
    var text = params.get("date");
    var day = Atlas.time.firstDay(text);
    var chosen = isFinite(day);
    if (!chosen) {
      text = typeof fallbackDate === "number" ? null : fallbackDate;
      day = typeof fallbackDate === "number" ? fallbackDate : Atlas.time.firstDay(fallbackDate);
    }
    var layers = params.has("layers")
      ? params
          .get("layers")
          .split(",")
          .filter(function (id) {
            return knownLayers.indexOf(id) >= 0;
          })
      : fallbackLayers;
    var extras = {};
    if (params.get("legend") === "off") {
      extras.legend = "off";
    }
    if (params.get("tiles") === "on") {
      extras.tiles = "on";
    }
    var state = new State(day, layers, lang, extras, text ? precisionOf(text) : "day");
    // The moment the page chose, not the reader (no date in the address): Play from it plays
    // the story from its beginning.
    state.openingDay = chosen ? null : day;
    return state;
  };

  // Language links keep the current view: the same day and layers, in another language.
  State.prototype.bindLanguageLinks = function (root) {
    var self = this;
    root.querySelectorAll("a[data-lang]").forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        window.location.href = self.url(link.getAttribute("data-lang"));
      });
    });
  };

  Atlas.State = State;
})(window.Atlas);

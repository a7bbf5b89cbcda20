/* The time bar: a slider over the whole timeline on a non-linear axis (core/axis.js) with
 * century labels and key-date ticks, year steps, a date box you can type into, and Play with
 * a speed. Its actions (years, keyDate, edge, play, typeDate) are what the keys run.
 *
 * The range input's value is a position along the track (0 to POSITIONS), not a day: the axis
 * turns one into the other. Dragging follows the thumb exactly; only a release within a few
 * pixels and half a year of a key date settles on it.
 *
 * The date box (controls/date_box.js) has a fixed width, and a second line for the same day
 * in other calendars: see show() below.
 */
(function (Atlas) {
  "use strict";

  var POSITIONS = 20000;
  var SETTLE_PIXELS = 4;
  var SETTLE_DAYS = 183;
  var LABEL_GAP_PIXELS = 44;

  function clamp(value, low, high) {
    return Math.max(low, Math.min(high, value));
  }

  function Slider(root, atlas, options) {
    Atlas.Control.call(this, root, atlas, options);
    var self = this;
    this.first = options.firstDay;
    this.last = options.lastDay;
    this.axis = Atlas.axis.make(this.first, this.last, options.axis);
    this.input = root.querySelector(".atlas-range");
    this.output = root.querySelector(".atlas-date");
    this.calendars = root.querySelector(".atlas-date-calendars");
    this.playButton = root.querySelector(".atlas-play");
    this.speed = root.querySelector(".atlas-speed");
    this.keyDays = keyDaysOf(options.keyDates || []);
    this.input.min = 0;
    this.input.max = POSITIONS;
    this.drawTicks(root.querySelector(".atlas-ticks"));
    this.labelAxis(root.querySelector(".atlas-axis-labels"));
    this.dateBox = new Atlas.DateBox(root, this);
    this.fitDateBox();
    L.DomEvent.disableClickPropagation(root);
    L.DomEvent.disableScrollPropagation(root);
    this.listen(root);
    this.addActions(atlas.actions);
    this.state.follow("day", function (state) {
      self.show(state);
    });
    Atlas.debug.sliders.push(this);
  }

  function keyDaysOf(keyDates) {
    return keyDates
      .map(function (moment) {
        return { day: Atlas.time.firstDay(moment.date), date: moment.date, title: moment.title };
      })
      .filter(function (moment) {
        return isFinite(moment.day);
      })
      .sort(function (a, b) {
        return a.day - b.day;
      });
  }

  Slider.prototype.listen = function (root) {
    var self = this;
    this.input.addEventListener("input", function () {
      self.go(self.axis.dayAt(+self.input.value / POSITIONS));
    });
    // "change" comes once the thumb is let go: the only moment a key date may catch it.
    this.input.addEventListener("change", function () {
      self.settle();
    });
    this.playButton.addEventListener("click", function () {
      self.togglePlay();
    });
    root.querySelectorAll("[data-years]").forEach(function (button) {
      button.addEventListener("click", function () {
        self.stepYears(+button.getAttribute("data-years"));
      });
    });
    if (this.speed) {
      this.speed.addEventListener("change", function () {
        self.restartPlay();
      });
    }
  };

  // What the keys can ask of the slider (controls/keys.js names them).
  Slider.prototype.addActions = function (actions) {
    var self = this;
    actions
      .add("years", this.stepYears.bind(this))
      .add("keyDate", this.stepKeyDate.bind(this))
      .add("edge", function (direction) {
        self.go(direction > 0 ? self.last : self.first);
      })
      .add("play", this.togglePlay.bind(this))
      .add("typeDate", function () {
        self.dateBox.open();
      });
  };

  Slider.prototype.go = function (day) {
    this.state.setDay(clamp(day, this.first, this.last));
  };

  Slider.prototype.stepYears = function (years) {
    this.go(Atlas.time.addYears(this.state.day, years));
  };

  // A key date opens its moment: written at its precision, and framed on the map.
  Slider.prototype.stepKeyDate = function (direction) {
    var moment = this.neighbourKeyDate(direction);
    if (moment) {
      this.state.openDate(moment.date);
    }
  };

  // The track's usable width: the thumb's centre runs from half a thumb in to half a thumb in.
  // Where a day puts the range input's value (tests use it to slide as a hand would).
  Slider.prototype.positionOf = function (day) {
    return Math.round(this.axis.fractionOf(day) * POSITIONS);
  };

  Slider.prototype.trackWidth = function () {
    var thumb = parseFloat(window.getComputedStyle(this.root).getPropertyValue("--thumb")) || 0;
    return Math.max(1, this.input.clientWidth - thumb);
  };

  Slider.prototype.settle = function () {
    var days = this.keyDays.map(function (moment) {
      return moment.day;
    });
    var width = this.trackWidth();
    this.go(this.axis.settle(this.state.day, days, width, SETTLE_PIXELS, SETTLE_DAYS));
  };

  // The date at its precision ("1916", "June 1920"), the thumb, and the other calendars.
  Slider.prototype.show = function (state) {
    var day = state.day;
    var words = state.dateInWords();
    var position = this.positionOf(day);
    // While dragging, the thumb already stands here: rewriting it would make it judder.
    if (Math.abs(+this.input.value - position) > 1) {
      this.input.value = position;
    }
    this.input.setAttribute("aria-valuetext", words);
    this.output.textContent = words;
    // The same day in the calendars of the sources (controls/calendar_line.js).
    var line = Atlas.controls.calendarLine.equivalents(state.dateText());
    this.calendars.textContent = line || "";
    this.calendars.hidden = !line;
  };

  // The date box is as wide as the widest date of the page's language (a 28th of the month in
  // each month, in the box's own type), once: the track never shifts as the words change.
  Slider.prototype.fitDateBox = function () {
    var style = window.getComputedStyle(this.output);
    var size = parseFloat(style.fontSize);
    var context = document.createElement("canvas").getContext("2d");
    if (!context || !size) {
      return;
    }
    context.font = style.fontWeight + " " + style.fontSize + " " + style.fontFamily;
    var widest = 0;
    for (var month = 1; month <= 12; month++) {
      var words = Atlas.time.inWords(Atlas.time.toOrdinal(1828, month, 28));
      widest = Math.max(widest, context.measureText(words).width);
    }
    this.root.style.setProperty("--date-width", (widest / size + 0.6).toFixed(2) + "em");
  };

  Slider.prototype.drawTicks = function (container) {
    var self = this;
    this.keyDays.forEach(function (moment) {
      var tick = document.createElement("button");
      tick.type = "button";
      tick.className = "atlas-tick";
      tick.title = Atlas.controls.calendarLine.withEquivalents(moment.date) + ": " + moment.title;
      tick.setAttribute("aria-label", tick.title);
      tick.tabIndex = -1;
      tick.style.left = 100 * self.axis.fractionOf(moment.day) + "%";
      tick.addEventListener("click", function () {
        self.state.openDate(moment.date);
      });
      container.appendChild(tick);
    });
  };

  // Round years along the track, as many as fit; redrawn whenever the track changes width.
  Slider.prototype.labelAxis = function (container) {
    var self = this;
    var draw = function () {
      var width = self.trackWidth();
      if (width === self.labelledWidth) {
        return;
      }
      self.labelledWidth = width;
      container.textContent = "";
      self.axis.labels(width, LABEL_GAP_PIXELS).forEach(function (label) {
        var node = document.createElement("span");
        node.className = "atlas-axis-label";
        node.textContent = Atlas.time.localDigits(label.year);
        node.style.left = 100 * label.fraction + "%";
        container.appendChild(node);
      });
    };
    draw();
    if (window.ResizeObserver) {
      new window.ResizeObserver(draw).observe(this.input);
    } else {
      window.addEventListener("resize", draw);
    }
  };

  Slider.prototype.neighbourKeyDate = function (direction) {
    var day = this.state.day;
    var candidates = this.keyDays.filter(function (moment) {
      return direction > 0 ? moment.day > day : moment.day < day;
    });
    return direction > 0 ? candidates[0] : candidates[candidates.length - 1];
  };

  // Days on which something drawn (in the layers on) appears or goes, and the key dates.
  Slider.prototype.changes = function () {
    var atlas = this.atlas;
    var entries = [];
    this.state.layers.forEach(function (id) {
      entries = entries.concat(atlas.entries[id] || []);
    });
    return Atlas.play.changesOf(
      entries,
      this.keyDays.map(function (moment) {
        return moment.day;
      }),
    );
  };

  Slider.prototype.yearsPerSecond = function () {
    return (this.speed && +this.speed.value) || 5;
  };

  Slider.prototype.togglePlay = function () {
    if (this.timer) {
      this.stopPlay();
    } else {
      this.startPlay();
    }
  };

  Slider.prototype.startPlay = function () {
    var self = this;
    var changes = this.changes();
    var opening = this.state.day === this.state.openingDay;
    this.go(Atlas.play.start(this.state.day, this.first, this.last, changes, opening));
    // One year a tick; the speed sets how often a tick comes (at most 25 a second).
    var perSecond = this.yearsPerSecond();
    var yearsPerTick = Math.max(1, Math.round(perSecond / 25));
    this.timer = window.setInterval(
      function () {
        if (self.state.day >= self.last) {
          self.stopPlay();
          return;
        }
        self.go(Atlas.play.next(self.state.day, yearsPerTick, self.last, changes));
      },
      (1000 * yearsPerTick) / perSecond,
    );
    this.showPlaying();
  };

  Slider.prototype.stopPlay = function () {
    window.clearInterval(this.timer);
    this.timer = null;
    this.showPlaying();
  };

  // A new speed takes effect at once, from where Play has got to.
  Slider.prototype.restartPlay = function () {
    if (this.timer) {
      this.stopPlay();
      this.startPlay();
    }
  };

  Slider.prototype.showPlaying = function () {
    var label = Atlas.i18n.t(this.timer ? "pause" : "play");
    this.playButton.setAttribute("aria-pressed", this.timer ? "true" : "false");
    this.playButton.setAttribute("aria-label", label);
    this.playButton.title = label;
    this.playButton.textContent = this.timer ? "\u275A\u275A" : "\u25B6";
  };

  Atlas.control("slider", Slider);
})(window.Atlas);

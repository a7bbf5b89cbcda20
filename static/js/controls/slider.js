/* The date slider: the whole timeline on one range input, the date in words, key-date ticks
 * it snaps to, and play. Its actions (years, keyDate, edge, play) are what the keys run.
 */
(function (Atlas) {
  "use strict";

  var SNAP_PIXELS = 6;
  var PLAY_INTERVAL_MS = 120;

  function clamp(value, low, high) {
    return Math.max(low, Math.min(high, value));
  }

  function Slider(root, atlas, options) {
    var self = this;
    this.root = root;
    this.state = atlas.state;
    this.first = options.firstDay;
    this.last = options.lastDay;
    this.yearsPerTick = options.playYearsPerTick || 1;
    this.input = root.querySelector(".atlas-range");
    this.output = root.querySelector(".atlas-date");
    this.playButton = root.querySelector(".atlas-play");
    this.keyDays = (options.keyDates || [])
      .map(function (moment) {
        return { day: Atlas.time.firstDay(moment.date), date: moment.date, title: moment.title };
      })
      .filter(function (moment) {
        return isFinite(moment.day);
      })
      .sort(function (a, b) {
        return a.day - b.day;
      });
    this.drawTicks(root.querySelector(".atlas-ticks"));
    L.DomEvent.disableClickPropagation(root);
    L.DomEvent.disableScrollPropagation(root);
    this.input.addEventListener("input", function () {
      self.go(self.snap(+self.input.value));
    });
    this.playButton.addEventListener("click", function () {
      self.togglePlay();
    });
    this.addActions(atlas.actions);
    this.state.follow("day", function (state) {
      self.show(state);
    });
  }

  // What the keys can ask of the slider (controls/keys.js names them).
  Slider.prototype.addActions = function (actions) {
    var self = this;
    actions
      .add("years", this.stepYears.bind(this))
      .add("keyDate", this.stepKeyDate.bind(this))
      .add("edge", function (direction) {
        self.go(direction > 0 ? self.last : self.first);
      })
      .add("play", this.togglePlay.bind(this));
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

  Slider.prototype.show = function (state) {
    var words = state.dateInWords();
    this.input.value = state.day;
    this.input.setAttribute("aria-valuetext", words);
    this.output.textContent = words;
  };

  Slider.prototype.drawTicks = function (container) {
    var self = this;
    this.keyDays.forEach(function (moment) {
      var tick = document.createElement("button");
      tick.type = "button";
      tick.className = "atlas-tick";
      tick.title = Atlas.time.inWords(moment.date) + ": " + moment.title;
      tick.setAttribute("aria-label", tick.title);
      tick.tabIndex = -1;
      tick.style.left = (100 * (moment.day - self.first)) / (self.last - self.first) + "%";
      tick.addEventListener("click", function () {
        self.state.openDate(moment.date);
      });
      container.appendChild(tick);
    });
  };

  // While dragging, a key date within a few pixels catches the slider.
  Slider.prototype.snap = function (day) {
    var width = this.input.clientWidth || 1;
    var tolerance = ((this.last - this.first) / width) * SNAP_PIXELS;
    var best = day;
    var bestDistance = tolerance;
    this.keyDays.forEach(function (moment) {
      var distance = Math.abs(moment.day - day);
      if (distance <= bestDistance) {
        best = moment.day;
        bestDistance = distance;
      }
    });
    return best;
  };

  Slider.prototype.neighbourKeyDate = function (direction) {
    var day = this.state.day;
    var candidates = this.keyDays.filter(function (moment) {
      return direction > 0 ? moment.day > day : moment.day < day;
    });
    return direction > 0 ? candidates[0] : candidates[candidates.length - 1];
  };

  Slider.prototype.togglePlay = function () {
    var self = this;
    if (this.timer) {
      window.clearInterval(this.timer);
      this.timer = null;
    } else {
      if (this.state.day >= this.last) {
        this.go(this.first);
      }
      this.timer = window.setInterval(function () {
        if (self.state.day >= self.last) {
          self.togglePlay();
          return;
        }
        self.go(Atlas.time.addYears(self.state.day, self.yearsPerTick));
      }, PLAY_INTERVAL_MS);
    }
    this.playButton.setAttribute("aria-pressed", this.timer ? "true" : "false");
    this.playButton.setAttribute("aria-label", Atlas.i18n.t(this.timer ? "pause" : "play"));
    this.playButton.title = this.playButton.getAttribute("aria-label");
    this.playButton.textContent = this.timer ? "\u275A\u275A" : "\u25B6";
  };

  Atlas.controls.slider = {
    attach: function (root, atlas, options) {
      return new Slider(root, atlas, options);
    },
  };
})(window.Atlas);

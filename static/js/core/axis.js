/* The slider's axis: where a day sits along the track, and which day sits under a point.
 *
 * Pure arithmetic, no DOM (tests/js/axis.test.mjs). The axis is piecewise linear: the atlas
 * runs from the 8th century to today, but its story is crowded into 1700–today, so each era
 * gets its own share of the track (by default 780–1500 the first 10 %, 1500–1700 the next 10 %,
 * 1700–today the remaining 80 %). At 1366 px that gives the modern era about 1.5 px a year,
 * so every year can be reached by dragging, while the whole span stays on one track, as
 * OpenHistoricalMap's range control keeps its whole range in reach.
 */
(function (Atlas) {
  "use strict";

  // [year, share of the track before it]: a year's 1 January sits at that fraction.
  var ERAS = [
    [1500, 0.1],
    [1700, 0.2],
  ];
  // Label steps, roundest first: a round year claims its place before a less round one.
  var LABEL_STEPS = [1000, 500, 200, 100, 50];
  // A label's middle stays this far inside the track's ends (half a four-digit year).
  var EDGE = 14;

  function clamp(value, low, high) {
    return Math.max(low, Math.min(high, value));
  }

  // The track's breakpoints as [day, fraction], from first (0) to last (1), kept monotonic.
  function breakpoints(first, last, eras) {
    var points = [[first, 0]];
    (eras || ERAS).forEach(function (era) {
      var day = Atlas.time.toOrdinal(era[0], 1, 1);
      var previous = points[points.length - 1];
      if (day > previous[0] && day < last && era[1] > previous[1] && era[1] < 1) {
        points.push([day, era[1]]);
      }
    });
    points.push([last, 1]);
    return points;
  }

  function Axis(first, last, eras) {
    this.first = first;
    this.last = Math.max(last, first + 1);
    this.points = breakpoints(this.first, this.last, eras);
  }

  // Interpolate along the breakpoints: column `from` (0 day, 1 fraction) gives column `to`.
  Axis.prototype.interpolate = function (value, from, to) {
    var points = this.points;
    for (var i = 1; i < points.length; i++) {
      if (value <= points[i][from] || i === points.length - 1) {
        var a = points[i - 1];
        var b = points[i];
        var share = (value - a[from]) / (b[from] - a[from]);
        return a[to] + clamp(share, 0, 1) * (b[to] - a[to]);
      }
    }
    return points[0][to];
  };

  // Where a day sits, from 0 (the first day) to 1 (the last).
  Axis.prototype.fractionOf = function (day) {
    return this.interpolate(clamp(day, this.first, this.last), 0, 1);
  };

  // The day under a point of the track (0 to 1).
  Axis.prototype.dayAt = function (fraction) {
    return Math.round(this.interpolate(clamp(fraction, 0, 1), 1, 0));
  };

  // Days per pixel around a day, on a track `width` pixels wide.
  Axis.prototype.daysPerPixel = function (day, width) {
    var step = 1 / Math.max(width, 1);
    var here = this.fractionOf(day);
    var low = this.dayAt(Math.max(0, here - step / 2));
    var high = this.dayAt(Math.min(1, here + step / 2));
    return Math.max(high - low, 1);
  };

  // Years to label on a track `width` pixels wide: the roundest first, none closer than
  // `gap` pixels to another. Returns [{year, fraction}] in order along the track.
  Axis.prototype.labels = function (width, gap) {
    var self = this;
    var firstYear = Atlas.time.fromOrdinal(this.first).year;
    var lastYear = Atlas.time.fromOrdinal(this.last).year;
    var chosen = [];
    LABEL_STEPS.forEach(function (step) {
      for (var year = Math.ceil(firstYear / step) * step; year <= lastYear; year += step) {
        var x = self.fractionOf(Atlas.time.toOrdinal(year, 1, 1)) * width;
        var crowded = chosen.some(function (label) {
          return label.year === year || Math.abs(label.x - x) < gap;
        });
        if (!crowded && x >= EDGE && x <= width - EDGE) {
          chosen.push({ year: year, x: x });
        }
      }
    });
    return chosen
      .sort(function (a, b) {
        return a.year - b.year;
      })
      .map(function (label) {
        return { year: label.year, fraction: label.x / width };
      });
  };

  // The key day a released thumb settles on: only one within `pixels` of it on the track and
  // within `days` of it in time; otherwise the day itself. Dragging never snaps.
  Axis.prototype.settle = function (day, keyDays, width, pixels, days) {
    var here = this.fractionOf(day) * width;
    var best = day;
    var bestDistance = Infinity;
    for (var i = 0; i < keyDays.length; i++) {
      var distance = Math.abs(keyDays[i] - day);
      var apart = Math.abs(this.fractionOf(keyDays[i]) * width - here);
      if (apart <= pixels && distance <= days && distance < bestDistance) {
        best = keyDays[i];
        bestDistance = distance;
      }
    }
    return best;
  };

  Atlas.axis = {
    ERAS: ERAS,
    make: function (first, last, eras) {
      return new Axis(first, last, eras);
    },
  };
})(window.Atlas);

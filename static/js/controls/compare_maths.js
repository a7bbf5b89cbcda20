/* The arithmetic of the comparison page, apart from the DOM so Node can test it
 * (tests/js/compare.test.mjs): where the divider stands, how keys move it, the clip of each
 * side, and the key date next to a day.
 */
(function (Atlas) {
  "use strict";

  var STEP = 0.02; // an arrow key moves the divider by 2 % of the map's width
  var BIG_STEP = 0.1; // with Shift, or PageUp/PageDown

  function clamp(value, low, high) {
    return Math.max(low, Math.min(high, value));
  }

  // The divider's place (0 = left edge, 1 = right edge) under a pointer at clientX.
  function fractionAt(clientX, left, width) {
    return width > 0 ? clamp((clientX - left) / width, 0, 1) : 0.5;
  }

  // Where a key moves the divider from `fraction`, or null for a key it ignores.
  function stepFraction(fraction, key, shift) {
    var step = shift ? BIG_STEP : STEP;
    var moves = {
      ArrowLeft: -step,
      ArrowDown: -step,
      ArrowRight: step,
      ArrowUp: step,
      PageDown: -BIG_STEP,
      PageUp: BIG_STEP,
    };
    if (key === "Home") {
      return 0;
    }
    if (key === "End") {
      return 1;
    }
    return key in moves ? clamp(Math.round((fraction + moves[key]) * 1000) / 1000, 0, 1) : null;
  }

  function polygon(points) {
    return (
      "polygon(" +
      points
        .map(function (p) {
          return p[0] + "px " + p[1] + "px";
        })
        .join(", ") +
      ")"
    );
  }

  // CSS clip-paths, in the panes' own pixels, that keep each side to its part of the map:
  // nw and se are the map's corners and x the divider, all as Leaflet layer points.
  function clipPaths(nw, se, x) {
    return {
      left: polygon([
        [nw.x, nw.y],
        [x, nw.y],
        [x, se.y],
        [nw.x, se.y],
      ]),
      right: polygon([
        [x, nw.y],
        [se.x, nw.y],
        [se.x, se.y],
        [x, se.y],
      ]),
    };
  }

  // The nearest of the sorted `days` before (direction -1) or after (+1) `day`; else `day`.
  function neighbourDay(days, day, direction) {
    var candidates = days.filter(function (other) {
      return direction > 0 ? other > day : other < day;
    });
    if (!candidates.length) {
      return day;
    }
    return direction > 0 ? candidates[0] : candidates[candidates.length - 1];
  }

  Atlas.compareMaths = {
    fractionAt: fractionAt,
    stepFraction: stepFraction,
    clipPaths: clipPaths,
    neighbourDay: neighbourDay,
  };
})(window.Atlas);

/* Where a framed subject goes on the screen: pure pixel arithmetic, no Leaflet, no DOM
 * (tests/js/placing.test.mjs). map/framing.js asks it for the part of the screen the panels
 * leave free and, axis by axis, where the screen's first pixel goes.
 */
(function (Atlas) {
  "use strict";

  var MARGIN = 12; // between a framed subject and the panels or the screen's edge

  function crosses(box, left, top, right, bottom) {
    return box.left < right && box.right > left && box.top < bottom && box.bottom > top;
  }

  // The largest rectangle of the map no panel covers: its edges can only be the window's or a
  // panel's, so trying every pair of those is exact (a handful of panels, a few thousand tries).
  function freeArea(size, boxes) {
    var xs = [0, size.x];
    var ys = [0, size.y];
    boxes.forEach(function (box) {
      xs.push(box.left, box.right);
      ys.push(box.top, box.bottom);
    });
    xs = xs.filter(inside(0, size.x)).sort(numeric);
    ys = ys.filter(inside(0, size.y)).sort(numeric);
    var best = { left: 0, top: 0, right: size.x, bottom: size.y, area: -1 };
    for (var a = 0; a < xs.length; a++) {
      for (var b = a + 1; b < xs.length; b++) {
        for (var c = 0; c < ys.length; c++) {
          for (var d = c + 1; d < ys.length; d++) {
            var area = (xs[b] - xs[a]) * (ys[d] - ys[c]);
            if (area > best.area && !blocked(boxes, xs[a], ys[c], xs[b], ys[d])) {
              best = { left: xs[a], top: ys[c], right: xs[b], bottom: ys[d], area: area };
            }
          }
        }
      }
    }
    return best;
  }

  function blocked(boxes, left, top, right, bottom) {
    return boxes.some(function (box) {
      return crosses(box, left, top, right, bottom);
    });
  }

  function inside(low, high) {
    return function (value) {
      return value >= low && value <= high;
    };
  }

  function numeric(a, b) {
    return a - b;
  }

  // Where the screen's first pixel goes on one axis (in the map's pixels at the frame's zoom):
  // the framed span (the subject and its context) centred in the free span [f0, f1] of a
  // screen `length` long; then the window {low, high, slack} kept over the whole screen where
  // it can be; and if that leaves the subject [a, b] itself under a panel, slid towards the
  // panel as far as the subject needs, within the slack.
  function place(framedSpan, subjectSpan, freeSpan, length, window) {
    var a = Math.min(subjectSpan[0], subjectSpan[1]);
    var b = Math.max(subjectSpan[0], subjectSpan[1]);
    var f0 = freeSpan[0] + MARGIN;
    var f1 = freeSpan[1] - MARGIN;
    var origin = (framedSpan[0] + framedSpan[1]) / 2 - (f0 + f1) / 2;
    if (!window) {
      return origin;
    }
    origin = fit(origin, length, window);
    if (b - a <= f1 - f0) {
      origin = clamp(origin, b - f1, a - f0);
    }
    return clamp(origin, window.low - window.slack[0], window.high - length + window.slack[1]);
  }

  // The screen's first pixel on one axis with the window over the whole screen (centred when
  // the window is the smaller).
  function fit(origin, length, window) {
    return clamp(origin, window.low, window.high - length);
  }

  function clamp(value, low, high) {
    return low > high ? (low + high) / 2 : Math.min(Math.max(value, low), high);
  }

  Atlas.placing = { MARGIN: MARGIN, freeArea: freeArea, place: place, fit: fit };
})(window.Atlas);

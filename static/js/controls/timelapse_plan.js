/* What a timelapse will record, apart from the DOM so Node can test it
 * (tests/js/timelapse.test.mjs): the days of its frames and its length.
 */
(function (Atlas) {
  "use strict";

  var MAX_FRAMES = 600; // a minute at 10 frames a second: longer is no longer a clip for slides

  function wholeNumber(value, fallback) {
    var number = value === "" || value === null ? NaN : Math.round(Number(value));
    return isFinite(number) ? number : fallback;
  }

  // The plan for years `from` to `to` (either order), `step` years a frame (at least 1) and
  // `frameMs` per frame: {days: [ordinals of 1 January of each frame's year], frameMs,
  // seconds}. The last year is always a frame, so 1800-1830 by 1 has 31 frames.
  function plan(from, to, step, frameMs) {
    var first = Math.max(1, Math.min(9999, wholeNumber(from, 1800)));
    var last = Math.max(1, Math.min(9999, wholeNumber(to, first)));
    if (last < first) {
      var swap = first;
      first = last;
      last = swap;
    }
    step = Math.max(1, wholeNumber(step, 1));
    step = Math.max(step, Math.ceil((last - first + 1) / MAX_FRAMES));
    frameMs = Math.max(40, Math.min(5000, wholeNumber(frameMs, 250)));
    var years = [];
    for (var year = first; year < last; year += step) {
      years.push(year);
    }
    years.push(last);
    return {
      first: first,
      last: last,
      step: step,
      frameMs: frameMs,
      days: years.map(function (y) {
        return Atlas.time.toOrdinal(y, 1, 1);
      }),
      seconds: (years.length * frameMs) / 1000,
    };
  }

  // When frame `index` is due, in milliseconds from the start of the recording.
  function dueAt(plan, index) {
    return index * plan.frameMs;
  }

  Atlas.timelapsePlan = { plan: plan, dueAt: dueAt, MAX_FRAMES: MAX_FRAMES };
})(window.Atlas);

/* Where Play starts and where each of its steps lands: pure day arithmetic, no DOM
 * (tests/js/play.test.mjs).
 *
 * Play starts where the reader is, unless the reader has not chosen a date yet (the page's
 * opening moment) or there is nothing left to see after it: then it starts at the first
 * content, so Play tells the story from its beginning. Each step moves on by
 * whole years, and a stretch where nothing changes (the seven centuries between the Rus'
 * raids and the Muscovy Company) is crossed in one step, stopping a year before the next
 * change, so no one watches an empty map for two minutes.
 *
 * `changes` is the sorted list of days on which something drawn appears or disappears.
 */
(function (Atlas) {
  "use strict";

  // A stretch longer than this with nothing changing is crossed in one step.
  var QUIET_YEARS = 10;

  function firstAfter(changes, day) {
    for (var i = 0; i < changes.length; i++) {
      if (changes[i] > day) {
        return changes[i];
      }
    }
    return null;
  }

  // The day Play starts from: the reader's day, or the first content if nothing lies ahead
  // or the day is the page's opening moment (`opening`), which the reader did not choose.
  function start(day, first, last, changes, opening) {
    var ahead = firstAfter(changes, day);
    if (!opening && day < last && ahead !== null && ahead <= last) {
      return day;
    }
    var story = firstAfter(changes, first - 1);
    return story === null ? first : Math.max(first, Math.min(story, last));
  }

  // The day after one step of `years` from `day`, never past `last`.
  function next(day, years, last, changes) {
    var time = Atlas.time;
    var target = time.addYears(day, years);
    var change = firstAfter(changes, day);
    if (change !== null && time.addYears(day, QUIET_YEARS) < change) {
      target = Math.max(target, time.addYears(change, -1));
    }
    return Math.min(target, last);
  }

  // The days a set of entries ({first, last}) appear and disappear, sorted, once each.
  function changesOf(entries, keyDays) {
    var days = {};
    entries.forEach(function (entry) {
      if (isFinite(entry.first)) {
        days[entry.first] = true;
      }
      if (isFinite(entry.last)) {
        days[entry.last + 1] = true;
      }
    });
    (keyDays || []).forEach(function (day) {
      days[day] = true;
    });
    return Object.keys(days)
      .map(Number)
      .sort(function (a, b) {
        return a - b;
      });
  }

  Atlas.play = { start: start, next: next, changesOf: changesOf, QUIET_YEARS: QUIET_YEARS };
})(window.Atlas);

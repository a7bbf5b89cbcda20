/* The time of a feature in its popup: its dates in the calendars of the sources, and a small
 * timeline bar whose ends fade over whatever the sources leave uncertain.
 *
 * A bar runs from the feature's earliest possible start to its latest possible end. A date
 * known to the day ends it sharply; a date known only to the month or the year (start_date
 * "1736") fades across that month or year, and an EDTF date ("1813~", "1908/1909", "[..1935]",
 * given as day ranges in the layer's uncertain_dates) fades across the whole range it allows.
 * Nothing is drawn sharper than the sources know it.
 */
(function (Atlas) {
  "use strict";

  var PADDING = 0.08; // of the bar's span, left blank at each end

  // [first, last] days a start or end may fall on; open bounds (null) stay open.
  function edgeRange(value, edtfRange) {
    if (edtfRange) {
      return edtfRange;
    }
    if (!value) {
      return null;
    }
    return [Atlas.time.firstDay(value), Atlas.time.lastDay(value)];
  }

  // The bar's geometry in percent: where the fade-in starts and ends, and the fade-out.
  // Exported for the Node tests (tests/js/popup_time.test.mjs).
  function barStops(start, end, today) {
    var known = [start && start[0], start && start[1], end && end[0], end && end[1], today].filter(
      function (day) {
        return typeof day === "number" && isFinite(day);
      },
    );
    var low = Math.min.apply(null, known);
    var high = Math.max.apply(null, known);
    var span = Math.max(high - low, 365);
    low -= span * PADDING;
    high += span * PADDING;
    function at(day, fallback) {
      return typeof day === "number" && isFinite(day)
        ? (100 * (day - low)) / (high - low)
        : fallback;
    }
    return {
      fadeInFrom: start ? at(start[0], 0) : 0,
      fadeInTo: start ? at(start[1], 0) : 0,
      fadeOutFrom: end ? at(end[0], 100) : 100,
      fadeOutTo: end ? at(end[1], 100) : 100,
      today: at(today, null),
      low: low,
      high: high,
    };
  }

  function gradient(stops, colour) {
    function pc(value) {
      return value.toFixed(2) + "%";
    }
    return (
      "linear-gradient(to right, transparent " +
      pc(stops.fadeInFrom) +
      ", " +
      colour +
      " " +
      pc(stops.fadeInTo) +
      ", " +
      colour +
      " " +
      pc(stops.fadeOutFrom) +
      ", transparent " +
      pc(stops.fadeOutTo) +
      ")"
    );
  }

  // A bound of a range in words at the precision it suggests: a lower bound on 1 January is
  // a year, on the 1st a month; an upper bound on 31 December a year, on a month's end a month.
  function boundWords(day, upper) {
    var iso = Atlas.time.toIso(day);
    var d = Atlas.time.fromOrdinal(day);
    var wholeYear = upper ? d.month === 12 && d.day === 31 : d.month === 1 && d.day === 1;
    var monthEnd = Atlas.time.lastDay(iso.slice(0, 7)) === day;
    var wholeMonth = upper ? monthEnd : d.day === 1;
    return Atlas.time.inWords(wholeYear ? iso.slice(0, 4) : wholeMonth ? iso.slice(0, 7) : day);
  }

  function uncertainText(edge, range) {
    var t = Atlas.i18n.t;
    var values = { edge: t("edge_" + edge) };
    if (range[0] !== null) {
      values.first = boundWords(range[0], false);
    }
    if (range[1] !== null) {
      values.last = boundWords(range[1], true);
    }
    var key = values.first ? (values.last ? "between" : "from") : "by";
    return t("date_range_" + key, values);
  }

  // The timeline bar of a feature, with a mark at the day the map shows.
  function timelineBar(properties, uncertain, today, colour) {
    var element = Atlas.popup.element;
    var start = edgeRange(properties.start_date, uncertain && uncertain.start);
    var end = edgeRange(properties.end_date, uncertain && uncertain.end);
    var stops = barStops(start, end, today);
    var root = element("div", "atlas-timeline");
    var bar = element("div", "atlas-timeline-bar");
    bar.style.setProperty("background", gradient(stops, colour || "#7a3b2e"));
    bar.setAttribute("role", "img");
    bar.setAttribute("aria-label", Atlas.i18n.t("timeline_label"));
    bar.title = Atlas.i18n.t("timeline_label");
    if (stops.today !== null) {
      var mark = element("span", "atlas-timeline-today");
      mark.style.setProperty("left", stops.today.toFixed(2) + "%");
      bar.appendChild(mark);
    }
    root.appendChild(bar);
    var ends = element("div", "atlas-timeline-ends");
    ends.appendChild(
      element(
        "span",
        null,
        Atlas.time.localDigits(Atlas.time.fromOrdinal(Math.ceil(stops.low)).year),
      ),
    );
    ends.appendChild(
      element(
        "span",
        null,
        Atlas.time.localDigits(Atlas.time.fromOrdinal(Math.floor(stops.high)).year),
      ),
    );
    root.appendChild(ends);
    ["start", "end"].forEach(function (edge) {
      if (uncertain && uncertain[edge]) {
        root.appendChild(
          element("p", "atlas-timeline-uncertain", uncertainText(edge, uncertain[edge])),
        );
      }
    });
    return root;
  }

  // The start and end in the calendars of the sources, one line each (none for plain years
  // after 1925, which have no Julian and whose Solar Hijri year the date line already implies).
  function calendarLines(properties) {
    var root = Atlas.popup.element("p", "atlas-popup-calendars");
    [properties.start_date, properties.end_date].forEach(function (value) {
      if (value && Atlas.controls.calendarLine.equivalents(value)) {
        root.appendChild(
          Atlas.popup.element("span", null, Atlas.controls.calendarLine.withEquivalents(value)),
        );
      }
    });
    return root.childNodes.length ? root : null;
  }

  Atlas.popupTime = { timelineBar: timelineBar, calendarLines: calendarLines, barStops: barStops };
})(window.Atlas);

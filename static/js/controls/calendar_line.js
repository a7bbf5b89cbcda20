/* The date in the calendars of the sources, beside the Gregorian date wherever the page shows
 * one: a second line under the slider's date box, and text for ticks, captions and images.
 *
 * Atlas.calendars does the arithmetic and the words (geodata/CALENDARS.md says which calendar
 * is shown when); this file only places its answers. The second line keeps a fixed height, so
 * the date box does not jump as the slider crosses 1918 or 1925 and a calendar drops out.
 */
(function (Atlas) {
  "use strict";

  var SEPARATOR = " · ";

  // The equivalents of a day (an ordinal or a partial ISO date) in the page's language.
  function equivalents(value) {
    return Atlas.calendars.equivalents(value, Atlas.i18n.lang()).join(SEPARATOR);
  }

  // The date in the page's words followed by its equivalents: for ticks, captions and images.
  function withEquivalents(value) {
    var words = Atlas.time.inWords(value);
    var others = equivalents(value);
    return others ? words + SEPARATOR + others : words;
  }

  // Put a line of equivalents under the slider's date (an <output>) and keep it in step.
  function attach(output, state) {
    var box = document.createElement("div");
    box.className = "atlas-datebox";
    output.parentNode.insertBefore(box, output);
    box.appendChild(output);
    var line = document.createElement("span");
    line.className = "atlas-date-calendars";
    box.appendChild(line);
    state.follow("day", function (current) {
      line.textContent = equivalents(current.day);
    });
    return line;
  }

  Atlas.controls.calendarLine = {
    attach: attach,
    equivalents: equivalents,
    withEquivalents: withEquivalents,
  };
})(window.Atlas);

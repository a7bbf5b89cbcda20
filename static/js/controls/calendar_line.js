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
  var RTL = ["fa"];

  // Dates joined by a middle dot. In Persian each date is a right-to-left isolate: digits are
  // weak in the bidi algorithm, and without isolates "ه.ق. · ۱۰ فوریه" reorders around the dot.
  function joined(dates) {
    if (RTL.indexOf(Atlas.i18n.lang()) >= 0) {
      dates = dates.map(function (text) {
        return "\u2067" + text + "\u2069";
      });
    }
    return dates.join(SEPARATOR);
  }

  // The equivalents of a day (an ordinal or a partial ISO date) in the page's language.
  function equivalents(value) {
    return joined(Atlas.calendars.equivalents(value, Atlas.i18n.lang()));
  }

  // The date in the page's words followed by its equivalents: for ticks, captions and images.
  function withEquivalents(value) {
    return joined(
      [Atlas.time.inWords(value)].concat(Atlas.calendars.equivalents(value, Atlas.i18n.lang())),
    );
  }

  // The date in words with its equivalents in brackets, for a date inside a sentence.
  function inSentence(value) {
    var others = equivalents(value);
    return Atlas.time.inWords(value) + (others ? " (" + others + ")" : "");
  }

  Atlas.controls.calendarLine = {
    equivalents: equivalents,
    withEquivalents: withEquivalents,
    inSentence: inSentence,
  };
})(window.Atlas);

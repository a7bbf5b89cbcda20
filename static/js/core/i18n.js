/* The page's language: interface strings, calendar words, translated names and captions.
 *
 * The server sends one catalogue (English, Persian or Russian, English filling any gap);
 * a name missing in the page's language falls back to English and says so.
 */
(function (Atlas) {
  "use strict";

  var catalogue = {
    language: { code: "en", dir: "ltr" },
    interface: {},
    calendar: null,
    layers: {},
    key_dates: {},
  };

  function fill(pattern, values) {
    return String(pattern).replace(/\{(\w+)\}/g, function (match, key) {
      return values && values[key] !== undefined ? values[key] : match;
    });
  }

  Atlas.i18n = {
    use: function (entries) {
      if (entries) {
        catalogue = entries;
      }
    },
    lang: function () {
      return catalogue.language.code;
    },
    languageName: function () {
      return catalogue.language.name;
    },
    calendar: function () {
      return catalogue.calendar;
    },
    t: function (key, values) {
      var pattern = catalogue.interface[key];
      return pattern === undefined ? key : fill(pattern, values);
    },
    fill: fill,
    // The feature's name in the page's language, or English marked as a fallback.
    nameOf: function (properties) {
      var lang = catalogue.language.code;
      var own = lang === "en" ? properties.name : properties["name_" + lang];
      if (own) {
        return { text: own, fallback: false };
      }
      return { text: properties.name, fallback: lang !== "en" };
    },
    // A feature's prose (description, date_note) in the page's language, or English marked.
    textOf: function (properties, key) {
      var lang = catalogue.language.code;
      var own = lang === "en" ? properties[key] : properties[key + "_" + lang];
      if (own) {
        return { text: own, fallback: false };
      }
      return { text: properties[key], fallback: lang !== "en" && Boolean(properties[key]) };
    },
    // A coded value (a treaty slug, a mission rank, a status) as the catalogue labels it.
    valueLabel: function (layer, key, value) {
      var rule = (layer.properties || {})[key] || {};
      var label = (rule.value_labels || {})[value];
      if (!label) {
        return String(value);
      }
      return label[catalogue.language.code] || label.en || String(value);
    },
    layerText: function (layerId) {
      return catalogue.layers[layerId] || {};
    },
    layerTitle: function (layer) {
      var entry = catalogue.layers[layer.id];
      return (entry && entry.title) || layer.title;
    },
    propertyLabel: function (layer, key) {
      var entry = catalogue.layers[layer.id];
      var own = entry && entry.properties && entry.properties[key];
      return own || ((layer.properties || {})[key] || {}).label || key;
    },
    keyDate: function (moment) {
      var own = catalogue.key_dates[moment.id] || {};
      return { title: own.title || moment.title, caption: own.caption || moment.caption };
    },
  };
})(window.Atlas);

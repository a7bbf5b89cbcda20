/* What a feature says when clicked: its name, dates, facts, certainty, note and sources.
 *
 * Popups are built from DOM nodes and textContent only: data never becomes markup.
 */
(function (Atlas) {
  "use strict";

  // A source reference is "key" or "key: locator" (a page, a folio), as the data contract says.
  function citation(ref) {
    var text = String(ref);
    var key = text.split(":")[0];
    return { key: key, locator: text.slice(key.length + 1).trim() };
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function nameElement(tag, className, properties) {
    var name = Atlas.i18n.nameOf(properties);
    var node = element(tag, className, name.text);
    if (name.fallback) {
      node.classList.add("atlas-name-fallback");
      node.title = Atlas.i18n.t("name_in_english", { language: Atlas.i18n.languageName() });
      node.lang = "en";
      node.dir = "ltr";
    }
    return node;
  }

  // Prose in the page's language; English, marked as such, where a translation is missing.
  function proseElement(className, properties, key) {
    var prose = Atlas.i18n.textOf(properties, key);
    var node = element("p", className, prose.text);
    if (prose.fallback) {
      node.lang = "en";
      node.dir = "ltr";
    }
    return node;
  }

  function factText(layerSpec, key, value) {
    var values = Array.isArray(value) ? value : [value];
    return values
      .map(function (one) {
        return Atlas.i18n.valueLabel(layerSpec, key, one);
      })
      .join(", ");
  }

  // `day` is the day the map shows (the timeline bar marks it).
  function content(feature, layerSpec, sources, day) {
    var p = feature.properties;
    var root = element("div", "atlas-popup");
    root.appendChild(nameElement("h3", "atlas-popup-name", p));
    root.appendChild(
      element("p", "atlas-popup-dates", Atlas.time.spanInWords(p.start_date, p.end_date)),
    );
    appendTime(root, feature, layerSpec, day);
    var facts = element("dl", "atlas-popup-facts");
    Object.keys(layerSpec.properties || {}).forEach(function (key) {
      if (p[key] === null || p[key] === undefined || p[key] === "") {
        return;
      }
      facts.appendChild(element("dt", null, Atlas.i18n.propertyLabel(layerSpec, key)));
      facts.appendChild(element("dd", null, factText(layerSpec, key, p[key])));
    });
    facts.appendChild(element("dt", null, Atlas.i18n.t("certainty")));
    facts.appendChild(element("dd", null, Atlas.i18n.t("certainty_" + p.certainty)));
    root.appendChild(proseElement("atlas-popup-description", p, "description"));
    root.appendChild(facts);
    if (p.date_note) {
      root.appendChild(proseElement("atlas-popup-note", p, "date_note"));
    }
    var list = element("ol", "atlas-popup-sources");
    (p.sources || []).forEach(function (ref) {
      var cite = citation(ref);
      var title = sources[cite.key] || cite.key;
      list.appendChild(element("li", null, title + (cite.locator ? ", " + cite.locator : "")));
    });
    root.appendChild(element("h4", null, Atlas.i18n.t("sources")));
    root.appendChild(list);
    return root;
  }

  // Calendars, status and the timeline bar (map/popup_time.js, map/status.js).
  function appendTime(root, feature, layerSpec, day) {
    var p = feature.properties;
    var calendars = Atlas.popupTime.calendarLines(p);
    if (calendars) {
      root.appendChild(calendars);
    }
    var status = Atlas.status.sentence(feature, layerSpec);
    if (status) {
      root.appendChild(element("p", "atlas-popup-status", status));
    }
    var colour = Atlas.Layers.featureColor(layerSpec.style || {}, p, false);
    var uncertain = (layerSpec.uncertain_dates || {})[p.id];
    root.appendChild(Atlas.popupTime.timelineBar(p, uncertain, day, colour));
  }

  Atlas.popup = { content: content, citation: citation, element: element };
})(window.Atlas);

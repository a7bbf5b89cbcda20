/* What a feature says when clicked: its name, dates, description and facts, with the dating
 * notes and the sources folded away until asked for.
 *
 * Popups are built from DOM nodes and textContent only: data never becomes markup. Every value
 * is shown by its label in the page's language (catalog.json: properties.<name>.labels and
 * labels_<lang>), never as the code the data stores. English shown on a Persian or Russian
 * page is marked lang="en" dir="ltr", so the bidi algorithm cannot scramble it.
 *
 * bind() sizes each popup when it opens: no taller or wider than the map left free by the
 * panels (Atlas.panels), scrolling inside when longer, and panned clear of the panels, so the
 * clicked point stays in view under the popup's tip.
 */
(function (Atlas) {
  "use strict";

  var MARGIN = 10;
  var TIP = 24; // Leaflet's tip and the gap under the popup
  var WIDEST = 380;
  var NARROWEST = 200;
  var CHROME = 50; // Leaflet's margins and borders round the content, which maxWidth measures
  var SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)+$/;

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

  // Mark English text on a page in another language, so it reads left to right, whole.
  function markEnglish(node) {
    if (Atlas.i18n.lang() !== "en") {
      node.lang = "en";
      node.dir = "ltr";
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

  // A text field in the page's language (description_fa…), or the English marked as such.
  function textElement(tag, className, properties, field) {
    var own = properties[field + "_" + Atlas.i18n.lang()];
    var node = element(tag, className, own || properties[field]);
    return own ? node : markEnglish(node);
  }

  // A property's value as readers should see it (catalog.json: value_labels in en/fa/ru), the
  // English label marked as such, or null when there is nothing fit to show (a bare code).
  function valueLabel(layerSpec, key, value) {
    if (Array.isArray(value)) {
      var parts = value.map(function (one) {
        return valueLabel(layerSpec, key, one);
      });
      parts = parts.filter(Boolean);
      return parts.length
        ? {
            text: parts
              .map(function (part) {
                return part.text;
              })
              .join(", "),
            english: parts.some(function (part) {
              return part.english;
            }),
          }
        : null;
    }
    var rule = (layerSpec.properties || {})[key] || {};
    var labels = (rule.value_labels || {})[value];
    if (labels) {
      var own = labels[Atlas.i18n.lang()];
      return { text: own || labels.en, english: !own && Atlas.i18n.lang() !== "en" };
    }
    return SLUG.test(String(value)) ? null : { text: String(value), english: true };
  }

  function facts(feature, layerSpec) {
    var p = feature.properties;
    var list = element("dl", "atlas-popup-facts");
    Object.keys(layerSpec.properties || {}).forEach(function (key) {
      var rule = layerSpec.properties[key] || {};
      var value = p[key];
      var label = value === null || value === undefined || value === "" || rule.popup === false;
      label = label ? null : valueLabel(layerSpec, key, value);
      if (label) {
        list.appendChild(element("dt", null, Atlas.i18n.propertyLabel(layerSpec, key)));
        var dd = list.appendChild(element("dd", null, label.text));
        if (label.english) {
          markEnglish(dd);
        }
      }
    });
    if (p.certainty === "disputed") {
      list.appendChild(element("dt", null, Atlas.i18n.t("certainty")));
      list.appendChild(element("dd", null, Atlas.i18n.t("certainty_disputed")));
    }
    return list;
  }

  function disclosure(className, summary) {
    var details = element("details", className);
    details.appendChild(element("summary", null, summary));
    return details;
  }

  // "About these dates": the editorial note on how the feature is dated, and its certainty.
  function aboutDates(p) {
    var details = disclosure("atlas-popup-about", Atlas.i18n.t("about_dates"));
    if (p.date_note) {
      details.appendChild(textElement("p", "atlas-popup-note", p, "date_note"));
    }
    var certainty = Atlas.i18n.t("certainty") + ": " + Atlas.i18n.t("certainty_" + p.certainty);
    details.appendChild(element("p", "atlas-popup-certainty", certainty));
    return details;
  }

  function sourcesList(p, sources) {
    var refs = p.sources || [];
    var summary = Atlas.i18n.t("sources_count", { count: Atlas.time.localDigits(refs.length) });
    var details = disclosure("atlas-popup-sources", summary);
    var list = details.appendChild(element("ol"));
    list.dir = "ltr";
    refs.forEach(function (ref) {
      var cite = citation(ref);
      var title = sources[cite.key] || cite.key;
      list.appendChild(element("li", null, title + (cite.locator ? ", " + cite.locator : "")));
    });
    return details;
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
    root.appendChild(textElement("p", "atlas-popup-description", p, "description"));
    var list = facts(feature, layerSpec);
    if (list.childNodes.length) {
      root.appendChild(list);
    }
    root.appendChild(aboutDates(p));
    root.appendChild(sourcesList(p, sources));
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

  // Size the popup to the map left free by the panels, just before Leaflet lays it out.
  function fit(popup, map) {
    var size = map.getSize();
    var inset = Atlas.panels.insets(map);
    var freeWidth = size.x - inset.left - inset.right - 2 * MARGIN - CHROME;
    var narrow = freeWidth < NARROWEST;
    var options = popup.options;
    options.maxWidth = Math.max(
      NARROWEST,
      Math.min(WIDEST, narrow ? size.x - 2 * MARGIN - CHROME : freeWidth),
    );
    options.minWidth = Math.min(260, options.maxWidth);
    options.maxHeight = Math.max(120, size.y - inset.top - inset.bottom - 2 * MARGIN - TIP);
    options.autoPanPaddingTopLeft = L.point((narrow ? 0 : inset.left) + MARGIN, inset.top + MARGIN);
    options.autoPanPaddingBottomRight = L.point(
      (narrow ? 0 : inset.right) + MARGIN,
      inset.bottom + MARGIN,
    );
  }

  // Bind a feature's popup to its Leaflet layer; its parts are never tab stops of their own.
  function bind(leafletLayer, feature, layerSpec, sources, map, state) {
    // Registered before bindPopup, so it runs first on a click: the sizes are set in time.
    leafletLayer.on("click", function () {
      fit(leafletLayer.getPopup(), map);
    });
    leafletLayer.bindPopup(function () {
      return content(feature, layerSpec, sources, state.day);
    });
    leafletLayer.eachLayer(function (part) {
      part.on("add", function () {
        var node = part.getElement && part.getElement();
        if (node) {
          node.setAttribute("tabindex", "-1");
        }
      });
    });
  }

  Atlas.popup = { content: content, citation: citation, element: element, bind: bind };
})(window.Atlas);

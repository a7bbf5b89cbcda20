/* A plate, as a printed atlas has one: the map framed on its subject, with the title, the
 * date, a caption, the legend of what is drawn, a scale, the sources and the credit.
 *
 * contents(atlas) gathers them, for paper and for the saved image (map/snapshot.js) alike.
 * On paper, prepare() lays them round the map, sized for one A4 landscape page (print.css,
 * body.atlas-printing), and frames the map on what is drawn; restore() puts the screen back.
 * The Print button and the browser's own print (beforeprint/afterprint) both go through them.
 */
(function (Atlas) {
  "use strict";

  var FRAME_PADDING = 18;
  var PAPER_SOURCES = 8; // as many as the foot of an A4 page holds; the rest are counted

  function keyDateOf(atlas) {
    var day = atlas.state.day;
    return (atlas.data.key_dates || []).filter(function (moment) {
      return Atlas.time.firstDay(moment.date) === day;
    })[0];
  }

  // What a drawn feature shows in the legend: its layer, label, colour and shape.
  function legendEntry(atlas, entry, layerSpec) {
    var style = layerSpec.style || {};
    var value = style.property ? entry.feature.properties[style.property] : null;
    var colors = Atlas.Layers.palette(style, atlas.contrast);
    var translated = Atlas.i18n.layerText(layerSpec.id).labels || {};
    var label = translated[value] || (style.labels || {})[value] || value;
    return {
      label: label || Atlas.i18n.layerTitle(layerSpec),
      color: colors[value] || style.color || "#555555",
      shape: style.geometry || "area",
      dash: style.dash || null,
      opacity: style.fill_opacity === undefined ? 0.35 : style.fill_opacity,
    };
  }

  // The legend of what is drawn, layer by layer, each value once.
  function legend(atlas) {
    var specs = {};
    atlas.data.layers.forEach(function (layerSpec) {
      specs[layerSpec.id] = layerSpec;
    });
    var groups = [];
    var byLayer = {};
    atlas.shownEntries().forEach(function (entry) {
      var spec = specs[entry.layerId];
      if (!byLayer[entry.layerId]) {
        byLayer[entry.layerId] = { title: Atlas.i18n.layerTitle(spec), entries: [], seen: {} };
        groups.push(byLayer[entry.layerId]);
      }
      var group = byLayer[entry.layerId];
      var item = legendEntry(atlas, entry, spec);
      if (!group.seen[item.label]) {
        group.seen[item.label] = true;
        group.entries.push(item);
      }
    });
    return groups;
  }

  // The works cited by what is drawn (and by the moment's caption), each once, in order.
  function sources(atlas, moment) {
    var refs = [];
    atlas.shownEntries().forEach(function (entry) {
      refs = refs.concat(entry.feature.properties.sources || []);
    });
    refs = (moment ? moment.sources || [] : []).concat(refs);
    var seen = {};
    return refs
      .map(function (ref) {
        return Atlas.popup.citation(ref).key;
      })
      .filter(function (key) {
        var first = !seen[key];
        seen[key] = true;
        return first;
      })
      .map(function (key) {
        return atlas.data.sources[key] || key;
      });
  }

  function contents(atlas) {
    var t = Atlas.i18n.t;
    var moment = keyDateOf(atlas);
    var words = moment ? Atlas.i18n.keyDate(moment) : null;
    // The view's own address (the one in the bar follows a moment later), isolated left to
    // right (U+2066 … U+2069) so a right-to-left credit cannot reorder it.
    var address = "\u2066" + new URL(atlas.state.url(), window.location.href).href + "\u2069";
    return {
      title: t("atlas_title"),
      date: Atlas.time.inWords(atlas.state.day),
      calendars: Atlas.controls.calendarLine.equivalents(atlas.state.day),
      caption: words ? { title: words.title, text: words.caption || "" } : null,
      legend: legend(atlas),
      sources: sources(atlas, moment),
      credit: t("plate_credit", { title: t("atlas_title"), address: address }),
      basemap: t("plate_basemap"),
    };
  }

  // The bounds of everything drawn, or null when nothing is.
  function drawnBounds(atlas) {
    var bounds = null;
    atlas.shownEntries().forEach(function (entry) {
      var layer = entry.layer;
      var part = layer && layer.getBounds ? layer.getBounds() : null;
      if (part && part.isValid()) {
        bounds = bounds
          ? bounds.extend(part)
          : L.latLngBounds(part.getSouthWest(), part.getNorthEast());
      }
    });
    return bounds;
  }

  function element(tag, className, text, parent) {
    var node = Atlas.popup.element(tag, className, text);
    if (parent) {
      parent.appendChild(node);
    }
    return node;
  }

  // The plate's margins on paper: head (title, date, caption) and foot (legend, sources, credit).
  function paperPlate(plate) {
    var root = element("section", "atlas-plate");
    root.setAttribute("aria-hidden", "true");
    var head = element("header", "atlas-plate-head", undefined, root);
    element("h1", "atlas-plate-title", plate.title, head);
    element("p", "atlas-plate-date", plate.date, head);
    if (plate.calendars) {
      element("p", "atlas-plate-calendars", plate.calendars, head);
    }
    if (plate.caption) {
      var caption = element("p", "atlas-plate-caption", undefined, head);
      element("strong", null, plate.caption.title + ". ", caption);
      caption.appendChild(document.createTextNode(plate.caption.text));
    }
    var foot = element("footer", "atlas-plate-foot", undefined, root);
    var key = element("div", "atlas-plate-legend", undefined, foot);
    element("h2", null, Atlas.i18n.t("plate_legend"), key);
    plate.legend.forEach(function (group) {
      element("h3", null, group.title, key);
      var list = element("ul", null, undefined, key);
      group.entries.forEach(function (item) {
        var row = element("li", null, undefined, list);
        var swatch = element(
          "span",
          "atlas-plate-swatch atlas-plate-swatch-" + item.shape,
          "",
          row,
        );
        swatch.style.setProperty("--swatch", item.color);
        row.appendChild(document.createTextNode(item.label));
      });
    });
    var cited = element("div", "atlas-plate-sources", undefined, foot);
    element("h2", null, Atlas.i18n.t("sources"), cited);
    var list = element("ol", null, undefined, cited);
    list.dir = "ltr";
    plate.sources.slice(0, PAPER_SOURCES).forEach(function (source) {
      element("li", null, source, list);
    });
    if (plate.sources.length > PAPER_SOURCES) {
      var count = Atlas.time.localDigits(plate.sources.length - PAPER_SOURCES);
      element("p", null, Atlas.i18n.t("plate_more_sources", { count: count }), cited);
    }
    element("p", "atlas-plate-credit", plate.credit + " " + plate.basemap, foot);
    return root;
  }

  // Change the view with the map's pan limits lifted: while the container changes size, Leaflet
  // would otherwise pull the view back inside them with an animation that outlives the change.
  function withoutLimits(map, change) {
    var limits = map.options.maxBounds;
    map.setMaxBounds(null);
    change();
    if (limits) {
      map.setMaxBounds(limits);
    }
  }

  function prepare(atlas) {
    if (document.body.classList.contains("atlas-printing")) {
      return;
    }
    var map = atlas.map;
    atlas.printedFrom = { center: map.getCenter(), zoom: map.getZoom() };
    document.body.appendChild(paperPlate(contents(atlas)));
    document.body.classList.add("atlas-printing");
    var bounds = drawnBounds(atlas);
    withoutLimits(map, function () {
      map.invalidateSize({ pan: false });
      if (bounds) {
        map.fitBounds(bounds, { padding: [FRAME_PADDING, FRAME_PADDING], animate: false });
      }
    });
  }

  function restore(atlas) {
    if (!document.body.classList.contains("atlas-printing")) {
      return; // printed and put back already (Chromium's own print sends afterprint too)
    }
    var plate = document.querySelector(".atlas-plate");
    if (plate) {
      plate.remove();
    }
    document.body.classList.remove("atlas-printing");
    var map = atlas.map;
    var from = atlas.printedFrom;
    atlas.printedFrom = null;
    withoutLimits(map, function () {
      map.invalidateSize({ pan: false });
      if (from) {
        map.setView(from.center, from.zoom, { animate: false });
      }
    });
  }

  // Print a plate: lay it out, let the map draw in its new frame, print, and put it back.
  function print(atlas) {
    prepare(atlas);
    window.requestAnimationFrame(function () {
      window.requestAnimationFrame(function () {
        window.print();
      });
    });
  }

  // The browser's own print command (Ctrl+P) makes the same plate.
  function followBrowserPrint(atlas) {
    window.addEventListener("beforeprint", function () {
      prepare(atlas);
    });
    window.addEventListener("afterprint", function () {
      restore(atlas);
    });
  }

  Atlas.plate = {
    contents: contents,
    drawnBounds: drawnBounds,
    prepare: prepare,
    restore: restore,
    print: print,
    followBrowserPrint: followBrowserPrint,
  };
})(window.Atlas);

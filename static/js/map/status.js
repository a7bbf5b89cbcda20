/* Occupation, cession, claim: one axis, drawn in different looks.
 *
 * A territorial period carries a `status` (held, occupied, suzerainty, protectorate, claimed,
 * contested: geodata/README.md defines them) and, where the legal title came later, the treaty
 * that gave it (`recognised_by`). On a given day a period reads as one of five looks:
 *   held       solid fill: ruled, and (if ever) recognised by then
 *   pending    hatched in the holder's colour over the former sovereign's fill: occupied, or
 *              held before the treaty that ceded it (Ganja 1804-13)
 *   loose      dashed outline, a faint fill: suzerainty or protectorate
 *   claimed    dashed outline only: a title on paper, no authority
 *   contested  cross-hatched: no single power held it
 * A feature with no status (or another layer's `status`, such as a route's) draws as held.
 * Approximate shapes get a soft edge and exact ones stay crisp, whatever the status.
 */
(function (Atlas) {
  "use strict";

  var TERRITORIAL = ["held", "occupied", "suzerainty", "protectorate", "claimed", "contested"];
  var LOOK_OF_STATUS = {
    held: "held",
    occupied: "pending",
    suzerainty: "loose",
    protectorate: "loose",
    claimed: "claimed",
    contested: "contested",
    promised: "claimed", // the 1915 neutral zone: promised in secret, never held (outline only)
  };
  var AREAS = ["Polygon", "MultiPolygon", "LineString", "MultiLineString"];
  var context = { treaties: {}, before: {} };

  function statusOf(properties) {
    return TERRITORIAL.indexOf(properties.status) >= 0 ? properties.status : null;
  }

  // The day a treaty was signed, or null when the data do not say.
  function treatyDay(slug) {
    var treaty = slug && context.treaties[slug];
    return treaty && treaty.date ? Atlas.time.firstDay(treaty.date) : null;
  }

  // The look of a period on a day: held and occupied turn on the day of the ceding treaty.
  function lookOf(properties, day) {
    var status = LOOK_OF_STATUS[properties.status] ? properties.status : "held";
    var ceded = treatyDay(properties.recognised_by);
    if (status === "held") {
      return ceded !== null && day < ceded ? "pending" : "held";
    }
    if (status === "occupied" && ceded !== null && day >= ceded) {
      return "held";
    }
    return LOOK_OF_STATUS[status];
  }

  // Each period's predecessor in its chain (the same territory's previous holder).
  function predecessors(layers) {
    var before = {};
    layers.forEach(function (layer) {
      var chains = {};
      layer.features.features.forEach(function (feature) {
        var chain = feature.properties.chain;
        if (chain) {
          (chains[chain] = chains[chain] || []).push(feature);
        }
      });
      Object.keys(chains).forEach(function (chain) {
        var periods = chains[chain].sort(function (a, b) {
          return (
            Atlas.time.firstDay(a.properties.start_date) -
            Atlas.time.firstDay(b.properties.start_date)
          );
        });
        for (var i = 1; i < periods.length; i++) {
          before[periods[i].properties.id] = periods[i - 1];
        }
      });
    });
    return before;
  }

  function use(data) {
    context = { treaties: data.treaties || {}, before: predecessors(data.layers) };
  }

  // The drawing options that make a look, over the feature's ordinary ones.
  function lookStyle(look, base, feature, layerSpec, contrast) {
    var previous = context.before[feature.properties.id];
    switch (look) {
      case "pending":
        var ground = previous
          ? Atlas.Layers.featureColor(layerSpec.style || {}, previous.properties, contrast)
          : null;
        return { fillColor: Atlas.patterns.hatch(base.color, ground), fillOpacity: 1 };
      case "loose":
        return { fillOpacity: 0.08, dashArray: "9 5" };
      case "claimed":
        return { fillOpacity: 0, dashArray: "2 6" };
      case "contested":
        return { fillColor: Atlas.patterns.crossHatch(base.color), fillOpacity: 1 };
      default:
        return {};
    }
  }

  // Soften the edge of an approximate area or line: a filter attribute on each drawn path.
  function softenEdge(entry) {
    var p = entry.feature.properties;
    var geometry = entry.feature.geometry || {};
    if (p.certainty === "exact" || AREAS.indexOf(geometry.type) < 0) {
      return;
    }
    entry.layer.eachLayer(function (part) {
      var node = part.getElement && part.getElement();
      if (node) {
        node.setAttribute("filter", Atlas.patterns.softEdge());
        node.classList.add("atlas-edge-soft");
      }
    });
  }

  // After each repaint, give every drawn period the look of the atlas's day.
  function follow(atlas) {
    var specs = {};
    atlas.data.layers.forEach(function (layer) {
      specs[layer.id] = layer;
    });
    atlas.state.follow("change", function (state) {
      atlas.shownEntries().forEach(function (entry) {
        if (!entry.edged) {
          entry.edged = true;
          softenEdge(entry);
        }
        var look = lookOf(entry.feature.properties, state.day);
        if (look !== (entry.look || "held")) {
          var spec = specs[entry.layerId];
          var base = Atlas.Layers.pathStyle(spec, entry.feature, atlas.contrast);
          entry.layer.setStyle(
            Object.assign(base, lookStyle(look, base, entry.feature, spec, atlas.contrast)),
          );
        }
        entry.look = look;
      });
    });
  }

  // A value's label from the catalogue's value_labels, in the page's language (else the value).
  function valueLabel(layerSpec, key, value) {
    var rule = (layerSpec.properties || {})[key] || {};
    var labels = (rule.value_labels || {})[value] || {};
    return labels[Atlas.i18n.lang()] || labels.en || value;
  }

  // "Held by Russia; ceded by the Treaty of Gulistan on 24 October 1813 (12 October … O.S.)".
  // A label's closing parenthesis ("Treaty of Gulistan (1813)") is dropped inside a sentence,
  // where the date or the context already says it.
  function inline(label) {
    return String(label).replace(/\s*\([^()]*\)$/, "");
  }

  // "Occupied by Russia; ceded by the Treaty of Gulistan on 24 October 1813": a period held by
  // conquest whose title a later treaty gave reads as the occupation it was until then.
  function sentence(feature, layerSpec) {
    var p = feature.properties;
    var t = Atlas.i18n.t;
    var status = statusOf(p);
    var treaty = p.recognised_by && context.treaties[p.recognised_by];
    var previous = context.before[p.id];
    var ceded = Boolean(treaty && previous && previous.properties.controller !== p.controller);
    var parts = [];
    if (status) {
      var shown = status === "held" && ceded ? "occupied" : status;
      var controller = inline(valueLabel(layerSpec, "controller", p.controller));
      parts.push(t("status_" + shown, { controller: controller }));
    }
    if (treaty) {
      var name = inline(treaty.labels[Atlas.i18n.lang()] || treaty.labels.en || p.recognised_by);
      var when = treaty.date ? Atlas.controls.calendarLine.inSentence(treaty.date) : null;
      var verb = ceded ? "ceded_by" : "recognised_by";
      parts.push(t(verb + (when ? "_on" : ""), { treaty: name, date: when }));
    }
    return parts.length ? parts.join(t("clause_separator")) : null;
  }

  Atlas.status = {
    sentence: sentence,
    valueLabel: valueLabel,
    TERRITORIAL: TERRITORIAL,
    statusOf: statusOf,
    lookOf: lookOf,
    use: use,
    follow: follow,
    treaty: function (slug) {
      return (slug && context.treaties[slug]) || null;
    },
    predecessor: function (featureId) {
      return context.before[featureId] || null;
    },
  };
})(window.Atlas);

/* The legend's key to the looks of map/status.js: what hatching, dashes and a soft edge mean.
 *
 * Only the looks the data can produce are explained (a key to a look nothing has would be
 * noise): a row for a status when some territorial period has it, and the two edges when
 * some area or line is approximate, or exact. Each swatch is a small SVG drawn with the
 * same patterns as the map, so the key and the map cannot drift apart.
 */
(function (Atlas) {
  "use strict";

  var INK = "#3b3b3b";
  var PALE = "#a9a9a9";
  var AREAS = ["Polygon", "MultiPolygon", "LineString", "MultiLineString"];

  // Which looks and edges occur anywhere in the atlas's data (and found.layer: the first
  // layer with any, where the key is placed).
  function looksInData(data) {
    var found = {};
    data.layers.forEach(function (layer) {
      layer.features.features.forEach(function (feature) {
        var p = feature.properties;
        var status = Atlas.status.statusOf(p);
        if (status === "occupied" || (status && p.recognised_by)) {
          found.pending = true;
        }
        if (status && status !== "occupied") {
          found[{ suzerainty: "loose", protectorate: "loose" }[status] || status] = true;
        }
        if (AREAS.indexOf((feature.geometry || {}).type) >= 0) {
          found[p.certainty === "exact" ? "edge_exact" : "edge_approximate"] = true;
        } else if (!status) {
          return;
        }
        found.layer = found.layer || layer.id;
      });
    });
    return found;
  }

  var SWATCHES = {
    held: { fill: PALE, opacity: 0.6 },
    pending: {
      fill: function () {
        return Atlas.patterns.hatch(INK, PALE);
      },
    },
    loose: { fill: PALE, opacity: 0.15, dash: "5 3" },
    claimed: { fill: "none", dash: "2 3" },
    contested: {
      fill: function () {
        return Atlas.patterns.crossHatch(INK);
      },
    },
    edge_exact: { fill: PALE, opacity: 0.6 },
    edge_approximate: { fill: PALE, opacity: 0.6, soft: true },
  };

  function swatch(look) {
    var make = Atlas.patterns.make;
    var spec = SWATCHES[look];
    var svg = make("svg", {
      class: "atlas-look-swatch",
      width: 28,
      height: 18,
      viewBox: "0 0 28 18",
    });
    svg.setAttribute("aria-hidden", "true");
    var rect = make(
      "rect",
      { x: 2, y: 2, width: 24, height: 14, stroke: INK, "stroke-width": 1.5 },
      svg,
    );
    rect.setAttribute("fill", typeof spec.fill === "function" ? spec.fill() : spec.fill);
    if (spec.opacity !== undefined) {
      rect.setAttribute("fill-opacity", spec.opacity);
    }
    if (spec.dash) {
      rect.setAttribute("stroke-dasharray", spec.dash);
    }
    if (spec.soft) {
      rect.setAttribute("filter", Atlas.patterns.softEdge());
    }
    return svg;
  }

  function attach(legend, atlas) {
    var found = looksInData(atlas.data);
    // Solid means "held" only where some other look sets it apart.
    found.held = found.held || found.pending || found.loose || found.claimed || found.contested;
    var looks = Object.keys(SWATCHES).filter(function (look) {
      return found[look];
    });
    if (!looks.length) {
      return null;
    }
    var element = Atlas.popup.element;
    var section = element("div", "atlas-legend-looks");
    section.appendChild(element("h3", "atlas-legend-looks-title", Atlas.i18n.t("looks_title")));
    var list = element("ul", "atlas-legend-looks-list");
    looks.forEach(function (look) {
      var item = element("li", "atlas-look atlas-look-" + look.replace("_", "-"));
      item.appendChild(swatch(look));
      item.appendChild(
        element("span", null, Atlas.i18n.t(look.indexOf("edge_") === 0 ? look : "look_" + look)),
      );
      list.appendChild(item);
    });
    section.appendChild(list);
    var box = legend.querySelector('input[data-layer="' + found.layer + '"]');
    var block = box && box.closest(".atlas-legend-layer");
    legend.insertBefore(section, block ? block.nextSibling : null);
    return section;
  }

  Atlas.controls.legendLooks = { attach: attach, looksInData: looksInData };
})(window.Atlas);

/* The legend doubles as the layer switcher: one checkbox per layer, kept in step with the state.
 *
 * It is honest about the map: each swatch is drawn from the style the map draws with (fill and
 * its opacity over the land, outline, dash, symbol), in the page's palette, and at each date it
 * lists only the values drawn then; a layer with nothing at the date says so in one line.
 */
(function (Atlas) {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";
  var LAND = "#efe7d4";
  var W = 24;
  var H = 14;

  function svgNode(tag, attributes) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attributes).forEach(function (name) {
      if (attributes[name] !== null && attributes[name] !== undefined) {
        node.setAttribute(name, attributes[name]);
      }
    });
    return node;
  }

  function canvas(children) {
    var svg = svgNode("svg", {
      width: W,
      height: H,
      viewBox: "0 0 " + W + " " + H,
      "aria-hidden": "true",
    });
    children.forEach(function (child) {
      svg.appendChild(child);
    });
    return svg;
  }

  // A feature of the layer with this value, as the map would style it.
  function styleOf(spec, value, contrast) {
    var properties = { id: "legend" };
    if (spec.style.property) {
      properties[spec.style.property] = value;
    }
    return Atlas.Layers.pathStyle(spec, { properties: properties }, contrast);
  }

  function areaSwatch(style) {
    var inset = Math.min(style.weight, 2) / 2;
    return canvas([
      svgNode("rect", { width: W, height: H, fill: LAND }),
      svgNode("rect", {
        x: inset,
        y: inset,
        width: W - 2 * inset,
        height: H - 2 * inset,
        fill: style.fillColor,
        "fill-opacity": style.fillOpacity,
        stroke: style.weight > 0 ? style.color : "none",
        "stroke-opacity": style.opacity,
        "stroke-width": Math.min(style.weight, 2),
        "stroke-dasharray": style.dashArray,
      }),
    ]);
  }

  function lineSwatch(style) {
    return canvas([
      svgNode("line", {
        x1: 1,
        y1: H / 2,
        x2: W - 1,
        y2: H / 2,
        stroke: style.color,
        "stroke-opacity": style.opacity,
        "stroke-width": Math.min(style.weight, 3),
        "stroke-dasharray": style.dashArray,
      }),
    ]);
  }

  function pointSwatch(style, spec) {
    return canvas([
      svgNode("circle", {
        cx: W / 2,
        cy: H / 2,
        r: Math.min((spec.style.radius || 6) * 0.8, H / 2 - 1),
        fill: style.fillColor,
        "fill-opacity": 0.9,
        stroke: style.color,
        "stroke-width": Math.min(style.weight, 2),
      }),
    ]);
  }

  // The states: a strip of the first colours of their palette (they are named on the map).
  function groundSwatch(spec) {
    var colors = Object.keys(spec.style.colors || {})
      .slice(0, 3)
      .map(function (value) {
        return spec.style.colors[value];
      });
    return canvas(
      colors.map(function (color, index) {
        return svgNode("rect", { x: (index * W) / 3, width: W / 3 + 0.5, height: H, fill: color });
      }),
    );
  }

  function namesSwatch() {
    var text = svgNode("text", {
      x: W / 2,
      y: H - 3,
      "text-anchor": "middle",
      class: "atlas-swatch-text",
    });
    text.textContent = "Aa";
    return canvas([text]);
  }

  function swatch(spec, value, contrast) {
    var geometry = spec.style.geometry || "area";
    if (spec.role === "names") {
      return namesSwatch();
    }
    if (spec.style.symbol) {
      var color = styleOf(spec, value, contrast).color;
      return Atlas.symbols.symbol(value, color, H + 2);
    }
    if (geometry === "area" && spec.role === "context") {
      return groundSwatch(spec);
    }
    var style = styleOf(spec, value, contrast);
    return geometry === "line"
      ? lineSwatch(style)
      : geometry === "point"
        ? pointSwatch(style, spec)
        : areaSwatch(style);
  }

  // The values each layer draws at the state's day (whether or not the layer is on).
  function valuesAt(atlas, day) {
    var values = {};
    atlas.data.layers.forEach(function (spec) {
      var held = {};
      var property = spec.style.property;
      atlas.entries[spec.id].forEach(function (entry) {
        if (entry.first <= day && day <= entry.last) {
          held[property ? entry.feature.properties[property] : ""] = true;
        }
      });
      values[spec.id] = held;
    });
    return values;
  }

  function Legend(root, atlas) {
    var self = this;
    this.root = root;
    this.atlas = atlas;
    this.specs = {};
    atlas.data.layers.forEach(function (spec) {
      self.specs[spec.id] = spec;
    });
    this.drawSwatches();
    this.bindBoxes();
    Atlas.controls.legendLooks.attach(root, atlas); // hatching, dashes, edges explained
    L.DomEvent.disableClickPropagation(root);
    L.DomEvent.disableScrollPropagation(root);
    this.shownKey = null;
    atlas.state.follow("change", function (state) {
      self.showWhatIsDrawn(state);
    });
  }

  Legend.prototype.drawSwatches = function () {
    var self = this;
    var contrast = this.atlas.contrast;
    this.root.querySelectorAll(".atlas-swatch[data-layer]").forEach(function (node) {
      var spec = self.specs[node.getAttribute("data-layer")];
      if (spec) {
        node.appendChild(swatch(spec, node.getAttribute("data-value"), contrast));
      }
    });
  };

  Legend.prototype.bindBoxes = function () {
    var atlas = this.atlas;
    var boxes = this.root.querySelectorAll("input[data-layer]");
    boxes.forEach(function (box) {
      box.addEventListener("change", function () {
        atlas.state.setLayerOn(box.getAttribute("data-layer"), box.checked);
      });
    });
    var tiles = this.root.querySelector("input[data-tiles]");
    if (tiles) {
      tiles.addEventListener("change", function () {
        atlas.state.setExtra("tiles", tiles.checked ? "on" : null);
      });
    }
    atlas.state.follow("layers extras", function (state) {
      boxes.forEach(function (box) {
        box.checked = state.layers.indexOf(box.getAttribute("data-layer")) >= 0;
      });
      if (tiles) {
        tiles.checked = state.extras.tiles === "on";
      }
    });
  };

  // Each story layer lists the values it draws now; one with nothing now shrinks to its title
  // and says so. Touches the page only when what is drawn changed.
  Legend.prototype.showWhatIsDrawn = function (state) {
    var values = valuesAt(this.atlas, state.day);
    var key = JSON.stringify(values) + state.layers.join(",");
    if (key === this.shownKey) {
      return;
    }
    this.shownKey = key;
    this.root.querySelectorAll(".atlas-legend-layer").forEach(function (block) {
      var held = values[block.getAttribute("data-legend-layer")] || {};
      var on = state.layers.indexOf(block.getAttribute("data-legend-layer")) >= 0;
      var any = false;
      block.querySelectorAll("li[data-value]").forEach(function (item) {
        var drawn = Object.prototype.hasOwnProperty.call(held, item.getAttribute("data-value"));
        item.hidden = !drawn || !on;
        any = any || drawn;
      });
      block.classList.toggle("atlas-legend-empty", !any);
      block.classList.toggle("atlas-legend-off", !on);
    });
  };

  Atlas.controls.legend = {
    attach: function (root, atlas) {
      return new Legend(root, atlas);
    },
  };
})(window.Atlas);

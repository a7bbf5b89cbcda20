/* Draw the offline basemap and every layer on a Folium/Leaflet map, and repaint by date.
 *
 * The data arrive once (window.ATLAS_DATA); changing the date only adds and removes the
 * features whose "holds on this day" answer changed, so a slider step costs a scan of plain
 * numbers and no request, which is what keeps dragging smooth.
 */
(function (Atlas) {
  "use strict";

  var BASEMAP_STYLE = {
    land: { stroke: true, color: "#b3a684", weight: 0.8, fillColor: "#efe7d4", fillOpacity: 1 },
    water: { stroke: true, color: "#9fb5bf", weight: 0.6, fillColor: "#c6d8df", fillOpacity: 1 },
    rivers: { color: "#7ea3b5", weight: 1.4, opacity: 0.9 },
  };

  // Classroom mode swaps in the colour-blind-safe palette (and lines of at least 3 px).
  function palette(style, contrast) {
    return (contrast && style.contrast_colors) || style.colors || {};
  }

  function featureColor(style, properties, contrast) {
    var value = style.property ? properties[style.property] : null;
    return palette(style, contrast)[value] || style.color || "#555";
  }

  // How a territory was held patterns its fill: a claim is dotted and pale, a suzerainty dashed
  // (style.variants: a pattern per value of a second property, such as status).
  function patternOf(style, properties) {
    var variants = style.variants;
    if (!variants) {
      return {};
    }
    var value = properties[variants.property];
    var patterns = variants.patterns || {};
    var names = Object.keys(patterns);
    for (var i = 0; i < names.length; i++) {
      if ((patterns[names[i]].values || []).indexOf(value) >= 0) {
        return patterns[names[i]];
      }
    }
    return {};
  }

  function pathStyle(layerSpec, feature, contrast) {
    var style = layerSpec.style || {};
    var color = featureColor(style, feature.properties, contrast);
    var pattern = patternOf(style, feature.properties);
    var fillOpacity = style.fill_opacity === undefined ? 0.35 : style.fill_opacity;
    return {
      color: color,
      weight: contrast ? Math.max(3, style.weight || 2) : style.weight || 2,
      opacity: 0.95,
      fillColor: color,
      fillOpacity: pattern.fill_opacity === undefined ? fillOpacity : pattern.fill_opacity,
      dashArray: pattern.dash || style.dash || null,
      className: "atlas-feature atlas-layer-" + layerSpec.id + " atlas-f-" + feature.properties.id,
    };
  }

  function drawBasemap(map, basemap) {
    if (!basemap) {
      return; // a second atlas on the same map (the comparison page) shares the first one's
    }
    map.createPane("atlas-basemap").style.zIndex = 150;
    var renderer = L.canvas({ pane: "atlas-basemap", padding: 0.5 });
    ["land", "water", "rivers"].forEach(function (name) {
      if (!basemap || !basemap[name]) {
        return;
      }
      L.geoJSON(basemap[name], {
        pane: "atlas-basemap",
        renderer: renderer,
        interactive: false,
        style: BASEMAP_STYLE[name],
      }).addTo(map);
    });
  }

  function buildEntries(map, layerSpec, sources, zIndex, contrast, state, panePrefix) {
    var pane = panePrefix + layerSpec.id;
    map.createPane(pane).style.zIndex = zIndex;
    var labelPoints = layerSpec.label_points || {};
    var makeLayer = function (feature) {
      var leafletLayer = L.geoJSON(feature, {
        pane: pane,
        style: function (f) {
          return pathStyle(layerSpec, f, contrast);
        },
        pointToLayer: function (f, latlng) {
          var options = pathStyle(layerSpec, f, contrast);
          options.radius = ((layerSpec.style || {}).radius || 6) * (contrast ? 1.6 : 1);
          options.fillOpacity = 0.9;
          options.pane = pane;
          return L.circleMarker(latlng, options);
        },
      });
      Atlas.popup.bind(leafletLayer, feature, layerSpec, sources, map, state);
      // A node, not a string: Leaflet would treat a string as HTML.
      var name = Atlas.popup.element("span", null, Atlas.i18n.nameOf(feature.properties).text);
      leafletLayer.bindTooltip(name, { sticky: true });
      return leafletLayer;
    };
    // Leaflet layers are made the first time a feature is shown, not for the whole history.
    return layerSpec.features.features.map(function (feature) {
      return {
        feature: feature,
        layerId: layerSpec.id,
        labelAt: labelPoints[feature.properties.id],
        first: Atlas.time.firstDay(feature.properties.start_date),
        last: Atlas.time.lastDay(feature.properties.end_date),
        makeLayer: makeLayer,
        layer: null,
        shown: false,
      };
    });
  }

  // One atlas on a Leaflet map: its data, the view's state, the layers drawn, and the page's
  // named actions. The controls attach to it; the keys run its actions.
  function Layers(map, data, basemap, options) {
    var self = this;
    this.map = map;
    this.data = data;
    this.options = options;
    // Classroom and tour pages are projected: a bolder palette, and names on the map.
    this.contrast = ["classroom", "tour", "classroom_compare"].indexOf(options.mode) >= 0;
    Atlas.i18n.use(options.i18n);
    if (options.bounds) {
      map.fitBounds(options.bounds, { animate: false });
    }
    this.layerIds = data.layers.map(function (layer) {
      return layer.id;
    });
    // A second atlas on the page (the comparison's right side) is given its state and panes.
    this.state =
      options.state ||
      Atlas.State.fromUrl(options.day, options.layers, this.layerIds, options.lang);
    if (!options.state) {
      this.state.bindLanguageLinks(document);
    }
    this.actions = new Atlas.Actions();
    this.groups = {};
    this.entries = {};
    drawBasemap(map, basemap);
    data.layers.forEach(function (layerSpec, index) {
      self.groups[layerSpec.id] = L.layerGroup().addTo(map);
      self.entries[layerSpec.id] = buildEntries(
        map,
        layerSpec,
        data.sources,
        400 + index * 10,
        self.contrast,
        self.state,
        options.panePrefix || "atlas-pane-",
      );
    });
    if (options.webTiles) {
      this.addWebTiles(options.webTiles);
    }
    this.state.follow("change", function (state) {
      self.repaint(state);
    });
    Atlas.status.use(data);
    Atlas.status.follow(this); // occupation, cession and claim drawn (map/status.js)
    // Benchmarks and tests read this mark: navigation start to the first full repaint.
    if (window.performance.mark) {
      window.performance.mark("atlas-drawn");
    }
    // Names on the map belong to one date: the comparison page (two dates) has none.
    if (options.mode === "classroom" || options.mode === "tour") {
      this.labels = new Atlas.Labels(this);
    }
    if (!options.state) {
      this.keys = new Atlas.Keys(this.actions, this.contrast ? "classroom" : "normal").enable(
        document,
      );
    }
    Atlas.debug.atlases.push(this);
  }

  // Modern web tiles: optional, off unless the address says tiles=on (they need internet).
  Layers.prototype.addWebTiles = function (source) {
    var map = this.map;
    var tiles = L.tileLayer(source.url, { attribution: source.attribution });
    tiles.setZIndex(100);
    this.state.follow("extras", function (state) {
      if (state.extras.tiles === "on") {
        tiles.addTo(map);
      } else {
        tiles.remove();
      }
    });
  };

  // Show exactly the features of the layers that are on and that hold on the state's day.
  // A feature joins the map the first time it is shown; after that it is only hidden and
  // shown again (CSS display), so a slider step never re-projects a polygon.
  Layers.prototype.repaint = function (state) {
    for (var i = 0; i < this.layerIds.length; i++) {
      var id = this.layerIds[i];
      var on = state.layers.indexOf(id) >= 0;
      var entries = this.entries[id];
      for (var j = 0; j < entries.length; j++) {
        var entry = entries[j];
        var show = on && entry.first <= state.day && state.day <= entry.last;
        if (show !== entry.shown) {
          this.setShown(entry, id, show);
        }
      }
    }
  };

  Layers.prototype.setShown = function (entry, layerId, show) {
    entry.shown = show;
    if (show && !entry.layer) {
      entry.layer = entry.makeLayer(entry.feature);
      this.groups[layerId].addLayer(entry.layer);
      return;
    }
    if (!show) {
      entry.layer.closePopup();
      entry.layer.closeTooltip();
    }
    entry.layer.eachLayer(function (part) {
      var node = part.getElement && part.getElement();
      if (node) {
        node.style.display = show ? "" : "none";
      }
    });
  };

  // The entries drawn now, layer by layer (labels, export and save-image read them).
  Layers.prototype.shownEntries = function () {
    var entries = this.entries;
    var shown = [];
    this.layerIds.forEach(function (id) {
      entries[id].forEach(function (entry) {
        if (entry.shown) {
          shown.push(entry);
        }
      });
    });
    return shown;
  };

  Layers.palette = palette;
  Layers.featureColor = featureColor;
  Layers.pathStyle = pathStyle;
  Layers.patternOf = patternOf;
  Atlas.Layers = Layers;
})(window.Atlas);

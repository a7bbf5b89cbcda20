/* Draw the offline basemap and every layer on a Folium/Leaflet map, and repaint by date.
 *
 * The data arrive once (window.ATLAS_DATA); changing the date only adds and removes the
 * features whose "holds on this day" answer changed, so a slider step costs a scan of plain
 * numbers and no request, which is what keeps dragging smooth.
 *
 * Layers by role (catalog.json): the states are the coloured ground, under the rivers and the
 * story's layers; "names" layers (the gazetteer) are written by map/labels.js, not drawn.
 */
(function (Atlas) {
  "use strict";

  var BASEMAP_STYLE = {
    land: { stroke: true, color: "#b3a684", weight: 0.8, fillColor: "#efe7d4", fillOpacity: 1 },
    water: { stroke: true, color: "#9fb5bf", weight: 0.6, fillColor: "#c6d8df", fillOpacity: 1 },
    rivers: { color: "#7ea3b5", weight: 1.4, opacity: 0.9 },
  };
  var BASEMAP_Z = 150;
  var LAYER_Z = 400;
  var SYMBOL_SIZE = 15;
  var NEATLINE = "#8c7f66";

  // Classroom mode swaps in the colour-blind-safe palette (and lines of at least 3 px).
  function palette(style, contrast) {
    return (contrast && style.contrast_colors) || style.colors || {};
  }

  function featureColor(style, properties, contrast) {
    var value = style.property ? properties[style.property] : null;
    return palette(style, contrast)[value] || style.color || "#555";
  }

  function numberOr(value, fallback) {
    return typeof value === "number" ? value : fallback;
  }

  // How a feature is drawn; the legend draws its swatches from the same numbers.
  function pathStyle(layerSpec, feature, contrast) {
    var style = layerSpec.style || {};
    var color = featureColor(style, feature.properties, contrast);
    var weight = numberOr(style.weight, 2);
    return {
      color: color,
      weight: contrast && weight > 0 ? Math.max(3, weight) : weight,
      opacity: numberOr(style.opacity, 0.95),
      fillColor: color,
      fillOpacity: numberOr(style.fill_opacity, 0.35),
      dashArray: style.dash || null,
      className: "atlas-feature atlas-layer-" + layerSpec.id + " atlas-f-" + feature.properties.id,
    };
  }

  // One canvas per pane, drawn by map/basemap.js: land and water under everything, the rivers
  // (and the neatline round the map's window) over the states and under the story.
  function drawBasemap(map, paneName, drawings) {
    new Atlas.basemap.Basemap(drawings, { pane: paneName }).addTo(map);
  }

  // A pane for the basemap. Nothing there answers the pointer: clicks go to the layers.
  function basemapPane(map, name, zIndex) {
    if (map.getPane(name)) {
      return; // a second atlas on the same map (the comparison's right side) shares them
    }
    var pane = map.createPane(name);
    pane.style.zIndex = zIndex;
    pane.style.pointerEvents = "none";
  }

  function makeFeatureLayer(map, layerSpec, pane, sources, contrast, state) {
    var style = layerSpec.style || {};
    return function (feature) {
      var leafletLayer = L.geoJSON(feature, {
        pane: pane,
        style: function (f) {
          return pathStyle(layerSpec, f, contrast);
        },
        pointToLayer: function (f, latlng) {
          var options = pathStyle(layerSpec, f, contrast);
          if (style.symbol) {
            var size = SYMBOL_SIZE * (contrast ? 1.6 : 1);
            return Atlas.symbols.marker(
              latlng,
              f.properties[style.symbol],
              options.color,
              size,
              pane,
              options.className,
            );
          }
          options.radius = (style.radius || 6) * (contrast ? 1.6 : 1);
          options.fillOpacity = 0.9;
          options.pane = pane;
          return L.circleMarker(latlng, options);
        },
      });
      Atlas.popup.bind(leafletLayer, feature, layerSpec, sources, map, state);
      // Context is named on the map itself; the story's features say their name on hover.
      if (layerSpec.role !== "context") {
        // A node, not a string: Leaflet would treat a string as HTML.
        var name = Atlas.popup.element("span", null, Atlas.i18n.nameOf(feature.properties).text);
        leafletLayer.bindTooltip(name, { sticky: true });
      }
      return leafletLayer;
    };
  }

  function buildEntries(map, layerSpec, sources, zIndex, contrast, state, panePrefix) {
    var pane = panePrefix + layerSpec.id;
    map.createPane(pane).style.zIndex = zIndex;
    var labelPoints = layerSpec.label_points || {};
    // Names layers are written, not drawn: their entries only say what holds.
    var makeLayer =
      layerSpec.role === "names"
        ? null
        : makeFeatureLayer(map, layerSpec, pane, sources, contrast, state);
    // Leaflet layers are made the first time a feature is shown, not for the whole history.
    return layerSpec.features.features.map(function (feature) {
      return {
        feature: feature,
        layerId: layerSpec.id,
        role: layerSpec.role || "theme",
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
    // The data arrive with their lines and areas packed (core/packing.js): each geometry is
    // unpacked when first read. The basemap stays packed: map/basemap.js reads the steps.
    data.layers.forEach(function (layer) {
      Atlas.packing.unpackCollection(layer.features);
    });
    this.data = data;
    this.options = options;
    // Classroom and tour pages are projected: a bolder palette and larger names.
    this.contrast = ["classroom", "tour", "classroom_compare"].indexOf(options.mode) >= 0;
    // A second atlas on the page (the comparison's right side) is given its state and panes,
    // and leaves the basemap, the frame, the names and the keys to the first.
    this.second = Boolean(options.state);
    Atlas.i18n.use(options.i18n);
    this.layerIds = data.layers.map(function (layer) {
      return layer.id;
    });
    // The story's layers, numbered in the legend (and by the classroom's number keys).
    this.themeIds = data.layers
      .filter(function (layer) {
        return (layer.role || "theme") === "theme";
      })
      .map(function (layer) {
        return layer.id;
      });
    this.state =
      options.state ||
      Atlas.State.fromUrl(options.date || options.day, options.layers, this.layerIds, options.lang);
    if (!this.second) {
      this.state.bindLanguageLinks(document);
    }
    this.actions = new Atlas.Actions();
    this.groups = {};
    this.entries = {};
    this.buildEntries();
    if (options.webTiles) {
      this.addWebTiles(options.webTiles);
    }
    this.framing = new Atlas.Framing(this, options.limits, options.bounds, options.maxZoom);
    // Repaint before the names are placed on every change (the names read what is drawn);
    // nothing is drawn until the map is framed.
    this.ready = false;
    this.state.on("change", function (state) {
      if (self.ready) {
        self.repaint(state);
      }
    });
    Atlas.status.use(data);
    // Names on the map belong to one date: the comparison page (two dates) has none.
    var compare = ["compare", "classroom_compare"].indexOf(options.mode) >= 0;
    this.labels = compare ? null : new Atlas.Labels(this);
    if (!this.second) {
      this.keys = new Atlas.Keys(this.actions, this.contrast ? "classroom" : "normal").enable(
        document,
      );
    }
    Atlas.debug.atlases.push(this);
    // Opening the page opens its moment, once the other controls have attached and the panels
    // are laid out (a microtask: after this page's script, before the first paint): framed
    // first, then drawn, so that nothing is drawn twice. The tour frames its own step.
    Promise.resolve().then(function () {
      if (options.mode !== "tour" && !self.second) {
        self.framing.frame();
      }
      if (basemap) {
        self.drawBasemap(basemap);
      }
      self.ready = true;
      self.repaint(self.state);
      Atlas.status.follow(self); // occupation, cession and claim drawn (map/status.js)
      if (self.labels) {
        self.labels.place();
      }
      // Benchmarks and tests read this mark: navigation start to the map drawn and framed.
      if (window.performance.mark) {
        window.performance.mark("atlas-drawn");
      }
      self.loadTexts(options.texts);
    });
  }

  // The layers a step or a moment asks for, with the context layers the reader has on (the
  // states, the names), which no moment turns off.
  Layers.prototype.withContext = function (layers) {
    var data = this.data;
    var context = this.state.layers.filter(function (id) {
      return data.layers.some(function (layer) {
        return layer.id === id && layer.role !== "theme";
      });
    });
    return context.concat(
      layers.filter(function (id) {
        return context.indexOf(id) < 0;
      }),
    );
  };

  // Every feature's entry (its days, its pane), with no Leaflet layer yet. The panes are made
  // here in drawing order, the basemap's too (a saved image stacks them in this order).
  Layers.prototype.buildEntries = function () {
    var self = this;
    basemapPane(this.map, "atlas-basemap", BASEMAP_Z);
    this.data.layers.forEach(function (layerSpec, index) {
      var ground = layerSpec.role === "context" && layerSpec.style.geometry === "area";
      if (!ground && !self.map.getPane("atlas-rivers")) {
        // Rivers run over the states' colours and under the story's layers.
        basemapPane(self.map, "atlas-rivers", LAYER_Z + index * 10 - 5);
      }
      self.groups[layerSpec.id] = L.layerGroup().addTo(self.map);
      self.entries[layerSpec.id] = buildEntries(
        self.map,
        layerSpec,
        self.data.sources,
        LAYER_Z + index * 10,
        self.contrast,
        self.state,
        self.options.panePrefix || "atlas-pane-",
      );
    });
    if (!this.map.getPane("atlas-rivers")) {
      basemapPane(this.map, "atlas-rivers", LAYER_Z + this.data.layers.length * 10);
    }
  };

  Layers.prototype.drawBasemap = function (basemap) {
    var prepare = Atlas.basemap.prepare;
    basemap = basemap || {};
    drawBasemap(this.map, "atlas-basemap", [
      prepare(basemap.land, BASEMAP_STYLE.land),
      prepare(basemap.water, BASEMAP_STYLE.water),
    ]);
    var over = [prepare(basemap.rivers, BASEMAP_STYLE.rivers)];
    // The neatline: the map's window is a plate, and beyond it is the margin, not a void.
    if (this.options.limits) {
      over.push(Atlas.basemap.neatline(this.options.limits, { color: NEATLINE, weight: 1.5 }));
    }
    drawBasemap(this.map, "atlas-rivers", over);
  };

  // The features' prose (descriptions, notes) follows the map in a script of its own, merged
  // into the features before a reader can open a popup. A script, not fetch: file:// allows it.
  Layers.prototype.loadTexts = function (url) {
    var self = this;
    if (!url) {
      return;
    }
    var script = document.createElement("script");
    script.src = url;
    script.onload = function () {
      self.mergeTexts(window.ATLAS_TEXTS || {});
    };
    document.head.appendChild(script);
  };

  Layers.prototype.mergeTexts = function (texts) {
    var prose = texts.features || {};
    var entries = this.entries;
    this.layerIds.forEach(function (id) {
      entries[id].forEach(function (entry) {
        var own = prose[entry.feature.properties.id];
        if (own) {
          Object.assign(entry.feature.properties, own);
        }
      });
    });
    this.textsLoaded = true;
  };

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
    if (!entry.makeLayer) {
      return;
    }
    if (show && !entry.layer) {
      entry.layer = entry.makeLayer(entry.feature);
      this.groups[layerId].addLayer(entry.layer);
      return;
    }
    if (!entry.layer) {
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

  // The entries that hold on the state's day in the layers that are on, drawn or not yet.
  Layers.prototype.heldEntries = function () {
    var state = this.state;
    var entries = this.entries;
    var held = [];
    state.layers.forEach(function (id) {
      (entries[id] || []).forEach(function (entry) {
        if (entry.first <= state.day && state.day <= entry.last) {
          held.push(entry);
        }
      });
    });
    return held;
  };

  // The entries drawn now, layer by layer (labels, export and save-image read them).
  Layers.prototype.shownEntries = function () {
    var entries = this.entries;
    var shown = [];
    this.layerIds.forEach(function (id) {
      entries[id].forEach(function (entry) {
        if (entry.shown && entry.layer) {
          shown.push(entry);
        }
      });
    });
    return shown;
  };

  Layers.palette = palette;
  Layers.featureColor = featureColor;
  Layers.pathStyle = pathStyle;
  Atlas.Layers = Layers;
})(window.Atlas);

/* Names on the map for what holds at the date: states, territories and zones, seas, lakes,
 * rivers, mountains, regions, cities and ports, in the page's language (an English name stands
 * in, isolated, where a translation is missing).
 *
 * Placed greedily so that no two names overlap and none hides under a panel; a name that has no
 * room is left out rather than drawn on top of another. Rank decides first (rank 1 names are
 * written from the widest zoom, rank 4 only close in), and within a rank areas come before
 * points; the dots of first-rank towns are kept free from the start. A state's name goes where
 * the state has room for it (a shorter form without its parenthesis if need be). Sizes are
 * measured once per name, so a slider step costs arithmetic, not layout.
 */
(function (Atlas) {
  "use strict";

  var GAP = 3;
  var DOT = 3; // half the side of a town's dot, in pixels
  var OFFSET = 5; // between a town's dot and its name
  // The zoom from which names of each rank are written.
  var RANK_ZOOM = { 1: 0, 2: 5, 3: 6.25, 4: 7.5 };
  var TOWNS = { city: true, port: true, town: true, fortress: true, island: true };
  var WATER = { sea: true, lake: true, river: true };
  // A state's name is written only where the state is this many pixels across or more, and
  // where the circle of room around its anchor spans this share of the name's width.
  var STATE_MIN_PIXELS = 60;
  var STATE_ROOM = 0.4;
  var AREA_MIN_PIXELS = 40;
  var PARENTHESIS = /\s*\([^()]*\)$/;

  function overlaps(a, b) {
    return (
      a.left < b.right + GAP &&
      b.left < a.right + GAP &&
      a.top < b.bottom + GAP &&
      b.top < a.bottom + GAP
    );
  }

  // The forms a name may be written in, longest first: "Erivan khanate (Russia)" loses its
  // holder (the colour says it); a state's "Afghanistan (Durrani monarchy)" may lose its
  // parenthesis where the full form has no room.
  function textsOf(properties, value, shortForm) {
    var name = Atlas.i18n.nameOf(properties);
    var text = name.text;
    var suffix = " (" + value + ")";
    if (value && !name.fallback && text.slice(-suffix.length) === suffix) {
      text = text.slice(0, -suffix.length);
    }
    var texts = [{ text: text, fallback: name.fallback }];
    var short = text.replace(PARENTHESIS, "");
    if (shortForm && short && short !== text) {
      texts.push({ text: short, fallback: name.fallback });
    }
    return texts;
  }

  function nameNode(pane, className, form) {
    var node = L.DomUtil.create("div", "atlas-label " + className, pane);
    if (form.fallback) {
      // An English name inside a Persian page: isolated, so bidi cannot reorder it.
      var bdi = L.DomUtil.create("bdi", "atlas-name-fallback", node);
      bdi.lang = "en";
      bdi.dir = "ltr";
      bdi.textContent = form.text;
    } else {
      node.textContent = form.text;
    }
    node.style.display = "none";
    return node;
  }

  function dotBox(point) {
    return { left: point.x - DOT, top: point.y - DOT, right: point.x + DOT, bottom: point.y + DOT };
  }

  function within(box, size) {
    return box.left >= 0 && box.top >= 0 && box.right <= size.x && box.bottom <= size.y;
  }

  function collides(box, placed, obstacles) {
    for (var i = 0; i < placed.length; i++) {
      if (overlaps(box, placed[i])) {
        return true;
      }
    }
    for (var j = 0; j < obstacles.length; j++) {
      if (overlaps(box, obstacles[j])) {
        return true;
      }
    }
    return false;
  }

  function order(a, b) {
    var areaA = a.town ? 1 : 0;
    var areaB = b.town ? 1 : 0;
    return a.rank - b.rank || areaA - areaB || (b.area || 0) - (a.area || 0);
  }

  function className(name) {
    return (
      "atlas-label-" +
      name.layerId +
      " atlas-label-" +
      (name.kind === "state" || name.kind === "area" ? name.kind : "place") +
      (name.town ? " atlas-label-town" : "") +
      (WATER[name.kind] ? " atlas-label-water" : "") +
      (name.kind === "region" || name.kind === "mountain" ? " atlas-label-region" : "") +
      " atlas-label-rank-" +
      name.rank
    );
  }

  function nameOfEntry(spec, entry) {
    var properties = entry.feature.properties;
    if (spec.role === "names") {
      return {
        kind: properties.kind,
        layerId: spec.id,
        properties: properties,
        entry: entry,
        rank: properties.rank || 4,
        anchors: [entry.feature.geometry.coordinates],
        town: Boolean(TOWNS[properties.kind]),
      };
    }
    if (!entry.labelAt) {
      return null;
    }
    return {
      kind: "area",
      layerId: spec.id,
      properties: properties,
      entry: entry,
      rank: 2,
      anchors: [entry.labelAt],
      value: spec.style && spec.style.property ? properties[spec.style.property] : null,
    };
  }

  function Labels(atlas) {
    var self = this;
    this.atlas = atlas;
    this.pane = atlas.map.createPane("atlas-labels");
    this.pane.style.zIndex = 640;
    this.pane.style.pointerEvents = "none";
    this.rtl = document.documentElement.dir === "rtl";
    this.names = this.collect(atlas);
    this.obstacles = null;
    // Nothing is placed before the atlas is framed and drawn: it places the names itself then.
    atlas.state.follow("change", function () {
      if (atlas.ready) {
        self.place();
      }
    });
    atlas.map.on("zoomstart", function () {
      self.pane.style.visibility = "hidden";
    });
    atlas.map.on("zoomend moveend resize", function () {
      self.obstacles = null;
      self.pane.style.visibility = "";
      if (atlas.ready) {
        self.place();
      }
    });
    this.watchPanels();
  }

  // Every name the atlas can write, whatever the date: the states' (one per state and period,
  // from the page data), the gazetteer's, and the areas of the story's layers.
  Labels.prototype.collect = function (atlas) {
    var names = [];
    atlas.data.layers.forEach(function (spec) {
      (spec.names || []).forEach(function (name) {
        names.push({
          kind: "state",
          layerId: spec.id,
          properties: name,
          first: Atlas.time.firstDay(name.first),
          last: Atlas.time.lastDay(name.last),
          anchors: name.at,
          area: name.area,
          rank: 1,
        });
      });
      if (spec.role === "names" || spec.role === "theme") {
        atlas.entries[spec.id].forEach(function (entry) {
          var name = nameOfEntry(spec, entry);
          if (name) {
            names.push(name);
          }
        });
      }
    });
    names.forEach(function (name) {
      name.texts = textsOf(name.properties, name.value, name.kind === "state");
      name.nodes = [];
      name.shownAt = null;
    });
    return names;
  };

  // The names that hold now, for the layers that are on, and that are legible at this zoom.
  Labels.prototype.current = function () {
    var state = this.atlas.state;
    var zoom = this.atlas.map.getZoom();
    var scale = (256 * Math.pow(2, zoom)) / 360;
    return this.names.filter(function (name) {
      if (name.kind === "state") {
        var on = state.layers.indexOf(name.layerId) >= 0;
        var holds = name.first <= state.day && state.day <= name.last;
        return on && holds && Math.sqrt(name.area) * scale >= STATE_MIN_PIXELS;
      }
      if (name.kind === "area") {
        // A territory or a zone is named once it is large enough on screen, at any zoom.
        var bounds = Atlas.Framing.boundsOf(name.entry);
        var across = Math.min(
          bounds.getEast() - bounds.getWest(),
          bounds.getNorth() - bounds.getSouth(),
        );
        return name.entry.shown && across * scale >= AREA_MIN_PIXELS;
      }
      return name.entry.shown && zoom >= RANK_ZOOM[name.rank];
    });
  };

  // Make and measure the forms never measured, all at once: one layout for the lot.
  Labels.prototype.measure = function (names) {
    var fresh = [];
    names.forEach(function (name) {
      if (!name.sizes) {
        name.texts.forEach(function (form) {
          var node = nameNode(this.pane, className(name), form);
          node.style.visibility = "hidden";
          node.style.display = "";
          name.nodes.push(node);
        }, this);
        fresh.push(name);
      }
    }, this);
    fresh.forEach(function (name) {
      name.sizes = name.nodes.map(function (node) {
        return { x: node.offsetWidth, y: node.offsetHeight };
      });
    });
    fresh.forEach(function (name) {
      name.nodes.forEach(function (node) {
        node.style.display = "none";
        node.style.visibility = "";
      });
    });
  };

  // Where a form may go: centred on an area's anchor; beside a town's dot, on the reading
  // side first, then the other side, above and below.
  Labels.prototype.boxes = function (name, size, point) {
    var w = size.x;
    var h = size.y;
    if (!name.town) {
      return [
        {
          left: point.x - w / 2,
          top: point.y - h / 2,
          right: point.x + w / 2,
          bottom: point.y + h / 2,
        },
      ];
    }
    var after = { left: point.x + DOT + OFFSET, top: point.y - h / 2 };
    var before = { left: point.x - DOT - OFFSET - w, top: point.y - h / 2 };
    var above = { left: point.x - w / 2, top: point.y - DOT - OFFSET - h };
    var below = { left: point.x - w / 2, top: point.y + DOT + OFFSET };
    var sides = this.rtl ? [before, after, above, below] : [after, before, above, below];
    return sides.map(function (box) {
      return { left: box.left, top: box.top, right: box.left + w, bottom: box.top + h };
    });
  };

  Labels.prototype.place = function () {
    var map = this.atlas.map;
    var size = map.getSize();
    var scale = (256 * Math.pow(2, map.getZoom())) / 360;
    var names = this.current().sort(order);
    var obstacles = this.panelBoxes();
    // The dots of the first-rank towns are kept free from the start: a state's name may run
    // past the capital, not over it.
    var placed = names
      .filter(function (name) {
        return name.town && name.rank === 1;
      })
      .map(function (name) {
        var at = name.anchors[0];
        return dotBox(map.latLngToContainerPoint([at[1], at[0]]));
      });
    this.measure(names);
    var chosen = [];
    names.forEach(function (name) {
      name.spot = this.spot(name, size, scale, placed, obstacles);
      if (name.spot) {
        chosen.push(name);
      }
    }, this);
    this.show(chosen);
  };

  // The first free box for a name, trying its forms and its anchors in turn, or null; a
  // town's dot must be free too.
  Labels.prototype.spot = function (name, size, scale, placed, obstacles) {
    var map = this.atlas.map;
    var reserved = name.town && name.rank === 1;
    for (var v = 0; v < name.texts.length; v++) {
      for (var i = 0; i < name.anchors.length; i++) {
        var at = name.anchors[i];
        if (at.length > 2 && 2 * at[2] * scale < STATE_ROOM * name.sizes[v].x) {
          continue; // no room for this form here
        }
        var point = map.latLngToContainerPoint([at[1], at[0]]);
        var dot = name.town ? dotBox(point) : null;
        if (dot && (!within(dot, size) || (!reserved && collides(dot, placed, obstacles)))) {
          continue;
        }
        var boxes = this.boxes(name, name.sizes[v], point);
        for (var j = 0; j < boxes.length; j++) {
          var box = boxes[j];
          if (within(box, size) && !collides(box, placed, obstacles)) {
            placed.push(box);
            if (dot && !reserved) {
              placed.push(dot);
            }
            return { form: v, box: box, point: point };
          }
        }
      }
    }
    return null;
  };

  // Show the chosen names where they go, hide the rest; touch only what changed.
  Labels.prototype.show = function (chosen) {
    var map = this.atlas.map;
    var keep = new Set(chosen);
    this.names.forEach(function (name) {
      if (name.shownAt !== null && !keep.has(name)) {
        name.nodes[name.shownForm].style.display = "none";
        name.shownAt = null;
      }
    });
    chosen.forEach(function (name) {
      var spot = name.spot;
      var key = spot.form + ":" + Math.round(spot.box.left) + "," + Math.round(spot.box.top);
      if (name.shownAt === key) {
        return;
      }
      if (name.shownAt !== null && name.shownForm !== spot.form) {
        name.nodes[name.shownForm].style.display = "none";
      }
      var node = name.nodes[spot.form];
      L.DomUtil.setPosition(node, map.containerPointToLayerPoint([spot.box.left, spot.box.top]));
      if (name.town) {
        node.style.setProperty("--dot-x", spot.point.x - spot.box.left + "px");
        node.style.setProperty("--dot-y", spot.point.y - spot.box.top + "px");
      }
      node.style.display = "";
      name.shownAt = key;
      name.shownForm = spot.form;
    });
  };

  // The panels over the map, as boxes in map-container pixels: names never hide under them.
  // Read once per move or resize, and again when a panel changes size (the legend does).
  // Read once per move or resize, and again when a panel changes size (the legend does).
  Labels.prototype.panelBoxes = function () {
    if (!this.obstacles) {
      this.obstacles = Atlas.panelBoxes(this.atlas.map);
    }
    return this.obstacles;
  };

  Labels.prototype.watchPanels = function () {
    var self = this;
    if (!window.ResizeObserver) {
      return;
    }
    var observer = new ResizeObserver(function () {
      self.obstacles = null;
      self.place();
    });
    document.querySelectorAll(Atlas.PANELS).forEach(function (panel) {
      observer.observe(panel);
    });
  };

  Atlas.Labels = Labels;
})(window.Atlas);

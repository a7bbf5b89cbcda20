/* Framing: when a moment is opened (a date typed or shared, a key date, a tour step), the map
 * fits what holds then, in the part of the window the panels leave free; moving the slider
 * never moves the map. And the map's limits: it cannot be zoomed out past its own window, nor
 * dragged off it, so there is never a grey void around a postage stamp of map.
 */
(function (Atlas) {
  "use strict";

  // Close enough to read a subject, far enough to see where it is (a province, not a field).
  var MAX_FRAME_ZOOM = 7;
  var MARGIN = 12;
  var CONTEXT = 0.08; // of the subject's size, on every side
  // A point far from the areas and lines of its moment (a legation in St Petersburg while the
  // story is the zones of Persia) is left out of the frame when it would make the frame half
  // as large again.
  var POINT_STRETCH = 1.5;

  function crosses(box, left, top, right, bottom) {
    return box.left < right && box.right > left && box.top < bottom && box.bottom > top;
  }

  // The largest rectangle of the map no panel covers: its edges can only be the window's or a
  // panel's, so trying every pair of those is exact (a handful of panels, a few thousand tries).
  function freeArea(size, boxes) {
    var xs = [0, size.x];
    var ys = [0, size.y];
    boxes.forEach(function (box) {
      xs.push(box.left, box.right);
      ys.push(box.top, box.bottom);
    });
    xs = xs.filter(inside(0, size.x)).sort(numeric);
    ys = ys.filter(inside(0, size.y)).sort(numeric);
    var best = { left: 0, top: 0, right: size.x, bottom: size.y, area: -1 };
    for (var a = 0; a < xs.length; a++) {
      for (var b = a + 1; b < xs.length; b++) {
        for (var c = 0; c < ys.length; c++) {
          for (var d = c + 1; d < ys.length; d++) {
            var area = (xs[b] - xs[a]) * (ys[d] - ys[c]);
            if (area > best.area && !blocked(boxes, xs[a], ys[c], xs[b], ys[d])) {
              best = { left: xs[a], top: ys[c], right: xs[b], bottom: ys[d], area: area };
            }
          }
        }
      }
    }
    return best;
  }

  function blocked(boxes, left, top, right, bottom) {
    return boxes.some(function (box) {
      return crosses(box, left, top, right, bottom);
    });
  }

  function inside(low, high) {
    return function (value) {
      return value >= low && value <= high;
    };
  }

  function numeric(a, b) {
    return a - b;
  }

  // A feature's bounds from its GeoJSON (no Leaflet layer needed: the map is framed before
  // anything is drawn, so that it is drawn once, at the frame).
  function boundsOf(entry) {
    if (!entry.bounds) {
      var box = [Infinity, Infinity, -Infinity, -Infinity]; // west, south, east, north
      grow(box, entry.feature.geometry.coordinates);
      entry.bounds = L.latLngBounds([box[1], box[0]], [box[3], box[2]]);
    }
    return entry.bounds;
  }

  // Plain numbers, not a LatLng for every position: the states alone have some 30,000.
  function grow(box, coordinates) {
    if (typeof coordinates[0] === "number") {
      box[0] = Math.min(box[0], coordinates[0]);
      box[1] = Math.min(box[1], coordinates[1]);
      box[2] = Math.max(box[2], coordinates[0]);
      box[3] = Math.max(box[3], coordinates[1]);
      return;
    }
    for (var i = 0; i < coordinates.length; i++) {
      grow(box, coordinates[i]);
    }
  }

  function span(bounds) {
    return {
      x: bounds.getEast() - bounds.getWest(),
      y: bounds.getNorth() - bounds.getSouth(),
    };
  }

  // What the moment is about: the areas and lines drawn, and the points near them.
  function subject(entries) {
    var shapes = L.latLngBounds([]);
    var points = [];
    entries.forEach(function (entry) {
      var type = entry.feature.geometry.type;
      if (type.indexOf("Point") >= 0) {
        points.push(boundsOf(entry));
      } else {
        shapes.extend(boundsOf(entry));
      }
    });
    if (!shapes.isValid()) {
      points.forEach(function (point) {
        shapes.extend(point);
      });
      return shapes;
    }
    var before = span(shapes);
    points.forEach(function (point) {
      var stretched = L.latLngBounds(shapes.getSouthWest(), shapes.getNorthEast()).extend(point);
      var after = span(stretched);
      if (after.x <= POINT_STRETCH * before.x + 1 && after.y <= POINT_STRETCH * before.y + 1) {
        shapes = stretched;
      }
    });
    return shapes;
  }

  function Framing(atlas, limits, fallback, maxZoom) {
    var self = this;
    this.atlas = atlas;
    this.map = atlas.map;
    if (maxZoom) {
      this.map.setMaxZoom(maxZoom);
    }
    this.limits = limits && L.latLngBounds(limits);
    this.fallback = fallback && L.latLngBounds(fallback);
    if (this.limits) {
      this.map.setMaxBounds(this.limits);
      this.map.options.maxBoundsViscosity = 1;
      this.fitLimits();
      this.map.on("resize", function () {
        self.fitLimits();
      });
    }
    // Set by the tour: its steps fly to their frame; a date or key date jumps.
    this.animate = false;
    atlas.state.on("frame", function () {
      self.frame(self.animate);
    });
  }

  // The smallest zoom shows the whole window of the map, never less (nothing around it but
  // the margin the screen's shape leaves).
  Framing.prototype.fitLimits = function () {
    var map = this.map;
    var size = map.getSize();
    var northWest = map.project(this.limits.getNorthWest(), 0);
    var southEast = map.project(this.limits.getSouthEast(), 0);
    // The exact zoom at which the window meets the screen's edges on one axis; rounded up,
    // so that it fills that axis (Leaflet's getBoundsZoom would round down and leave a margin).
    var scale = Math.min(
      size.x / (southEast.x - northWest.x),
      size.y / (southEast.y - northWest.y),
    );
    var snap = map.options.zoomSnap || 1;
    map.setMinZoom(Math.ceil(Math.log2(scale) / snap) * snap);
  };

  // The part of the map the panels leave free, as fitBounds paddings.
  Framing.prototype.padding = function () {
    var size = this.map.getSize();
    var free = freeArea(size, Atlas.panelBoxes(this.map));
    return {
      paddingTopLeft: [free.left + MARGIN, free.top + MARGIN],
      paddingBottomRight: [size.x - free.right + MARGIN, size.y - free.bottom + MARGIN],
    };
  };

  // Fit what holds now in the layers of the story that are on; the opening view if none.
  Framing.prototype.frame = function (animate) {
    var entries = this.atlas.heldEntries().filter(function (entry) {
      return entry.role === "theme";
    });
    var bounds = subject(entries);
    if (!bounds.isValid()) {
      bounds = this.fallback;
    }
    if (!bounds) {
      return;
    }
    // A margin of context around the subject: its neighbours, where its name can go.
    bounds = bounds.pad(CONTEXT);
    if (this.limits) {
      bounds = clip(bounds, this.limits);
    }
    var options = this.padding();
    options.maxZoom = MAX_FRAME_ZOOM;
    options.animate = Boolean(animate);
    this.map.fitBounds(bounds, options);
  };

  function clip(bounds, limits) {
    return L.latLngBounds(
      [
        Math.max(bounds.getSouth(), limits.getSouth()),
        Math.max(bounds.getWest(), limits.getWest()),
      ],
      [
        Math.min(bounds.getNorth(), limits.getNorth()),
        Math.min(bounds.getEast(), limits.getEast()),
      ],
    );
  }

  Framing.freeArea = freeArea;
  Framing.boundsOf = boundsOf;
  Framing.subject = subject;
  Atlas.Framing = Framing;
})(window.Atlas);

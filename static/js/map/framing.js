/* Framing: when a moment is opened (a date typed or shared, a key date, a tour step), the map
 * fits what holds then in the story's layers (never the context: states, borders, names), in
 * the part of the window the panels leave free; moving the slider never moves the map. And
 * the map's limits: it cannot be zoomed out past its own window, nor dragged off it, so there
 * is never a grey void around a postage stamp of map. At the zoom a moment is framed, the
 * window may slide under the panels as far as they reach, so that a subject at its edge (the
 * Gulf in 1907) can still be clear of them (map/placing.js does the arithmetic).
 */
(function (Atlas) {
  "use strict";

  // Close enough to read a subject, far enough to see where it is (a province, not a field).
  var MAX_FRAME_ZOOM = 7;
  var CONTEXT = 0.08; // of the subject's size, on every side
  // A point far from the areas and lines of its moment (a legation in St Petersburg while the
  // story is the zones of Persia) is left out of the frame when it would make the frame half
  // as large again.
  var POINT_STRETCH = 1.5;

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
      // Zoomed away from the frame, the view keeps to the window again.
      this.map.on("zoomend", function () {
        self.keepToWindow();
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
    var least = Math.ceil(Math.log2(scale) / snap) * snap;
    // Leaflet would zoom in with an animation, which a later move does not cancel: its end
    // would pull the view back (a print put back, a window made larger).
    if (map.getZoom() < least) {
      map.setZoom(least, { animate: false });
    }
    map.setMinZoom(least);
  };

  // Fit what holds now in the layers of the story that are on (within the tour step's own
  // extent, when it has one); the opening view if nothing is.
  Framing.prototype.frame = function (animate) {
    var bounds = this.subjectBounds();
    if (!bounds) {
      return;
    }
    // A margin of context around the subject: its neighbours, where its name can go.
    var core = this.limits ? clip(bounds, this.limits) : bounds;
    bounds = this.limits ? clip(bounds.pad(CONTEXT), this.limits) : bounds.pad(CONTEXT);
    var map = this.map;
    var size = map.getSize();
    var free = Atlas.placing.freeArea(size, Atlas.panelBoxes(map));
    var margin = 2 * Atlas.placing.MARGIN;
    var room = L.point(free.right - free.left - margin, free.bottom - free.top - margin);
    var zoom = map.getBoundsZoom(bounds, false, size.subtract(room));
    zoom = Math.max(map.getMinZoom(), Math.min(zoom, MAX_FRAME_ZOOM, map.getMaxZoom()));
    var inset = Atlas.panels.insets(map); // read once: each reading costs a layout
    var view = this.viewOf(bounds, core, zoom, free, inset);
    this.frameZoom = zoom;
    this.limitTo(this.reach(zoom, inset));
    map.setView(view, zoom, { animate: Boolean(animate) });
  };

  // The story's features that hold now, within the step's focus when there is one: the context
  // layers (the states, today's borders, the names) never widen the frame.
  Framing.prototype.subjectBounds = function () {
    var entries = this.atlas.heldEntries().filter(function (entry) {
      return entry.role === "theme";
    });
    var bounds = subject(entries);
    var focus = this.focus;
    if (focus && bounds.isValid()) {
      bounds = focus.intersects(bounds) ? clip(bounds, focus) : focus;
    }
    return bounds.isValid() ? bounds : focus || this.fallback || null;
  };

  // Where the view's centre goes at a zoom: the subject with its context in the middle of
  // the free area, the map's window filling the screen where it can, and slid towards the
  // panels only as far as the subject itself needs to be clear of them (never further than
  // the panels reach).
  Framing.prototype.viewOf = function (bounds, core, zoom, free, inset) {
    var map = this.map;
    var size = map.getSize();
    var self = this;
    var corners = [
      bounds.getNorthWest(),
      bounds.getSouthEast(),
      core.getNorthWest(),
      core.getSouthEast(),
    ];
    var at = corners.map(function (corner) {
      return map.project(corner, zoom);
    });
    // The window's origin on one axis: "x" between the free area's left and right, "y" its top
    // and bottom.
    function along(axis, low, high) {
      return Atlas.placing.place(
        [at[0][axis], at[1][axis]],
        [at[2][axis], at[3][axis]],
        [free[low], free[high]],
        size[axis],
        self.edges(zoom, axis, inset),
      );
    }
    var origin = L.point(along("x", "left", "right"), along("y", "top", "bottom"));
    return map.unproject(origin.add(size.divideBy(2)), zoom);
  };

  // The window's two edges on one axis at a zoom, with how far each may slide under the panels
  // (inset: what Atlas.panels.insets read).
  Framing.prototype.edges = function (zoom, axis, inset) {
    if (!this.limits) {
      return null;
    }
    var low = this.map.project(this.limits.getNorthWest(), zoom)[axis];
    var high = this.map.project(this.limits.getSouthEast(), zoom)[axis];
    var slack = axis === "x" ? [inset.left, inset.right] : [inset.top, inset.bottom];
    return { low: low, high: high, slack: slack };
  };

  // The view's limits at its zoom, and the view inside them to the pixel (Leaflet lets a view
  // stay up to a pixel outside, which shows as a hairline of margin at the screen's edge).
  Framing.prototype.keepToWindow = function () {
    var map = this.map;
    var zoom = map.getZoom();
    var inset = Atlas.panels.insets(map);
    this.limitTo(this.reach(zoom, inset));
    if (zoom === this.frameZoom) {
      return;
    }
    var size = map.getSize();
    var origin = map.project(map.getCenter(), zoom).subtract(size.divideBy(2));
    var inside = L.point(
      Atlas.placing.fit(origin.x, size.x, this.edges(zoom, "x", inset)),
      Atlas.placing.fit(origin.y, size.y, this.edges(zoom, "y", inset)),
    );
    if (inside.distanceTo(origin) > 0.01) {
      map.setView(map.unproject(inside.add(size.divideBy(2)), zoom), zoom, { animate: false });
    }
  };

  // The bounds Leaflet keeps the view in (its moveend check, its drag). Set, not through
  // setMaxBounds, which would start an animated pan of the view as it was: the frame's own
  // move follows at once, already inside them.
  Framing.prototype.limitTo = function (bounds) {
    if (bounds) {
      this.map.options.maxBounds = bounds;
    }
  };

  // How far the view may go at a zoom: the map's window, and at the framed zoom as far under
  // the panels as they reach (so a subject at the window's edge can be clear of them).
  Framing.prototype.reach = function (zoom, inset) {
    if (zoom !== this.frameZoom || !this.limits) {
      return this.limits;
    }
    var x = this.edges(zoom, "x", inset);
    var y = this.edges(zoom, "y", inset);
    return L.latLngBounds(
      this.map.unproject([x.low - x.slack[0], y.low - y.slack[0]], zoom),
      this.map.unproject([x.high + x.slack[1], y.high + y.slack[1]], zoom),
    );
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

  Framing.boundsOf = boundsOf;
  Framing.subject = subject;
  Atlas.Framing = Framing;
})(window.Atlas);

/* The offline basemap (land, seas and lakes, rivers, the neatline) drawn straight onto a canvas.
 *
 * A Leaflet canvas renderer that draws its own shapes instead of Leaflet layers: the shapes are
 * projected once, at load, into flat arrays of Web Mercator pixels at zoom 0, and each redraw
 * only scales them. Turning 40,000 coordinates into Leaflet polygons took longer than anything
 * else on the page (about a third of the time to the map drawn), and the basemap never needs
 * what those objects give (events, popups, styles per feature).
 */
(function (Atlas) {
  "use strict";

  var TILE = 256;

  // Web Mercator at zoom 0, as Leaflet's EPSG:3857 projects (latitudes here are far from the
  // poles, so no clamping is needed).
  function projectX(lon) {
    return TILE * (0.5 + lon / 360);
  }

  function projectY(lat) {
    var phi = (lat * Math.PI) / 180;
    return TILE * (0.5 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / (2 * Math.PI));
  }

  // A line as Web Mercator pixels at zoom 0, with its box, read straight from its packed steps
  // (core/packing.js: the first position in 1/scale degrees, then the step to each next one):
  // unpacking first would make an array for each of the basemap's 16,000 positions.
  function ring(steps, scale) {
    var points = new Float64Array(steps.length);
    var lon = 0;
    var lat = 0;
    var left = Infinity;
    var top = Infinity;
    var right = -Infinity;
    var bottom = -Infinity;
    for (var i = 0; i < steps.length; i += 2) {
      lon += steps[i];
      lat += steps[i + 1];
      var x = projectX(lon / scale);
      var y = projectY(lat / scale);
      points[i] = x;
      points[i + 1] = y;
      left = x < left ? x : left;
      right = x > right ? x : right;
      top = y < top ? y : top;
      bottom = y > bottom ? y : bottom;
    }
    return { points: points, box: [left, top, right, bottom] };
  }

  // A geometry as a list of parts, each a list of rings (lines are parts of one open ring).
  function parts(geometry) {
    var c = geometry.coordinates;
    switch (geometry.type) {
      case "Polygon":
        return [c];
      case "MultiPolygon":
        return c;
      case "LineString":
        return [[c]];
      case "MultiLineString":
        return c.map(function (line) {
          return [line];
        });
      default:
        return [];
    }
  }

  // One drawing: the shapes of a packed collection (the basemap script's, always packed by
  // server/mapview/data.py), projected, with the style they are drawn in.
  function prepare(collection, style) {
    var shapes = [];
    var scale = collection && collection.packed;
    ((collection && collection.features) || []).forEach(function (feature) {
      parts(feature.geometry).forEach(function (lines) {
        shapes.push(
          lines.map(function (steps) {
            return ring(steps, scale);
          }),
        );
      });
    });
    return { shapes: shapes, style: style };
  }

  // A frame round a box of the map ([[south, west], [north, east]]), drawn as a closed line.
  function neatline(bounds, style) {
    var south = bounds[0][0];
    var west = bounds[0][1];
    var north = bounds[1][0];
    var east = bounds[1][1];
    // Round the corners as steps: south-west, then east, north, west and south again.
    var steps = [west, south, east - west, 0, 0, north - south, west - east, 0, 0, south - north];
    return { shapes: [[ring(steps, 1)]], style: style };
  }

  // The canvas covers the view and a margin round it, half the view on each side, so that a drag
  // uncovers land rather than a blank until the map redraws at its end. That margin quadruples
  // the pixels to fill (about 30 ms at 1280x800), none of them on screen: the first drawing has
  // Leaflet's narrow default, and the margin is drawn once the map has been painted.
  var FIRST_MARGIN = 0.1;
  var MARGIN = 0.5;

  function afterNextPaint(callback) {
    window.requestAnimationFrame(function () {
      window.setTimeout(callback, 0);
    });
  }

  var Basemap = L.Canvas.extend({
    initialize: function (drawings, options) {
      L.Canvas.prototype.initialize.call(this, L.extend({}, options, { padding: FIRST_MARGIN }));
      this._drawings = drawings;
    },

    onAdd: function () {
      L.Canvas.prototype.onAdd.call(this);
      this.on("update", this._redraw, this);
      var self = this;
      afterNextPaint(function () {
        self.options.padding = MARGIN;
        if (self._map) {
          self._update();
        }
      });
    },

    onRemove: function () {
      this.off("update", this._redraw, this);
      L.Canvas.prototype.onRemove.call(this);
    },

    // Draw every shape in layer-point pixels (the canvas context is already translated).
    _draw: function () {
      var map = this._map;
      var ctx = this._ctx;
      if (!map || !ctx) {
        return;
      }
      var scale = Math.pow(2, map.getZoom());
      var origin = map.getPixelOrigin();
      var view = this._bounds;
      this._drawings.forEach(function (drawing) {
        var style = drawing.style;
        ctx.beginPath();
        drawing.shapes.forEach(function (rings) {
          rings.forEach(function (r) {
            var b = r.box;
            if (
              view &&
              (b[2] * scale - origin.x < view.min.x ||
                b[0] * scale - origin.x > view.max.x ||
                b[3] * scale - origin.y < view.min.y ||
                b[1] * scale - origin.y > view.max.y)
            ) {
              return;
            }
            var p = r.points;
            ctx.moveTo(p[0] * scale - origin.x, p[1] * scale - origin.y);
            for (var i = 2; i < p.length; i += 2) {
              ctx.lineTo(p[i] * scale - origin.x, p[i + 1] * scale - origin.y);
            }
          });
        });
        ctx.globalAlpha = 1;
        if (style.fillColor) {
          ctx.globalAlpha = style.fillOpacity === undefined ? 1 : style.fillOpacity;
          ctx.fillStyle = style.fillColor;
          ctx.fill("evenodd");
        }
        if (style.color && style.weight) {
          ctx.globalAlpha = style.opacity === undefined ? 1 : style.opacity;
          ctx.strokeStyle = style.color;
          ctx.lineWidth = style.weight;
          ctx.lineJoin = "round";
          ctx.lineCap = "round";
          ctx.stroke();
        }
        ctx.globalAlpha = 1;
      });
    },
  });

  Atlas.basemap = {
    Basemap: Basemap,
    prepare: prepare,
    neatline: neatline,
  };
})(window.Atlas);

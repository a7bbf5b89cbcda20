/* Lines and areas arrive packed (server/mapview/packing.py): for each line of positions, the
 * first position in units of 1/packed degree, then the step to each next one. Unpacking gives
 * back the published coordinates exactly (a whole number over a power of ten is the nearest
 * double to the decimal, as JSON.parse would read it). A collection is unpacked in place, each
 * geometry on its first reading: the comparison's second atlas and every reader see GeoJSON.
 */
(function (Atlas) {
  "use strict";

  // How many levels of lists lie above a line of positions, by geometry type.
  var DEPTH = { LineString: 0, MultiPoint: 0, Polygon: 1, MultiLineString: 1, MultiPolygon: 2 };

  function unpackLine(steps, scale) {
    var positions = [];
    var x = 0;
    var y = 0;
    for (var i = 0; i < steps.length; i += 2) {
      x += steps[i];
      y += steps[i + 1];
      positions.push([x / scale, y / scale]);
    }
    return positions;
  }

  function unpack(coordinates, depth, scale) {
    if (depth === 0) {
      return unpackLine(coordinates, scale);
    }
    return coordinates.map(function (part) {
      return unpack(part, depth - 1, scale);
    });
  }

  function settle(geometry, coordinates) {
    Object.defineProperty(geometry, "coordinates", {
      value: coordinates,
      writable: true,
      enumerable: true,
      configurable: true,
    });
    return coordinates;
  }

  // A geometry whose coordinates unpack the first time they are read, then stay plain.
  function unpackOnRead(geometry, depth, scale) {
    var packed = geometry.coordinates;
    Object.defineProperty(geometry, "coordinates", {
      get: function () {
        return settle(geometry, unpack(packed, depth, scale));
      },
      set: function (coordinates) {
        settle(geometry, coordinates);
      },
      enumerable: true,
      configurable: true,
    });
  }

  // Unpack a FeatureCollection that says it is packed; leave any other as it is. Each
  // geometry unpacks when it is first read: most features do not hold on the opening date,
  // and unpacking them all (an array for each of 56,000 positions) delayed the first map.
  function unpackCollection(collection) {
    if (!collection || !collection.packed) {
      return collection;
    }
    var scale = collection.packed;
    collection.features.forEach(function (feature) {
      var geometry = feature.geometry;
      if (geometry && Object.prototype.hasOwnProperty.call(DEPTH, geometry.type)) {
        unpackOnRead(geometry, DEPTH[geometry.type], scale);
      }
    });
    delete collection.packed;
    return collection;
  }

  Atlas.packing = { unpackCollection: unpackCollection };
})(window.Atlas);

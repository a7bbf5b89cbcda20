/* Lines and areas arrive packed (server/mapview/packing.py): for each line of positions, the
 * first position in units of 1/packed degree, then the step to each next one. Unpacking gives
 * back the published coordinates exactly (a whole number over a power of ten is the nearest
 * double to the decimal, as JSON.parse would read it). A collection is unpacked in place, once:
 * the comparison's second atlas and every later reader see plain GeoJSON.
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

  // Unpack a FeatureCollection that says it is packed; leave any other as it is.
  function unpackCollection(collection) {
    if (!collection || !collection.packed) {
      return collection;
    }
    var scale = collection.packed;
    collection.features.forEach(function (feature) {
      var geometry = feature.geometry;
      if (geometry && Object.prototype.hasOwnProperty.call(DEPTH, geometry.type)) {
        geometry.coordinates = unpack(geometry.coordinates, DEPTH[geometry.type], scale);
      }
    });
    delete collection.packed;
    return collection;
  }

  Atlas.packing = { unpackCollection: unpackCollection };
})(window.Atlas);

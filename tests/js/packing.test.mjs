// Atlas.packing: a packed collection reads as plain GeoJSON, each geometry unpacked on first use.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { loadAtlas, plain } from "./load.mjs";

const { Atlas } = loadAtlas(["core/packing"]);

// Two features at 1/10 degree: a line from (45.1, 40.2) by two steps, and a point.
function packed() {
  return {
    type: "FeatureCollection",
    packed: 10,
    features: [
      { type: "Feature", geometry: { type: "LineString", coordinates: [451, 402, 3, -1, -2, 5] } },
      { type: "Feature", geometry: { type: "Point", coordinates: [44.8, 41.7] } },
    ],
  };
}

describe("unpackCollection", () => {
  it("gives back the positions, and the same array at every reading", () => {
    const collection = Atlas.packing.unpackCollection(packed());
    const line = collection.features[0].geometry;
    assert.deepEqual(plain(line.coordinates), [
      [45.1, 40.2],
      [45.4, 40.1],
      [45.2, 40.6],
    ]);
    assert.equal(line.coordinates, line.coordinates);
    assert.deepEqual(plain(collection.features[1].geometry.coordinates), [44.8, 41.7]);
    assert.equal("packed" in collection, false);
  });

  it("leaves a geometry packed until it is read, and lets a reader replace it", () => {
    const collection = Atlas.packing.unpackCollection(packed());
    const line = collection.features[0].geometry;
    assert.equal(typeof Object.getOwnPropertyDescriptor(line, "coordinates").get, "function");
    line.coordinates = [[0, 0]];
    assert.deepEqual(plain(line.coordinates), [[0, 0]]);
    assert.deepEqual(JSON.parse(JSON.stringify(line)), {
      type: "LineString",
      coordinates: [[0, 0]],
    });
  });

  it("leaves an unpacked collection as it is", () => {
    const plain = { type: "FeatureCollection", features: [] };
    assert.equal(Atlas.packing.unpackCollection(plain), plain);
  });
});

// Atlas.basemap: packed lines projected straight onto Web Mercator pixels at zoom 0.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { loadAtlas } from "./load.mjs";

// Only what basemap.js touches of Leaflet while it loads: the canvas renderer to extend.
const L = { Canvas: { extend: () => function Basemap() {} } };
const { Atlas } = loadAtlas(["map/basemap"], { globals: { L } });

const near = (actual, expected) => assert.ok(Math.abs(actual - expected) < 1e-9, `${actual}`);

function collection(geometries, packed) {
  return { type: "FeatureCollection", packed, features: geometries.map((g) => ({ geometry: g })) };
}

describe("prepare", () => {
  it("projects each packed position as Leaflet's EPSG:3857 does at zoom 0", () => {
    // (0°, 0°), then a step of 90° east and 45° north, at 10 units per degree.
    const line = { type: "LineString", coordinates: [0, 0, 900, 450] };
    const drawing = Atlas.basemap.prepare(collection([line], 10), { color: "#000" });
    const [points] = drawing.shapes[0].map((r) => Array.from(r.points));
    near(points[0], 128);
    near(points[1], 128);
    near(points[2], 192);
    // y = 256 (1/2 - ln tan(π/4 + φ/2) / 2π) at φ = 45°
    near(points[3], 256 * (0.5 - Math.log(Math.tan((3 * Math.PI) / 8)) / (2 * Math.PI)));
    const box = drawing.shapes[0][0].box;
    assert.deepEqual([box[0], box[2], box[3]], [128, 192, 128]);
    near(box[1], points[3]);
    assert.deepEqual(drawing.style, { color: "#000" });
  });

  it("makes a shape of each part and a ring of each line in it", () => {
    const ring = [0, 0, 10, 0, 0, 10, -10, -10];
    const polygon = { type: "Polygon", coordinates: [ring, ring] };
    const multi = { type: "MultiPolygon", coordinates: [[ring], [ring, ring, ring]] };
    const drawing = Atlas.basemap.prepare(collection([polygon, multi], 1), {});
    assert.deepEqual(
      Array.from(drawing.shapes, (rings) => rings.length),
      [2, 1, 3],
    );
  });
});

describe("neatline", () => {
  it("closes a frame round the window's corners", () => {
    const drawing = Atlas.basemap.neatline(
      [
        [0, 0],
        [0, 90],
      ],
      {},
    );
    const points = Array.from(drawing.shapes[0][0].points);
    assert.equal(points.length, 10);
    assert.deepEqual(points.slice(0, 2), points.slice(8));
    assert.deepEqual(points.slice(2, 4), [192, 128]);
  });
});

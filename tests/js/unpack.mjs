// Unpack collections as the page does, for tests/js/test_packing.py to set beside the originals.
// Reads a JSON list of packed FeatureCollections on stdin; writes them unpacked as JSON.
import { readFileSync } from "node:fs";

import { loadAtlas } from "./load.mjs";

const collections = JSON.parse(readFileSync(0, "utf8"));
const { Atlas } = loadAtlas(["core/packing"]);
process.stdout.write(JSON.stringify(collections.map(Atlas.packing.unpackCollection)));

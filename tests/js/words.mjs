// Say dates as the browser does, for tests/js/test_node.py to set beside the server's words.
// Reads {catalogue, values, spans} as JSON on stdin; writes {values, spans} as JSON.
import { readFileSync } from "node:fs";

import { loadAtlas } from "./load.mjs";

const input = JSON.parse(readFileSync(0, "utf8"));
const { Atlas } = loadAtlas(["core/i18n", "core/time"]);
Atlas.i18n.use(input.catalogue);
const said = {
  values: input.values.map((value) => Atlas.time.inWords(value)),
  spans: input.spans.map(([start, end]) => Atlas.time.spanInWords(start, end)),
};
process.stdout.write(JSON.stringify(said));

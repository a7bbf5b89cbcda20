// Atlas.placing.place: where the screen goes on one axis when a moment is framed.
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { loadAtlas } from "./load.mjs";

const { Atlas } = loadAtlas(["map/placing"]);
const { place, MARGIN } = Atlas.placing;

// A screen 768 pixels high with a panel over its foot from 682: free from 0 to 682. The map's
// window runs from 0 to 800 at this zoom, and may slide up to 86 pixels under the panel.
const FREE = [0, 682];
const WINDOW = { low: 0, high: 800, slack: [0, 86] };

describe("framing a moment on one axis", () => {
  it("centres the subject in the free part of the screen when the window allows", () => {
    const roomy = { low: -100, high: 800, slack: [0, 86] };
    assert.equal(place([200, 400], [200, 400], FREE, 768, roomy), 300 - 341);
    assert.equal(place([200, 400], [200, 400], FREE, 768, null), 300 - 341);
  });

  it("keeps the window over the whole screen rather than centre the subject", () => {
    // Centred, the screen would start at -41, beyond the window's edge at 0.
    assert.equal(place([200, 400], [200, 400], FREE, 768, { ...WINDOW, slack: [0, 0] }), 0);
  });

  it("slides the window under the panel only as far as the subject needs", () => {
    // The subject ends at 740: the screen must start at 740 - 670 = 70 to clear the panel,
    // beyond the window's 32 (800 - 768), within its slack.
    assert.equal(place([500, 740], [520, 740], FREE, 768, WINDOW), 740 - (682 - MARGIN));
  });

  it("never slides further than the panels reach", () => {
    assert.equal(place([600, 795], [600, 795], FREE, 768, WINDOW), 800 - 768 + 86);
  });

  it("centres a window smaller than the screen", () => {
    assert.equal(
      place([100, 200], [100, 200], FREE, 768, { low: 0, high: 600, slack: [0, 0] }),
      -84,
    );
  });
});

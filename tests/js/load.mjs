// Load the page's classic scripts into a fresh vm context with a small window of our own:
// a location to read, a history that records, and timers that run only when a test says so.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

const STATIC_JS = fileURLToPath(new URL("../../static/js/", import.meta.url));

// `globals` adds what a script needs of the page besides (Leaflet's L, say).
export function makeWindow({ pathname = "/", search = "", hash = "", globals = {} } = {}) {
  const timers = new Map();
  let nextTimer = 1;
  const window = {
    location: { pathname, search, hash, href: pathname + search + hash },
    history: {
      replaced: [],
      replaceState(state, title, url) {
        this.replaced.push(url);
      },
    },
    setTimeout(callback) {
      timers.set(nextTimer, callback);
      return nextTimer++;
    },
    clearTimeout(id) {
      timers.delete(id);
    },
    // Run the timers due (all of them: the tests stand in for the passing of time).
    runTimers() {
      const due = [...timers.values()];
      timers.clear();
      due.forEach((callback) => callback());
      return due.length;
    },
    pendingTimers: () => timers.size,
    URLSearchParams,
    performance: {},
  };
  window.window = window;
  return Object.assign(window, globals);
}

// Load static/js files (paths under it, without ".js") in order, as the page does.
export function loadAtlas(files, windowOptions) {
  const window = makeWindow(windowOptions);
  const context = vm.createContext(window);
  for (const file of ["atlas", ...files]) {
    const path = STATIC_JS + file + ".js";
    vm.runInContext(readFileSync(path, "utf8"), context, { filename: path });
  }
  return window;
}

// Objects made inside the context have the context's prototypes; compare them as plain data.
export function plain(value) {
  return JSON.parse(JSON.stringify(value));
}

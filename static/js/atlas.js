/* window.Atlas: the atlas's one global, with a tiny event helper and a registry of actions.
 *
 * Classic scripts, not ES modules: the static build opens from a folder, and Chromium refuses
 * module scripts from file:// pages. So every other file is one classic script that attaches
 * itself to this namespace, in this shape:
 *
 *     (function (Atlas) {
 *       "use strict";
 *       function helper() { ... }                 // private to the file
 *       Atlas.calendars = { ... };                // what the file offers, under one name
 *     })(window.Atlas);
 *
 * A file may use another file's Atlas.X only inside its functions, never while it loads, so
 * the one load order that matters is this file first. The page loads them all in the order
 * of SCRIPTS in server/elements.py; add a new file there.
 *
 * Names: lower case for objects of functions (Atlas.time, Atlas.i18n, Atlas.snapshot), upper
 * case for constructors (Atlas.State, Atlas.Layers, Atlas.Keys), Atlas.controls.<name>.attach
 * for the page's controls, one per Folium element.
 *
 * Atlas.debug is for tests and benchmarks only: Atlas.debug.atlases lists every Atlas.Layers
 * made on the page, in order, and Atlas.debug.sliders every time bar. Nothing in the page
 * reads it.
 */
(function (global) {
  "use strict";

  function names(list) {
    return list.split(" ").filter(Boolean);
  }

  // Named events, Leaflet-style: on("day layers", fn), off(...), emit("day", payload).
  function Emitter() {}

  Emitter.prototype.on = function (list, listener) {
    var self = this;
    this.listeners = this.listeners || {};
    names(list).forEach(function (name) {
      (self.listeners[name] = self.listeners[name] || []).push(listener);
    });
    return this;
  };

  Emitter.prototype.off = function (list, listener) {
    var self = this;
    names(list).forEach(function (name) {
      var listeners = (self.listeners || {})[name] || [];
      var index = listeners.indexOf(listener);
      if (index >= 0) {
        listeners.splice(index, 1);
      }
    });
    return this;
  };

  Emitter.prototype.emit = function (name, payload) {
    var listeners = ((this.listeners || {})[name] || []).slice();
    for (var i = 0; i < listeners.length; i++) {
      listeners[i](payload);
    }
    return this;
  };

  // What the page can do by name ("years", "keyDate", "tourStep", "blank"…): controls add
  // their actions here, and the keys (or anything else) run them without knowing who owns them.
  function Actions() {
    this.handlers = {};
  }

  Actions.prototype.add = function (name, handler) {
    this.handlers[name] = handler;
    return this;
  };

  // Run the first of the named actions the page has; false when it has none of them.
  Actions.prototype.run = function (candidates, argument) {
    for (var i = 0; i < candidates.length; i++) {
      var handler = this.handlers[candidates[i]];
      if (handler) {
        handler(argument);
        return true;
      }
    }
    return false;
  };

  global.Atlas = {
    Emitter: Emitter,
    Actions: Actions,
    controls: {},
    // The panels over the map: names never hide under them, and framing leaves them room.
    PANELS:
      ".atlas-header, .atlas-legend, .atlas-timebar, .atlas-toolbar, .atlas-tour, " +
      ".atlas-classroom, .leaflet-control-zoom, .leaflet-control-scale, .leaflet-control-attribution",
    debug: { atlases: [], sliders: [] },
  };
})(window);

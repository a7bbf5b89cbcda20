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
 * of SCRIPTS in server/mapview/scripts.py, joined into one script (js/atlas-map.js); add a new
 * file there.
 *
 * Names: lower case for objects of functions (Atlas.time, Atlas.i18n, Atlas.snapshot), upper
 * case for constructors (Atlas.State, Atlas.Layers, Atlas.Keys), Atlas.controls.<name>.attach
 * for the page's controls, one per Folium element (most are an Atlas.Control offered by
 * Atlas.control(name, Type)).
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

  // What every control of the page starts from: its element, the atlas it drives (and that
  // atlas's state), and its interface strings in the page's language.
  function Control(root, atlas, options) {
    this.root = root;
    this.atlas = atlas;
    this.state = atlas.state;
    this.labels = (options && options.labels) || {};
  }

  // Offer a control to the page's scripts as Atlas.controls[name].attach(root, atlas, options)
  // (templates/elements/_attach.html writes that call).
  function control(name, Type) {
    global.Atlas.controls[name] = {
      attach: function (root, atlas, options) {
        return new Type(root, atlas, options);
      },
    };
    return Type;
  }

  global.Atlas = {
    Emitter: Emitter,
    Actions: Actions,
    Control: Control,
    control: control,
    controls: {},
    // The panels over the map: names never hide under them, and framing leaves them room.
    PANELS:
      ".atlas-header, .atlas-legend, .atlas-timebar, .atlas-toolbar, .atlas-tour, " +
      ".atlas-classroom, .leaflet-control-zoom, .leaflet-control-scale, .leaflet-control-attribution",
    debug: { atlases: [], sliders: [] },
  };
})(window);

/* Classroom mode: the whole atlas driven from a keyboard or a presenter's clicker, which sends
 * PageDown/PageUp, arrows and sometimes B or a full stop. Every key acts on the page, whatever
 * has focus, and each change of date, layers or legend is written to the address.
 */
(function (global) {
  "use strict";

  var CURSOR_IDLE_MS = 3000;

  function Classroom(root, atlas, options) {
    var self = this;
    this.root = root;
    this.atlas = atlas;
    this.labels = options.labels;
    this.blank = root.querySelector(".atlas-blank");
    this.help = root.querySelector(".atlas-help");
    this.fullscreenButton = root.querySelector(".atlas-fullscreen");
    this.legend = document.querySelector(".atlas-legend");
    new AtlasLabels(atlas);  // redraws itself whenever the view changes
    atlas.classroom = this;
    document.addEventListener("keydown", function (event) { self.onKey(event); });
    this.fullscreenButton.addEventListener("click", function () { self.toggleFullscreen(); });
    root.querySelector(".atlas-help-button").addEventListener("click", function () { self.toggleHelp(); });
    root.querySelector(".atlas-help-close").addEventListener("click", function () { self.toggleHelp(false); });
    this.blank.addEventListener("click", function () { self.toggleBlank(false); });
    document.addEventListener("fullscreenchange", function () { self.showFullscreen(); });
    document.addEventListener("mousemove", function () { self.wakeCursor(); });
    atlas.state.onChange(function (state) {
      if (self.legend) { self.legend.hidden = state.extras.legend === "off"; }
    });
    L.DomEvent.disableClickPropagation(root);
    this.wakeCursor();
  }

  Classroom.prototype.keyActions = function (event) {
    var atlas = this.atlas;
    var slider = atlas.slider;
    var tour = atlas.tour;
    var self = this;
    var forward = function () { return tour ? tour.go(tour.index + 1) : slider.stepKeyDate(1); };
    var back = function () { return tour ? tour.go(tour.index - 1) : slider.stepKeyDate(-1); };
    return {
      ArrowRight: event.shiftKey ? function () { slider.stepYears(10); } : forward,
      ArrowLeft: event.shiftKey ? function () { slider.stepYears(-10); } : back,
      PageDown: forward,
      PageUp: back,
      ArrowUp: function () { slider.stepYears(1); },
      ArrowDown: function () { slider.stepYears(-1); },
      " ": function () { slider.togglePlay(); },
      k: function () { slider.togglePlay(); },
      f: function () { self.toggleFullscreen(); },
      l: function () { self.toggleLegend(); },
      b: function () { self.toggleBlank(); },
      ".": function () { self.toggleBlank(); },
      "?": function () { self.toggleHelp(); },
      Escape: function () { self.escape(); }
    };
  };

  Classroom.prototype.onKey = function (event) {
    if (event.ctrlKey || event.altKey || event.metaKey) { return; }
    var key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    var action = this.keyActions(event)[key];
    if (!action && /^[1-9]$/.test(key)) {
      action = this.toggleLayer.bind(this, +key - 1);
    }
    if (action) {
      event.preventDefault();
      action();
    }
  };

  Classroom.prototype.toggleLayer = function (index) {
    var id = this.atlas.layerIds[index];
    if (id) { this.atlas.state.setLayerOn(id, this.atlas.state.layers.indexOf(id) < 0); }
  };

  Classroom.prototype.toggleLegend = function () {
    this.atlas.state.setExtra("legend", this.atlas.state.extras.legend === "off" ? null : "off");
  };

  Classroom.prototype.toggleBlank = function (on) {
    this.blank.hidden = on === undefined ? !this.blank.hidden : !on;
    document.body.classList.toggle("atlas-blanked", !this.blank.hidden);
  };

  Classroom.prototype.toggleHelp = function (on) {
    this.help.hidden = on === undefined ? !this.help.hidden : !on;
  };

  Classroom.prototype.toggleFullscreen = function () {
    if (document.fullscreenElement) {
      document.exitFullscreen();
    } else if (document.documentElement.requestFullscreen) {
      document.documentElement.requestFullscreen().catch(function () { /* refused: stay windowed */ });
    }
  };

  Classroom.prototype.showFullscreen = function () {
    var on = Boolean(document.fullscreenElement);
    this.fullscreenButton.setAttribute("aria-pressed", on ? "true" : "false");
    this.fullscreenButton.textContent = this.labels[on ? "exit_fullscreen" : "fullscreen"];
  };

  Classroom.prototype.escape = function () {
    if (document.fullscreenElement) { document.exitFullscreen(); }
    this.toggleHelp(false);
    this.toggleBlank(false);
  };

  // The pointer disappears after three idle seconds, so it never sits on the projected map.
  Classroom.prototype.wakeCursor = function () {
    document.body.classList.remove("atlas-cursor-hidden");
    global.clearTimeout(this.cursorTimer);
    this.cursorTimer = global.setTimeout(function () {
      document.body.classList.add("atlas-cursor-hidden");
    }, CURSOR_IDLE_MS);
  };

  global.AtlasClassroom = {
    attach: function (root, atlas, options) { return new Classroom(root, atlas, options); }
  };
})(window);

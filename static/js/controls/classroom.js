/* Classroom mode: fullscreen, a blank screen, the legend on and off, layers by number, and a
 * help card of the keys. Its actions are what the classroom keymap (controls/keys.js) runs,
 * and each change of date, layers or legend is written to the address by the state.
 */
(function (Atlas) {
  "use strict";

  var CURSOR_IDLE_MS = 3000;

  function Classroom(root, atlas, options) {
    Atlas.Control.call(this, root, atlas, options);
    var self = this;
    this.blank = root.querySelector(".atlas-blank");
    this.help = root.querySelector(".atlas-help");
    this.fullscreenButton = root.querySelector(".atlas-fullscreen");
    this.legend = document.querySelector(".atlas-legend");
    this.addActions(atlas.actions);
    this.fullscreenButton.addEventListener("click", function () {
      self.toggleFullscreen();
    });
    root.querySelector(".atlas-help-button").addEventListener("click", function () {
      self.toggleHelp();
    });
    root.querySelector(".atlas-help-close").addEventListener("click", function () {
      self.toggleHelp(false);
    });
    this.blank.addEventListener("click", function () {
      self.toggleBlank(false);
    });
    document.addEventListener("fullscreenchange", function () {
      self.showFullscreen();
    });
    document.addEventListener("mousemove", function () {
      self.wakeCursor();
    });
    atlas.state.follow("extras", function (state) {
      if (self.legend) {
        self.legend.hidden = state.extras.legend === "off";
      }
    });
    L.DomEvent.disableClickPropagation(root);
    this.wakeCursor();
  }

  // What the classroom keymap can ask of this control (controls/keys.js names them).
  Classroom.prototype.addActions = function (actions) {
    actions
      .add("fullscreen", this.toggleFullscreen.bind(this))
      .add("legend", this.toggleLegend.bind(this))
      .add("blank", this.toggleBlank.bind(this))
      .add("help", this.toggleHelp.bind(this))
      .add("escape", this.escape.bind(this))
      .add("layer", this.toggleLayer.bind(this));
  };

  Classroom.prototype.toggleLayer = function (index) {
    var id = this.atlas.themeIds[index];
    if (id) {
      this.atlas.state.setLayerOn(id, this.atlas.state.layers.indexOf(id) < 0);
    }
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
      document.documentElement.requestFullscreen().catch(function () {
        /* refused: stay windowed */
      });
    }
  };

  Classroom.prototype.showFullscreen = function () {
    var on = Boolean(document.fullscreenElement);
    this.fullscreenButton.setAttribute("aria-pressed", on ? "true" : "false");
    this.fullscreenButton.textContent = this.labels[on ? "exit_fullscreen" : "fullscreen"];
  };

  Classroom.prototype.escape = function () {
    if (document.fullscreenElement) {
      document.exitFullscreen();
    }
    this.toggleHelp(false);
    this.toggleBlank(false);
  };

  // The pointer disappears after three idle seconds, so it never sits on the projected map.
  Classroom.prototype.wakeCursor = function () {
    document.body.classList.remove("atlas-cursor-hidden");
    window.clearTimeout(this.cursorTimer);
    this.cursorTimer = window.setTimeout(function () {
      document.body.classList.add("atlas-cursor-hidden");
    }, CURSOR_IDLE_MS);
  };

  Atlas.control("classroom", Classroom);
})(window.Atlas);

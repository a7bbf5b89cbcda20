/* The keyboard: one keymap table per mode, over one dispatcher.
 *
 * "normal" (the atlas page): while the date slider has focus its keys step by years and key
 *   dates, not by days as a bare range input would.
 * "classroom" (classroom and tour pages): a keyboard or a presenter's clicker, which sends
 *   PageDown/PageUp, arrows and sometimes B or a full stop, drives the page whatever has focus.
 *
 * A table maps a key (event.key, a single character in lower case, "Shift+" before a named key
 * held with Shift) to named actions (see Atlas.Actions): the first one the page has runs, so
 * PageDown turns the tour's page where there is a tour and jumps to the next key date elsewhere.
 * Keys held with Ctrl, Alt or Meta are left to the browser, and so is every key typed into a
 * field (the date box, the play speed): typing "1916" must not toggle layers 1, 9 and 6.
 */
(function (Atlas) {
  "use strict";

  function act(actions, argument) {
    return { actions: actions.split("|"), argument: argument };
  }

  var FORWARD = act("tourStep|keyDate", 1);
  var BACK = act("tourStep|keyDate", -1);
  var PLAY = act("play");
  var TYPE_DATE = act("typeDate");
  // Where keys are typed, not pressed: text fields, lists and editable text (not the slider).
  var FIELDS = "input:not([type=range]), select, textarea, [contenteditable]";

  var keymaps = {
    normal: {
      scope: ".atlas-range",
      keys: {
        ArrowRight: act("years", 1),
        ArrowUp: act("years", 1),
        ArrowLeft: act("years", -1),
        ArrowDown: act("years", -1),
        "Shift+ArrowRight": act("years", 10),
        "Shift+ArrowLeft": act("years", -10),
        PageDown: act("keyDate", 1),
        PageUp: act("keyDate", -1),
        Home: act("edge", -1),
        End: act("edge", 1),
        Enter: TYPE_DATE,
        " ": PLAY,
        Spacebar: PLAY,
      },
    },
    classroom: {
      scope: null,
      keys: {
        ArrowRight: FORWARD,
        PageDown: FORWARD,
        ArrowLeft: BACK,
        PageUp: BACK,
        "Shift+ArrowRight": act("years", 10),
        "Shift+ArrowLeft": act("years", -10),
        ArrowUp: act("years", 1),
        ArrowDown: act("years", -1),
        " ": PLAY,
        k: PLAY,
        g: TYPE_DATE,
        f: act("fullscreen"),
        l: act("legend"),
        b: act("blank"),
        ".": act("blank"),
        "?": act("help"),
        Escape: act("escape"),
      },
    },
  };
  // 1 to 9 turn the layers on and off, in legend order.
  for (var number = 1; number <= 9; number++) {
    keymaps.classroom.keys[String(number)] = act("layer", number - 1);
  }

  // The dispatcher, shaped like a Leaflet handler: made for a mode, enabled on a target.
  function Keys(actions, mode) {
    this.actions = actions;
    this.keymap = keymaps[mode];
    this.listener = this.dispatch.bind(this);
  }

  Keys.prototype.enable = function (target) {
    this.disable();
    this.target = target;
    target.addEventListener("keydown", this.listener);
    return this;
  };

  Keys.prototype.disable = function () {
    if (this.target) {
      this.target.removeEventListener("keydown", this.listener);
      this.target = null;
    }
    return this;
  };

  // The table's entry for a key event, or null when the key is not ours to take.
  Keys.prototype.binding = function (event) {
    var scope = this.keymap.scope;
    if (!event.key || event.ctrlKey || event.altKey || event.metaKey) {
      return null;
    }
    if (event.target && event.target.closest && event.target.closest(FIELDS)) {
      return null;
    }
    if (scope && !(event.target && event.target.closest && event.target.closest(scope))) {
      return null;
    }
    var key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    var keys = this.keymap.keys;
    return (event.shiftKey && keys["Shift+" + key]) || keys[key] || null;
  };

  Keys.prototype.dispatch = function (event) {
    var binding = this.binding(event);
    if (binding && this.actions.run(binding.actions, binding.argument)) {
      event.preventDefault();
    }
  };

  Atlas.keymaps = keymaps;
  Atlas.Keys = Keys;
})(window.Atlas);

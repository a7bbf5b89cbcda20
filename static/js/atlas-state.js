/* The view's state — the day shown and the layers on — with listeners and the URL kept in step.
 *
 * The URL is the state (?date=1828-02-22&layers=cessions,consulates), so any moment can be
 * bookmarked or shared; history.replaceState keeps the back button for real navigation.
 */
(function (global) {
  "use strict";

  var URL_DELAY_MS = 150;

  function AtlasState(day, layers, lang, extras) {
    this.day = day;
    this.layers = layers.slice();
    this.lang = lang || "en";
    this.extras = extras || {};
    this.basePath = global.location.pathname;
    this.listeners = [];
  }

  AtlasState.prototype.onChange = function (listener) {
    this.listeners.push(listener);
    listener(this);
  };

  AtlasState.prototype.notify = function () {
    for (var i = 0; i < this.listeners.length; i++) { this.listeners[i](this); }
    this.writeUrl();
  };

  AtlasState.prototype.setDay = function (day) {
    if (day === this.day) { return; }
    this.day = day;
    this.notify();
  };

  // Move to a day and a set of layers at once (a tour step), with one repaint.
  AtlasState.prototype.setView = function (day, layers) {
    this.day = day;
    this.layers = layers.slice();
    this.notify();
  };

  // Page settings that belong in a shared link, such as legend=off in the classroom.
  AtlasState.prototype.setExtra = function (name, value) {
    if (value === null) { delete this.extras[name]; } else { this.extras[name] = value; }
    this.notify();
  };

  AtlasState.prototype.setLayerOn = function (layerId, on) {
    var index = this.layers.indexOf(layerId);
    if (on && index < 0) { this.layers.push(layerId); }
    if (!on && index >= 0) { this.layers.splice(index, 1); }
    this.notify();
  };

  AtlasState.prototype.query = function (lang) {
    var self = this;
    var parts = ["date=" + AtlasTime.toIso(this.day), "layers=" + this.layers.map(encodeURIComponent).join(",")];
    lang = lang || this.lang;
    if (lang !== "en") { parts.push("lang=" + lang); }
    Object.keys(this.extras).sort().forEach(function (name) {
      parts.push(encodeURIComponent(name) + "=" + encodeURIComponent(self.extras[name]));
    });
    return parts.join("&");
  };

  // The address of this view: the page's path (or a tour step's) with the view as query.
  AtlasState.prototype.url = function (lang) {
    var joiner = this.basePath.indexOf("?") >= 0 ? "&" : "?";
    return this.basePath + joiner + this.query(lang);
  };

  // Browsers throttle (and warn about) floods of replaceState while dragging or playing,
  // so the address follows the view a moment later, once per burst of changes.
  AtlasState.prototype.writeUrl = function () {
    var self = this;
    global.clearTimeout(this.urlTimer);
    this.urlPending = true;
    this.urlTimer = global.setTimeout(function () {
      self.urlPending = false;
      try {
        global.history.replaceState(null, "", self.url() + global.location.hash);
      } catch (error) {
        // A page opened from file:// may refuse; the view still works, only the URL stays put.
      }
    }, URL_DELAY_MS);
  };

  // Read ?date= and ?layers= from the address, so a static copy honours shared links too.
  AtlasState.fromUrl = function (fallbackDay, fallbackLayers, knownLayers, lang) {
    var params = new URLSearchParams(global.location.search);
    var day = AtlasTime.firstDay(params.get("date"));
    var layers = params.has("layers")
      ? params.get("layers").split(",").filter(function (id) { return knownLayers.indexOf(id) >= 0; })
      : fallbackLayers;
    var extras = {};
    if (params.get("legend") === "off") { extras.legend = "off"; }
    if (params.get("tiles") === "on") { extras.tiles = "on"; }
    return new AtlasState(isFinite(day) ? day : fallbackDay, layers, lang, extras);
  };

  // Language links keep the current view: the same day and layers, in another language.
  AtlasState.prototype.bindLanguageLinks = function (root) {
    var self = this;
    root.querySelectorAll("a[data-lang]").forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        global.location.href = self.url(link.getAttribute("data-lang"));
      });
    });
  };

  global.AtlasState = AtlasState;
})(window);

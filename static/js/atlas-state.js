/* The view's state — the day shown and the layers on — with listeners and the URL kept in step.
 *
 * The URL is the state (?date=1828-02-22&layers=cessions,consulates), so any moment can be
 * bookmarked or shared; history.replaceState keeps the back button for real navigation.
 */
(function (global) {
  "use strict";

  var URL_DELAY_MS = 150;

  function AtlasState(day, layers) {
    this.day = day;
    this.layers = layers.slice();
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

  AtlasState.prototype.setLayerOn = function (layerId, on) {
    var index = this.layers.indexOf(layerId);
    if (on && index < 0) { this.layers.push(layerId); }
    if (!on && index >= 0) { this.layers.splice(index, 1); }
    this.notify();
  };

  AtlasState.prototype.query = function () {
    return "?date=" + AtlasTime.toIso(this.day) + "&layers=" + this.layers.map(encodeURIComponent).join(",");
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
        global.history.replaceState(null, "", self.query() + global.location.hash);
      } catch (error) {
        // A page opened from file:// may refuse; the view still works, only the URL stays put.
      }
    }, URL_DELAY_MS);
  };

  // Read ?date= and ?layers= from the address, so a static copy honours shared links too.
  AtlasState.fromUrl = function (fallbackDay, fallbackLayers, knownLayers) {
    var params = new URLSearchParams(global.location.search);
    var day = AtlasTime.firstDay(params.get("date"));
    var layers = params.has("layers")
      ? params.get("layers").split(",").filter(function (id) { return knownLayers.indexOf(id) >= 0; })
      : fallbackLayers;
    return new AtlasState(isFinite(day) ? day : fallbackDay, layers);
  };

  global.AtlasState = AtlasState;
})(window);

/* The legend doubles as the layer switcher: one checkbox per layer, kept in step with the state. */
(function (Atlas) {
  "use strict";

  function attach(root, atlas) {
    var boxes = root.querySelectorAll("input[data-layer]");
    root.querySelectorAll(".atlas-swatch[data-color]").forEach(function (swatch) {
      swatch.style.setProperty("--swatch", swatch.getAttribute("data-color"));
    });
    boxes.forEach(function (box) {
      box.addEventListener("change", function () {
        atlas.state.setLayerOn(box.getAttribute("data-layer"), box.checked);
      });
    });
    var tiles = root.querySelector("input[data-tiles]");
    if (tiles) {
      tiles.addEventListener("change", function () {
        atlas.state.setExtra("tiles", tiles.checked ? "on" : null);
      });
    }
    Atlas.controls.legendLooks.attach(root, atlas); // hatching, dashes, edges explained
    L.DomEvent.disableClickPropagation(root);
    L.DomEvent.disableScrollPropagation(root);
    atlas.state.follow("layers extras", function (state) {
      boxes.forEach(function (box) {
        box.checked = state.layers.indexOf(box.getAttribute("data-layer")) >= 0;
      });
      if (tiles) {
        tiles.checked = state.extras.tiles === "on";
      }
    });
  }

  Atlas.controls.legend = { attach: attach };
})(window.Atlas);

/* The panels over the map (title card, legend, time bar, toolbar, tour caption, classroom
 * buttons), measured as they really are: popups and framing keep clear of them.
 *
 * insets(map) says how much of each edge of the map the panels take: a short panel counts at
 * the top or bottom it is nearer to, a tall one at its side, a wide one at the top or bottom.
 * Sizes are read when needed, never assumed, so a collapsed legend, a phone layout or a
 * projector's larger type all give the right answer.
 */
(function (Atlas) {
  "use strict";

  var SELECTOR =
    ".atlas-header, .atlas-legend, .atlas-timebar, .atlas-toolbar, .atlas-tour, .atlas-classroom";

  // Every visible panel (of `selector`, else the panels above) as a box in map-container
  // pixels. Reading them costs a layout: callers keep what they read.
  function boxes(map, selector) {
    var origin = map.getContainer().getBoundingClientRect();
    return Array.prototype.map
      .call(document.querySelectorAll(selector || SELECTOR), function (panel) {
        var box = panel.getBoundingClientRect();
        return {
          left: box.left - origin.left,
          top: box.top - origin.top,
          right: box.right - origin.left,
          bottom: box.bottom - origin.top,
        };
      })
      .filter(function (box) {
        return box.right > box.left && box.bottom > box.top;
      });
  }

  // The edge a panel belongs to: "top", "bottom", "left" or "right".
  function edgeOf(box, width, height) {
    var tall = box.bottom - box.top > height / 4;
    var wide = box.right - box.left > width / 2;
    if (wide || !tall) {
      return box.top < height - box.bottom ? "top" : "bottom";
    }
    return box.left < width - box.right ? "left" : "right";
  }

  // How far in from each edge of the map the panels reach, in pixels.
  function insets(map) {
    var size = map.getSize();
    var result = { top: 0, bottom: 0, left: 0, right: 0 };
    boxes(map).forEach(function (box) {
      var edge = edgeOf(box, size.x, size.y);
      var reach = {
        top: box.bottom,
        bottom: size.y - box.top,
        left: box.right,
        right: size.x - box.left,
      }[edge];
      result[edge] = Math.max(result[edge], reach);
    });
    return result;
  }

  // Leaflet's padding options (fitBounds, autoPan) that keep clear of the panels.
  function padding(map, margin) {
    var inset = insets(map);
    var extra = margin || 0;
    return {
      paddingTopLeft: [inset.left + extra, inset.top + extra],
      paddingBottomRight: [inset.right + extra, inset.bottom + extra],
    };
  }

  Atlas.panels = { SELECTOR: SELECTOR, boxes: boxes, insets: insets, padding: padding };
  // What names and framing keep clear of: the panels and Leaflet's own controls (Atlas.PANELS).
  Atlas.panelBoxes = function (map) {
    return boxes(map, Atlas.PANELS);
  };
})(window.Atlas);

/* "Save image": draw the current view (basemap, layers, labels, date, legend) onto a canvas,
 * entirely in the browser: no server round trip and no third-party library.
 */
(function (global) {
  "use strict";

  function svgImage(svg) {
    return new Promise(function (resolve, reject) {
      var image = new Image();
      image.onload = function () { resolve(image); };
      image.onerror = reject;
      var markup = new XMLSerializer().serializeToString(svg);
      image.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(markup);
    });
  }

  function drawCaption(ctx, atlas, width, height) {
    var entries = [];
    atlas.data.layers.forEach(function (layer) {
      if (atlas.state.layers.indexOf(layer.id) >= 0) { entries.push(AtlasI18n.layerTitle(layer)); }
    });
    var words = AtlasTime.inWords(atlas.state.day);
    var lineHeight = 22;
    var boxHeight = 56 + entries.length * lineHeight;
    ctx.fillStyle = "rgba(255, 255, 255, 0.92)";
    ctx.fillRect(12, height - boxHeight - 12, Math.min(width - 24, 460), boxHeight);
    ctx.fillStyle = "#111";
    ctx.font = "bold 30px sans-serif";
    ctx.fillText(words, 24, height - boxHeight + 24);
    ctx.font = "18px sans-serif";
    entries.forEach(function (title, index) {
      ctx.fillText("■ " + title, 24, height - boxHeight + 52 + index * lineHeight);
    });
  }

  function drawLabels(ctx, container, origin) {
    container.querySelectorAll(".atlas-label").forEach(function (label) {
      if (label.style.display === "none") { return; }
      var box = label.getBoundingClientRect();
      var style = global.getComputedStyle(label);
      ctx.fillStyle = style.backgroundColor;
      ctx.fillRect(box.left - origin.left, box.top - origin.top, box.width, box.height);
      ctx.fillStyle = style.color;
      ctx.font = style.fontWeight + " " + style.fontSize + " " + style.fontFamily;
      ctx.textBaseline = "middle";
      ctx.fillText(label.textContent, box.left - origin.left + 6, box.top - origin.top + box.height / 2);
    });
  }

  function toBlob(atlas) {
    var container = atlas.map.getContainer();
    var origin = container.getBoundingClientRect();
    var scale = global.devicePixelRatio || 1;
    var canvas = document.createElement("canvas");
    canvas.width = Math.round(origin.width * scale);
    canvas.height = Math.round(origin.height * scale);
    var ctx = canvas.getContext("2d");
    ctx.scale(scale, scale);
    ctx.fillStyle = global.getComputedStyle(container).backgroundColor;
    ctx.fillRect(0, 0, origin.width, origin.height);
    var surfaces = Array.prototype.slice.call(container.querySelectorAll(".leaflet-map-pane canvas, .leaflet-map-pane svg"));
    var loads = surfaces.map(function (node) {
      return node.tagName.toLowerCase() === "canvas" ? Promise.resolve(node) : svgImage(node);
    });
    return Promise.all(loads).then(function (images) {
      images.forEach(function (image, index) {
        var box = surfaces[index].getBoundingClientRect();
        ctx.drawImage(image, box.left - origin.left, box.top - origin.top, box.width, box.height);
      });
      drawLabels(ctx, container, origin);
      drawCaption(ctx, atlas, origin.width, origin.height);
      return new Promise(function (resolve) { canvas.toBlob(resolve, "image/png"); });
    });
  }

  global.AtlasSnapshot = { toBlob: toBlob };
})(window);

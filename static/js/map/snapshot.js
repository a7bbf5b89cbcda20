/* "Save image": draw the current view (basemap, layers, labels, date, legend) onto a canvas,
 * entirely in the browser: no server round trip and no third-party library.
 */
(function (Atlas) {
  "use strict";

  function svgImage(svg) {
    return new Promise(function (resolve, reject) {
      var image = new Image();
      image.onload = function () {
        resolve(image);
      };
      image.onerror = reject;
      // Leaflet places the SVG with a CSS transform; standing alone it would shift twice.
      var copy = svg.cloneNode(true);
      copy.style.transform = "";
      Atlas.patterns.copyInto(copy); // hatching and soft edges live in the page's <defs>
      var markup = new XMLSerializer().serializeToString(copy);
      image.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(markup);
    });
  }

  // The date in words and a legend of the layers on: a swatch and a label per value.
  function legendRows(atlas) {
    var rows = [];
    atlas.data.layers.forEach(function (layer) {
      if (atlas.state.layers.indexOf(layer.id) < 0) {
        return;
      }
      rows.push({ text: Atlas.i18n.layerTitle(layer), bold: true });
      var style = layer.style || {};
      var colors = Atlas.Layers.palette(style, atlas.contrast);
      var translated = Atlas.i18n.layerText(layer.id).labels || {};
      Object.keys(colors).forEach(function (value) {
        rows.push({
          text: translated[value] || (style.labels || {})[value] || value,
          color: colors[value],
        });
      });
    });
    return rows;
  }

  // The caption box: the date in words (large in a timelapse, options.bigDate), its
  // equivalents in the calendars of the sources, and the legend of the layers on.
  function drawCaption(ctx, atlas, width, height, options) {
    var rows = legendRows(atlas);
    var lineHeight = 20;
    var dateSize = options.bigDate ? 54 : 30;
    var calendars = Atlas.controls.calendarLine.equivalents(atlas.state.day);
    var headHeight = dateSize + 28 + (calendars ? lineHeight : 0);
    var boxHeight = headHeight + rows.length * lineHeight;
    var top = height - boxHeight - 12;
    ctx.fillStyle = "rgba(255, 255, 255, 0.94)";
    ctx.fillRect(12, top, Math.min(width - 24, options.bigDate ? 620 : 420), boxHeight);
    ctx.fillStyle = "#111";
    ctx.font = "bold " + dateSize + "px sans-serif";
    ctx.textBaseline = "alphabetic";
    ctx.fillText(Atlas.time.inWords(atlas.state.day), 24, top + dateSize + 8);
    if (calendars) {
      ctx.font = "15px sans-serif";
      ctx.fillText(calendars, 24, top + dateSize + 30);
    }
    var rowsTop = top + headHeight + 4;
    rows.forEach(function (row, index) {
      var y = rowsTop + index * lineHeight;
      if (row.color) {
        ctx.fillStyle = row.color;
        ctx.fillRect(28, y - 12, 18, 13);
      }
      ctx.fillStyle = "#111";
      ctx.font = (row.bold ? "bold " : "") + "16px sans-serif";
      ctx.fillText(row.text, row.color ? 54 : 24, y);
    });
  }

  function drawLabels(ctx, container, origin) {
    container.querySelectorAll(".atlas-label").forEach(function (label) {
      if (label.style.display === "none") {
        return;
      }
      var box = label.getBoundingClientRect();
      var style = window.getComputedStyle(label);
      ctx.fillStyle = style.backgroundColor;
      ctx.fillRect(box.left - origin.left, box.top - origin.top, box.width, box.height);
      ctx.fillStyle = style.color;
      ctx.font = style.fontWeight + " " + style.fontSize + " " + style.fontFamily;
      ctx.textBaseline = "middle";
      ctx.fillText(
        label.textContent,
        box.left - origin.left + 6,
        box.top - origin.top + box.height / 2,
      );
    });
  }

  // Draw the view onto ctx, whose units are the map's CSS pixels: the basemap's canvas, each
  // SVG pane (serialised, with the patterns it uses), the names and the caption.
  function draw(atlas, ctx, options) {
    var container = atlas.map.getContainer();
    var origin = container.getBoundingClientRect();
    ctx.fillStyle = window.getComputedStyle(container).backgroundColor;
    ctx.fillRect(0, 0, origin.width, origin.height);
    var surfaces = Array.prototype.slice.call(
      container.querySelectorAll(".leaflet-map-pane canvas, .leaflet-map-pane svg"),
    );
    var loads = surfaces.map(function (node) {
      return node.tagName.toLowerCase() === "canvas" ? Promise.resolve(node) : svgImage(node);
    });
    return Promise.all(loads).then(function (images) {
      images.forEach(function (image, index) {
        var box = surfaces[index].getBoundingClientRect();
        ctx.drawImage(image, box.left - origin.left, box.top - origin.top, box.width, box.height);
      });
      drawLabels(ctx, container, origin);
      drawCaption(ctx, atlas, origin.width, origin.height, options || {});
    });
  }

  function toBlob(atlas) {
    var origin = atlas.map.getContainer().getBoundingClientRect();
    var scale = window.devicePixelRatio || 1;
    var canvas = document.createElement("canvas");
    canvas.width = Math.round(origin.width * scale);
    canvas.height = Math.round(origin.height * scale);
    var ctx = canvas.getContext("2d");
    ctx.scale(scale, scale);
    return draw(atlas, ctx).then(function () {
      return new Promise(function (resolve) {
        canvas.toBlob(resolve, "image/png");
      });
    });
  }

  Atlas.snapshot = { toBlob: toBlob, draw: draw };
})(window.Atlas);

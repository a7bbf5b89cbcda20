/* "Save image": the view as a plate (map/plate.js gathers what goes on it), drawn on a canvas
 * entirely in the browser: no server round trip and no third-party library.
 *
 * Title and date at the head, then a caption when the day is a key date; the map as it is on
 * screen, its names and a scale bar; at the foot the legend of what is drawn (areas, lines
 * and points each with its own symbol), the sources and the credit with the view's address.
 * On a right-to-left page the canvas writes right to left from the right-hand margin, so a
 * Persian date reads as it does on the page.
 */
(function (Atlas) {
  "use strict";

  var MARGIN = 16;
  var FONT = '"DejaVu Sans", "Noto Sans", system-ui, sans-serif';
  var MAX_SOURCE_LINES = 6;

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
      var markup = new XMLSerializer().serializeToString(copy);
      image.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(markup);
    });
  }

  // Writes on a canvas from the start edge of the page's direction, wrapping words to a width.
  function Pen(ctx, width, rtl) {
    this.ctx = ctx;
    this.width = width;
    this.rtl = rtl;
    ctx.direction = rtl ? "rtl" : "ltr";
    ctx.textAlign = "start";
    ctx.textBaseline = "alphabetic";
  }

  // The x of a point `offset` pixels in from the start edge.
  Pen.prototype.x = function (offset) {
    return this.rtl ? this.width - offset : offset;
  };

  Pen.prototype.font = function (size, bold) {
    this.ctx.font = (bold ? "bold " : "") + size + "px " + FONT;
    this.ctx.fillStyle = "#111111";
  };

  // Split text into lines no wider than `room`.
  Pen.prototype.lines = function (text, room) {
    var ctx = this.ctx;
    var lines = [];
    var line = "";
    String(text)
      .split(/\s+/)
      .forEach(function (word) {
        var tried = line ? line + " " + word : word;
        if (line && ctx.measureText(tried).width > room) {
          lines.push(line);
          line = word;
        } else {
          line = tried;
        }
      });
    if (line) {
      lines.push(line);
    }
    return lines;
  };

  Pen.prototype.write = function (text, offset, y) {
    this.ctx.fillText(text, this.x(offset), y);
  };

  // Latin text (citations, a scale's "200 km") written left to right from `left`, whatever
  // the page's direction: a right-to-left run would move its full stops and numbers.
  Pen.prototype.writeLatin = function (text, left, y) {
    var ctx = this.ctx;
    ctx.save();
    ctx.direction = "ltr";
    ctx.textAlign = "left";
    ctx.fillText(text, left, y);
    ctx.restore();
  };

  // A symbol for a legend entry, `offset` in from the start edge, its middle at y.
  function symbol(pen, item, offset, y) {
    var ctx = pen.ctx;
    var left = pen.rtl ? pen.width - offset - 20 : offset;
    ctx.save();
    ctx.strokeStyle = item.color;
    ctx.fillStyle = item.color;
    ctx.lineWidth = 2;
    if (item.shape === "line") {
      ctx.setLineDash(item.dash ? item.dash.split(/[ ,]+/).map(Number) : []);
      ctx.beginPath();
      ctx.moveTo(left, y);
      ctx.lineTo(left + 20, y);
      ctx.stroke();
    } else if (item.shape === "point") {
      ctx.beginPath();
      ctx.arc(left + 10, y, 5, 0, 2 * Math.PI);
      ctx.fill();
    } else {
      ctx.globalAlpha = Math.max(0.35, item.opacity);
      ctx.fillRect(left, y - 6, 20, 12);
      ctx.globalAlpha = 1;
      ctx.strokeRect(left, y - 6, 20, 12);
    }
    ctx.restore();
  }

  // The head: title and date on one line, then the caption; returns the height used.
  function head(pen, plate) {
    pen.font(18, true);
    pen.write(plate.title, MARGIN, MARGIN + 20);
    pen.font(24, true);
    var titleWidth = pen.ctx.measureText(plate.date).width;
    pen.write(plate.date, pen.width - MARGIN - titleWidth, MARGIN + 22);
    var y = MARGIN + 30;
    if (plate.calendars) {
      pen.font(13, false);
      y += 18;
      pen.write(plate.calendars, MARGIN, y);
    }
    if (plate.caption) {
      pen.font(14, false);
      var text = plate.caption.title + ". " + plate.caption.text;
      pen.lines(text, pen.width - 2 * MARGIN).forEach(function (line) {
        y += 19;
        pen.write(line, MARGIN, y);
      });
    }
    return y + 12;
  }

  // The foot from y: legend, sources and credit; returns where it ends.
  function foot(pen, plate, y) {
    plate.legend.forEach(function (group) {
      pen.font(14, true);
      y += 22;
      pen.write(group.title, MARGIN, y);
      pen.font(13, false);
      var offset = MARGIN;
      y += 20;
      group.entries.forEach(function (item) {
        var room = pen.ctx.measureText(item.label).width + 20 + 6 + 18;
        if (offset > MARGIN && offset + room > pen.width - MARGIN) {
          offset = MARGIN;
          y += 20;
        }
        symbol(pen, item, offset, y - 4);
        pen.write(item.label, offset + 26, y);
        offset += room;
      });
    });
    y = sourcesFrom(pen, plate.sources, y + 10);
    pen.font(11, false);
    pen.lines(plate.credit + " " + plate.basemap, pen.width - 2 * MARGIN).forEach(function (line) {
      y += 15;
      pen.write(line, MARGIN, y);
    });
    return y + MARGIN;
  }

  // The sources, numbered, in at most MAX_SOURCE_LINES lines; the rest are counted.
  function sourcesFrom(pen, sources, y) {
    pen.font(12, true);
    y += 16;
    pen.write(Atlas.i18n.t("sources"), MARGIN, y);
    pen.font(11, false);
    var lines = [];
    var shown = 0;
    sources.forEach(function (source, index) {
      var more = pen.lines(index + 1 + ". " + source, pen.width - 2 * MARGIN);
      if (shown === index && lines.length + more.length <= MAX_SOURCE_LINES - 1) {
        lines = lines.concat(more);
        shown += 1;
      }
    });
    if (shown < sources.length) {
      var count = Atlas.time.localDigits(sources.length - shown);
      lines.push(Atlas.i18n.t("plate_more_sources", { count: count }));
    }
    lines.forEach(function (line, index) {
      y += 15;
      if (index === lines.length - 1 && shown < sources.length) {
        pen.write(line, MARGIN, y);
      } else {
        pen.writeLatin(line, MARGIN, y);
      }
    });
    return y + 6;
  }

  // A scale bar of a round length, at the map's foot on the start side.
  function scaleBar(pen, map, top, height) {
    var size = map.getSize();
    var y = size.y / 2;
    var metresPerPixel =
      map.distance(map.containerPointToLatLng([0, y]), map.containerPointToLatLng([100, y])) / 100;
    var most = (metresPerPixel * 120) / 1000;
    var step = Math.pow(10, Math.floor(Math.log(most) / Math.LN10));
    var km = [5, 2, 1]
      .map(function (factor) {
        return factor * step;
      })
      .filter(function (length) {
        return length <= most;
      })[0];
    var pixels = (km * 1000) / metresPerPixel;
    var ctx = pen.ctx;
    var base = top + height - 14;
    var left = pen.rtl ? pen.width - MARGIN - pixels : MARGIN;
    ctx.fillStyle = "rgba(255, 255, 255, 0.85)";
    ctx.fillRect(left - 6, base - 22, pixels + 12, 28);
    ctx.fillStyle = "#111111";
    ctx.fillRect(left, base, pixels, 3);
    ctx.fillRect(left, base - 6, 2, 9);
    ctx.fillRect(left + pixels - 2, base - 6, 2, 9);
    pen.font(12, false);
    pen.writeLatin(Atlas.time.localDigits(km) + " km", left, base - 6);
  }

  function drawLabels(ctx, container, origin, top) {
    container.querySelectorAll(".atlas-label").forEach(function (label) {
      if (label.style.display === "none") {
        return;
      }
      var box = label.getBoundingClientRect();
      var style = window.getComputedStyle(label);
      var left = box.left - origin.left;
      var y = box.top - origin.top + top;
      ctx.fillStyle = style.backgroundColor;
      ctx.fillRect(left, y, box.width, box.height);
      ctx.fillStyle = style.color;
      ctx.font = style.fontWeight + " " + style.fontSize + " " + style.fontFamily;
      ctx.textBaseline = "middle";
      ctx.textAlign = "center";
      ctx.direction = document.documentElement.dir === "rtl" ? "rtl" : "ltr";
      ctx.fillText(label.textContent, left + box.width / 2, y + box.height / 2);
    });
  }

  function mapSurfaces(container) {
    var surfaces = Array.prototype.slice.call(
      container.querySelectorAll(".leaflet-map-pane canvas, .leaflet-map-pane svg"),
    );
    return Promise.all(
      surfaces.map(function (node) {
        return node.tagName.toLowerCase() === "canvas" ? Promise.resolve(node) : svgImage(node);
      }),
    ).then(function (images) {
      return images.map(function (image, index) {
        return { image: image, box: surfaces[index].getBoundingClientRect() };
      });
    });
  }

  // Draw the plate; resolves to {canvas, mapTop} (mapTop: where the map starts, in CSS px).
  function draw(atlas) {
    var container = atlas.map.getContainer();
    var origin = container.getBoundingClientRect();
    var plate = Atlas.plate.contents(atlas);
    var rtl = document.documentElement.dir === "rtl";
    var scale = window.devicePixelRatio || 1;
    var measure = new Pen(document.createElement("canvas").getContext("2d"), origin.width, rtl);
    var mapTop = head(measure, plate);
    var height = foot(measure, plate, mapTop + origin.height);
    return mapSurfaces(container).then(function (surfaces) {
      var canvas = document.createElement("canvas");
      canvas.width = Math.round(origin.width * scale);
      canvas.height = Math.round(height * scale);
      var ctx = canvas.getContext("2d");
      ctx.scale(scale, scale);
      ctx.fillStyle = "#ffffff";
      ctx.fillRect(0, 0, origin.width, height);
      ctx.fillStyle = window.getComputedStyle(container).backgroundColor;
      ctx.fillRect(0, mapTop, origin.width, origin.height);
      ctx.save();
      ctx.beginPath();
      ctx.rect(0, mapTop, origin.width, origin.height);
      ctx.clip();
      surfaces.forEach(function (surface) {
        var box = surface.box;
        var x = box.left - origin.left;
        ctx.drawImage(surface.image, x, box.top - origin.top + mapTop, box.width, box.height);
      });
      drawLabels(ctx, container, origin, mapTop);
      ctx.restore();
      var pen = new Pen(ctx, origin.width, rtl);
      scaleBar(pen, atlas.map, mapTop, origin.height);
      head(pen, plate);
      foot(pen, plate, mapTop + origin.height);
      return { canvas: canvas, mapTop: mapTop };
    });
  }

  // The timelapse's caption: the date large, its equivalents in the calendars of the sources,
  // on a white box at the foot of the frame.
  function bigDate(ctx, atlas, width, height) {
    var calendars = Atlas.controls.calendarLine.equivalents(atlas.state.day);
    var boxHeight = 54 + 28 + (calendars ? 22 : 0);
    var top = height - boxHeight - 12;
    ctx.fillStyle = "rgba(255, 255, 255, 0.94)";
    ctx.fillRect(12, top, Math.min(width - 24, 620), boxHeight);
    ctx.fillStyle = "#111111";
    ctx.textBaseline = "alphabetic";
    ctx.textAlign = "left";
    ctx.direction = document.documentElement.dir === "rtl" ? "rtl" : "ltr";
    ctx.font = "bold 54px " + FONT;
    ctx.fillText(Atlas.time.inWords(atlas.state.day), 24, top + 62);
    if (calendars) {
      ctx.font = "15px " + FONT;
      ctx.fillText(calendars, 24, top + 86);
    }
  }

  // One timelapse frame onto ctx (in the map's CSS pixels): the map as it is, names, and the
  // date burned in large. Resolves when drawn.
  function frame(atlas, ctx) {
    var container = atlas.map.getContainer();
    var origin = container.getBoundingClientRect();
    ctx.fillStyle = window.getComputedStyle(container).backgroundColor;
    ctx.fillRect(0, 0, origin.width, origin.height);
    return mapSurfaces(container).then(function (surfaces) {
      surfaces.forEach(function (surface) {
        var box = surface.box;
        ctx.drawImage(
          surface.image,
          box.left - origin.left,
          box.top - origin.top,
          box.width,
          box.height,
        );
      });
      drawLabels(ctx, container, origin, 0);
      bigDate(ctx, atlas, origin.width, origin.height);
    });
  }

  function toBlob(atlas) {
    return draw(atlas).then(function (drawn) {
      return new Promise(function (resolve) {
        drawn.canvas.toBlob(resolve, "image/png");
      });
    });
  }

  Atlas.snapshot = { draw: draw, frame: frame, toBlob: toBlob };
})(window.Atlas);

/* Small symbols for point layers whose style says `"symbol": "<property>"` (the events, by
 * kind): a shape per value, in the value's colour with a white halo, so a battle reads unlike a
 * treaty even where colours are hard to tell apart. The legend draws the same symbols.
 */
(function (Atlas) {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";
  // Shapes on a 12 × 12 grid: filled paths, or strokes where the shape is a line drawing.
  var SHAPES = {
    raid: { d: "M6 1 L11 11 L6 8 L1 11 Z" },
    battle: { d: "M2 2 L10 10 M10 2 L2 10", stroke: true },
    siege: { d: "M1.5 11 V4 H3.5 V1.5 H5 V4 H7 V1.5 H8.5 V4 H10.5 V11 Z" },
    occupation: { d: "M2.5 11 V1 L10.5 3.8 L2.5 6.6" },
    incident: { d: "M6 0.8 L11.2 6 L6 11.2 L0.8 6 Z" },
    crisis: { d: "M6 1 L11.5 11 H0.5 Z" },
    treaty: { d: "M2 1 H10 V11 H2 Z M4 4 H8 M4 6 H8 M4 8 H7", hollow: true },
    agreement: {
      d: "M1 6 A3 3 0 1 0 7 6 A3 3 0 1 0 1 6 M5 6 A3 3 0 1 0 11 6 A3 3 0 1 0 5 6",
      stroke: true,
    },
    embassy: {
      d: "M6 0.6 L7.5 4.3 L11.5 4.5 L8.4 7 L9.5 11 L6 8.7 L2.5 11 L3.6 7 L0.5 4.5 L4.5 4.3 Z",
    },
    visit: { d: "M1.5 6 A4.5 4.5 0 1 0 10.5 6 A4.5 4.5 0 1 0 1.5 6 Z" },
    conference: { d: "M6 0.8 L10.5 3.4 V8.6 L6 11.2 L1.5 8.6 V3.4 Z" },
    founding: { d: "M4.5 1 H7.5 V4.5 H11 V7.5 H7.5 V11 H4.5 V7.5 H1 V4.5 H4.5 Z" },
  };
  var FALLBACK = SHAPES.visit;

  // An <svg> element of the symbol for a value, `size` pixels square.
  function symbol(value, color, size) {
    var shape = SHAPES[value] || FALLBACK;
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "-1 -1 14 14");
    svg.setAttribute("width", size);
    svg.setAttribute("height", size);
    svg.setAttribute("class", "atlas-symbol");
    svg.setAttribute("aria-hidden", "true");
    // The halo first (a wide white stroke), then the symbol itself.
    [true, false].forEach(function (halo) {
      var path = document.createElementNS(SVG, "path");
      path.setAttribute("d", shape.d);
      path.setAttribute("stroke-linejoin", "round");
      path.setAttribute("stroke-linecap", "round");
      if (halo) {
        path.setAttribute("fill", shape.stroke ? "none" : "#ffffff");
        path.setAttribute("stroke", "#ffffff");
        path.setAttribute("stroke-width", shape.stroke ? 4.5 : 3);
      } else {
        var filled = !shape.stroke && !shape.hollow;
        path.setAttribute("fill", filled ? color : shape.hollow ? "#ffffff" : "none");
        path.setAttribute("stroke", color);
        path.setAttribute("stroke-width", shape.stroke ? 2 : 1.2);
      }
      svg.appendChild(path);
    });
    return svg;
  }

  // A Leaflet marker showing the symbol of a feature, centred on its point.
  function marker(latlng, value, color, size, pane, className) {
    var icon = L.divIcon({
      html: symbol(value, color, size),
      className: "atlas-symbol-icon " + className,
      iconSize: [size, size],
      iconAnchor: [size / 2, size / 2],
    });
    return L.marker(latlng, { icon: icon, pane: pane, keyboard: false });
  }

  Atlas.symbols = { symbol: symbol, marker: marker, shapes: Object.keys(SHAPES) };
})(window.Atlas);

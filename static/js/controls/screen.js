/* The page on every screen: what static/css/responsive.css cannot do alone.
 *
 * - The skip link puts keyboard focus on the date slider, ahead of the map.
 * - The legend, the tour caption and (on a phone) the toolbar fold away behind a button
 *   (aria-expanded), the legend and the tools starting folded on a phone, where the legend
 *   is a sheet over the bottom of the map.
 * - --timebar-space on <html> says how much of the window's foot the time bar takes, so the
 *   scale, the attribution, the toolbar and the folded legend sit above it at any size.
 * - While a popup is open, hover tooltips keep quiet (they would repeat its title).
 * - When a panel changes size (a fold, a font arriving, a phone turned), the names on the map
 *   are placed again, so none is left under a panel (in either direction of writing).
 */
(function (Atlas) {
  "use strict";

  var SMALL_SCREEN = "(max-width: 640px), (max-height: 480px)";
  // A projector of 1024×768 or 1280×720: the legend starts folded so the map keeps the room
  // (the classroom's L key and the fold button open it).
  var SMALL_PROJECTOR = "(max-height: 800px)";
  var GAP = 8;

  // A panel whose body folds away: the button says so (aria-expanded) and the panel carries
  // data-folded for the CSS.
  function foldable(panel, button, labels, open) {
    var set = function (isOpen) {
      button.setAttribute("aria-expanded", isOpen ? "true" : "false");
      panel.toggleAttribute("data-folded", !isOpen);
      if (labels) {
        button.title = labels[isOpen ? 0 : 1];
        button.setAttribute("aria-label", button.title);
      }
    };
    button.addEventListener("click", function () {
      set(button.getAttribute("aria-expanded") !== "true");
    });
    set(open);
  }

  // The legend's heading becomes the button that folds it.
  function foldLegend(legend, small) {
    var heading = legend.querySelector(".atlas-legend-title");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "atlas-fold atlas-legend-fold";
    button.textContent = heading ? heading.textContent : Atlas.i18n.t("legend_title");
    if (legend.id) {
      button.setAttribute("aria-controls", legend.id);
    }
    if (heading) {
      heading.textContent = "";
      heading.appendChild(button);
    } else {
      legend.insertBefore(button, legend.firstChild);
    }
    foldable(legend, button, null, !small);
  }

  function foldTour(tour) {
    var button = tour.querySelector(".atlas-tour-fold");
    if (button) {
      var t = Atlas.i18n.t;
      foldable(tour, button, [t("caption_hide"), t("caption_show")], true);
    }
  }

  // On a phone the toolbar folds behind its button, as the legend does, leaving the row to
  // the map; elsewhere the button is not shown and the tools are always out.
  function foldTools(toolbar, small) {
    var button = toolbar.querySelector(".atlas-toolbar-fold");
    if (button) {
      foldable(toolbar, button, null, !small);
    }
  }

  function skipToSlider(link) {
    link.addEventListener("click", function (event) {
      var slider = document.querySelector(".atlas-range");
      if (slider) {
        event.preventDefault();
        slider.focus();
      }
    });
  }

  // How much of the window's foot the time bar takes, for everything that must sit above it.
  function trackTimebar(timebar) {
    var measure = function () {
      var box = timebar.getBoundingClientRect();
      var space = box.height ? Math.max(0, window.innerHeight - box.top) + GAP : 0;
      document.documentElement.style.setProperty("--timebar-space", Math.round(space) + "px");
    };
    measure();
    if (window.ResizeObserver) {
      new window.ResizeObserver(measure).observe(timebar);
    }
    window.addEventListener("resize", measure);
  }

  function quietTooltips(map) {
    var container = map.getContainer();
    map.on("popupopen", function () {
      container.classList.add("atlas-popup-open");
    });
    map.on("popupclose", function () {
      container.classList.remove("atlas-popup-open");
    });
  }

  function replaceNamesWhenPanelsResize(atlas) {
    if (!window.ResizeObserver || !atlas.labels) {
      return;
    }
    var pending = false;
    var observer = new window.ResizeObserver(function () {
      if (!pending) {
        pending = true;
        window.requestAnimationFrame(function () {
          pending = false;
          if (atlas.labels) {
            atlas.labels.place();
          }
        });
      }
    });
    document.querySelectorAll(Atlas.panels.SELECTOR).forEach(function (panel) {
      observer.observe(panel);
    });
  }

  function attach(root, atlas) {
    var small = window.matchMedia && window.matchMedia(SMALL_SCREEN).matches;
    var skip = root.querySelector(".atlas-skip");
    var legend = root.querySelector(".atlas-legend");
    var tour = root.querySelector(".atlas-tour");
    var timebar = root.querySelector(".atlas-timebar");
    var toolbar = root.querySelector(".atlas-toolbar");
    if (skip) {
      skipToSlider(skip);
    }
    var projected = document.body.classList.contains("classroom");
    if (legend) {
      foldLegend(legend, small || (projected && window.matchMedia(SMALL_PROJECTOR).matches));
    }
    if (tour) {
      foldTour(tour);
    }
    if (toolbar) {
      foldTools(toolbar, small);
    }
    if (timebar) {
      trackTimebar(timebar);
    }
    quietTooltips(atlas.map);
    replaceNamesWhenPanelsResize(atlas);
  }

  Atlas.controls.screen = { attach: attach };
})(window.Atlas);

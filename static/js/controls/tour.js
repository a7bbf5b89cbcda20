/* The guided tour: each step is a key date with its layers, extent, caption and sources.
 * The map flies to what the step draws while the layers are already drawn, and each step has
 * its own address, so a teacher can start anywhere and students can reopen any step.
 */
(function (Atlas) {
  "use strict";

  var SOURCES_OPEN_HEIGHT = 900;

  function Tour(root, atlas, options) {
    Atlas.Control.call(this, root, atlas, options);
    var self = this;
    this.steps = options.steps;
    this.urls = options.stepUrls;
    this.index = -1;
    atlas.actions.add("tourStep", function (direction) {
      self.go(self.index + direction);
    });
    root.querySelector(".atlas-tour-next").addEventListener("click", function () {
      self.go(self.index + 1);
    });
    root.querySelector(".atlas-tour-previous").addEventListener("click", function () {
      self.go(self.index - 1);
    });
    L.DomEvent.disableClickPropagation(root);
    // The sources show under the caption where there is room; on a smaller screen they fold.
    root.querySelector(".atlas-tour-sources").open = window.innerHeight >= SOURCES_OPEN_HEIGHT;
    // A static copy has one tour page; its step comes from ?step= in the address.
    var asked = +new URLSearchParams(window.location.search).get("step");
    this.go((asked >= 1 && asked <= this.steps.length ? asked : options.step) - 1, false);
  }

  Tour.prototype.go = function (index, fly) {
    if (index < 0 || index >= this.steps.length || index === this.index) {
      return;
    }
    this.index = index;
    var step = this.steps[index];
    var words = Atlas.i18n.keyDate(step);
    var atlas = this.atlas;
    this.root.querySelector(".atlas-tour-step").textContent = Atlas.time.localDigits(
      Atlas.i18n.fill(this.labels.tour_step, { step: index + 1, total: this.steps.length }),
    );
    this.root.querySelector(".atlas-tour-title").textContent = words.title;
    this.dateLine().textContent = Atlas.controls.calendarLine.withEquivalents(step.date);
    this.root.querySelector(".atlas-tour-caption").textContent = words.caption;
    this.root.querySelector(".atlas-tour-sources-list").textContent =
      step.sources
        .map(function (ref) {
          return (atlas.data.sources[Atlas.popup.citation(ref).key] || ref).replace(/\.$/, "");
        })
        .join("; ") + ".";
    this.root.querySelector(".atlas-tour-previous").disabled = index === 0;
    this.root.querySelector(".atlas-tour-next").disabled = index === this.steps.length - 1;
    // The map frames what the step draws within the step's own extent (the whole of it when
    // nothing is drawn there), clear of the caption and the other panels.
    atlas.framing.focus = step.bbox
      ? L.latLngBounds([step.bbox[1], step.bbox[0]], [step.bbox[3], step.bbox[2]])
      : null;
    atlas.framing.animate = fly !== false;
    atlas.state.setView(step.date, atlas.withContext(step.layers), this.urls[index]);
  };

  // The step's date in the calendars of the sources, under its title.
  Tour.prototype.dateLine = function () {
    var line = this.root.querySelector(".atlas-tour-date");
    if (!line) {
      line = Atlas.popup.element("p", "atlas-tour-date");
      var title = this.root.querySelector(".atlas-tour-title");
      title.parentNode.insertBefore(line, title.nextSibling);
    }
    return line;
  };

  Atlas.control("tour", Tour);
})(window.Atlas);

/* Names on the map for what is drawn at the current date, sized for projection and placed
 * greedily so that no two overlap (cities first, then larger areas); a name that has no room
 * is left out rather than drawn on top of another.
 */
(function (Atlas) {
  "use strict";

  var GAP = 4;

  function overlaps(a, b) {
    return (
      a.left < b.right + GAP &&
      b.left < a.right + GAP &&
      a.top < b.bottom + GAP &&
      b.top < a.bottom + GAP
    );
  }

  function priority(entry) {
    var geometry = entry.feature.geometry.type;
    return geometry.indexOf("Point") >= 0 ? 0 : geometry.indexOf("Polygon") >= 0 ? 1 : 2;
  }

  // Cities first; then areas, larger before smaller (the bigger shape has more room to name).
  function compare(a, b) {
    return priority(a) - priority(b) || (b.labelArea || 0) - (a.labelArea || 0);
  }

  function Labels(atlas) {
    var self = this;
    this.atlas = atlas;
    this.pane = atlas.map.createPane("atlas-labels");
    this.pane.style.zIndex = 640;
    this.pane.style.pointerEvents = "none";
    this.nodes = {};
    atlas.state.follow("change", function () {
      self.place();
    });
    atlas.map.on("zoomend moveend resize", function () {
      self.place();
    });
  }

  Labels.prototype.node = function (entry) {
    var id = entry.feature.properties.id;
    if (!this.nodes[id]) {
      var node = L.DomUtil.create("div", "atlas-label atlas-label-" + entry.layerId, this.pane);
      var name = Atlas.i18n.nameOf(entry.feature.properties);
      node.textContent = name.text;
      if (name.fallback) {
        node.lang = "en";
        node.classList.add("atlas-name-fallback");
      }
      this.nodes[id] = node;
    }
    return this.nodes[id];
  };

  Labels.prototype.place = function () {
    var map = this.atlas.map;
    var size = map.getSize();
    var placed = [];
    var obstacles = Atlas.panels.boxes(map); // names never hide under the panels
    var self = this;
    Object.keys(this.nodes).forEach(function (id) {
      self.nodes[id].style.display = "none";
    });
    var entries = this.atlas.shownEntries().filter(function (entry) {
      return entry.labelAt;
    });
    entries.forEach(function (entry) {
      if (entry.labelArea === undefined && entry.layer.getBounds) {
        var bounds = entry.layer.getBounds();
        entry.labelArea =
          (bounds.getNorth() - bounds.getSouth()) * (bounds.getEast() - bounds.getWest());
      }
    });
    entries.sort(compare);
    entries.forEach(function (entry) {
      var node = self.node(entry);
      node.style.display = "";
      var at = map.latLngToContainerPoint([entry.labelAt[1], entry.labelAt[0]]);
      var width = node.offsetWidth;
      var height = node.offsetHeight;
      var left = priority(entry) === 0 ? at.x + 12 : at.x - width / 2;
      var box = {
        left: left,
        top: at.y - height / 2,
        right: left + width,
        bottom: at.y + height / 2,
      };
      var inside = box.left >= 0 && box.top >= 0 && box.right <= size.x && box.bottom <= size.y;
      var blocked = placed.concat(obstacles).some(function (other) {
        return overlaps(box, other);
      });
      if (!inside || blocked) {
        node.style.display = "none";
        return;
      }
      placed.push(box);
      L.DomUtil.setPosition(node, map.containerPointToLayerPoint([box.left, box.top]));
    });
  };

  Atlas.Labels = Labels;
})(window.Atlas);

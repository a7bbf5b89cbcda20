/* Take the view away: GeoJSON of what is drawn (made in the browser, so it works in a static
 * copy too), the server's GeoPackage/CSV cut at the view's date, a PNG, or a printed page
 * (both plates: map/plate.js and map/snapshot.js).
 */
(function (Atlas) {
  "use strict";

  function download(blob, filename) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = filename;
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () {
      URL.revokeObjectURL(link.href);
    }, 1000);
  }

  // The features drawn now, each with its layer, as an RFC 7946 FeatureCollection.
  function viewAsGeoJSON(atlas) {
    var features = atlas.shownEntries().map(function (entry) {
      var properties = Object.assign({ layer: entry.layerId }, entry.feature.properties);
      return {
        type: "Feature",
        id: entry.feature.properties.id,
        properties: properties,
        geometry: entry.feature.geometry,
      };
    });
    return { type: "FeatureCollection", features: features };
  }

  function viewName(atlas) {
    return "atlas_" + Atlas.time.toIso(atlas.state.day) + "_" + atlas.state.layers.join("-");
  }

  function updateLinks(root, state) {
    root.querySelectorAll(".atlas-export-link").forEach(function (link) {
      link.href = link.getAttribute("data-href").replace("{date}", Atlas.time.toIso(state.day));
      var item = link.parentNode;
      var layer = item.getAttribute("data-layer");
      item.hidden = Boolean(layer) && state.layers.indexOf(layer) < 0;
    });
  }

  function attach(root, atlas) {
    L.DomEvent.disableClickPropagation(root);
    root.querySelector(".atlas-export-view").addEventListener("click", function () {
      var text = JSON.stringify(viewAsGeoJSON(atlas));
      download(new Blob([text], { type: "application/geo+json" }), viewName(atlas) + ".geojson");
    });
    root.querySelector(".atlas-save-image").addEventListener("click", function () {
      Atlas.snapshot.toBlob(atlas).then(function (blob) {
        download(blob, viewName(atlas) + ".png");
      });
    });
    Atlas.controls.timelapse.attach(root, atlas, download); // a WebM of a period
    Atlas.controls.compare.link(root, atlas); // this view beside another date
    root.querySelector(".atlas-print").addEventListener("click", function () {
      Atlas.plate.print(atlas);
    });
    Atlas.plate.followBrowserPrint(atlas);
    atlas.state.follow("change", function (state) {
      updateLinks(root, state);
    });
  }

  Atlas.controls.toolbar = { attach: attach };
})(window.Atlas);

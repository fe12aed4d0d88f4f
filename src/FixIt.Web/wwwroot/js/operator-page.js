// An operator's page: its areas drawn from GeoJSON, then its open reports inside them from the bbox API.
(function () {
  'use strict';
  var element = document.getElementById('operator-map');
  if (!element || !window.L) { return; }
  var map = FixItMap.create(element);
  var cluster = FixItMap.clusterGroup();
  map.addLayer(cluster);

  function loadReports() {
    var params = new URLSearchParams({ bbox: FixItMap.bbox(map), operator: element.dataset.operator, status: 'open', limit: '1000' });
    fetch('/api/reports?' + params.toString())
      .then(function (r) { return r.ok ? r.json() : { features: [] }; })
      .then(function (collection) {
        cluster.clearLayers();
        cluster.addLayers(FixItMap.pins(map, collection.features));
        element.dataset.loaded = String(collection.features.length);
      });
  }

  fetch(element.dataset.areas)
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (areas) {
      if (areas && areas.features.length > 0) {
        // Areas across the 180° line (bbox west > east) are drawn in one piece: their western longitudes past 180.
        var west = areas.bbox && areas.bbox[0] > areas.bbox[2] ? areas.bbox[0] : null;
        var layer = L.geoJSON(areas, {
          style: { color: '#0b5cad', weight: 2, fillOpacity: 0.05 },
          coordsToLatLng: function (c) { return L.latLng(c[1], west !== null && c[0] < west ? c[0] + 360 : c[0]); }
        }).addTo(map);
        // Without animation the view is set (and its moveend fired) before the listener below: one fetch, not two.
        map.fitBounds(layer.getBounds(), { animate: false });
      }
      map.on('moveend', loadReports);
      loadReports();
    });
})();

// The administrators' maps (areas, dry run, unrouted queue). Each page works without this: the numbers and lists are
// in the page; script draws them on a map and lets a click choose the dry run's point.
(function () {
  'use strict';
  if (!window.L || !window.FixItMap) { return; }

  // One area's boundary, from its GeoJSON (a box across the 180° line is drawn in one piece, as on operator pages).
  var areaElement = document.getElementById('area-map');
  if (areaElement) {
    var areaMap = FixItMap.create(areaElement);
    fetch(areaElement.dataset.geojson)
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (areas) {
        if (!areas || areas.features.length === 0) { return; }
        var west = areas.bbox && areas.bbox[0] > areas.bbox[2] ? areas.bbox[0] : null;
        var layer = L.geoJSON(areas, {
          style: { color: '#0b5cad', weight: 2, fillOpacity: 0.1 },
          coordsToLatLng: function (c) { return L.latLng(c[1], west !== null && c[0] < west ? c[0] + 360 : c[0]); }
        }).addTo(areaMap);
        areaMap.fitBounds(layer.getBounds());
        areaElement.dataset.drawn = 'true';
      });
  }

  // The dry run: a click fills the latitude and longitude fields; the pin shows the point being tried.
  var dryRun = document.getElementById('dry-run-map');
  if (dryRun) {
    var map = FixItMap.create(dryRun);
    var lat = document.getElementById('lat'), lon = document.getElementById('lon');
    var marker = null;
    var place = function (latitude, longitude) {
      if (marker) { marker.setLatLng([latitude, longitude]); } else { marker = L.marker([latitude, longitude], { keyboard: false }).addTo(map); }
    };
    if (lat.value && lon.value && !isNaN(parseFloat(lat.value)) && !isNaN(parseFloat(lon.value))) {
      place(parseFloat(lat.value), parseFloat(lon.value));
    }
    map.on('click', function (e) {
      lat.value = e.latlng.lat.toFixed(6);
      lon.value = FixItMap.wrap(e.latlng.lng).toFixed(6);
      place(e.latlng.lat, e.latlng.lng);
    });
  }

  // The unrouted queue: a pin per report in the list, linking to it.
  var points = document.getElementById('points-map');
  if (points) {
    var pointsMap = FixItMap.create(points);
    var items = document.querySelectorAll(points.dataset.points + ' [data-lat]');
    var bounds = [];
    items.forEach(function (item) {
      var latitude = parseFloat(item.dataset.lat), longitude = parseFloat(item.dataset.lon);
      var pin = FixItMap.pin(latitude, longitude, 'open', item.dataset.title);
      var link = document.createElement('a');
      link.href = '#report-' + item.dataset.id;
      link.textContent = '#' + item.dataset.id + ' ' + item.dataset.title;
      pin.bindPopup(link);
      pin.addTo(pointsMap);
      bounds.push([latitude, longitude]);
    });
    if (bounds.length > 1) { pointsMap.fitBounds(bounds, { padding: [20, 20], maxZoom: 15 }); }
    points.dataset.drawn = String(bounds.length);
  }
})();

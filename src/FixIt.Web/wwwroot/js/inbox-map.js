// The operator console's map: the reports of the inbox's filter, read from the list the page already holds (no second
// query, so the map and the list always agree). Without script the list is the view.
(function () {
  'use strict';
  var element = document.getElementById('inbox-map');
  if (!element || !window.L) { return; }
  var map = FixItMap.create(element);
  var cluster = L.markerClusterGroup({ showCoverageOnHover: false });
  var bounds = [];
  document.querySelectorAll('#inbox-list li[data-lat]').forEach(function (li) {
    var lat = parseFloat(li.dataset.lat), lon = parseFloat(li.dataset.lon);
    var link = li.querySelector('a.inbox-title');
    var marker = FixItMap.pin(lat, lon, li.dataset.statusType, link.textContent);
    var a = document.createElement('a');
    a.href = link.getAttribute('href');
    a.textContent = link.textContent;
    marker.bindPopup(a);
    cluster.addLayer(marker);
    bounds.push([lat, lon]);
  });
  map.addLayer(cluster);
  if (bounds.length > 0) {
    map.fitBounds(bounds, { maxZoom: 16, padding: [20, 20] });
  }
  element.dataset.loaded = String(bounds.length);
})();

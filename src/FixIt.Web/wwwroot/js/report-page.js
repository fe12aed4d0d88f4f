// The report page's small map: one pin where the problem is.
(function () {
  'use strict';
  var element = document.getElementById('report-map');
  if (!element || !window.L) { return; }
  var map = FixItMap.create(element);
  FixItMap.pin(parseFloat(element.dataset.lat), parseFloat(element.dataset.lon), element.dataset.status,
    document.getElementById('report-title').textContent).addTo(map);
})();

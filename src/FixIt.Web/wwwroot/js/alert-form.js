// The alert form's map: a click sets the point (the latitude and longitude fields, which also work on their own)
// and the circle shows the radius.
(function () {
  'use strict';
  var element = document.getElementById('alert-map');
  if (!element || !window.L) { return; }
  var lat = document.getElementById('lat');
  var lon = document.getElementById('lon');
  var radius = document.getElementById('radius');
  var radiusKind = document.getElementById('kind-radius');
  var map = FixItMap.create(element);
  var circle = null;

  function number(input) { var v = parseFloat(input.value); return isFinite(v) ? v : null; }

  function draw(pan) {
    var la = number(lat), lo = number(lon), r = number(radius) || 500;
    if (la === null || lo === null || Math.abs(la) > 90 || Math.abs(lo) > 180) { return; }
    if (!circle) { circle = L.circle([la, lo], { radius: r }).addTo(map); } else { circle.setLatLng([la, lo]); circle.setRadius(r); }
    if (pan) { map.fitBounds(circle.getBounds()); }
  }

  map.on('click', function (e) {
    lat.value = e.latlng.lat.toFixed(6);
    lon.value = FixItMap.wrap(e.latlng.lng).toFixed(6);
    radiusKind.checked = true;
    draw(false);
  });
  [lat, lon, radius].forEach(function (input) { input.addEventListener('change', function () { draw(true); }); });
  draw(true);
})();

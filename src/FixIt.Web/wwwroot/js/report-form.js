// The report form's map: click (or use the browser's location, or a photo's GPS) to place the pin; the pin fills
// the latitude and longitude fields, which also work on their own without script.
(function () {
  'use strict';
  var element = document.getElementById('report-map');
  if (!element || !window.L) { return; }
  var lat = document.getElementById('lat');
  var lon = document.getElementById('lon');
  var category = document.getElementById('category');
  var nearby = document.getElementById('nearby');
  var nearbyList = document.getElementById('nearby-list');
  var photos = document.getElementById('photos');
  var photoNote = document.getElementById('photo-location');
  var locate = document.getElementById('locate');
  var uncovered = document.getElementById('uncovered');
  var map = FixItMap.create(element);
  var marker = null;

  function number(input) { var v = parseFloat(input.value); return isFinite(v) ? v : null; }

  function place(latitude, longitude, pan) {
    lat.value = latitude.toFixed(6);
    lon.value = FixItMap.wrap(longitude).toFixed(6);
    if (!marker) {
      marker = L.marker([latitude, longitude], { draggable: true, alt: FixItMap.text('pinAlt'), title: FixItMap.text('pinTitle') }).addTo(map);
      marker.on('dragend', function () { var p = marker.getLatLng(); place(p.lat, p.lng, false); });
    } else {
      marker.setLatLng([latitude, longitude]);
    }
    if (pan) { map.setView([latitude, longitude], Math.max(map.getZoom(), 16)); }
    photoNote.hidden = true;
    refreshCategories();
  }

  function refreshCategories() {
    var la = number(lat), lo = number(lon);
    if (la === null || lo === null) { return; }
    fetch('/api/categories?lat=' + la + '&lon=' + lo)
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (routed) {
        // No category routed here: nobody covers this place; the notice says what happens (kept or refused).
        if (uncovered && routed) { uncovered.hidden = routed.length > 0; }
        return routed && routed.length > 0 ? routed : fetch('/api/categories').then(function (r) { return r.json(); });
      })
      .then(function (categories) {
        var chosen = category.value;
        while (category.options.length > 1) { category.remove(1); }
        categories.forEach(function (c) { category.add(new Option(c.name, c.code, false, c.code === chosen)); });
        showQuestions();
        refreshNearby();
      });
  }

  // Only the chosen category's extra questions are shown and sent.
  function showQuestions() {
    document.querySelectorAll('#extra-questions > fieldset[data-category]').forEach(function (group) {
      var mine = group.getAttribute('data-category') === category.value;
      group.hidden = !mine;
      group.disabled = !mine;
    });
  }

  function refreshNearby() {
    var la = number(lat), lo = number(lon);
    if (la === null || lo === null || !category.value) { nearby.hidden = true; return; }
    fetch('/api/reports/nearby?lat=' + la + '&lon=' + lo + '&category=' + encodeURIComponent(category.value))
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (items) {
        nearbyList.textContent = '';
        items.forEach(function (n) {
          var li = document.createElement('li');
          var a = document.createElement('a');
          a.href = '/reports/' + n.report.id;
          a.textContent = n.report.title;
          li.appendChild(a);
          li.appendChild(document.createTextNode(' — ' + n.report.categoryName + ', ' + n.distanceMetres + ' m away'));
          nearbyList.appendChild(li);
        });
        nearby.hidden = items.length === 0;
      });
  }

  // FixMyStreet's way: a photo taken on the spot knows where the spot is; offer it while no pin is placed.
  function offerPhotoLocation() {
    if (marker || !photos.files.length) { return; }
    var body = new FormData();
    body.append('photo', photos.files[0]);
    fetch('/api/photos/location', { method: 'POST', body: body })
      .then(function (r) { return r.status === 200 ? r.json() : null; })
      .then(function (p) {
        if (!p || marker) { return; }
        photoNote.textContent = FixItMap.text('photoAt', p.latitude.toFixed(5) + ', ' + p.longitude.toFixed(5)) + ' ';
        var use = document.createElement('button');
        use.type = 'button';
        use.className = 'link-button';
        use.textContent = FixItMap.text('usePhotoPlace');
        use.addEventListener('click', function () { place(p.latitude, p.longitude, true); });
        photoNote.appendChild(use);
        photoNote.hidden = false;
      });
  }

  map.on('click', function (e) { place(e.latlng.lat, e.latlng.lng, false); });
  [lat, lon].forEach(function (input) {
    input.addEventListener('change', function () {
      var la = number(lat), lo = number(lon);
      if (la !== null && lo !== null && Math.abs(la) <= 90 && Math.abs(lo) <= 180) { place(la, lo, true); }
    });
  });
  category.addEventListener('change', function () { showQuestions(); refreshNearby(); });
  photos.addEventListener('change', offerPhotoLocation);
  if (navigator.geolocation) {
    locate.hidden = false;
    locate.addEventListener('click', function () {
      navigator.geolocation.getCurrentPosition(function (p) { place(p.coords.latitude, p.coords.longitude, true); });
    });
  }
  if (number(lat) !== null && number(lon) !== null) {
    place(number(lat), number(lon), true);
  }
})();

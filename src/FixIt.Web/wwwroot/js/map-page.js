// /map: loads the reports inside the visible area from the bbox API, clusters them, and lists them beside the map.
// Filters apply at once; the form still works without script (a normal GET of /map).
(function () {
  'use strict';
  var element = document.getElementById('problems-map');
  if (!element || !window.L) { return; }
  var form = document.querySelector('form.filters');
  var list = document.getElementById('map-list');
  var scope = document.getElementById('list-scope');
  var status = document.getElementById('list-status');
  var map = FixItMap.create(element);
  var cluster = FixItMap.clusterGroup();
  map.addLayer(cluster);
  if (element.dataset.bounds) { map.fitBounds(FixItMap.parseBbox(element.dataset.bounds)); }
  var generation = 0;
  var pending;

  function filters() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, key) { if (value) { params.set(key, value); } });
    return params;
  }

  function load() {
    var mine = ++generation;
    var params = filters();
    params.set('bbox', FixItMap.bbox(map));
    params.set('limit', '1000');
    status.textContent = FixItMap.text('loading');
    fetch('/api/reports?' + params.toString(), { headers: { accept: 'application/geo+json' } })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (collection) {
        if (mine !== generation) { return; }
        cluster.clearLayers();
        list.textContent = '';
        cluster.addLayers(FixItMap.pins(map, collection.features));
        // The API pages west to east; the list is newest first, as its heading says (a higher id is a newer report).
        var newest = collection.features.map(function (f) { return f.properties; })
          .sort(function (a, b) { return b.id - a.id; }).slice(0, 100);
        newest.forEach(function (p) { list.appendChild(FixItMap.listItem(p)); });
        var n = collection.features.length;
        var more = !!collection.next;
        scope.textContent = n === 0 ? FixItMap.text('noneInView')
          : n > 100 ? FixItMap.text(more ? 'newestOfMoreInView' : 'newestOfInView', 100, n)
          : n === 1 ? FixItMap.text('oneInView') : FixItMap.text(more ? 'allMoreInView' : 'allInView', n);
        status.textContent = n === 0 ? FixItMap.text('noReportsHere') : '';
        element.dataset.loaded = String(n);
      })
      .catch(function () { if (mine === generation) { status.textContent = FixItMap.text('loadFailed'); } });
  }

  function later() { clearTimeout(pending); pending = setTimeout(load, 150); }

  form.addEventListener('change', function (event) {
    var option = event.target.id === 'f-area' ? event.target.selectedOptions[0] : null;
    history.replaceState(null, '', '/map?' + filters().toString());
    if (option && option.dataset.bbox) { map.fitBounds(FixItMap.parseBbox(option.dataset.bbox)); }
    later();
  });
  form.addEventListener('submit', function (event) { event.preventDefault(); later(); });
  map.on('moveend', later);
  load();
})();

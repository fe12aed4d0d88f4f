// Map set-up shared by every FixIt page. Tiles come from configuration (data-tile-url) and may be absent:
// pins are drawn as HTML/CSS markers, so they show even when no tile server answers.
(function () {
  'use strict';
  document.documentElement.classList.add('js');
  L.Icon.Default.imagePath = '/lib/leaflet/images/';

  var statusWords = {
    Unconfirmed: 'Awaiting confirmation', InProgress: 'In progress', ActionScheduled: 'Action scheduled',
    NotResponsible: 'Not the responsibility of this organisation', UnableToFix: 'Unable to fix'
  };

  function statusText(status) {
    var name = status.charAt(0).toUpperCase() + status.slice(1);
    return statusWords[name] || name;
  }

  function create(element) {
    var d = element.dataset;
    // A maxZoom of its own: with no tile layer to lend one, markercluster refuses to start.
    var map = L.map(element, { maxZoom: 19 }).setView([parseFloat(d.lat), parseFloat(d.lon)], parseInt(d.zoom, 10));
    if (d.tileUrl) {
      // The tile host gets this site's origin only (tile services ask for it), never a page's path.
      L.tileLayer(d.tileUrl, { attribution: d.tileAttribution, maxZoom: 19, referrerPolicy: 'strict-origin' }).addTo(map);
    } else {
      element.classList.add('no-tiles');
    }
    return map;
  }

  function pin(lat, lon, statusType, title) {
    return L.marker([lat, lon], {
      title: title,
      icon: L.divIcon({ className: 'pin pin-' + statusType, iconSize: [18, 18], iconAnchor: [9, 9] })
    });
  }

  // Report titles are residents' text: always set as text, never as HTML.
  function listItem(properties) {
    var li = document.createElement('li');
    li.className = 'status-' + properties.statusType;
    li.dataset.id = properties.id;
    var a = document.createElement('a');
    a.href = properties.url;
    a.textContent = properties.title;
    var meta = document.createElement('span');
    meta.className = 'meta';
    meta.textContent = properties.categoryName + ' · ' + statusText(properties.status) + ' · ' +
      new Date(properties.created).toISOString().slice(0, 10);
    li.appendChild(a);
    li.appendChild(document.createTextNode(' '));
    li.appendChild(meta);
    return li;
  }

  function popup(marker, properties) {
    var a = document.createElement('a');
    a.href = properties.url;
    a.textContent = properties.title;
    marker.bindPopup(a);
  }

  function bbox(map) {
    var b = map.getBounds();
    return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]
      .map(function (n) { return Math.max(-180, Math.min(180, n)).toFixed(6); }).join(',');
  }

  function parseBbox(text) {
    var n = text.split(',').map(parseFloat);
    return L.latLngBounds([n[1], n[0]], [n[3], n[2]]);
  }

  window.FixItMap = { create: create, pin: pin, listItem: listItem, popup: popup, bbox: bbox, parseBbox: parseBbox, statusText: statusText };
})();

// Map set-up shared by every FixIt page. Tiles come from configuration (data-tile-url) and may be absent:
// pins are drawn as HTML/CSS markers, so they show even when no tile server answers.
(function () {
  'use strict';
  document.documentElement.classList.add('js');
  L.Icon.Default.imagePath = '/lib/leaflet/images/';

  // The page's words in the reader's language, from the server (Components/Shared/PageTexts.razor): never English here.
  var texts = null;
  function text(key) {
    if (texts === null) {
      var block = document.getElementById('page-texts');
      texts = block ? JSON.parse(block.textContent) : {};
    }
    var value = Object.prototype.hasOwnProperty.call(texts, key) ? texts[key] : key;
    for (var i = 1; i < arguments.length; i++) { value = value.split('{' + (i - 1) + '}').join(String(arguments[i])); }
    return value;
  }

  function statusText(status) {
    var name = status.charAt(0).toUpperCase() + status.slice(1);
    return text('status.' + name);
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

  // A cluster layer that takes its markers in chunks of at most 40 ms, so hundreds of reports never block the page
  // (one addLayer per marker re-clustered the map each time: seconds of script on a phone). Fill it with addLayers.
  function clusterGroup() {
    return L.markerClusterGroup({ showCoverageOnHover: false, chunkedLoading: true, chunkInterval: 40 });
  }

  // One pin with its popup per feature of the bbox API's GeoJSON, on the copy of the world nearest the view.
  function pins(map, features) {
    return features.map(function (f) {
      var marker = pin(f.geometry.coordinates[1], near(map, f.geometry.coordinates[0]), f.properties.statusType, f.properties.title);
      popup(marker, f.properties);
      return marker;
    });
  }

  // The API's url is absolute (Site:PublicBaseUrl); the page links to the same path on the site that served it.
  function pageLink(properties) {
    return new URL(properties.url, window.location.href).pathname;
  }

  // Report titles are residents' text: always set as text, never as HTML.
  function listItem(properties) {
    var li = document.createElement('li');
    li.className = 'status-' + properties.statusType;
    li.dataset.id = properties.id;
    var a = document.createElement('a');
    a.href = pageLink(properties);
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
    a.href = pageLink(properties);
    a.textContent = properties.title;
    marker.bindPopup(a);
  }

  // A longitude brought into -180..180: a view across the 180° line runs past it (Leaflet does not wrap).
  function wrap(lon) {
    return lon >= -180 && lon <= 180 ? lon : ((lon + 180) % 360 + 360) % 360 - 180;
  }

  // The same longitude moved by whole turns to the copy of the world nearest the view's centre, so a pin at
  // -179 shows beside one at 179 on a map centred on the Pacific.
  function near(map, lon) {
    return lon + 360 * Math.round((map.getCenter().lng - lon) / 360);
  }

  // The view as the bbox API takes it: west > east when it crosses the 180° line, -180..180 when it spans the world.
  function bbox(map) {
    var b = map.getBounds();
    var west = b.getWest(), east = b.getEast();
    if (east - west >= 360) { west = -180; east = 180; } else { west = wrap(west); east = wrap(east); }
    return [west, Math.max(-90, b.getSouth()), east, Math.min(90, b.getNorth())]
      .map(function (n) { return n.toFixed(6); }).join(',');
  }

  // "west,south,east,north"; a box across the 180° line is drawn with its east edge past 180.
  function parseBbox(text) {
    var n = text.split(',').map(parseFloat);
    return L.latLngBounds([n[1], n[0]], [n[3], n[0] > n[2] ? n[2] + 360 : n[2]]);
  }

  window.FixItMap = {
    text: text, create: create, pin: pin, clusterGroup: clusterGroup, pins: pins, listItem: listItem, popup: popup, bbox: bbox,
    parseBbox: parseBbox, statusText: statusText,
    wrap: wrap, near: near
  };
})();

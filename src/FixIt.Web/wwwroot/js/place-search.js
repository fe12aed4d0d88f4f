// The place search as a combobox (WAI-ARIA APG "combobox with list autocomplete"): suggestions from /api/places as
// you type; arrows move, Enter or a click chooses, Escape closes. Choosing fills the latitude and longitude, which
// places the pin (report-form.js listens to their change). Without script the form is a plain GET search.
(function () {
  'use strict';
  var input = document.getElementById('place-search');
  var list = document.getElementById('place-search-options');
  var status = document.getElementById('place-search-status');
  var lat = document.getElementById('lat');
  var lon = document.getElementById('lon');
  if (!input || !list || !lat || !lon) { return; }
  var form = input.form;
  var places = [];
  var active = -1;
  var timer = null;
  var asked = 0;

  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('aria-expanded', 'false');

  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function highlight(index) {
    var items = list.querySelectorAll('[role="option"]');
    items.forEach(function (li, i) { li.setAttribute('aria-selected', i === index ? 'true' : 'false'); });
    active = index;
    if (index >= 0) {
      input.setAttribute('aria-activedescendant', items[index].id);
      items[index].scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function choose(index) {
    var p = places[index];
    if (!p) { return; }
    input.value = p.name;
    close();
    lat.value = p.latitude.toFixed(6);
    lon.value = p.longitude.toFixed(6);
    lon.dispatchEvent(new Event('change'));
    status.textContent = FixItMap.text('pinPlaced', p.name);
  }

  function show(found) {
    places = found;
    list.textContent = '';
    found.forEach(function (p, i) {
      var li = document.createElement('li');
      li.id = 'place-option-' + i;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      li.textContent = p.name;
      var kind = document.createElement('span');
      kind.className = 'hint';
      kind.textContent = ' ' + p.kind + (p.code ? ', ' + p.code : '');
      li.appendChild(kind);
      li.addEventListener('mousedown', function (e) { e.preventDefault(); });
      li.addEventListener('click', function () { choose(i); });
      list.appendChild(li);
    });
    list.hidden = found.length === 0;
    input.setAttribute('aria-expanded', found.length > 0 ? 'true' : 'false');
    active = -1;
    status.textContent = found.length === 0 ? FixItMap.text('noPlace') : found.length === 1 ? FixItMap.text('onePlace') : FixItMap.text('places', found.length);
  }

  function search() {
    var q = input.value.trim();
    if (q.length === 0) { show([]); status.textContent = ''; return; }
    var ticket = ++asked;
    fetch('/api/places?q=' + encodeURIComponent(q))
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (found) { if (ticket === asked) { show(found); } })
      .catch(function () { /* the Search button still works */ });
  }

  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(search, 150);
  });
  input.addEventListener('keydown', function (e) {
    if (e.key === 'ArrowDown' && places.length > 0) {
      e.preventDefault();
      if (list.hidden) { list.hidden = false; input.setAttribute('aria-expanded', 'true'); }
      highlight(Math.min(active + 1, places.length - 1));
    } else if (e.key === 'ArrowUp' && places.length > 0) {
      e.preventDefault();
      highlight(Math.max(active - 1, 0));
    } else if (e.key === 'Enter' && !list.hidden && active >= 0) {
      e.preventDefault();
      choose(active);
    } else if (e.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', close);
  // With script, Search picks the best match instead of reloading the page (what the resident typed stays put).
  form.addEventListener('submit', function (e) {
    if (places.length > 0) { e.preventDefault(); choose(active >= 0 ? active : 0); }
  });
})();

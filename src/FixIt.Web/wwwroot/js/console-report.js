// The console's answer form: choosing a template fills the note and chooses its status change at once (without script,
// the "Use template" button does the same through the server). The text stays editable; nothing is sent until "Publish".
(function () {
  'use strict';
  var select = document.getElementById('answer-template');
  var text = document.getElementById('answer-text');
  if (!select || !text) { return; }
  select.addEventListener('change', function () {
    var option = select.options[select.selectedIndex];
    if (!option || !option.value) { return; }
    text.value = option.dataset.text || '';
    var action = option.dataset.action && document.getElementById('answer-action-' + option.dataset.action);
    if (action) { action.checked = true; }
    text.focus();
  });
})();

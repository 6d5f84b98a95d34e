// Progressive enhancement only: every page works without this file.
// 1. Move focus to the error summary when a page shows one (autofocus does it too where supported).
// 2. Stop a double click from sending a form twice.
(function () {
  'use strict';
  var summary = document.querySelector('[data-module="error-summary"]');
  if (summary && document.activeElement !== summary) summary.focus();
  document.querySelectorAll('button[data-prevent-double-click="true"]').forEach(function (button) {
    button.form && button.form.addEventListener('submit', function () {
      if (button.dataset.sent === 'true') return;
      button.dataset.sent = 'true';
      window.setTimeout(function () { button.dataset.sent = 'false'; }, 1000);
    });
  });
})();

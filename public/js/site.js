// Progressive enhancement only: every page works without this file.
// 1. Move focus to the error summary when a page shows one (the autofocus attribute does it too where
//    the browser supports it on a non-form element).
// 2. Stop a double click from sending a form twice: a second submit within a second is cancelled.
(function () {
  'use strict';
  var summary = document.querySelector('[data-module="error-summary"]');
  if (summary && document.activeElement !== summary) summary.focus();
  document.querySelectorAll('button[data-prevent-double-click="true"]').forEach(function (button) {
    var form = button.form;
    if (!form) return;
    var sentAt = 0;
    form.addEventListener('submit', function (event) {
      var now = Date.now();
      if (now - sentAt < 1000) {
        event.preventDefault();
        return;
      }
      sentAt = now;
    });
  });
})();

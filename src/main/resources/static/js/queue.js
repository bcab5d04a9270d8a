// The queue's "select all" checkbox.
(function () {
  'use strict';
  var all = document.getElementById('select-all');
  if (!all) {
    return;
  }
  all.addEventListener('change', function () {
    document.querySelectorAll('#queue input[name="ids"]').forEach(function (box) { box.checked = all.checked; });
  });
})();

/* The rule-set application page: while a run is in progress, poll its progress and move its bar. */
(function () {
  if (!window.fetch) { return; }
  document.querySelectorAll('.reapply-progress[data-status="RUNNING"]').forEach(function (cell) {
    var bar = cell.querySelector('progress');
    var label = cell.querySelector('.progress-text');
    var raised = cell.parentNode.querySelector('.reapply-raised');
    var poll = function () {
      fetch(cell.getAttribute('data-url'), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
        .then(function (p) {
          bar.max = Math.max(p.total, 1);
          bar.value = p.done;
          label.textContent = p.done + ' / ' + p.total + ' \u00B7 ' + p.statusText;
          raised.textContent = p.raised;
          cell.setAttribute('data-status', p.status);
          if (p.status === 'RUNNING') {
            setTimeout(poll, 1500);
          }
        })
        .catch(function () { setTimeout(poll, 5000); });
    };
    setTimeout(poll, 1000);
  });
}());

// The import page: while the shown import runs, poll its status and refresh the counts and errors.
(function () {
  var section = document.getElementById('import-progress');
  if (!section || section.dataset.status !== 'RUNNING') { return; }
  var names = document.getElementById('import-status-names').dataset;
  var url = section.dataset.statusUrl;
  function text(id, value) { document.getElementById(id).textContent = value == null ? '' : value; }
  function cell(row, value) { var td = document.createElement('td'); td.textContent = value; row.appendChild(td); }
  function show(s) {
    section.dataset.status = s.status;
    text('import-status', names[s.status.toLowerCase()] || s.status);
    text('import-rows-done', s.rowsDone);
    text('import-rows-total', s.rowsTotal);
    text('import-accepted', s.accepted);
    text('import-unchanged', s.unchanged);
    text('import-rejected', s.rejected);
    text('import-error-count', s.errorCount);
    var bar = document.getElementById('import-progress-bar');
    bar.max = Math.max(1, s.rowsTotal);
    bar.value = s.rowsDone;
    var body = document.querySelector('#import-errors tbody');
    body.textContent = '';
    (s.errors || []).forEach(function (e) {
      var row = document.createElement('tr');
      cell(row, e.sheet); cell(row, e.row); cell(row, e.column); cell(row, e.message);
      body.appendChild(row);
    });
    if (s.failure) {
      text('import-failure', s.failure);
      document.getElementById('import-failure-row').hidden = false;
    }
    if (s.status !== 'RUNNING') {
      document.getElementById('import-report-link').hidden = false;
    }
  }
  function poll() {
    fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (s) {
        if (s) { show(s); }
        if (!s || s.status === 'RUNNING') { setTimeout(poll, 1000); }
      })
      .catch(function () { setTimeout(poll, 3000); });
  }
  poll();
})();

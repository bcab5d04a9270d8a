/* The DRL editor: CodeMirror with a DRL mode, the validation problems as gutter markers and line
   messages, and the progress of a running backtest polled from the console. */
(function () {
  'use strict';

  function set(words) {
    var o = {};
    words.split(' ').forEach(function (w) { o[w] = true; });
    return o;
  }

  var editor = null;
  var area = document.getElementById('drl-content');
  if (area && window.CodeMirror) {
    CodeMirror.defineMIME('text/x-drl', {
      name: 'clike',
      keywords: set('package import global function rule query declare end when then and or not exists forall eval ' +
        'from collect accumulate over salience no-loop lock-on-active agenda-group activation-group enabled dialect ' +
        'date-effective date-expires duration timer init action reverse result in matches memberOf contains ' +
        'soundslike insert insertLogical update modify retract delete new return if else for while this instanceof'),
      types: set('String int long double boolean BigDecimal LocalDate LocalDateTime List Map Set Object Integer Long'),
      atoms: set('true false null'),
      blockKeywords: set('rule when then if else for while'),
      hooks: {
        '@': function (stream) { stream.eatWhile(/[\w$]/); return 'meta'; },
        '$': function (stream) { stream.eatWhile(/[\w$]/); return 'variable-2'; }
      }
    });
    var mode = area.getAttribute('data-mode');
    editor = CodeMirror.fromTextArea(area, {
      mode: mode === 'application/json' ? { name: 'javascript', json: true } : mode,
      lineNumbers: true,
      readOnly: area.getAttribute('data-readonly') === 'true',
      indentUnit: 4,
      gutters: ['CodeMirror-linenumbers', 'problem-gutter'],
      viewportMargin: Infinity
    });
    var island = document.getElementById('editor-markers');
    var markers = island ? JSON.parse(island.textContent || '[]') : [];
    markers.forEach(function (m) {
      var line = Math.min(Math.max(m.line - 1, 0), editor.lineCount() - 1);
      var marker = document.createElement('span');
      marker.className = 'problem-marker';
      marker.title = m.message;
      marker.textContent = '\u25CF';
      editor.setGutterMarker(line, 'problem-gutter', marker);
      editor.addLineClass(line, 'background', 'problem-line');
      var note = document.createElement('div');
      note.className = 'problem-note';
      note.textContent = (m.column > 0 ? m.line + ':' + m.column : m.line) + ' ' + m.message;
      editor.addLineWidget(line, note, { coverGutter: false, noHScroll: true });
    });
    if (markers.length > 0) {
      editor.scrollIntoView({ line: Math.max(markers[0].line - 4, 0), ch: 0 });
    }
  }

  document.querySelectorAll('a.goto').forEach(function (link) {
    link.addEventListener('click', function (event) {
      event.preventDefault();
      if (editor) {
        var line = parseInt(link.getAttribute('data-line'), 10) - 1;
        editor.setCursor({ line: Math.max(line, 0), ch: 0 });
        editor.scrollIntoView(null, 100);
        editor.focus();
      }
    });
  });

  var progress = document.getElementById('backtest-progress');
  if (progress && progress.getAttribute('data-status') === 'RUNNING' && window.fetch) {
    var url = progress.getAttribute('data-url');
    var bar = progress.querySelector('progress');
    var label = progress.querySelector('.progress-text');
    var poll = function () {
      fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
        .then(function (p) {
          bar.max = Math.max(p.total, 1);
          bar.value = p.done;
          label.textContent = p.done + ' / ' + p.total + ' \u00B7 ' + p.statusText;
          progress.setAttribute('data-status', p.status);
          if (p.status === 'RUNNING') {
            setTimeout(poll, 1500);
          }
        })
        .catch(function () { setTimeout(poll, 5000); });
    };
    setTimeout(poll, 1000);
  }
}());

// The accessible mirror of the canvas (src/app/a11y.cpp sends it), and the keys the
// page leaves to the browser.
//
// The core calls Module.rpMirror({team, rows, violations, summary, announce}) when the
// plan's revision moves (not per frame) and when there is something to say (F6 moved
// to a panel). rows: [[week, primary, secondary, escalation], ...]; violations:
// [{severity, where, message}]; announce: the sentence for the live region.
(function () {
  'use strict';
  var tbody = document.querySelector('#a11y-rotation tbody');
  var list = document.getElementById('a11y-violations');
  var summary = document.getElementById('a11y-summary');
  var title = document.getElementById('a11y-title');
  var live = document.getElementById('a11y-live');
  var shownRows = [];

  function cell(tag, text, scope) {
    var c = document.createElement(tag);
    if (scope) c.scope = scope;
    c.textContent = text || 'nobody';
    return c;
  }
  function setRows(rows) {
    // Rows are rewritten only where they differ: a 520-week plan has 520 of them.
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i], old = shownRows[i];
      if (old && old[0] === r[0] && old[1] === r[1] && old[2] === r[2] && old[3] === r[3]) continue;
      var tr = document.createElement('tr');
      tr.appendChild(cell('th', r[0], 'row'));
      for (var k = 1; k < 4; k++) tr.appendChild(cell('td', r[k]));
      if (tbody.children[i]) tbody.replaceChild(tr, tbody.children[i]); else tbody.appendChild(tr);
    }
    while (tbody.children.length > rows.length) tbody.removeChild(tbody.lastChild);
    shownRows = rows;
  }
  function setViolations(violations) {
    var frag = document.createDocumentFragment();
    violations.forEach(function (v) {
      var li = document.createElement('li');
      li.textContent = v.severity + ', ' + v.where + ': ' + v.message;
      frag.appendChild(li);
    });
    if (!violations.length) {
      var li = document.createElement('li');
      li.textContent = 'None: the plan follows every rule.';
      frag.appendChild(li);
    }
    list.replaceChildren(frag);
  }
  // The live region keeps the last few announcements (a log), newest last.
  function say(text) {
    var p = document.createElement('p');
    p.textContent = text;
    live.appendChild(p);
    while (live.children.length > 5) live.removeChild(live.firstChild);
  }

  window.Module = window.Module || {};
  window.rotaplanMirror = function (m) {
    if (m.rows) setRows(m.rows);
    if (m.violations) setViolations(m.violations);
    if (m.summary !== undefined) summary.textContent = m.summary;
    if (m.team !== undefined) title.textContent = 'Rotaplan: ' + m.team;
    if (m.announce) say(m.announce);
  };

  // Ctrl+= / Ctrl++ / Ctrl+- / Ctrl+0 zoom the page: SDL would swallow them (it prevents
  // the default of every Ctrl key), so they are stopped here, before SDL's listener, and
  // left to the browser. The page lays itself out again at the new size and ratio.
  window.addEventListener('keydown', function (e) {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    if (e.key === '=' || e.key === '+' || e.key === '-' || e.key === '_' || e.key === '0' ||
        e.code === 'NumpadAdd' || e.code === 'NumpadSubtract' || e.code === 'Numpad0') {
      e.stopImmediatePropagation();
    }
  }, true);
})();

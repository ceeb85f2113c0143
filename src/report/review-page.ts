/**
 * The style and the script of the `--review` page, inlined in it (the page loads nothing). The script
 * reads the rows and the details from two JSON blocks of the page, draws the table (sortable,
 * filterable, a few hundred rows at a time) and, on a click on a row, that file's diff. It builds every
 * element with `textContent`, so no text of an input can become markup.
 */

export const REVIEW_STYLE = `
:root { --bad: #b00020; --warn: #8a5a00; --del: #ffe0e0; --ins: #dcfadc; --line: #ddd; font-family: system-ui, sans-serif; }
body { margin: 0 auto; max-width: 80rem; padding: 0 1rem 3rem; color: #222; line-height: 1.4; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.2rem; border-bottom: 1px solid var(--line); }
.totals { display: flex; flex-wrap: wrap; gap: 1.5rem; list-style: none; padding: 0; }
.totals .n { font-size: 1.4rem; font-weight: 600; display: block; }
.n { color: #555; font-weight: normal; } .num { text-align: right; font-variant-numeric: tabular-nums; }
.bad { color: var(--bad); } .warn { color: var(--warn); } .hint { color: #555; font-size: .9rem; }
table { border-collapse: collapse; } th, td { padding: .2rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
table.rules th[scope=row] { text-align: left; }
#file-table { width: 100%; font-size: .9rem; }
#file-table th { cursor: pointer; user-select: none; background: #f6f6f6; position: sticky; top: 0; }
.table-wrap { max-height: 36rem; overflow: auto; border: 1px solid var(--line); }
#file-table th[aria-sort=ascending]::after { content: " ▲"; } #file-table th[aria-sort=descending]::after { content: " ▼"; }
#file-table tbody tr { cursor: pointer; } #file-table tbody tr:hover { background: #f2f6ff; }
#file-table tr.worse td { background: #fff4e0; } #file-table tr.failed td { background: #ffecec; }
#file-table tr.selected td { background: #dde8ff; }
.flag { font-weight: 600; color: var(--bad); white-space: nowrap; }
.controls { display: flex; gap: 1rem; align-items: center; margin: .5rem 0; }
#filter { width: 20rem; }
del { background: var(--del); text-decoration: line-through; } ins { background: var(--ins); text-decoration: none; }
.chg { cursor: help; border-bottom: 1px dotted #888; } .chg:focus, .chg.open { outline: 2px solid #4a7bd0; }
.hunk { font-family: ui-monospace, monospace; font-size: .85rem; padding: .3rem 0; border-bottom: 1px solid var(--line); white-space: pre-wrap; overflow-wrap: anywhere; }
.hunk .at { color: #777; margin-right: .5rem; }
.edit-info { background: #f6f8ff; border: 1px solid #c8d4f0; padding: .3rem .6rem; margin: .2rem 0; font-family: system-ui, sans-serif; white-space: normal; }
.furniture li { font-family: ui-monospace, monospace; font-size: .85rem; }
.rule ol { font-size: .9rem; } .rule li { margin: .3rem 0; } .where { color: #777; } .why { color: #555; font-style: italic; }
.ctx { color: #444; }
.inputs { color: #555; font-size: .9rem; overflow-wrap: anywhere; }
table.rules { font-size: .9rem; } table.rules details ol { margin: .2rem 0; padding-left: 1.2rem; }
footer { margin-top: 2rem; color: #777; font-size: .8rem; }
`;

export const REVIEW_SCRIPT = `
(function () {
  'use strict';
  var PAGE = 500;
  var data = JSON.parse(document.getElementById('review-rows').textContent);
  var rows = data.rows;
  rows.forEach(function (r, i) {
    r.rank = i + 1;
    r.change = r.before === null ? null : r.after - r.before;
    r.presetReason = r.presetReason === null ? null : data.reasons[r.presetReason];
    r.encodingReason = r.encodingReason === null ? null : data.reasons[r.encodingReason];
  });
  var details = null;
  var body = document.querySelector('#file-table tbody');
  var filter = document.getElementById('filter');
  var onlyFlagged = document.getElementById('only-flagged');
  var more = document.getElementById('more');
  var shownNote = document.getElementById('shown');
  var sortKey = 'rank', sortDir = 1, limit = PAGE, selected = null;

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function pct(x) { return x === null ? '\\u2013' : (x * 100).toFixed(1) + '%'; }
  function signed(x) { return x === null ? '\\u2013' : (x > 0 ? '+' : '') + (x * 100).toFixed(1) + ' pt'; }
  function compare(a, b) {
    var x = a[sortKey], y = b[sortKey];
    if (x === y) return a.rank - b.rank;
    if (x === null || x === undefined) return 1;
    if (y === null || y === undefined) return -1;
    return (x < y ? -1 : 1) * sortDir;
  }
  function visible() {
    var q = filter.value.trim().toLowerCase();
    return rows.filter(function (r) {
      if (onlyFlagged.checked && !r.worse && r.status !== 'failed') return false;
      if (q === '') return true;
      return [r.file, r.status, r.preset, r.encoding, r.error].some(function (v) {
        return typeof v === 'string' && v.toLowerCase().indexOf(q) >= 0;
      });
    }).sort(compare);
  }
  function draw() {
    var list = visible();
    body.textContent = '';
    list.slice(0, limit).forEach(function (r) {
      var tr = el('tr', null, r.status === 'failed' ? 'failed' : r.worse ? 'worse' : '');
      tr.dataset.index = r.index;
      if (selected === r.index) tr.classList.add('selected');
      tr.appendChild(el('td', r.rank, 'num'));
      var name = el('td');
      name.appendChild(el('span', r.file));
      if (r.worse) name.appendChild(el('span', ' \\u25b2 worse', 'flag'));
      if (r.warning) name.title = 'warning: ' + r.warning;
      tr.appendChild(name);
      var status = el('td', r.status, r.status === 'failed' ? 'bad' : '');
      if (r.error) status.title = r.error;
      tr.appendChild(status);
      tr.appendChild(el('td', pct(r.before), 'num'));
      tr.appendChild(el('td', pct(r.after), 'num'));
      tr.appendChild(el('td', signed(r.change), 'num' + (r.worse ? ' flag' : '')));
      tr.appendChild(el('td', r.edits, 'num'));
      tr.appendChild(el('td', r.linesRemoved, 'num'));
      var enc = el('td', r.encoding);
      if (r.encodingReason) enc.title = r.encodingReason;
      tr.appendChild(enc);
      var preset = el('td', r.preset);
      if (r.presetReason) preset.title = r.presetReason;
      tr.appendChild(preset);
      body.appendChild(tr);
    });
    shownNote.textContent = 'showing ' + Math.min(limit, list.length) + ' of ' + list.length + ' files' +
      (list.length < rows.length ? ' (' + rows.length + ' in all)' : '');
    more.hidden = list.length <= limit;
  }
  document.querySelectorAll('#file-table th').forEach(function (th) {
    th.addEventListener('click', function () {
      var key = th.dataset.key;
      if (key === sortKey) sortDir = -sortDir;
      else { sortKey = key; sortDir = key === 'file' || key === 'rank' || key === 'encoding' || key === 'preset' || key === 'status' ? 1 : -1; }
      document.querySelectorAll('#file-table th').forEach(function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', sortDir > 0 ? 'ascending' : 'descending');
      draw();
    });
  });
  filter.addEventListener('input', function () { limit = PAGE; draw(); });
  onlyFlagged.addEventListener('change', function () { limit = PAGE; draw(); });
  more.addEventListener('click', function () { limit += PAGE; draw(); });
  body.addEventListener('click', function (event) {
    var tr = event.target.closest('tr');
    if (tr) show(Number(tr.dataset.index));
  });

  function editLine(e) {
    var li = el('li');
    li.appendChild(el('strong', e.transform + '/' + e.rule));
    li.appendChild(document.createTextNode(' at ' + e.line + ':' + e.col + ': '));
    li.appendChild(el('del', e.before === '' ? '\\u27e8nothing\\u27e9' : e.before));
    li.appendChild(document.createTextNode(' \\u2192 '));
    li.appendChild(el('ins', e.after === '' ? '\\u27e8nothing\\u27e9' : e.after));
    li.appendChild(el('span', ' (' + e.reason + ')', 'why'));
    return li;
  }
  function show(index) {
    if (details === null) details = JSON.parse(document.getElementById('review-details').textContent);
    var row = rows.filter(function (r) { return r.index === index; })[0];
    selected = index;
    draw();
    var section = document.getElementById('detail');
    section.textContent = '';
    section.hidden = false;
    section.appendChild(el('h2', row.file));
    var facts = el('ul');
    facts.appendChild(el('li', 'status: ' + row.status + (row.error ? ' (' + row.error + ')' : '')));
    if (row.warning) facts.appendChild(el('li', 'warning: ' + row.warning, 'warn'));
    if (row.preset) facts.appendChild(el('li', 'preset: ' + row.preset + ' (' + row.presetReason + ')'));
    if (row.encoding) facts.appendChild(el('li', 'encoding: ' + row.encoding + ' (' + row.encodingReason + ')'));
    if (row.inputSha256) facts.appendChild(el('li', 'input SHA-256: ' + row.inputSha256));
    if (row.before !== null) facts.appendChild(el('li', 'non-words: ' + pct(row.before) + ' \\u2192 ' + pct(row.after) + (row.worse ? ' (worse)' : ''), row.worse ? 'flag' : ''));
    section.appendChild(facts);
    var d = details[index];
    if (!d) {
      section.appendChild(el('p', row.status === 'ok' ? 'This file\\u2019s diff is not in the page: it keeps the diffs of the worst files only.' : 'Not cleaned: no diff.', 'hint'));
      section.scrollIntoView();
      return;
    }
    section.appendChild(el('h3', 'Word diff (reflowed line breaks ignored)'));
    if (d.hunks.length === 0) section.appendChild(el('p', 'No word changed.', 'hint'));
    var diff = el('div', null, 'diff');
    d.hunks.forEach(function (h) {
      var div = el('div', null, 'hunk');
      div.appendChild(el('span', 'line ' + h.line, 'at'));
      h.pieces.forEach(function (p) {
        if (p.text !== undefined) { div.appendChild(document.createTextNode(p.text)); return; }
        var chg = el('span', null, 'chg');
        chg.tabIndex = 0;
        chg.dataset.edits = p.edits.join(',');
        chg.title = p.edits.length === 0 ? 'no edit recorded here' : p.edits.map(function (i) {
          var e = d.edits[i]; return e.transform + '/' + e.rule + ': ' + e.reason;
        }).join('\\n');
        if (p.del !== '') chg.appendChild(el('del', p.del));
        if (p.ins !== '') chg.appendChild(el('ins', p.ins));
        div.appendChild(chg);
      });
      diff.appendChild(div);
    });
    diff.addEventListener('click', function (event) {
      var chg = event.target.closest('.chg');
      if (!chg) return;
      var next = chg.nextSibling;
      if (next && next.classList && next.classList.contains('edit-info')) { next.remove(); chg.classList.remove('open'); return; }
      var info = el('ul', null, 'edit-info');
      chg.dataset.edits.split(',').filter(Boolean).forEach(function (i) { info.appendChild(editLine(d.edits[Number(i)])); });
      chg.classList.add('open');
      chg.after(info);
    });
    section.appendChild(diff);
    if (d.moreHunks > 0) section.appendChild(el('p', d.moreHunks + ' more changed places are not shown.', 'hint'));
    if (d.layout > 0) section.appendChild(el('p', d.layout + ' edits only moved line breaks or spaces (not shown in the diff).', 'hint'));
    section.appendChild(el('h3', 'Removed furniture (' + d.furniture.length + ' lines)'));
    var ul = el('ul', null, 'furniture');
    d.furniture.forEach(function (i) {
      var e = d.edits[i];
      var li = el('li');
      li.appendChild(el('strong', e.transform + '/' + e.rule));
      li.appendChild(document.createTextNode(' line ' + e.line + ': '));
      li.appendChild(el('del', e.before.trim()));
      li.title = e.reason;
      ul.appendChild(li);
    });
    section.appendChild(ul);
    if (d.moreFurniture > 0) section.appendChild(el('p', d.moreFurniture + ' more removed lines are not shown.', 'hint'));
    section.scrollIntoView();
  }
  draw();
})();
`;

/**
 * The script of the HTML export: shows conditional questions while their condition holds, and lets the respondent
 * download their answers as a CSV file that `survey ingest` reads back, or copy them — in the page, with no network.
 * Plain ES5 so any browser a respondent has runs it; it reads its data from the JSON block the page carries.
 */

/** What the page script needs, written into the page as JSON. */
export interface PageData {
  /** The survey name, used in the downloaded file's name. */
  name: string
  /** The CSV header: the submission time column, then one column per question id. */
  timeColumn: string
  questions: Array<{id: string; type: string; required: boolean}>
  texts: {
    required: string
    chooseOne: string
    downloaded: string
    copied: string
    copyFallback: string
  }
}

/** JSON that is safe inside <script>: no `<` (so no `</script>`), no line separators that end a JavaScript line. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

export const PAGE_SCRIPT = String.raw`
(function () {
  var form = document.getElementById('survey');
  var data = JSON.parse(document.getElementById('survey-data').textContent);
  var status = document.getElementById('send-status');

  function controls(name) {
    var els = form.elements[name];
    if (!els) return [];
    if (els.length === undefined || els.tagName === 'SELECT') return [els];
    return Array.prototype.slice.call(els);
  }
  function values(name) {
    var out = [];
    controls(name).forEach(function (e) {
      if (e.disabled) return;
      if ((e.type === 'radio' || e.type === 'checkbox') && !e.checked) return;
      if (e.value !== '') out.push(e.value);
    });
    return out;
  }
  function holds(c) {
    var v = values(c.question);
    if (!v.length) return false;
    if (c['in']) return v.some(function (x) { return c['in'].map(String).indexOf(String(x)) >= 0; });
    return v.some(function (x) { x = Number(x); return !isNaN(x) && (c.min == null || x >= c.min) && (c.max == null || x <= c.max); });
  }
  // A hidden question is disabled too: the browser then neither requires nor sends its answer.
  function update() {
    var blocks = form.querySelectorAll('[data-show-if]');
    for (var i = 0; i < blocks.length; i++) {
      var shown = holds(JSON.parse(blocks[i].getAttribute('data-show-if')));
      blocks[i].classList.toggle('hidden-by-condition', !shown);
      var inputs = blocks[i].querySelectorAll('input, textarea, select');
      for (var j = 0; j < inputs.length; j++) inputs[j].disabled = !shown;
    }
  }
  form.addEventListener('change', update);
  form.addEventListener('input', update);
  update();

  function answer(q) {
    var v = values(q.id);
    if (q.type === 'single' || q.type === 'multi') {
      var other = values(q.id + '_other').join(' ').replace(/\s*[;；|┋\r\n]+\s*/g, ', ').trim();
      v = v.map(function (x) { return x === 'other' && other ? 'other: ' + other : x; });
      return v.join(';');
    }
    return v.join('');
  }
  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function now() {
    var d = new Date();
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + ' ' + pad(d.getHours()) + ':' + pad(d.getMinutes()) + ':' + pad(d.getSeconds());
  }
  // a text starting with = + - @ TAB or CR would run as a formula in a spreadsheet: a leading ' (the OWASP rule), numbers kept
  function cell(text) {
    var v = String(text);
    if (/^[=+\-@\t\r]/.test(v) && !/^[-+]?\d+(\.\d+)?$/.test(v)) v = "'" + v;
    return '"' + v.replace(/"/g, '""') + '"';
  }
  function csv() {
    var header = [data.timeColumn].concat(data.questions.map(function (q) { return q.id; }));
    var row = [now()].concat(data.questions.map(answer));
    return header.map(cell).join(',') + '\r\n' + row.map(cell).join(',') + '\r\n';
  }
  // Required choice groups: radios are checked by the browser; "choose at least one" is checked here.
  function valid() {
    for (var i = 0; i < data.questions.length; i++) {
      var q = data.questions[i];
      if (q.type !== 'multi' || !q.required) continue;
      var boxes = controls(q.id).filter(function (e) { return !e.disabled; });
      if (!boxes.length) continue;
      boxes[0].setCustomValidity(values(q.id).length ? '' : data.texts.chooseOne);
    }
    if (form.reportValidity()) return true;
    say(data.texts.required);
    return false;
  }
  function say(text) { status.textContent = text; }
  function fileName() {
    var d = now().replace(/[^0-9]/g, '');
    return (data.name.replace(/[^A-Za-z0-9_-]+/g, '-') || 'survey') + '-answers-' + d.slice(0, 8) + '-' + d.slice(8) + '.csv';
  }

  document.getElementById('download-answers').addEventListener('click', function () {
    if (!valid()) return;
    var name = fileName();
    // A byte-order mark, so spreadsheet programs open the file as UTF-8.
    var blob = new Blob(['\ufeff' + csv()], {type: 'text/csv;charset=utf-8'});
    if (window.navigator.msSaveBlob) { window.navigator.msSaveBlob(blob, name); say(data.texts.downloaded.replace('{file}', name)); return; }
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
    say(data.texts.downloaded.replace('{file}', name));
  });

  function fallback(text) {
    var box = document.getElementById('answers-fallback');
    var area = document.getElementById('answers-text');
    box.hidden = false;
    area.value = text;
    area.focus();
    area.select();
    var done = false;
    try { done = document.execCommand('copy'); } catch (e) { done = false; }
    say(done ? data.texts.copied : data.texts.copyFallback);
  }
  document.getElementById('copy-answers').addEventListener('click', function () {
    if (!valid()) return;
    var text = csv();
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () {
        document.getElementById('answers-text').value = text;
        say(data.texts.copied);
      }, function () { fallback(text); });
    } else fallback(text);
  });
})();
`.trim()

/** One self-contained HTML page of the survey: no external requests, printable, every control labelled. */
import {translator, type Locale} from '../i18n/index.js'
import {anchorsOf, describeShowIf, optionsOf, otherLabel, rangeOf, tx} from './text.js'
import type {Question, SurveyDoc} from './types.js'
import {plainText} from '../util/text.js'

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: unknown): string {
  return plainText(text).replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c]!)
}

const CSS = `
:root{color-scheme:light;--ink:#1f2328;--muted:#59636e;--line:#d1d9e0;--accent:#0969da}
*{box-sizing:border-box}
body{margin:0;font:16px/1.6 system-ui,-apple-system,"Segoe UI","PingFang SC","Hiragino Sans GB","Microsoft YaHei",sans-serif;color:var(--ink);background:#f6f8fa}
main{max-width:46rem;margin:2rem auto;padding:2rem;background:#fff;border:1px solid var(--line);border-radius:8px}
h1{font-size:1.6rem;margin:0 0 .5rem}
.intro,.meta{color:var(--muted);white-space:pre-line}
fieldset,.q{border:0;border-top:1px solid var(--line);margin:1.5rem 0 0;padding:1.25rem 0 0}
legend,.q>label{font-weight:600;padding:0;display:block;margin-bottom:.5rem}
.req{color:#cf222e;margin-left:.25rem}
.help,.cond{color:var(--muted);font-size:.9rem;margin:.25rem 0 .5rem}
.cond{font-style:italic}
.scale{display:flex;flex-wrap:wrap;gap:.5rem}
.scale label{display:flex;flex-direction:column;align-items:center;min-width:3.2rem;padding:.4rem .5rem;border:1px solid var(--line);border-radius:6px;text-align:center;font-size:.85rem}
.choices label{display:block;padding:.2rem 0}
.ends{display:flex;justify-content:space-between;color:var(--muted);font-size:.85rem;margin-top:.25rem}
input[type=text],input[type=number],textarea{width:100%;padding:.5rem;border:1px solid var(--line);border-radius:6px;font:inherit}
textarea{min-height:6rem}
input:focus-visible,textarea:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
.outro{margin-top:2rem;color:var(--muted)}
.hidden-by-condition{display:none}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media print{body{background:#fff}main{border:0;margin:0;padding:0;max-width:none}.hidden-by-condition{display:block}fieldset,.q{break-inside:avoid}}
`.trim()

// Shows a conditional question only while its condition holds; without JavaScript (or on paper) every question shows.
const SCRIPT = `
(function(){
  var form=document.getElementById('survey');
  function values(name){var out=[];var els=form.elements[name];if(!els)return out;if(els.length===undefined||els.tagName==='SELECT')els=[els];
    for(var i=0;i<els.length;i++){var e=els[i];if((e.type==='radio'||e.type==='checkbox')&&!e.checked)continue;if(e.value!=='')out.push(e.value);}return out;}
  function holds(c){var v=values(c.question);if(!v.length)return false;
    if(c.in)return v.some(function(x){return c.in.map(String).indexOf(String(x))>=0;});
    return v.some(function(x){x=Number(x);return !isNaN(x)&&(c.min==null||x>=c.min)&&(c.max==null||x<=c.max);});}
  function update(){var qs=form.querySelectorAll('[data-show-if]');for(var i=0;i<qs.length;i++){var c=JSON.parse(qs[i].getAttribute('data-show-if'));qs[i].classList.toggle('hidden-by-condition',!holds(c));}}
  form.addEventListener('change',update);form.addEventListener('input',update);update();
})();
`.trim()

function scale(q: Question, locale: Locale, describedBy: string): string {
  const [lo, hi] = rangeOf(q)!
  const {low, high} = anchorsOf(q, locale)
  const cells: string[] = []
  for (let v = lo; v <= hi; v++) {
    const label = q.type === 'likert' ? tx(q.labels?.[v - 1], locale) : ''
    const id = `${q.id}-${v}`
    cells.push(
      `<label for="${escapeHtml(id)}"><input type="radio" id="${escapeHtml(id)}" name="${escapeHtml(q.id)}" value="${v}"${q.required ? ' required' : ''}${describedBy}><span>${v}</span>${label ? `<span>${escapeHtml(label)}</span>` : ''}</label>`,
    )
  }
  const ends = low || high ? `<div class="ends" aria-hidden="true"><span>${escapeHtml(low)}</span><span>${escapeHtml(high)}</span></div>` : ''
  return `<div class="scale">${cells.join('')}</div>${ends}`
}

function choices(q: Question, locale: Locale, describedBy: string): string {
  const kind = q.type === 'single' ? 'radio' : 'checkbox'
  const items = optionsOf(q).map((o) => ({value: o.id, label: tx(o.label, locale)}))
  if (q.other) items.push({value: 'other', label: otherLabel(q, locale)})
  const rows = items.map((o) => {
    const id = `${q.id}-${o.value}`
    return `<label for="${escapeHtml(id)}"><input type="${kind}" id="${escapeHtml(id)}" name="${escapeHtml(q.id)}" value="${escapeHtml(o.value)}"${q.required && kind === 'radio' ? ' required' : ''}${describedBy}> ${escapeHtml(o.label)}</label>`
  })
  if (q.other) {
    const id = `${q.id}-other-text`
    rows.push(
      `<label for="${escapeHtml(id)}" class="help">${escapeHtml(otherLabel(q, locale))}</label><input type="text" id="${escapeHtml(id)}" name="${escapeHtml(q.id)}_other">`,
    )
  }
  return `<div class="choices">${rows.join('\n')}</div>`
}

function block(q: Question, doc: SurveyDoc, locale: Locale, number: number): string {
  const t = translator(locale)
  const title = `${number}. ${escapeHtml(tx(q.text, locale))}${q.required ? `<span class="req" aria-hidden="true">*</span><span class="sr">${escapeHtml(t('survey.export.required'))}</span>` : ''}`
  const notes: string[] = []
  const ids: string[] = []
  if (tx(q.help, locale)) {
    ids.push(`${q.id}-help`)
    notes.push(`<p class="help" id="${escapeHtml(q.id)}-help">${escapeHtml(tx(q.help, locale))}</p>`)
  }
  if (q.showIf) {
    ids.push(`${q.id}-cond`)
    notes.push(`<p class="cond" id="${escapeHtml(q.id)}-cond">${escapeHtml(describeShowIf(q.showIf, doc, locale))}</p>`)
  }
  const describedBy = ids.length ? ` aria-describedby="${escapeHtml(ids.join(' '))}"` : ''
  const cond = q.showIf
    ? ` data-show-if="${escapeHtml(JSON.stringify({question: q.showIf.question, in: q.showIf.equals !== undefined ? [q.showIf.equals] : q.showIf.in, min: q.showIf.min, max: q.showIf.max}))}"`
    : ''
  const grouped = q.type !== 'text' && q.type !== 'number'
  if (grouped) {
    const control = q.type === 'single' || q.type === 'multi' ? choices(q, locale, describedBy) : scale(q, locale, describedBy)
    return `<fieldset id="q-${escapeHtml(q.id)}"${cond}>\n<legend>${title}</legend>\n${notes.join('\n')}\n${control}\n</fieldset>`
  }
  const attrs = `id="${escapeHtml(q.id)}" name="${escapeHtml(q.id)}"${q.required ? ' required' : ''}${describedBy}`
  let control: string
  if (q.type === 'number') {
    control = `<input type="number" ${attrs}${q.min !== undefined ? ` min="${q.min}"` : ''}${q.max !== undefined ? ` max="${q.max}"` : ''} step="any">${q.unit ? ` <span class="help">${escapeHtml(tx(q.unit, locale))}</span>` : ''}`
  } else {
    const extra = `${q.maxLength ? ` maxlength="${q.maxLength}"` : ''}${tx(q.placeholder, locale) ? ` placeholder="${escapeHtml(tx(q.placeholder, locale))}"` : ''}`
    control = q.multiline === false ? `<input type="text" ${attrs}${extra}>` : `<textarea ${attrs}${extra}></textarea>`
  }
  return `<div class="q" id="q-${escapeHtml(q.id)}"${cond}>\n<label for="${escapeHtml(q.id)}">${title}</label>\n${notes.join('\n')}\n${control}\n</div>`
}

/** The survey as one HTML page with inline CSS, `lang`, `<label for>` on every control and `<fieldset>`/`<legend>` for groups. */
export function exportHtml(doc: SurveyDoc, locale: Locale): string {
  const t = translator(locale)
  const title = tx(doc.title, locale) || doc.name
  const meta = [
    doc.estimatedMinutes ? t('survey.export.minutes', {minutes: doc.estimatedMinutes}) : '',
    doc.anonymous ? t('survey.export.anonymous') : '',
    doc.questions.some((q) => q.required) ? t('survey.export.requiredNote') : '',
  ].filter(Boolean)
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="commops">
<title>${escapeHtml(title)}</title>
<style>
${CSS}
</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${tx(doc.intro, locale) ? `<p class="intro">${escapeHtml(tx(doc.intro, locale))}</p>\n` : ''}${meta.length ? `<p class="meta">${escapeHtml(meta.join(' · '))}</p>\n` : ''}<form id="survey" action="#" onsubmit="return false" aria-label="${escapeHtml(title)}">
${doc.questions.map((q, i) => block(q, doc, locale, i + 1)).join('\n')}
</form>
${tx(doc.outro, locale) ? `<p class="outro">${escapeHtml(tx(doc.outro, locale))}</p>\n` : ''}</main>
<script>
${SCRIPT}
</script>
</body>
</html>
`
}

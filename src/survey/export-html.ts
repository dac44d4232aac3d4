/** One self-contained HTML page of the survey: no external requests, printable, every control labelled. */
import {translator, type Locale} from '../i18n/index.js'
import {anchorsOf, describeShowIf, optionsOf, otherLabel, rangeOf, tx} from './text.js'
import type {Question, SurveyDoc} from './types.js'
import {plainText} from '../util/text.js'
import {PAGE_SCRIPT, scriptJson, type PageData} from './html-script.js'

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
.send{border-top:1px solid var(--line);margin-top:2rem;padding-top:1.25rem}
.send h2{font-size:1.2rem;margin:0 0 .5rem}
.actions{display:flex;flex-wrap:wrap;gap:.75rem;margin:1rem 0}
button{font:inherit;padding:.55rem 1rem;border-radius:6px;border:1px solid var(--accent);background:var(--accent);color:#fff;cursor:pointer}
button.secondary{background:#fff;color:var(--accent)}
button:focus-visible{outline:2px solid var(--ink);outline-offset:2px}
#send-status{min-height:1.6em;color:var(--ink);font-weight:600}
#answers-fallback textarea{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85rem}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media print{body{background:#fff}main{border:0;margin:0;padding:0;max-width:none}.hidden-by-condition{display:block}fieldset,.q{break-inside:avoid}.send{display:none}}
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

/** What the page script reads: the CSV columns and the texts it shows. */
function pageData(doc: SurveyDoc, locale: Locale): PageData {
  const t = translator(locale)
  return {
    name: doc.name,
    timeColumn: t('survey.html.timeColumn'),
    questions: doc.questions.map((q) => ({id: q.id, type: q.type, required: Boolean(q.required)})),
    texts: {
      required: t('survey.html.fillRequired'),
      chooseOne: t('survey.export.chooseOne'),
      downloaded: t('survey.html.downloaded'),
      copied: t('survey.html.copied'),
      copyFallback: t('survey.html.copyFallback'),
    },
  }
}

/** The closing section: nothing is sent anywhere; the respondent downloads or copies their answers and passes them on. */
function sendSection(locale: Locale): string {
  const t = translator(locale)
  return `<section class="send" aria-labelledby="send-title">
<h2 id="send-title">${escapeHtml(t('survey.html.sendTitle'))}</h2>
<p class="help">${escapeHtml(t('survey.html.sendHelp'))}</p>
<div class="actions">
<button type="button" id="download-answers">${escapeHtml(t('survey.html.download'))}</button>
<button type="button" id="copy-answers" class="secondary">${escapeHtml(t('survey.html.copy'))}</button>
</div>
<p id="send-status" role="status" aria-live="polite"></p>
<div id="answers-fallback" hidden>
<label for="answers-text">${escapeHtml(t('survey.html.copyLabel'))}</label>
<textarea id="answers-text" readonly></textarea>
</div>
</section>`
}

/**
 * The survey as one HTML page with inline CSS and script, `lang`, `<label for>` on every control and
 * `<fieldset>`/`<legend>` for groups. It makes no request: the respondent downloads their answers as a CSV file
 * that `survey ingest` reads (columns: the submission time, then the question ids), or copies them.
 */
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
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; form-action 'none'">
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
${sendSection(locale)}
${tx(doc.outro, locale) ? `<p class="outro">${escapeHtml(tx(doc.outro, locale))}</p>\n` : ''}</main>
<script type="application/json" id="survey-data">${scriptJson(pageData(doc, locale))}</script>
<script>
${PAGE_SCRIPT}
</script>
</body>
</html>
`
}

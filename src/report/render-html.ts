/**
 * The report as one self-contained HTML file: inline CSS, inline SVG charts, no script and no external request (a
 * Content-Security-Policy says so to the browser too); every workspace text escaped. Prints on A4: a cover with the
 * community and the period, a contents page, each section on a new page. Pure.
 */
import type {Translate} from '../i18n/index.js'
import type {Block} from './blocks.js'
import {reportDocument} from './document.js'
import {reportTitle} from './text.js'
import type {ReportModel} from './types.js'

/** Text as HTML text or attribute value. */
export const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')

/** Escaped text with its `code` spans set as <code>. */
const withCode = (text: string): string => escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>')

const FONTS =
  '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans", "DejaVu Sans", system-ui, sans-serif'

const CSS = `
@page { size: A4; margin: 16mm 15mm 18mm; }
* { box-sizing: border-box; }
html { font-family: ${FONTS}; color: #1f2328; font-size: 10.5pt; line-height: 1.55; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; }
main, .cover, nav.contents { max-width: 180mm; margin: 0 auto; }
@media screen { body { background: #f6f7f9; } main, .cover, nav.contents { background: #fff; padding: 12mm 14mm; margin: 8mm auto; box-shadow: 0 1px 4px rgba(0,0,0,.08); } main { padding-top: 2mm; } }
.cover { min-height: 250mm; display: flex; flex-direction: column; justify-content: center; break-after: page; page-break-after: always; }
.cover .kicker { color: #1d4e89; font-weight: 700; letter-spacing: .08em; text-transform: uppercase; font-size: 11pt; }
.cover h1 { font-size: 28pt; line-height: 1.2; margin: 6mm 0 4mm; }
.cover .period { font-size: 14pt; margin: 0 0 2mm; }
.cover .meta { color: #57606a; }
.cover .description { margin-top: 10mm; color: #444; max-width: 140mm; }
nav.contents { break-after: page; page-break-after: always; }
nav.contents ol { list-style: none; padding: 0; font-size: 13pt; }
nav.contents li { padding: 2.5mm 0; border-bottom: 1px dotted #c8ccd0; }
nav.contents a { color: inherit; text-decoration: none; }
section.report-section { break-before: page; page-break-before: always; }
h2 { font-size: 17pt; color: #1d4e89; border-bottom: 2px solid #1d4e89; padding-bottom: 1.5mm; margin: 6mm 0 4mm; }
h3 { font-size: 12.5pt; margin: 6mm 0 2mm; }
h4 { font-size: 11pt; margin: 4mm 0 1mm; }
h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
p { margin: 1.5mm 0 2.5mm; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 4mm; margin: 1mm 0 3mm; }
dl.facts dt { font-weight: 600; color: #444; }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 1.5mm 0 4mm; font-size: 9pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border-bottom: 1px solid #e3e6ea; padding: 1.2mm 2mm; text-align: left; vertical-align: top; }
th { background: #f1f4f8; font-weight: 600; }
table.wide { font-size: 7.5pt; }
table.wide th, table.wide td { padding: 1mm 1mm; white-space: nowrap; }
td.r, th.r { text-align: right; font-variant-numeric: tabular-nums; }
td.c, th.c { text-align: center; }
.missing { border-left: 3px solid #d0a020; background: #fff8e1; padding: 2mm 3mm; margin: 1.5mm 0 3mm; color: #5c4a00; }
code { font-family: "Noto Sans Mono CJK SC", "DejaVu Sans Mono", ui-monospace, monospace; font-size: 9pt; background: #f1f3f5; padding: 0 1mm; border-radius: 2px; }
figure.chart { margin: 2mm 0 4mm; break-inside: avoid; page-break-inside: avoid; }
svg.chart { display: block; max-width: 100%; height: auto; font-family: ${FONTS}; }
ol.suggestions > li { margin-bottom: 3mm; break-inside: avoid; }
footer { color: #6e7781; font-size: 8.5pt; margin-top: 8mm; border-top: 1px solid #e3e6ea; padding-top: 2mm; }
`

function blockHtml(b: Block): string {
  switch (b.type) {
    case 'h3':
    case 'h4':
    case 'p':
      return `<${b.type}>${escapeHtml(b.text)}</${b.type}>`
    case 'missing':
      return `<p class="missing">${withCode(b.text)}</p>`
    case 'facts':
      return b.items.length
        ? `<dl class="facts">${b.items.map((f) => `<dt>${escapeHtml(f.label)}</dt><dd>${escapeHtml(f.text)}</dd>`).join('')}</dl>`
        : ''
    case 'list':
      return `<ul>${b.items.map((x) => `<li>${escapeHtml(x)}</li>`).join('')}</ul>`
    case 'table': {
      const n = b.htmlColumns ?? b.head.length
      const cls = (i: number) => (b.align?.[i] && b.align[i] !== 'l' ? ` class="${b.align[i]}"` : '')
      const head = b.head
        .slice(0, n)
        .map((h, i) => `<th${cls(i)}>${escapeHtml(h)}</th>`)
        .join('')
      const rows = b.rows
        .map(
          (r) =>
            `<tr>${r
              .slice(0, n)
              .map((c, i) => `<td${cls(i)}>${escapeHtml(String(c))}</td>`)
              .join('')}</tr>`,
        )
        .join('')
      return `<table${n > 8 ? ' class="wide"' : ''}><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`
    }
    case 'chart':
      return `<figure class="chart" data-chart="${escapeHtml(b.name)}">${b.svg(escapeHtml)}</figure>`
    case 'suggestions':
      return `<ol class="suggestions">${b.items
        .map(
          (s) =>
            `<li><strong>${escapeHtml(s.title)}</strong><dl class="facts">${s.facts.map((f) => `<dt>${escapeHtml(f.label)}</dt><dd>${escapeHtml(f.text)}</dd>`).join('')}</dl></li>`,
        )
        .join('')}</ol>`
  }
}

/** The whole report as one HTML document. */
export function reportHtml(m: ReportModel, t: Translate): string {
  const doc = reportDocument(m, t)
  const e = escapeHtml
  const cover = [
    `<header class="cover">`,
    `<div class="kicker">${e(t('report.title'))}</div>`,
    `<h1>${e(m.community.name)}</h1>`,
    `<p class="period">${e(t('report.cover.period', {period: m.period.label, from: m.period.from, to: m.period.to}))}</p>`,
    `<p class="meta">${e(t('report.cover.generated', {date: m.generatedOn, zone: m.zone}))}</p>`,
    m.community.description ? `<p class="description">${e(m.community.description)}</p>` : '',
    `</header>`,
  ].join('\n')
  const contents = `<nav class="contents"><h2>${e(t('report.contents'))}</h2><ol>${doc.sections
    .map((s) => `<li><a href="#${s.id}">${e(s.title)}</a></li>`)
    .join('')}</ol></nav>`
  const sections = doc.sections
    .map((s) => `<section class="report-section" id="${s.id}"><h2>${e(s.title)}</h2>\n${s.blocks.map(blockHtml).join('\n')}</section>`)
    .join('\n')
  return `<!doctype html>
<html lang="${m.locale}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="commops">
<title>${e(reportTitle(m, t))}</title>
<style>${CSS}</style>
</head>
<body>
${cover}
${contents}
<main>
${sections}
<footer>${e(t('report.footer'))}</footer>
</main>
</body>
</html>
`
}

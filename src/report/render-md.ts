/** The report as Markdown (charts are HTML-only; their figures are in the tables beside them). Pure. */
import type {Translate} from '../i18n/index.js'
import {mdCell} from '../util/markdown.js'
import type {Align, Block} from './blocks.js'
import {reportDocument} from './document.js'
import {reportTitle} from './text.js'
import type {ReportModel} from './types.js'

/** Workspace text: HTML in it (a tag, an entity) stays text when the Markdown is rendered. */
const esc = (text: string): string => text.replace(/&(?=#?\w+;)/g, '&amp;').replace(/</g, '&lt;')
const cell = (v: unknown): string => esc(mdCell(v)).replace(/&lt;br>/g, '<br>')
const row = (cells: unknown[]): string => `| ${cells.map(cell).join(' | ')} |`
const RULE: Record<Align, string> = {l: '---', r: '---:', c: ':---:'}

function blockLines(b: Block): string[] {
  switch (b.type) {
    case 'h3':
      return [`### ${esc(b.text)}`, '']
    case 'h4':
      return [`**${esc(b.text)}**`, '']
    case 'p':
      return [esc(b.text), '']
    case 'missing':
      return [`> ${esc(b.text)}`, '']
    case 'facts':
      return b.items.length ? [...b.items.map((f) => `- **${esc(f.label)}**: ${esc(f.text)}`), ''] : []
    case 'list':
      return [...b.items.map((x) => `- ${esc(x)}`), '']
    case 'table':
      return [row(b.head), `|${b.head.map((_, i) => RULE[b.align?.[i] ?? 'l']).join('|')}|`, ...b.rows.map(row), '']
    case 'chart':
      return []
    case 'suggestions':
      return b.items.flatMap((s, i) => [`${i + 1}. **${esc(s.title)}**`, ...s.facts.map((f) => `   - ${esc(f.label)}: ${esc(f.text)}`), ''])
  }
}

/** The whole report as Markdown: title, period, contents, the six sections. */
export function reportMarkdown(m: ReportModel, t: Translate): string {
  const doc = reportDocument(m, t)
  const lines = [
    `# ${esc(reportTitle(m, t))}`,
    '',
    t('report.cover.period', {period: m.period.label, from: m.period.from, to: m.period.to}),
    '',
    t('report.cover.generated', {date: m.generatedOn, zone: m.zone}),
    '',
    `## ${t('report.contents')}`,
    '',
    ...doc.sections.map((s) => `- ${s.title}`),
    '',
  ]
  for (const s of doc.sections) lines.push(`## ${s.title}`, '', ...s.blocks.flatMap(blockLines))
  lines.push('---', '', t('report.footer'))
  return lines.join('\n').replace(/\n{3,}/g, '\n\n') + '\n'
}

/**
 * The report as a document: the six sections in the handbook's order, each a list of blocks (headings, facts, tables,
 * charts, "no data" notes) that the Markdown and HTML renderers print alike. Texts are plain (not escaped): the
 * renderers escape them. Pure.
 */
import type {Translate} from '../i18n/index.js'
import {REPORT_SECTIONS, type ReportModel, type ReportSection} from './types.js'
import {sectionTitle} from './text.js'
import {partBlocks, table, targetTable, type Block} from './blocks.js'
import {evaluation} from './section-evaluation.js'
import {practice} from './section-practice.js'
import {overview, strategy} from './section-strategy.js'

export interface ReportDocument {
  sections: Array<{id: ReportSection; title: string; blocks: Block[]}>
}

function suggestions(m: ReportModel, t: Translate): Block[] {
  return partBlocks(m.suggestions, t, (list) => [
    {
      type: 'suggestions',
      items: list.map((s) => ({
        title: s.title,
        facts: [
          {label: t('report.suggestion.why'), text: s.why},
          {label: t('report.suggestion.action'), text: s.action},
          {label: t('report.suggestion.effect'), text: s.effect},
          ...(s.playbook ? [{label: t('report.suggestion.playbook'), text: s.playbook}] : []),
        ],
      })),
    },
  ])
}

function outlook(m: ReportModel, t: Translate): Block[] {
  const o = m.outlook
  return [
    {type: 'h3', text: t('report.h.targets')},
    ...partBlocks(o.targets, t, (rows) => [targetTable(rows, t)]),
    {type: 'h3', text: t('report.h.highlights', {period: m.next.label})},
    ...partBlocks(o.highlights, t, (list) => [
      table(
        [t('report.col.date'), t('report.col.time'), t('report.col.kind'), t('report.col.title'), t('report.col.channel')],
        list.map((h) => [h.date, h.time, t(`report.kind.${h.kind}`), h.title, h.channel ?? '']),
      ),
    ]),
  ]
}

const BODIES: Record<ReportSection, (m: ReportModel, t: Translate) => Block[]> = {overview, strategy, practice, evaluation, suggestions, outlook}

/** The report's sections as blocks, in the handbook's order. */
export function reportDocument(m: ReportModel, t: Translate): ReportDocument {
  return {sections: REPORT_SECTIONS.map((id) => ({id, title: sectionTitle(id, t), blocks: BODIES[id](m, t)}))}
}

/** The artifacts of the small step types (checklist, positioning review, note): their data and Markdown. */
import {translator, type Locale} from '../i18n/index.js'
import {mdCell} from '../util/markdown.js'

export interface ChecklistData {
  title: string
  tasks: Array<{title: string; owner?: string; due?: string}>
}

export interface PositioningCheck {
  id: string
  ok: boolean
  label: string
}

export interface PositioningData {
  title: string
  score: number
  checks: PositioningCheck[]
  personas: Array<{name: string; age?: string; needs: string[]; painPoints: string[]}>
}

export interface NoteData {
  title: string
  message: string
}

/** A checklist as a Markdown table of open boxes. */
export function checklistMd(data: ChecklistData, locale: Locale): string {
  const t = translator(locale)
  const rows = data.tasks.map((x) => `| [ ] ${mdCell(x.title)} | ${mdCell(x.owner ?? '')} | ${mdCell(x.due ?? '')} |`)
  return [`# ${data.title}`, '', `| ${t('md.task')} | ${t('md.owner')} | ${t('md.due')} |`, '|---|---|---|', ...rows, ''].join('\n')
}

/** The positioning review: score, checks and personas. */
export function positioningMd(d: PositioningData, locale: Locale): string {
  const t = translator(locale)
  const lines = [`# ${d.title}`, '', `**${t('md.score')}: ${d.score}/100**`, '', `| ${t('md.item')} | ${t('md.status')} |`, '|---|---|']
  for (const c of d.checks) lines.push(`| ${mdCell(c.label)} | ${c.ok ? '✅' : '❌'} |`)
  if (d.personas.length) {
    lines.push(
      '',
      `## ${t('md.personas')}`,
      '',
      `| ${t('md.personas')} | ${t('md.age')} | ${t('md.needs')} | ${t('md.painPoints')} |`,
      '|---|---|---|---|',
    )
    for (const p of d.personas)
      lines.push(`| ${mdCell(p.name)} | ${p.age ?? ''} | ${mdCell(p.needs.join('; '))} | ${mdCell(p.painPoints.join('; '))} |`)
  }
  return lines.join('\n') + '\n'
}

/** A note as a Markdown section. */
export function noteMd(d: NoteData): string {
  return `## ${d.title}\n\n${d.message}\n`
}

/** How each artifact kind is written in each export format: one static table. */
import {CALENDAR_FORMATS, renderCalendar} from '../calendar/export.js'
import type {CalendarDoc} from '../calendar/types.js'
import type {Locale} from '../i18n/index.js'
import {exportRuleSet, RULES_FORMATS} from '../rules/export.js'
import type {RuleSetArtifactData} from '../rules/types.js'
import {exportSurvey, type ExportFormat} from '../survey/export.js'
import type {SurveyArtifactData} from '../survey/lookup.js'
import type {SurveyResults} from '../survey/results.js'
import {resultsMd} from '../survey/results-md.js'
import {checklistMd, noteMd, positioningMd, type ChecklistData, type NoteData, type PositioningData} from './plain.js'

/** What a renderer needs of an artifact. */
export interface RenderedArtifact {
  id: string
  kind: string
  title: string
  data: unknown
}

/** Turns an artifact into the text of one export format. */
export type Renderer = (artifact: RenderedArtifact, locale: Locale) => string

const each = (formats: readonly string[], render: (format: string) => Renderer): Record<string, Renderer> =>
  Object.fromEntries(formats.map((f) => [f, render(f)]))

const SURVEY_FORMATS: ExportFormat[] = ['md', 'html', 'json', 'surveyjs', 'github-issue-form']

/** Renderers by artifact kind, then format. */
const RENDERERS: Record<string, Record<string, Renderer>> = {
  calendar: each(
    CALENDAR_FORMATS,
    (format) => (a, locale) => renderCalendar(a.data as CalendarDoc, format as (typeof CALENDAR_FORMATS)[number], locale),
  ),
  ruleset: each(RULES_FORMATS, (format) => (a, locale) => {
    const data = a.data as RuleSetArtifactData
    return exportRuleSet(data.ruleset, format as (typeof RULES_FORMATS)[number], data.locale ?? locale)
  }),
  survey: each(SURVEY_FORMATS, (format) => (a, locale) => {
    const data = a.data as SurveyArtifactData
    return exportSurvey(data.doc, format as ExportFormat, data.locale ?? locale, {id: data.key})
  }),
  'survey-results': {md: (a, locale) => resultsMd(a.data as SurveyResults, locale)},
  checklist: {md: (a, locale) => checklistMd(a.data as ChecklistData, locale)},
  positioning: {md: (a, locale) => positioningMd(a.data as PositioningData, locale)},
  note: {md: (a) => noteMd(a.data as NoteData)},
}

/** The renderer for a kind and format; every kind has json. */
export function getRenderer(kind: string, format: string): Renderer | undefined {
  const own = RENDERERS[kind]?.[format]
  if (own) return own
  if (format === 'json') return (a) => JSON.stringify({id: a.id, kind: a.kind, title: a.title, data: a.data}, null, 2) + '\n'
  return undefined
}

/** The formats a kind can be exported in. */
export function formatsOf(kind: string): string[] {
  return [...new Set(['json', ...Object.keys(RENDERERS[kind] ?? {})])].sort()
}

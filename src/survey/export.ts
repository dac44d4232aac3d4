/** Every export format of a survey, by name. */
import type {Locale} from '../i18n/index.js'
import {exportHtml} from './export-html.js'
import {exportIssueForm} from './export-issue-form.js'
import {exportMd} from './export-md.js'
import {exportSurveyJs} from './export-surveyjs.js'
import type {SurveyDoc} from './types.js'

export const EXPORT_FORMATS = ['github-issue-form', 'surveyjs', 'html', 'md', 'json'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** The file extension each format is written with by default. */
export const EXPORT_EXT: Record<ExportFormat, string> = {'github-issue-form': 'yml', surveyjs: 'surveyjs.json', html: 'html', md: 'md', json: 'json'}

/** Our own form as JSON: the survey document itself (kind: Survey), loadable with `survey create --from`. */
export function exportJson(doc: SurveyDoc): string {
  return JSON.stringify(doc, null, 2) + '\n'
}

/** The survey in one format. */
export function exportSurvey(doc: SurveyDoc, format: ExportFormat, locale: Locale, meta: {id?: string} = {}): string {
  switch (format) {
    case 'github-issue-form':
      return exportIssueForm(doc, locale, meta)
    case 'surveyjs':
      return exportSurveyJs(doc, locale)
    case 'html':
      return exportHtml(doc, locale)
    case 'md':
      return exportMd(doc, locale)
    case 'json':
      return exportJson(doc)
  }
}

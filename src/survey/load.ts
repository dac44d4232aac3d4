/** Loading survey documents: the bundled templates (templates/surveys/<name>.yaml) and hand-written files. */
import {existsSync} from 'node:fs'
import {UsageError, ValidationError} from '../errors.js'
import type {Locale} from '../i18n/index.js'
import {closest} from '../util/suggest.js'
import {validateText} from '../schema/validate.js'
import {templatesDir} from '../util/paths.js'
import {readYamlFile} from '../util/text-file.js'
import {surveyKind} from './kind.js'
import {SURVEY_TEMPLATES, type SurveyDoc} from './types.js'

export {SURVEY_TEMPLATES} from './types.js'

/** Parses and validates the text of a survey file; the first problem becomes a located ValidationError. */
export function parseSurveyText(text: string, file: string, locale: Locale): SurveyDoc {
  const {problems, docs} = validateText(text, file, locale, [surveyKind])
  const errors = problems.filter((p) => p.severity === 'error')
  if (errors.length > 0) {
    const first = errors[0]
    throw new ValidationError(
      {key: 'survey.invalid', params: {file, count: errors.length, first: first.message}},
      {
        code: 'survey.invalid',
        hint: first.hint ? {key: 'error.usage', params: {message: first.hint}} : {key: 'survey.invalid.hint', params: {file}},
        location: {file: first.file, line: first.line, col: first.col},
        details: {problems: errors},
      },
    )
  }
  const surveys = docs.filter((d) => d.kind === 'Survey')
  if (surveys.length !== 1) {
    throw new ValidationError(
      {key: 'survey.notSurvey', params: {file, count: surveys.length}},
      {code: 'survey.notSurvey', hint: {key: 'survey.notSurvey.hint'}, location: {file}},
    )
  }
  return surveys[0].value as SurveyDoc
}

/** Reads and validates a survey file written by hand (`kind: Survey`). */
export async function loadSurveyFile(full: string, display: string, locale: Locale): Promise<SurveyDoc> {
  if (!existsSync(full)) throw new UsageError({key: 'file.notFound', params: {path: display}}, {hint: {key: 'file.notFound.hint'}})
  return parseSurveyText(readYamlFile(full, display), display, locale)
}

/** Path of a bundled template. */
export const templateFile = (name: string): string => templatesDir('surveys', `${name}.yaml`)

/** A bundled survey template by name. */
export async function loadSurveyTemplate(name: string, locale: Locale): Promise<SurveyDoc> {
  if (!(SURVEY_TEMPLATES as readonly string[]).includes(name)) {
    const best = closest(name, [...SURVEY_TEMPLATES])
    throw new UsageError(
      {key: 'survey.unknownTemplate', params: {name}},
      {
        code: 'survey.unknownTemplate',
        hint: {key: 'survey.unknownTemplate.hint', params: {names: SURVEY_TEMPLATES.join(', '), suggest: best ? ` \`${best}\`?` : ''}},
      },
    )
  }
  return parseSurveyText(readYamlFile(templateFile(name)), `templates/surveys/${name}.yaml`, locale)
}

/** Survey forms (kind: Survey), as written in YAML, kept in the store, and answered. */
import type {Locale, LocalizedText} from '../i18n/index.js'

export const QUESTION_TYPES = ['likert', 'nps', 'rating', 'single', 'multi', 'text', 'number'] as const
export type QuestionType = (typeof QUESTION_TYPES)[number]

/** The bundled survey templates, templates/surveys/<name>.yaml. */
export const SURVEY_TEMPLATES = ['satisfaction', 'nps', 'onboarding', 'event-feedback', 'exit'] as const
export type SurveyTemplate = (typeof SURVEY_TEMPLATES)[number]

/** Dimensions the scorecard knows; a survey may use others of its own. */
export const SEED_DIMENSIONS = ['service_quality', 'content_quality', 'atmosphere', 'value'] as const

/** Where a choice question may take its options from community.yaml. */
export const OPTION_SOURCES = ['pillars', 'activities', 'platforms'] as const
export type OptionSource = (typeof OPTION_SOURCES)[number]

export interface ChoiceOption {
  id: string
  label: LocalizedText
}

/** Show a question only when an earlier answer matches: equals one value, is one of several, or lies in [min, max]. */
export interface ShowIf {
  question: string
  equals?: string | number
  in?: Array<string | number>
  min?: number
  max?: number
}

export interface Question {
  id: string
  type: QuestionType
  text: LocalizedText
  help?: LocalizedText
  required?: boolean
  /** Scored into this dimension (likert and rating only). */
  dimension?: string
  /** Counted in CSAT (likert only); when no item says so, every likert item counts. */
  csat?: boolean
  showIf?: ShowIf
  /** likert: 5 or 7 points, with one label per point from the lowest to the highest. */
  scale?: 5 | 7
  labels?: LocalizedText[]
  /** rating and number: the range; rating defaults to 1–5. */
  min?: number
  max?: number
  /** rating and nps: what the two ends mean. */
  anchors?: {low?: LocalizedText; high?: LocalizedText}
  /** single and multi. */
  options?: ChoiceOption[]
  optionsFrom?: OptionSource
  other?: boolean
  otherLabel?: LocalizedText
  maxSelect?: number
  /** text. */
  multiline?: boolean
  placeholder?: LocalizedText
  maxLength?: number
  /** number. */
  unit?: LocalizedText
}

/** A survey document, `kind: Survey`. */
export interface SurveyDoc {
  apiVersion: 'commops/v1'
  kind: 'Survey'
  name: string
  title: LocalizedText
  intro?: LocalizedText
  outro?: LocalizedText
  locale?: Locale
  anonymous?: boolean
  estimatedMinutes?: number
  questions: Question[]
}

/** A survey as kept in `db.surveys`. */
export interface StoredSurvey {
  /** Short id, e.g. S3 */
  id: string
  name: string
  /** The language its exports use unless --lang says otherwise. */
  locale: Locale
  template?: string
  /** The file it was created from, relative to the workspace when inside it. */
  from?: string
  doc: SurveyDoc
  createdAt: string
  [key: string]: unknown
}

/** One answer: a number (likert, nps, rating, number), an option id (single), option ids (multi) or text. */
export type Answer = number | string | string[]

export interface SurveyResponse {
  /** A stored survey id (S3) or the key of a playbook survey (launch.onboarding-survey). */
  survey: string
  /** Hash of the source row, so re-ingesting the same file adds nothing. */
  rowHash: string
  source: {file: string; line: number}
  submittedAt?: string
  /** The respondent's member id, when the file has one. */
  member?: string
  answers: Record<string, Answer>
  /** Text written into "other" for single and multi questions. */
  others?: Record<string, string>
  /** Columns that are not questions (region, channel, IP…), kept for --segment. */
  fields: Record<string, string>
  ingestedAt: string
  [key: string]: unknown
}

/** The index entry of one ingest batch, in `db.responseBatches`; its responses are in `.commops/responses/<survey>/<id>.ndjson`. */
export interface ResponseBatch {
  /** `RB1`, `RB2`… (R1, R2… are runs). */
  id: string
  survey: string
  /** The file the rows came from, as recorded with each response. */
  source: string
  /** SHA-256 of the file's bytes (absent for batches moved out of an older store). */
  hash?: string
  /** Responses in the batch file. */
  responses: number
  ingestedAt: string
}

/** A survey that commands can work on: stored (S3) or created by a playbook step. */
export interface SurveyRef {
  /** S3, or `playbook.step` for a playbook survey. */
  id: string
  origin: 'store' | 'playbook'
  locale: Locale
  doc: SurveyDoc
  createdAt: string
}

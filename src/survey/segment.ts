/** Reading a segment value (--segment FIELD) from a response: a choice question, a response column, or a member attribute. */
import {normalizeLabel} from './answers.js'
import {valueLabel} from './text.js'
import type {Locale} from '../i18n/index.js'
import type {SurveyDoc, SurveyResponse} from './types.js'
import {plainText} from '../util/text.js'

type MemberLike = Record<string, unknown>

/** Members as some store collection holds them: an array or a record of objects with an id. */
export function memberIndex(members: unknown): Map<string, MemberLike> {
  const list = Array.isArray(members) ? members : members && typeof members === 'object' ? Object.values(members as Record<string, unknown>) : []
  const out = new Map<string, MemberLike>()
  for (const m of list) {
    if (m && typeof m === 'object' && 'id' in m) out.set(String((m as MemberLike).id), m as MemberLike)
  }
  return out
}

function memberAttribute(member: MemberLike | undefined, field: string): string | undefined {
  if (!member) return undefined
  for (const holder of [member, member.attributes, member.fields]) {
    if (!holder || typeof holder !== 'object') continue
    const value = (holder as Record<string, unknown>)[field]
    if (value !== undefined && value !== null && value !== '' && typeof value !== 'object') return plainText(value)
  }
  return undefined
}

/** How to read a segment from responses, or undefined when no question, column or member attribute has that name. */
export function segmentReader(
  field: string,
  doc: SurveyDoc,
  responses: SurveyResponse[],
  members: Map<string, MemberLike>,
  locale: Locale,
): ((r: SurveyResponse) => string | undefined) | undefined {
  const question = doc.questions.find((q) => q.id === field && q.type !== 'text' && q.type !== 'multi')
  if (question) {
    return (r) => {
      const v = r.answers[question.id]
      return v === undefined || Array.isArray(v) ? undefined : valueLabel(question, v, locale)
    }
  }
  const key = normalizeLabel(field)
  const columns = fieldNames(responses)
  const column = columns.find((k) => k === field) ?? columns.find((k) => normalizeLabel(k) === key)
  if (column) return (r) => r.fields[column]
  if (responses.some((r) => memberAttribute(members.get(r.member ?? ''), field) !== undefined))
    return (r) => memberAttribute(members.get(r.member ?? ''), field)
  return undefined
}

/** The names --segment accepts for these responses: choice and numeric questions, then columns kept as fields. */
export function segmentFields(doc: SurveyDoc, responses: SurveyResponse[]): string[] {
  return [...new Set([...doc.questions.filter((q) => q.type !== 'text' && q.type !== 'multi').map((q) => q.id), ...fieldNames(responses)])]
}

/** The column names kept as fields, in first-seen order: one pass, no array of every response's keys. */
function fieldNames(responses: SurveyResponse[]): string[] {
  const names = new Set<string>()
  for (const r of responses) for (const k in r.fields) names.add(k)
  return [...names]
}

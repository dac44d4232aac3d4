/** Fills a survey's `optionsFrom` questions from community.yaml, so the stored survey is complete on its own. */
import type {LocalizedText} from '../i18n/index.js'
import type {Community} from '../workspace/community.js'
import type {ChoiceOption, OptionSource, Question, SurveyDoc} from './types.js'

const ID_RE = /^[a-z0-9][a-z0-9_-]*$/

const ACTIVITY_NAMES: Record<string, LocalizedText> = {
  qa: {'zh-CN': '答疑', en: 'Q&A'},
  discussion: {'zh-CN': '主题讨论', en: 'Themed discussion'},
  contest: {'zh-CN': '比赛 / 征集', en: 'Contest'},
  lottery: {'zh-CN': '抽奖', en: 'Giveaway'},
  meetup: {'zh-CN': '线下聚会', en: 'Meetup'},
  course: {'zh-CN': '课程', en: 'Course'},
  'expert-talk': {'zh-CN': '专家分享', en: 'Expert talk'},
}

/** Options from the community profile for a source; empty when the profile has none. */
export function optionsFromCommunity(source: OptionSource, community: Community | undefined): ChoiceOption[] {
  if (!community) return []
  let list: Array<{id: string; label: LocalizedText}>
  switch (source) {
    case 'pillars':
      list = (community.content?.pillars ?? []).map((p) => ({id: p.id, label: p.name}))
      break
    case 'activities':
      list = (community.activities ?? []).map((a) => ({id: a.id, label: a.name ?? ACTIVITY_NAMES[a.type] ?? a.id}))
      break
    case 'platforms':
      list = (community.platforms ?? []).map((p) => ({id: p.id, label: p.name ?? p.type}))
      break
  }
  const seen = new Set<string>()
  return list.filter((o) => ID_RE.test(o.id) && o.id !== 'other' && !seen.has(o.id) && seen.add(o.id))
}

/** A question whose options fell back to the written ones because community.yaml has none for its source. */
export interface ResolveNote {
  question: string
  source: OptionSource
}

/** A copy of the survey with `optionsFrom` replaced by concrete options; notes say what fell back. */
export function resolveSurvey(doc: SurveyDoc, community: Community | undefined): {doc: SurveyDoc; notes: ResolveNote[]} {
  const notes: Array<{question: string; source: OptionSource}> = []
  const questions = doc.questions.map((q): Question => {
    if (!q.optionsFrom) return q
    const {optionsFrom, ...rest} = q
    const found = optionsFromCommunity(optionsFrom, community)
    if (found.length > 0) return {...rest, options: found}
    notes.push({question: q.id, source: optionsFrom})
    if (rest.options && rest.options.length > 0) return rest
    const {other: _other, otherLabel: _label, maxSelect: _max, options: _options, ...plain} = rest
    return {...plain, type: 'text', multiline: false}
  })
  return {doc: {...structuredClone(doc), questions: structuredClone(questions)}, notes}
}

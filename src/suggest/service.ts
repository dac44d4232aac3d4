/**
 * `commops suggest`, the report's 优化建议 and the dashboard's top suggestion: gathers the facts the rules read (the
 * scorecard and the ones before it, the calendar, survey figures, engagement-level movement) and ranks what fires.
 * Reads only; the evaluation itself is pure (evaluate.ts).
 */
import {engagementLevels} from '../members/incentives-service.js'
import {localToday} from '../metrics/service.js'
import {surveyMetrics} from '../metrics/non-event.js'
import {SURVEY_FIGURES} from '../schema/kinds/suggestions.js'
import {findScorecard} from '../scorecard/service.js'
import type {Store} from '../store/index.js'
import {readResponses} from '../survey/io-responses.js'
import {listSurveys} from '../survey/lookup.js'
import type {Locale} from '../i18n/index.js'
import type {Community} from '../workspace/community.js'
import {evaluateRules, mergeRules, rankSuggestions} from './evaluate.js'
import {channelFacts, historyOf, levelFacts, metricFacts, surveyFromCard} from './facts.js'
import {loadBuiltinRules, loadWorkspaceRules} from './load.js'
import type {Condition, LoadedRule, SuggestFacts, SuggestResult, SurveyFigure} from './types.js'

export interface SuggestWorkspace {
  root: string
  community: Community
  /** The language of validation messages about rule files (default: the community's). */
  locale?: Locale
}

export interface SuggestOptions {
  /** A period label or stored scorecard key (default: the latest scorecard). */
  period?: string
  now?: Date
  /** At most this many suggestions (the largest gaps); the rest are counted in `more`. */
  limit?: number
  /**
   * Read the engagement-level movement (a pass over the events) for rules on member levels; default true. A caller
   * that must answer from stored data only (the dashboard) passes false, and level rules stay silent.
   */
  members?: boolean
}

const needs = (rules: readonly LoadedRule[], test: (c: Condition) => boolean): boolean => rules.some((r) => test(r.rule.when))

/** The month before `now` in the community's timezone, to name in the hint when there is no scorecard. */
function lastMonth(now: Date, zone: string): string {
  const [y, m] = localToday(now, zone).split('-').map(Number)
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
}

/** The ranked suggestions for a period (default: the latest scorecard's). */
export async function suggest(ws: SuggestWorkspace, store: Pick<Store, 'read'>, o: SuggestOptions = {}): Promise<SuggestResult> {
  const now = o.now ?? new Date()
  const locale: Locale = ws.locale ?? ws.community.locale
  const rules = mergeRules(loadBuiltinRules(locale), loadWorkspaceRules(ws.root, locale))
  const db = await store.read()
  if (Object.keys(db.scorecards).length === 0) {
    return {
      suggestions: [],
      rules: rules.length,
      noScorecard: {command: `commops scorecard compute --period ${lastMonth(now, ws.community.timezone)}`},
    }
  }
  const card = findScorecard(db, o.period)
  const metrics = metricFacts(card)
  const facts: SuggestFacts = {
    period: card.period,
    scorecard: card.key,
    metrics,
    history: historyOf(card, Object.values(db.scorecards)),
    survey: surveyFromCard(metrics, SURVEY_FIGURES),
  }
  // survey figures the scorecard does not grade (a workspace spec without them) come from the responses
  const missing = SURVEY_FIGURES.filter((f) => !(f in facts.survey) && needs(rules, (c) => 'survey' in c && c.survey === f))
  if (missing.length > 0 && db.responseBatches.length > 0) {
    const surveys = await Promise.all(listSurveys(db).map(async (s) => ({id: s.id, doc: s.doc, responses: await readResponses(ws.root, db, s.id)})))
    for (const v of surveyMetrics(surveys, card.period)) if ((missing as string[]).includes(v.id)) facts.survey[v.id as SurveyFigure] = v.value
  }
  const channels = channelFacts(ws.community, db.calendar, card.period.to)
  if (channels) facts.channels = channels
  if (o.members !== false && card.period.unit !== 'custom' && needs(rules, (c) => 'level_moving_down' in c) && db.eventBatches.length > 0) {
    const levels = await engagementLevels(ws, store, {period: card.period.label, now})
    facts.levels = levelFacts(levels)
  }
  const ranked = rankSuggestions(evaluateRules(rules, facts))
  const limit = o.limit !== undefined && o.limit >= 0 ? o.limit : ranked.length
  return {
    period: card.period,
    scorecard: card.key,
    suggestions: ranked.slice(0, limit),
    rules: rules.length,
    ...(ranked.length > limit ? {more: ranked.length - limit} : {}),
  }
}

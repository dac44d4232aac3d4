/**
 * Evaluating suggestion rules over the facts and ranking what fired. Pure: rules and facts in, suggestions out.
 * Conditions are data (src/schema/kinds/suggestions.ts); nothing here runs code a rule file wrote.
 */
import {LOCALES, pick, translator, type Locale, type LocalizedText} from '../i18n/index.js'
import type {MetricId, MetricUnit} from '../metrics/types.js'
import {figure, scoreText} from '../scorecard/figures.js'
import type {DimensionId} from '../scorecard/types.js'
import type {Condition, LoadedRule, MetricFact, SuggestFacts, Suggestion, SurveyFigure} from './types.js'

/** Placeholder values in one language. */
type Params = Record<string, string>

interface Fired {
  params: (locale: Locale) => Params
  gap: number
  metric?: MetricId
  dimension?: DimensionId
}

const SURVEY_UNITS: Record<SurveyFigure, MetricUnit> = {
  csat: 'ratio',
  nps: 'score',
  service_quality: 'mean',
  content_quality: 'mean',
  atmosphere: 'mean',
}

const LIST_SEPARATOR: Record<Locale, string> = {'zh-CN': '、', en: ', '}

const gapText = (gap: number): string => String(Math.round(gap * 10) / 10)

function metricParams(metric: MetricId, fact: MetricFact, extra: Params = {}): (locale: Locale) => Params {
  return (locale) => {
    const t = translator(locale)
    return {
      metric: t(`metrics.name.${metric}`),
      value: figure(fact.value, fact.unit),
      target: fact.target === null ? '—' : figure(fact.target, fact.unit),
      score: scoreText(fact.score),
      gap: gapText(fact.gap),
      dimension: t(`scorecard.dim.${fact.dimension}`),
      ...extra,
    }
  }
}

/** A metric condition: below/above a number or the target, score below, falling/rising n periods running. */
function metricCondition(c: Extract<Condition, {metric: MetricId}>, facts: SuggestFacts): Fired | undefined {
  const fact = facts.metrics[c.metric]
  if (!fact || fact.value === null) return undefined
  const value = fact.value
  const base = {gap: fact.gap, metric: c.metric, dimension: fact.dimension}
  if ('below' in c || 'above' in c) {
    const written = 'below' in c ? c.below : c.above
    const threshold = written === 'target' ? fact.target : written
    if (threshold === null) return undefined
    const fires = 'below' in c ? value < threshold : value > threshold
    return fires ? {...base, params: metricParams(c.metric, fact, {threshold: figure(threshold, fact.unit)})} : undefined
  }
  if ('scoreBelow' in c) {
    if (fact.score === null || !(fact.score < c.scoreBelow)) return undefined
    return {...base, params: metricParams(c.metric, fact, {threshold: String(c.scoreBelow)})}
  }
  const n = 'falling' in c ? c.falling : c.rising
  const chain: number[] = [value]
  for (const h of facts.history.slice(0, n)) {
    const v = h.values[c.metric]
    if (v === null || v === undefined) return undefined
    chain.push(v)
  }
  if (chain.length < n + 1) return undefined
  // chain is newest first: falling means each figure is below the one before it
  for (let i = 0; i < n; i++) if ('falling' in c ? !(chain[i] < chain[i + 1]) : !(chain[i] > chain[i + 1])) return undefined
  const oldestFirst = [...chain].reverse().map((v) => figure(v, fact.unit))
  return {...base, params: metricParams(c.metric, fact, {periods: String(n), values: oldestFirst.join(' → '), from: oldestFirst[0]})}
}

/** Whether a condition holds on the facts, and what it fills in when it does. */
export function evaluateCondition(c: Condition, facts: SuggestFacts): Fired | undefined {
  if ('metric' in c) return metricCondition(c, facts)
  if ('survey' in c) {
    const value = facts.survey[c.survey]
    if (value === null || value === undefined || !(value < c.below)) return undefined
    const fact = facts.metrics[c.survey]
    const unit = fact?.unit ?? SURVEY_UNITS[c.survey]
    const gap = fact?.gap ?? 0
    return {
      gap,
      ...(fact ? {metric: c.survey, dimension: fact.dimension} : {}),
      params: (locale) => ({
        survey: translator(locale)(`metrics.name.${c.survey}`),
        value: figure(value, unit),
        threshold: figure(c.below, unit),
        gap: gapText(gap),
      }),
    }
  }
  if ('channel_silent_days' in c) {
    // a channel whose own rhythm is that slow (a monthly newsletter) is on schedule, not silent
    const silent = (facts.channels ?? []).filter(
      (ch) => ch.silentDays >= c.channel_silent_days && !(ch.usualGap !== null && ch.usualGap >= c.channel_silent_days),
    )
    if (silent.length === 0) return undefined
    const fact = facts.metrics.calendar_adherence
    const gap = fact?.gap ?? 0
    return {
      gap,
      ...(fact ? {metric: 'calendar_adherence' as const, dimension: fact.dimension} : {}),
      params: (locale) => ({
        channels: silent
          .map((ch) => translator(locale)('suggest.channelSince', {channel: pick(ch.name, locale), last: ch.last}))
          .join(LIST_SEPARATOR[locale]),
        count: String(silent.length),
        days: String(c.channel_silent_days),
        gap: gapText(gap),
      }),
    }
  }
  const level = facts.levels?.find((l) => l.id === c.level_moving_down)
  if (!level || level.down < (c.min ?? 1) || !(level.down > level.up)) return undefined
  const fact = facts.metrics.engagement_score
  const gap = fact?.gap ?? 0
  return {
    gap,
    ...(fact ? {metric: 'engagement_score' as const, dimension: fact.dimension} : {}),
    params: (locale) => ({
      level: pick(level.name, locale),
      down: String(level.down),
      up: String(level.up),
      before: String(level.before),
      now: String(level.now),
      gap: gapText(gap),
    }),
  }
}

/** A text with its placeholders filled, in every language (a plain string is the same text in both). */
export function fillText(text: LocalizedText, params: (locale: Locale) => Params): Partial<Record<Locale, string>> {
  const out: Partial<Record<Locale, string>> = {}
  for (const locale of LOCALES) {
    const p = params(locale)
    out[locale] = pick(text, locale).replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(p, name) ? p[name] : whole))
  }
  return out
}

/** Every rule that fires on the facts, as a suggestion (unranked). */
export function evaluateRules(rules: readonly LoadedRule[], facts: SuggestFacts): Suggestion[] {
  const out: Suggestion[] = []
  for (const {rule, source} of rules) {
    const fired = evaluateCondition(rule.when, facts)
    if (!fired) continue
    out.push({
      rule: rule.id,
      source,
      title: fillText(rule.title, fired.params),
      why: fillText(rule.why, fired.params),
      action: fillText(rule.action, fired.params),
      ...(rule.playbook ? {playbook: rule.playbook} : {}),
      ...(rule.step ? {step: rule.step} : {}),
      effect: fillText(rule.effect, fired.params),
      gap: fired.gap,
      ...(fired.metric ? {metric: fired.metric} : {}),
      ...(fired.dimension ? {dimension: fired.dimension} : {}),
    })
  }
  return out
}

/** Largest gap first; ties by rule id. */
export function rankSuggestions(list: readonly Suggestion[]): Suggestion[] {
  return [...list].sort((a, b) => b.gap - a.gap || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0))
}

/** Workspace rules replace built-in ones of the same id; the rest are added. Order: built-in, then the workspace's. */
export function mergeRules(builtin: readonly LoadedRule[], workspace: readonly LoadedRule[]): LoadedRule[] {
  const own = new Map(workspace.map((r) => [r.rule.id, r]))
  return [...builtin.map((r) => own.get(r.rule.id) ?? r), ...workspace.filter((r) => !builtin.some((b) => b.rule.id === r.rule.id))]
}

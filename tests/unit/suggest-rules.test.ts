/**
 * Suggestion rules on hand-made scorecards and facts: each built-in rule fires when its condition holds and stays
 * silent otherwise; suggestions are ranked by the overall-score points they leave on the table, ties by rule id.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import type {CalendarItem} from '../../src/calendar/types.js'
import type {MetricId, MetricUnit} from '../../src/metrics/types.js'
import {gradeMetrics} from '../../src/scorecard/score.js'
import {resolveSpec, type ScorecardSpecDoc} from '../../src/scorecard/spec.js'
import type {Scorecard} from '../../src/scorecard/types.js'
import {pick} from '../../src/i18n/index.js'
import {evaluateRules, mergeRules, rankSuggestions} from '../../src/suggest/evaluate.js'
import {channelFacts, historyOf, levelFacts, metricFacts, surveyFromCard} from '../../src/suggest/facts.js'
import {loadBuiltinRules} from '../../src/suggest/load.js'
import type {LevelFact, LoadedRule, SuggestFacts, Suggestion} from '../../src/suggest/types.js'
import {ROOT} from '../helpers/cli.js'
import {metricSet} from '../helpers/metric-sets.js'

const spec = resolveSpec({
  fallback: parse(readFileSync(path.join(ROOT, 'templates', 'scorecards', 'default.yaml'), 'utf8')) as ScorecardSpecDoc,
  goals: [],
})
const TARGETS = new Map(spec.dimensions.flatMap((d) => d.metrics.map((m) => [m.metric, m.target!] as const)))
const UNITS: Partial<Record<MetricId, MetricUnit>> = {
  content_reach: 'mean',
  engagement_score: 'score',
  service_quality: 'mean',
  content_quality: 'mean',
  atmosphere: 'mean',
}

/** Every metric of the default spec exactly at its target, as a healthy community would be. */
const healthy = (): Partial<Record<MetricId, number>> => Object.fromEntries(TARGETS)

/** A scorecard graded against the default spec from `{metric: value}` (everything else at its target). */
function card(label: string, changes: Partial<Record<MetricId, number | null>> = {}): Scorecard {
  const set = metricSet(label, {...healthy(), ...changes})
  for (const v of set.values) v.unit = UNITS[v.id] ?? v.unit
  return gradeMetrics(set, spec, {now: new Date('2026-12-01T00:00:00Z'), key: label})
}

const level = (id: string, o: Partial<LevelFact> = {}): LevelFact => ({id, name: {en: id, 'zh-CN': id}, before: 10, now: 10, down: 0, up: 0, ...o})

/** Facts from a scorecard and the ones before it (oldest first), the calendar and the levels given. */
function facts(
  cards: Scorecard[],
  o: {channels?: SuggestFacts['channels']; levels?: LevelFact[]; survey?: SuggestFacts['survey']} = {},
): SuggestFacts {
  const latest = cards[cards.length - 1]
  const metrics = metricFacts(latest)
  return {
    period: latest.period,
    scorecard: latest.key,
    metrics,
    history: historyOf(latest, cards),
    survey: {...surveyFromCard(metrics, ['csat', 'nps', 'service_quality', 'content_quality', 'atmosphere']), ...o.survey},
    channels: o.channels ?? [{id: 'main', name: 'Main', last: latest.period.to, silentDays: 0, usualGap: 1}],
    levels: o.levels ?? [level('core'), level('active')],
  }
}

const builtin = loadBuiltinRules('en')
const rule = (id: string): LoadedRule => {
  const found = builtin.find((r) => r.rule.id === id)
  if (!found) throw new Error(`no built-in rule ${id}`)
  return found
}
const fired = (id: string, f: SuggestFacts): Suggestion[] => evaluateRules([rule(id)], f)

/** For each built-in rule: facts on which it must fire, and close ones on which it must stay silent. */
const CASES: Record<string, {fires: () => SuggestFacts; silent: () => SuggestFacts}> = {
  'topic-participation-low': {
    fires: () => facts([card('2026-10', {topic_participation: 1.8})]),
    silent: () => facts([card('2026-10', {topic_participation: 3.2})]),
  },
  'event-participation-low': {
    fires: () => facts([card('2026-10', {event_participation: 0.2})]),
    silent: () => facts([card('2026-10', {event_participation: null})]),
  },
  'questions-unanswered': {
    fires: () => facts([card('2026-10', {response_rate_24h: 0.5})]),
    silent: () => facts([card('2026-10', {response_rate_24h: 0.8})]),
  },
  'stickiness-low': {
    fires: () => facts([card('2026-10', {stickiness: 0.1})]),
    silent: () => facts([card('2026-10', {stickiness: 0.25})]),
  },
  'd30-retention-falling': {
    fires: () => facts([card('2026-08', {retention_d30: 0.3}), card('2026-09', {retention_d30: 0.25}), card('2026-10', {retention_d30: 0.22})]),
    // fell once, then rose: not two periods running
    silent: () => facts([card('2026-08', {retention_d30: 0.2}), card('2026-09', {retention_d30: 0.25}), card('2026-10', {retention_d30: 0.22})]),
  },
  'new-members-not-retained': {
    fires: () => facts([card('2026-10', {retention_d7: 0.2})]),
    silent: () => facts([card('2026-10', {retention_d7: 0.45})]),
  },
  'churn-high': {
    fires: () => facts([card('2026-10', {churn_rate: 0.08})]),
    silent: () => facts([card('2026-10', {churn_rate: 0.02})]),
  },
  'atmosphere-low': {
    fires: () => facts([card('2026-10', {atmosphere: 3.1})]),
    silent: () => facts([card('2026-10', {atmosphere: 3.6})]),
  },
  'nps-low': {
    fires: () => facts([card('2026-10', {nps: 5})]),
    silent: () => facts([card('2026-10', {nps: 40})]),
  },
  'csat-low': {
    fires: () => facts([card('2026-10', {csat: 0.5})]),
    // 0.7 of a 0.8 target scores 87.5: under the target, above the rule's score of 75
    silent: () => facts([card('2026-10', {csat: 0.7})]),
  },
  'channel-silent': {
    fires: () =>
      facts([card('2026-10')], {
        channels: [
          {id: 'main', name: 'Main', last: '2026-10-30', silentDays: 1, usualGap: 7},
          {id: 'help', name: '#help', last: '2026-10-01', silentDays: 30, usualGap: 7},
        ],
      }),
    // twenty days is not three weeks; a monthly newsletter thirty days after its last issue is on schedule
    silent: () =>
      facts([card('2026-10')], {
        channels: [
          {id: 'help', name: '#help', last: '2026-10-11', silentDays: 20, usualGap: 7},
          {id: 'news', name: 'Newsletter', last: '2026-10-01', silentDays: 30, usualGap: 30.5},
        ],
      }),
  },
  'content-cadence-behind': {
    fires: () => facts([card('2026-10', {calendar_adherence: 0.5})]),
    silent: () => facts([card('2026-10', {calendar_adherence: 0.95})]),
  },
  'content-reach-low': {
    fires: () => facts([card('2026-10', {content_reach: 4})]),
    silent: () => facts([card('2026-10', {content_reach: 25})]),
  },
  'core-members-moving-down': {
    fires: () => facts([card('2026-10')], {levels: [level('core', {before: 12, now: 9, down: 4, up: 1}), level('active')]}),
    // as many rose into core as left it
    silent: () => facts([card('2026-10')], {levels: [level('core', {down: 2, up: 2}), level('active', {down: 5})]}),
  },
  'conversion-low': {
    fires: () => facts([card('2026-10', {conversion_rate: 0.01})]),
    silent: () => facts([card('2026-10', {conversion_rate: 0.06})]),
  },
}

describe('built-in suggestion rules', () => {
  it('ship at least eight rules, each naming a playbook that exists and a step of it', () => {
    expect(builtin.length).toBeGreaterThanOrEqual(8)
    for (const {rule: r, source} of builtin) {
      expect(source).toBe('builtin')
      expect(r.playbook, r.id).toBeDefined()
      const playbook = parse(readFileSync(path.join(ROOT, 'playbooks', `${r.playbook}.yaml`), 'utf8')) as {steps: Array<{id: string}>}
      expect(
        playbook.steps.map((s) => s.id),
        r.id,
      ).toContain(r.step)
    }
  })

  it('are each covered here', () => {
    expect(builtin.map((r) => r.rule.id).sort()).toEqual(Object.keys(CASES).sort())
  })

  for (const [id, c] of Object.entries(CASES)) {
    it(`${id} fires when its condition holds, with every figure filled in both languages`, () => {
      const out = fired(id, c.fires())
      expect(out).toHaveLength(1)
      const s = out[0]
      expect(s.rule).toBe(id)
      for (const text of [s.title, s.why, s.action, s.effect]) {
        for (const lang of ['en', 'zh-CN'] as const) {
          const shown = (text as Record<string, string>)[lang]
          expect(shown, `${id} ${lang}`).toBeTruthy()
          expect(shown, `${id} ${lang}`).not.toMatch(/\{\w+\}/)
        }
      }
    })

    it(`${id} stays silent otherwise`, () => {
      expect(fired(id, c.silent())).toEqual([])
    })
  }

  it('all stay silent on a community at every target, with active channels and steady levels', () => {
    const f = facts([card('2026-08'), card('2026-09'), card('2026-10')])
    expect(evaluateRules(builtin, f)).toEqual([])
  })

  it('stay silent on figures that are n/a, and on a target that is missing', () => {
    const f = facts([card('2026-10', {topic_participation: null, conversion_rate: null, nps: null, atmosphere: null})])
    f.metrics.stickiness = {...f.metrics.stickiness!, value: 0.01, target: null, score: null}
    f.channels = undefined
    f.levels = undefined
    expect(evaluateRules(builtin, f)).toEqual([])
  })

  it('fill the figures as the scorecard shows them', () => {
    const [s] = fired('topic-participation-low', CASES['topic-participation-low'].fires())
    expect(pick(s.why, 'en')).toBe('1.8 people take part in each replied topic on average, against a target of 3 (score 60)')
    const [d30] = fired('d30-retention-falling', CASES['d30-retention-falling'].fires())
    expect(pick(d30.why, 'en')).toBe('D30 retention went 30% → 25% → 22%, against a target of 20%')
    expect(pick(d30.title, 'zh-CN')).toBe('30 日留存连续 2 期下降')
    const [silent] = fired('channel-silent', CASES['channel-silent'].fires())
    expect(pick(silent.why, 'en')).toContain('#help (last item 2026-10-01)')
    expect(pick(silent.why, 'en')).not.toContain('Main')
  })
})

describe('gaps and ranking', () => {
  it('gives each metric the overall-score points it leaves on the table', () => {
    const c = card('2026-10', {stickiness: 0.1, conversion_rate: 0.01})
    const m = metricFacts(c)
    // six dimensions of weight 1; activity weighs stickiness 2 of 7; value weighs conversion 1 of 4
    expect(m.stickiness!.gap).toBe(Math.round((1 / 6) * (2 / 7) * 50 * 10) / 10)
    expect(m.conversion_rate!.gap).toBe(Math.round((1 / 6) * (1 / 4) * 80 * 10) / 10)
    expect(m.csat!.gap).toBe(0)
    // raising the metric to 100 raises the overall score by its gap
    const fixed = card('2026-10', {conversion_rate: 0.01})
    expect(fixed.score! - c.score!).toBeCloseTo(m.stickiness!.gap, 0)
  })

  it('ranks by gap, largest first, then by rule id', () => {
    const f = facts([card('2026-10', {stickiness: 0.1, conversion_rate: 0.01, topic_participation: 2})])
    f.levels = [level('core', {down: 3})]
    const ranked = rankSuggestions(evaluateRules(builtin, f))
    expect(ranked.map((s) => s.rule)).toEqual(['conversion-low', 'stickiness-low', 'topic-participation-low', 'core-members-moving-down'])
    expect(ranked.map((s) => s.gap)).toEqual([...ranked.map((s) => s.gap)].sort((a, b) => b - a))
    const tie = (rule: string): Suggestion => ({rule, source: 'builtin', title: '', why: '', action: '', effect: '', gap: 2})
    expect(rankSuggestions([tie('b'), {...tie('z'), gap: 3}, tie('a')]).map((s) => s.rule)).toEqual(['z', 'a', 'b'])
  })

  it('lets a workspace rule replace a built-in one of the same id and add its own', () => {
    const own: LoadedRule[] = [
      {rule: {...rule('nps-low').rule, title: 'Ours'}, source: 'suggestions/a.yaml'},
      {rule: {...rule('nps-low').rule, id: 'extra'}, source: 'suggestions/a.yaml'},
    ]
    const merged = mergeRules(builtin, own)
    expect(merged).toHaveLength(builtin.length + 1)
    expect(merged.find((r) => r.rule.id === 'nps-low')!.source).toBe('suggestions/a.yaml')
    expect(merged[merged.length - 1].rule.id).toBe('extra')
  })
})

describe('facts', () => {
  const item = (channel: string, date: string, status: CalendarItem['status'] = 'published'): CalendarItem =>
    ({id: `C-${channel}-${date}`, key: `${channel}@${date}`, channel, date, status}) as CalendarItem

  it('reads silence from the calendar: ideas, cancelled and later items do not count; an unused channel is not silent', () => {
    const community = {
      platforms: [{id: 'p', type: 'discord', channels: [{id: 'help', name: '#help'}, {id: 'main'}, {id: 'unused'}]}],
      content: {pillars: [{id: 'x', name: 'X', cadence: 'daily', channel: 'unused'}]},
    }
    const calendar = [
      item('help', '2026-10-02'),
      item('help', '2026-10-20', 'cancelled'),
      item('help', '2026-10-25', 'idea'),
      item('main', '2026-10-30'),
      item('main', '2026-11-05'),
    ]
    expect(channelFacts(community, [...calendar, item('main', '2026-10-16'), item('main', '2026-10-16')], '2026-10-31')).toEqual([
      {id: 'help', name: '#help', last: '2026-10-02', silentDays: 29, usualGap: null},
      {id: 'main', name: 'main', last: '2026-10-30', silentDays: 1, usualGap: 14},
    ])
    expect(channelFacts(community, [], '2026-10-31')).toBeUndefined()
  })

  it('counts members moving down out of a level (or leaving) and up into it', () => {
    const levels = levelFacts({
      levels: [
        {id: 'core', name: 'Core', members: 3, before: 5},
        {id: 'active', name: 'Active', members: 6, before: 4},
      ],
      movement: {
        moves: [
          {from: 'core', to: 'active', members: 2, direction: 'down'},
          {from: 'core', members: 1, direction: 'left'},
          {from: 'active', to: 'core', members: 1, direction: 'up'},
          {to: 'active', members: 3, direction: 'joined'},
        ],
      },
    })
    expect(levels[0]).toMatchObject({id: 'core', down: 3, up: 1, before: 5, now: 3})
    // falling from core into active is core's loss, not a rise into active
    expect(levels[1]).toMatchObject({id: 'active', down: 0, up: 0})
  })

  it('follows the chain of earlier scorecards of the same spec and filter, newest first', () => {
    const cards = [card('2026-08'), card('2026-09'), card('2026-10')]
    expect(historyOf(cards[2], cards).map((h) => h.key)).toEqual(['2026-09', '2026-08'])
    expect(historyOf(cards[0], cards)).toEqual([])
  })
})

import type {PositioningCheck as Check, PositioningData} from '../artifacts/plain.js'
import {pick, translator, type LocalizedText} from '../i18n/index.js'
import type {Community} from '../workspace/community.js'
import {findPlaceholders, holdsPlaceholder as placeholder} from '../workspace/placeholder.js'
import {StepFailure, type StepType} from './types.js'

interface PositioningInput {
  minScore?: number
  minPersonas?: number
}

const filled = (v: LocalizedText | undefined) => pick(v, 'en').trim() !== '' || pick(v, 'zh-CN').trim() !== ''

/** Where each check looks in community.yaml. */
const POINTERS: Record<string, string> = {
  description: '/description',
  theme: '/positioning/theme',
  valueProposition: '/positioning/valueProposition',
  targetUsers: '/positioning/targetUsers',
  differentiation: '/positioning/differentiation',
  personas: '/audience/personas',
  culture: '/culture/values',
  platforms: '/platforms',
  pillars: '/content/pillars',
  activities: '/activities',
  incentives: '/incentives',
  goals: '/goals',
}

/** The first place to fill in: the first placeholder of the first gap, or where the missing field belongs. */
function firstGap(c: Community, gapIds: string[]): string | undefined {
  const base = gapIds.map((id) => POINTERS[id]).find(Boolean)
  if (base === undefined) return undefined
  return findPlaceholders(c).find((p) => p === base || p.startsWith(`${base}/`)) ?? base
}

/** Scores how complete the community's positioning is; each check is worth the same. */
export function reviewPositioning(c: Community, minPersonas: number, locale: 'zh-CN' | 'en'): Omit<PositioningData, 'title'> {
  const t = translator(locale)
  const has = (v: LocalizedText | undefined) => filled(v) && !placeholder(v)
  const personas = c.audience?.personas ?? []
  const some = (list: LocalizedText[] | undefined) => (list ?? []).some(has)
  const complete = personas.filter((p) => some(p.needs) && some(p.painPoints) && !placeholder(p.name))
  const checks: Check[] = [
    {id: 'description', ok: has(c.description), label: t('pos.description')},
    {id: 'theme', ok: has(c.positioning?.theme), label: t('pos.theme')},
    {id: 'valueProposition', ok: has(c.positioning?.valueProposition), label: t('pos.valueProposition')},
    {id: 'targetUsers', ok: has(c.positioning?.targetUsers), label: t('pos.targetUsers')},
    {id: 'differentiation', ok: has(c.positioning?.differentiation), label: t('pos.differentiation')},
    {id: 'personas', ok: complete.length >= minPersonas, label: t('pos.personas', {min: minPersonas})},
    {id: 'culture', ok: some(c.culture?.values), label: t('pos.culture')},
    {id: 'platforms', ok: (c.platforms ?? []).some((p) => (p.channels?.length ?? 0) > 0), label: t('pos.platforms')},
    {id: 'pillars', ok: (c.content?.pillars?.length ?? 0) > 0, label: t('pos.pillars')},
    {id: 'activities', ok: (c.activities?.length ?? 0) > 0, label: t('pos.activities')},
    {id: 'incentives', ok: Object.keys(c.incentives?.points ?? {}).length > 0 && (c.incentives?.levels?.length ?? 0) > 0, label: t('pos.incentives')},
    {id: 'goals', ok: (c.goals?.length ?? 0) > 0, label: t('pos.goals')},
  ]
  const score = Math.round((100 * checks.filter((x) => x.ok).length) / checks.length)
  return {
    score,
    checks,
    personas: personas.map((p) => ({
      name: pick(p.name, locale),
      age: p.ageRange ? `${p.ageRange[0]}–${p.ageRange[1]}` : undefined,
      needs: (p.needs ?? []).map((x) => pick(x, locale)),
      painPoints: (p.painPoints ?? []).map((x) => pick(x, locale)),
    })),
  }
}

/** `positioning.check`: reviews positioning, personas and plan in community.yaml before a launch. */
export const positioningCheck: StepType<PositioningInput> = {
  type: 'positioning.check',
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      minScore: {type: 'integer', minimum: 0, maximum: 100, description: 'Fail the step below this score (default 0: report only)'},
      minPersonas: {type: 'integer', minimum: 0, maximum: 100, default: 1},
    },
  },
  produces: {en: 'a positioning review: a completeness score and the gaps to fill', 'zh-CN': '定位检查：完整度得分与待补充项'},
  describe: (_input, t) => t('step.positioning.describe'),
  plan(input, ctx) {
    const review = reviewPositioning(ctx.community, input.minPersonas ?? 1, ctx.locale)
    const gaps = review.checks.filter((x) => !x.ok).map((x) => x.label)
    const at = firstGap(
      ctx.community,
      review.checks.filter((x) => !x.ok).map((x) => x.id),
    )
    const min = input.minScore ?? 0
    if (review.score < min) {
      throw new StepFailure(ctx.t('step.positioning.failed', {score: review.score, min, gaps: gaps.join('; ')}), ctx.t('step.fillIn.hint'), at)
    }
    const title = ctx.t('step.positioning.title')
    return {
      artifacts: [{id: ctx.artifactId, kind: 'positioning', title, data: {title, ...review}}],
      // missing and fillAt let a later gate say what to fill in, and where in community.yaml
      outputs: {score: review.score, gaps: gaps.length, missing: gaps.join('; '), fillAt: at ?? ''},
      messages: gaps.length ? [`${review.score}/100 — ${gaps.join('; ')}`] : [`${review.score}/100`],
    }
  },
}

import type {PositioningCheck as Check, PositioningData} from '../artifacts/plain.js'
import {pick, translator, type LocalizedText} from '../i18n/index.js'
import type {Community} from '../workspace/community.js'
import {StepFailure, type StepType} from './types.js'

interface PositioningInput {
  minScore?: number
  minPersonas?: number
}

const filled = (v: LocalizedText | undefined) => pick(v, 'en').trim() !== '' || pick(v, 'zh-CN').trim() !== ''
const placeholder = (v: LocalizedText | undefined) => /待填写|TODO|TBD|\(to fill\)/i.test(pick(v, 'en') + pick(v, 'zh-CN'))

/** Scores how complete the community's positioning is; each check is worth the same. */
export function reviewPositioning(c: Community, minPersonas: number, locale: 'zh-CN' | 'en'): Omit<PositioningData, 'title'> {
  const t = translator(locale)
  const has = (v: LocalizedText | undefined) => filled(v) && !placeholder(v)
  const personas = c.audience?.personas ?? []
  const complete = personas.filter((p) => (p.needs?.length ?? 0) > 0 && (p.painPoints?.length ?? 0) > 0 && !placeholder(p.name))
  const checks: Check[] = [
    {id: 'description', ok: has(c.description), label: t('pos.description')},
    {id: 'theme', ok: has(c.positioning?.theme), label: t('pos.theme')},
    {id: 'valueProposition', ok: has(c.positioning?.valueProposition), label: t('pos.valueProposition')},
    {id: 'targetUsers', ok: has(c.positioning?.targetUsers), label: t('pos.targetUsers')},
    {id: 'differentiation', ok: has(c.positioning?.differentiation), label: t('pos.differentiation')},
    {id: 'personas', ok: complete.length >= minPersonas, label: t('pos.personas', {min: minPersonas})},
    {id: 'culture', ok: (c.culture?.values?.length ?? 0) > 0 && !c.culture!.values!.some(placeholder), label: t('pos.culture')},
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
    const min = input.minScore ?? 0
    if (review.score < min) throw new StepFailure(ctx.t('step.positioning.failed', {score: review.score, min, gaps: gaps.join('; ')}))
    const title = ctx.t('step.positioning.title')
    return {
      artifacts: [{id: ctx.artifactId, kind: 'positioning', title, data: {title, ...review}}],
      outputs: {score: review.score, gaps: gaps.length},
      messages: gaps.length ? [`${review.score}/100 — ${gaps.join('; ')}`] : [`${review.score}/100`],
    }
  },
}

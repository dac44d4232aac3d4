/** Rule-set facts in words, for commands and exports: rung names, severities, why a rung was chosen. */
import {pick, translator, type Locale} from '../i18n/index.js'
import type {NextRung} from './ladder.js'
import type {RuleSetDoc} from './types.js'
import {plainText} from '../util/text.js'

/** A rung's name in a language, or its id when the rule set no longer has it. */
export function rungName(ruleset: RuleSetDoc, id: string, locale: Locale): string {
  const rung = ruleset.ladder.rungs.find((r) => r.id === id)
  return rung ? pick(rung.name, locale) : id
}

/** Why the ladder gives this rung, in a sentence (plus how many old incidents expired). */
export function describeReason(decision: NextRung, ruleset: RuleSetDoc, locale: Locale): string {
  const t = translator(locale)
  const params = decision.reason.params ?? {}
  const text = t(decision.reason.key, {
    ...params,
    rung: rungName(ruleset, String(params.rung), locale),
    previous: params.previous === undefined ? '' : rungName(ruleset, plainText(params.previous), locale),
    severity: t(`rules.severity.${String(params.severity)}`),
  })
  return decision.expired.length ? `${text}${t('rules.reason.expired', {expired: decision.expired.length, days: params.days})}` : text
}

/** Rule-set exports, in one language: Markdown (CODE_OF_CONDUCT.md / 群规), plain text for a group announcement, JSON. */
import {mdCell, mdInline, mdText} from '../util/markdown.js'
import {pick, translator, type Locale, type LocalizedText} from '../i18n/index.js'
import {humanDuration} from './duration.js'
import {startIndex, windowDays} from './ladder.js'
import {SEVERITIES, type RuleSetDoc, type Rung} from './types.js'

export const RULES_FORMATS = ['md', 'txt', 'json'] as const
export type RulesFormat = (typeof RULES_FORMATS)[number]

/** The document with every text in one language: still a valid `kind: RuleSet`. */
export function localizeRuleSet(doc: RuleSetDoc, locale: Locale): RuleSetDoc {
  const p = (t: LocalizedText) => pick(t, locale)
  const out: RuleSetDoc = {
    apiVersion: doc.apiVersion,
    kind: doc.kind,
    name: doc.name,
    title: p(doc.title),
    locale,
    ...(doc.summary === undefined ? {} : {summary: p(doc.summary)}),
    scope: p(doc.scope),
    principles: doc.principles.map(p),
    rules: doc.rules.map((r) => ({
      id: r.id,
      title: p(r.title),
      description: p(r.description),
      severity: r.severity,
      ...(r.allowed ? {allowed: r.allowed.map(p)} : {}),
      ...(r.notAllowed ? {notAllowed: r.notAllowed.map(p)} : {}),
      ...(r.startAt ? {startAt: r.startAt} : {}),
    })),
    ladder: {
      rungs: doc.ladder.rungs.map((g) => ({
        id: g.id,
        name: p(g.name),
        consequence: p(g.consequence),
        ...(g.duration ? {duration: g.duration} : {}),
        ...(g.permanent ? {permanent: true} : {}),
        decidedBy: p(g.decidedBy),
        appeal: p(g.appeal),
        ...(g.message === undefined ? {} : {message: p(g.message)}),
      })),
      ...(doc.ladder.start ? {start: {...doc.ladder.start}} : {}),
      expireAfterDays: windowDays({ladder: doc.ladder}),
    },
    reporting: doc.reporting.map((r) => ({
      name: p(r.name),
      how: p(r.how),
      ...(r.contact ? {contact: r.contact} : {}),
      ...(r.responseTime ? {responseTime: r.responseTime} : {}),
    })),
    ...(doc.moderatorDuties ? {moderatorDuties: doc.moderatorDuties.map(p)} : {}),
  }
  return out
}

/** How long a rung lasts, in words: a duration, "permanent", or a dash. */
export function rungDuration(rung: Rung, locale: Locale): string {
  if (rung.duration) return humanDuration(rung.duration, locale)
  return rung.permanent ? translator(locale)('rules.permanent') : '—'
}

/** "low, medium → Reminder · high → Warning · severe → Permanent removal". */
export function entryPoints(doc: RuleSetDoc, locale: Locale): string {
  const t = translator(locale)
  const groups = new Map<number, string[]>()
  for (const severity of SEVERITIES) {
    const at = startIndex({severity}, doc.ladder)
    groups.set(at, [...(groups.get(at) ?? []), t(`rules.severity.${severity}`)])
  }
  const sep = locale === 'zh-CN' ? '、' : ', '
  return [...groups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([at, sev]) => `${sev.join(sep)} → ${pick(doc.ladder.rungs[at].name, locale)}`)
    .join(' · ')
}

/** Rules that enter the ladder somewhere other than their severity's rung. */
function ownEntries(doc: RuleSetDoc, locale: Locale): Array<{rule: string; rung: string}> {
  return doc.rules
    .filter((r) => r.startAt !== undefined && startIndex(r, doc.ladder) !== startIndex({severity: r.severity}, doc.ladder))
    .map((r) => ({rule: pick(r.title, locale), rung: pick(doc.ladder.rungs[startIndex(r, doc.ladder)].name, locale)}))
}

function reportingLine(r: RuleSetDoc['reporting'][number], locale: Locale, md: boolean): string {
  const t = translator(locale)
  const contact = r.contact ? (md ? ` \`${r.contact}\`` : ` ${r.contact}`) : ''
  const when = r.responseTime ? t('rules.md.responseTime', {time: humanDuration(r.responseTime, locale)}) : ''
  const name = md ? `**${mdInline(pick(r.name, locale))}**` : pick(r.name, locale)
  const how = md ? mdText(pick(r.how, locale)) : pick(r.how, locale)
  return `${name}${contact}${locale === 'zh-CN' ? '：' : ': '}${how}${when}`
}

/** Markdown suitable as CODE_OF_CONDUCT.md or a 群规 page: principles, rules with examples, the ladder table, how to report. */
export function ruleSetMarkdown(doc: RuleSetDoc, locale: Locale): string {
  const t = translator(locale)
  const p = (x: LocalizedText | undefined) => mdText(pick(x, locale))
  const out: string[] = [`# ${mdInline(pick(doc.title, locale))}`, '']
  if (doc.summary) out.push(p(doc.summary), '')
  out.push(`> **${t('rules.md.scope')}**${locale === 'zh-CN' ? '：' : ': '}${p(doc.scope)}`, '')
  out.push(`## ${t('rules.md.principles')}`, '', ...doc.principles.map((x, i) => `${i + 1}. ${p(x)}`), '')
  out.push(`## ${t('rules.md.rules')}`, '')
  doc.rules.forEach((r, i) => {
    const entry = pick(doc.ladder.rungs[startIndex(r, doc.ladder)].name, locale)
    out.push(
      `### ${i + 1}. ${mdInline(pick(r.title, locale))}`,
      '',
      p(r.description),
      '',
      `*${t('rules.md.ruleMeta', {id: r.id, severity: t(`rules.severity.${r.severity}`), rung: entry})}*`,
      '',
    )
    if (r.allowed?.length) out.push(`✅ **${t('rules.md.allowed')}**`, '', ...r.allowed.map((x) => `- ${p(x)}`), '')
    if (r.notAllowed?.length) out.push(`❌ **${t('rules.md.notAllowed')}**`, '', ...r.notAllowed.map((x) => `- ${p(x)}`), '')
  })
  out.push(`## ${t('rules.md.ladder')}`, '', t('rules.md.ladderIntro', {days: windowDays({ladder: doc.ladder})}), '')
  out.push(
    `| # | ${t('rules.md.col.rung')} | ${t('rules.md.col.consequence')} | ${t('rules.md.col.duration')} | ${t('rules.md.col.decidedBy')} | ${t('rules.md.col.appeal')} |`,
    '|---|---|---|---|---|---|',
  )
  doc.ladder.rungs.forEach((g, i) =>
    out.push(
      `| ${i + 1} | ${mdCell(p(g.name))} | ${mdCell(p(g.consequence))} | ${mdCell(rungDuration(g, locale))} | ${mdCell(p(g.decidedBy))} | ${mdCell(p(g.appeal))} |`,
    ),
  )
  out.push('', `${t('rules.md.entry')}${locale === 'zh-CN' ? '：' : ': '}${entryPoints(doc, locale)}`)
  const own = ownEntries(doc, locale)
  if (own.length) out.push('', ...own.map((o) => `- ${t('rules.md.ownEntry', o)}`))
  out.push('', `## ${t('rules.md.reporting')}`, '', ...doc.reporting.map((r) => `- ${reportingLine(r, locale, true)}`), '')
  if (doc.moderatorDuties?.length) out.push(`## ${t('rules.md.duties')}`, '', ...doc.moderatorDuties.map((d) => `- ${p(d)}`), '')
  return out.join('\n')
}

/** Plain text to paste as a group announcement (群公告): no Markdown, numbered, compact. */
export function ruleSetText(doc: RuleSetDoc, locale: Locale): string {
  const t = translator(locale)
  const p = (x: LocalizedText | undefined) => pick(x, locale)
  const zh = locale === 'zh-CN'
  const colon = zh ? '：' : ': '
  const sections = zh ? ['一', '二', '三', '四', '五'] : ['1', '2', '3', '4', '5']
  const head = (n: number, title: string) => (zh ? `${sections[n]}、${title}` : `${sections[n]}. ${title.toUpperCase()}`)
  const out: string[] = [zh ? `【${p(doc.title)}】` : p(doc.title).toUpperCase()]
  if (doc.summary) out.push(p(doc.summary))
  out.push(`${t('rules.md.scope')}${colon}${p(doc.scope)}`, '')
  out.push(head(0, t('rules.md.principles')), ...doc.principles.map((x, i) => `${i + 1}. ${p(x)}`), '')
  out.push(head(1, t('rules.md.rules')))
  doc.rules.forEach((r, i) => {
    const bad = (r.notAllowed ?? []).slice(0, 2).map(p)
    out.push(
      `${i + 1}. ${p(r.title)}${colon}${p(r.description)}${bad.length ? (zh ? `（例如不可以：${bad.join('；')}）` : ` (not OK: ${bad.join('; ')})`) : ''}`,
    )
  })
  out.push('', head(2, t('rules.md.ladder')))
  out.push(
    doc.ladder.rungs
      .map((g) => (g.duration ? (zh ? `${p(g.name)}（${rungDuration(g, locale)}）` : `${p(g.name)} (${rungDuration(g, locale)})`) : p(g.name)))
      .join(' → '),
  )
  out.push(`${t('rules.md.entry')}${colon}${entryPoints(doc, locale)}`, t('rules.md.expiry', {days: windowDays({ladder: doc.ladder})}), '')
  out.push(head(3, t('rules.md.reporting')), ...doc.reporting.map((r) => `· ${reportingLine(r, locale, false)}`), '')
  return out.join('\n')
}

/** The rule set as JSON in one language (a valid RuleSet document). */
export function ruleSetJson(doc: RuleSetDoc, locale: Locale): string {
  return JSON.stringify(localizeRuleSet(doc, locale), null, 2) + '\n'
}

/** A rule set in one format and language. */
export function exportRuleSet(doc: RuleSetDoc, format: RulesFormat, locale: Locale): string {
  if (format === 'md') return ruleSetMarkdown(doc, locale)
  if (format === 'txt') return ruleSetText(doc, locale)
  return ruleSetJson(doc, locale)
}

/** Survey results as Markdown, for reports and the playbook export step. */
import {translator, type Locale} from '../i18n/index.js'
import type {SurveyResults} from './results.js'
import {mdCell, mdInline, mdText} from '../util/markdown.js'

const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${Math.round(x * 1000) / 10}%`)
const num = (x: number | null | undefined) => (x === null || x === undefined ? '—' : String(x))

/** Headline lines: n, NPS ± margin, CSAT. */
export function headlineText(r: SurveyResults, locale: Locale): string[] {
  const t = translator(locale)
  const lines = [t('survey.results.n', {n: r.n})]
  if (r.nps)
    lines.push(
      t('survey.results.nps', {
        score: r.nps.score,
        moe: r.nps.marginOfError,
        promoters: pct(r.nps.promoters / r.nps.n),
        passives: pct(r.nps.passives / r.nps.n),
        detractors: pct(r.nps.detractors / r.nps.n),
        n: r.nps.n,
      }),
    )
  if (r.csat) lines.push(t('survey.results.csat', {score: pct(r.csat.score), n: r.csat.n}))
  return lines
}

/** Dimension name in words for the seed dimensions, else the name itself. */
export function dimensionName(dim: string, locale: Locale): string {
  const t = translator(locale)
  const key = `survey.dim.${dim}`
  const text = t(key)
  return text === key ? dim : text
}

/** The whole result as Markdown: headline, dimensions, questions with distributions, text answers, segments. */
export function resultsMd(r: SurveyResults, locale: Locale): string {
  const t = translator(locale)
  const out = [`# ${t('survey.results.title', {title: mdInline(r.survey.title)})}`, '', ...headlineText(r, locale).map((l) => `- ${l}`), '']
  if (r.n === 0) out.push(t('survey.results.none'), '')
  const dims = Object.entries(r.dimensions)
  if (dims.length) {
    out.push(
      `## ${t('survey.results.dimensions')}`,
      '',
      `| ${t('survey.col.dimension')} | ${t('survey.col.mean5')} | ${t('survey.col.score100')} | n |`,
      '|---|---|---|---|',
    )
    for (const [dim, d] of dims) out.push(`| ${mdCell(dimensionName(dim, locale))} | ${num(d.mean)} | ${num(d.score)} | ${d.n} |`)
    out.push('')
  }
  out.push(`## ${t('survey.results.questions')}`, '')
  r.questions.forEach((q, i) => {
    out.push(
      `### ${i + 1}. ${mdInline(q.text)}`,
      '',
      `n = ${q.n}${q.mean !== undefined ? ` · ${t('survey.col.mean')} ${num(q.mean)}` : ''}${q.topTwo !== undefined ? ` · ${t('survey.col.topTwo')} ${pct(q.topTwo)}` : ''}${q.nps ? ` · NPS ${q.nps.score} ± ${q.nps.marginOfError}` : ''}`,
      '',
    )
    if (q.distribution?.length) {
      out.push(`| ${t('survey.col.answer')} | n | % |`, '|---|---|---|')
      for (const b of q.distribution)
        out.push(`| ${mdCell(b.label === String(b.value) ? b.label : `${b.value} ${b.label}`)} | ${b.count} | ${pct(b.share)} |`)
      out.push('')
    }
    if (q.texts?.length) out.push(...q.texts.map((x) => `> ${mdText(x).replace(/\r?\n/g, ' ')}`), '')
  })
  if (r.segments) {
    const dimNames = Object.keys(r.dimensions)
    out.push(
      `## ${t('survey.results.segments', {field: r.segments.field})}`,
      '',
      `| ${mdCell(r.segments.field)} | n | NPS | CSAT |${dimNames.map((d) => ` ${mdCell(dimensionName(d, locale))} |`).join('')}`,
      `|---|---|---|---|${dimNames.map(() => '---|').join('')}`,
    )
    for (const g of r.segments.groups)
      out.push(`| ${mdCell(g.value)} | ${g.n} | ${num(g.nps)} | ${pct(g.csat)} |${dimNames.map((d) => ` ${num(g.dimensions[d])} |`).join('')}`)
    out.push('')
  }
  return out.join('\n')
}

/** Sections 1 and 2 of the report: overview (positioning, goals) and strategy (personas, segments, content…). Pure. */
import type {Translate} from '../i18n/index.js'
import type {ReportModel} from './types.js'
import {pct} from './text.js'
import {partBlocks, segmentBlocks, table, targetTable, type Align, type Block} from './blocks.js'

/** 1. Overview: the community, its positioning, values, platforms and goals. */
export function overview(m: ReportModel, t: Translate): Block[] {
  const o = m.overview
  const c = m.community
  const facts = [
    c.type && {label: t('report.field.type'), text: c.type},
    c.stage && {label: t('report.field.stage'), text: c.stage},
    c.founded && {label: t('report.field.founded'), text: c.founded},
    o.platforms.length > 0 && {label: t('report.field.platforms'), text: o.platforms.map((p) => `${p.name} (${p.type})`).join(', ')},
    o.values.length > 0 && {label: t('report.field.values'), text: o.values.join('; ')},
  ].filter((x): x is {label: string; text: string} => Boolean(x))
  return [
    {type: 'h3', text: t('report.h.community')},
    ...(c.description ? [{type: 'p', text: c.description} as Block] : []),
    ...(facts.length ? [{type: 'facts', items: facts} as Block] : []),
    {type: 'h3', text: t('report.h.positioning')},
    ...partBlocks(o.positioning, t, (rows) => [{type: 'facts', items: rows.map((r) => ({label: t(`report.field.${r.field}`), text: r.text}))}]),
    {type: 'h3', text: t('report.h.goals')},
    ...partBlocks(o.goals, t, (rows) => [targetTable(rows, t)]),
  ]
}

/** 2. Strategy: personas, member segments, the content plan, activities, incentives and promotion. */
export function strategy(m: ReportModel, t: Translate): Block[] {
  const s = m.strategy
  return [
    {type: 'h3', text: t('report.h.personas')},
    ...partBlocks(s.personas, t, (list) =>
      list.flatMap((p): Block[] => [
        {type: 'h4', text: `${p.name}${p.share === undefined ? '' : ` (${t('report.field.share', {share: pct(p.share)})})`}`},
        {
          type: 'facts',
          items: [
            ...(p.needs.length ? [{label: t('report.field.needs'), text: p.needs.join('; ')}] : []),
            ...(p.interests.length ? [{label: t('report.field.interests'), text: p.interests.join('; ')}] : []),
            ...(p.painPoints.length ? [{label: t('report.field.painPoints'), text: p.painPoints.join('; ')}] : []),
            ...(p.channels.length ? [{label: t('report.field.channels'), text: p.channels.join(', ')}] : []),
          ],
        },
      ]),
    ),
    ...segmentBlocks(s.segments, t),
    {type: 'h3', text: t('report.h.content')},
    ...partBlocks(s.content, t, (plan) => {
      const head = (first: string) => [first, t('report.col.planned'), t('report.col.published')]
      const body = (rows: typeof plan.byPillar) => rows.map((r) => [r.name, r.planned, r.published])
      const published = plan.byPillar.reduce((a, r) => a + r.published, 0)
      const align: Align[] = ['l', 'r', 'r']
      return [
        {type: 'p', text: t('report.content.summary', {items: plan.items, published})},
        table(head(t('report.col.pillar')), body(plan.byPillar), align),
        table(head(t('report.col.channel')), body(plan.byChannel), align),
        table(head(t('report.col.format')), body(plan.byFormat), align),
      ]
    }),
    {type: 'h3', text: t('report.h.activities')},
    ...partBlocks(s.activities, t, (list) => [
      table(
        [t('report.col.name'), t('report.col.type'), t('report.col.cadence'), t('report.col.channel'), t('report.col.sessions')],
        list.map((a) => [a.name, a.type, a.cadence ?? '', a.channel ?? '', a.sessions]),
        ['l', 'l', 'l', 'l', 'r'],
      ),
    ]),
    {type: 'h3', text: t('report.h.incentives')},
    ...partBlocks(s.incentives, t, (i) => [
      ...(i.levels.length
        ? [
            table(
              [t('report.col.level'), t('report.col.name'), t('report.col.threshold')],
              i.levels.map((l) => [l.level, l.title, l.threshold]),
              ['r', 'l', 'r'],
            ),
          ]
        : []),
      ...(i.points.length
        ? [{type: 'facts', items: [{label: t('report.field.points'), text: i.points.map((p) => `${p.event} ${p.points}`).join(', ')}]} as Block]
        : []),
      ...(i.badges.length
        ? [
            {type: 'h4', text: t('report.field.badges')} as Block,
            {type: 'list', items: i.badges.map((b) => (b.description ? `${b.name} — ${b.description}` : b.name))} as Block,
          ]
        : []),
    ]),
    {type: 'h3', text: t('report.h.promotion')},
    ...partBlocks(s.promotion, t, (list) => [
      {type: 'facts', items: list.map((p) => ({label: p.type ? `${p.name} (${p.type})` : p.name, text: p.notes}))},
    ]),
  ]
}

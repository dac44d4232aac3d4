/**
 * The report as a document: the six sections in the handbook's order, each a list of blocks (headings, facts, tables,
 * charts, "no data" notes) that the Markdown and HTML renderers print alike. Texts are plain (not escaped): the
 * renderers escape them. Pure.
 */
import type {Translate} from '../i18n/index.js'
import {barChart, groupedBars, heatMap, lineChart, type Escape} from './charts.js'
import {REPORT_SECTIONS, type Figure, type Part, type ReportModel, type ReportSection, type SegmentView, type TargetView} from './types.js'
import {change, figure, metricName, missingText, pct, scoreDelta, scoreText, sectionTitle, targetStatus, targetText} from './text.js'

export type Align = 'l' | 'r' | 'c'

export type Block =
  | {type: 'h3' | 'h4' | 'p'; text: string}
  | {type: 'facts'; items: Array<{label: string; text: string}>}
  | {type: 'list'; items: string[]}
  /** `htmlColumns`: in HTML only the first columns are printed, a chart beside the table showing the rest. */
  | {type: 'table'; head: string[]; rows: Array<Array<string | number>>; align?: Align[]; htmlColumns?: number}
  | {type: 'missing'; text: string}
  | {type: 'chart'; name: string; svg: (esc: Escape) => string}
  | {type: 'suggestions'; items: Array<{title: string; facts: Array<{label: string; text: string}>}>}

export interface ReportDocument {
  sections: Array<{id: ReportSection; title: string; blocks: Block[]}>
}

const table = (head: string[], rows: Array<Array<string | number>>, align?: Align[]): Block => ({
  type: 'table',
  head,
  rows,
  ...(align ? {align} : {}),
})

/** The part's blocks, or its "no data" note. */
function partBlocks<T>(p: Part<T>, t: Translate, draw: (data: T) => Block[]): Block[] {
  return 'missing' in p ? [{type: 'missing', text: missingText(p.missing, t)}] : draw(p.data)
}

function figureTable(figs: Figure[], t: Translate): Block {
  return table(
    [t('report.col.metric'), t('report.col.value'), t('report.col.previous'), t('report.col.change'), t('report.col.target')],
    figs.map((f) => [
      metricName(f.id, t),
      f.value === null && f.reason ? `n/a (${t(f.reason)})` : figure(f.value, f.unit),
      figure(f.previous, f.unit, '—'),
      change(f),
      targetText(f.target, f.direction, f.unit),
    ]),
    ['l', 'r', 'r', 'r', 'r'],
  )
}

function targetTable(rows: TargetView[], t: Translate): Block {
  return table(
    [t('report.col.metric'), t('report.col.target'), t('report.col.current'), t('report.col.status')],
    rows.map((x) => [metricName(x.metric, t), targetText(x.target, x.direction, x.unit), figure(x.current, x.unit), targetStatus(x, t)]),
    ['l', 'r', 'r', 'l'],
  )
}

/** The member attributes commops knows, named in the report's language; a workspace's own columns keep their name. */
const KNOWN_FIELDS = new Set(['age', 'gender', 'region', 'occupation', 'interests', 'tags', 'level', 'title'])
const fieldName = (field: string, t: Translate): string => (KNOWN_FIELDS.has(field) ? t(`report.attr.${field}`) : field)

function segmentBlocks(p: Part<SegmentView>, t: Translate): Block[] {
  return [
    {type: 'h3', text: t('report.h.segments', {by: 'data' in p ? fieldName(p.data.by, t) : '—'})},
    ...partBlocks(p, t, (s) => [
      table(
        [fieldName(s.by, t), t('report.col.members'), t('report.col.share'), t('report.col.active'), t('report.col.d30'), t('report.col.notes')],
        s.rows.map((r) => [
          r.label ?? t('report.unknown'),
          r.count,
          pct(r.share),
          pct(r.activeShare),
          pct(r.retention),
          r.small ? t('report.small') : '',
        ]),
        ['l', 'r', 'r', 'r', 'r', 'l'],
      ),
    ]),
  ]
}

const GRADE_COLORS: Record<string, string> = {A: '#2a9d8f', B: '#52a35a', C: '#e9c46a', D: '#f4a261', F: '#e76f51'}
const gradeColor = (score: number): string =>
  score >= 90 ? GRADE_COLORS.A : score >= 75 ? GRADE_COLORS.B : score >= 60 ? GRADE_COLORS.C : score >= 40 ? GRADE_COLORS.D : GRADE_COLORS.F

function overview(m: ReportModel, t: Translate): Block[] {
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

function strategy(m: ReportModel, t: Translate): Block[] {
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

function practice(m: ReportModel, t: Translate): Block[] {
  const p = m.practice
  return [
    {type: 'h3', text: t('report.h.runs')},
    ...partBlocks(p.runs, t, (runs) => [
      table(
        [t('report.col.run'), t('report.col.playbook'), t('report.col.date'), t('report.col.status'), t('report.col.steps'), t('report.col.failed')],
        runs.map((r) => [r.id, r.playbook, r.date, r.status, r.steps, r.failed]),
        ['l', 'l', 'l', 'l', 'r', 'r'],
      ),
    ]),
    {type: 'h3', text: t('report.h.tasks')},
    ...partBlocks(p.tasks, t, (s) => [
      {type: 'p', text: t('report.tasks.summary', {total: s.total, done: s.doneInPeriod, open: s.open, overdue: s.overdue.length})},
      ...(s.overdue.length
        ? [
            table(
              ['ID', t('report.col.title'), t('report.col.owner'), t('report.col.due')],
              s.overdue.map((x) => [x.id, x.title, x.owner ?? '', x.due]),
            ),
          ]
        : []),
    ]),
    {type: 'h3', text: t('report.h.adherence')},
    ...partBlocks(p.adherence, t, (f) => [figureTable([f], t)]),
    ...segmentBlocks(p.segments, t),
    {type: 'h3', text: t('report.h.growth')},
    ...partBlocks(p.growth, t, (figs) => [figureTable(figs, t)]),
    {type: 'h3', text: t('report.h.retention')},
    ...partBlocks(p.retention, t, (r) => {
      const width = Math.min(13, Math.max(0, ...r.rows.map((x) => x.shares.length)))
      const columns = Array.from({length: width}, (_, k) => `W${k}`)
      return [
        {type: 'p', text: t('report.retention.legend')},
        {
          type: 'chart',
          name: 'cohorts',
          svg: (esc) =>
            heatMap(
              r.rows.map((x) => ({label: x.cohort, values: x.shares})),
              columns,
              {title: t('report.chart.cohorts'), esc},
            ),
        },
        {
          ...table(
            [t('report.col.cohort'), t('report.col.size'), 'D7', 'D30', ...columns],
            r.rows.map((x) => [x.cohort, x.size, pct(x.d7), pct(x.d30), ...columns.map((_, k) => pct(x.shares[k]))]),
            ['l', 'r', 'r', 'r', ...columns.map((): Align => 'r')],
          ),
          htmlColumns: 4,
        } as Block,
      ]
    }),
    {type: 'h3', text: t('report.h.funnel')},
    ...partBlocks(p.funnel, t, (f) => [
      table(
        [t('report.col.step'), t('report.col.people'), t('report.col.ofJoiners')],
        f.steps.map((s) => [t(`metrics.funnel.${s.id}`), s.count, pct(s.rate)]),
        ['l', 'r', 'r'],
      ),
    ]),
  ]
}

function evaluation(m: ReportModel, t: Translate): Block[] {
  const e = m.evaluation
  const before = m.previous?.label ?? '—'
  return [
    {type: 'h3', text: t('report.h.activity')},
    ...partBlocks(e.activity, t, (figs) => [figureTable(figs, t)]),
    {type: 'h3', text: t('report.h.trend')},
    ...partBlocks(e.trend, t, (tr) => [
      {
        type: 'chart',
        name: 'trend',
        svg: (esc) =>
          lineChart(
            tr.labels,
            tr.series.map((s) => ({name: metricName(s.id, t), values: s.values})),
            {title: t('report.chart.trend'), esc},
          ),
      },
      table(
        [t('report.col.metric'), ...tr.labels],
        tr.series.map((s) => [metricName(s.id, t), ...s.values.map((v) => figure(v, s.unit))]),
      ),
    ]),
    {type: 'h3', text: t('report.h.satisfaction')},
    ...partBlocks(e.satisfaction, t, (figs) => [figureTable(figs, t)]),
    {type: 'h3', text: t('report.h.value')},
    ...partBlocks(e.value, t, (figs) => [figureTable(figs, t)]),
    {type: 'h3', text: t('report.h.scorecard')},
    ...partBlocks(e.scorecard, t, (s) => [
      {type: 'p', text: t('report.scorecard.overall', {score: scoreText(s.score), grade: s.grade ?? 'n/a'})},
      {
        type: 'p',
        text: s.previous
          ? t('report.scorecard.previous', {
              period: s.previous.period,
              score: scoreText(s.previous.score),
              grade: s.previous.grade ?? 'n/a',
              delta: scoreDelta(s.previous.delta),
            })
          : t('report.scorecard.noPrevious'),
      },
      {
        type: 'chart',
        name: 'scores',
        svg: (esc) =>
          barChart(
            s.dimensions.map((d) => ({
              label: t(`scorecard.dim.${d.id}`),
              value: d.score,
              note: d.score === null ? 'n/a' : `${scoreText(d.score)} ${d.grade ?? ''}`.trim(),
            })),
            {title: t('report.chart.scores'), esc, color: gradeColor},
          ),
      },
      table(
        [t('report.col.dimension'), t('report.col.score'), t('report.col.grade'), t('report.col.change')],
        s.dimensions.map((d) => [t(`scorecard.dim.${d.id}`), scoreText(d.score), d.grade ?? 'n/a', scoreDelta(d.delta)]),
        ['l', 'r', 'c', 'r'],
      ),
    ]),
    {type: 'h3', text: t('report.h.levels')},
    ...partBlocks(e.levels, t, (l) => {
      const keys = [t('report.col.before', {period: before}), t('report.col.after', {period: m.period.label})]
      return [
        {
          type: 'chart',
          name: 'levels',
          svg: (esc) =>
            groupedBars(
              l.levels.map((x) => ({label: x.name, values: [x.before, x.after]})),
              keys,
              {title: t('report.chart.levels'), esc},
            ),
        },
        table(
          [t('report.col.level'), ...keys, t('report.col.change')],
          l.levels.map((x) => [x.name, x.before, x.after, change({value: x.after, previous: x.before, unit: 'count'})]),
          ['l', 'r', 'r', 'r'],
        ),
      ]
    }),
  ]
}

function suggestions(m: ReportModel, t: Translate): Block[] {
  return partBlocks(m.suggestions, t, (list) => [
    {
      type: 'suggestions',
      items: list.map((s) => ({
        title: s.title,
        facts: [
          {label: t('report.suggestion.why'), text: s.why},
          {label: t('report.suggestion.action'), text: s.action},
          {label: t('report.suggestion.effect'), text: s.effect},
          ...(s.playbook ? [{label: t('report.suggestion.playbook'), text: s.playbook}] : []),
        ],
      })),
    },
  ])
}

function outlook(m: ReportModel, t: Translate): Block[] {
  const o = m.outlook
  return [
    {type: 'h3', text: t('report.h.targets')},
    ...partBlocks(o.targets, t, (rows) => [targetTable(rows, t)]),
    {type: 'h3', text: t('report.h.highlights', {period: m.next.label})},
    ...partBlocks(o.highlights, t, (list) => [
      table(
        [t('report.col.date'), t('report.col.time'), t('report.col.kind'), t('report.col.title'), t('report.col.channel')],
        list.map((h) => [h.date, h.time, t(`report.kind.${h.kind}`), h.title, h.channel ?? '']),
      ),
    ]),
  ]
}

const BODIES: Record<ReportSection, (m: ReportModel, t: Translate) => Block[]> = {overview, strategy, practice, evaluation, suggestions, outlook}

/** The report's sections as blocks, in the handbook's order. */
export function reportDocument(m: ReportModel, t: Translate): ReportDocument {
  return {sections: REPORT_SECTIONS.map((id) => ({id, title: sectionTitle(id, t), blocks: BODIES[id](m, t)}))}
}

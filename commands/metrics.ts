import {Flags} from '@oclif/core'
import {BaseCommand} from '../src/cli/base-command.js'
import {filterFlags, periodFlags, periodRequest} from '../src/cli/period-flags.js'
import {formatTarget, formatValue, goalsById, meetsGoal} from '../src/metrics/format.js'
import {computeMetrics, metricSeries, metricsSqlOf} from '../src/metrics/service.js'
import type {MetricId, MetricSet, MetricValue} from '../src/metrics/types.js'
import {METRICS} from '../src/schema/kinds/common.js'
import {Store} from '../src/store/index.js'

/** Charted when --chart names no --metric and community.yaml has no goals. */
const DEFAULT_CHART: MetricId[] = ['active_members', 'dau', 'new_members', 'stickiness']

type Goals = Array<{metric: MetricId; target: number; direction: 'up' | 'down'; met: boolean | null}>
type Output =
  | (MetricSet & {goals: Goals})
  | {sets: MetricSet[]}
  | {period: MetricSet['period']; filter: MetricSet['filter']; metric: MetricValue; inputsHash: string}
  | {period: MetricSet['period']; sql: string}

export default class Metrics extends BaseCommand<typeof Metrics> {
  static override description =
    'The community’s metrics for a period (DAU, MAU, stickiness, retention, response rate, CSAT, NPS…), each against its target from community.yaml goals; n/a figures say why. Default period: the last full month'

  static override examples = [
    {command: '<%= config.bin %> metrics --period 2026-10', description: 'October 2026, every metric with its target'},
    {command: '<%= config.bin %> metrics --period week --last 12 --chart', description: 'The last 12 full weeks as trend charts'},
    {
      command: '<%= config.bin %> metrics --explain stickiness',
      description: 'How a figure was computed: inputs, counts, formula, the days behind it',
    },
    {
      command: '<%= config.bin %> metrics --from 2026-11-01 --to 2026-11-15 --channel wechat-main --platform qq',
      description: 'A custom window, one channel, QQ members only',
    },
    {command: '<%= config.bin %> metrics --period 2026-Q4 --json', description: 'The metric set as JSON (what a scorecard reads)'},
    {
      command: '<%= config.bin %> metrics --period 2026-10 --sql > metrics.sql && duckdb < metrics.sql',
      description: 'The same definitions as a DuckDB query over the workspace’s event files',
    },
  ]

  static override flags = {
    ...filterFlags,
    chart: Flags.boolean({description: 'Draw each metric’s trend over the periods (with --last; defaults to the metrics with goals)'}),
    explain: Flags.option({description: 'Explain one metric: inputs, counts, formula, notes and the days behind it', options: METRICS})(),
    metric: Flags.option({description: 'Only this metric (repeatable)', options: METRICS, multiple: true})(),
    ...periodFlags,
    sql: Flags.boolean({
      description: 'Print the event metrics as one DuckDB query over the workspace’s event files instead of computing them',
      exclusive: ['explain', 'chart'],
    }),
  }

  /**
   * Tables and charts, loaded only when drawn: their text widths (string-width) load ICU's segmenter, ~3 MB of memory
   * on Node 24, which --json never needs.
   */
  private async drawing() {
    const [{table, terminalWidth}, {lineChart}] = await Promise.all([import('../src/cli/table.js'), import('../src/metrics/chart.js')])
    return {table, terminalWidth, lineChart}
  }

  async run(): Promise<Output> {
    const ws = await this.workspace()
    const store = Store.at(ws.root)
    // --metric: only those are computed (the rest of the state is never kept)
    const request = {...periodRequest(this.flags), now: new Date(), metrics: this.flags.metric}
    const goals = goalsById(ws.community.goals)
    const chosen = (ids: readonly MetricId[]) => (this.flags.metric?.length ? ids.filter((id) => this.flags.metric!.includes(id)) : [...ids])

    if (this.flags.sql) {
      const {period, sql} = await metricsSqlOf(ws, store, request)
      if (!this.jsonEnabled()) this.log(sql)
      return {period, sql}
    }

    if (this.flags.explain) {
      const set = await computeMetrics(ws, store, {...request, days: true, metrics: [this.flags.explain]})
      const metric = set.values.find((v) => v.id === this.flags.explain)!
      if (!this.jsonEnabled()) this.log(this.explain(set, metric, await this.drawing()))
      return {period: set.period, filter: set.filter, metric, inputsHash: set.inputsHash}
    }

    if ((request.last ?? 1) > 1 || this.flags.chart) {
      const sets = await metricSeries(ws, store, request)
      if (this.jsonEnabled()) return {sets}
      const {table, terminalWidth, lineChart} = await this.drawing()
      this.log(this.header(sets[0], sets[sets.length - 1]))
      if (this.flags.chart) {
        const ids = this.flags.metric?.length ? chosen(METRICS) : goals.size ? METRICS.filter((id) => goals.has(id)) : DEFAULT_CHART
        for (const id of ids) {
          const values = sets.map((s) => s.values.find((v) => v.id === id)!)
          this.log(
            '\n' +
              lineChart(
                {
                  title: `${this.t(`metrics.name.${id}`)} (${id})`,
                  labels: sets.map((s) => s.period.label),
                  values: values.map((v) => v.value),
                  format: (x) => formatValue(x, values[0].unit === 'count' ? 'mean' : values[0].unit),
                  gapLabel: this.t('metrics.chart.gaps'),
                  emptyLabel: this.t('metrics.chart.empty'),
                },
                {width: terminalWidth()},
              ),
          )
        }
      } else {
        const na = this.t('metrics.na')
        const rows = chosen(METRICS).map((id) => [
          this.t(`metrics.name.${id}`),
          ...sets.map((s) => {
            const v = s.values.find((x) => x.id === id)!
            return formatValue(v.value, v.unit, na)
          }),
        ])
        this.log(table([this.t('metrics.col.metric'), ...sets.map((s) => s.period.label)], rows))
      }
      return {sets}
    }

    const set = await computeMetrics(ws, store, request)
    // the goals of the metrics computed (all, or those of --metric)
    const goalList: Goals = [...goals.values()].flatMap((g) => {
      const v = set.values.find((x) => x.id === g.metric)
      return v ? [{metric: g.metric as MetricId, target: g.target, direction: g.direction ?? 'up', met: meetsGoal(v, g) ?? null}] : []
    })
    if (this.jsonEnabled()) return {...set, goals: goalList}
    const {table} = await this.drawing()
    this.log(this.header(set, set))
    const footnotes: string[] = []
    const rows = set.values.map((v) => {
      const goal = goals.get(v.id)
      const met = meetsGoal(v, goal)
      let note = v.reason ? this.t(v.reason) : ''
      if (v.notes?.length) {
        footnotes.push(...v.notes.map((n) => `${footnotes.length + 1}. ${v.id}: ${this.t(n)}`))
        note = [note, this.t('metrics.seeNote', {n: footnotes.length})].filter(Boolean).join(' ')
      }
      return [
        this.t(`metrics.name.${v.id}`),
        formatValue(v.value, v.unit, this.t('metrics.na')),
        formatTarget(goal, v.unit),
        met === undefined ? '' : met ? '✓' : '✗',
        note,
      ]
    })
    this.log(table([this.t('metrics.col.metric'), this.t('metrics.col.value'), this.t('metrics.col.target'), '', this.t('metrics.col.note')], rows))
    if (footnotes.length) this.log('\n' + footnotes.join('\n'))
    this.log('\n' + this.t('metrics.explainHint'))
    return {...set, goals: goalList}
  }

  private header(first: MetricSet, last: MetricSet): string {
    const filter = [...(first.filter.channel ?? []).map((c) => `#${c}`), ...(first.filter.platform ?? [])].join(', ')
    return this.t('metrics.header', {
      label: first === last ? first.period.label : `${first.period.label} … ${last.period.label}`,
      from: first.period.from,
      to: last.period.to,
      zone: first.period.zone,
      filter: filter ? ` · ${filter}` : '',
    })
  }

  private explain(set: MetricSet, v: MetricValue, {table, terminalWidth, lineChart}: Awaited<ReturnType<Metrics['drawing']>>): string {
    const lines = [this.header(set, set), '', `${this.t(`metrics.name.${v.id}`)} (${v.id}): ${formatValue(v.value, v.unit, this.t('metrics.na'))}`]
    if (v.reason) lines.push(`  ${this.t('metrics.explain.reason')}: ${this.t(v.reason)}`)
    lines.push(`  ${this.t('metrics.explain.formula')}: ${this.t(v.formula)}`)
    const inputs = Object.entries(v.inputs)
    if (inputs.length) lines.push('', table([this.t('metrics.explain.input'), this.t('metrics.explain.count')], inputs))
    for (const n of v.notes ?? []) lines.push(`  * ${this.t(n)}`)
    if (v.days?.length) {
      const top = [...v.days].sort((a, b) => b.value - a.value || a.date.localeCompare(b.date))
      const silent = v.days.filter((d) => d.value === 0).length
      lines.push('', this.t('metrics.explain.days', {n: v.days.length, silent}))
      lines.push(
        lineChart(
          {
            title: '',
            labels: v.days.map((d) => d.date),
            values: v.days.map((d) => d.value),
            format: (x) => x.toFixed(0),
            gapLabel: '',
            emptyLabel: '',
          },
          {height: 6, width: terminalWidth()},
        ).replace(/^\n/, ''),
      )
      lines.push(
        this.t('metrics.explain.busiest', {
          days: top
            .slice(0, 3)
            .map((d) => `${d.date} (${d.value})`)
            .join(', '),
        }),
        this.t('metrics.explain.quietest', {
          days: top
            .slice(-3)
            .reverse()
            .map((d) => `${d.date} (${d.value})`)
            .join(', '),
        }),
      )
    }
    return lines.join('\n')
  }
}

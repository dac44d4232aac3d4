import {Flags} from '@oclif/core'
import {BaseCommand} from '../src/cli/base-command.js'
import {filterFlags, periodRequest} from '../src/cli/period-flags.js'
import {table} from '../src/cli/table.js'
import type {RetentionTable} from '../src/metrics/cohorts.js'
import {formatValue} from '../src/metrics/format.js'
import {retentionTable} from '../src/metrics/service.js'
import type {MetricFilter} from '../src/metrics/types.js'
import {Store} from '../src/store/index.js'

export default class Retention extends BaseCommand<typeof Retention> {
  static override description =
    'Cohort retention: the people who joined each week (or month) and the share of them active in each week since, with D7 and D30. Members without a join event join at their first activity (noted). Default: the last 8 full weeks'

  static override examples = [
    {command: '<%= config.bin %> retention --cohort week --last 8', description: 'The last 8 weekly cohorts'},
    {command: '<%= config.bin %> retention --cohort month --last 6 --platform qq', description: 'Six monthly cohorts of QQ members'},
    {command: '<%= config.bin %> retention --cohort month --last 3 --to 2026-09-30', description: 'The three monthly cohorts up to September 2026'},
    {command: '<%= config.bin %> retention --json', description: 'The table as JSON'},
  ]

  static override flags = {
    ...filterFlags,
    cohort: Flags.option({description: 'Group joiners by week or month', options: ['week', 'month'] as const, default: 'week'})(),
    last: Flags.integer({description: 'How many cohorts, ending with the last full week or month', default: 8, min: 1, max: 1000}),
    to: Flags.string({description: 'End with the last full week or month on or before this day, YYYY-MM-DD (default: before today)'}),
  }

  async run(): Promise<RetentionTable & {filter: MetricFilter}> {
    const ws = await this.workspace()
    const {filter} = periodRequest(this.flags)
    const result = await retentionTable(ws, Store.at(ws.root), {
      unit: this.flags.cohort,
      last: this.flags.last,
      to: this.flags.to,
      filter,
      now: new Date(),
    })
    if (this.jsonEnabled()) return result
    this.log(
      this.t(result.unit === 'week' ? 'metrics.retention.headerWeek' : 'metrics.retention.headerMonth', {
        zone: result.zone,
        last: result.lastEvent ?? '—',
      }),
    )
    const width = Math.max(0, ...result.rows.map((r) => r.shares.length))
    const prefix = result.unit === 'week' ? 'W' : 'M'
    const head = [
      this.t('metrics.retention.cohort'),
      this.t('metrics.retention.size'),
      'D7',
      'D30',
      ...Array.from({length: width}, (_, k) => `${prefix}${k}`),
    ]
    const rows = result.rows.map((r) => [
      r.cohort,
      r.size,
      formatValue(r.d7, 'ratio', '—'),
      formatValue(r.d30, 'ratio', '—'),
      ...Array.from({length: width}, (_, k) => (r.shares[k] === undefined ? '' : formatValue(r.shares[k], 'ratio', '—'))),
    ])
    this.log(table(head, rows))
    for (const n of result.notes) this.log(`* ${this.t(n)}`)
    this.log(this.t('metrics.retention.legend', {unit: prefix}))
    return result
  }
}

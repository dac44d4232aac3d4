import {Flags} from '@oclif/core'
import {BaseCommand} from '../src/cli/base-command.js'
import {filterFlags, periodFlags, periodRequest} from '../src/cli/period-flags.js'
import {table} from '../src/cli/table.js'
import type {Funnel as FunnelResult} from '../src/metrics/cohorts.js'
import {formatValue} from '../src/metrics/format.js'
import {funnel} from '../src/metrics/service.js'
import type {MetricFilter} from '../src/metrics/types.js'
import {Store} from '../src/store/index.js'

export default class Funnel extends BaseCommand<typeof Funnel> {
  static override description =
    'The conversion funnel of the people who joined in a period: join → first interaction → active in 4 of their first 8 weeks → conversion, with step rates. Default period: the last full quarter'

  static override examples = [
    {command: '<%= config.bin %> funnel', description: 'Joiners of the last full quarter'},
    {command: '<%= config.bin %> funnel --period 2026-09 --channel wechat-main', description: 'September’s joiners, one channel'},
    {command: '<%= config.bin %> funnel --from 2026-01-01 --to 2026-06-30 --json', description: 'A half year, as JSON'},
  ]

  static override flags = {
    ...filterFlags,
    from: periodFlags.from,
    period: Flags.string({
      description:
        'Whose joiners: a month 2026-10, quarter 2026-Q4, ISO week 2026-W44, day 2026-10-05, or day|week|month|quarter for the last full one (default: the last full quarter)',
    }),
    to: periodFlags.to,
  }

  async run(): Promise<FunnelResult & {filter: MetricFilter}> {
    const ws = await this.workspace()
    const result = await funnel(ws, Store.at(ws.root), {...periodRequest(this.flags), now: new Date()})
    if (this.jsonEnabled()) return result
    const p = result.period
    this.log(this.t('metrics.funnel.header', {label: p.label, from: p.from, to: p.to, zone: p.zone}))
    const rows = result.steps.map((s) => [
      this.t(`metrics.funnel.${s.id}`),
      s.count,
      formatValue(s.stepRate, 'ratio', '—'),
      formatValue(s.overallRate, 'ratio', '—'),
    ])
    this.log(
      table(
        [this.t('metrics.funnel.step'), this.t('metrics.funnel.people'), this.t('metrics.funnel.stepRate'), this.t('metrics.funnel.overall')],
        rows,
      ),
    )
    for (const n of result.notes) this.log(`* ${this.t(n)}`)
    return result
  }
}

import {Args, Flags} from '@oclif/core'
import {BaseCommand} from '../src/cli/base-command.js'
import {OVERVIEW_SORTS, trendArrow, type OverviewRow, type OverviewSort} from '../src/overview/rows.js'
import {overviewWorkspaces, type OverviewResult} from '../src/overview/service.js'

export default class Overview extends BaseCommand<typeof Overview> {
  static override description =
    'For consultants: one row per client workspace in a folder (latest grade and trend, open and overdue tasks, last playbook run, events imported), read from each store without changing anything'

  static override examples = [
    {command: '<%= config.bin %> overview clients/', description: 'Every client workspace under clients/, by name'},
    {command: '<%= config.bin %> overview clients/ --sort overdue', description: 'The clients with the most overdue tasks first'},
    {command: '<%= config.bin %> overview --sort grade --json', description: 'The workspaces under the current folder, best grade first, as JSON'},
  ]

  static override args = {
    dir: Args.string({description: 'The folder holding the client workspaces (it may be one itself)', default: '.'}),
  }

  static override flags = {
    sort: Flags.string({
      description: 'Row order: by name, best grade, highest score, or most overdue tasks first',
      options: [...OVERVIEW_SORTS],
      default: 'name',
    }),
  }

  async run(): Promise<OverviewResult> {
    const result = await overviewWorkspaces(this.args.dir, {now: new Date(), sort: this.flags.sort as OverviewSort, locale: this.locale})
    if (this.jsonEnabled()) return result
    for (const s of result.skipped) this.note(this.t('overview.skipped', s))
    if (result.rows.length === 0) {
      this.log(this.t('overview.none', {dir: this.args.dir}))
      return result
    }
    const {table} = await import('../src/cli/table.js')
    const read = result.rows.filter((r) => !r.error)
    const failed = result.rows.filter((r) => r.error)
    if (read.length > 0) {
      const head = ['dir', 'name', 'period', 'score', 'grade', 'trend', 'open', 'overdue', 'lastRun', 'events']
      this.log(
        table(
          head.map((h) => this.t(`overview.col.${h}`)),
          read.map((r) => this.cells(r)),
        ),
      )
    }
    // unread workspaces sort last: one line each under the table, whole, so the message is never squeezed into a column
    for (const r of failed)
      this.log(`${this.t(r.name === undefined ? 'overview.failed' : 'overview.failedNamed', {dir: r.dir, name: r.name})}  ${located(r.error!)}`)
    if (failed.length > 0) this.log(`\n${this.t('overview.count', {count: result.rows.length, failed: failed.length})}`)
    return result
  }

  private cells(r: OverviewRow): string[] {
    const card = r.scorecard
    const delta = card?.trend?.delta
    const run = r.lastRun
    return [
      r.dir,
      r.name ?? '',
      card?.period ?? '—',
      card ? (card.score === null ? this.t('overview.na') : String(card.score)) : '',
      card?.grade ?? '',
      delta === null || delta === undefined ? '' : `${trendArrow(delta)} ${delta > 0 ? '+' : ''}${delta}`,
      String(r.tasks?.open ?? 0),
      String(r.tasks?.overdue ?? 0),
      run ? `${run.date} ${run.playbook} ${this.t(`status.${run.status}`)}` : '—',
      String(r.events?.imported ?? 0),
    ]
  }
}

/** The error with its location in front, unless the message already names the file (the store's do). */
const located = (e: NonNullable<OverviewRow['error']>): string =>
  e.location && !e.message.includes(e.location) ? `${e.location}: ${e.message}` : e.message

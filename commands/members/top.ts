import {Flags} from '@oclif/core'
import {BaseCommand} from '../../src/cli/base-command.js'
import {table} from '../../src/cli/table.js'
import {pick} from '../../src/i18n/index.js'
import {topMembers, type TopResult} from '../../src/members/incentives-service.js'
import {Store} from '../../src/store/index.js'

export default class MembersTop extends BaseCommand<typeof MembersTop> {
  static override description = 'The leaderboard: points earned in a period, highest first, with each member’s title by total points'

  static override examples = [
    {command: '<%= config.bin %> members top --period month --limit 20', description: 'The last full month’s top 20'},
    {command: '<%= config.bin %> members top --period 2026-Q4 --lang zh-CN', description: 'A quarter, in Chinese'},
    {command: '<%= config.bin %> members top --json', description: 'As JSON'},
  ]

  static override flags = {
    period: Flags.string({
      description: 'A month 2026-10, quarter 2026-Q4, ISO week 2026-W44, day, or day|week|month|quarter for the last full one (default: month)',
    }),
    limit: Flags.integer({description: 'How many rows', min: 1, max: 10_000, default: 20}),
  }

  async run(): Promise<TopResult> {
    const ws = await this.workspace()
    const r = await topMembers(ws, Store.at(ws.root), {period: this.flags.period, limit: this.flags.limit, now: new Date()})
    if (this.jsonEnabled()) return r
    this.log(this.t('members.incentives.top.header', {label: r.period.label, from: r.period.from, to: r.period.to}))
    if (r.rows.length === 0) {
      this.log(this.t(r.computedAt ? 'members.incentives.top.empty' : 'members.incentives.points.never'))
      if (r.computedAt && r.latestMonth) this.log(this.t('members.incentives.latest', {month: r.latestMonth, command: 'top'}))
      return r
    }
    this.log(
      table(
        [
          '#',
          this.t('members.incentives.col.member'),
          this.t('members.incentives.col.points'),
          this.t('members.incentives.col.total'),
          this.t('members.incentives.col.title'),
        ],
        r.rows.map((row) => [
          row.rank,
          row.name ? `${row.name} (${row.member})` : row.member,
          row.points,
          row.total,
          row.title ? pick(row.title.title, this.locale) : '',
        ]),
      ),
    )
    return r
  }
}

import {Flags} from '@oclif/core'
import {BaseCommand} from '../../src/cli/base-command.js'
import {table} from '../../src/cli/table.js'
import {pick} from '../../src/i18n/index.js'
import {engagementLevels, levelLabel, type LevelsResult} from '../../src/members/incentives-service.js'
import {Store} from '../../src/store/index.js'

export default class MembersLevels extends BaseCommand<typeof MembersLevels> {
  static override description =
    'Members per engagement level (default: core / active / new / casual / dormant, by weighted activity over 28 days) at the end of a period, and the movement since the period before (up / held / down per level pair)'

  static override examples = [
    {command: '<%= config.bin %> members levels', description: 'At the end of the last full month, against the month before'},
    {command: '<%= config.bin %> members levels --period 2026-10', description: 'At the end of October 2026, against September'},
    {command: '<%= config.bin %> members levels --period week --json', description: 'Weekly, as JSON'},
  ]

  static override flags = {
    period: Flags.string({
      description: 'A month 2026-10, quarter 2026-Q4, ISO week 2026-W44, or day|week|month|quarter for the last full one (default: month)',
    }),
  }

  async run(): Promise<LevelsResult> {
    const ws = await this.workspace()
    const r = await engagementLevels(ws, Store.at(ws.root), {period: this.flags.period, now: new Date()})
    if (this.jsonEnabled()) return r
    this.log(this.t('members.incentives.levels.header', {at: r.period.to, before: r.previous.to, window: r.windowDays}))
    if (r.latestMonth) this.log(this.t('members.incentives.latest', {month: r.latestMonth, command: 'levels'}))
    const sign = (n: number) => (n > 0 ? `+${n}` : String(n))
    this.log(
      table(
        [
          this.t('members.incentives.col.level'),
          this.t('members.incentives.col.members'),
          this.t('members.incentives.col.before'),
          this.t('members.incentives.col.change'),
        ],
        r.levels.map((l) => [pick(l.name, this.locale), l.members, l.before, sign(l.change)]),
      ),
    )
    this.log(`\n${this.t('members.incentives.levels.movement', {...r.movement.totals})}`)
    const level = levelLabel(ws.community, this.locale)
    const name = (id?: string) => (id === undefined ? '—' : level(id))
    if (r.movement.moves.length > 0)
      this.log(
        table(
          [
            this.t('members.incentives.col.from'),
            this.t('members.incentives.col.to'),
            this.t('members.incentives.col.members'),
            this.t('members.incentives.col.direction'),
          ],
          r.movement.moves.map((m) => [name(m.from), name(m.to), m.members, this.t(`members.incentives.direction.${m.direction}`)]),
        ),
      )
    return r
  }
}

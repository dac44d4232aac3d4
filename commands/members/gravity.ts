import {Flags} from '@oclif/core'
import {BaseCommand} from '../../src/cli/base-command.js'
import {table} from '../../src/cli/table.js'
import {pick} from '../../src/i18n/index.js'
import {engagementGravity, levelLabel, type GravityResult} from '../../src/members/incentives-service.js'
import type {Mover} from '../../src/members/engagement.js'
import {Store} from '../../src/store/index.js'

export default class MembersGravity extends BaseCommand<typeof MembersGravity> {
  static override description =
    'The community’s engagement score (Σ level weight² × members per level) at the end of a period, its change since the period before, and who moved up or down most'

  static override examples = [
    {command: '<%= config.bin %> members gravity', description: 'The last full month against the month before'},
    {command: '<%= config.bin %> members gravity --period 2026-Q4 --limit 5', description: 'A quarter, the 5 who moved most each way'},
    {command: '<%= config.bin %> members gravity --json', description: 'As JSON'},
  ]

  static override flags = {
    period: Flags.string({
      description: 'A month 2026-10, quarter 2026-Q4, ISO week 2026-W44, or day|week|month|quarter for the last full one (default: month)',
    }),
    limit: Flags.integer({description: 'How many movers to show each way', min: 1, max: 1000, default: 10}),
  }

  async run(): Promise<GravityResult> {
    const ws = await this.workspace()
    const r = await engagementGravity(ws, Store.at(ws.root), {period: this.flags.period, limit: this.flags.limit, now: new Date()})
    if (this.jsonEnabled()) return r
    const change = r.gravity.change > 0 ? `+${r.gravity.change}` : String(r.gravity.change)
    this.log(
      this.t('members.incentives.gravity.header', {at: r.period.to, now: r.gravity.now, before: r.gravity.before, beforeAt: r.previous.to, change}),
    )
    if (r.latestMonth) this.log(this.t('members.incentives.latest', {month: r.latestMonth, command: 'gravity'}))
    this.log(
      table(
        [
          this.t('members.incentives.col.level'),
          this.t('members.incentives.col.weight'),
          this.t('members.incentives.col.members'),
          this.t('members.incentives.col.gravity'),
        ],
        r.levels.map((l) => [pick(l.name, this.locale), l.weight, l.members, Math.round(l.weight * l.weight * l.members * 100) / 100]),
      ),
    )
    // no level before: new since; none after: left since
    const level = levelLabel(ws.community, this.locale)
    const name = (id: string | undefined, none: 'joined' | 'left') => (id === undefined ? this.t(`members.incentives.direction.${none}`) : level(id))
    const block = (title: string, list: Mover[]) => {
      if (list.length === 0) return
      this.log(`\n${title}`)
      this.log(
        table(
          [
            this.t('members.incentives.col.member'),
            this.t('members.incentives.col.from'),
            this.t('members.incentives.col.to'),
            this.t('members.incentives.col.score'),
          ],
          list.map((m) => [m.member, name(m.from, 'joined'), name(m.to, 'left'), `${m.scoreBefore} → ${m.scoreAfter}`]),
        ),
      )
    }
    block(this.t('members.incentives.gravity.up'), r.movers.up)
    block(this.t('members.incentives.gravity.down'), r.movers.down)
    return r
  }
}

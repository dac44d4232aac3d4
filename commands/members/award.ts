import {Args, Flags} from '@oclif/core'
import {BaseCommand} from '../../src/cli/base-command.js'
import {awardPoints} from '../../src/members/incentives-service.js'
import type {LedgerEntry} from '../../src/members/points.js'
import {Store} from '../../src/store/index.js'

export default class MembersAward extends BaseCommand<typeof MembersAward> {
  static override description =
    'Award points to a member by hand, or deduct them with a negative number; the reason is kept in the ledger and recomputes never drop it'

  static override examples = [
    {
      command: '<%= config.bin %> members award qq:10002 --points 50 --reason "线下活动志愿者"',
      description: '50 points for volunteering at a meetup',
    },
    {command: '<%= config.bin %> members award P3 --points -20 --reason "Reaction farming"', description: 'Deduct 20 points from person P3'},
  ]

  static override args = {
    member: Args.string({
      description: 'The member: an identity (qq:10002), a person id (P1), or a record id or exact name as members list shows them',
      required: true,
    }),
  }

  static override flags = {
    points: Flags.string({description: 'Points to add (negative: a deduction)', required: true}),
    reason: Flags.string({description: 'Why (kept in the ledger)', required: true}),
    by: Flags.string({description: 'Who gave it'}),
  }

  async run(): Promise<{entry: LedgerEntry}> {
    const ws = await this.workspace()
    const entry = await awardPoints(ws, Store.at(ws.root), {
      member: this.args.member,
      points: this.flags.points,
      reason: this.flags.reason,
      by: this.flags.by,
      now: new Date(),
    })
    if (!this.jsonEnabled())
      this.log(this.t('members.incentives.award.done', {id: entry.id, member: entry.member, points: entry.points, reason: entry.reason}))
    return {entry}
  }
}

import {Flags} from '@oclif/core'
import {BaseCommand} from '../../src/cli/base-command.js'
import {table} from '../../src/cli/table.js'
import {SORTS} from '../../src/members/records-view.js'
import {incentiveExtras, levelIdOf} from '../../src/members/incentives-service.js'
import {listMembers} from '../../src/members/service.js'
import {Store} from '../../src/store/index.js'

export default class MembersList extends BaseCommand<typeof MembersList> {
  static override description =
    'List members: every imported record and everyone seen in the activity, with when they were last seen and their interactions in the last 30 days'

  static override examples = [
    {command: '<%= config.bin %> members list --sort last-seen --limit 20', description: 'The 20 members seen most recently'},
    {command: '<%= config.bin %> members list --region 上海 --tag 摄影 --json', description: 'Members in 上海 tagged 摄影, as JSON'},
    {command: '<%= config.bin %> members list --where occupation=设计师 --sort interactions', description: 'Any attribute, most active first'},
    {command: '<%= config.bin %> members list --level core --sort points', description: 'Core members, most points first'},
  ]

  static override flags = {
    level: Flags.string({description: 'Only members at this engagement level (id or name: core, active, new, casual, dormant, 核心… or your own)'}),
    limit: Flags.integer({description: 'How many members to show', default: 50, min: 1}),
    region: Flags.string({description: 'Only members of this region'}),
    sort: Flags.option({
      description: 'Order: name, last-seen (latest first), interactions (last 30 days, most first), joined (earliest first), points (most first)',
      options: [...SORTS, 'points'],
    })(),
    tag: Flags.string({description: 'Only members with this tag (repeatable: all of them)', multiple: true}),
    where: Flags.string({description: 'Only members whose attribute has this value: attr=value (repeatable: all of them)', multiple: true}),
  }

  async run(): Promise<Awaited<ReturnType<typeof listMembers>>> {
    const {flags} = this
    const ws = await this.workspace()
    const where = [
      ...(flags.region ? [`region=${flags.region}`] : []),
      ...(flags.level ? [`level=${levelIdOf(ws.community, flags.level)}`] : []),
      ...(flags.tag ?? []).map((t) => `tags=${t}`),
      ...(flags.where ?? []),
    ]
    const store = Store.at(ws.root)
    const now = new Date()
    const result = await listMembers(store, {
      zone: ws.community.timezone,
      now,
      locale: this.locale,
      sort: flags.sort,
      where,
      limit: flags.limit,
      extras: await incentiveExtras(ws, store, {now, locale: this.locale}),
    })
    if (!this.jsonEnabled()) {
      if (result.members.length === 0) this.log(this.t('members.records.list.none'))
      else {
        const head = ['id', 'name', 'region', 'joined', 'lastSeen', 'interactions30d', 'level', 'points'].map((c) =>
          this.t(`members.records.col.${c}`),
        )
        this.log(
          table(
            head,
            result.members.map((m) => [
              m.id,
              m.name,
              m.region,
              m.joined,
              m.lastSeen?.slice(0, 10),
              m.interactions30d,
              m.extras?.level_name,
              m.extras?.points,
            ]),
          ),
        )
        this.log(this.t('members.records.list.shown', {shown: result.members.length, matched: result.matched, total: result.total}))
      }
      if (result.latestMonth) this.log(this.t('members.records.list.latest', {month: result.latestMonth}))
    }
    return result
  }
}

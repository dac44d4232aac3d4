import {Flags} from '@oclif/core'
import {BaseCommand} from '../../src/cli/base-command.js'
import {table} from '../../src/cli/table.js'
import {listEvents} from '../../src/events/service.js'
import type {ResolvedEvent} from '../../src/events/stats.js'
import {EVENT_TYPES} from '../../src/events/types.js'
import {Store} from '../../src/store/index.js'

export default class EventsList extends BaseCommand<typeof EventsList> {
  static override description = 'List imported events, the latest first by time; a linked member shows the events of all their accounts'

  static override examples = [
    {
      command: '<%= config.bin %> events list --member qq:10002 --type reply --last 20',
      description: 'The last 20 replies of one member (and their linked accounts)',
    },
    {
      command: '<%= config.bin %> events list --channel general --since 2026-11-01 --until 2026-11-30 --json',
      description: 'One channel in November, as JSON',
    },
  ]

  static override flags = {
    channel: Flags.string({description: 'Only this channel'}),
    last: Flags.integer({description: 'How many of the latest events to show', default: 50, min: 1}),
    member: Flags.string({description: 'Only this member (platform:id) and the accounts linked to it'}),
    since: Flags.string({description: 'From this date, YYYY-MM-DD (community timezone)'}),
    type: Flags.option({description: 'Only this type', options: EVENT_TYPES})(),
    until: Flags.string({description: 'Up to this date, YYYY-MM-DD, inclusive (community timezone)'}),
  }

  async run(): Promise<{events: ResolvedEvent[]; matched: number}> {
    const {flags} = this
    const ws = await this.workspace()
    const result = await listEvents(Store.at(ws.root), {
      member: flags.member,
      type: flags.type,
      channel: flags.channel,
      since: flags.since,
      until: flags.until,
      zone: ws.community.timezone,
      last: flags.last,
    })
    if (!this.jsonEnabled()) {
      if (result.events.length === 0) this.log(this.t('events.list.none'))
      else {
        const head = ['ts', 'type', 'member', 'channel', 'topic'].map((c) => this.t(`events.col.${c}`))
        this.log(
          table(
            head,
            result.events.map((e) => [e.ts, e.type, e.member, e.channel, e.topic]),
          ),
        )
        this.log(this.t('events.list.shown', {shown: result.events.length, matched: result.matched}))
      }
    }
    return result
  }
}

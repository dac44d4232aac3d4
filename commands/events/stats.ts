import {BaseCommand} from '../../src/cli/base-command.js'
import {table} from '../../src/cli/table.js'
import {eventStats} from '../../src/events/service.js'
import type {EventStats} from '../../src/events/stats.js'
import {Store} from '../../src/store/index.js'

export default class EventsStats extends BaseCommand<typeof EventsStats> {
  static override description =
    'Count imported events by type, channel and month, with the date range, member accounts and people (linked accounts count once)'

  static override examples = [
    {command: '<%= config.bin %> events stats', description: 'The counts as tables'},
    {command: '<%= config.bin %> events stats --json', description: 'The same as JSON'},
  ]

  async run(): Promise<EventStats & {batches: number}> {
    const ws = await this.workspace()
    const stats = await eventStats(Store.at(ws.root))
    if (this.jsonEnabled()) return stats
    if (stats.events === 0) {
      this.log(this.t('events.stats.empty'))
      return stats
    }
    this.log(this.t('events.stats.summary', {...stats}))
    const count = this.t('events.col.count')
    const block = (title: string, counts: Record<string, number | undefined>) => {
      this.log(`\n${title}`)
      this.log(
        table(
          ['', count],
          Object.entries(counts).map(([k, n]) => [k, n]),
        ),
      )
    }
    block(this.t('events.stats.byType'), stats.byType)
    block(this.t('events.stats.byChannel'), stats.byChannel)
    block(this.t('events.stats.byMonth'), stats.byMonth)
    return stats
  }
}

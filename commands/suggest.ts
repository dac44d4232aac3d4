import {Flags} from '@oclif/core'
import {BaseCommand} from '../src/cli/base-command.js'
import {table} from '../src/cli/table.js'
import {Store} from '../src/store/index.js'
import {suggestText} from '../src/suggest/format-text.js'
import {suggest} from '../src/suggest/service.js'
import type {SuggestResult} from '../src/suggest/types.js'

export default class Suggest extends BaseCommand<typeof Suggest> {
  static override description =
    'Optimisation suggestions from the latest scorecard: rules on metrics, trends, the calendar, surveys and member levels, each with an action, the playbook step that performs it and the expected effect, largest score gap first. A workspace adds its own rules in suggestions/*.yaml'

  static override examples = [
    {command: '<%= config.bin %> suggest', description: 'What to improve first, from the latest scorecard'},
    {command: '<%= config.bin %> suggest --period 2026-10 --limit 3', description: 'The three largest gaps of October'},
    {command: '<%= config.bin %> suggest --json', description: 'Every suggestion as JSON, in both languages'},
    {command: '<%= config.bin %> suggest --lang zh-CN', description: 'In Chinese'},
  ]

  static override flags = {
    limit: Flags.integer({char: 'n', description: 'Show at most this many suggestions', default: 10, min: 1, max: 1000}),
    period: Flags.string({char: 'p', description: 'The scorecard’s period (2026-10) or stored key (default: the latest)'}),
  }

  async run(): Promise<SuggestResult> {
    const ws = await this.workspace()
    const result = await suggest(ws, Store.at(ws.root), {period: this.flags.period, limit: this.flags.limit, now: new Date()})
    if (!this.jsonEnabled()) this.log(suggestText(result, this.t, this.locale, table))
    return result
  }
}

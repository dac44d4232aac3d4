import {Args, Flags} from '@oclif/core'
import {BaseCommand} from '../../src/cli/base-command.js'
import {table} from '../../src/cli/table.js'
import {translator} from '../../src/i18n/index.js'
import {diffText} from '../../src/scorecard/format-text.js'
import {diffStoredScorecards, renderDiff} from '../../src/scorecard/service.js'
import type {ScorecardDiff as Diff} from '../../src/scorecard/types.js'
import {Store} from '../../src/store/index.js'
import {writeOwnedFile} from '../../src/util/owned-file.js'
import {resolveOut} from '../../src/util/out-path.js'

export default class ScorecardDiff extends BaseCommand<typeof ScorecardDiff> {
  static override description = 'Compare two stored scorecards: the whole, dimension by dimension and metric by metric'

  static override examples = [
    {command: '<%= config.bin %> scorecard diff 2026-09 2026-10', description: 'September against October'},
    {command: '<%= config.bin %> scorecard diff 2026-Q3 2026-Q4 --format md --out out/q4-vs-q3.md', description: 'Two quarters, as Markdown'},
  ]

  static override args = {
    from: Args.string({description: 'The earlier period (2026-09) or stored key', required: true}),
    to: Args.string({description: 'The later period (2026-10) or stored key', required: true}),
  }

  static override flags = {
    force: Flags.boolean({description: 'Overwrite a file commops did not write'}),
    format: Flags.option({description: 'Write the comparison as md or json (default: a table)', options: ['md', 'json'] as const})(),
    out: Flags.string({char: 'o', description: translator('en')('flag.out.file', {name: 'scorecard-diff.<format>'})}),
  }

  async run(): Promise<Diff & {path?: string}> {
    const ws = await this.workspace()
    const store = Store.at(ws.root)
    const format = this.flags.format ?? (this.flags.out ? 'md' : undefined)
    const target = this.flags.out === undefined ? undefined : resolveOut(this.flags.out, `scorecard-diff.${format}`)
    const diff = await diffStoredScorecards(store, this.args.from, this.args.to)
    if (format) {
      const text = renderDiff(diff, format, this.t)
      if (target && !target.stdout) {
        const written = (await writeOwnedFile(store, target.full, text, {force: this.flags.force})).path
        this.note(written)
        return {...diff, path: written}
      }
      if (!this.jsonEnabled()) process.stdout.write(text)
    } else if (!this.jsonEnabled()) this.log(diffText(diff, this.t, table))
    return diff
  }
}

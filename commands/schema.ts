import {Args, Flags} from '@oclif/core'
import {BaseCommand} from '../src/cli/base-command.js'
import {UsageError} from '../src/errors.js'
import {translator} from '../src/i18n/index.js'
import {allKinds, findKind} from '../src/schema/all-kinds.js'
import {schemaFileName, writeSchemas} from '../src/schema/export.js'
import {resolveOutDir} from '../src/util/out-path.js'

export default class Schema extends BaseCommand<typeof Schema> {
  static override description = 'Print the JSON Schema of a document kind, or write every schema to a folder for editors and CI'

  static override examples = [
    {command: '<%= config.bin %> schema', description: 'List the kinds'},
    {command: '<%= config.bin %> schema Community', description: 'Print the schema of community.yaml'},
    {command: '<%= config.bin %> schema --out schemas/', description: 'Write every kind as schemas/<kind>.schema.json'},
  ]

  static override args = {
    kind: Args.string({description: 'Kind name (Community, Playbook, ...), case-insensitive'}),
  }

  static override flags = {
    out: Flags.string({char: 'o', description: translator('en')('flag.out.dir')}),
  }

  async run(): Promise<unknown> {
    const kinds = allKinds()
    let selected = kinds
    if (this.args.kind) {
      const def = findKind(this.args.kind)
      if (!def) {
        throw new UsageError(
          {key: 'schema.unknownKind', params: {kind: this.args.kind}},
          {
            hint: {key: 'kind.unknown.hint', params: {kinds: kinds.map((k) => k.kind).join(', '), suggest: ''}},
          },
        )
      }
      selected = [def]
    }
    const target = this.flags.out === undefined ? undefined : resolveOutDir(this.flags.out)
    if (target && !target.stdout) {
      const files = await writeSchemas(selected, target.full)
      this.note(this.t('schema.written', {count: files.length, dir: target.shown}))
      return {written: files}
    }
    if (this.args.kind) {
      if (!this.jsonEnabled()) this.log(JSON.stringify(selected[0].schema, null, 2))
      return selected[0].schema
    }
    const list = kinds.map((k) => ({kind: k.kind, file: schemaFileName(k), title: (k.schema as {description?: string}).description ?? ''}))
    if (!this.jsonEnabled()) for (const k of list) this.log(`${k.kind.padEnd(14)} ${k.title}`)
    return {kinds: list}
  }
}

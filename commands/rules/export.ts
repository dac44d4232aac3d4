import {Flags} from '@oclif/core'
import {BaseCommand} from '../../src/cli/base-command.js'
import {exportRuleSet, RULES_FORMATS} from '../../src/rules/export.js'
import {requireRuleSet} from '../../src/rules/lookup.js'
import {Store} from '../../src/store/index.js'
import {translator} from '../../src/i18n/index.js'
import {writeOwnedFile} from '../../src/util/owned-file.js'
import {resolveOut} from '../../src/util/out-path.js'

export default class RulesExport extends BaseCommand<typeof RulesExport> {
  static override description = 'Export the rule set: Markdown for CODE_OF_CONDUCT.md or a 群规 page, plain text for a group announcement, or JSON'

  static override examples = [
    {command: '<%= config.bin %> rules export --format md --out CODE_OF_CONDUCT.md', description: 'A code of conduct for the repository'},
    {
      command: '<%= config.bin %> rules export --format txt --lang zh-CN',
      description: 'Plain text on stdout, to paste as a WeChat group announcement (群公告)',
    },
    {
      command: '<%= config.bin %> rules export --format json --out out/rules.json',
      description: 'A RuleSet document in one language, for other tools',
    },
  ]

  static override flags = {
    force: Flags.boolean({description: 'Overwrite a file commops did not write'}),
    format: Flags.option({char: 'f', description: 'Export format', options: RULES_FORMATS, default: 'md' as const})(),
    out: Flags.string({char: 'o', description: translator('en')('flag.out.file', {name: 'rules.<format>'})}),
  }

  async run(): Promise<{ruleset: string; format: string; locale: string; path?: string; bytes: number; content?: string}> {
    const ws = await this.workspace()
    const store = Store.at(ws.root)
    const db = await store.read()
    const ref = requireRuleSet(db)
    const locale = this.flags.lang ?? ref.data.locale
    const content = exportRuleSet(ref.data.ruleset, this.flags.format, locale)
    const base = {ruleset: ref.id, format: this.flags.format, locale, bytes: Buffer.byteLength(content)}
    const target = this.flags.out === undefined ? undefined : resolveOut(this.flags.out, `rules.${this.flags.format}`)
    if (target === undefined || target.stdout) {
      if (!this.jsonEnabled()) process.stdout.write(content)
      return {...base, content}
    }
    const {path: rel, shown} = await writeOwnedFile(store, target.full, content, {force: this.flags.force})
    if (!this.jsonEnabled()) this.log(this.t('rules.export.written', {format: this.flags.format, path: shown, locale}))
    return {...base, path: rel}
  }
}

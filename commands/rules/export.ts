import {Flags} from '@oclif/core'
import {createHash} from 'node:crypto'
import {existsSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {BaseCommand} from '../../src/cli/base-command.js'
import {UsageError} from '../../src/errors.js'
import {exportRuleSet, RULES_FORMATS} from '../../src/rules/export.js'
import {requireRuleSet} from '../../src/rules/lookup.js'
import {Store} from '../../src/store/index.js'
import {resolveInside, writeFileAtomic} from '../../src/util/fs.js'

const sha = (text: string) => createHash('sha256').update(text).digest('hex')

export default class RulesExport extends BaseCommand<typeof RulesExport> {
  static override description = 'Export the rule set: Markdown for CODE_OF_CONDUCT.md or a 群规 page, plain text for a group announcement, or JSON'

  static override examples = [
    {command: '<%= config.bin %> rules export --format md --out CODE_OF_CONDUCT.md', description: 'A code of conduct for the repository'},
    {command: '<%= config.bin %> rules export --format txt --lang zh-CN', description: 'Plain text on stdout, to paste as a WeChat group announcement (群公告)'},
    {command: '<%= config.bin %> rules export --format json --out out/rules.json', description: 'A RuleSet document in one language, for other tools'},
  ]

  static override flags = {
    force: Flags.boolean({description: 'Overwrite a file commops did not write'}),
    format: Flags.option({char: 'f', description: 'Export format', options: RULES_FORMATS, default: 'md' as const})(),
    out: Flags.string({char: 'o', description: 'Write to this file inside the workspace (default: print to stdout)'}),
  }

  async run(): Promise<{ruleset: string; format: string; locale: string; path?: string; bytes: number; content?: string}> {
    const ws = await this.workspace()
    const store = Store.at(ws.root)
    const db = await store.read()
    const ref = requireRuleSet(db)
    const locale = this.flags.lang ?? ref.data.locale
    const content = exportRuleSet(ref.data.ruleset, this.flags.format, locale)
    const base = {ruleset: ref.id, format: this.flags.format, locale, bytes: Buffer.byteLength(content)}
    if (!this.flags.out) {
      if (!this.jsonEnabled()) process.stdout.write(content)
      return {...base, content}
    }
    const fromRoot = path.relative(ws.root, path.resolve(this.flags.out)).split(path.sep).join('/')
    const full = resolveInside(ws.root, fromRoot.startsWith('..') || path.isAbsolute(fromRoot) ? this.flags.out : fromRoot)
    const rel = path.relative(ws.root, full).split(path.sep).join('/')
    if (existsSync(full) && !this.flags.force) {
      const current = await readFile(full, 'utf8')
      const owned = db.files[rel]
      if (current !== content && (!owned || owned.hash !== sha(current))) {
        throw new UsageError({key: 'file.exists', params: {path: this.flags.out}}, {code: 'file.exists', hint: {key: 'rules.export.notOwned.hint'}})
      }
    }
    await writeFileAtomic(full, content)
    await store.update((d) => {
      d.files[rel] = {hash: sha(content), writtenAt: new Date().toISOString()}
    })
    if (!this.jsonEnabled()) this.log(this.t('rules.export.written', {format: this.flags.format, path: rel, locale}))
    return {...base, path: rel}
  }
}

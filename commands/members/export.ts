import {Flags} from '@oclif/core'
import {BaseCommand} from '../../src/cli/base-command.js'
import {translator} from '../../src/i18n/index.js'
import {EXPORT_FORMATS} from '../../src/members/export.js'
import {incentiveExtras} from '../../src/members/incentives-service.js'
import {exportMembers} from '../../src/members/service.js'
import {Store} from '../../src/store/index.js'
import {writeOwnedFile} from '../../src/util/owned-file.js'
import {resolveOut} from '../../src/util/out-path.js'

export default class MembersExport extends BaseCommand<typeof MembersExport> {
  static override description =
    'Export members with only the fields asked for, as CSV, JSON or an .all-contributorsrc; --anonymize replaces ids, names and identities with pseudonyms that stay the same across exports of this workspace'

  static override examples = [
    {command: '<%= config.bin %> members export --fields id,name,region,interactions_30d --out out/members.csv', description: 'Four fields as CSV'},
    {
      command: '<%= config.bin %> members export --format json --fields id,region,occupation --anonymize',
      description: 'For a client: pseudonyms instead of ids, JSON on stdout',
    },
    {
      command: '<%= config.bin %> members export --format all-contributors --out .all-contributorsrc',
      description: 'Contributors by what their activity and tags show',
    },
  ]

  static override flags = {
    anonymize: Flags.boolean({description: 'Replace ids, names and identities with stable pseudonyms (keyed by a secret kept in the workspace)'}),
    fields: Flags.string({
      description:
        'Fields, comma-separated (default: id,name): id, name, identities, joined, age, gender, region, occupation, interests, tags, first_seen, last_seen, interactions, interactions_30d, points, title, level, badges or any sheet column',
    }),
    force: Flags.boolean({description: 'Overwrite a file commops did not write'}),
    format: Flags.option({description: 'Output format', options: EXPORT_FORMATS, default: 'csv'})(),
    out: Flags.string({char: 'o', description: translator('en')('flag.out.file', {name: 'members.<format>'})}),
  }

  async run(): Promise<{format: string; count: number; out?: string; content?: string}> {
    const ws = await this.workspace()
    const {flags} = this
    const ext = flags.format === 'all-contributors' ? 'all-contributorsrc' : flags.format
    const target = flags.out === undefined ? undefined : resolveOut(flags.out, `members.${ext}`) // a bad --out fails before any work
    const fields = (flags.fields ?? 'id,name')
      .split(/[,，]/)
      .map((s) => s.trim())
      .filter(Boolean)
    const store = Store.at(ws.root)
    const now = new Date()
    const {text, count} = await exportMembers(store, {
      format: flags.format,
      fields,
      anonymize: flags.anonymize,
      zone: ws.community.timezone,
      now,
      extras: await incentiveExtras(ws, store, {now, locale: this.locale}),
      projectName: ws.community.name,
    })
    if (target === undefined || target.stdout) {
      if (this.jsonEnabled()) return {format: flags.format, count, content: text}
      process.stdout.write(text)
      return {format: flags.format, count}
    }
    const {path: rel, shown} = await writeOwnedFile(store, target.full, text, {force: flags.force})
    if (!this.jsonEnabled()) this.log(this.t('members.records.export.wrote', {count, file: shown, format: flags.format}))
    return {format: flags.format, count, out: rel}
  }
}

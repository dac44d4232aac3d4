import {Args, Flags} from '@oclif/core'
import {BaseCommand} from '../../src/cli/base-command.js'
import {Store} from '../../src/store/index.js'
import {EXPORT_EXT, EXPORT_FORMATS, exportSurvey} from '../../src/survey/export.js'
import {requireSurvey} from '../../src/survey/lookup.js'
import {translator} from '../../src/i18n/index.js'
import {writeOwnedFile} from '../../src/util/owned-file.js'
import {resolveOut} from '../../src/util/out-path.js'

export default class SurveyExport extends BaseCommand<typeof SurveyExport> {
  static override description = 'Export a survey as a GitHub issue form, SurveyJS JSON, a self-contained HTML page, Markdown, or our own JSON'

  static override examples = [
    {
      command: '<%= config.bin %> survey export S3 --format github-issue-form --out .github/ISSUE_TEMPLATE/feedback.yml',
      description: 'A GitHub issue form (likert and NPS as dropdowns, ids kept)',
    },
    {
      command: '<%= config.bin %> survey export S3 --format surveyjs --out out/q4.json',
      description: 'SurveyJS JSON for survey-core / the SurveyJS form library',
    },
    {
      command: '<%= config.bin %> survey export S3 --format html --out out/q4.html',
      description: 'One page to open offline or print; no external requests',
    },
    {command: '<%= config.bin %> survey export S3 --format md', description: 'Markdown on stdout, to paste into a group chat or a doc'},
  ]

  static override args = {
    survey: Args.string({description: 'Survey id (S3), or the playbook survey key (launch.onboarding-survey)', required: true}),
  }

  static override flags = {
    force: Flags.boolean({description: 'Overwrite a file commops did not write'}),
    format: Flags.option({char: 'f', description: 'Export format', options: EXPORT_FORMATS, default: 'md' as const})(),
    out: Flags.string({char: 'o', description: translator('en')('flag.out.file', {name: '<survey id>.<format>'})}),
  }

  async run(): Promise<{survey: string; format: string; locale: string; path?: string; bytes: number; content?: string}> {
    const ws = await this.workspace()
    const store = Store.at(ws.root)
    const db = await store.read()
    const ref = requireSurvey(db, this.args.survey)
    const locale = this.flags.lang ?? ref.locale
    const content = exportSurvey(ref.doc, this.flags.format, locale, {id: ref.id})
    const base = {survey: ref.id, format: this.flags.format, locale, bytes: Buffer.byteLength(content)}
    const target = this.flags.out === undefined ? undefined : resolveOut(this.flags.out, `${ref.id}.${EXPORT_EXT[this.flags.format]}`)
    if (target === undefined || target.stdout) {
      if (!this.jsonEnabled()) process.stdout.write(content)
      return {...base, content}
    }
    const {path: rel, shown} = await writeOwnedFile(store, target.full, content, {force: this.flags.force})
    if (!this.jsonEnabled()) this.log(this.t('survey.export.written', {id: ref.id, format: this.flags.format, path: shown}))
    return {...base, path: rel}
  }
}

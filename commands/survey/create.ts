import {Flags} from '@oclif/core'
import path from 'node:path'
import {BaseCommand} from '../../src/cli/base-command.js'
import {table} from '../../src/cli/table.js'
import {UsageError} from '../../src/errors.js'
import {isLocale} from '../../src/i18n/index.js'
import {Store} from '../../src/store/index.js'
import {createSurvey, type SurveySource} from '../../src/survey/service.js'
import {tx} from '../../src/survey/text.js'
import {SURVEY_TEMPLATES} from '../../src/survey/types.js'
import {requireNotFolder} from '../../src/util/out-path.js'

export default class SurveyCreate extends BaseCommand<typeof SurveyCreate> {
  static override description =
    'Create a survey from a bundled template (satisfaction, nps, onboarding, event-feedback, exit) or a kind: Survey file, and keep it in the store'

  static override examples = [
    {
      command: '<%= config.bin %> survey create --template satisfaction',
      description: 'The satisfaction survey: service, content, atmosphere, value, NPS and open comments',
    },
    {command: '<%= config.bin %> survey create --template onboarding --lang en', description: 'The newcomer survey, exported in English by default'},
    {
      command: '<%= config.bin %> survey create --from surveys/q4.yaml',
      description: 'A survey written by hand (kind: Survey; check it with `commops validate`)',
    },
    {command: '<%= config.bin %> survey create --template nps --dry-run --json', description: 'What would be created, as JSON; writes nothing'},
  ]

  static override flags = {
    'dry-run': Flags.boolean({char: 'n', description: 'Show the survey that would be created; write nothing'}),
    from: Flags.string({char: 'f', description: 'A survey file (kind: Survey, YAML or JSON)', exclusive: ['template']}),
    template: Flags.option({char: 't', description: 'A bundled survey template', options: SURVEY_TEMPLATES, exclusive: ['from']})(),
  }

  async run(): Promise<{
    id: string
    name: string
    title: string
    locale: string
    template?: string
    from?: string
    questions: Array<Record<string, unknown>>
    dryRun: boolean
    notes: string[]
  }> {
    const {flags} = this
    if (!flags.template && !flags.from)
      throw new UsageError(
        {key: 'survey.create.needSource'},
        {hint: {key: 'survey.create.needSource.hint', params: {templates: SURVEY_TEMPLATES.join(', ')}}},
      )
    const ws = await this.workspace()
    let from: string | undefined
    let source: SurveySource
    if (flags.from) {
      const full = path.resolve(flags.from)
      requireNotFolder(flags.from, full, 'survey.yaml')
      const rel = path.relative(ws.root, full)
      from = rel.startsWith('..') || path.isAbsolute(rel) ? full : rel.split(path.sep).join('/')
      source = {file: full, display: flags.from}
    } else {
      source = {template: flags.template!}
    }
    const lang = isLocale(flags.lang) ? flags.lang : undefined
    const {id, doc, notes, locale} = await createSurvey(Store.at(ws.root), ws.community, {
      source,
      from,
      lang,
      defaultLocale: ws.locale,
      locale: this.locale,
      now: new Date(),
      dryRun: flags['dry-run'],
    })
    const noteTexts = notes.map((n) => this.t('survey.create.fallback', {question: n.question, source: n.source}))
    const questions = doc.questions.map((q) => ({
      id: q.id,
      type: q.type,
      text: tx(q.text, locale),
      required: Boolean(q.required),
      dimension: q.dimension,
      showIf: q.showIf?.question,
    }))
    const result = {
      id,
      name: doc.name,
      title: tx(doc.title, locale),
      locale,
      template: flags.template,
      from,
      questions,
      dryRun: Boolean(flags['dry-run']),
      notes: noteTexts,
    }
    if (!this.jsonEnabled()) {
      this.log(this.t(flags['dry-run'] ? 'survey.create.dryRun' : 'survey.create.done', {id, title: result.title, count: questions.length, locale}))
      this.log(
        table(
          ['#', this.t('survey.col.id'), this.t('survey.col.type'), this.t('survey.col.question'), this.t('survey.col.dimension')],
          questions.map((q, i) => [i + 1, q.id + (q.required ? ' *' : ''), this.t(`survey.type.${q.type}`), q.text, q.dimension]),
        ),
      )
      for (const note of noteTexts) this.note(note)
      if (!flags['dry-run']) this.note(this.t('survey.create.next', {id}))
    }
    return result
  }
}

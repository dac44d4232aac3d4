import {Flags} from '@oclif/core'
import path from 'node:path'
import {BaseCommand} from '../../src/cli/base-command.js'
import {table} from '../../src/cli/table.js'
import {UsageError} from '../../src/errors.js'
import {isLocale} from '../../src/i18n/index.js'
import {nextId, Store} from '../../src/store/index.js'
import {loadSurveyFile, loadSurveyTemplate, SURVEY_TEMPLATES} from '../../src/survey/load.js'
import {resolveSurvey} from '../../src/survey/resolve.js'
import {tx} from '../../src/survey/text.js'
import type {StoredSurvey} from '../../src/survey/types.js'

export default class SurveyCreate extends BaseCommand<typeof SurveyCreate> {
  static override description = 'Create a survey from a bundled template (satisfaction, nps, onboarding, event-feedback, exit) or a kind: Survey file, and keep it in the store'

  static override examples = [
    {command: '<%= config.bin %> survey create --template satisfaction', description: 'The satisfaction survey: service, content, atmosphere, value, NPS and open comments'},
    {command: '<%= config.bin %> survey create --template onboarding --lang en', description: 'The newcomer survey, exported in English by default'},
    {command: '<%= config.bin %> survey create --from surveys/q4.yaml', description: 'A survey written by hand (kind: Survey; check it with `commops validate`)'},
    {command: '<%= config.bin %> survey create --template nps --dry-run --json', description: 'What would be created, as JSON; writes nothing'},
  ]

  static override flags = {
    'dry-run': Flags.boolean({char: 'n', description: 'Show the survey that would be created; write nothing'}),
    from: Flags.string({char: 'f', description: 'A survey file (kind: Survey, YAML or JSON)', exclusive: ['template']}),
    template: Flags.option({char: 't', description: 'A bundled survey template', options: SURVEY_TEMPLATES, exclusive: ['from']})(),
  }

  async run(): Promise<{id: string; name: string; title: string; locale: string; template?: string; from?: string; questions: Array<Record<string, unknown>>; dryRun: boolean; notes: string[]}> {
    const {flags} = this
    if (!flags.template && !flags.from) throw new UsageError({key: 'survey.create.needSource'}, {hint: {key: 'survey.create.needSource.hint', params: {templates: SURVEY_TEMPLATES.join(', ')}}})
    const ws = await this.workspace()
    let from: string | undefined
    let raw
    if (flags.from) {
      const full = path.resolve(flags.from)
      const rel = path.relative(ws.root, full)
      from = rel.startsWith('..') || path.isAbsolute(rel) ? full : rel.split(path.sep).join('/')
      raw = await loadSurveyFile(full, flags.from, this.locale)
    } else {
      raw = await loadSurveyTemplate(flags.template!, this.locale)
    }
    const {doc, notes} = resolveSurvey(raw, ws.community)
    const locale = isLocale(flags.lang) ? flags.lang : doc.locale ?? ws.locale
    const store = Store.at(ws.root)
    const now = new Date().toISOString()
    const make = (id: string): StoredSurvey => ({id, name: doc.name, locale, ...(flags.template ? {template: flags.template} : {}), ...(from ? {from} : {}), doc, createdAt: now})
    let id: string
    if (flags['dry-run']) {
      const db = await store.read()
      id = `S${(db.counters.S ?? 0) + 1}`
    } else {
      id = await store.update((db) => {
        const sid = nextId(db, 'S')
        db.surveys[sid] = make(sid)
        return sid
      })
    }
    const noteTexts = notes.map((n) => this.t('survey.create.fallback', {question: n.question, source: n.source}))
    const questions = doc.questions.map((q) => ({id: q.id, type: q.type, text: tx(q.text, locale), required: Boolean(q.required), dimension: q.dimension, showIf: q.showIf?.question}))
    const result = {id, name: doc.name, title: tx(doc.title, locale), locale, template: flags.template, from, questions, dryRun: Boolean(flags['dry-run']), notes: noteTexts}
    if (!this.jsonEnabled()) {
      this.log(this.t(flags['dry-run'] ? 'survey.create.dryRun' : 'survey.create.done', {id, title: result.title, count: questions.length, locale}))
      this.log(table(['#', this.t('survey.col.id'), this.t('survey.col.type'), this.t('survey.col.question'), this.t('survey.col.dimension')], questions.map((q, i) => [i + 1, q.id + (q.required ? ' *' : ''), this.t(`survey.type.${q.type}`), q.text, q.dimension])))
      for (const note of noteTexts) this.note(note)
      if (!flags['dry-run']) this.note(this.t('survey.create.next', {id}))
    }
    return result
  }
}

import {Args} from '@oclif/core'
import {BaseCommand} from '../../src/cli/base-command.js'
import {table} from '../../src/cli/table.js'
import {Store} from '../../src/store/index.js'
import {listSurveys, requireSurvey, responseCount} from '../../src/survey/lookup.js'
import {describeShowIf, otherLabel, tx} from '../../src/survey/text.js'

export default class SurveyShow extends BaseCommand<typeof SurveyShow> {
  static override description = 'List the surveys, or show one survey: its questions, scales, conditions and how many responses it has'

  static override examples = [
    {command: '<%= config.bin %> survey show', description: 'Every survey: stored ones (S1, S2…) and those playbooks created'},
    {command: '<%= config.bin %> survey show S3', description: 'The questions of S3'},
    {
      command: '<%= config.bin %> survey show launch.onboarding-survey --json',
      description: 'A survey a playbook created, as JSON (the full kind: Survey document)',
    },
  ]

  static override args = {
    survey: Args.string({description: 'Survey id (S3), or the playbook survey key (launch.onboarding-survey)'}),
  }

  async run(): Promise<unknown> {
    const ws = await this.workspace()
    const db = await Store.at(ws.root).read()
    if (!this.args.survey) {
      const surveys = listSurveys(db).map((s) => ({
        id: s.id,
        name: s.doc.name,
        title: tx(s.doc.title, this.flags.lang ?? s.locale),
        origin: s.origin,
        questions: s.doc.questions.length,
        responses: responseCount(db, s.id),
        createdAt: s.createdAt,
      }))
      if (!this.jsonEnabled()) {
        if (surveys.length === 0) this.log(this.t('survey.show.none'))
        else
          this.log(
            table(
              [
                this.t('survey.col.id'),
                this.t('survey.col.title'),
                this.t('survey.col.questions'),
                this.t('survey.col.responses'),
                this.t('survey.col.origin'),
              ],
              surveys.map((s) => [s.id, s.title, s.questions, s.responses, this.t(`survey.origin.${s.origin}`)]),
            ),
          )
      }
      return {surveys}
    }
    const ref = requireSurvey(db, this.args.survey)
    const {doc} = ref
    const locale = this.flags.lang ?? ref.locale
    const responses = responseCount(db, ref.id)
    if (!this.jsonEnabled()) {
      this.log(`${ref.id}  ${tx(doc.title, locale)}  (${doc.name}, ${locale})`)
      if (tx(doc.intro, locale)) this.log(tx(doc.intro, locale))
      this.log('')
      const scaleOf = (q: (typeof doc.questions)[number]) => {
        switch (q.type) {
          case 'likert':
            return (q.labels ?? []).map((l, i) => `${i + 1} ${tx(l, locale)}`).join(' / ')
          case 'nps':
            return '0–10'
          case 'rating':
            return `${q.min ?? 1}–${q.max ?? 5}`
          case 'single':
          case 'multi':
            return (q.options ?? [])
              .map((o) => tx(o.label, locale))
              .concat(q.other ? [otherLabel(q, locale)] : [])
              .join(' / ')
          case 'number':
            return [q.min, q.max].some((x) => x !== undefined) ? `${q.min ?? ''}–${q.max ?? ''}` : ''
          default:
            return ''
        }
      }
      this.log(
        table(
          [
            '#',
            this.t('survey.col.id'),
            this.t('survey.col.type'),
            this.t('survey.col.question'),
            this.t('survey.col.answers'),
            this.t('survey.col.dimension'),
          ],
          doc.questions.map((q, i) => [
            i + 1,
            q.id + (q.required ? ' *' : ''),
            this.t(`survey.type.${q.type}`),
            tx(q.text, locale) + (q.showIf ? `\n  ${describeShowIf(q.showIf, doc, locale)}` : ''),
            scaleOf(q),
            q.dimension,
          ]),
        ),
      )
      this.log('')
      this.log(this.t('survey.show.responses', {count: responses, id: ref.id}))
    }
    return {id: ref.id, origin: ref.origin, locale: ref.locale, responses, survey: doc}
  }
}

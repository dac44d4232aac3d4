import {Args, Flags} from '@oclif/core'
import {BaseCommand} from '../../src/cli/base-command.js'
import {table} from '../../src/cli/table.js'
import {Store} from '../../src/store/index.js'
import type {QuestionResult, SurveyResults as ResultsData} from '../../src/survey/results.js'
import {dimensionName, headlineText} from '../../src/survey/results-md.js'
import {surveyResults} from '../../src/survey/service.js'

const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${Math.round(x * 1000) / 10}%`)
const num = (x: number | null | undefined) => (x === null || x === undefined ? '—' : String(x))

export default class SurveyResults extends BaseCommand<typeof SurveyResults> {
  static override description =
    'Score a survey: n, NPS with its margin of error, CSAT (top two boxes), dimension means, per-question distributions and text answers'

  static override examples = [
    {command: '<%= config.bin %> survey results S3', description: 'The scores and every question'},
    {
      command: '<%= config.bin %> survey results S3 --segment region --json',
      description: 'Split by a response column, a choice question or a member attribute, as JSON',
    },
  ]

  static override args = {
    survey: Args.string({description: 'Survey id (S3), or the playbook survey key (launch.onboarding-survey)', required: true}),
  }

  static override flags = {
    segment: Flags.string({char: 's', description: 'Split the scores by a response column, a choice question id or a member attribute'}),
  }

  async run(): Promise<ResultsData> {
    const ws = await this.workspace()
    const {locale, results} = await surveyResults(Store.at(ws.root), {survey: this.args.survey, segment: this.flags.segment, lang: this.flags.lang})
    if (!this.jsonEnabled()) this.print(results, locale)
    return results
  }

  private print(r: ResultsData, locale: 'zh-CN' | 'en'): void {
    this.log(`${r.survey.id}  ${r.survey.title}`)
    for (const line of headlineText(r, locale)) this.log(line)
    if (r.n === 0) {
      this.log(this.t('survey.results.none'))
      this.log(this.t('survey.results.ingestHint', {id: r.survey.id}))
      return
    }
    const dims = Object.entries(r.dimensions)
    if (dims.length) {
      this.log('')
      this.log(
        table(
          [this.t('survey.col.dimension'), this.t('survey.col.mean5'), this.t('survey.col.score100'), 'n'],
          dims.map(([d, x]) => [dimensionName(d, locale), num(x.mean), num(x.score), x.n]),
        ),
      )
    }
    this.log('')
    this.log(
      table(
        ['#', this.t('survey.col.question'), 'n', this.t('survey.col.mean'), this.t('survey.col.topTwo'), this.t('survey.col.distribution')],
        r.questions
          .filter((q) => q.type !== 'text')
          .map((q) => [
            r.questions.indexOf(q) + 1,
            q.text,
            q.n,
            q.nps ? `NPS ${q.nps.score}±${q.nps.marginOfError}` : num(q.mean),
            q.topTwo === undefined ? '' : pct(q.topTwo),
            distribution(q),
          ]),
      ),
    )
    for (const q of r.questions) {
      if (!q.texts?.length) continue
      this.log('')
      this.log(`${r.questions.indexOf(q) + 1}. ${q.text}${q.type === 'text' ? '' : ` — ${this.t('survey.other')}`}`)
      for (const text of q.texts) this.log(`  - ${text.replace(/\r?\n/g, ' ')}`)
    }
    if (r.segments) {
      const names = Object.keys(r.dimensions)
      this.log('')
      this.log(this.t('survey.results.segments', {field: r.segments.field}))
      this.log(
        table(
          [r.segments.field, 'n', 'NPS', 'CSAT', ...names.map((d) => dimensionName(d, locale))],
          r.segments.groups.map((g) => [g.value, g.n, num(g.nps), pct(g.csat), ...names.map((d) => num(g.dimensions[d]))]),
        ),
      )
    }
  }
}

/** "1:2 2:0 3:5 4:10 5:20" for scales, "微信 12 · QQ 3" for choices. */
function distribution(q: QuestionResult): string {
  if (!q.distribution) return q.type === 'number' && q.n ? `${q.min}–${q.max}, median ${q.median}` : ''
  if (q.type === 'single' || q.type === 'multi')
    return q.distribution
      .filter((b) => b.count > 0)
      .map((b) => `${b.label} ${b.count}`)
      .join(' · ')
  return q.distribution.map((b) => `${b.value}:${b.count}`).join(' ')
}

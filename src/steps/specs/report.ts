import type {Locale} from '../../i18n/index.js'
import {LOCALE_ENUM} from '../../schema/kinds/common.js'
import type {StepSpec} from '../types.js'

export interface ReportInput {
  period?: string
  from?: string
  to?: string
  format?: 'md' | 'html'
  out?: string
  lang?: Locale
}

const dateText = {type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$'}

/** The period a report step names, as the plan shows it. */
export const reportStepPeriod = (input: ReportInput): string | undefined =>
  input.period ?? (input.from ? `${input.from}..${input.to ?? ''}` : undefined)

/** The spec of `report`: the operations summary report of a period, written as a Markdown or HTML file in the workspace. */
export const reportStepSpec: StepSpec<ReportInput> = {
  type: 'report',
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      period: {
        type: 'string',
        description:
          'A quarter 2026-Q4, month 2026-10 or ISO week 2026-W44, or quarter|month|week for the last full one (default: the last full quarter)',
      },
      from: {...dateText, description: 'First day of a custom period (instead of period)'},
      to: {...dateText, description: 'Last day of a custom period, included'},
      format: {enum: ['md', 'html'], default: 'md', description: 'Markdown, or one self-contained HTML file with charts (prints on A4)'},
      out: {
        type: 'string',
        description: 'A file, or a folder ending in / for report-<period>.<format>, inside the workspace (default: out/)',
      },
      lang: {enum: LOCALE_ENUM, description: 'Language of the report (default: the language of the run)'},
    },
  },
  produces: {
    en: 'the operations summary report (overview, strategy, practice, evaluation, suggestions, outlook) filled from the workspace, as a Markdown or HTML file',
    'zh-CN': '由工作区数据填写的运营总结报告（概述、策略、实践、效果评估、优化建议、展望），写成 Markdown 或 HTML 文件',
  },
  describe: (input, t) =>
    t('report.step.describe', {
      period: reportStepPeriod(input) ?? t('report.step.lastQuarter'),
      format: input.format ?? 'md',
      out: input.out ?? 'out/',
    }),
}

import type {Locale} from '../../i18n/index.js'
import {REPORT_FORMATS, type ReportFormat} from '../../report/types.js'
import {LOCALE_ENUM} from '../../schema/kinds/common.js'
import type {StepSpec} from '../types.js'
import {customPeriodProperties, stepPeriodLabel, type CustomPeriodInput} from './period.js'

export interface ReportInput extends CustomPeriodInput {
  format?: ReportFormat
  out?: string
  lang?: Locale
}

/** The spec of `report`: the operations summary report of a period, written as a Markdown, HTML or PDF file in the workspace. */
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
      ...customPeriodProperties,
      format: {
        enum: [...REPORT_FORMATS],
        default: 'md',
        description: 'Markdown, one self-contained HTML file with charts (prints on A4), or that HTML printed to PDF by a Chromium on the machine',
      },
      out: {
        type: 'string',
        description: 'A file, or a folder ending in / for report-<period>.<format>, inside the workspace (default: out/)',
      },
      lang: {enum: LOCALE_ENUM, description: 'Language of the report (default: the language of the run)'},
    },
  },
  produces: {
    en: 'the operations summary report (overview, strategy, practice, evaluation, suggestions, outlook) filled from the workspace, as a Markdown, HTML or PDF file',
    'zh-CN': '由工作区数据填写的运营总结报告（概述、策略、实践、效果评估、优化建议、展望），写成 Markdown、HTML 或 PDF 文件',
  },
  describe: (input, t) =>
    t('report.step.describe', {
      period: stepPeriodLabel(input) ?? t('report.step.lastQuarter'),
      format: input.format ?? 'md',
      out: input.out ?? 'out/',
    }),
}

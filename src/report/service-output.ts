/**
 * The report as the file a user keeps: `commops report` and the playbooks' `report` step both call reportOutput, so
 * what a run writes is what the command prints.
 */
import {translator} from '../i18n/index.js'
import {reportHtml} from './render-html.js'
import {reportMarkdown} from './render-md.js'
import {buildReport, type ReportRequest, type ReportStore, type ReportWorkspace} from './service.js'
import type {ReportFormat, ReportModel} from './types.js'

export interface ReportOutput {
  model: ReportModel
  /** Markdown, or the HTML (a PDF is that HTML printed). */
  text: string
  /** The default file name: `report-<period>.<format>`. */
  name: string
}

/** The report of a period in a format, with its default file name. */
export async function reportOutput(ws: ReportWorkspace, store: ReportStore, request: ReportRequest & {format: ReportFormat}): Promise<ReportOutput> {
  const model = await buildReport(ws, store, request)
  const t = translator(request.locale)
  const text = request.format === 'md' ? reportMarkdown(model, t) : reportHtml(model, t)
  return {model, text, name: `report-${model.period.label}.${request.format}`}
}

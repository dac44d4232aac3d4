/**
 * The report as the file a user keeps: `commops report` and the playbooks' `report` step both call reportOutput (the
 * text) and reportContent (the file's bytes: a PDF is that HTML printed), so what a run writes is what the command does.
 */
import {translator} from '../i18n/index.js'
import {printPdf, requireChromium} from './io-pdf.js'
import {reportHtml} from './render-html.js'
import {reportMarkdown} from './render-md.js'
import {buildReport, type ReportRequest, type ReportStore, type ReportWorkspace} from './service.js'
import type {ReportFormat, ReportModel} from './types.js'

export interface ReportOutput {
  model: ReportModel
  format: ReportFormat
  /** Markdown, or the HTML (a PDF is that HTML printed). */
  text: string
  /** The default file name: `report-<period>.<format>`. */
  name: string
  /** For a PDF: the browser that prints it, found before the figures were gathered. */
  browser?: string
}

/**
 * The report of a period in a format, with its default file name. A PDF needs a browser: without one this fails first
 * (report.noBrowser, with how to install one), before any figure is gathered.
 */
export async function reportOutput(ws: ReportWorkspace, store: ReportStore, request: ReportRequest & {format: ReportFormat}): Promise<ReportOutput> {
  const browser = request.format === 'pdf' ? requireChromium() : undefined
  const model = await buildReport(ws, store, request)
  const t = translator(request.locale)
  const text = request.format === 'md' ? reportMarkdown(model, t) : reportHtml(model, t)
  return {model, format: request.format, text, name: `report-${model.period.label}.${request.format}`, ...(browser ? {browser} : {})}
}

/** The bytes of the report's file: its text, or for a PDF its HTML printed to A4 by the browser reportOutput found. */
export async function reportContent(output: ReportOutput): Promise<string | Uint8Array> {
  return output.format === 'pdf' ? printPdf(output.text, {browser: output.browser}) : output.text
}

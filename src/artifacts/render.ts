import type {Locale} from '../i18n/index.js'
import type {DesiredArtifact} from '../steps/types.js'

/** Turns an artifact into the text of one export format. */
export type Renderer = (artifact: DesiredArtifact, locale: Locale) => string

const renderers = new Map<string, Map<string, Renderer>>()

/** File extension per export format. */
export const FORMAT_EXT: Record<string, string> = {md: 'md', json: 'json', csv: 'csv', ics: 'ics', html: 'html', yaml: 'yaml', txt: 'txt', surveyjs: 'surveyjs.json', 'github-issue-form': 'yml'}

/** Registers how an artifact kind is written in a format. */
export function registerRenderer(kind: string, format: string, render: Renderer): void {
  if (!renderers.has(kind)) renderers.set(kind, new Map())
  renderers.get(kind)!.set(format, render)
}

/** The renderer for a kind and format; every kind has json. */
export function getRenderer(kind: string, format: string): Renderer | undefined {
  const own = renderers.get(kind)?.get(format)
  if (own) return own
  if (format === 'json') return (a) => JSON.stringify({id: a.id, kind: a.kind, title: a.title, data: a.data}, null, 2) + '\n'
  return undefined
}

/** The formats a kind can be exported in. */
export function formatsOf(kind: string): string[] {
  return [...new Set(['json', ...(renderers.get(kind)?.keys() ?? [])])].sort()
}

/** Escapes text for a Markdown table cell. */
export function mdCell(text: unknown): string {
  return String(text ?? '').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>')
}

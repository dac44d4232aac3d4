/**
 * A logic-less renderer for client templates. The whole grammar:
 *
 *   {{name}}            the parameter's value as text
 *   {{name | yaml}}     a YAML-safe scalar: strings double-quoted and escaped, numbers and booleans bare
 *   {{name | json}}     a JSON value
 *   {{#name}}…{{/name}} the block when the value is truthy (not false, '' or 0)
 *   {{^name}}…{{/name}} the block when it is falsy
 *   ${{ … }}            left untouched (playbook expressions)
 *
 * A section tag alone on its line takes the whole line with it. Names are looked up as own
 * properties of the parameters only (no dotted paths, no prototype); values are data and are
 * never rendered again. Nothing else exists: no code, no includes, no helpers.
 */
import {ValidationError, type Msg} from '../errors.js'
import {closest} from '../util/suggest.js'
import type {ParamValue} from './schema.js'

export const FILTERS = ['yaml', 'json'] as const
export type Filter = (typeof FILTERS)[number]

export interface RenderProblem {
  line: number
  col: number
  msg: Msg
  hint?: Msg
}

export interface RenderOptions {
  /** Shown in error locations. */
  file: string
  /** Parameters that may only be substituted through a filter here (free text in YAML or JSON). */
  rawForbidden?: ReadonlySet<string>
}

type Node =
  {type: 'text'; text: string} | {type: 'var'; name: string; filter?: Filter} | {type: 'section'; name: string; inverted: boolean; children: Node[]}

interface Tag {
  start: number
  end: number
  kind: 'var' | 'open' | 'inverted' | 'close'
  name: string
  filter?: string
}

const NAME = String.raw`[A-Za-z0-9_$.\-]+`
const SECTION_RE = new RegExp(String.raw`^\s*([#^/])\s*(${NAME})\s*$`)
const VAR_RE = new RegExp(String.raw`^\s*(${NAME})\s*(?:\|\s*([A-Za-z0-9_-]*)\s*)?$`)

/** A value as a YAML scalar that cannot break out of its place: JSON, plus escapes for what YAML does not print. */
export function yamlScalar(value: ParamValue): string {
  return jsonValue(value)
}

/** A value as JSON; line and paragraph separators and C1 controls are escaped too. */
export function jsonValue(value: ParamValue): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return 'null'
  return JSON.stringify(value).replace(/[\u007f-\u009f\u2028\u2029\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** Truthiness of a section: false, '' and 0 are false. */
export function truthy(value: ParamValue): boolean {
  return value !== false && value !== '' && value !== 0
}

function lineStarts(text: string): number[] {
  const starts = [0]
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1)
  return starts
}

function positionOf(starts: number[], offset: number): {line: number; col: number} {
  let lo = 0
  let hi = starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (starts[mid] <= offset) lo = mid
    else hi = mid - 1
  }
  return {line: lo + 1, col: offset - starts[lo] + 1}
}

/** Finds the tags of a text; `${{ … }}` is skipped, malformed tags are problems. */
function scan(text: string, problem: (offset: number, msg: Msg, hint?: Msg) => void): Tag[] {
  const tags: Tag[] = []
  let i = 0
  for (;;) {
    const j = text.indexOf('{{', i)
    if (j < 0) break
    const k = text.indexOf('}}', j + 2)
    if (j > 0 && text[j - 1] === '$') {
      i = k < 0 ? j + 2 : k + 2
      continue
    }
    if (k < 0) {
      problem(j, {key: 'template.render.unclosedTag'}, {key: 'template.render.grammar'})
      break
    }
    const inner = text.slice(j + 2, k)
    const section = SECTION_RE.exec(inner)
    const variable = section ? undefined : VAR_RE.exec(inner)
    if (inner.includes('{{') || (!section && !variable)) {
      problem(j, {key: 'template.render.syntax', params: {tag: text.slice(j, k + 2)}}, {key: 'template.render.grammar'})
    } else if (section) {
      const kind = section[1] === '#' ? 'open' : section[1] === '^' ? 'inverted' : 'close'
      tags.push({start: j, end: k + 2, kind, name: section[2]})
    } else if (variable) {
      tags.push({start: j, end: k + 2, kind: 'var', name: variable[1], filter: variable[2]})
    }
    i = k + 2
  }
  return tags
}

/** Widens a section tag alone on its line to the whole line, newline included. */
function standalone(text: string, tag: Tag): {start: number; end: number} {
  if (tag.kind === 'var') return tag
  const lineStart = text.lastIndexOf('\n', tag.start - 1) + 1
  const nl = text.indexOf('\n', tag.end)
  const lineEnd = nl < 0 ? text.length : nl
  if (/^[ \t]*$/.test(text.slice(lineStart, tag.start)) && /^[ \t\r]*$/.test(text.slice(tag.end, lineEnd))) {
    return {start: lineStart, end: nl < 0 ? text.length : nl + 1}
  }
  return tag
}

/** Parses a template text into nodes, checking every name against the parameters; problems are collected, not thrown. */
export function parseTemplate(
  text: string,
  params: Readonly<Record<string, ParamValue>>,
  options: {rawForbidden?: ReadonlySet<string>} = {},
): {nodes: Node[]; problems: RenderProblem[]} {
  const starts = lineStarts(text)
  const problems: RenderProblem[] = []
  const problem = (offset: number, msg: Msg, hint?: Msg) => problems.push({...positionOf(starts, offset), msg, hint})
  const known = Object.keys(params)
  const checkName = (tag: Tag): boolean => {
    if (Object.hasOwn(params, tag.name)) return true
    const best = closest(tag.name, known)
    problem(
      tag.start,
      {key: 'template.render.unknownParam', params: {name: tag.name}},
      {
        key: 'template.render.unknownParam.hint',
        params: {params: known.join(', ') || '—', suggest: best ? ` {{${best}}}?` : ''},
      },
    )
    return false
  }

  const root: Node[] = []
  const stack: Array<{tag: Tag; children: Node[]}> = []
  const top = () => (stack.length > 0 ? stack[stack.length - 1].children : root)
  let at = 0
  for (const tag of scan(text, problem)) {
    const span = standalone(text, tag)
    if (span.start > at) top().push({type: 'text', text: text.slice(at, span.start)})
    at = span.end
    if (tag.kind === 'var') {
      const filter = tag.filter
      if (filter !== undefined && !(FILTERS as readonly string[]).includes(filter)) {
        const best = closest(filter, FILTERS)
        problem(
          tag.start,
          {key: 'template.render.unknownFilter', params: {filter}},
          {key: 'template.render.unknownFilter.hint', params: {filters: FILTERS.join(', '), suggest: best ? ` | ${best}?` : ''}},
        )
        continue
      }
      if (!checkName(tag)) continue
      if (filter === undefined && options.rawForbidden?.has(tag.name)) {
        problem(tag.start, {key: 'template.render.raw', params: {name: tag.name}}, {key: 'template.render.raw.hint', params: {name: tag.name}})
        continue
      }
      top().push({type: 'var', name: tag.name, filter: filter as Filter | undefined})
    } else if (tag.kind === 'close') {
      const open = stack.pop()
      if (!open) {
        problem(tag.start, {key: 'template.render.unexpectedClose', params: {name: tag.name}})
      } else if (open.tag.name !== tag.name) {
        problem(tag.start, {key: 'template.render.mismatchedClose', params: {name: tag.name, expected: open.tag.name}})
        stack.push(open)
      } else {
        top().push({type: 'section', name: open.tag.name, inverted: open.tag.kind === 'inverted', children: open.children})
      }
    } else {
      checkName(tag)
      stack.push({tag, children: []})
    }
  }
  if (at < text.length) top().push({type: 'text', text: text.slice(at)})
  for (const open of stack) {
    problem(
      open.tag.start,
      {key: 'template.render.unclosedSection', params: {name: open.tag.name}},
      {key: 'template.render.unclosedSection.hint', params: {name: open.tag.name}},
    )
  }
  return {nodes: root, problems: problems.sort((a, b) => a.line - b.line || a.col - b.col)}
}

function emit(nodes: Node[], params: Readonly<Record<string, ParamValue>>, out: string[]): void {
  for (const node of nodes) {
    if (node.type === 'text') out.push(node.text)
    else if (node.type === 'var') {
      const value = params[node.name]
      out.push(node.filter === 'yaml' ? yamlScalar(value) : node.filter === 'json' ? jsonValue(value) : String(value))
    } else if (truthy(params[node.name]) !== node.inverted) {
      emit(node.children, params, out)
    }
  }
}

/** Renders a template text with parameter values; the first problem is thrown with its file:line:col, all of them in `details`. */
export function renderTemplate(text: string, params: Readonly<Record<string, ParamValue>>, options: RenderOptions): string {
  const {nodes, problems} = parseTemplate(text, params, options)
  if (problems.length > 0) {
    const [first] = problems
    throw new ValidationError(first.msg, {
      code: first.msg.key,
      hint: first.hint,
      location: {file: options.file, line: first.line, col: first.col},
      details: problems.map((p) => ({file: options.file, line: p.line, col: p.col, key: p.msg.key, params: p.msg.params})),
    })
  }
  const out: string[] = []
  emit(nodes, params, out)
  return out.join('')
}

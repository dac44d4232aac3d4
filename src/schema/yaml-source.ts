import {FAILSAFE_SCHEMA, loadAll, Type} from 'js-yaml'
import type {Node, YAMLError} from 'yaml'
import {lazyRequire} from '../util/lazy.js'

/**
 * yaml (the full parser, with positions) is read from node_modules when first needed: to place a problem, or for a
 * file the fast path leaves to it. A valid file never loads it.
 */
const yaml = lazyRequire<typeof import('yaml')>('yaml')

/** A 1-based position in a text file. */
export interface Position {
  line: number
  col: number
}

/** One YAML document of a file, with its value and a way back from JSON pointers to positions. */
export interface SourceDoc {
  file: string
  index: number
  value: unknown
  /** The whole file's text, which this document is part of. */
  text: string
  /** Position of the node at a JSON pointer; `key` points at the key of a map entry instead of its value. */
  locate(pointer: string, options?: {key?: boolean}): Position
  /** Position of a character offset in the file. */
  positionOf(offset: number): Position
  /** Position of a character inside the string scalar at a pointer (quotes accounted for). */
  locateInString(pointer: string, offset: number): Position
}

export interface YamlProblem {
  code: string
  message: string
  position: Position
}

export interface ParsedYaml {
  docs: SourceDoc[]
  problems: YamlProblem[]
}

/** Splits a JSON pointer into unescaped segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return []
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
}

/** Builds a JSON pointer from segments. */
export function toPointer(segments: Array<string | number>): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('')
}

type MapNode = Extract<Node, {items: unknown[]}> & {items: Array<{key: unknown; value: unknown}>}

/**
 * Each mapping's pairs by key, built once per mapping: a file with many problems in one large mapping (60,000 unknown
 * keys) locates each of them at once instead of scanning the mapping for every one.
 */
const pairIndex = new WeakMap<object, Map<string, MapNode['items'][number]>>()
function pairOf(node: MapNode, segment: string) {
  let index = pairIndex.get(node)
  if (!index) {
    const {isScalar} = yaml()
    index = new Map()
    for (const p of node.items) {
      const key = isScalar(p.key) ? String(p.key.value) : String(p.key)
      if (!index.has(key)) index.set(key, p)
    }
    pairIndex.set(node, index)
  }
  return index.get(segment)
}

/** Finds the deepest node along a pointer; returns it and whether the whole path was found. */
function walk(root: unknown, segments: string[], wantKey: boolean): Node | undefined {
  const {isMap, isSeq} = yaml()
  let node = root as Node | undefined
  let last: Node | undefined = node
  for (const [i, segment] of segments.entries()) {
    if (isMap(node)) {
      const pair = pairOf(node, segment)
      if (!pair) return last
      if (wantKey && i === segments.length - 1 && pair.key) return pair.key as Node
      node = (pair.value as Node | null) ?? (pair.key as Node)
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)] as Node | undefined
      if (!item) return last
      node = item
    } else {
      return last
    }
    last = node
  }
  return node
}

/**
 * Parses every document of a YAML file, collecting syntax errors and duplicate keys with positions.
 *
 * Most files are one plain document. Such files are read once, by js-yaml (about five times faster than yaml's full
 * parse), which reports where each node it composes starts and ends: that is where problems are placed. Anything else
 * (several documents, anchors and aliases, tags, complex keys, any error) goes straight to the full parse, so syntax
 * errors, duplicate keys and alias bombs are reported as before; a position the fast parse cannot vouch for is asked
 * of the full parse.
 */
export function parseYaml(text: string, file: string): ParsedYaml {
  return parseFast(text, file) ?? parseWithPositions(text, file)
}

// The YAML 1.2 core schema's scalars (yaml's default), which js-yaml's own types exceed (0b…, 1_000, timestamps).
const NULL = /^(?:~|null|Null|NULL)?$/
const BOOL = /^(?:true|True|TRUE|false|False|FALSE)$/
const INT = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/
const FLOAT = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/

/**
 * Which of the core schema's types a plain scalar is (null, then bool, int, float, as the spec lists them), or none: a
 * string. Its first character says which pattern can match, so a word is turned away without trying any.
 */
function coreType(s: string): 'null' | 'bool' | 'int' | 'float' | undefined {
  if (s.length === 0) return 'null'
  const c = s.charCodeAt(0)
  // ~ n N
  if (c === 126 || c === 110 || c === 78) return s.length <= 4 && NULL.test(s) ? 'null' : undefined
  // t T f F
  if (c === 116 || c === 84 || c === 102 || c === 70) return (s.length === 4 || s.length === 5) && BOOL.test(s) ? 'bool' : undefined
  // a number starts with a digit, a sign or a dot
  if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) return INT.test(s) ? 'int' : FLOAT.test(s) ? 'float' : undefined
  return undefined
}

function coreValue(s: string): unknown {
  switch (coreType(s)) {
    case 'null':
      return null
    case 'bool':
      return s[0] === 't' || s[0] === 'T'
    case 'int':
      return s.startsWith('0o') ? Number.parseInt(s.slice(2), 8) : s.startsWith('0x') ? Number.parseInt(s.slice(2), 16) : Number(s)
    default:
      return /n/i.test(s.slice(-1)) ? Number.NaN : /f$/i.test(s) ? (s.startsWith('-') ? -Infinity : Infinity) : Number(s)
  }
}

/**
 * The core schema for js-yaml, as one implicit type: js-yaml asks each implicit type in turn about every plain scalar,
 * and one question instead of four (null, bool, int, float) takes a sixth off js-yaml's time on a community.yaml. The
 * tag it gives is seen by nothing (the fast parse leaves files with tags, and merge keys, to the full parse).
 */
const CORE_1_2 = FAILSAFE_SCHEMA.extend({
  implicit: [
    new Type('tag:yaml.org,2002:core', {
      kind: 'scalar',
      resolve: (s: string | null) => coreType(s ?? '') !== undefined,
      construct: (s: string | null) => coreValue(s ?? ''),
    }),
  ],
})
/**
 * Left to the full parse: document markers and directives, anchors and aliases, tags, explicit keys, list items that
 * start on the next line (js-yaml nests empty ones wrongly), tabs (yaml is stricter about them) and empty keys in flow
 * collections (`{: x}`: js-yaml names the key "null", yaml "").
 */
export const NOT_PLAIN = /^(?:---|\.\.\.|%)|(?:^|[\s,[{])(?:[&*]\S|!|\?(?:\s|$))|(?:^|[ \t])-[ \t]*(?:#.*)?$|\t|[[{,][ \t]*:(?:[\s,\]}]|$)/m

/** A character `\s` matches, by its code. */
function isSpaceCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13)
  if (c < 160) return false
  return (
    c === 160 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  )
}

/** The marks of an anchor, an alias, a tag and an explicit key. */
const MARKS = ['&', '*', '!', '?']

/** A dash at its line's start or after a space, then only spaces up to `at`. */
function dashBefore(text: string, at: number, lineStart: number): boolean {
  let i = at - 1
  while (i >= lineStart && text.charCodeAt(i) === 32) i--
  return i >= lineStart && text.charCodeAt(i) === 45 && (i === lineStart || text.charCodeAt(i - 1) === 32)
}

/**
 * `NOT_PLAIN.test(text)`, looking only where each part can match (line starts and ends, the rare & * ! ? marks, `#`
 * and `:`, each found by indexOf) instead of trying the whole pattern at every character: a fifth of the time on a
 * 20 kB file, for every file validated. (A loop over every character's code costs more than the pattern: the branches
 * it takes on a YAML text's mix of letters, spaces and marks are not predictable.) Texts with line breaks other than
 * \n are left to the pattern.
 */
export function notPlain(text: string): boolean {
  if (text.includes('\t')) return true
  if (text.includes('\r') || text.includes('\u2028') || text.includes('\u2029')) return NOT_PLAIN.test(text)
  // at a line's start: a document marker or a directive; at its end: a dash after white space
  for (let start = 0; start <= text.length;) {
    const c = text.charCodeAt(start)
    if (c === 37 || ((c === 45 || c === 46) && text.charCodeAt(start + 1) === c && text.charCodeAt(start + 2) === c)) return true
    let end = text.indexOf('\n', start)
    if (end < 0) end = text.length
    if (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 45) if (dashBefore(text, end, start)) return true
    start = end + 1
  }
  // the same dash before a comment
  for (let at = text.indexOf('#'); at >= 0; at = text.indexOf('#', at + 1)) if (dashBefore(text, at, text.lastIndexOf('\n', at - 1) + 1)) return true
  // an anchor, alias, tag or explicit key: & * ! ? after white space, a comma or an opening bracket
  for (const mark of MARKS) {
    for (let at = text.indexOf(mark); at >= 0; at = text.indexOf(mark, at + 1)) {
      const before = at > 0 ? text.charCodeAt(at - 1) : 32
      if (!isSpaceCode(before) && before !== 44 && before !== 91 && before !== 123) continue
      if (mark === '!') return true
      const end = at + 1 === text.length
      if (mark === '?' ? end || isSpaceCode(text.charCodeAt(at + 1)) : !end && !isSpaceCode(text.charCodeAt(at + 1))) return true
    }
  }
  // an empty key in a flow collection: `{: x}`, `[a, : b]`, looked for after each [ { and , (fewer than the colons)
  for (const mark of ['[', '{', ',']) {
    for (let at = text.indexOf(mark); at >= 0; at = text.indexOf(mark, at + 1)) {
      let i = at + 1
      while (text.charCodeAt(i) === 32) i++
      if (text.charCodeAt(i) !== 58) continue
      const after = i + 1 < text.length ? text.charCodeAt(i + 1) : 32
      if (isSpaceCode(after) || after === 44 || after === 93 || after === 125) return true
    }
  }
  return false
}

/** The offset of the first character of a node that starts at or after `from`: past spaces, line breaks and comments. */
function firstToken(text: string, from: number): number {
  let i = from
  for (;;) {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++
    if (text[i] !== '#') return i
    while (i < text.length && text[i] !== '\n') i++
  }
}

/**
 * A node as js-yaml composed it: where it opened and closed, its value, the nodes composed inside it, in order (none
 * for most: the list is made when the first child closes, as a file's nodes are mostly scalars). Every node is made
 * with all four fields, so all share one shape (adding `children` later to some made a second one: -0.4% of validate's
 * instructions on error files).
 */
interface FastNode {
  open: number
  end: number
  result: unknown
  children: FastNode[] | undefined
}

const NO_CHILDREN: readonly FastNode[] = []

const isBreak = (c: string) => c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029'

/** A line feed between two offsets. */
function hasBreak(text: string, from: number, to: number): boolean {
  const at = text.indexOf('\n', from)
  return at >= 0 && at < to
}

/** The first character after `at` past spaces and tabs on the same line, within 80 characters (`/^[ \t]*(.)/`). */
function charAfter(text: string, at: number): string | undefined {
  const end = Math.min(text.length, at + 80)
  for (let i = at; i < end; i++) {
    const c = text[i]
    if (c !== ' ' && c !== '\t') return isBreak(c) ? undefined : c
  }
  return undefined
}

/** The last character before `at` past spaces and tabs on the same line, within 80 characters (`/(.)[ \t]*$/`). */
function charBefore(text: string, at: number): string | undefined {
  const stop = Math.max(0, at - 80)
  for (let i = at - 1; i >= stop; i--) {
    const c = text[i]
    if (c !== ' ' && c !== '\t') return isBreak(c) ? undefined : c
  }
  return undefined
}

export function parseFast(text: string, file: string): ParsedYaml | undefined {
  if (notPlain(text)) return undefined
  let values: unknown[]
  let unlike = false
  // the nodes being composed, innermost last, under one that collects the documents' roots
  const stack: FastNode[] = [{open: 0, end: 0, result: undefined, children: undefined}]
  // Where js-yaml and yaml part ways, the file is left to the full parse:
  // - multi-line flow scalars and collections, which js-yaml takes even when indented less than the spec requires;
  // - collections used as keys (`[a, b]: 1`, `{{ x }}`), which the two turn into different strings;
  // - keys that are not strings (`~: x`, `1.0: y`);
  // - a comment right after a closing quote or bracket;
  // - a `__proto__` key, which js-yaml drops (it sets the prototype), so the schema would never see it (any scalar
  //   reading `__proto__` is left: one comparison per node, where searching the whole text for it took 14 µs a file).
  // Block scalars (| and >) and block collections are fine.
  const listener = (event: string, state: {kind: string | null; position: number; result: unknown; lineStart: number}) => {
    if (event === 'open') {
      stack.push({open: state.position, end: 0, result: undefined, children: undefined})
      return
    }
    const node = stack.pop()!
    node.end = state.position
    node.result = state.result
    const parentNode = stack[stack.length - 1]
    ;(parentNode.children ??= []).push(node)
    if (state.result === '__proto__') unlike = true
    // A scalar on one line with no comment after it (most nodes) needs none of the checks that look at its first
    // character. It is on one line when the line js-yaml is on began at or before the node did: js-yaml moves
    // `lineStart` past every line break it reads (and back with the position when it backtracks), which is cheaper to
    // ask than searching the text for one, for each of a file's thousand scalars. (A lone \r also counts as a break
    // there: such a scalar only goes through the checks below, which find the same.) Its path here reads no character
    // as a string (text[i]): that took a third of this listener's time.
    if (state.kind === 'scalar' && state.lineStart <= node.open && text.charCodeAt(state.position) !== 35) {
      // a key that is null, a number or a boolean (the two spell it differently as a property name), or one over 1024
      // characters (yaml rejects such implicit keys, js-yaml takes them)
      const result = state.result
      if ((typeof result !== 'string' || result.length > 1024) && charAfter(text, state.position) === ':') unlike = true
      return
    }
    const start = firstToken(text, node.open)
    const first = text[start]
    // yaml wants white space between a closing quote or bracket and a comment; js-yaml does not
    if (text[state.position] === '#' && (first === '"' || first === "'" || first === '[' || first === '{')) unlike = true
    if (state.kind === 'scalar') {
      if (first !== '|' && first !== '>' && hasBreak(text, start, state.position)) unlike = true
      // the same keys as above
      if ((typeof state.result !== 'string' || state.result.length > 1024) && charAfter(text, state.position) === ':') unlike = true
      return
    }
    if (first !== '[' && first !== '{') return
    if (hasBreak(text, start, state.position)) unlike = true
    const before = charBefore(text, start)
    const parent = stack.length > 1 ? text[firstToken(text, parentNode.open)] : undefined
    if (charAfter(text, state.position) === ':' || (parent === '{' && (before === '{' || before === ','))) unlike = true
  }
  try {
    values = loadAll(text, null, {schema: CORE_1_2, listener})
  } catch {
    return undefined
  }
  // one mapping, as every commops file is (a scalar or list at the top is for the full parse to explain)
  const root = values.length === 1 ? values[0] : undefined
  if (unlike || root === null || typeof root !== 'object' || Array.isArray(root)) return undefined
  const rootNode = stack[0].children?.[0]
  let full: SourceDoc | undefined
  const positions = (): SourceDoc => (full ??= parseWithPositions(text, file).docs[0])
  // Lines are counted only as far down as a position asks: most problems sit near a file's top, and finding every
  // line start of a 20 kB file took a third of the time of placing its one problem.
  const lineStarts = [0]
  let nextBreak = text.indexOf('\n')
  const positionOf = (offset: number): Position => {
    const at = Math.max(0, Math.min(offset, text.length))
    while (nextBreak >= 0 && lineStarts[lineStarts.length - 1] <= at) {
      lineStarts.push(nextBreak + 1)
      nextBreak = text.indexOf('\n', nextBreak + 1)
    }
    return linePosition(lineStarts, at)
  }
  return {
    problems: [],
    docs: [
      {
        file,
        index: 0,
        value: root,
        text,
        locate: (pointer, options = {}) => {
          const node = rootNode && walkFast(rootNode, pointerSegments(pointer), options.key ?? false)
          return node ? positionOf(startOf(text, node)) : positions().locate(pointer, options)
        },
        positionOf,
        locateInString: (pointer, offset) => {
          const node = rootNode && walkFast(rootNode, pointerSegments(pointer), false)
          if (!node) return positions().locateInString(pointer, offset)
          const start = startOf(text, node)
          if (node.result !== null && typeof node.result === 'object') return positionOf(start)
          const style = SCALAR_STYLE[text[start]] ?? 'PLAIN'
          let end = isEmpty(text, node) ? start : node.end
          // js-yaml ends a plain scalar after the white space that follows it
          if (style === 'PLAIN') while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--
          return positionOf(sourceOffset(text, start, end, style, offset))
        },
      },
    ],
  }
}

/** Where a node starts: its first character, or for an empty value (`key:` and nothing) where it would have been. */
function startOf(text: string, node: FastNode): number {
  if (!isEmpty(text, node)) return firstToken(text, node.open)
  let i = node.open
  while (text[i] === ' ' || text[i] === '\t') i++
  return i
}

/** A node with nothing written in it (`key:` and no value), as opposed to `key: ~` or `key: null`. */
function isEmpty(text: string, node: FastNode): boolean {
  return node.result === null && firstToken(text, node.open) >= node.end
}

const SCALAR_STYLE: Record<string, string> = {'"': 'QUOTE_DOUBLE', "'": 'QUOTE_SINGLE', '|': 'BLOCK_LITERAL', '>': 'BLOCK_FOLDED'}

/**
 * The 1-based line and column of an offset (as yaml's LineCounter.linePos), from the offsets where lines start (after
 * each \n): all of them, or those up to the first one past the offset.
 */
function linePosition(starts: number[], offset: number): Position {
  let low = 0
  let high = starts.length
  while (low < high) {
    const mid = (low + high) >> 1
    if (starts[mid] < offset) low = mid + 1
    else high = mid
  }
  if (starts[low] === offset) return {line: low + 1, col: 1}
  return {line: low, col: offset - starts[low - 1] + 1}
}

/** A node that only wraps the one composed inside it (js-yaml tries a block mapping first, then keeps the scalar). */
function unwrap(node: FastNode): FastNode {
  while (node.children?.length === 1 && Object.is(node.children[0].result, node.result)) node = node.children[0]
  return node
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)

/**
 * The node at a pointer, or the deepest one found along it (as `walk` does on yaml's nodes); undefined when the nodes
 * js-yaml reported cannot be matched with certainty to the value (then the full parse is asked). A mapping's nodes are
 * its keys and values in turn, a sequence's its items; each step checks that the node holds the value found there.
 */
/** Per mapping node: the child index of each key (first occurrence), or null when its children do not match its value. */
const keyIndexes = new WeakMap<FastNode, Map<unknown, number> | null>()

/** The key index of a mapping node, built once (a mapping of 60,000 keys is searched once per problem otherwise). */
function keyIndex(node: FastNode, value: object): Map<unknown, number> | null {
  let index = keyIndexes.get(node)
  if (index !== undefined) return index
  let kids = node.children ?? NO_CHILDREN
  const size = Object.keys(value).length
  // a mapping's last attempt at a key that found none is a node with nothing in it
  if (kids.length === 2 * size + 1 && kids.at(-1)!.result === null) kids = kids.slice(0, -1)
  if (kids.length !== 2 * size) index = null
  else {
    index = new Map()
    for (let k = 0; k < kids.length; k += 2) {
      const key = unwrap(kids[k]).result
      if (!index.has(key)) index.set(key, k)
    }
  }
  keyIndexes.set(node, index)
  return index
}

function walkFast(root: FastNode, segments: string[], wantKey: boolean): FastNode | undefined {
  let node = unwrap(root)
  for (const [i, segment] of segments.entries()) {
    const value = node.result
    const kids = node.children ?? NO_CHILDREN
    if (Array.isArray(value)) {
      if (kids.length !== value.length) return undefined
      const index = Number(segment)
      if (!/^(?:0|[1-9][0-9]*)$/.test(segment) || index >= value.length) return node
      const item = unwrap(kids[index])
      if (!Object.is(item.result, value[index])) return undefined
      node = item
    } else if (isPlainObject(value)) {
      const keys = keyIndex(node, value)
      if (!keys) return undefined
      const at = keys.get(segment) ?? -1
      if (at < 0) return Object.hasOwn(value, segment) ? undefined : node
      if (wantKey && i === segments.length - 1) return unwrap(kids[at])
      const child = unwrap(kids[at + 1])
      if (!Object.is(child.result, value[segment])) return undefined
      node = child
    } else {
      return node
    }
  }
  return node
}

/** The full parse (yaml): every document with its nodes' positions, syntax errors and duplicate keys located. */
export function parseWithPositions(text: string, file: string): ParsedYaml {
  const {isScalar, parseAllDocuments, visit} = yaml()
  // Duplicate keys are found here with one set per mapping: yaml's own check compares every key with every earlier
  // one, minutes for a mapping of 60,000 keys.
  // logLevel 'error': yaml would print its own warnings (a mapping as a key, as `{{x}}` in a template's source is) on
  // stderr as Node process warnings; what matters of them is reported as problems below
  const parsed = parseAllDocuments(text, {uniqueKeys: false, prettyErrors: false, strict: true, logLevel: 'error'})
  const problems: YamlProblem[] = []
  // Lines counted from the text itself: yaml's LineCounter misses the line breaks inside a stretch it could not
  // read, and then placed problems past the end of their line.
  const lineStarts = [0]
  for (const m of text.matchAll(/\r\n|\n|\r/g)) lineStarts.push(m.index + m[0].length)
  const positionOf = (offset: number): Position => {
    const at = Math.max(0, Math.min(offset, text.length))
    let lo = 0
    let hi = lineStarts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (lineStarts[mid] <= at) lo = mid
      else hi = mid - 1
    }
    return {line: lo + 1, col: at - lineStarts[lo] + 1}
  }
  const pushError = (e: YAMLError) => {
    const message = e.message.split('\n')[0]
    // an unclosed [ or { is reported as bad indentation where the text goes on: say what is missing
    const unclosed =
      e.code === 'BAD_INDENT' ? /^Flow (sequence|map) in block collection must be sufficiently indented and end with/.exec(message) : null
    const code = unclosed ? (unclosed[1] === 'map' ? 'UNCLOSED_FLOW_MAP' : 'UNCLOSED_FLOW_SEQ') : e.code
    problems.push({code, message, position: positionOf(e.pos[0])})
  }
  const docList = Array.isArray(parsed) ? parsed : [parsed]
  const docs: SourceDoc[] = []
  for (const [index, doc] of docList.entries()) {
    for (const e of doc.errors) pushError(e)
    // `!!int x`: yaml only warns and keeps the text, but the value does not fit its tag
    // and `%YAML 9.9`: a major version other than 1 is to be refused (the YAML spec), not read as 1.2
    const misfits = doc.warnings.filter(
      (w) => w.code === 'TAG_RESOLVE_FAILED' || (w.code === 'BAD_DIRECTIVE' && /^Unsupported YAML version (?!1\.)/.test(w.message)),
    )
    for (const w of misfits) pushError(w)
    let duplicates = misfits.length
    visit(doc, {
      Map(_, map) {
        const seen = new Set<unknown>()
        for (const pair of map.items) {
          if (!isScalar(pair.key)) continue
          if (!seen.has(pair.key.value)) seen.add(pair.key.value)
          else {
            duplicates++
            problems.push({code: 'DUPLICATE_KEY', message: 'Map keys must be unique', position: positionOf(pair.key.range?.[0] ?? 0)})
          }
        }
      },
    })
    if (doc.errors.length > 0 || duplicates > 0) continue
    const empty =
      doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null && doc.contents.range?.[0] === doc.contents.range?.[1])
    if (empty && docList.length > 1) continue
    let value: unknown
    try {
      value = doc.toJS({maxAliasCount: 100})
    } catch (error) {
      problems.push({code: 'ALIAS_COUNT', message: (error as Error).message.split('\n')[0], position: positionOf(doc.range?.[0] ?? 0)})
      continue
    }
    const locate = (pointer: string, options: {key?: boolean} = {}): Position => {
      const node = walk(doc.contents, pointerSegments(pointer), options.key ?? false)
      const offset = node?.range?.[0] ?? doc.range?.[0] ?? 0
      return positionOf(offset)
    }
    const locateInString = (pointer: string, offset: number): Position => {
      const node = walk(doc.contents, pointerSegments(pointer), false)
      if (!isScalar(node) || !node.range) return locate(pointer)
      return positionOf(sourceOffset(text, node.range[0], node.range[1], String(node.type), offset))
    }
    docs.push({file, index, value, text, locate, positionOf, locateInString})
  }
  return {docs, problems}
}

const ESCAPE_LENGTH: Record<string, number> = {x: 4, u: 6, U: 10}

/** Maps an offset in a scalar's value back to the file: quotes, escapes, folded lines and block indentation. */
export function sourceOffset(text: string, start: number, end: number, type: string, valueOffset: number): number {
  let i = start
  let v = 0
  if (type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE') i++
  if (type === 'BLOCK_LITERAL' || type === 'BLOCK_FOLDED') {
    const headerEnd = text.indexOf('\n', start)
    if (headerEnd < 0) return start
    i = headerEnd + 1
    const indent = /^ */.exec(text.slice(i))![0].length
    i += indent
    while (i < end && v < valueOffset) {
      if (text[i] === '\n') {
        i++
        let skip = 0
        while (skip < indent && text[i] === ' ') {
          i++
          skip++
        }
      } else i++
      v++
    }
    return i
  }
  while (i < end && v < valueOffset) {
    const c = text[i]
    if (c === '\\' && type === 'QUOTE_DOUBLE') i += ESCAPE_LENGTH[text[i + 1]] ?? 2
    else if (c === "'" && type === 'QUOTE_SINGLE' && text[i + 1] === "'") i += 2
    else if (c === '\n') {
      i++
      while (i < end && (text[i] === ' ' || text[i] === '\t')) i++
    } else i++
    v++
  }
  return i
}

import {
  type Document,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseAllDocuments,
  type YAMLError,
} from 'yaml'

/** A 1-based position in a text file. */
export interface Position {
  line: number
  col: number
}

/** One YAML document of a file, with its value and a way back from JSON pointers to positions. */
export interface SourceDoc {
  file: string
  index: number
  doc: Document.Parsed
  value: unknown
  lineCounter: LineCounter
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

/** Finds the deepest node along a pointer; returns it and whether the whole path was found. */
function walk(root: unknown, segments: string[], wantKey: boolean): Node | undefined {
  let node = root as Node | undefined
  let last: Node | undefined = node
  for (const [i, segment] of segments.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === segment)
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

/** Parses every document of a YAML file, collecting syntax errors and duplicate keys with positions. */
export function parseYaml(text: string, file: string): ParsedYaml {
  const lineCounter = new LineCounter()
  const parsed = parseAllDocuments(text, {lineCounter, uniqueKeys: true, prettyErrors: false, strict: true})
  const problems: YamlProblem[] = []
  const positionOf = (offset: number): Position => {
    const {line, col} = lineCounter.linePos(Math.max(0, Math.min(offset, text.length)))
    return {line, col}
  }
  const pushError = (e: YAMLError) => {
    problems.push({code: e.code, message: e.message.split('\n')[0], position: positionOf(e.pos[0])})
  }
  const docList = Array.isArray(parsed) ? parsed : [parsed]
  const docs: SourceDoc[] = []
  for (const [index, doc] of docList.entries()) {
    for (const e of doc.errors) pushError(e)
    if (doc.errors.length > 0) continue
    const empty = doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null && doc.contents.range?.[0] === doc.contents.range?.[1])
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
    docs.push({file, index, doc, value, lineCounter, locate, positionOf, locateInString})
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

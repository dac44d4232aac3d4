import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {NOT_PLAIN, notPlain, parseFast, parseWithPositions, parseYaml, type SourceDoc, toPointer} from '../../src/schema/yaml-source.js'

const root = path.resolve(import.meta.dirname, '..', '..')

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((e) =>
    e.isDirectory() ? yamlFiles(path.join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [path.join(dir, e.name)] : [],
  )
}

/** Every pointer into a value, the root first. */
function pointers(value: unknown, at: Array<string | number> = [], out: string[] = []): string[] {
  out.push(toPointer(at))
  if (Array.isArray(value)) value.forEach((v, i) => pointers(v, [...at, i], out))
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) pointers(v, [...at, k], out)
  return out
}

/** The fast path places every node, key, missing child and character in a string where the full parse does. */
function samePositions(fast: SourceDoc, full: SourceDoc, text: string): void {
  // a large file is sampled evenly, to keep the suite quick
  const every = pointers(full.value)
  const all = every.filter((_, i) => i % Math.ceil(every.length / 300) === 0)
  for (const pointer of [...all, ...all.map((p) => `${p}/missing`), '/0/1']) {
    for (const key of [false, true]) expect(fast.locate(pointer, {key}), `${pointer} key=${key}\n${text}`).toEqual(full.locate(pointer, {key}))
  }
  for (const pointer of all) {
    for (const offset of [0, 1, 3])
      expect(fast.locateInString(pointer, offset), `${pointer} +${offset}\n${text}`).toEqual(full.locateInString(pointer, offset))
  }
}

/** The fast path must give what the full parse gives, or step aside. */
function agree(text: string): 'fast' | 'full' {
  const fast = parseFast(text, 'x.yaml')
  if (!fast) return 'full'
  const full = parseWithPositions(text, 'x.yaml')
  expect(full.problems).toEqual([])
  expect(full.docs).toHaveLength(1)
  expect(fast.docs[0].value).toStrictEqual(full.docs[0].value)
  samePositions(fast.docs[0], full.docs[0], text)
  return 'fast'
}

describe('parseYaml fast path (js-yaml) agrees with the full parse (yaml)', () => {
  const files = [
    ...yamlFiles(path.join(root, 'templates')),
    ...yamlFiles(path.join(root, 'playbooks')),
    ...yamlFiles(path.join(root, 'tests', 'fixtures')),
  ]

  it.each(files.map((f) => [path.relative(root, f)]))('%s', (rel) => {
    agree(readFileSync(path.join(root, rel), 'utf8'))
  })

  it('takes the fast path for the bundled samples', () => {
    for (const locale of ['zh-CN', 'en'])
      expect(agree(readFileSync(path.join(root, 'templates', 'community', `sample.${locale}.yaml`), 'utf8'))).toBe('fast')
  })

  it('resolves scalars by the YAML 1.2 core schema, as yaml does', () => {
    const scalars = [
      '1',
      '-2',
      '+3',
      '012',
      '0o17',
      '0x1F',
      '0b101',
      '1_000',
      '1.5',
      '.5',
      '1e3',
      '-1.2E-3',
      '.inf',
      '-.Inf',
      '.nan',
      'true',
      'True',
      'FALSE',
      'yes',
      'no',
      'on',
      'null',
      '~',
      'Null',
      '',
      '2026-12-01',
      '2026-12-01T10:00:00Z',
      '0.',
      '+.5',
      '1.2.3',
      '0x',
      '0o8',
      'NULL',
      'nul',
      'TRUE',
      'false',
      'truex',
      'Falsey',
      '+',
      '-.5e3',
      'infinity',
    ]
    for (const s of scalars) expect(agree(`v: ${s}\nw: [${s || '""'}]\n`)).toBe('fast')
  })

  it('resolves random plain scalars made of the characters the core schema looks at, as yaml does (property)', () => {
    const bits = [
      '0',
      '1',
      '7',
      '9',
      '+',
      '-',
      '.',
      'e',
      'E',
      'x',
      'o',
      'b',
      'F',
      'f',
      'a',
      'l',
      's',
      'n',
      'N',
      'u',
      'L',
      't',
      'T',
      'r',
      'i',
      'I',
      '~',
      '_',
      'null',
      'true',
      'False',
      'inf',
      'NaN',
      'NULL',
    ]
    const scalar = fc.array(fc.constantFrom(...bits), {minLength: 1, maxLength: 6}).map((a) => a.join(''))
    fc.assert(
      fc.property(scalar, (s) => {
        const text = `v: ${s}\nw: [${s}]\n`
        // a fast path that steps aside (`-` alone is a list item) is fine; one that reads a value must read yaml's
        agree(text)
      }),
      {numRuns: Number(process.env.YAML_FUZZ_RUNS ?? 3000)},
    )
  })

  it('leaves anchors, aliases, tags, several documents, explicit keys and bad YAML to the full parse', () => {
    for (const text of [
      'a: &x 1\nb: *x\n',
      'a: {{ x }}\n',
      '[a, b]: 1\n',
      'a: !!str 1\n',
      '---\na: 1\n---\nb: 2\n',
      '? a\n: 1\n',
      'a: 1\na: 2\n',
      'a: [1\n',
      '# only a comment\n',
      '',
      'a:\n\t- 1\n',
      // empty keys in flow collections: js-yaml names them "null", yaml "" (found by the property below)
      'a: {: }\n',
      'a: {b: 1, : 2}\n',
      'a: [: x]\n',
      // a __proto__ key, which js-yaml drops, wherever and however it is written
      '__proto__: 1\n',
      'a:\n  "__proto__": {b: 1}\n',
      'a: {x: 1, __proto__: 2}\n',
      "l:\n  - '__proto__': 1\n",
    ]) {
      expect(parseFast(text, 'x.yaml')).toBeUndefined()
    }
    // and those still get located problems
    expect(parseYaml('a: 1\na: 2\n', 'x.yaml').problems[0]).toMatchObject({code: 'DUPLICATE_KEY', position: {line: 2, col: 1}})
  })

  it('takes a text that only mentions __proto__ (in a comment, inside a longer scalar)', () => {
    expect(agree('a: x # __proto__\nb: my__proto__\nc: [__proto__x]\n')).toBe('fast')
  })

  it('takes flow collections as values, nested or not', () => {
    for (const text of ['a: [[1], [2]]\n', 'a: {b: {c: 1}, d: [x, "y"]}\n', 'l:\n  - {name: a, tags: [b, c]}\n  - [1, {e: f}]\n'])
      expect(agree(text)).toBe('fast')
  })

  it('places nodes from the one parse, by hand', () => {
    const text = 'name: x\nlist:\n  - a\n  - "b c"\nmap:\n  # note\n  k: {a: [1, 2]}\nempty:\nlast: |\n  one\n  two\n'
    const doc = parseFast(text, 'x.yaml')!.docs[0]
    expect(doc.locate('/list/1')).toEqual({line: 4, col: 5})
    expect(doc.locateInString('/list/1', 2)).toEqual({line: 4, col: 8})
    expect(doc.locate('/map')).toEqual({line: 7, col: 3})
    expect(doc.locate('/map/k', {key: true})).toEqual({line: 7, col: 3})
    expect(doc.locate('/map/k/a/1')).toEqual({line: 7, col: 14})
    expect(doc.locate('/map/k/b')).toEqual({line: 7, col: 6})
    expect(doc.locate('/empty', {key: true})).toEqual({line: 8, col: 1})
    expect(doc.locateInString('/last', 4)).toEqual({line: 11, col: 3})
    expect(doc.positionOf(text.indexOf('two'))).toEqual({line: 11, col: 3})
    samePositions(doc, parseWithPositions(text, 'x.yaml').docs[0], text)
  })

  it('places offsets asked in any order as the full parse does (lines are counted only as far as asked)', () => {
    // a value on each line, or an empty line
    const line = fc.option(fc.stringMatching(/^[a-z 中]{0,6}$/))
    fc.assert(
      fc.property(fc.array(line, {minLength: 1, maxLength: 8}), fc.boolean(), fc.array(fc.nat(), {maxLength: 8}), (lines, newline, picks) => {
        const text = `k: v\n${lines.map((l, i) => (l === null ? '' : `k${i}: ${JSON.stringify(l)}`)).join('\n')}${newline ? '\n' : ''}`
        const fast = parseFast(text, 'x.yaml')?.docs[0]
        expect(fast, text).toBeDefined()
        if (!fast) return
        const full = parseWithPositions(text, 'x.yaml').docs[0]
        // a late offset first, then earlier and later ones, the end of the text and past it
        const offsets = [...picks.map((n) => n % (text.length + 1)), text.length, text.length + 5, 0]
        for (const at of offsets) expect(fast.positionOf(at), `offset ${at} of ${JSON.stringify(text)}`).toEqual(full.positionOf(at))
      }),
    )
  })

  it('agrees on generated mappings of plain, quoted and block scalars (property)', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9 _.:#'"\-+~中文，。！?]{0,12}$/)
    const style = fc.constantFrom('plain', 'single', 'double', 'literal', 'folded')
    const render = (v: string, s: string) =>
      s === 'single'
        ? `'${v.replace(/'/g, "''")}'`
        : s === 'double'
          ? JSON.stringify(v)
          : s === 'literal'
            ? `|\n  ${v}`
            : s === 'folded'
              ? `>-\n  ${v}`
              : v
    fc.assert(
      fc.property(fc.array(fc.tuple(word, style), {minLength: 1, maxLength: 6}), (entries) => {
        const text = entries.map(([v, s], i) => `k${i}: ${render(v, s)}`).join('\n') + '\n'
        const fast = parseFast(text, 'x.yaml')
        const full = parseWithPositions(text, 'x.yaml')
        if (!fast) return true
        // whatever js-yaml accepts, yaml accepts with the same value and positions
        expect(full.problems).toEqual([])
        expect(fast.docs[0].value).toStrictEqual(full.docs[0].value)
        samePositions(fast.docs[0], full.docs[0], text)
        return true
      }),
      {numRuns: 1000},
    )
  })

  it('never accepts what the full parse rejects or reads differently: nested documents with random edits (property)', () => {
    const scalar = fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9 _.:#'"\-+~{}[\],|>&*!?%@`中文，。！]{0,10}$/),
      fc.constantFrom('1', '0x1F', '0o7', '1.5', '.inf', 'true', 'null', '~', '2026-12-01', '"quoted # not a comment"', "'it''s'"),
    )
    const {tree} = fc.letrec((tie) => ({
      tree: fc.oneof({depthSize: 'small', withCrossShrink: true}, scalar, tie('map'), tie('seq')),
      map: fc.array(fc.tuple(fc.stringMatching(/^[a-z][a-z0-9_]{0,5}$/), tie('tree')), {maxLength: 4}),
      seq: fc.array(tie('tree'), {maxLength: 3}).map((items) => ({seq: items})),
    }))
    const render = (node: unknown, indent: string): string => {
      if (typeof node === 'string') return ` ${node}\n`
      if (Array.isArray(node)) {
        if (node.length === 0) return ' {}\n'
        return '\n' + node.map(([k, v]: [string, unknown]) => `${indent}${k}:${render(v, indent + '  ')}`).join('')
      }
      const items = (node as {seq: unknown[]}).seq
      if (items.length === 0) return ' []\n'
      return '\n' + items.map((v) => `${indent}-${render(v, indent + '  ')}`).join('')
    }
    const edit = fc.tuple(
      fc.double({min: 0, max: 1, noNaN: true}),
      fc.constantFrom('del', ' ', '\n', '\t', '#', ':', '-', '"', "'", '[', '{', '}', ']', ',', '|', '>', '\n  ', '\n    '),
    )
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.stringMatching(/^[a-z]{1,4}$/), tree), {minLength: 1, maxLength: 4}),
        fc.array(edit, {maxLength: 3}),
        (top, edits) => {
          let text = top.map(([k, v]) => `${k}:${render(v, '  ')}`).join('')
          for (const [at, op] of edits) {
            const i = Math.floor(at * text.length)
            text = op === 'del' ? text.slice(0, i) + text.slice(i + 1) : text.slice(0, i) + op + text.slice(i)
          }
          const fast = parseFast(text, 'x.yaml')
          if (!fast) return true
          const full = parseWithPositions(text, 'x.yaml')
          expect(full.problems, text).toEqual([])
          expect(fast.docs[0].value, text).toStrictEqual(full.docs[0].value)
          samePositions(fast.docs[0], full.docs[0], text)
          return true
        },
      ),
      {numRuns: Number(process.env.YAML_FUZZ_RUNS ?? 3000)},
    )
  })
})

describe('notPlain: where the fast parse steps aside', () => {
  it('says what the NOT_PLAIN pattern says, on any text made of the characters it looks at', () => {
    const chars = ['-', ' ', '\n', ':', ',', '[', '{', ']', '}', '&', '*', '!', '?', '%', '.', '#', 'a', '\u00a0', '\r', '\t', '\u3000', '\u2028']
    const text = fc.array(fc.constantFrom(...chars), {maxLength: 24}).map((a) => a.join(''))
    fc.assert(
      fc.property(text, (s) => notPlain(s) === NOT_PLAIN.test(s)),
      {numRuns: Number(process.env.YAML_FUZZ_RUNS ?? 5000)},
    )
    for (const s of [
      'a: -\n',
      'a: x # -\nb: - # c\n',
      'a: [b, : c]\n',
      '- a\n...\n',
      'k: v\n--- \n',
      'a: &x 1\n',
      'a: !!str 1\n',
      '? a\n: b\n',
      'a: b?\n',
    ])
      expect(notPlain(s), s).toBe(NOT_PLAIN.test(s))
  })

  it('says what the NOT_PLAIN pattern says on the shipped YAML files, and on those files with characters put in or taken out', () => {
    const texts = ['templates', 'playbooks'].flatMap((dir) => yamlFiles(path.join(root, dir))).map((f) => readFileSync(f, 'utf8'))
    for (const t of texts) expect(notPlain(t), t.slice(0, 80)).toBe(NOT_PLAIN.test(t))
    const bits = [
      '-',
      ' ',
      '\n',
      ':',
      ',',
      '[',
      '{',
      '&',
      '*',
      '!',
      '?',
      '%',
      '.',
      '#',
      '- ',
      '---',
      '...',
      '\v',
      '\f',
      '\ufeff',
      '\u2029',
      '\u00a0',
      '\r',
      '\t',
    ]
    const edit = fc.record({at: fc.nat(), cut: fc.nat({max: 3}), put: fc.array(fc.constantFrom(...bits), {maxLength: 3})})
    fc.assert(
      fc.property(fc.nat(), fc.array(edit, {minLength: 1, maxLength: 4}), (which, edits) => {
        let t = texts[which % texts.length]
        for (const {at, cut, put} of edits) {
          const i = at % (t.length + 1)
          t = t.slice(0, i) + put.join('') + t.slice(i + cut)
        }
        return notPlain(t) === NOT_PLAIN.test(t)
      }),
      {numRuns: Number(process.env.YAML_FUZZ_RUNS ?? 2000)},
    )
  })
})

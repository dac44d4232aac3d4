/** Tables fit the terminal: no line wider than it, CJK counted double, long text wrapped inside its column. */
import stringWidth from 'string-width'
import {afterEach, describe, expect, it, vi} from 'vitest'
import {fitColumns, table, terminalWidth} from '../../src/cli/table.js'
import {wrapText} from '../../src/cli/wrap.js'

const HEAD = ['编号', '标题', '负责人', '截止', '来源']
const ROWS = [
  ['T1', '邀请 20 位种子用户进群，并在群里做一次自我介绍接龙，让新成员彼此认识，顺便收集他们最关心的三个问题', '小王', '2026-12-01', 'launch/invite'],
  [
    'T2',
    'Pin the rules in every channel and ask each moderator to read the escalation ladder before the launch week',
    '阿强',
    '2026-12-03',
    'launch/rules',
  ],
  ['T13', '短标题', 'Lee', '', 'by hand'],
]

afterEach(() => vi.unstubAllEnvs())

describe('table', () => {
  for (const width of [60, 80, 120]) {
    it(`at ${width} columns no line is wider than the terminal, and every word of the text is still there`, () => {
      const out = table(HEAD, ROWS, {width})
      const lines = out.split('\n')
      for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(width)
      const chars = (text: string) => [...text.replace(/\s+/g, '')].sort().join('')
      expect(chars(out)).toBe(chars([...HEAD, ...ROWS.flat()].join('')))
      // the other columns keep their place: each row's id starts a line, the owner column is not broken
      expect(lines.filter((l) => /^T\d+ /.test(l))).toHaveLength(3)
      expect(out).toContain('2026-12-01')
    })
  }

  it('a table that fits is unchanged, and no limit leaves rows whole', () => {
    const wide = table(HEAD, ROWS, {width: 400})
    expect(wide.split('\n')).toHaveLength(4)
    vi.stubEnv('COLUMNS', '')
    if (!process.stdout.isTTY) expect(table(HEAD, ROWS)).toBe(wide)
  })

  it('takes its width from $COLUMNS when stdout is not a terminal', () => {
    if (process.stdout.isTTY) return
    vi.stubEnv('COLUMNS', '70')
    expect(terminalWidth()).toBe(70)
    for (const line of table(HEAD, ROWS).split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(70)
    vi.stubEnv('COLUMNS', 'wide')
    expect(terminalWidth()).toBeUndefined()
  })

  it('shrinks the widest columns first, never below their minimum', () => {
    expect(fitColumns([4, 100, 10], [4, 8, 8], 50)).toEqual([4, 32, 10])
    expect(fitColumns([4, 30, 30], [4, 8, 8], 40)).toEqual([4, 16, 16])
    expect(fitColumns([20, 20], [8, 8], 5)).toEqual([8, 8])
  })

  it('wraps at spaces, and inside CJK text by display width', () => {
    expect(wrapText('pin the rules today', 9)).toBe('pin the\nrules\ntoday')
    const zh = wrapText('邀请二十位种子用户进群', 8)
    expect(zh.split('\n')).toEqual(['邀请二十', '位种子用', '户进群'])
    expect(wrapText('abcdefghijkl', 5)).toBe('abcde\nfghij\nkl')
  })

  it("shows a cell's control characters as \\xNN: a name from a chat export sends no escape sequence to the terminal", () => {
    const out = table(['name', 'points'], [['a\u001b[31mRED\u001b]0;title\u0007\u009b2J', 5]], {width: 200})
    // eslint-disable-next-line no-control-regex
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/)
    expect(out).toContain('a\\x1b[31mRED\\x1b]0;title\\x07\\x9b2J')
    // CJK text and the row's other cells are as they were
    expect(table(['名字'], [['小王']], {width: 200})).toContain('小王')
  })
})

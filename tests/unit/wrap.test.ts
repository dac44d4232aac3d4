import fc from 'fast-check'
import stringWidth from 'string-width'
import {describe, expect, it} from 'vitest'
import {wrapText} from '../../src/cli/wrap.js'

const RUNS = Number(process.env.PROPERTY_RUNS) || 300
const CLOSING = [...'，。、；：？！）」』】》']
const OPENING = [...'（「『【《']

describe('wrapText', () => {
  it('breaks Chinese between characters, filling each line, not only at spaces', () => {
    // wrap-ansi breaks at spaces only: the sentence after `--anonymize` went whole to the next line
    expect(wrapText('格式为 CSV、JSON 或 .all-contributorsrc；--anonymize 把编号、姓名和账号换成化名。', 36).split('\n')).toEqual([
      '格式为 CSV、JSON 或',
      '.all-contributorsrc；--anonymize 把',
      '编号、姓名和账号换成化名。',
    ])
    expect(wrapText('社群的参与度得分（各等级 权重² × 人数 之和）、与上一周期相比的变化', 40).split('\n')).toEqual([
      '社群的参与度得分（各等级 权重² × 人数 之',
      '和）、与上一周期相比的变化',
    ])
  })

  it('never starts a line with a closing mark nor ends one with an opening mark', () => {
    expect(wrapText('一二三四，五六', 8).split('\n')).toEqual(['一二三', '四，五六'])
    expect(wrapText('一二三（四五）', 8).split('\n')).toEqual(['一二三', '（四五）'])
    expect(wrapText('项目：达人、大使', 6).split('\n')).toEqual(['项目：', '达人、', '大使'])
  })

  it('keeps Latin words whole and breaks at spaces as before', () => {
    expect(wrapText('pin the rules today', 9)).toBe('pin the\nrules\ntoday')
    expect(wrapText('邀请二十位种子用户进群', 8).split('\n')).toEqual(['邀请二十', '位种子用', '户进群'])
    expect(wrapText('abcdefghijkl', 5)).toBe('abcde\nfghij\nkl')
    expect(wrapText('用 discord 导出', 8).split('\n')).toEqual(['用', 'discord', '导出'])
  })

  it('property: lines fit, nothing is lost or reordered, no line starts with a closing mark or ends with an opening one', () => {
    const han = fc.constantFrom(...'社群运营积分勋章等级成员活动问卷')
    const piece = fc.oneof(
      han,
      fc.tuple(han, fc.constantFrom(...CLOSING)).map(([a, b]) => a + b),
      fc.tuple(fc.constantFrom(...OPENING), han).map(([a, b]) => a + b),
      fc.constantFrom('discord ', 'CSV', 'a ', 'community.yaml ', '2026-12-01 ', ' ', '  '),
    )
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 60}), fc.integer({min: 16, max: 40}), (parts, width) => {
        const text = parts.join('').trim()
        const lines = wrapText(text, width).split('\n')
        // only spaces are dropped, and only where a line breaks
        expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''))
        for (const line of lines) {
          expect(stringWidth(line)).toBeLessThanOrEqual(width)
          if (line !== lines[0]) expect(CLOSING).not.toContain(line[0])
          if (line !== lines.at(-1)) expect(OPENING).not.toContain(line.at(-1))
        }
      }),
      {numRuns: RUNS},
    )
  })
})

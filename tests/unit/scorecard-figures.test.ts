import {describe, expect, it} from 'vitest'

import {formatValue} from '../../src/metrics/format.js'
import {figure} from '../../src/scorecard/figures.js'

describe('scorecard figures', () => {
  it('round a ratio as the metric table does', () => {
    // 0.3815 * 100 is 38.149999… in floating point: toFixed(1) alone gives 38.1
    expect(figure(0.3815, 'ratio')).toBe('38.2%')
    for (const v of [0.3815, 0.0005, 0.1235, 0.9995, 0.4, 0.2, 1]) {
      expect(figure(v, 'ratio')).toBe(formatValue(v, 'ratio').replace(/\.0%$/, '%'))
    }
  })

  it('keep whole percents short and n/a for null', () => {
    expect(figure(0.4, 'ratio')).toBe('40%')
    expect(figure(null, 'ratio')).toBe('n/a')
  })
})

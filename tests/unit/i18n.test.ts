import {describe, expect, it} from 'vitest'
import {translator} from '../../src/i18n/index.js'

describe('translator', () => {
  const en = translator('en')
  const zh = translator('zh-CN')

  it('translates a message given as a parameter, in each of its forms', () => {
    const hint = (suggest: unknown) => en({key: 'playbook.notFound.hint', params: {names: 'launch', suggest}})
    expect(hint({$msg: {key: 'suggest.didYouMean', params: {value: 'launch'}}})).toBe(
      `Available: launch.${en('suggest.didYouMean', {value: 'launch'})} Or give a path to a .yaml file.`,
    )
    expect(hint({key: 'suggest.didYouMean', params: {value: 'launch'}})).toBe(hint({$msg: {key: 'suggest.didYouMean', params: {value: 'launch'}}}))
    expect(hint({$key: 'error.label'})).toBe('Available: launch.Error Or give a path to a .yaml file.')
    expect(hint({$msg: {key: 'suggest.didYouMean', params: {value: 'x'}}})).not.toContain('[object Object]')
    expect(zh('playbook.notFound.hint', {names: 'launch', suggest: {$key: 'error.label'}})).toContain('错误')
  })

  it('leaves plain values and unknown placeholders as they are', () => {
    expect(en('playbook.notFound', {name: 'lunch'})).toBe('No playbook named `lunch`')
    expect(en('no.such.key {x}', {})).toBe('no.such.key {x}')
  })
})

import {describe, expect, it} from 'vitest'
import {ExprEvalError, evaluateTemplate, parseTemplate, resolveDeep} from '../../src/playbook/expr.js'
import {MAX_TEXT, jsonBytes} from '../../src/playbook/limits.js'

const big = 'x'.repeat(MAX_TEXT / 2 + 1)
const scope = {vars: {big, small: 'ab', list: Array.from({length: 10}, () => 'y'.repeat(MAX_TEXT / 10))}}

const evalText = (text: string) => evaluateTemplate(parseTemplate(text), scope)

describe('expression size limits', () => {
  it('an interpolation that doubles a long text is refused at the expression that overflows', () => {
    const text = 'a ${{ vars.big }} b ${{ vars.big }}'
    let error: unknown
    try {
      evalText(text)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(ExprEvalError)
    expect((error as ExprEvalError).code).toBe('expr.tooBig')
    expect((error as ExprEvalError).offset).toBe(text.lastIndexOf('vars.big'))
    expect((error as ExprEvalError).hint?.key).toBe('expr.tooBig.hint')
  })

  it('format and join stop as soon as the text is too long', () => {
    expect(() => evalText("${{ format('{0}{0}', vars.big) }}")).toThrow(/longer than 1000000/)
    expect(() => evalText("${{ join(vars.list, '--') }}")).toThrow(/longer than 1000000/)
    expect(() => evalText("${{ upper(format('{0}{0}', vars.big)) }}")).toThrow(ExprEvalError)
  })

  it('texts up to the limit pass, and resolveDeep locates the failure by pointer', () => {
    expect((evalText('${{ vars.big }}${{ vars.small }}') as string).length).toBe(big.length + 2)
    expect(evalText('${{ vars.list }}')).toBe(scope.vars.list)
    try {
      resolveDeep({message: ['ok', '${{ vars.big }}${{ vars.big }}']}, scope)
      expect.unreachable()
    } catch (e) {
      expect((e as ExprEvalError).pointer).toBe('/message/1')
    }
  })

  it('jsonBytes counts UTF-8 bytes', () => {
    expect(jsonBytes({a: '社群'})).toBe(Buffer.byteLength('{"a":"社群"}'))
  })
})

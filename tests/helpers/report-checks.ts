/** Checks of the CI report formats shared by validate's and the scorecard's tests: XML well-formedness, the SARIF subset. */
import {Ajv} from 'ajv'
import {expect} from 'vitest'

/** A small well-formedness check: balanced, properly nested tags, quoted attributes, escaped text and attributes. */
export function checkXml(xml: string): {root: string; elements: Array<{name: string; attrs: Record<string, string>; text: string}>} {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true)
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '')
  const stack: Array<{name: string; attrs: Record<string, string>; text: string}> = []
  const elements: Array<{name: string; attrs: Record<string, string>; text: string}> = []
  let root = ''
  const token = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[\w:.-]+="[^"<&]*(?:&(?:amp|lt|gt|quot|apos);[^"<&]*)*")*)\s*(\/?)>|([^<]+)/gy
  let m: RegExpExecArray | null
  let consumed = 0
  while ((m = token.exec(body))) {
    consumed = token.lastIndex
    const [, closing, name, attrText, selfClosing, text] = m
    if (text !== undefined) {
      expect(text, 'text outside the root').toSatisfy((t: string) => stack.length > 0 || t.trim() === '')
      expect(text.replace(/&(amp|lt|gt|quot|apos);/g, ''), 'raw & or > in text').not.toMatch(/[&<]/)
      if (stack.length) stack[stack.length - 1].text += text
      continue
    }
    if (closing) {
      const open = stack.pop()
      expect(open?.name, `</${name}> closes ${open?.name}`).toBe(name)
      continue
    }
    const attrs: Record<string, string> = {}
    for (const [, k, v] of attrText.matchAll(/([\w:.-]+)="([^"]*)"/g)) {
      expect(attrs, `duplicate attribute ${k}`).not.toHaveProperty(k)
      attrs[k] = v
    }
    const element = {name, attrs, text: ''}
    elements.push(element)
    if (stack.length === 0) {
      expect(root, 'a second root element').toBe('')
      root = name
    }
    if (!selfClosing) stack.push(element)
  }
  expect(consumed, `unparseable XML near: ${body.slice(consumed, consumed + 60)}`).toBe(body.length)
  expect(stack.map((e) => e.name)).toEqual([])
  return {root, elements}
}

/**
 * The parts of the SARIF 2.1.0 schema (https://json.schemastore.org/sarif-2.1.0.json) that code-scanning uploads
 * depend on. The full schema is not available offline in node_modules, so this subset is checked instead.
 */
export const sarifSubset = {
  type: 'object',
  required: ['version', 'runs'],
  properties: {
    version: {const: '2.1.0'},
    $schema: {type: 'string', format: 'uri'},
    runs: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['tool'],
        properties: {
          tool: {
            type: 'object',
            required: ['driver'],
            properties: {
              driver: {
                type: 'object',
                required: ['name'],
                properties: {
                  name: {type: 'string', minLength: 1},
                  version: {type: 'string'},
                  informationUri: {type: 'string', format: 'uri'},
                  rules: {
                    type: 'array',
                    items: {type: 'object', required: ['id'], properties: {id: {type: 'string'}, shortDescription: {$ref: '#/$defs/message'}}},
                  },
                },
              },
            },
          },
          originalUriBaseIds: {
            type: 'object',
            additionalProperties: {type: 'object', properties: {uri: {type: 'string', format: 'uri', pattern: '/$'}}},
          },
          artifacts: {type: 'array', items: {type: 'object', properties: {location: {$ref: '#/$defs/artifactLocation'}}}},
          results: {
            type: 'array',
            items: {
              type: 'object',
              required: ['message'],
              properties: {
                ruleId: {type: 'string'},
                ruleIndex: {type: 'integer', minimum: -1},
                level: {enum: ['none', 'note', 'warning', 'error']},
                message: {$ref: '#/$defs/message'},
                locations: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      physicalLocation: {
                        type: 'object',
                        required: ['artifactLocation'],
                        properties: {
                          artifactLocation: {$ref: '#/$defs/artifactLocation'},
                          region: {
                            type: 'object',
                            properties: {startLine: {type: 'integer', minimum: 1}, startColumn: {type: 'integer', minimum: 1}},
                          },
                        },
                      },
                      logicalLocations: {
                        type: 'array',
                        items: {type: 'object', properties: {fullyQualifiedName: {type: 'string'}, kind: {type: 'string'}}},
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
  $defs: {
    message: {type: 'object', anyOf: [{required: ['text']}, {required: ['id']}], properties: {text: {type: 'string'}}},
    artifactLocation: {type: 'object', properties: {uri: {type: 'string', format: 'uri-reference'}, uriBaseId: {type: 'string'}}},
  },
}

/** Validates a SARIF document against sarifSubset; returns ajv's errors (none when it passes). */
export async function sarifErrors(sarif: unknown): Promise<unknown[]> {
  const addFormats = (await import('ajv-formats')).default as unknown as (ajv: Ajv) => Ajv
  const ajv = addFormats(new Ajv({allErrors: true, strict: false}))
  const validate = ajv.compile(sarifSubset)
  return validate(sarif) ? [] : (validate.errors ?? [])
}

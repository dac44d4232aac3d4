import type * as Luxon from 'luxon'
import {lazyRequire} from './lazy.js'

/**
 * luxon (~105 kB) as its users import it, `import {DateTime} from '../util/luxon.js'`, but read from node_modules on
 * the first call of one of its functions: a command that does no date math (task list, validate of most files) never
 * loads it. Only the classes' static functions go through here (`DateTime.fromISO`, `Duration.fromObject`); the
 * objects they return are luxon's own. Every user imports luxon from here, so a run never holds two copies.
 */
const luxon = lazyRequire<typeof Luxon>('luxon')

/** A class whose statics are looked up in luxon when first used. */
function lazyClass<K extends 'DateTime' | 'Duration' | 'IANAZone'>(name: K): (typeof Luxon)[K] {
  return new Proxy(Object.create(null) as (typeof Luxon)[K], {
    get(_target, key) {
      const real = luxon()[name]
      const value: unknown = Reflect.get(real, key)
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(real) : value
    },
  })
}

/** luxon's default validity of its types (`boolean`, unless its settings say invalid dates throw). */
type DefaultValidity = Luxon.DateTime extends Luxon.DateTime<infer V> ? V : never

export type DateTime<IsValid extends boolean = DefaultValidity> = Luxon.DateTime<IsValid>
export const DateTime = lazyClass('DateTime')
export type Duration<IsValid extends boolean = DefaultValidity> = Luxon.Duration<IsValid>
export const Duration = lazyClass('Duration')
export type IANAZone = Luxon.IANAZone
export const IANAZone = lazyClass('IANAZone')

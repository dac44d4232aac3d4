import type {Locale} from './locale.js'
import {catalogue} from './messages/index.js'

const tables: Partial<Record<Locale, Record<string, string>>> = {}

/**
 * One language's messages by key, falling back to English where a message has no text in that language. Built here
 * from the sources; in the package, scripts/build.mjs puts in place of this module one that reads the same table from
 * dist/messages/<locale>.json (which it writes from this function), so a command parses one language's strings when it
 * first speaks instead of loading every message in both languages at start-up.
 */
export function messageTable(locale: Locale): Record<string, string> {
  return (tables[locale] ??= Object.fromEntries(Object.entries(catalogue).map(([key, entry]) => [key, entry[locale] ?? entry.en])))
}

/**
 * Size limits of a playbook run, so a playbook (a stranger's, perhaps) cannot exhaust memory or fill the store:
 * each step's values can at most double what an earlier step made, so without a bound 40 steps reach gigabytes.
 * The bounds sit far above anything a built-in step produces (a year's calendar is about 100 kB of JSON) and far
 * below what the store and a person's editor handle comfortably.
 */

/** Characters in one expression result or interpolated string (about 1 MB of ASCII text). */
export const MAX_TEXT = 1_000_000
/** Bytes of a step's outputs and messages, as JSON: what later steps read and the run record keeps. */
export const MAX_STEP_OUTPUT = 4_000_000
/** Bytes of one artifact's data, as JSON: what db.json keeps for it. */
export const MAX_ARTIFACT = 16_000_000

/** The UTF-8 size of a value as JSON, or Infinity when it cannot be serialised (too long for one string). */
export function jsonBytes(value: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(value) ?? '')
  } catch {
    return Number.POSITIVE_INFINITY
  }
}

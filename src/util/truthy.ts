/** GitHub Actions truthiness: false, 0, -0, NaN, '' and null are falsy; everything else, `[]` and `{}` included, is truthy. */
export function isTruthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === '') return false
  if (typeof value === 'number') return value !== 0 && !Number.isNaN(value)
  return true
}

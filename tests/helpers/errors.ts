import {CommopsError} from '../../src/errors.js'

/** The CommopsError a function throws; any other outcome fails the test. */
export function thrown(fn: () => unknown): CommopsError {
  try {
    fn()
  } catch (error) {
    if (error instanceof CommopsError) return error
    throw error
  }
  throw new Error('expected an error')
}

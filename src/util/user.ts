/** Who is at the keyboard, for records of who changed what: $COMMOPS_USER, else the login name. */
import os from 'node:os'

/** The name to record as the author of a change. */
export function currentUser(): string {
  try {
    return process.env.COMMOPS_USER || os.userInfo().username
  } catch {
    return 'unknown'
  }
}

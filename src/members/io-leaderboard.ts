/**
 * `.commops/ledger/leaderboard.json`: the stored leaderboard (leaderboard.ts), written after each points recompute (not
 * after a manual award, which stays one short update), named by the hash of what it was computed from (the ledgers,
 * the manual awards, the links, the records). A reader whose inputs hash differently (an award, links or records
 * changed since, an older workspace without the file, a damaged file) computes the rows from the month totals as
 * before; the file is only ever a shortcut. It is written from the store as read after the recompute's update, so the
 * rows and their key always come from the same inputs.
 */
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import type {Db} from '../store/index.js'
import {writeFileAtomic} from '../util/fs.js'
import {sha256Hex} from '../util/hash.js'
import {readIncentiveFile, readMonthTotals, ledgerDir} from './io-ledger.js'
import {readPersons} from './io-records.js'
import {buildLeaderboard, LEADERBOARD_ROWS, storedLeaders, type Leader, type MonthInputs} from './leaderboard.js'
import {MonthColumns} from './month-columns.js'
import type {LedgerEntry, MonthTotals} from './points.js'

type Inputs = Pick<Db, 'incentives' | 'memberLinks' | 'memberRecords'>

const fileOf = (root: string): string => path.join(ledgerDir(root), 'leaderboard.json')

/** What the leaderboard depends on, hashed. */
const keyOf = (db: Inputs): string =>
  sha256Hex(
    JSON.stringify([
      LEADERBOARD_ROWS,
      db.incentives.computed?.hash ?? null,
      db.incentives.computed?.months ?? null,
      db.incentives.manual?.hash ?? null,
      db.incentives.manual?.entries ?? 0,
      db.memberLinks,
      db.memberRecords.snapshot?.hash ?? null,
    ]),
  )

/** The manual entries, identities resolved to their person. */
const readManual = async (root: string, db: Inputs, persons: Map<string, string>): Promise<LedgerEntry[]> =>
  (await readIncentiveFile<LedgerEntry>(root, db.incentives.manual)).map((e) => ({...e, member: persons.get(e.member) ?? e.member}))

/** The month totals, manual entries and persons; undefined when the computed ledger keeps no month totals (an older store). */
export async function readMonthInputs(root: string, db: Inputs): Promise<MonthInputs | undefined> {
  const computed = db.incentives.computed
  const months = computed ? await readMonthTotals<MonthTotals>(root, computed) : {}
  if (!months) return undefined
  const {index: persons, members: identitiesOf} = await readPersons(root, db)
  return {months, manual: await readManual(root, db, persons), persons, identitiesOf}
}

/** The stored rows of a period (see storedLeaders); undefined when the file is missing, damaged or of other inputs. */
export async function readLeaders(root: string, db: Inputs, period: {from: string; to: string}, limit: number): Promise<Leader[] | undefined> {
  let board: unknown
  try {
    board = JSON.parse(await readFile(fileOf(root), 'utf8'))
  } catch {
    return undefined
  }
  return storedLeaders(board, keyOf(db), period, limit)
}

/**
 * Writes the leaderboard of the store as it is now (`known`: the month totals of the ledger of that hash, when the
 * caller has just made them: not read again). Best effort: when it cannot be written the readers compute the rows
 * themselves, so a failure here never fails the change that called it.
 */
export async function writeLeaderboard(
  root: string,
  store: {read: () => Promise<Inputs>},
  known?: {hash: string; columns: MonthColumns},
): Promise<void> {
  try {
    const db = await store.read()
    const computed = db.incentives.computed
    const {index: persons} = await readPersons(root, db)
    const person = (member: string): string => persons.get(member) ?? member
    let columns = computed && computed.hash === known?.hash ? known.columns : undefined
    if (!columns) {
      const months = computed ? await readMonthTotals<MonthTotals>(root, computed) : {}
      if (!months) return
      columns = MonthColumns.of(months)
    }
    const board = buildLeaderboard(keyOf(db), columns.keyed(person), await readManual(root, db, persons))
    await writeFileAtomic(fileOf(root), JSON.stringify(board), {root})
  } catch {
    // the readers fall back to the month totals
  }
}

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

/**
 * The month totals, manual entries and persons; undefined when the computed ledger keeps no month totals (an older
 * store). `known`: the month totals of the ledger of that hash, when the caller has just written them (not read again).
 */
export async function readMonthInputs(root: string, db: Inputs, known?: {hash: string; months: MonthTotals}): Promise<MonthInputs | undefined> {
  const computed = db.incentives.computed
  const months = !computed ? {} : computed.hash === known?.hash ? known.months : await readMonthTotals<MonthTotals>(root, computed)
  if (!months) return undefined
  const {index: persons, members: identitiesOf} = await readPersons(root, db)
  const manual = (await readIncentiveFile<LedgerEntry>(root, db.incentives.manual)).map((e) => ({...e, member: persons.get(e.member) ?? e.member}))
  return {months, manual, persons, identitiesOf}
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
 * Writes the leaderboard of the store as it is now (`known`: as readMonthInputs). Best effort: when it cannot be
 * written the readers compute the rows themselves, so a failure here never fails the change that called it.
 */
export async function writeLeaderboard(
  root: string,
  store: {read: () => Promise<Inputs>},
  known?: {hash: string; months: MonthTotals},
): Promise<void> {
  try {
    const db = await store.read()
    const inputs = await readMonthInputs(root, db, known)
    if (inputs) await writeFileAtomic(fileOf(root), JSON.stringify(buildLeaderboard(keyOf(db), inputs)), {root})
  } catch {
    // the readers fall back to the month totals
  }
}

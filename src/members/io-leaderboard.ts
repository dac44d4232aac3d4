/**
 * `.commops/ledger/leaderboard.json`: the stored leaderboard (leaderboard.ts), written after each points recompute (not
 * after a manual award, which stays one short update), named by the hash of what it was computed from (the ledgers,
 * the manual awards, the links, the records). A reader whose inputs hash differently (an award, links or records
 * changed since, an older workspace without the file, a damaged file) computes the rows from the month totals as
 * before; the file is only ever a shortcut. It is made from the inputs the recompute read (with its new ledger) and
 * keyed by them, so the rows and their key always come from the same inputs.
 */
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import type {Db} from '../store/index.js'
import {writeFileAtomic} from '../util/fs.js'
import {sha256Hex} from '../util/hash.js'
import {readIncentiveFile, readMonthTotals, ledgerDir, monthsName} from './io-ledger.js'
import {readPersons} from './io-records.js'
import {buildLeaderboard, LEADERBOARD_ROWS, storedLeaders, type Leader, type MonthInputs, type StoredLeaderboard} from './leaderboard.js'
import {MonthColumns} from './month-columns.js'
import type {LedgerEntry, MonthTotals} from './points.js'

type Inputs = Pick<Db, 'incentives' | 'memberLinks' | 'memberRecords'>

const fileOf = (root: string): string => path.join(ledgerDir(root), 'leaderboard.json')

/** What the leaderboard depends on, hashed (`computed`: the computed ledger's, by default the one the index names). */
const keyOf = (db: Inputs, computed: {hash: string; months?: string} | undefined = db.incentives.computed): string =>
  sha256Hex(
    JSON.stringify([
      LEADERBOARD_ROWS,
      computed?.hash ?? null,
      computed?.months ?? null,
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
 * The leaderboard a recompute is about to store, made from the inputs it read (`db`, with the ledger of `hash` as
 * the computed one; `manual` resolved to persons) while the ledger's fsync runs, to be written by writeBoard once the
 * index names that ledger. Its key names those inputs: when another command changed them meanwhile, a reader finds
 * another key and computes the rows. Undefined when it cannot be made (the readers compute the rows).
 */
export function boardFor(
  db: Inputs,
  hash: string,
  columns: MonthColumns,
  persons: Map<string, string>,
  manual: LedgerEntry[],
): StoredLeaderboard | undefined {
  try {
    return buildLeaderboard(
      keyOf(db, {hash, months: monthsName(hash)}),
      columns.keyed((member) => persons.get(member) ?? member),
      manual,
    )
  } catch {
    return undefined
  }
}

/** Writes a leaderboard boardFor made; best effort: when it cannot be written, the readers compute the rows. */
export async function writeBoard(root: string, board: StoredLeaderboard | undefined): Promise<void> {
  if (!board) return
  await writeFileAtomic(fileOf(root), JSON.stringify(board), {root}).catch(() => undefined)
}
